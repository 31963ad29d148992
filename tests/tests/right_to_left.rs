//! Right-to-left languages mirror the layout: checked on the rendered geometry, with a screenshot
//! kept in `target/screenshots/` for people to look at.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn an_arabic_conversation_reads_from_the_right() {
    let browser = Browser::start().await;
    browser.open("/rtl.html").await;
    // The built-in template and the widget's own words, both in Arabic.
    let template = outcomes_core::builtin::template("what-matters").unwrap();
    let first = template.sections[0].prompts[0]
        .text
        .get("ar", "en")
        .to_owned();
    let label = browser.in_widget("label").await;
    assert_eq!(label.text().await.unwrap(), first);
    let next = browser.in_widget(".oc-nav .oc-button-primary").await;
    assert_eq!(next.text().await.unwrap(), "التالي");
    let geometry = browser
        .js(
            "const root = document.querySelector('outcomes-conversation').shadowRoot; \
             const box = (css) => root.querySelector(css).getBoundingClientRect(); \
             const stages = [...root.querySelectorAll('.oc-stage-button')].map(b => b.getBoundingClientRect()); \
             const range = document.createRange(); range.selectNodeContents(root.querySelector('label')); \
             const section = box('.oc-section'), label = range.getBoundingClientRect(); \
             const next = box('.oc-nav .oc-button-primary'); \
             return { firstStageRight: stages[0].right, secondStageRight: stages[1].right, \
               sectionLeft: section.left, sectionRight: section.right, \
               labelLeft: label.left, labelRight: label.right, nextLeft: next.left, nextRight: next.right, \
               direction: getComputedStyle(root.querySelector('textarea')).direction };",
            vec![],
        )
        .await;
    let at = |key: &str| geometry[key].as_f64().unwrap();
    assert_eq!(geometry["direction"], json!("rtl"));
    assert!(
        at("firstStageRight") > at("secondStageRight"),
        "stages run right to left: {geometry}"
    );
    assert!(
        (at("labelRight") - at("sectionRight")).abs() < 2.0,
        "the prompt's words start at the right: {geometry}"
    );
    assert!(
        at("labelLeft") > at("sectionLeft") + 20.0,
        "and end short of the left: {geometry}"
    );
    assert!(
        at("nextRight") < at("sectionLeft") + (at("sectionRight") - at("sectionLeft")) / 2.0,
        "Next sits at the end of the line, on the left: {geometry}"
    );

    let shot = browser
        .client()
        .find(fantoccini::Locator::Css("outcomes-conversation"))
        .await
        .unwrap()
        .screenshot()
        .await
        .unwrap();
    let dir = xtask::workspace_root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("right-to-left.png"), &shot).unwrap();
    assert!(shot.starts_with(b"\x89PNG"), "a PNG screenshot");
    browser.close().await;
}
