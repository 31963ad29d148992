//! The thin slice end to end: a person's words typed into the embedded widget come out as a
//! record, exactly as typed, and bad set-up shows a clear message in the widget.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::{json, Value};

/// Non-ASCII, markup characters and an ampersand: all must come back exactly, shown as text.
const WORDS: &str = "Seeing my grandson — <b>every</b> week & Sundays at Gran’s";

#[tokio::test(flavor = "multi_thread")]
async fn typed_words_reach_the_record_verbatim_and_show_as_text() {
    let browser = Browser::start().await;
    browser.open("/plain.html").await;
    let answer = browser.in_widget("textarea").await;
    let label = browser.in_widget("label").await;
    assert_eq!(
        label.text().await.unwrap(),
        "What matters to you at the moment?"
    );
    browser.record_events().await;

    answer.send_keys(WORDS).await.unwrap();

    let record = browser
        .wait_for_js(
            "an outcomes-change event with the whole sentence",
            &format!(
                "const last = window.outcomesEvents.filter(e => e.name === 'outcomes-change').at(-1); \
                 return last?.detail.record.answers['what-matters']?.text === {WORDS:?} ? last.detail.record : null;"
            ),
        )
        .await;
    assert_eq!(record["answers"]["what-matters"]["text"], json!(WORDS));
    assert_eq!(record["template"]["id"], json!("what-matters"));
    assert_eq!(record["status"], json!("draft"));
    assert_eq!(
        record["format_version"],
        json!(outcomes_core::RECORD_FORMAT_VERSION)
    );
    assert!(
        record["id"].as_str().is_some_and(|id| id.len() == 36),
        "a UUID record id: {record}"
    );
    assert!(record["template"]["hash"]
        .as_str()
        .is_some_and(|h| h.starts_with("sha256:")));
    assert_eq!(answer.prop("value").await.unwrap().as_deref(), Some(WORDS));

    // The summary shows the words as text: the markup characters are not markup.
    let summary_link = browser.in_widget(".oc-stages li:last-child button").await;
    summary_link.click().await.unwrap();
    let shown = browser.in_widget(".oc-summary .oc-words").await;
    assert_eq!(shown.text().await.unwrap(), WORDS);
    let markup_elements = browser
        .js(
            "const root = document.querySelector('outcomes-conversation').shadowRoot; \
             return root.querySelectorAll('b').length;",
            vec![],
        )
        .await;
    assert_eq!(
        markup_elements,
        json!(0),
        "the person's <b> must not become an element"
    );
    browser.close().await;
}

async fn setup_error(page: &str) -> (String, Value) {
    let browser = Browser::start().await;
    browser.open(page).await;
    let message = browser.widget_text("[role=alert]").await;
    let event = browser
        .wait_for_js(
            "an outcomes-error event",
            "return window.outcomesEvents.find(e => e.name === 'outcomes-error')?.detail.error ?? null;",
        )
        .await;
    browser.close().await;
    (message, event)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_template_name_is_explained_in_the_widget() {
    let (message, event) = setup_error("/unknown-template.html").await;
    assert!(
        message.starts_with("This conversation cannot start"),
        "{message}"
    );
    assert!(
        message.contains(
            "there is no built-in template called \"what-maters\". Did you mean \"what-matters\"?"
        ),
        "{message}"
    );
    assert_eq!(event["code"], json!("unknown-template"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_inline_template_is_explained_with_its_location() {
    let (message, event) = setup_error("/malformed-inline-template.html").await;
    assert!(
        message.contains("The template inside the element cannot be used"),
        "{message}"
    );
    assert!(message.contains("at sections[0].prompts[0]"), "{message}");
    assert!(message.contains("unknown variant `txt`"), "{message}");
    assert_eq!(event["code"], json!("invalid-template"));
}
