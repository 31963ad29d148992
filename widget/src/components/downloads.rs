use outcomes_core::export::{csv, fhir, summary};
use outcomes_core::{Record, Template};
use yew::prelude::*;

use crate::{download, strings};

#[derive(Debug, Properties, PartialEq)]
pub struct DownloadsProps {
    /// The record as the core wrote it (JSON), read back for the exports.
    pub record: AttrValue,
    pub template: crate::setup::SharedTemplate,
    pub lang: AttrValue,
    /// The base address for the FHIR extensions (`fhir-base` attribute).
    pub fhir_base: AttrValue,
}

/// The record to keep or pass on: JSON, a spreadsheet (CSV), FHIR and a summary page, each made
/// by `outcomes-core`, and printing.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let file = |format: Format| {
        let (record, template) = (props.record.clone(), props.template.clone());
        let (lang, base) = (props.lang.clone(), props.fhir_base.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(record) = Record::from_json(&record) else {
                return;
            };
            let (name, mime, text) = format.export(&record, &template.0, &lang, &base);
            let _ = download::offer(&name, mime, &text);
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="oc-downloads" part="downloads" role="group" aria-label={strings::DOWNLOADS}>
            <p class="oc-downloads-title">{ strings::DOWNLOADS }</p>
            <button type="button" class="oc-button" onclick={file(Format::Summary)}>{ strings::DOWNLOAD_SUMMARY }</button>
            <button type="button" class="oc-button" onclick={file(Format::Csv)}>{ strings::DOWNLOAD_CSV }</button>
            <button type="button" class="oc-button" onclick={file(Format::Json)}>{ strings::DOWNLOAD_JSON }</button>
            <button type="button" class="oc-button" onclick={file(Format::Fhir)}>{ strings::DOWNLOAD_FHIR }</button>
            <button type="button" class="oc-button" onclick={print}>{ strings::PRINT }</button>
        </div>
    }
}

#[derive(Debug, Clone, Copy)]
enum Format {
    Summary,
    Csv,
    Json,
    Fhir,
}

impl Format {
    /// File name, media type and contents.
    fn export(
        self,
        record: &Record,
        template: &Template,
        lang: &str,
        base: &str,
    ) -> (String, &'static str, String) {
        let stem = format!("{}-{}", record.template.id, record.updated.date());
        match self {
            Format::Summary => (
                format!("{stem}.html"),
                "text/html",
                summary::html(record, template, lang),
            ),
            Format::Csv => (
                format!("{stem}.csv"),
                "text/csv",
                csv::to_csv([record], Some(template), lang),
            ),
            Format::Json => (
                format!("{stem}.json"),
                "application/json",
                record.to_canonical_json(),
            ),
            Format::Fhir => (
                format!("{stem}.fhir.json"),
                "application/fhir+json",
                fhir::questionnaire_response(record, template, base),
            ),
        }
    }
}
