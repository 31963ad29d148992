//! Component tests: the widget mounted the way `outcomes-widget.js` mounts it, in a real
//! browser, driven through the DOM. Every check awaits `yew::scheduler::flush()`, never a timer.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlTextAreaElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted widget, the host element, and every event it fired.
struct Mounted {
    host: HtmlElement,
    root: ShadowRoot,
    widget: outcomes_widget::Widget,
    events: Rc<RefCell<Vec<(String, Value)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::CustomEvent)>>,
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Runs a bit of JavaScript, for breaking browser features the way real browsers do.
fn js(source: &str) {
    js_sys::Function::new_no_args(source)
        .call0(&JsValue::NULL)
        .unwrap();
}

impl Mounted {
    /// Mounts a widget on a page whose storage is empty.
    async fn new(attributes: &[(&str, &str)], inner_html: &str) -> Self {
        local_storage().clear().unwrap();
        Self::keeping_storage(attributes, inner_html).await
    }

    /// Mounts a widget on the page as it is, as after a reload.
    async fn keeping_storage(attributes: &[(&str, &str)], inner_html: &str) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let host: HtmlElement = document
            .create_element("outcomes-conversation")
            .unwrap()
            .unchecked_into();
        for (name, value) in attributes {
            host.set_attribute(name, value).unwrap();
        }
        host.set_inner_html(inner_html);
        document.body().unwrap().append_child(&host).unwrap();
        let events = Rc::new(RefCell::new(Vec::new()));
        let listeners = [
            "outcomes-change",
            "outcomes-complete",
            "outcomes-error",
            "outcomes-deleted",
        ]
        .into_iter()
        .map(|name| {
            let events = Rc::clone(&events);
            let listener =
                Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
                    let detail = js_sys::JSON::stringify(&e.detail())
                        .unwrap()
                        .as_string()
                        .unwrap();
                    events
                        .borrow_mut()
                        .push((name.to_owned(), serde_json::from_str(&detail).unwrap()));
                });
            host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
                .unwrap();
            listener
        })
        .collect();
        let root = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .unwrap();
        let widget = outcomes_widget::mount(host.clone(), root.clone(), None).unwrap();
        yew::scheduler::flush().await;
        Self {
            host,
            root,
            widget,
            events,
            _listeners: listeners,
        }
    }

    fn find(&self, css: &str) -> Element {
        self.root
            .query_selector(css)
            .unwrap()
            .unwrap_or_else(|| panic!("no {css} in the widget"))
    }

    fn all(&self, css: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(css).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn text(&self, css: &str) -> String {
        self.find(css).text_content().unwrap_or_default()
    }

    async fn type_into(&self, css: &str, text: &str) {
        let field: HtmlTextAreaElement = self.find(css).unchecked_into();
        field.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        field
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }

    async fn click(&self, css: &str) {
        self.find(css).unchecked_into::<HtmlElement>().click();
        yew::scheduler::flush().await;
    }

    fn events(&self, name: &str) -> Vec<Value> {
        self.events
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget.unmount();
        self.host.remove();
    }
}

#[wasm_bindgen_test]
async fn shows_the_first_prompt_with_its_hint_and_guidance() {
    let w = Mounted::new(&[("template", "what-matters"), ("lang", "en")], "").await;
    assert_eq!(w.text(".oc-title"), "What matters to you");
    assert_eq!(w.text("label"), "What matters to you at the moment?");
    assert_eq!(
        w.text(".oc-hint"),
        "Use your own words. There are no right or wrong answers."
    );
    let field = w.find("textarea");
    assert_eq!(w.find("label").get_attribute("for"), Some(field.id()));
    assert_eq!(
        field.get_attribute("aria-describedby"),
        Some(w.find(".oc-hint").id())
    );
    let template = outcomes_core::builtin::template("what-matters").unwrap();
    let first = &template.sections[0];
    let notes = usize::from(first.guidance.is_some())
        + first
            .prompts
            .iter()
            .filter(|p| p.guidance.is_some())
            .count();
    assert_eq!(
        w.all(".oc-guidance").len(),
        notes,
        "section and prompt guidance, closed until opened"
    );
    assert!(w.all(".oc-guidance[open]").is_empty());
    assert_eq!(w.text(".oc-progress-text"), "Stage 1 of 6");
    assert_eq!(
        w.find("[aria-current=step]").text_content().unwrap(),
        "What matters"
    );
    assert!(
        w.events("outcomes-change").is_empty(),
        "no change before the person says anything"
    );
}

