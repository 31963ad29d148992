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

/// The record on screen in the widget whose conversations are kept under `name`, as saved.
fn stored(name: &str) -> Option<String> {
    let storage = local_storage();
    let current = storage
        .get_item(&format!("outcomes-conversation:{name}:current"))
        .unwrap()?;
    storage
        .get_item(&format!("outcomes-conversation:{name}:record:{current}"))
        .unwrap()
}

/// Every key of this page's storage that starts with `prefix`.
fn keys_starting(prefix: &str) -> Vec<String> {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(prefix))
        .collect()
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

    /// Types into a one-line or date input, as a person would: `input`, then `change`.
    async fn fill(&self, css: &str, text: &str) {
        let field: web_sys::HtmlInputElement = self.find(css).unchecked_into();
        field.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        for name in ["input", "change"] {
            field
                .dispatch_event(&Event::new_with_event_init_dict(name, &init).unwrap())
                .unwrap();
        }
        yew::scheduler::flush().await;
    }

    /// The record on screen, as the host would get it (from the first event, or a fresh one).
    fn record_now(&self) -> Value {
        self.events("outcomes-change").last().map_or_else(
            || {
                serde_json::from_str(
                    &outcomes_core::Record::new(
                        &outcomes_core::builtin::template("what-matters").unwrap(),
                        outcomes_core::RecordId::new("r").unwrap(),
                        outcomes_core::Timestamp::parse("2026-12-07T10:00:00Z").unwrap(),
                        outcomes_core::Mode::Practitioner,
                    )
                    .to_json(),
                )
                .unwrap()
            },
            |e| e["record"].clone(),
        )
    }

    /// The record in the latest `outcomes-change` event.
    fn record(&self) -> Value {
        self.events("outcomes-change")
            .last()
            .expect("the record changed")["record"]
            .clone()
    }

    /// The element with focus inside the widget.
    fn focused(&self) -> Option<Element> {
        self.root.active_element()
    }

    /// Shows stage `n` (1 for the first) through the jump list.
    async fn stage(&self, n: usize) {
        self.click(&format!(".oc-stages li:nth-child({n}) button"))
            .await;
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
    assert_eq!(
        w.text(".oc-section label"),
        "What matters to you at the moment?"
    );
    assert_eq!(
        w.text(".oc-hint"),
        "Use your own words. There are no right or wrong answers."
    );
    let field = w.find("textarea");
    assert_eq!(
        w.find(".oc-section label").get_attribute("for"),
        Some(field.id())
    );
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

/// The bug: "Finish" with no consent and no words sent an empty record. Finishing now says what
/// is missing, consent first, and asks once; nothing is deleted or blocked.
#[wasm_bindgen_test]
async fn finishing_says_what_is_missing_asks_once_then_tells_the_host() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.click(".oc-stages li:last-child button").await;
    w.click(".oc-summary .oc-finish").await;
    assert!(w.events("outcomes-complete").is_empty(), "not finished yet");
    let missing: Vec<String> = w
        .all(".oc-finish-check li")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing[0].starts_with("Nobody has said yet whether the record may be kept"));
    assert!(missing[1].starts_with("Nothing has been written or chosen yet"));
    assert_eq!(
        w.focused(),
        Some(w.find(".oc-finish-check-title")),
        "the question takes the focus"
    );
    // "Not yet" goes back to the summary, nothing changed.
    w.click(".oc-finish-check .oc-not-yet").await;
    assert!(w.all(".oc-finish-check").is_empty());
    // Going to the stage that asks for consent.
    w.click(".oc-summary .oc-finish").await;
    w.click(".oc-finish-check li:first-child .oc-go-to").await;
    assert_eq!(w.text(".oc-section-title"), "Next time");
    w.click(".oc-stages li:last-child button").await;
    w.click(".oc-summary .oc-finish").await;
    w.click(".oc-finish-anyway").await;
    let completes = w.events("outcomes-complete");
    assert_eq!(completes.len(), 1);
    assert_eq!(completes[0]["record"]["status"], "complete");
    assert_eq!(completes[0]["record"]["revision"], 1);
    let changes = w.events("outcomes-change");
    assert_eq!(
        changes.len(),
        1,
        "the status changed, so the record changed too"
    );
    assert_eq!(changes[0]["record"]["status"], "complete");
    assert!(w.text(".oc-finished").contains("finished"));
}

