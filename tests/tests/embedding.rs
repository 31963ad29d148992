//! Embedding on real host pages: isolation from the page's CSS both ways, several widgets on one
//! page, the JS API, attribute changes and removal.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::{json, Value};

/// Computed styles of the widget's main parts, and of the host's own paragraph. (Widths are
/// left out: the page's own layout, e.g. its body margin, decides how wide the widget is.)
const STYLES: &str = "
    const root = document.querySelector('outcomes-conversation').shadowRoot;
    const pick = (el) => { const s = getComputedStyle(el);
      return [s.fontSize, s.color, s.fontFamily, s.letterSpacing, s.borderTopWidth, s.marginTop,
              s.lineHeight, s.display, s.paddingTop, s.borderTopStyle]; };
    return {
      title: pick(root.querySelector('.oc-title')),
      label: pick(root.querySelector('label')),
      answer: pick(root.querySelector('textarea')),
      button: pick(root.querySelector('.oc-button')),
      hostTitle: getComputedStyle(document.getElementById('host-title')).fontSize,
    };";

async fn styles_on(browser: &Browser, page: &str) -> Value {
    browser.open(page).await;
    browser.in_widget("textarea").await;
    browser.js(STYLES, vec![]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_host_stylesheet_changes_nothing_inside_and_the_widget_changes_nothing_outside() {
    let browser = Browser::start().await;
    let calm = styles_on(&browser, "/calm.html").await;
    let hostile = styles_on(&browser, "/hostile.html").await;
    for part in ["title", "label", "answer", "button"] {
        assert_eq!(
            hostile[part], calm[part],
            "{part} looks the same on both pages"
        );
    }
    // The widget's `.oc-title` rule (1.4em) does not reach the host's own element of that class.
    assert_eq!(calm["hostTitle"], json!("16px"));
    assert_eq!(
        hostile["hostTitle"],
        json!("60px"),
        "the host's own rules still apply to it"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_widgets_on_one_page_work_independently() {
    let browser = Browser::start().await;
    browser.open("/two.html").await;
    let field = "textarea, input[type=text]";
    let first = browser.in_widget_of("#first", field).await;
    browser.in_widget_of("#second", field).await;
    first.send_keys("Only in the first").await.unwrap();
    let state = browser
        .js(
            "const value = (id) => document.getElementById(id).shadowRoot \
               .querySelector('textarea, input[type=text]').value; \
             return { first: value('first'), second: value('second'), \
               targets: window.outcomesEvents.map(e => e.detail.record?.template.id), \
               stored: Object.keys(localStorage).filter(k => !k.includes(':position')).sort() };",
            vec![],
        )
        .await;
    assert_eq!(state["first"], json!("Only in the first"));
    assert_eq!(state["second"], json!(""));
    let targets = state["targets"].as_array().unwrap();
    assert!(
        !targets.is_empty() && targets.iter().all(|t| t == "what-matters"),
        "{state}"
    );
    let stored: Vec<&str> = state["stored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert!(
        stored
            .iter()
            .all(|k| k.starts_with("outcomes-conversation:first:")),
        "only the first widget's conversation is kept: {stored:?}"
    );
    assert_eq!(
        stored.iter().filter(|k| k.contains(":record:")).count(),
        1,
        "{stored:?}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_js_api_mounts_attribute_changes_reset_and_removal_unmounts() {
    let browser = Browser::start().await;
    browser.open("/api.html").await;
    let label = browser.in_widget("label").await;
    assert_eq!(label.text().await.unwrap(), "What are your hopes?");
    browser
        .in_widget("textarea")
        .await
        .send_keys("A job in the garden centre")
        .await
        .unwrap();

    // Changing an attribute sets the widget up again, in the new language, with the words kept.
    browser
        .js("window.widget.setAttribute('lang', 'gd');", vec![])
        .await;
    browser
        .wait_for_js(
            "the Gaelic label",
            "const root = document.querySelector('outcomes-conversation').shadowRoot; \
             return root.querySelector('label')?.textContent === 'Dè na dòchasan agad?';",
        )
        .await;
    let value = browser
        .in_widget("textarea")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some("A job in the garden centre"));

    // Removal unmounts; putting it back resumes.
    let emptied = browser
        .js(
            "const el = window.widget; const root = el.shadowRoot; el.remove(); \
             const left = root.childElementCount; document.getElementById('here').append(el); \
             return left;",
            vec![],
        )
        .await;
    assert_eq!(
        emptied,
        json!(0),
        "nothing of the widget is left once it is removed"
    );
    let value = browser
        .in_widget("textarea")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some("A job in the garden centre"));

    let error = browser
        .js(
            "try { window.mountWithBadOption(); return null; } catch (e) { return e.message; }",
            vec![],
        )
        .await;
    assert!(
        error
            .as_str()
            .unwrap()
            .contains("unknown option \"templat\""),
        "{error}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_published_integrity_hash_loads_the_widget() {
    let browser = Browser::start().await;
    browser.open("/pinned.html").await;
    let label = browser.widget_text("label").await;
    assert_eq!(label, "What matters to you at the moment?");
    let state = browser
        .js(
            "return { failed: window.pinnedLoadFailed ?? false, version: window.widgetVersion };",
            vec![],
        )
        .await;
    assert_eq!(state["failed"], json!(false));
    let widget_manifest =
        std::fs::read_to_string(xtask::workspace_root().join("widget/Cargo.toml")).unwrap();
    let version = state["version"].as_str().unwrap();
    assert!(
        widget_manifest.contains(&format!("\nversion = \"{version}\"\n")),
        "{version}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_template_at_an_address_is_fetched_and_a_broken_one_is_explained() {
    let browser = Browser::start().await;
    browser.open("/template-url.html").await;
    let label = browser.in_widget_of("#fetched", "label").await;
    assert_eq!(label.text().await.unwrap(), "What are you hoping for?");
    let title = browser.in_widget_of("#fetched", ".oc-title").await;
    assert_eq!(title.text().await.unwrap(), "Our own conversation");
    // A relative address, resolved against the page's, whose template breaks a rule: the
    // widget says where, and what was meant.
    let alert = browser
        .in_widget_of("#broken", "[role=alert]")
        .await
        .text()
        .await
        .unwrap();
    for words in [
        "/templates/broken-template.json",
        "sections[0].prompts[0].scale",
        "there is no scale \"mett\"",
    ] {
        assert!(alert.contains(words), "{words:?} in {alert}");
    }
    browser.close().await;
}