#[wasm_bindgen_test]
async fn typing_fires_outcomes_change_with_the_words_verbatim() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    let words = "  Seeing my grandson — <b>every</b> week\n\nand Gran’s  ";
    w.type_into("textarea", words).await;
    let changes = w.events("outcomes-change");
    assert_eq!(changes.len(), 1);
    let record = &changes[0]["record"];
    assert_eq!(record["answers"]["what-matters"]["text"], words);
    assert_eq!(record["template"]["id"], "what-matters");
    assert_eq!(record["status"], "draft");
}

#[wasm_bindgen_test]
async fn moves_through_stages_and_shows_the_words_in_the_summary() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.type_into("textarea", "My garden <i>matters</i>").await;
    w.click(".oc-nav .oc-button-primary").await;
    assert_eq!(w.text(".oc-section-title"), "What is working, what is not");
    assert_eq!(w.text(".oc-progress-text"), "Stage 2 of 6");
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert_eq!(
        active,
        Some(w.host.clone().into()),
        "focus is inside the widget (its shadow root)"
    );
    assert_eq!(
        w.root.active_element(),
        Some(w.find(".oc-section-title")),
        "focus moves to the new heading"
    );
    w.click(".oc-nav .oc-button:not(.oc-button-primary)").await;
    assert_eq!(w.text(".oc-section-title"), "What matters");
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "My garden <i>matters</i>"
    );

    w.click(".oc-stages li:last-child button").await;
    assert_eq!(w.text(".oc-section-title"), "Summary");
    assert_eq!(w.text(".oc-words"), "My garden <i>matters</i>");
    assert!(
        w.all("i").is_empty(),
        "the person's words are text, never markup"
    );
    let template = outcomes_core::builtin::template("what-matters").unwrap();
    let text_prompts = template
        .sections
        .iter()
        .flat_map(|s| &s.prompts)
        .filter(|p| matches!(p.kind, outcomes_core::PromptKind::Text { .. }))
        .count();
    assert_eq!(
        w.all(".oc-not-answered").len(),
        text_prompts - 1,
        "every other text prompt is marked as not talked about"
    );
}

#[wasm_bindgen_test]
async fn finishing_marks_the_record_complete_and_tells_the_host() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.click(".oc-stages li:last-child button").await;
    w.click(".oc-summary .oc-button-primary").await;
    let completes = w.events("outcomes-complete");
    assert_eq!(completes.len(), 1);
    assert_eq!(completes[0]["record"]["status"], "complete");
    let changes = w.events("outcomes-change");
    assert_eq!(
        changes.len(),
        1,
        "the status changed, so the record changed too"
    );
    assert_eq!(changes[0]["record"]["status"], "complete");
    assert!(w.text(".oc-finished").contains("finished"));
}