/// The bug: a change after finishing kept the status and was never sent again. Now it is the
/// next revision, a draft until finished again.
#[wasm_bindgen_test]
async fn a_change_after_finishing_is_the_next_revision_and_says_so() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.type_into("textarea", "My garden").await;
    w.click(".oc-stages li:last-child button").await;
    w.click(".oc-summary .oc-finish").await;
    w.click(".oc-finish-anyway").await;
    assert_eq!(w.record()["status"], "complete");
    w.stage(1).await;
    w.type_into("textarea", "My garden, and the bees").await;
    let record = w.record();
    assert_eq!(record["revision"], 2);
    assert_eq!(record["status"], "draft");
    assert_eq!(record["replaces"]["revision"], 1);
    assert!(w
        .text(".oc-changed")
        .starts_with("This conversation was changed after it was finished"));
    w.click(".oc-changed .oc-button").await;
    assert_eq!(w.text(".oc-finish"), "Finish again, with the changes");
    w.click(".oc-finish").await;
    w.click(".oc-finish-anyway").await;
    assert_eq!(w.events("outcomes-complete").len(), 2);
    assert_eq!(w.record()["status"], "complete");
    assert!(w.all(".oc-changed").is_empty());
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
            &[("template", "ftp://files.invalid/t.json")],
            "",
            "invalid-template-address",
            "is neither a built-in template",
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
    assert_eq!(w.text(".oc-section label"), "Do dhòchasan?");
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
    let saved: Value = serde_json::from_str(&stored("resume-test").unwrap()).unwrap();
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
    assert!(stored("first").unwrap().contains("from A"));
    assert!(stored("second").unwrap().contains("from B"));
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
    assert!(stored("broken").unwrap().contains("a fresh start"));
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
        keys_starting("outcomes-conversation:delete-test"),
        Vec::<String>::new(),
        "no record, stage or pointer to it is left"
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
    assert!(stored("keep-test").unwrap().contains("Keep me"));
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
async fn review_mode_explains_a_broken_earlier_record_and_a_wrong_mode() {
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

/// A review needs no JSON from the host page: the earlier conversation is chosen from those
/// kept on this device, and last time shows beside this time.
#[wasm_bindgen_test]
async fn a_review_can_start_from_a_conversation_kept_on_this_device() {
    local_storage().clear().unwrap();
    let (_, earlier) = outcomes_core::sample::first_conversation();
    let shelf = "outcomes-conversation:reviews";
    local_storage()
        .set_item(
            &format!("{shelf}:record:{}", earlier.id),
            &earlier.to_json(),
        )
        .unwrap();
    let w = Mounted::keeping_storage(
        &[
            ("template", "review"),
            ("mode", "review"),
            ("storage-key", "reviews"),
        ],
        "",
    )
    .await;
    assert!(w.all("textarea").is_empty(), "nothing to review yet");
    assert!(w
        .text(".oc-device")
        .contains("Choose the earlier conversation to review."));
    assert_eq!(w.all(".oc-kept").len(), 1);
    assert!(w.text(".oc-kept").contains("What matters to you"));
    w.click(".oc-kept-review").await;
    // Last time, beside this time.
    let last = w.text(".oc-last-conversation");
    assert!(
        last.contains("What was said last time (1 September 2026)"),
        "{last}"
    );
    assert!(
        last.contains("It's the only time I laugh all week"),
        "{last}"
    );
    w.type_into("textarea", "Davie took me twice").await;
    let record = w.record();
    assert_eq!(record["reviews"], earlier.id.as_str());
    w.stage(2).await;
    // One card per outcome, with both questions and last time's views on the same scale only.
    assert_eq!(w.all(".oc-rating").len(), earlier.outcomes.len());
    let home = w.all(".oc-rating")[1].clone();
    let asked = home.query_selector_all(".oc-rating-asked").unwrap();
    assert_eq!(
        asked.length(),
        2,
        "met, and how far moved, each on its own scale"
    );
    let met = home
        .query_selector(".oc-rating-asked[data-prompt=progress] .oc-last-time")
        .unwrap()
        .unwrap();
    let met = met.text_content().unwrap();
    assert!(met.contains("Met: the person, 1 September 2026"), "{met}");
    assert!(
        met.contains("Partly met: the practitioner, 1 September 2026"),
        "{met}"
    );
    assert!(
        home.query_selector(".oc-rating-asked[data-prompt=moved] .oc-last-time")
            .unwrap()
            .is_none(),
        "no met/not met views under how far things moved"
    );
    assert_accessible(&w);
}

/// The bug: one conversation per device. Now there is a list of those kept here: start the
/// next, open an earlier one, review a finished one, delete one.
#[wasm_bindgen_test]
async fn conversations_are_kept_on_this_device_one_after_another() {
    let attributes = [("template", "what-matters"), ("storage-key", "device")];
    let w = Mounted::new(&attributes, "").await;
    w.type_into("textarea", "First person's words").await;
    let first_id = w.record()["id"].clone();
    w.fill(".oc-person[data-role=person] .oc-person-name", "Mr Duncan")
        .await;
    w.click(".oc-device summary").await;
    assert!(w.text(".oc-kept").contains("Mr Duncan"));
    assert!(w.text(".oc-kept").contains("Stage 1 of 6"));
    w.click(".oc-new-conversation").await;
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "",
        "a new, empty conversation"
    );
    w.type_into("textarea", "Second person's words").await;
    let second_id = w.record()["id"].clone();
    assert_ne!(first_id, second_id);
    assert_eq!(w.all(".oc-kept").len(), 2);
    // Open the first again: its words are there, untouched.
    w.click(".oc-kept:not(.oc-kept-current) .oc-kept-open")
        .await;
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "First person's words"
    );
    // After a reload the one on screen comes back.
    drop(w);
    let w = Mounted::keeping_storage(&attributes, "").await;
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "First person's words"
    );
    // Delete the other one from the list: it is gone, this one stays.
    w.click(".oc-device summary").await;
    w.click(".oc-kept:not(.oc-kept-current) .oc-remove").await;
    w.click(".oc-kept:not(.oc-kept-current) .oc-confirm .oc-button-danger")
        .await;
    assert_eq!(w.all(".oc-kept").len(), 1);
    assert_eq!(w.events("outcomes-deleted")[0]["recordId"], second_id);
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "First person's words"
    );
    assert_accessible(&w);
}

/// Who took part: the person's name or reference, the practitioner, others present; each an
/// action in the core, each optional.
#[wasm_bindgen_test]
async fn who_takes_part_is_recorded_and_someone_added_by_mistake_can_go() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.click(".oc-people summary").await;
    w.fill(
        ".oc-person[data-role=person] .oc-person-reference",
        "SW-2291",
    )
    .await;
    w.fill(".oc-person[data-role=practitioner] .oc-person-name", "Sam")
        .await;
    w.fill("#oc-person-new-name", "Karen").await;
    w.click(".oc-person-add-button").await;
    let record = w.record();
    let people = record["participants"].as_array().unwrap();
    assert_eq!(people[0]["reference"], "SW-2291");
    assert_eq!(people[0].get("name"), None, "no name given, none made up");
    assert_eq!(people[1]["name"], "Sam");
    assert_eq!(people[2]["name"], "Karen");
    assert_eq!(people[2]["role"], "family");
    assert!(w.text(".oc-people-summary").contains("SW-2291"));
    w.click(".oc-person[data-role=family] .oc-button-quiet")
        .await;
    let record = w.record();
    assert_eq!(record["participants"].as_array().unwrap().len(), 2);
    assert_eq!(record["removed"][0]["what"], "participant");
    assert_eq!(record["removed"][0]["by"], "practitioner");
    assert_accessible(&w);
}

/// "Next time" offers a date beside the words, so reviews can be due and overdue.
#[wasm_bindgen_test]
async fn the_next_review_has_a_date_as_well_as_words() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.stage(6).await;
    w.fill(".oc-review-date", "2027-03-01").await;
    assert_eq!(w.record()["next_review"], "2027-03-01");
    w.click(".oc-stages li:last-child button").await;
    assert_eq!(w.text(".oc-next-review"), "Next time: 1 March 2027");
}

