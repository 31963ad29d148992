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

impl Mounted {
    async fn new(attributes: &[(&str, &str)], inner_html: &str) -> Self {
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
        let listeners = ["outcomes-change", "outcomes-complete", "outcomes-error"]
            .into_iter()
            .map(|name| {
                let events = Rc::clone(&events);
                let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
                    move |e: web_sys::CustomEvent| {
                        let detail = js_sys::JSON::stringify(&e.detail())
                            .unwrap()
                            .as_string()
                            .unwrap();
                        events
                            .borrow_mut()
                            .push((name.to_owned(), serde_json::from_str(&detail).unwrap()));
                    },
                );
                host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
                    .unwrap();
                listener
            })
            .collect();
        let root = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .unwrap();
        let widget = outcomes_widget::mount(host.clone(), root.clone()).unwrap();
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
    assert_eq!(
        w.all(".oc-guidance").len(),
        2,
        "section and prompt guidance, closed until opened"
    );
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
    assert_eq!(
        w.all(".oc-not-answered").len(),
        7,
        "the other seven text prompts are marked as not talked about"
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