#[wasm_bindgen_test]
async fn bad_setups_are_explained_in_the_widget_and_to_the_host() {
    /// Attributes, inner HTML, the error code, and words the message must contain.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str, &'a str);
    let cases: [Case<'_>; 4] = [
        (
            &[("template", "whatmatters")],
            "",
            "unknown-template",
            "Did you mean \"what-matters\"?",
        ),
        (&[], "", "no-template", "No template was given."),
        (
            &[("template", "https://example.org/t.json")],
            "",
            "template-address-unsupported",
            "looks like an address",
        ),
        (
            &[],
            r#"<script type="application/json">{"format_version": 1, "id": "x"</script>"#,
            "invalid-template",
            "the text ends too early",
        ),
    ];
    for (attributes, inner, code, message) in cases {
        let w = Mounted::new(attributes, inner).await;
        let alert = w.text("[role=alert]");
        assert!(alert.contains("This conversation cannot start"), "{alert}");
        assert!(alert.contains(message), "{code}: {alert}");
        let errors = w.events("outcomes-error");
        assert_eq!(errors.len(), 1, "{code}");
        assert_eq!(errors[0]["error"]["code"], code);
        assert!(w.all("textarea").is_empty());
    }
}

#[wasm_bindgen_test]
async fn a_valid_inline_template_is_used() {
    let inline = r#"<script type="application/json">
        {"format_version": 1, "id": "ours", "version": "2", "default_lang": "en",
         "title": {"en": "Our conversation", "gd": "An còmhradh againn"},
         "sections": [{"id": "s", "title": "Start", "prompts": [
            {"id": "hopes", "kind": "text", "short": true, "text": {"en": "Your hopes?", "gd": "Do dhòchasan?"}}]}]}
    </script>"#;
    let w = Mounted::new(&[("lang", "gd")], inline).await;
    assert_eq!(w.text(".oc-title"), "An còmhradh againn");
    assert_eq!(w.text("label"), "Do dhòchasan?");
    assert_eq!(
        w.find("input").get_attribute("type").as_deref(),
        Some("text")
    );
}

#[wasm_bindgen_test]
async fn unmounting_removes_everything() {
    let mut w = Mounted::new(&[("template", "what-matters")], "").await;
    w.widget.unmount();
    yew::scheduler::flush().await;
    assert_eq!(w.root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn every_change_is_saved_and_a_reload_resumes_where_it_was() {
    let attributes = [("template", "what-matters"), ("storage-key", "resume-test")];
    let first = Mounted::new(&attributes, "").await;
    first
        .type_into("textarea", "Getting back to the allotment")
        .await;
    first.click(".oc-nav .oc-button-primary").await;
    first.type_into("textarea", "My neighbour Jean").await;
    let saved: Value = serde_json::from_str(
        &local_storage()
            .get_item("outcomes-conversation:resume-test")
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        saved["answers"]["what-matters"]["text"],
        "Getting back to the allotment"
    );
    assert_eq!(
        saved["answers"]["working-well"]["text"],
        "My neighbour Jean"
    );
    assert!(first
        .text(".oc-save")
        .starts_with("Saved on this device at "));
    let id = first.events("outcomes-change")[0]["record"]["id"].clone();
    drop(first);

    let again = Mounted::keeping_storage(&attributes, "").await;
    assert_eq!(
        again.text(".oc-section-title"),
        "What is working, what is not",
        "back on the same stage"
    );
    assert_eq!(
        again
            .find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "My neighbour Jean"
    );
    assert!(again
        .text(".oc-save")
        .contains("Carried on from where you left off"));
    again
        .type_into("textarea", "My neighbour Jean, and her dog")
        .await;
    assert_eq!(
        again.events("outcomes-change")[0]["record"]["id"],
        id,
        "the same record carries on"
    );
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_keep_separate_drafts() {
    let a = Mounted::new(&[("template", "what-matters"), ("id", "first")], "").await;
    let b = Mounted::keeping_storage(&[("template", "what-matters"), ("id", "second")], "").await;
    a.type_into("textarea", "from A").await;
    b.type_into("textarea", "from B").await;
    let stored = |key: &str| local_storage().get_item(key).unwrap().unwrap();
    assert!(stored("outcomes-conversation:first").contains("from A"));
    assert!(stored("outcomes-conversation:second").contains("from B"));
}

#[wasm_bindgen_test]
async fn an_unreadable_draft_is_kept_and_explained_not_overwritten() {
    local_storage().clear().unwrap();
    let broken =
        r#"{"format_version": 1, "id": "r1", "answers": {"what-matters": {"text": "half a sen"#;
    local_storage()
        .set_item("outcomes-conversation:broken", broken)
        .unwrap();
    let w = Mounted::keeping_storage(
        &[("template", "what-matters"), ("storage-key", "broken")],
        "",
    )
    .await;
    let notice = w.text("[role=alert]");
    assert!(notice.contains("could not be opened"), "{notice}");
    assert!(notice.contains("It has been kept, not deleted"), "{notice}");
    w.type_into("textarea", "a fresh start").await;
    let storage = local_storage();
    let kept: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("outcomes-conversation:broken:unreadable:"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        storage.get_item(&kept[0]).unwrap().unwrap(),
        broken,
        "kept byte for byte"
    );
    assert!(storage
        .get_item("outcomes-conversation:broken")
        .unwrap()
        .unwrap()
        .contains("a fresh start"));
}

#[wasm_bindgen_test]
async fn deleting_really_deletes_and_starts_afresh() {
    let w = Mounted::new(
        &[("template", "what-matters"), ("storage-key", "delete-test")],
        "",
    )
    .await;
    w.type_into("textarea", "Something private").await;
    let old_id = w.events("outcomes-change")[0]["record"]["id"].clone();
    w.click(".oc-delete button").await;
    assert!(w.text(".oc-delete-confirm").contains("cannot be undone"));
    w.click(".oc-delete-confirm .oc-button-danger").await;
    assert_eq!(
        local_storage()
            .get_item("outcomes-conversation:delete-test")
            .unwrap(),
        None
    );
    assert_eq!(
        local_storage()
            .get_item("outcomes-conversation:delete-test:position")
            .unwrap(),
        None
    );
    let deleted = w.events("outcomes-deleted");
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0]["recordId"], old_id);
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        ""
    );
    assert!(w.text(".oc-save").contains("deleted from this device"));
    w.type_into("textarea", "A new start").await;
    let changes = w.events("outcomes-change");
    assert_ne!(
        changes.last().unwrap()["record"]["id"],
        old_id,
        "a new record, not the deleted one"
    );
}