/// The bug: the same conversation open in two tabs overwrote itself. A change made in another
/// tab on top of this one is followed; changes made in both are both kept until someone
/// chooses. (The other tab is played by the `storage` events a browser sends.)
#[wasm_bindgen_test]
async fn another_tab_is_followed_or_both_versions_are_kept_until_someone_chooses() {
    let attributes = [("template", "what-matters"), ("storage-key", "tabs")];
    let w = Mounted::new(&attributes, "").await;
    w.type_into("textarea", "Typed in this tab").await;
    let ours = stored("tabs").unwrap();
    let key = keys_starting("outcomes-conversation:tabs:record:")[0].clone();
    let other_tab = |old: &str, new: &str| {
        let init = web_sys::StorageEventInit::new();
        init.set_key(Some(&key));
        init.set_old_value(Some(old));
        init.set_new_value(Some(new));
        init.set_storage_area(Some(&local_storage()));
        local_storage().set_item(&key, new).unwrap();
        web_sys::window()
            .unwrap()
            .dispatch_event(
                &web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap(),
            )
            .unwrap();
    };
    // The other tab changes what this tab had: followed.
    let theirs = ours.replace("Typed in this tab", "Typed in this tab, then in the other");
    other_tab(&ours, &theirs);
    yew::scheduler::flush().await;
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "Typed in this tab, then in the other"
    );
    assert!(w.text(".oc-tabs-note").contains("also open in another tab"));
    // Now both change it: this tab's words are not overwritten, and both are kept.
    w.type_into("textarea", "This tab's own words").await;
    let mine = stored("tabs").unwrap();
    let elsewhere = theirs.replace("then in the other", "and the other tab's own words");
    other_tab(&theirs, &elsewhere);
    yew::scheduler::flush().await;
    assert!(w
        .text(".oc-tabs-conflict")
        .contains("Both versions are kept"));
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "This tab's own words"
    );
    w.type_into("textarea", "This tab's own words, still typing")
        .await;
    let conflict = keys_starting("outcomes-conversation:tabs:conflict:");
    assert_eq!(
        conflict.len(),
        1,
        "this tab's version kept beside the other's"
    );
    assert!(local_storage()
        .get_item(&conflict[0])
        .unwrap()
        .unwrap()
        .contains("still typing"));
    assert!(
        local_storage()
            .get_item(&key)
            .unwrap()
            .unwrap()
            .contains("the other tab's own words"),
        "the other tab's version is not overwritten either"
    );
    let _ = mine;
    // Choosing this tab's version settles it for every tab.
    w.click(".oc-keep-mine").await;
    assert!(keys_starting("outcomes-conversation:tabs:conflict:").is_empty());
    assert!(local_storage()
        .get_item(&key)
        .unwrap()
        .unwrap()
        .contains("still typing"));
    assert!(w.all(".oc-tabs-conflict").is_empty());
}

/// Words given to a question the template no longer has are the person's words too: the
/// summary shows them, whatever the template's last stage asks.
#[wasm_bindgen_test]
async fn the_summary_shows_words_given_to_a_question_the_template_no_longer_has() {
    local_storage().clear().unwrap();
    let json = r#"{"format_version": 1, "id": "ours", "version": "2", "default_lang": "en",
        "title": "Ours", "sections": [
          {"id": "talk", "title": "Talk", "prompts": [{"id": "hopes", "kind": "text", "text": "Your hopes?"}]},
          {"id": "goals", "title": "Goals", "prompts": [{"id": "goals", "kind": "outcomes", "text": "Your goals?"}]}]}"#;
    let template = outcomes_core::Template::from_json(json).unwrap();
    let mut record = outcomes_core::Record::new(
        &template,
        outcomes_core::RecordId::new("kept").unwrap(),
        outcomes_core::Timestamp::parse("2026-12-01T10:00:00Z").unwrap(),
        outcomes_core::Mode::Practitioner,
    );
    record.answers.insert(
        outcomes_core::Id::new("retired").unwrap(),
        outcomes_core::Answer {
            text: "Words from a question that has gone".into(),
            updated: record.created.clone(),
        },
    );
    local_storage()
        .set_item("outcomes-conversation:also:record:kept", &record.to_json())
        .unwrap();
    local_storage()
        .set_item("outcomes-conversation:also:current", "kept")
        .unwrap();
    let inline = format!(r#"<script type="application/json">{json}</script>"#);
    let w = Mounted::keeping_storage(&[("storage-key", "also")], &inline).await;
    w.click(".oc-stages li:last-child button").await;
    assert!(
        w.text(".oc-summary")
            .contains("Words from a question that has gone"),
        "{}",
        w.text(".oc-summary")
    );
}

/// A tab reloaded or closed while two tabs disagreed leaves its version on the device: the next
/// start says so, and either version can be chosen.
#[wasm_bindgen_test]
async fn versions_left_by_a_closed_tab_are_offered_on_the_next_start() {
    let attributes = [("template", "what-matters"), ("storage-key", "left")];
    let w = Mounted::new(&attributes, "").await;
    w.type_into("textarea", "The version on the device").await;
    let record = stored("left").unwrap();
    let id = w.record()["id"].as_str().unwrap().to_owned();
    drop(w);
    local_storage()
        .set_item(
            &format!("outcomes-conversation:left:conflict:{id}:tab-0a1b2c3d"),
            &record.replace("The version on the device", "The closed tab's version"),
        )
        .unwrap();
    let w = Mounted::keeping_storage(&attributes, "").await;
    assert!(w
        .text(".oc-tabs-conflict")
        .contains("Both versions are kept"));
    w.click(".oc-keep-theirs").await;
    assert_eq!(
        w.find("textarea")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "The closed tab's version"
    );
    assert!(keys_starting("outcomes-conversation:left:conflict:").is_empty());
    assert!(stored("left").unwrap().contains("The closed tab's version"));
}

/// On their own the person is spoken to, gives every view and answer, and keeps a readable
/// copy (not the files for the organisation's systems).
#[wasm_bindgen_test]
async fn on_their_own_the_person_is_spoken_to_and_keeps_a_readable_copy() {
    let w = Mounted::new(&[("template", "what-matters"), ("mode", "self")], "").await;
    w.stage(4).await;
    assert!(w
        .text(".oc-outcomes .oc-empty")
        .contains("in your own words"));
    w.click(".oc-outcomes .oc-add").await;
    assert_eq!(w.text(".oc-outcome-label"), "Outcome 1, in your own words");
    w.type_into(".oc-outcome-words", "Swim again").await;
    assert!(w.all(".oc-who").is_empty(), "nobody else to choose");
    assert!(
        w.all("details.oc-add-view").is_empty(),
        "no practitioner's view to add"
    );
    assert_eq!(w.text(".oc-why-label"), "Why? In your own words");
    let text = w.text(".oc-conversation");
    for practitioner_talk in [
        "practitioner",
        "the person's",
        "In their",
        "When the person is ready",
    ] {
        assert!(
            !text.contains(practitioner_talk),
            "{practitioner_talk} in {text}"
        );
    }
    w.stage(6).await;
    assert!(w.all(".oc-consent .oc-who").is_empty());
    w.click(".oc-stages li:last-child button").await;
    let labels: Vec<String> = w
        .all(".oc-downloads button")
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["Summary page (HTML)", "Print"]);
    assert_eq!(
        w.record()["participants"].as_array().unwrap().len(),
        1,
        "only the person took part"
    );
}

