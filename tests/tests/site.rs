//! The www site, as `cargo xtask www` builds it: the gallery runs every built-in template, the
//! playground reports template problems where they are, the report page reads records.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::{site_dir, Browser};
use serde_json::json;

fn assert_site_built() {
    assert!(
        site_dir().join("templates.html").is_file(),
        "{} is not built: run `cargo xtask test` (or `cargo xtask www`)",
        site_dir().display()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_gallery_runs_every_builtin_template() {
    assert_site_built();
    let browser = Browser::start().await;
    browser.open("/site/templates.html").await;
    let running = browser
        .wait_for_js(
            "every gallery widget showing its first stage",
            "const all = [...document.querySelectorAll('outcomes-conversation')]; \
             const titles = all.map(w => w.shadowRoot?.querySelector('.oc-section-title')?.textContent); \
             return all.length === 6 && titles.every(Boolean) ? titles.length : null;",
        )
        .await;
    assert_eq!(running, json!(6));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_playground_shows_problems_where_they_are_and_the_preview_when_fixed() {
    assert_site_built();
    let browser = Browser::start().await;
    browser.open("/site/playground.html").await;
    browser.in_widget("textarea").await;
    let editor = browser
        .client()
        .find(fantoccini::Locator::Id("template-json"))
        .await
        .unwrap();
    // Break the first prompt's kind.
    browser
        .js(
            "const e = document.getElementById('template-json'); \
             e.value = e.value.replace('\"kind\": \"text\"', '\"kind\": \"txt\"');",
            vec![],
        )
        .await;
    editor.send_keys(" ").await.unwrap();
    let alert = browser.widget_text("[role=alert]").await;
    assert!(alert.contains("unknown variant `txt`"), "{alert}");
    assert!(alert.contains("line "), "{alert}");
    browser
        .js(
            "const e = document.getElementById('template-json'); \
             e.value = e.value.replace('\"kind\": \"txt\"', '\"kind\": \"text\"');",
            vec![],
        )
        .await;
    editor.send_keys(" ").await.unwrap();
    let label = browser.widget_text("label").await;
    assert_eq!(label, "What matters to you at the moment?");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_report_page_reads_records_and_draws_the_chart() {
    assert_site_built();
    let browser = Browser::start().await;
    browser.open("/site/report.html").await;
    browser
        .wait_for_js(
            "the report page ready",
            "return document.getElementById('sample') !== null;",
        )
        .await;
    // The module may still be loading the wasm: click until the table appears.
    let table = browser
        .wait_for_js(
            "the report table",
            "document.getElementById('sample').click(); \
             const t = document.getElementById('report-table').textContent; \
             return t.includes('200') ? t : null;",
        )
        .await;
    assert!(table.as_str().unwrap().contains("200"), "{table}");
    let svg = browser
        .js(
            "return document.querySelectorAll('#report-chart svg').length;",
            vec![],
        )
        .await;
    assert_eq!(svg, json!(1));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_example_themes_reach_the_widget_through_custom_properties_and_parts() {
    assert_site_built();
    let browser = Browser::start().await;
    browser.open("/site/themes.html").await;
    let looks = browser
        .wait_for_js(
            "both themed widgets",
            "const look = (sel) => { const root = document.querySelector(sel)?.shadowRoot; \
               const button = root?.querySelector('.oc-button-primary'); \
               const title = root?.querySelector('.oc-title'); \
               if (!button || !title) return null; \
               return { accent: getComputedStyle(button).backgroundColor, \
                 title: getComputedStyle(title).color, \
                 underline: getComputedStyle(title).textDecorationLine, \
                 size: getComputedStyle(root.querySelector('.oc-root')).fontSize }; }; \
             const calm = look('.theme-calm'), contrast = look('.theme-contrast'); \
             return calm && contrast ? { calm, contrast } : null;",
        )
        .await;
    assert_eq!(looks["calm"]["accent"], json!("rgb(32, 94, 59)"));
    assert_eq!(
        looks["calm"]["title"],
        json!("rgb(32, 94, 59)"),
        "::part(title) applies"
    );
    assert_eq!(looks["contrast"]["accent"], json!("rgb(0, 0, 0)"));
    assert_eq!(looks["contrast"]["size"], json!("20px"));
    assert_eq!(looks["contrast"]["underline"], json!("underline"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_of_the_site_passes_the_accessibility_rules() {
    assert_site_built();
    let browser = Browser::start().await;
    let mut found = Vec::new();
    for page in [
        "index.html",
        "modes.html",
        "templates.html",
        "playground.html",
        "report.html",
        "themes.html",
        "embed.html",
        "accessibility.html",
    ] {
        browser.open(&format!("/site/{page}")).await;
        if page != "embed.html" && page != "accessibility.html" && page != "report.html" {
            browser.in_widget(".oc-title").await;
        }
        let violations = browser.accessibility_violations_in("document").await;
        if violations != json!([]) {
            found.push(format!("{page}: {violations}"));
        }
    }
    assert!(
        found.is_empty(),
        "accessibility violations:\n{}",
        found.join("\n")
    );
    browser.close().await;
}

/// The accessibility statement says what public bodies must publish: how to give feedback and
/// the enforcement procedure.
#[tokio::test(flavor = "multi_thread")]
async fn the_accessibility_statement_gives_the_feedback_route_and_enforcement_procedure() {
    assert_site_built();
    let browser = Browser::start().await;
    browser.open("/site/accessibility.html").await;
    let text = browser
        .js(
            "return document.querySelector('main').textContent.replace(/\\s+/g, ' ');",
            vec![],
        )
        .await;
    let text = text.as_str().unwrap();
    for required in [
        "Feedback and contact information",
        "Enforcement procedure",
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        "3:1",
    ] {
        assert!(text.contains(required), "the statement says {required:?}");
    }
    browser.close().await;
}
