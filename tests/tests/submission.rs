//! Finished conversations reach the organisation's endpoint through the outbox: retried through
//! a network error and a 503 until accepted (stored exactly once), and a 422 is shown and kept.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::endpoint::{Endpoint, Reply};
use outcomes_e2e::Browser;
use serde_json::{json, Value};

async fn finish_a_conversation(browser: &Browser, endpoint: &Endpoint, words: &str) {
    browser
        .open(&format!("/submit.html?endpoint={}", endpoint.url()))
        .await;
    browser
        .in_widget("textarea")
        .await
        .send_keys(words)
        .await
        .unwrap();
    browser
        .in_widget(".oc-stages li:last-child button")
        .await
        .click()
        .await
        .unwrap();
    browser
        .in_widget(".oc-summary .oc-button-primary")
        .await
        .click()
        .await
        .unwrap();
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
        record["id"],
        json!(key),
        "the record id is the idempotency key"
    );
    assert_eq!(record["answers"]["what-matters"]["text"], json!(words));
    assert_eq!(record["status"], json!("complete"));
    let submitted = browser
        .wait_for_js(
            "an outcomes-submitted event",
            "return window.outcomesEvents.find(e => e.name === 'outcomes-submitted')?.detail.record ?? null;",
        )
        .await;
    assert_eq!(submitted["id"], json!(key));
    // The copy on this device now says it was sent.
    browser
        .wait_for_js(
            "the saved draft marked as submitted",
            "const key = Object.keys(localStorage) \
               .find(k => !k.endsWith(':outbox') && !k.endsWith(':position')); \
             return JSON.parse(localStorage.getItem(key))?.status === 'submitted';",
        )
        .await;
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