/// The bug: the core's refusals reached Gaelic and Arabic screens as English. They are codes
/// with data now, worded by each catalogue.
#[wasm_bindgen_test]
async fn what_is_missing_and_what_went_wrong_are_said_in_the_persons_language() {
    let gd = catalogue("gd", false);
    let w = Mounted::new(&[("template", "what-matters"), ("lang", "gd")], "").await;
    w.click(".oc-stages li:last-child button").await;
    w.click(".oc-summary .oc-finish").await;
    assert_eq!(w.text(".oc-finish-check-title"), gd.finish_check_title);
    let missing = w.all(".oc-finish-check li");
    assert!(missing[1]
        .text_content()
        .unwrap()
        .starts_with(gd.missing_nothing_said));
    let record: outcomes_core::Record =
        outcomes_core::Record::from_json(&serde_json::to_string(&w.record_now()).unwrap()).unwrap();
    let locale = outcomes_widget::messages::Locale::new("gd", false);
    for problem in [
        outcomes_core::Problem::NotAWeight("0".into()),
        outcomes_core::Problem::OnePerson,
        outcomes_core::Problem::UnknownPrompt(outcomes_core::Id::new("x").unwrap()),
    ] {
        let said = locale.problem(&problem, &record);
        // Worded by the catalogue (a code for whoever looks after the page at most), never
        // the core's English.
        assert!(!said.contains(&problem.to_string()), "{said}");
        assert!(
            !said.contains("this template") && !said.contains("whole number"),
            "{said}"
        );
    }
    assert_eq!(
        locale.problem(&outcomes_core::Problem::OnePerson, &record),
        gd.problem_one_person
    );
}

