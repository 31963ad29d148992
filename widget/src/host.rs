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

    /// The text of an inline `<script type="application/json">` child, if there is one.
    pub fn inline_template(&self) -> Option<String> {
        self.element
            .query_selector(r#":scope > script[type="application/json"]"#)
            .ok()
            .flatten()
            .and_then(|script| script.text_content())
    }

    /// `outcomes-change`: the record changed; `detail.record` is the record.
    pub fn record_changed(&self, record: &Record) {
        self.dispatch_record("outcomes-change", record);
    }

    /// `outcomes-complete`: the conversation was marked complete; `detail.record` is the record.
    pub fn completed(&self, record: &Record) {
        self.dispatch_record("outcomes-complete", record);
    }

    /// `outcomes-error`: something went wrong; `detail.error` is `{ code, message }`.
    pub fn error(&self, code: &str, message: &str) {
        let error = object(&[("code", code.into()), ("message", message.into())]);
        self.dispatch("outcomes-error", &object(&[("error", error.into())]));
    }

    /// The record goes out as a plain object (parsed JSON), not a string the page must parse.
    fn dispatch_record(&self, name: &str, record: &Record) {
        if let Ok(record) = js_sys::JSON::parse(&record.to_json()) {
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
