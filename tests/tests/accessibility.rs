//! WCAG 2.2 AA as a release gate: axe-core finds nothing on any screen of any mode
//! (practitioner, self-completion, review, easy read), in any of the widget's languages, nor on
//! the set-up error.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::{json, Value};

/// Visits every stage and the summary through the jump list, checking each screen.
async fn check_every_screen(browser: &Browser, what: &str) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    browser.in_widget(".oc-stages").await;
    let screens = browser
        .js(
            "return document.querySelector('outcomes-conversation').shadowRoot \
               .querySelectorAll('.oc-stages button').length;",
            vec![],
        )
        .await
        .as_u64()
        .unwrap();
    for screen in 1..=screens {
        browser
            .in_widget(&format!(".oc-stages li:nth-child({screen}) button"))
            .await
            .click()
            .await
            .unwrap();
        browser.in_widget(".oc-section-title").await;
        let violations = browser.accessibility_violations().await;
        if violations != json!([]) {
            found.push((format!("{what}, screen {screen}"), violations));
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn no_screen_of_any_mode_has_an_accessibility_violation() {
    let browser = Browser::start().await;
    let mut found = Vec::new();

    browser.open("/plain.html").await;
    browser
        .in_widget("textarea")
        .await
        .send_keys("Seeing my grandson")
        .await
        .unwrap();
    found.extend(check_every_screen(&browser, "practitioner mode").await);
    // The people taking part and the conversations on the device, open; finishing with
    // something missing.
    for open in [
        ".oc-people > summary",
        ".oc-device > summary",
        ".oc-summary .oc-finish",
    ] {
        browser.in_widget(open).await.click().await.unwrap();
    }
    browser.in_widget(".oc-finish-check").await;
    browser.in_widget(".oc-kept").await;
    let violations = browser.accessibility_violations().await;
    if violations != json!([]) {
        found.push((
            "people, conversations on the device and finishing".to_owned(),
            violations,
        ));
    }

    browser.open("/self.html").await;
    found.extend(check_every_screen(&browser, "self-completion mode").await);

    browser.open("/review.html").await;
    found.extend(check_every_screen(&browser, "review mode").await);

    // Easy read, with an outcome whose tags (and their pictures) are open.
    browser.open("/easy-read.html").await;
    browser
        .in_widget(".oc-stages li:nth-child(4) button")
        .await
        .click()
        .await
        .unwrap();
    browser
        .in_widget(".oc-outcomes .oc-add")
        .await
        .click()
        .await
        .unwrap();
    browser
        .in_widget(".oc-tags-details summary")
        .await
        .click()
        .await
        .unwrap();
    browser.in_widget(".oc-chip svg.oc-picture").await;
    let violations = browser.accessibility_violations().await;
    if violations != json!([]) {
        found.push(("easy read, outcomes with pictures".to_owned(), violations));
    }
    found.extend(check_every_screen(&browser, "easy read").await);

    // The other languages: Scottish Gaelic, and Arabic right to left.
    browser.open("/gaelic.html").await;
    found.extend(check_every_screen(&browser, "Scottish Gaelic").await);
    browser.open("/rtl.html").await;
    found.extend(check_every_screen(&browser, "Arabic").await);

    browser.open("/unknown-template.html").await;
    browser.in_widget("[role=alert]").await;
    let violations = browser.accessibility_violations().await;
    if violations != json!([]) {
        found.push(("the set-up error".to_owned(), violations));
    }

    let report: Vec<String> = found
        .iter()
        .map(|(screen, v)| format!("{screen}: {}", serde_json::to_string_pretty(v).unwrap()))
        .collect();
    assert!(
        found.is_empty(),
        "accessibility violations:\n{}",
        report.join("\n")
    );
    browser.close().await;
}