/// Focus is seen: the ring is at least 3:1 against the background (WCAG 2.2).
#[wasm_bindgen_test]
async fn the_focus_ring_stands_out_from_the_background() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    let style = |css: &str, property: &str| {
        web_sys::window()
            .unwrap()
            .get_computed_style(&w.find(css))
            .unwrap()
            .unwrap()
            .get_property_value(property)
            .unwrap()
    };
    let focus = style(".oc-root", "--_focus");
    let background = style(".oc-root", "background-color");
    let rgb = |css: &str| -> [f64; 3] {
        let probe = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .create_element("i")
            .unwrap();
        probe.set_attribute("hidden", "").unwrap();
        w.root.append_child(&probe).unwrap();
        let probe: HtmlElement = probe.unchecked_into();
        probe.style().set_property("color", css).unwrap();
        let computed = web_sys::window()
            .unwrap()
            .get_computed_style(&probe)
            .unwrap()
            .unwrap()
            .get_property_value("color")
            .unwrap();
        probe.remove();
        let numbers: Vec<f64> = computed
            .trim_start_matches("rgb(")
            .trim_start_matches("rgba(")
            .trim_end_matches(')')
            .split(',')
            .map(|n| n.trim().parse().unwrap())
            .collect();
        [numbers[0], numbers[1], numbers[2]]
    };
    let luminance = |[r, g, b]: [f64; 3]| {
        let channel = |c: f64| {
            let c = c / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (a, b) = (
        luminance(rgb(focus.trim())),
        luminance(rgb(background.trim())),
    );
    let contrast = (a.max(b) + 0.05) / (a.min(b) + 0.05);
    assert!(
        contrast >= 3.0,
        "focus {focus} against {background}: {contrast:.2}:1"
    );
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
    assert_eq!(w.text(".oc-section label"), "ما هي آمالك؟");
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

/// Every control has a label, every radio button sits in a fieldset with a legend, and nothing
/// is styled inline (the host page's CSP blocks `style` attributes).
fn assert_accessible(w: &Mounted) {
    for field in w.all("input, textarea, select") {
        let wrapped = field.closest("label").unwrap().is_some();
        let labelled = !field.id().is_empty()
            && w.root
                .query_selector(&format!("label[for=\"{}\"]", field.id()))
                .unwrap()
                .is_some();
        assert!(wrapped || labelled, "no label for {}", field.outer_html());
        if field.get_attribute("type").as_deref() == Some("radio") {
            let fieldset = field.closest("fieldset").unwrap();
            assert!(
                fieldset.is_some_and(|f| f.query_selector("legend").unwrap().is_some()),
                "a radio button outside a fieldset with a legend: {}",
                field.outer_html()
            );
        }
    }
    assert!(w.all("[style]").is_empty(), "no inline styles");
}

fn is_made_id(id: &Value, prefix: &str) -> bool {
    let id = id.as_str().unwrap_or_default();
    id.strip_prefix(prefix).is_some_and(|hex| {
        hex.len() == 8
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

#[wasm_bindgen_test]
async fn outcomes_keep_the_persons_words_then_tags_and_kind_and_removal_is_recorded() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.stage(4).await;
    assert!(w
        .text(".oc-outcomes .oc-empty")
        .contains("Nothing written down yet"));
    assert!(w.all(".oc-outcome").is_empty());
    w.click(".oc-outcomes .oc-add").await;
    assert_eq!(w.all(".oc-outcome").len(), 1);
    assert_eq!(
        w.focused(),
        Some(w.find(".oc-outcome-words")),
        "focus moves to the new outcome's words"
    );
    assert!(
        w.all(".oc-tags-details[open]").is_empty(),
        "tags wait until asked for: words first"
    );
    let words = "  Get back to the bowling club — <b>Tuesdays</b>\nwith Jim  ";
    w.type_into(".oc-outcome-words", words).await;
    let groups: Vec<String> = w
        .all(".oc-tag-group legend")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(
        groups,
        ["Quality of life", "How support is given", "Change"]
    );
    w.click(".oc-chip-box[value=seeing-people]").await;
    w.click(".oc-chip-box[value=things-to-do]").await;
    w.click(".oc-kind input[value=maintain]").await;
    assert_accessible(&w);
    w.stage(3).await;
    w.stage(4).await;
    assert_eq!(
        w.text(".oc-tags-chosen"),
        "Having things to do; Seeing people",
        "an outcome's tags are named in the closed list when it comes back on screen"
    );

    let record = w.record();
    let outcome = &record["outcomes"][0];
    assert_eq!(outcome["words"], words, "the person's words, verbatim");
    assert_eq!(
        outcome["tags"],
        serde_json::json!(["things-to-do", "seeing-people"]),
        "tags in the outcome set's order"
    );
    assert_eq!(outcome["kind"], "maintain");
    assert!(is_made_id(&outcome["id"], "o-"), "{}", outcome["id"]);
    let first_id = outcome["id"].clone();

    w.click(".oc-chip-box[value=things-to-do]").await;
    assert_eq!(
        w.record()["outcomes"][0]["tags"],
        serde_json::json!(["seeing-people"])
    );

    w.click(".oc-outcomes .oc-add").await;
    let fields = w.all(".oc-outcome-words");
    assert_eq!(fields.len(), 2);
    assert_eq!(w.focused(), Some(fields[1].clone()));
    assert_eq!(
        w.find(".oc-outcome:nth-child(2) .oc-outcome-label")
            .text_content()
            .unwrap(),
        "Outcome 2, in the person's own words"
    );
    w.type_into(
        ".oc-outcome:nth-child(2) .oc-outcome-words",
        "Stay in my own flat",
    )
    .await;

    // Removing asks first; declining keeps it.
    w.click(".oc-outcome:first-child .oc-remove").await;
    assert!(w
        .text(".oc-confirm")
        .contains("Take this outcome out of the record?"));
    assert_eq!(w.focused(), Some(w.find(".oc-confirm-no")));
    w.click(".oc-confirm-no").await;
    assert!(w.all(".oc-confirm").is_empty());
    assert_eq!(
        w.focused(),
        Some(w.find(".oc-outcome:first-child .oc-remove"))
    );
    assert_eq!(w.record()["outcomes"].as_array().unwrap().len(), 2);

    w.click(".oc-outcome:first-child .oc-remove").await;
    w.click(".oc-confirm-yes").await;
    let record = w.record();
    let outcomes = record["outcomes"].as_array().unwrap();
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0]["words"], "Stay in my own flat");
    assert_eq!(record["removed"][0]["what"], "outcome");
    assert_eq!(record["removed"][0]["id"], first_id);
    assert_eq!(record["removed"][0]["by"], "practitioner");
    assert!(
        !record.to_string().contains("bowling"),
        "the removed words are gone from the record"
    );
    assert_eq!(
        w.focused(),
        Some(w.find(".oc-outcomes .oc-add")),
        "after removal, focus goes to the add button"
    );
}

/// The bug: a point chosen and a reason typed were dropped on Next or a reload unless "Keep
/// this view" was pressed. Now each is part of the record (and the saved draft) as it is given.
#[wasm_bindgen_test]
async fn a_view_is_kept_as_it_is_given_and_both_views_stand_side_by_side() {
    let w = Mounted::new(
        &[("template", "what-matters"), ("storage-key", "views")],
        "",
    )
    .await;
    w.stage(4).await;
    assert!(w
        .text(".oc-ratings .oc-empty")
        .contains("No outcomes are written down yet"));
    w.click(".oc-outcomes .oc-add").await;
    w.type_into(".oc-outcome-words", "See my grandson every week")
        .await;
    assert_eq!(w.text(".oc-rating-subject"), "See my grandson every week");
    let person = ".oc-view[data-by=person]";
    assert_eq!(w.text(&format!("{person} legend")), "The person's view");
    let points: Vec<String> = w
        .all(&format!("{person} .oc-scale label"))
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(
        points,
        ["Met", "Partly met", "Not met", "No longer matters"]
    );
    assert!(
        w.all(".oc-keep-rating").is_empty(),
        "nothing to press to keep it"
    );

    w.click(&format!("{person} input[value=partly-met]")).await;
    let ratings = |w: &Mounted| w.record()["outcomes"][0]["ratings"].clone();
    assert_eq!(
        ratings(&w)[0]["value"],
        "partly-met",
        "the point alone is kept"
    );
    assert_eq!(ratings(&w)[0]["reason"], "");
    w.type_into(
        &format!("{person} .oc-why"),
        "I see him most weeks, not all",
    )
    .await;
    assert_eq!(ratings(&w)[0]["reason"], "I see him most weeks, not all");
    assert_eq!(
        ratings(&w).as_array().unwrap().len(),
        1,
        "one view, changed in place"
    );

    // The practitioner's view is offered, not forced; a reason with no point is kept as such.
    let practitioner = ".oc-view[data-by=practitioner]";
    w.click("details.oc-add-view summary").await;
    w.type_into(
        &format!("{practitioner} .oc-why"),
        "Visits stopped in October",
    )
    .await;
    assert!(w
        .text(&format!("{practitioner} .oc-pending"))
        .starts_with("No level chosen yet"));
    let record = w.record();
    let views = record["outcomes"][0]["ratings"].as_array().unwrap();
    assert_eq!(views.len(), 2, "both views kept");
    assert_eq!(views[1]["by"], "practitioner");
    assert_eq!(
        views[1].get("value"),
        None,
        "no point yet, and none made up"
    );
    assert_eq!(views[1]["reason"], "Visits stopped in October");
    assert_accessible(&w);

    // Next, then a reload: nothing said is gone.
    w.click(".oc-nav .oc-button-primary").await;
    drop(w);
    let w = Mounted::keeping_storage(
        &[("template", "what-matters"), ("storage-key", "views")],
        "",
    )
    .await;
    w.stage(4).await;
    let why = |css: &str| {
        w.find(&format!("{css} .oc-why"))
            .unchecked_into::<HtmlTextAreaElement>()
            .value()
    };
    assert_eq!(why(person), "I see him most weeks, not all");
    assert_eq!(why(practitioner), "Visits stopped in October");
    assert!(w
        .find(&format!("{person} input[value=partly-met]"))
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked());
    w.click(&format!("{practitioner} input[value=not-met]"))
        .await;

    // The summary: words first, then tags and kind, the chart and every view.
    w.click(".oc-stages li:last-child button").await;
    assert_eq!(w.text(".oc-outcome-said"), "See my grandson every week");
    assert_eq!(w.text(".oc-outcome-kind"), "to change or achieve");
    assert_eq!(
        w.all(".oc-chart .oc-chart-point-person").len(),
        2,
        "the person's point and its legend"
    );
    assert_eq!(w.all(".oc-chart .oc-chart-point-other").len(), 2);
    let chart_texts: Vec<String> = w
        .all(".oc-chart text")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    for named in [
        "Met",
        "Partly met",
        "Not met",
        "The person",
        "The practitioner",
    ] {
        assert!(
            chart_texts.iter().any(|t| t == named),
            "{named} in {chart_texts:?}"
        );
    }
    assert!(w
        .find(".oc-chart")
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("How far is this outcome met?"));
    assert_eq!(w.all(".oc-summary-outcome .oc-rating-line").len(), 2);
    assert!(w
        .text(".oc-summary-outcome")
        .contains("Visits stopped in October"));
    assert_accessible(&w);
}

#[wasm_bindgen_test]
async fn a_statement_that_rates_itself_keeps_each_view() {
    let w = Mounted::new(&[("template", "member-evaluation")], "").await;
    w.stage(2).await;
    assert_eq!(w.all(".oc-rating").len(), 3, "one per statement");
    assert!(
        w.all(".oc-rating-subject").is_empty(),
        "the statement is the prompt"
    );
    w.click(".oc-rating .oc-view[data-by=person] input[value=mostly]")
        .await;
    w.type_into(
        ".oc-rating .oc-view[data-by=person] .oc-why",
        "Mostly, when the chair keeps time",
    )
    .await;
    assert_accessible(&w);
    let record = w.record();
    let ratings = &record["prompt_ratings"]["opinions-valued"];
    assert_eq!(ratings[0]["value"], "mostly");
    assert_eq!(ratings[0]["by"], "person");
    assert_eq!(ratings[0]["reason"], "Mostly, when the chair keeps time");
    w.click(".oc-stages li:last-child button").await;
    assert!(w
        .text(".oc-summary")
        .contains("Mostly, when the chair keeps time"));
    assert_eq!(
        w.all(".oc-summary .oc-chart .oc-chart-point-person").len(),
        2
    );
}

#[wasm_bindgen_test]
async fn agreed_actions_say_what_who_when_and_link_to_outcomes() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.stage(4).await;
    w.click(".oc-outcomes .oc-add").await;
    w.type_into(".oc-outcome-words", "Get out to the shops on my own")
        .await;
    let outcome_id = w.record()["outcomes"][0]["id"].clone();

    w.stage(5).await;
    assert!(w
        .text(".oc-actions .oc-empty")
        .contains("No actions agreed yet"));
    w.click(".oc-actions .oc-add").await;
    assert_eq!(w.focused(), Some(w.find(".oc-action-what")));
    w.type_into(".oc-action-what", "Try the bus to the shops with Jean")
        .await;
    w.fill(".oc-action-who", "Me and Jean next door").await;
    w.fill(".oc-action-when", "2026-12-24").await;
    w.click(&format!(
        ".oc-action-outcomes input[value={}]",
        outcome_id.as_str().unwrap()
    ))
    .await;
    w.click(".oc-action-done").await;
    assert_accessible(&w);

    let record = w.record();
    let action = &record["actions"][0];
    assert!(is_made_id(&action["id"], "a-"), "{}", action["id"]);
    assert_eq!(action["what"], "Try the bus to the shops with Jean");
    assert_eq!(action["who"], "Me and Jean next door");
    assert_eq!(action["by_when"], "2026-12-24");
    assert_eq!(action["outcomes"], serde_json::json!([outcome_id]));
    assert!(action["done"].is_string(), "marked done with a time");

    w.click(".oc-action-done").await;
    assert!(
        w.record()["actions"][0].get("done").is_none(),
        "not done after all"
    );

    w.click(".oc-actions .oc-add").await;
    assert_eq!(w.focused(), Some(w.all(".oc-action-what")[1].clone()));
    w.type_into(
        ".oc-action:nth-child(2) .oc-action-what",
        "Ring the council",
    )
    .await;
    let second = w.record()["actions"][1]["id"].clone();
    w.click(".oc-action:nth-child(2) .oc-remove").await;
    w.click(".oc-confirm-yes").await;
    let record = w.record();
    assert_eq!(record["actions"].as_array().unwrap().len(), 1);
    assert_eq!(record["removed"][0]["what"], "action");
    assert_eq!(record["removed"][0]["id"], second);
    assert_eq!(record["removed"][0]["by"], "practitioner");
    assert_eq!(w.focused(), Some(w.find(".oc-actions .oc-add")));

    w.click(".oc-stages li:last-child button").await;
    assert_eq!(
        w.text(".oc-action-said"),
        "Try the bus to the shops with Jean"
    );
    let details = w.text(".oc-action-details");
    assert!(details.contains("Me and Jean next door"), "{details}");
    assert!(
        details.contains("by December 24, 2026") || details.contains("by 24 December 2026"),
        "dates written the way the language writes them: {details}"
    );
    assert!(details.contains("not done yet"), "{details}");
    assert_eq!(
        w.text(".oc-action-for"),
        "For: Get out to the shops on my own"
    );
}

#[wasm_bindgen_test]
async fn choices_are_radio_buttons_or_checkboxes() {
    let w = Mounted::new(&[("template", "member-evaluation")], "").await;
    assert_eq!(
        w.find("fieldset.oc-choice legend").text_content().unwrap(),
        "Which of these best describes your work?"
    );
    w.click("input[name=oc-choice-role-choice][value=social-care]")
        .await;
    w.click("input[name=oc-choice-role-choice][value=health]")
        .await;
    assert_accessible(&w);
    assert_eq!(
        w.record()["choices"]["role"]["options"],
        serde_json::json!(["health"])
    );

    let inline = r#"<script type="application/json">
        {"format_version": 1, "id": "several", "version": "1", "default_lang": "en", "title": "T",
         "sections": [{"id": "s", "title": "S", "prompts": [
            {"id": "helps", "kind": "choice", "multiple": true, "text": "What helps?",
             "options": [{"id": "family", "label": "Family"}, {"id": "friends", "label": "Friends"},
                         {"id": "groups", "label": "Groups"}]}]}]}
    </script>"#;
    let w = Mounted::new(&[], inline).await;
    assert_eq!(w.all("input[type=checkbox]").len(), 3);
    w.click("input[value=groups]").await;
    w.click("input[value=family]").await;
    w.click("input[value=friends]").await;
    w.click("input[value=groups]").await;
    assert_eq!(
        w.record()["choices"]["helps"]["options"],
        serde_json::json!(["family", "friends"]),
        "in the template's order"
    );
    w.click(".oc-stages li:last-child button").await;
    assert_eq!(w.text(".oc-summary-answer"), "Family; Friends");
}

#[wasm_bindgen_test]
async fn consent_records_the_answer_and_who_gave_it() {
    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.stage(6).await;
    assert!(w
        .text(".oc-statement")
        .starts_with("I agree that this record"));
    assert!(w.text(".oc-information").contains("You can have a copy"));
    w.click(".oc-consent-answer input[value=given]").await;
    assert_eq!(w.record()["consent"]["keep-record"]["given"], true);
    assert_eq!(w.record()["consent"]["keep-record"]["by"], "person");
    w.click(".oc-consent .oc-who input[value=practitioner]")
        .await;
    assert_eq!(
        w.record()["consent"]["keep-record"]["by"],
        "practitioner",
        "the answer now stands as the practitioner's"
    );
    w.click(".oc-consent-answer input[value=refused]").await;
    assert_eq!(w.record()["consent"]["keep-record"]["given"], false);
    assert_accessible(&w);
    w.click(".oc-stages li:last-child button").await;
    assert!(w
        .text(".oc-summary-answer")
        .starts_with("Not agreed by the practitioner on "));
}

#[wasm_bindgen_test]
async fn every_built_in_template_renders_every_stage_accessibly() {
    for name in outcomes_core::builtin::names() {
        let w = Mounted::new(&[("template", name)], "").await;
        let stages = w.all(".oc-stages li").len();
        for stage in 1..=stages {
            w.stage(stage).await;
            assert_accessible(&w);
        }
    }
}

#[wasm_bindgen_test]
async fn goal_attainment_outcomes_take_a_weight() {
    let w = Mounted::new(&[("template", "goal-attainment")], "").await;
    w.click(".oc-outcomes .oc-add").await;
    w.type_into(".oc-outcome-words", "Walk to the post office")
        .await;
    assert!(
        w.record()["outcomes"][0].get("weight").is_none(),
        "1 unless said"
    );
    w.fill(".oc-outcome-weight", "0").await;
    assert!(
        w.record()["outcomes"][0].get("weight").is_none(),
        "0 is no weight"
    );
    // Said beside the field, announced, and tied to it.
    let field = w.find(".oc-outcome-weight");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let problem = w.find(".oc-weight [role=alert]");
    assert_eq!(
        field.get_attribute("aria-describedby"),
        Some(problem.id()),
        "the field names its problem"
    );
    assert!(problem.text_content().unwrap().contains("whole number"));
    w.fill(".oc-outcome-weight", "3").await;
    assert_eq!(w.record()["outcomes"][0]["weight"], 3);
    assert!(w.all(".oc-weight [role=alert]").is_empty());
    assert_eq!(
        w.find(".oc-outcome-weight").get_attribute("aria-invalid"),
        None
    );
    assert_accessible(&w);

    let w = Mounted::new(&[("template", "what-matters")], "").await;
    w.stage(4).await;
    w.click(".oc-outcomes .oc-add").await;
    assert!(
        w.all(".oc-outcome-weight").is_empty(),
        "only where goals are scored"
    );
}

#[wasm_bindgen_test]
async fn self_completion_shows_no_practitioner_notes_and_every_view_is_the_persons() {
    let w = Mounted::new(&[("template", "what-matters"), ("mode", "self")], "").await;
    assert!(w.text(".oc-intro").contains("in your own words"));
    assert!(
        w.all(".oc-guidance").is_empty(),
        "no notes for the practitioner"
    );
    w.stage(4).await;
    assert!(w.all(".oc-guidance").is_empty());
    w.click(".oc-outcomes .oc-add").await;
    w.type_into(".oc-outcomes textarea", "Walk to the shop on my own")
        .await;
    let views = w.all(".oc-view");
    assert_eq!(views.len(), 1, "only the person's own view is offered");
    assert_eq!(views[0].get_attribute("data-by").as_deref(), Some("person"));
    let practitioner = Mounted::new(&[("template", "what-matters")], "").await;
    assert!(practitioner.all(".oc-intro").is_empty());
    assert!(!practitioner.all(".oc-guidance").is_empty());
}

#[wasm_bindgen_test]
async fn dates_follow_the_language_and_an_unknown_language_breaks_nothing() {
    for (lang, expected) in [
        ("en-GB", "by 24 December 2026"),
        ("en", "by 24 December 2026"),
        ("en-US", "by December 24, 2026"),
        ("gd", "ro 24mh dhen Dùbhlachd 2026"),
        // A tag the browser refuses is written the British way, not left to break anything.
        ("not a language!", "by 24 December 2026"),
    ] {
        let key = format!("dates-{}", lang.len());
        let w = Mounted::new(
            &[
                ("template", "what-matters"),
                ("lang", lang),
                ("storage-key", &key),
            ],
            "",
        )
        .await;
        w.stage(5).await;
        w.click(".oc-actions .oc-add").await;
        w.type_into(".oc-action-what", "Ring the surgery").await;
        w.fill(".oc-action-when", "2026-12-24").await;
        w.click(".oc-stages li:last-child button").await;
        let details = w.text(".oc-action-details");
        assert!(details.contains(expected), "{lang}: {details}");
        let saved = catalogue(lang, false).saved_at.replace("{time}", "");
        assert!(
            w.text(".oc-save").starts_with(saved.trim_end_matches('.')),
            "{lang}"
        );
    }
}

/// The words of the widget in `lang`'s catalogue.
fn catalogue(lang: &str, easy_read: bool) -> &'static outcomes_widget::messages::Messages {
    outcomes_widget::messages::for_lang(lang, easy_read)
}