#[wasm_bindgen_test]
async fn asking_twice_before_deleting_can_be_declined() {
    let w = Mounted::new(
        &[("template", "what-matters"), ("storage-key", "keep-test")],
        "",
    )
    .await;
    w.type_into("textarea", "Keep me").await;
    w.click(".oc-delete button").await;
    w.click(".oc-delete-confirm .oc-button:not(.oc-button-danger)")
        .await;
    assert!(w.all(".oc-delete-confirm").is_empty());
    assert!(local_storage()
        .get_item("outcomes-conversation:keep-test")
        .unwrap()
        .unwrap()
        .contains("Keep me"));
}

#[wasm_bindgen_test]
async fn full_storage_is_said_plainly_and_the_conversation_goes_on() {
    local_storage().clear().unwrap();
    js("window.__setItem = Storage.prototype.setItem; \
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    let w = Mounted::keeping_storage(
        &[("template", "what-matters"), ("storage-key", "full-test")],
        "",
    )
    .await;
    w.type_into("textarea", "Words that must not be lost").await;
    js("Storage.prototype.setItem = window.__setItem;");
    let status = w.text(".oc-save-problem");
    assert!(status.contains("no room left"), "{status}");
    assert_eq!(w.text(".oc-save-problem button"), "Download the record");
    let changes = w.events("outcomes-change");
    assert_eq!(
        changes[0]["record"]["answers"]["what-matters"]["text"],
        "Words that must not be lost"
    );
}

