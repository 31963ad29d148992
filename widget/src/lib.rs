//! `outcomes-widget`: the `<outcomes-conversation>` custom element.
//!
//! A thin imperative shell around `outcomes-core`: [`mount`] reads the element's attributes into
//! a [`Setup`], renders the [`App`] into the element's shadow root, and the components send
//! `outcomes_core::Action`s to the conversation. Rules about records live in the core, never here.

mod app;
mod clock;
pub mod components;
mod download;
mod hooks;
mod host;
mod i18n;
pub mod messages;
mod outbox;
mod present;
mod setup;
mod state;
mod storage;
mod submit;
mod tabs;

pub use app::{App, AppProps};
pub use host::Host;
pub use setup::{ExportsLoader, Setup, SetupError, TemplateSource};
pub use storage::{Kept, Shelf, StorageProblem};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

/// The widget's style sheet, adopted by every shadow root (allowed under `style-src 'self'`,
/// unlike inline `style` attributes or `<style>` elements).
const STYLE: &str = include_str!("style.css");

/// A widget mounted in one element; `unmount` tears it down.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Widget {
    app: Option<yew::AppHandle<App>>,
    container: web_sys::Element,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget from its element and frees everything it holds.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.container.remove();
    }
}

/// Mounts a widget for `host` (the `<outcomes-conversation>` element) inside `root`, its shadow
/// root. Called by `outcomes-widget.js` when the element connects. `options.loadExports`, when
/// given, is a function returning a promise of the exports module (used for downloads).
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    options: Option<js_sys::Object>,
) -> Result<Widget, JsValue> {
    adopt_style(&root)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("outcomes-widget needs a document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("oc-root");
    root.append_child(&container)?;
    let host = Host::new(host);
    let exports = options
        .and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str("loadExports")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .map(ExportsLoader);
    let source = Setup::source(&host);
    let app = yew::Renderer::<App>::with_root_and_props(
        container.clone(),
        AppProps {
            host,
            source,
            exports,
        },
    )
    .render();
    Ok(Widget {
        app: Some(app),
        container,
    })
}

fn adopt_style(root: &ShadowRoot) -> Result<(), JsValue> {
    thread_local! {
        static SHEET: Result<web_sys::CssStyleSheet, JsValue> = web_sys::CssStyleSheet::new()
            .and_then(|sheet| sheet.replace_sync(STYLE).map(|()| sheet));
    }
    SHEET.with(|sheet| {
        let sheet = sheet.as_ref().map_err(Clone::clone)?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        Ok(())
    })
}
