//! The summary's downloads: each file made by outcomes-core in the exports module, which the page
//! fetches only when the first file is asked for.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::{json, Value};

/// Clicks a download button and returns the file's name and text.
async fn download(browser: &Browser, label: &str, count: usize) -> (String, String) {
    let button = browser
        .in_widget(&format!(
            ".oc-downloads button:nth-of-type({})",
            label_index(label)
        ))
        .await;
    assert_eq!(button.text().await.unwrap(), label);
    button.click().await.unwrap();
    let file = browser
        .wait_for_js(
            &format!("the download from {label}"),
            &format!(
                "const d = window.downloads[{}]; if (!d) return null; \
                 return fetch(d.href).then(r => r.text()).then(text => ({{ name: d.name, text }}));",
                count
            ),
        )
        .await;
    (
        file["name"].as_str().unwrap().to_owned(),
        file["text"].as_str().unwrap().to_owned(),
    )
}

fn label_index(label: &str) -> usize {
    let labels = [
        "Summary page (HTML)",
        "Spreadsheet (CSV)",
        "Record (JSON)",
        "FHIR QuestionnaireResponse",
    ];
    labels.iter().position(|l| *l == label).unwrap() + 1
}

#[tokio::test(flavor = "multi_thread")]
async fn every_download_carries_the_persons_words() {
    let browser = Browser::start().await;
    browser.open("/plain.html").await;
    let words = "=SUM(A1) is how I’d sum up my week — <em>busy</em>";
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
    let loaded_before = browser
        .js("return performance.getEntriesByType('resource').some(e => e.name.endsWith('exports_bg.wasm'));", vec![])
        .await;
    assert_eq!(
        loaded_before,
        json!(false),
        "the exports module waits for the first download"
    );
    browser
        .js(
            "window.downloads = []; \
             HTMLAnchorElement.prototype.click = function () { \
               window.downloads.push({ name: this.download, href: this.href }); };",
            vec![],
        )
        .await;

    let (name, json_text) = download(&browser, "Record (JSON)", 0).await;
    assert!(
        name.starts_with("what-matters-") && name.ends_with(".json"),
        "{name}"
    );
    let record: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(record["answers"]["what-matters"]["text"], json!(words));

    let (name, csv) = download(&browser, "Spreadsheet (CSV)", 1).await;
    assert!(name.ends_with(".csv"), "{name}");
    assert!(csv.contains("'=SUM(A1)"), "formula guarded: {csv}");

    let (_, html) = download(&browser, "Summary page (HTML)", 2).await;
    assert!(
        html.contains("&lt;em&gt;busy&lt;/em&gt;"),
        "escaped, not markup"
    );

    let (_, fhir) = download(&browser, "FHIR QuestionnaireResponse", 3).await;
    let fhir: Value = serde_json::from_str(&fhir).unwrap();
    assert_eq!(fhir["resourceType"], json!("QuestionnaireResponse"));
    browser.close().await;
}