#[wasm_bindgen_test]
async fn storage_that_is_turned_off_is_said_plainly() {
    local_storage().clear().unwrap();
    js(
        "window.__localStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
        Object.defineProperty(window, 'localStorage', { configurable: true, \
          get() { throw new DOMException('denied', 'SecurityError'); } });",
    );
    let w = Mounted::keeping_storage(&[("template", "what-matters")], "").await;
    let status = w.text(".oc-save-problem");
    js("Object.defineProperty(window, 'localStorage', window.__localStorage);");
    assert!(
        status.contains("not letting the conversation be saved"),
        "{status}"
    );
    w.type_into("textarea", "Still recorded in memory").await;
    assert_eq!(w.events("outcomes-change").len(), 1);
}

#[wasm_bindgen_test]
async fn review_mode_carries_the_earlier_outcomes_and_actions_forward() {
    let (_, earlier) = outcomes_core::sample::first_conversation();
    let inner = format!(
        r#"<script type="application/json" data-earlier-record>{}</script>"#,
        earlier.to_json()
    );
    let w = Mounted::new(&[("template", "review"), ("mode", "review")], &inner).await;
    w.type_into("textarea", "Davie took me twice").await;
    let changes = w.events("outcomes-change");
    let record = &changes[0]["record"];
    assert_eq!(record["reviews"], earlier.id.as_str());
    assert_ne!(
        record["id"],
        earlier.id.as_str(),
        "a review is a new record"
    );
    let words: Vec<&str> = record["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["words"].as_str().unwrap())
        .collect();
    let earlier_words: Vec<&str> = earlier.outcomes.iter().map(|o| o.words.as_str()).collect();
    assert_eq!(
        words, earlier_words,
        "the person's earlier words, unchanged"
    );
    assert_eq!(
        record["actions"].as_array().unwrap().len(),
        earlier.actions.len()
    );
}

#[wasm_bindgen_test]
async fn review_mode_explains_a_missing_or_broken_earlier_record() {
    let w = Mounted::new(&[("template", "review"), ("mode", "review")], "").await;
    assert!(w
        .text("[role=alert]")
        .contains("A review needs the earlier record"));
    let broken =
        r#"<script type="application/json" data-earlier-record>{"format_version": 2,</script>"#;
    let w = Mounted::new(&[("template", "review"), ("mode", "review")], broken).await;
    let alert = w.text("[role=alert]");
    assert!(
        alert.contains("The earlier record to review cannot be used"),
        "{alert}"
    );
    assert_eq!(
        w.events("outcomes-error")[0]["error"]["code"],
        "invalid-earlier-record"
    );
    let w = Mounted::new(&[("template", "review"), ("mode", "reveiw")], "").await;
    assert!(w.text("[role=alert]").contains("Did you mean \"review\"?"));
}

#[wasm_bindgen_test]
async fn the_summary_offers_every_download_and_printing() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    assert!(
        w.all(".oc-downloads").is_empty(),
        "downloads belong to the summary"
    );
    w.click(".oc-stages li:last-child button").await;
    let labels: Vec<String> = w
        .all(".oc-downloads button")
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "Summary page (HTML)",
            "Spreadsheet (CSV)",
            "Record (JSON)",
            "FHIR QuestionnaireResponse",
            "Print"
        ]
    );
}

#[wasm_bindgen_test]
async fn right_to_left_languages_mirror_the_layout() {
    let inline = r#"<script type="application/json">
        {"format_version": 1, "id": "ours", "version": "1", "default_lang": "en",
         "title": {"en": "Our conversation", "ar": "محادثتنا"},
         "sections": [{"id": "s", "title": {"en": "Start", "ar": "البداية"}, "prompts": [
            {"id": "hopes", "kind": "text", "text": {"en": "Your hopes?", "ar": "ما هي آمالك؟"}}]}]}
    </script>"#;
    let w = Mounted::new(&[("lang", "ar")], inline).await;
    assert_eq!(w.text("label"), "ما هي آمالك؟");
    let root = w.find(".oc-conversation");
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&w.find("textarea"))
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
    let w = Mounted::new(&[("lang", "en")], inline).await;
    assert_eq!(
        w.find(".oc-conversation").get_attribute("dir").as_deref(),
        Some("ltr")
    );
}
