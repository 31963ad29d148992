//! Harness functions shared by the cargo-fuzz targets (`core/fuzz`, nightly) and by the normal
//! test suite, which runs them on stable over a bounded set of generated inputs. Each takes
//! arbitrary bytes and panics only when an invariant is broken: bad input must give an error,
//! never a panic, and good input must survive every round trip.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::export::{csv, fhir, summary};
use crate::{builtin, Record, Status, Template};

/// Template parsing: any bytes give a template or an error that can be shown; a template that
/// reads reads back the same from its canonical JSON, and its FHIR Questionnaire uses each link
/// id once.
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
            let q: Value = serde_json::from_str(&q).expect("the questionnaire is JSON");
            let _ = link_ids(&q);
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

/// Every export of a valid record works: FHIR gives back the same record (which exports the
/// same response again), the response answers the template's Questionnaire and has FHIR's status
/// for the record; the CSV has a row for everything in the record, the revision on every row,
/// and no cell a spreadsheet could take for a formula.
pub fn round_trips(record: &Record, template: &Template) {
    let qr = fhir::questionnaire_response(record, template, fhir::DEFAULT_BASE);
    let back = fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE)
        .expect("our own QuestionnaireResponse reads back");
    assert_eq!(&back, record);
    assert_eq!(
        fhir::questionnaire_response(&back, template, fhir::DEFAULT_BASE),
        qr,
        "the record read back exports the same response"
    );
    let questionnaire = fhir::questionnaire(template, fhir::DEFAULT_BASE);
    answers_its_questionnaire(record, &questionnaire, &qr);
    let json = record.to_canonical_json();
    assert_eq!(
        &Record::from_json(&json).expect("canonical JSON reads back"),
        record
    );
    let text = csv::to_csv([record], Some(template), "en");
    csv_has_every_row_guarded(record, &text);
    let html = summary::html(record, template, "en");
    assert!(!html.contains("<script"));
    let _ = summary::text(record, template, "en");
}

/// A FHIR item's (or resource's) child items.
fn children(item: &Value) -> impl Iterator<Item = &Value> {
    item.get("item")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// The response's status is FHIR's for the record, and every item in it is one the
/// questionnaire defines, with no empty strings (FHIR strings cannot be empty).
fn answers_its_questionnaire(record: &Record, questionnaire: &str, response: &str) {
    fn check(item: &Value, defined: &BTreeSet<String>) {
        for child in children(item) {
            let link = child.get("linkId").and_then(Value::as_str).unwrap_or("");
            assert!(defined.contains(link), "{link} is not in the questionnaire");
            for answer in child
                .get("answer")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(text) = answer.get("valueString") {
                    assert_ne!(text.as_str(), Some(""), "{link}: an empty string");
                }
            }
            check(child, defined);
        }
    }
    let questionnaire: Value = serde_json::from_str(questionnaire).expect("a questionnaire");
    let response: Value = serde_json::from_str(response).expect("a response");
    check(&response, &link_ids(&questionnaire));
    let status = match record.status {
        Status::Draft => "in-progress",
        _ if record.revision > 1 => "amended",
        _ => "completed",
    };
    assert_eq!(response["status"], status);
}

/// Every link id of a questionnaire, each used once (FHIR asks link ids to be unique).
fn link_ids(questionnaire: &Value) -> BTreeSet<String> {
    fn collect(item: &Value, out: &mut BTreeSet<String>) {
        for child in children(item) {
            let link = child.get("linkId").and_then(Value::as_str).unwrap_or("");
            assert!(
                out.insert(link.to_owned()),
                "the link id {link:?} is used twice"
            );
            collect(child, out);
        }
    }
    let mut out = BTreeSet::new();
    collect(questionnaire, &mut out);
    out
}

/// The CSV has one row per participant, answer, next review date, chosen option, outcome,
/// rating, action, consent and removal; every row has every column and the record's revision;
/// no text cell can be taken for a formula.
fn csv_has_every_row_guarded(record: &Record, text: &str) {
    let rows = parse_csv(text.trim_start_matches(csv::BOM));
    let (header, rows) = rows.split_first().expect("a header");
    assert_eq!(header, csv::COLUMNS);
    let expected = record.participants.len()
        + record.answers.len()
        + usize::from(record.next_review.is_some())
        + record
            .choices
            .values()
            .map(|c| c.options.len())
            .sum::<usize>()
        + record.outcomes.len()
        + record
            .outcomes
            .iter()
            .map(|o| o.ratings.len())
            .sum::<usize>()
        + record.prompt_ratings.values().map(Vec::len).sum::<usize>()
        + record.actions.len()
        + record.consent.len()
        + record.removed.len();
    assert_eq!(rows.len(), expected, "one row for each thing in the record");
    let column = |name: &str| csv::COLUMNS.iter().position(|c| *c == name);
    let (revision, score) = (column("revision"), column("score"));
    for row in rows {
        assert_eq!(row.len(), csv::COLUMNS.len(), "{row:?}");
        assert_eq!(
            revision.map(|i| row[i].as_str()),
            Some(record.revision.to_string().as_str())
        );
        for (i, cell) in row.iter().enumerate() {
            let number = Some(i) == score && cell.parse::<i32>().is_ok();
            assert!(
                number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unguarded cell {cell:?}"
            );
        }
    }
}

/// RFC 4180 text (CRLF line ends, quoted cells with doubled quotes) as rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}
