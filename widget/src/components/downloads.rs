use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::download;
use crate::messages::use_locale;
use crate::setup::{ExportsLoader, SharedTemplate};

#[derive(Debug, Properties, PartialEq)]
pub struct DownloadsProps {
    /// The record as the core wrote it (JSON).
    pub record: AttrValue,
    pub template: SharedTemplate,
    pub lang: AttrValue,
    /// The base address for the FHIR extensions (`fhir-base` attribute).
    pub fhir_base: AttrValue,
    /// Loads the exports module; `None` where the page gave no loader.
    pub exports: Option<ExportsLoader>,
    /// The organisation's name, at the top of the summary page.
    #[prop_or_default]
    pub organisation: Option<AttrValue>,
    /// For the person on their own: the summary page and printing only (the files for the
    /// organisation's systems are not theirs to handle).
    #[prop_or_default]
    pub person_only: bool,
}

/// The record to keep or pass on: a summary page, a spreadsheet (CSV), JSON and FHIR, each made
/// by `outcomes-core` in the exports module (loaded on the first download), and printing.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let t = use_locale();
    let problem = use_state_eq(|| None::<String>);
    let file = |format: &'static str| {
        let t = t.clone();
        let (record, template) = (props.record.clone(), props.template.clone());
        let (lang, base) = (props.lang.clone(), props.fhir_base.clone());
        let organisation = props.organisation.clone();
        let (exports, problem) = (props.exports.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(exports) = exports.clone() else {
                problem.set(Some(t.downloads_unavailable.to_owned()));
                return;
            };
            let args = [
                JsValue::from_str(format),
                JsValue::from_str(&record),
                JsValue::from_str(&template.0.to_canonical_json()),
                JsValue::from_str(&lang),
                JsValue::from_str(&base),
                organisation
                    .as_deref()
                    .map_or(JsValue::UNDEFINED, JsValue::from_str),
            ];
            let (problem, t) = (problem.clone(), t.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match export(&exports, args).await {
                    Ok(()) => problem.set(None),
                    Err(err) => problem.set(Some(
                        t.fill(t.download_failed, &[("reason", &describe(&err))]),
                    )),
                }
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="oc-downloads" part="downloads" role="group" aria-label={t.downloads}>
            <p class="oc-downloads-title">{ t.downloads }</p>
            <button type="button" class="oc-button" onclick={file("summary")}>{ t.download_summary }</button>
            if !props.person_only {
                <button type="button" class="oc-button" onclick={file("csv")}>{ t.download_csv }</button>
                <button type="button" class="oc-button" onclick={file("json")}>{ t.download_json }</button>
                <button type="button" class="oc-button" onclick={file("fhir")}>{ t.download_fhir }</button>
            }
            <button type="button" class="oc-button" onclick={print}>{ t.print }</button>
            if let Some(problem) = &*problem {
                <p class="oc-problem" role="alert">{ problem.clone() }</p>
            }
        </div>
    }
}

/// Loads the exports module (once per page), makes the file and offers it.
async fn export(exports: &ExportsLoader, args: [JsValue; 6]) -> Result<(), JsValue> {
    let module = JsFuture::from(
        exports
            .0
            .call0(&JsValue::NULL)?
            .dyn_into::<js_sys::Promise>()?,
    )
    .await?;
    let export: js_sys::Function =
        js_sys::Reflect::get(&module, &"exportFile".into())?.dyn_into()?;
    let file = export.apply(&JsValue::NULL, &js_sys::Array::from_iter(args))?;
    let field = |name: &str| {
        js_sys::Reflect::get(&file, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("mime"), field("text")) {
        (Some(name), Some(mime), Some(text)) => download::offer(&name, &mime, &text),
        _ => Err(JsValue::from_str("the exports module gave no file")),
    }
}

fn describe(err: &JsValue) -> String {
    err.as_string()
        .or_else(|| {
            err.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the exports module could not be used".to_owned())
}