#[wasm_bindgen_test]
async fn the_widget_speaks_the_pages_language_and_says_the_translation_is_a_draft() {
    let gd = catalogue("gd", false);
    assert_ne!(gd.next, catalogue("en", false).next, "a Gaelic catalogue");
    let template = outcomes_core::builtin::template("what-matters").unwrap();
    let w = Mounted::new(&[("template", "what-matters"), ("lang", "gd")], "").await;
    assert_eq!(
        w.find(".oc-conversation").get_attribute("lang").as_deref(),
        Some("gd")
    );
    assert_eq!(w.text(".oc-nav .oc-button-primary"), gd.next);
    assert_eq!(w.text(".oc-title"), template.title.get("gd", "en"));
    assert_ne!(
        w.text(".oc-title"),
        template.title.get("en", "en"),
        "the built-in template is translated too"
    );
    let outcomes_widget::messages::Translation::Draft { notice } = gd.translation else {
        panic!("Gaelic is a draft translation");
    };
    assert_eq!(w.text(".oc-translation-note"), notice);
    w.stage(4).await;
    w.click(".oc-outcomes .oc-add").await;
    assert_eq!(
        w.text(".oc-outcome-label"),
        gd.outcome_words_label.replace("{number}", "1")
    );
    assert_accessible(&w);

    let w = Mounted::new(&[("template", "what-matters"), ("lang", "en-GB")], "").await;
    assert!(
        w.all(".oc-translation-note").is_empty(),
        "English is not a draft"
    );
    let w = Mounted::new(&[("template", "what-matters"), ("lang", "fr")], "").await;
    assert_eq!(
        w.text(".oc-nav .oc-button-primary"),
        "Next",
        "a language without a catalogue falls back to English"
    );
    assert_eq!(
        w.find(".oc-conversation").get_attribute("lang").as_deref(),
        Some("en"),
        "and says so, for screen readers"
    );
    let w = Mounted::new(&[("template", "what-matters"), ("lang", "ur")], "").await;
    assert_eq!(
        w.find(".oc-conversation").get_attribute("dir").as_deref(),
        Some("ltr"),
        "English shown for a right-to-left language reads left to right"
    );
}

