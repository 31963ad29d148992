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

/// Exports a record (JSON) made with a template (JSON) as `format`: `summary` (a whole HTML
/// page to keep or print, with `organisation`'s name when given), `csv`, `json` (canonical) or
/// `fhir` (a FHIR R4 QuestionnaireResponse with extensions under `base`).
#[wasm_bindgen(js_name = exportFile)]
pub fn export_file(
    format: &str,
    record_json: &str,
    template_json: &str,
    lang: &str,
    base: &str,
    organisation: Option<String>,
) -> Result<ExportedFile, String> {
    let record = Record::from_json(record_json).map_err(|e| e.to_string())?;
    let template = Template::from_json(template_json).map_err(|e| e.to_string())?;
    let stem = format!("{}-{}", record.template.id, record.updated.date());
    let (extension, mime, text) = match format {
        "summary" => (
            "html",
            "text/html",
            summary::document(&record, &template, lang, organisation.as_deref()),
        ),
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

/// A report over many records: a text table, JSON and an SVG chart, and the records that could
/// not be read (with their line and the reason).
#[wasm_bindgen(getter_with_clone)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFiles {
    pub table: String,
    pub json: String,
    pub svg: String,
    pub problems: Vec<String>,
}

/// Reports over `records`: NDJSON (one record per line), or a JSON array of records, as of
/// `as_of` (YYYY-MM-DD, for overdue actions). Records that a later one reviews are counted once.
#[wasm_bindgen]
pub fn report(records: &str, as_of: &str) -> Result<ReportFiles, String> {
    use outcomes_core::report::Report;
    use outcomes_core::Date;

    let as_of = Date::parse(as_of).map_err(|e| e.to_string())?;
    let lines = record_texts(records)?;
    let mut problems = Vec::new();
    let mut read = Vec::new();
    for (line, text) in lines {
        match Record::from_json(&text) {
            Ok(record) => read.push(record),
            Err(err) => problems.push(format!("record {line}: {err}")),
        }
    }
    let mut report = Report::new(Report::builtin_templates(), as_of, 3);
    report.superseded_by_reviews(read.iter().filter_map(|r| r.reviews.clone()));
    for record in &read {
        report.add(record);
    }
    Ok(ReportFiles {
        table: report.to_table(),
        json: report.to_json(),
        svg: report.to_svg(),
        problems,
    })
}

/// Each record's text with its number (the line in NDJSON, the position in an array).
fn record_texts(records: &str) -> Result<Vec<(usize, String)>, String> {
    let trimmed = records.trim_start();
    if trimmed.starts_with('[') {
        let values: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(trimmed)
            .map_err(|e| format!("the list of records could not be read: {e}"))?;
        return Ok(values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i + 1, v.get().to_owned()))
            .collect());
    }
    Ok(records
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| (i + 1, line.to_owned()))
        .collect())
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
            let file =
                export_file(format, &record, &template, "en", fhir::DEFAULT_BASE, None).unwrap();
            assert!(file.name.starts_with(name), "{}", file.name);
            assert!(
                file.text.starts_with(starts),
                "{format}: {}",
                &file.text[..20]
            );
        }
        let fhir = export_file("fhir", &record, &template, "en", fhir::DEFAULT_BASE, None).unwrap();
        // The summary is a whole page to keep, with the organisation's name when given.
        let page = export_file(
            "summary",
            &record,
            &template,
            "en",
            fhir::DEFAULT_BASE,
            Some("Leith Community Support".into()),
        )
        .unwrap();
        assert!(page.text.starts_with("<!DOCTYPE html>"));
        assert!(page.text.contains("Leith Community Support"));
        assert!(
            fhir.text.contains("\"QuestionnaireResponse\""),
            "{}",
            &fhir.text[..80]
        );
    }

    #[test]
    fn reports_over_ndjson_and_arrays_and_names_bad_lines() {
        let good: Vec<String> = (0..20)
            .map(|n| outcomes_core::sample::generated(n).to_json())
            .collect();
        let ndjson = format!(
            "{}\nnot a record\n\n{}\n",
            good[..10].join("\n"),
            good[10..].join("\n")
        );
        let files = report(&ndjson, "2026-07-01").unwrap();
        assert!(files.svg.starts_with("<svg"), "{}", &files.svg[..40]);
        assert!(
            files.json.contains("\"records\": 20,"),
            "{}",
            &files.json[..200]
        );
        assert_eq!(files.problems.len(), 1);
        assert!(
            files.problems[0].starts_with("record 11: "),
            "{:?}",
            files.problems
        );
        let array = format!("[{}]", good.join(","));
        assert_eq!(report(&array, "2026-07-01").unwrap().json, files.json);
        assert!(report("[1,", "2026-07-01")
            .unwrap_err()
            .contains("could not be read"));
        assert!(report("", "soon").is_err());
    }

    #[test]
    fn bad_input_is_explained_not_panicked_on() {
        let (template, _) = outcomes_core::sample::first_conversation();
        let err =
            export_file("pdf", "{}", &template.to_canonical_json(), "en", "", None).unwrap_err();
        assert!(
            err.contains("record could not be read") || err.contains("no export"),
            "{err}"
        );
        let err = export_file(
            "csv",
            "not json",
            &template.to_canonical_json(),
            "en",
            "",
            None,
        )
        .unwrap_err();
        assert!(err.contains("record could not be read"), "{err}");
    }
}
