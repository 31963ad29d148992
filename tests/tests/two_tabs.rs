//! The same conversation open in two tabs of one browser: typing in one, then in the other,
//! loses nobody's words (the bug was that the second tab silently overwrote the first).
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::json;

/// The value of a field in the widget of the tab on screen.
async fn value(browser: &Browser, css: &str) -> String {
    browser
        .js(
            "return document.querySelector('outcomes-conversation').shadowRoot \
               .querySelector(arguments[0])?.value ?? null;",
            vec![json!(css)],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn wait_for_value(browser: &Browser, css: &str, expected: &str) {
    let script = format!(
        "return document.querySelector('outcomes-conversation').shadowRoot \
           .querySelector({css:?})?.value === {expected:?} || null;"
    );
    browser
        .wait_for_js(&format!("{css} to read {expected:?}"), &script)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_in_one_tab_then_the_other_keeps_both_tabs_words() {
    let browser = Browser::start().await;
    let client = browser.client().clone();
    browser.open("/plain.html").await;
    // The conversation starts in tab A, and is opened again in tab B.
    browser
        .in_widget("#oc-prompt-what-matters")
        .await
        .send_keys("Words typed")
        .await
        .unwrap();
    let first = client.window().await.unwrap();
    let second = client.new_window(true).await.unwrap().handle;
    client.switch_to_window(second.clone()).await.unwrap();
    browser.open("/plain.html").await;
    wait_for_value(&browser, "#oc-prompt-what-matters", "Words typed").await;

    // Tab A goes on.
    client.switch_to_window(first.clone()).await.unwrap();
    browser
        .in_widget("#oc-prompt-what-matters")
        .await
        .send_keys(" in tab A")
        .await
        .unwrap();
    // Tab B shows it, says why, and goes on.
    client.switch_to_window(second).await.unwrap();
    wait_for_value(&browser, "#oc-prompt-what-matters", "Words typed in tab A").await;
    let note = browser.widget_text(".oc-tabs-note").await;
    assert!(note.contains("also open in another tab"), "{note}");
    browser
        .in_widget("#oc-prompt-why")
        .await
        .send_keys("Words typed in tab B")
        .await
        .unwrap();
    // Back in tab A: both are there, and both are what is saved.
    client.switch_to_window(first).await.unwrap();
    wait_for_value(&browser, "#oc-prompt-why", "Words typed in tab B").await;
    assert_eq!(
        value(&browser, "#oc-prompt-what-matters").await,
        "Words typed in tab A"
    );
    let saved = browser
        .js(
            "const key = Object.keys(localStorage).find(k => k.includes(':record:')); \
             return JSON.parse(localStorage.getItem(key)).answers;",
            vec![],
        )
        .await;
    assert_eq!(saved["what-matters"]["text"], json!("Words typed in tab A"));
    assert_eq!(saved["why"]["text"], json!("Words typed in tab B"));
    browser.close().await;
}