#[wasm_bindgen_test]
async fn numbers_are_written_the_way_the_language_writes_them() {
    // Egyptian Arabic writes Arabic-Indic digits (CLDR); Arabic without a region, Latin ones.
    let w = Mounted::new(&[("template", "what-matters"), ("lang", "ar-EG")], "").await;
    assert_eq!(
        w.find(".oc-conversation").get_attribute("dir").as_deref(),
        Some("rtl")
    );
    assert_eq!(
        w.text(".oc-nav .oc-button-primary"),
        catalogue("ar", false).next
    );
    let progress = w.text(".oc-progress-text");
    assert!(
        progress.contains('\u{661}') && progress.contains('\u{666}'),
        "Arabic-Indic digits for stage 1 of 6: {progress}"
    );
    assert!(!progress.contains('1'), "{progress}");
    let w = Mounted::new(&[("template", "what-matters"), ("lang", "en")], "").await;
    assert_eq!(w.text(".oc-progress-text"), "Stage 1 of 6");
}

#[wasm_bindgen_test]
async fn easy_read_has_short_words_larger_text_and_a_picture_for_every_tag() {
    let easy = catalogue("en", true);
    let w = Mounted::new(&[("template", "what-matters"), ("easy-read", "")], "").await;
    let root = w.find(".oc-conversation");
    assert!(root
        .get_attribute("class")
        .unwrap()
        .contains("oc-easy-read"));
    let size = |element: &Element| {
        let style = web_sys::window()
            .unwrap()
            .get_computed_style(element)
            .unwrap()
            .unwrap();
        style
            .get_property_value("font-size")
            .unwrap()
            .trim_end_matches("px")
            .parse::<f64>()
            .unwrap()
    };
    assert!(size(&root) >= 19.0, "larger text: {}px", size(&root));
    assert_eq!(w.text(".oc-nav .oc-button-primary"), easy.next);
    w.stage(4).await;
    assert_eq!(w.text(".oc-outcomes .oc-add"), easy.outcome_add_first);
    w.click(".oc-outcomes .oc-add").await;
    w.click(".oc-tags-details summary").await;
    let chips = w.all(".oc-chip");
    assert_eq!(chips.len(), 15, "every Talking Points tag");
    for chip in &chips {
        let picture = chip
            .query_selector("svg.oc-picture")
            .unwrap()
            .unwrap_or_else(|| panic!("no picture in {}", chip.outer_html()));
        assert_eq!(
            picture.get_attribute("aria-hidden").as_deref(),
            Some("true")
        );
        assert!(
            picture.query_selector("path").unwrap().is_some(),
            "a drawn picture"
        );
        assert!(
            !chip.text_content().unwrap().trim().is_empty(),
            "and its name"
        );
    }
    // The template's own easy-read words, where it has them.
    let template = outcomes_core::builtin::template("what-matters").unwrap();
    let tag = template
        .tag(&outcomes_core::Id::new("things-to-do").unwrap())
        .unwrap();
    assert_eq!(
        w.text(".oc-chip-box[value=things-to-do] + .oc-chip-label .oc-tag-name"),
        tag.label.get("en-x-easy", "en")
    );
    w.click(".oc-chip-box[value=seeing-people]").await;
    assert_accessible(&w);
    w.stage(7).await;
    assert!(
        w.find(".oc-summary .oc-tag svg.oc-picture")
            .get_attribute("data-picture")
            .is_some(),
        "the summary shows the picture too"
    );

    let w = Mounted::new(&[("template", "what-matters"), ("easy-read", "false")], "").await;
    assert!(!w
        .find(".oc-conversation")
        .get_attribute("class")
        .unwrap()
        .contains("oc-easy-read"));
    w.stage(4).await;
    w.click(".oc-outcomes .oc-add").await;
    assert!(
        w.all("svg.oc-picture").is_empty(),
        "pictures are for easy read"
    );
}

/// Resolves when `host` fires the event `name` (for what the widget does after a network answer,
/// which no scheduler flush can wait for).
async fn next_event(host: &HtmlElement, name: &str) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        host.add_event_listener_with_callback_and_add_event_listener_options(
            name, &resolve, &options,
        )
        .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_template_that_cannot_be_fetched_is_explained_with_its_address() {
    let w = Mounted::new(&[("template", "/no-such-folder/our-template.json")], "").await;
    assert_eq!(
        w.text("[role=status]"),
        catalogue("en", false).loading,
        "says it is getting ready meanwhile"
    );
    assert!(w.all("textarea").is_empty());
    if w.events("outcomes-error").is_empty() {
        next_event(&w.host, "outcomes-error").await;
    }
    let errors = w.events("outcomes-error");
    assert_eq!(errors[0]["error"]["code"], "template-fetch-failed");
    let alert = w.text("[role=alert]");
    assert!(
        alert.contains("/no-such-folder/our-template.json"),
        "{alert}"
    );
    assert!(alert.contains("404"), "{alert}");
    assert!(
        alert.contains(catalogue("en", false).cannot_start),
        "{alert}"
    );
}
