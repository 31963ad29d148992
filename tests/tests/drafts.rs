//! Nothing typed is lost to a reload.

use outcomes_e2e::Browser;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_in_the_middle_of_typing_loses_nothing() {
    let browser = Browser::start().await;
    browser.open("/plain.html").await;
    let words = "We go to the café on Thursdays — it’s the highlight";
    browser
        .in_widget("textarea")
        .await
        .send_keys(words)
        .await
        .unwrap();
    // Reload at once: no waiting for anything to settle.
    browser.client().refresh().await.unwrap();
    let answer = browser.in_widget("textarea").await;
    assert_eq!(answer.prop("value").await.unwrap().as_deref(), Some(words));
    let status = browser.widget_text(".oc-save").await;
    assert!(
        status.contains("Carried on from where you left off"),
        "{status}"
    );

    // The next stage, another reload: the widget comes back to the same stage.
    browser
        .in_widget(".oc-nav .oc-button-primary")
        .await
        .click()
        .await
        .unwrap();
    browser
        .in_widget("#oc-prompt-working-well")
        .await
        .send_keys("Jean next door")
        .await
        .unwrap();
    browser.client().refresh().await.unwrap();
    let heading = browser.widget_text(".oc-section-title").await;
    assert_eq!(heading, "What is working, what is not");
    let value = browser
        .in_widget("#oc-prompt-working-well")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some("Jean next door"));
    let first = browser
        .js(
            "return JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.includes(':record:'))));",
            vec![],
        )
        .await;
    assert_eq!(first["answers"]["what-matters"]["text"], json!(words));
    browser.close().await;
}
