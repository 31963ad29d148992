//! The widget works under a strict Content-Security-Policy (no inline script or style) without a
//! single violation, through every stage and the summary; and a policy that blocks WebAssembly
//! is explained in the widget, not left blank.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn works_under_a_strict_policy_with_no_violations() {
    let browser = Browser::start().await;
    browser.open("/strict/").await;
    let policy = browser
        .js(
            "return fetch(location.href).then(r => r.headers.get('content-security-policy'));",
            vec![],
        )
        .await;
    assert_eq!(
        policy,
        json!(xtask::STRICT_CSP),
        "the page really is served with the policy"
    );

    browser
        .in_widget("textarea")
        .await
        .send_keys("Seeing my friends")
        .await
        .unwrap();
    // Visit every stage and the summary, so every component renders once.
    let stages = browser
        .js(
            "return document.querySelector('outcomes-conversation').shadowRoot \
               .querySelectorAll('.oc-stages button').length;",
            vec![],
        )
        .await;
    for stage in 1..=stages.as_u64().unwrap() {
        browser
            .in_widget(&format!(".oc-stages li:nth-child({stage}) button"))
            .await
            .click()
            .await
            .unwrap();
    }
    browser.in_widget(".oc-summary").await;
    let styled = browser
        .js(
            "const root = document.querySelector('outcomes-conversation').shadowRoot; \
             return getComputedStyle(root.querySelector('.oc-button')).borderTopStyle;",
            vec![],
        )
        .await;
    assert_eq!(
        styled,
        json!("solid"),
        "the widget's own style sheet applies"
    );
    let changes = browser
        .js(
            "return window.outcomesEvents.filter(e => e.name === 'outcomes-change').length;",
            vec![],
        )
        .await;
    assert!(changes.as_u64().unwrap() >= 1);
    let violations = browser.js("return window.cspViolations;", vec![]).await;
    assert_eq!(
        violations,
        json!([]),
        "no Content-Security-Policy violations"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_that_blocks_webassembly_is_explained_in_the_pages_language() {
    let browser = Browser::start().await;
    browser.open("/no-wasm/").await;
    let alert = browser.in_widget("[role=alert]").await;
    let text = alert.text().await.unwrap();
    assert!(
        text.starts_with("Cha b' urrainnear an còmhradh a luchdadh"),
        "said in Gaelic, the page's language: {text}"
    );
    assert_eq!(alert.attr("lang").await.unwrap().as_deref(), Some("gd"));
    let codes = browser
        .wait_for_js(
            "the outcomes-error event",
            "const codes = window.outcomesEvents.filter(e => e.name === 'outcomes-error') \
               .map(e => e.detail.error.code); return codes.length ? codes : null;",
        )
        .await;
    assert_eq!(codes, json!(["load-failed"]));
    browser.close().await;
}
