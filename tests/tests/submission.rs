//! Finished conversations reach the organisation's endpoint through the outbox: retried through
//! a network error and a 503 until accepted (stored exactly once), a 422 shown and kept, a
//! correction after sending sent again as the next revision, a shared device cleared once the
//! organisation has it, and nothing sent when keeping the record was refused.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::endpoint::{Endpoint, Reply};
use outcomes_e2e::Browser;
use serde_json::{json, Value};

async fn click(browser: &Browser, css: &str) {
    browser.in_widget(css).await.click().await.unwrap();
}

/// Finishes the conversation on screen from its summary: consent was not asked here, so
/// finishing says so once, and it is finished as it is.
async fn finish(browser: &Browser) {
    click(browser, ".oc-stages li:last-child button").await;
    click(browser, ".oc-summary .oc-finish").await;
    click(browser, ".oc-finish-anyway").await;
}

async fn finish_a_conversation(browser: &Browser, endpoint: &Endpoint, words: &str) {
    start_with_words(browser, endpoint, "", words).await;
    finish(browser).await;
}

/// Opens the page with `endpoint` (and `more` in its address) and types `words` as the first
/// answer.
async fn start_with_words(browser: &Browser, endpoint: &Endpoint, more: &str, words: &str) {
    browser
        .open(&format!("/submit.html?endpoint={}{more}", endpoint.url()))
        .await;
    browser
        .in_widget("textarea")
        .await
        .send_keys(words)
        .await
        .unwrap();
}

/// Whether `text` holds a date written as ISO text (`2026-12-07`).
fn has_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(10).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && w[4] == b'-'
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[7] == b'-'
    })
}

/// The records kept on this device (not the outbox), parsed.
async fn kept_records(browser: &Browser) -> Value {
    browser
        .js(
            "return Object.keys(localStorage).filter(k => k.includes(':record:')) \
               .map(k => JSON.parse(localStorage.getItem(k)));",
            vec![],
        )
        .await
}

