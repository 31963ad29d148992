//! `outcomes-exports`: the record as a file to keep or pass on, made by `outcomes-core`.
//!
//! This is a WebAssembly module of its own, loaded by the widget only when someone asks for a
//! download, so the exports' code is not part of what a page downloads to show the first prompt.

use outcomes_core::export::{csv, fhir, summary};
use outcomes_core::{Record, Template};
use wasm_bindgen::prelude::*;

/// A file: its name, media type and text.
#[wasm_bindgen(getter_with_clone)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    pub name: String,
    pub mime: String,
    pub text: String,
}

/// Exports a record (JSON) made with a template (JSON) as `format`: `summary` (HTML), `csv`,
/// `json` (canonical) or `fhir` (a FHIR R4 QuestionnaireResponse with extensions under `base`).
#[wasm_bindgen(js_name = exportFile)]
pub fn export_file(
    format: &str,
    record_json: &str,
    template_json: &str,
    lang: &str,
    base: &str,
) -> Result<ExportedFile, String> {
    let record = Record::from_json(record_json).map_err(|e| e.to_string())?;
    let template = Template::from_json(template_json).map_err(|e| e.to_string())?;
    let stem = format!("{}-{}", record.template.id, record.updated.date());
    let (extension, mime, text) = match format {
        "summary" => ("html", "text/html", summary::html(&record, &template, lang)),
        "csv" => (
            "csv",
            "text/csv",
            csv::to_csv([&record], Some(&template), lang),
        ),
        "json" => ("json", "application/json", record.to_canonical_json()),
        "fhir" => (
            "fhir.json",
            "application/fhir+json",
            fhir::questionnaire_response(&record, &template, base),
        ),
        other => {
            return Err(format!(
                "there is no export called {other:?}: use summary, csv, json or fhir"
            ))
        }
    };
    Ok(ExportedFile {
        name: format!("{stem}.{extension}"),
        mime: mime.to_owned(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_every_format_with_a_sensible_name() {
        let (template, record) = outcomes_core::sample::first_conversation();
        let (record, template) = (record.to_json(), template.to_canonical_json());
        for (format, name, starts) in [
            ("summary", "what-matters-", "<"),
            ("csv", "what-matters-", "\u{feff}"),
            ("json", "what-matters-", "{"),
            ("fhir", "what-matters-", "{"),
        ] {
            let file = export_file(format, &record, &template, "en", fhir::DEFAULT_BASE).unwrap();
            assert!(file.name.starts_with(name), "{}", file.name);
            assert!(
                file.text.starts_with(starts),
                "{format}: {}",
                &file.text[..20]
            );
        }
        let fhir = export_file("fhir", &record, &template, "en", fhir::DEFAULT_BASE).unwrap();
        assert!(
            fhir.text.contains("\"QuestionnaireResponse\""),
            "{}",
            &fhir.text[..80]
        );
    }

    #[test]
    fn bad_input_is_explained_not_panicked_on() {
        let (template, _) = outcomes_core::sample::first_conversation();
        let err = export_file("pdf", "{}", &template.to_canonical_json(), "en", "").unwrap_err();
        assert!(
            err.contains("record could not be read") || err.contains("no export"),
            "{err}"
        );
        let err =
            export_file("csv", "not json", &template.to_canonical_json(), "en", "").unwrap_err();
        assert!(err.contains("record could not be read"), "{err}");
    }
}
