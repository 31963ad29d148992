//! Harness functions shared by the cargo-fuzz targets (`core/fuzz`, nightly) and by the normal
//! test suite, which runs them on stable over a bounded set of generated inputs. Each takes
//! arbitrary bytes and panics only when an invariant is broken: bad input must give an error,
//! never a panic, and good input must survive every round trip.

use crate::export::{csv, fhir, summary};
use crate::{builtin, Record, Template};

/// Template parsing: any bytes give a template or an error that can be shown; a template that
/// reads reads back the same from its canonical JSON, and exports without panicking.
pub fn template_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Template::from_json(text) {
        Ok(template) => {
            let again = Template::from_json(&template.to_canonical_json())
                .expect("a valid template reads back from its canonical JSON");
            assert_eq!(again, template);
            assert_eq!(again.content_hash(), template.content_hash());
            let q = fhir::questionnaire(&template, fhir::DEFAULT_BASE);
            assert!(serde_json::from_str::<serde_json::Value>(&q).is_ok());
        }
        Err(err) => {
            assert!(!err.to_string().is_empty());
        }
    }
}

/// Record parsing: any bytes give a record or a located error; a record reads back the same
/// from its JSON; a record that keeps the format's rules survives the FHIR round trip and every
/// export.
pub fn record_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Record::from_json(text) {
        Ok(record) => {
            let again = Record::from_json(&record.to_json()).expect("a record reads back");
            assert_eq!(again, record);
            let _ = record.validate();
            let _ = csv::to_csv([&record], None, "en");
            // Any record that keeps the format's own rules survives the round trips with any
            // template: answers the template has no place for travel in a group of their own.
            if record.validate().is_empty() {
                let name = record.template.id.as_str();
                let template = builtin::template(name).or_else(|_| builtin::template("review"));
                if let Ok(template) = template {
                    round_trips(&record, &template);
                }
            }
        }
        Err(err) => {
            assert!(!err.to_string().is_empty());
        }
    }
}

/// Every export of a valid record works, and FHIR gives back the same record.
pub fn round_trips(record: &Record, template: &Template) {
    let qr = fhir::questionnaire_response(record, template, fhir::DEFAULT_BASE);
    let back = fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE)
        .expect("our own QuestionnaireResponse reads back");
    assert_eq!(&back, record);
    let json = record.to_canonical_json();
    assert_eq!(
        &Record::from_json(&json).expect("canonical JSON reads back"),
        record
    );
    let _ = csv::to_csv([record], Some(template), "en");
    let html = summary::html(record, template, "en");
    assert!(!html.contains("<script"));
    let _ = summary::text(record, template, "en");
}