async fn outbox_line(browser: &Browser, class: &str) -> String {
    browser
        .in_widget(&format!(".oc-outbox .{class}"))
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn retries_through_a_network_error_and_a_503_then_stores_the_record_once() {
    let endpoint = Endpoint::start(vec![
        Reply::HangUp,
        Reply::Status(503, "busy, try later"),
        Reply::Accept,
    ]);
    let browser = Browser::start().await;
    let words = "Back to the bowling club — by spring";
    finish_a_conversation(&browser, &endpoint, words).await;

    let sent = outbox_line(&browser, "oc-outbox-sent").await;
    assert!(sent.contains("sent at"), "{sent}");
    assert_eq!(endpoint.posts(), 3, "a network error, a 503, then accepted");
    let stored = endpoint.stored();
    assert_eq!(stored.len(), 1, "exactly one record stored");
    let (key, body) = stored.into_iter().next().unwrap();
    let record: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        format!("{}#{}", record["id"].as_str().unwrap(), record["revision"]),
        key,
        "the record id and revision are the idempotency key"
    );
    assert_eq!(record["answers"]["what-matters"]["text"], json!(words));
    assert_eq!(record["status"], json!("complete"));
    let submitted = browser
        .wait_for_js(
            "an outcomes-submitted event",
            "return window.outcomesEvents.find(e => e.name === 'outcomes-submitted')?.detail.record ?? null;",
        )
        .await;
    assert_eq!(submitted["id"], record["id"]);
    // The copy on this device now says it was sent.
    browser
        .wait_for_js(
            "the saved record marked as submitted",
            "const key = Object.keys(localStorage).find(k => k.includes(':record:')); \
             return JSON.parse(localStorage.getItem(key))?.status === 'submitted';",
        )
        .await;
    // Dates in the outbox as the page's language writes them, not as ISO text.
    assert!(!has_iso_date(&sent), "{sent}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refusal_is_shown_kept_in_the_outbox_and_not_retried() {
    let endpoint = Endpoint::start(vec![Reply::Status(422, "consent is missing")]);
    let browser = Browser::start().await;
    finish_a_conversation(&browser, &endpoint, "My own words").await;

    let refused = outbox_line(&browser, "oc-outbox-refused").await;
    assert!(refused.contains("refused it (error 422)"), "{refused}");
    assert!(refused.contains("consent is missing"), "{refused}");
    let error = browser
        .wait_for_js(
            "an outcomes-error event",
            "return window.outcomesEvents.find(e => e.name === 'outcomes-error')?.detail.error ?? null;",
        )
        .await;
    assert_eq!(error["code"], json!("submission-refused"));

    // A reload: still listed, still not retried.
    browser.client().refresh().await.unwrap();
    let refused = outbox_line(&browser, "oc-outbox-refused").await;
    assert!(refused.contains("error 422"), "{refused}");
    let kept = browser
        .js(
            "const key = Object.keys(localStorage).find(k => k.endsWith(':outbox')); \
             return JSON.parse(localStorage.getItem(key));",
            vec![],
        )
        .await;
    assert_eq!(kept[0]["state"], json!("refused"));
    let kept_record: Value = serde_json::from_str(kept[0]["record"].as_str().unwrap()).unwrap();
    assert_eq!(
        kept_record["answers"]["what-matters"]["text"],
        json!("My own words")
    );
    assert_eq!(endpoint.posts(), 1, "a refused record is not sent again");
    browser.close().await;
}

/// The bug: after "Finish" and a successful POST, a correction was saved on the device and never
/// sent. Now it is the next revision, sent with its own key, and the server keeps both.
#[tokio::test(flavor = "multi_thread")]
async fn a_correction_after_sending_is_sent_again_as_the_next_revision() {
    let endpoint = Endpoint::start(vec![Reply::Accept]);
    let browser = Browser::start().await;
    finish_a_conversation(&browser, &endpoint, "Back to the bowling club").await;
    outbox_line(&browser, "oc-outbox-sent").await;
    let finished = browser.widget_text(".oc-finished").await;
    assert!(finished.contains("the organisation has it"), "{finished}");
    // A correction: back to the first stage, the words changed.
    click(&browser, ".oc-stages li:first-child button").await;
    browser
        .in_widget("#oc-prompt-what-matters")
        .await
        .send_keys(", by spring")
        .await
        .unwrap();
    let changed = browser.widget_text(".oc-changed").await;
    assert!(changed.contains("Finish it again"), "{changed}");
    click(&browser, ".oc-changed .oc-button").await;
    click(&browser, ".oc-summary .oc-finish").await;
    click(&browser, ".oc-finish-anyway").await;
    browser
        .wait_for_js(
            "the second revision sent",
            "return document.querySelector('outcomes-conversation').shadowRoot \
               .querySelectorAll('.oc-outbox-sent').length === 2 || null;",
        )
        .await;
    let stored = endpoint.stored();
    assert_eq!(stored.len(), 2, "both revisions kept: {stored:?}");
    let revisions: Vec<Value> = stored
        .values()
        .map(|body| serde_json::from_str(body).unwrap())
        .collect();
    assert_eq!(revisions[0]["id"], revisions[1]["id"], "one record");
    assert_eq!(revisions[0]["revision"], json!(1));
    assert_eq!(revisions[1]["revision"], json!(2));
    assert_eq!(revisions[1]["replaces"]["revision"], json!(1));
    assert_eq!(
        revisions[1]["answers"]["what-matters"]["text"],
        json!("Back to the bowling club, by spring")
    );
    let second = browser
        .widget_text(".oc-outbox-sent[data-revision='2']")
        .await;
    assert!(second.contains("version 2"), "{second}");
    assert_eq!(endpoint.posts(), 2, "each revision sent once");
    browser.close().await;
}

/// On a shared device (`clear-when-sent`), the words leave the device once the organisation has
/// them: the record is gone, the outbox keeps the line without the words.
#[tokio::test(flavor = "multi_thread")]
async fn a_shared_device_is_cleared_once_the_organisation_has_the_record() {
    let endpoint = Endpoint::start(vec![Reply::Accept]);
    let browser = Browser::start().await;
    start_with_words(&browser, &endpoint, "&clear", "Private words").await;
    finish(&browser).await;
    let status = browser
        .wait_for_js(
            "cleared from the device",
            "return document.querySelector('outcomes-conversation').shadowRoot \
               .querySelector('.oc-save')?.textContent.includes('cleared') ? 'yes' : null;",
        )
        .await;
    assert_eq!(status, json!("yes"));
    assert_eq!(endpoint.stored().len(), 1);
    assert_eq!(
        kept_records(&browser).await,
        json!([]),
        "no record left on the device"
    );
    let everything = browser
        .js(
            "return Object.keys(localStorage).map(k => localStorage.getItem(k)).join(' ');",
            vec![],
        )
        .await;
    assert!(
        !everything.as_str().unwrap().contains("Private words"),
        "the words are gone from the device: {everything}"
    );
    outbox_line(&browser, "oc-outbox-sent").await;
    browser.close().await;
}

/// Keeping the record was refused: finishing says it will not be sent, and it is not.
#[tokio::test(flavor = "multi_thread")]
async fn a_record_the_person_did_not_agree_to_keep_is_not_sent() {
    let endpoint = Endpoint::start(vec![Reply::Accept]);
    let browser = Browser::start().await;
    start_with_words(&browser, &endpoint, "", "Words").await;
    click(&browser, ".oc-stages li:nth-child(6) button").await;
    click(&browser, ".oc-consent-answer input[value=refused]").await;
    click(&browser, ".oc-stages li:last-child button").await;
    click(&browser, ".oc-summary .oc-finish").await;
    let check = browser.widget_text(".oc-finish-check").await;
    assert!(check.contains("it will not be sent"), "{check}");
    click(&browser, ".oc-finish-anyway").await;
    let finished = browser.widget_text(".oc-finished").await;
    assert!(
        finished.contains("not sent to the organisation"),
        "{finished}"
    );
    assert!(browser
        .js(
            "return !document.querySelector('outcomes-conversation').shadowRoot.querySelector('.oc-outbox');",
            vec![]
        )
        .await
        .as_bool()
        .unwrap());
    assert_eq!(endpoint.posts(), 0);
    browser.close().await;
}
