//! The host element: its attributes, and the DOM events the host page listens to.

use outcomes_core::Record;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// The `<outcomes-conversation>` element the widget lives in.
#[derive(Debug, Clone, PartialEq)]
pub struct Host {
    element: HtmlElement,
}

impl Host {
    pub fn new(element: HtmlElement) -> Self {
        Self { element }
    }

    pub fn element(&self) -> &HtmlElement {
        &self.element
    }

    pub fn attribute(&self, name: &str) -> Option<String> {
        self.element.get_attribute(name)
    }

    /// The element's place among the page's `<outcomes-conversation>` elements (0 if alone).
    pub fn index_among_widgets(&self) -> usize {
        let Some(document) = self.element.owner_document() else {
            return 0;
        };
        let Ok(all) = document.query_selector_all("outcomes-conversation") else {
            return 0;
        };
        let me: &web_sys::Node = self.element.as_ref();
        (0..all.length())
            .position(|i| all.item(i).is_some_and(|node| &node == me))
            .unwrap_or(0)
    }

    /// The text of an inline `<script type="application/json">` child, if there is one.
    pub fn inline_template(&self) -> Option<String> {
        self.child_text(r#":scope > script[type="application/json"]:not([data-earlier-record])"#)
    }

    /// The earlier record to review, in a `<script type="application/json" data-earlier-record>`.
    pub fn inline_earlier_record(&self) -> Option<String> {
        self.child_text(r#":scope > script[type="application/json"][data-earlier-record]"#)
    }

    fn child_text(&self, selector: &str) -> Option<String> {
        self.element
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|script| script.text_content())
    }

    /// `outcomes-change`: the record changed; `detail.record` is the record.
    pub fn record_changed(&self, record_json: &str) {
        self.dispatch_record("outcomes-change", record_json);
    }

    /// `outcomes-complete`: the conversation was marked complete; `detail.record` is the record.
    pub fn completed(&self, record: &Record) {
        self.dispatch_record("outcomes-complete", &record.to_json());
    }

    /// `outcomes-submitted`: the endpoint accepted the record; `detail.record` is what was sent.
    pub fn submitted(&self, record_json: &str) {
        self.dispatch_record("outcomes-submitted", record_json);
    }

    /// `outcomes-deleted`: the person or practitioner deleted the conversation; the widget has
    /// removed it from this device. `detail.recordId` names it, so the host can delete its copies.
    pub fn deleted(&self, record_id: &str) {
        self.dispatch(
            "outcomes-deleted",
            &object(&[("recordId", record_id.into())]),
        );
    }

    /// `outcomes-error`: something went wrong; `detail.error` is `{ code, message }`.
    pub fn error(&self, code: &str, message: &str) {
        let error = object(&[("code", code.into()), ("message", message.into())]);
        self.dispatch("outcomes-error", &object(&[("error", error.into())]));
    }

    /// The record goes out as a plain object (parsed JSON), not a string the page must parse.
    fn dispatch_record(&self, name: &str, record_json: &str) {
        if let Ok(record) = js_sys::JSON::parse(record_json) {
            self.dispatch(name, &object(&[("record", record)]));
        }
    }

    /// Dispatches a bubbling event that crosses the shadow boundary (`composed`).
    fn dispatch(&self, name: &str, detail: &js_sys::Object) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            // A host listener that throws must not break the widget.
            let _ = self.element.dispatch_event(&event);
        }
    }
}

fn object(entries: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}
