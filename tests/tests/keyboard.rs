//! A whole conversation with the keyboard alone: Tab to move, Enter and Space to act, typing to
//! answer. No clicks, no scripts setting values.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::{json, Value};

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const SPACE: &str = " ";

/// Whatever has the focus, inside the widget or out.
async fn focused(browser: &Browser) -> Value {
    browser
        .js(
            "const root = document.querySelector('outcomes-conversation').shadowRoot; \
             const el = root.activeElement; \
             return el ? { tag: el.tagName, class: el.className, text: el.textContent.trim().slice(0, 60), \
               id: el.id } : null;",
            vec![],
        )
        .await
}

async fn keys(browser: &Browser, keys: &str) {
    browser
        .client()
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// Presses Tab until the focused element inside the widget matches `css`.
async fn tab_to(browser: &Browser, css: &str) {
    for _ in 0..80 {
        let here = browser
            .js(
                "const el = document.querySelector('outcomes-conversation').shadowRoot.activeElement; \
                 return !!el && el.matches(arguments[0]);",
                vec![json!(css)],
            )
            .await;
        if here == json!(true) {
            return;
        }
        keys(browser, TAB).await;
    }
    panic!(
        "Tab never reached {css}; focus is on {}",
        focused(browser).await
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_conversation_with_the_keyboard_alone() {
    let browser = Browser::start().await;
    browser.open("/plain.html").await;
    browser.in_widget("textarea").await;
    browser.record_events().await;
    browser
        .client()
        .find(fantoccini::Locator::Css("h1"))
        .await
        .unwrap();

    tab_to(&browser, "#oc-prompt-what-matters").await;
    keys(&browser, "Seeing my grandson every week").await;
    tab_to(&browser, ".oc-nav .oc-button-primary").await;
    keys(&browser, ENTER).await;
    // Moving on puts the focus on the new stage's heading.
    assert_eq!(focused(&browser).await["class"], json!("oc-section-title"));
    for _ in 0..2 {
        tab_to(&browser, ".oc-nav .oc-button-primary").await;
        keys(&browser, ENTER).await;
    }

    // Outcomes: add one, write it, tag it, rate it.
    tab_to(&browser, ".oc-outcomes .oc-add").await;
    keys(&browser, ENTER).await;
    assert_eq!(
        focused(&browser).await["tag"],
        json!("TEXTAREA"),
        "focus goes to the new outcome"
    );
    keys(&browser, "Stay in my own home").await;
    tab_to(&browser, ".oc-tags-details > summary").await;
    keys(&browser, ENTER).await;
    tab_to(&browser, ".oc-chip-box").await;
    keys(&browser, SPACE).await;
    tab_to(&browser, ".oc-rating .oc-scale input").await;
    keys(&browser, SPACE).await;
    tab_to(&browser, ".oc-rating .oc-why").await;
    keys(&browser, "It matters more than anything").await;

    // Actions: add one for that outcome.
    tab_to(&browser, ".oc-nav .oc-button-primary").await;
    keys(&browser, ENTER).await;
    tab_to(&browser, ".oc-actions .oc-add").await;
    keys(&browser, ENTER).await;
    keys(&browser, "Ask about a stair rail").await;
    tab_to(&browser, ".oc-action-who").await;
    keys(&browser, "Practitioner").await;
    tab_to(&browser, ".oc-action-outcomes input").await;
    keys(&browser, SPACE).await;

    // The last stage, then the summary, then finishing.
    tab_to(&browser, ".oc-nav .oc-button-primary").await;
    keys(&browser, ENTER).await;
    tab_to(&browser, ".oc-consent-answer input").await;
    keys(&browser, SPACE).await;
    tab_to(&browser, ".oc-nav .oc-button-primary").await;
    keys(&browser, ENTER).await;
    tab_to(&browser, ".oc-summary .oc-finish").await;
    keys(&browser, ENTER).await;

    let record = browser
        .wait_for_js(
            "outcomes-complete",
            "return window.outcomesEvents.find(e => e.name === 'outcomes-complete')?.detail.record ?? null;",
        )
        .await;
    assert_eq!(
        record["answers"]["what-matters"]["text"],
        json!("Seeing my grandson every week")
    );
    let outcome = &record["outcomes"][0];
    assert_eq!(outcome["words"], json!("Stay in my own home"));
    assert_eq!(outcome["tags"].as_array().unwrap().len(), 1);
    assert_eq!(
        outcome["ratings"][0]["reason"],
        json!("It matters more than anything")
    );
    assert_eq!(
        record["actions"][0]["what"],
        json!("Ask about a stair rail")
    );
    assert_eq!(record["actions"][0]["outcomes"], json!([outcome["id"]]));
    assert_eq!(record["consent"].as_object().unwrap().len(), 1);
    browser.close().await;
}
