//! Snapshot tests of every export, over the sample conversations, and of every built-in
//! template. Update snapshots with `UPDATE_EXPECT=1 cargo test -p outcomes-core`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use expect_test::expect_file;
use outcomes_core::export::{csv, fhir, summary};
use outcomes_core::{builtin, sample, Record, Template};
use serde_json::Value;

fn samples() -> Vec<(&'static str, std::sync::Arc<Template>, Record)> {
    let (t1, first) = sample::first_conversation();
    let (t2, review) = sample::review();
    vec![("first", t1, first), ("review", t2, review)]
}

#[test]
fn canonical_json_is_sorted_compact_and_reads_back() {
    for (name, _, record) in samples() {
        let json = record.to_canonical_json();
        expect_file![format!("snapshots/{name}.record.json")].assert_eq(&json);
        assert_eq!(Record::from_json(&json).unwrap(), record);
        assert_eq!(Record::from_json(&json).unwrap().to_canonical_json(), json);
    }
}

#[test]
fn csv_is_long_format_and_guarded() {
    for (name, template, record) in samples() {
        let csv = csv::to_csv([&record], Some(&template), "en");
        assert!(csv.starts_with(csv::BOM));
        assert!(!csv.replace("\r\n", "").contains('\r') || csv.contains("\"'\r"));
        // Every row has every column.
        let body = csv.trim_start_matches(csv::BOM);
        assert!(body.starts_with("record,template,template_version,status,row,"));
        expect_file![format!("snapshots/{name}.csv")].assert_eq(&body.replace("\r\n", "\n"));
    }
    // The review's "=the fall" is guarded.
    let (_, template, review) = samples().pop().unwrap();
    let csv = csv::to_csv([&review], Some(&template), "en");
    assert!(csv.contains(",\"'=the fall\","), "{csv}");
}

#[test]
fn fhir_questionnaire_response_round_trips_to_the_record() {
    for (name, template, record) in samples() {
        let qr = fhir::questionnaire_response(&record, &template, fhir::DEFAULT_BASE);
        expect_file![format!("snapshots/{name}.questionnaire-response.json")].assert_eq(&qr);
        let back = fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE).unwrap();
        assert_eq!(back, record);
        let q = fhir::questionnaire(&template, fhir::DEFAULT_BASE);
        check_r4(&q, &qr);
    }
}

#[test]
fn an_old_record_exported_with_todays_template_is_valid_fhir_and_round_trips() {
    let record = Record::from_json(include_str!("fixtures/record-v1.json")).unwrap();
    let mut record = record;
    // Add one of each kind of answer the template has no place for.
    let id = |s: &str| outcomes_core::Id::new(s).unwrap();
    record.choices.insert(
        id("gone-choice"),
        outcomes_core::Choice {
            options: vec![id("a")],
            updated: record.created.clone(),
        },
    );
    record.consent.insert(
        id("gone-consent"),
        outcomes_core::Consent {
            given: false,
            by: id("person"),
            at: record.created.clone(),
        },
    );
    record.prompt_ratings.insert(
        id("why"),
        vec![outcomes_core::Rating {
            scale: id("met"),
            value: id("met"),
            reason: String::new(),
            by: id("person"),
            at: record.created.clone(),
        }],
    );
    let template = builtin::template("what-matters").unwrap();
    let qr = fhir::questionnaire_response(&record, &template, fhir::DEFAULT_BASE);
    check_r4(&fhir::questionnaire(&template, fhir::DEFAULT_BASE), &qr);
    assert!(qr.contains("Go to the bowling club again"));
    let back = fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE).unwrap();
    assert_eq!(back, record);
}

#[test]
fn summaries_put_the_persons_words_first_and_escape_everything() {
    for (name, template, record) in samples() {
        let text = summary::text(&record, &template, "en");
        expect_file![format!("snapshots/{name}.summary.txt")].assert_eq(&text);
        let html = summary::html(&record, &template, "en");
        expect_file![format!("snapshots/{name}.summary.html")].assert_eq(&html);
    }
    let (_, template, mut record) = samples().remove(0);
    record.outcomes[0].words = "<img src=x onerror=alert(1)> & \"more\"".into();
    let html = summary::html(&record, &template, "en");
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;"));
    // The person's words come before any rating.
    let text = summary::text(&record, &template, "en");
    let words = text.find("Getting back to the bowling club").unwrap();
    let rating = text.find("said").unwrap();
    assert!(words < rating);
}

#[test]
fn summaries_are_written_in_the_conversations_language() {
    let (_, template, record) = samples().remove(0);
    // The template's Gaelic and Arabic texts and the summary's own words in the same language;
    // the person's words as they said them.
    let gaelic = summary::text(&record, &template, "gd");
    expect_file!["snapshots/first.summary.gd.txt"].assert_eq(&gaelic);
    assert!(gaelic.contains("Getting back to the bowling club on a Thursday. I miss the lads."));
    let arabic = summary::html(&record, &template, "ar");
    assert!(arabic.starts_with("<article class=\"outcomes-summary\" lang=\"ar\" dir=\"rtl\">"));
    assert!(arabic.contains("<h2>بكلماتك الخاصة</h2>"), "{arabic}");
    // Easy read asks for the template's easy-read texts, and English words around them.
    let easy = summary::text(&record, &template, "en-x-easy");
    assert!(easy.contains("In your own words"));
    let first = &template.sections[0].prompts[0].text;
    assert!(easy.contains(first.get("en-x-easy", "en")));
    assert_ne!(first.get("en-x-easy", "en"), first.get("en", "en"));
}

#[test]
fn every_builtin_template_snapshot() {
    for name in builtin::names() {
        let template = builtin::template(name).unwrap();
        // An outline a reviewer can read: every prompt, its kind, its words.
        let mut outline = format!(
            "{} {} ({})\n",
            template.id,
            template.version,
            template.content_hash()
        );
        for section in &template.sections {
            outline.push_str(&format!("\n## {}\n", template.text(&section.title, "en")));
            for prompt in &section.prompts {
                let kind = serde_json::to_value(&prompt.kind).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                outline.push_str(&format!(
                    "- [{kind}] {}: {}\n",
                    prompt.id,
                    template.text(&prompt.text, "en")
                ));
            }
        }
        expect_file![format!("snapshots/template-{name}.outline.txt")].assert_eq(&outline);
        let q = fhir::questionnaire(&template, fhir::DEFAULT_BASE);
        expect_file![format!("snapshots/template-{name}.questionnaire.json")].assert_eq(&q);
        check_questionnaire(&serde_json::from_str(&q).unwrap());
    }
}

// --- A structural check of the FHIR R4 rules these resources must meet. -----------------------

const ITEM_TYPES: &[&str] = &[
    "group",
    "display",
    "boolean",
    "decimal",
    "integer",
    "date",
    "dateTime",
    "time",
    "string",
    "text",
    "url",
    "choice",
    "open-choice",
    "attachment",
    "reference",
    "quantity",
];

fn collect_items<'a>(item: &'a Value, out: &mut std::collections::BTreeMap<String, &'a Value>) {
    for child in item["item"].as_array().into_iter().flatten() {
        let link = child["linkId"].as_str().unwrap().to_owned();
        assert!(
            out.insert(link.clone(), child).is_none(),
            "duplicate linkId {link}"
        );
        collect_items(child, out);
    }
}

fn check_questionnaire(q: &Value) {
    assert_eq!(q["resourceType"], "Questionnaire");
    assert!(["draft", "active", "retired", "unknown"].contains(&q["status"].as_str().unwrap()));
    let name = q["name"].as_str().unwrap();
    assert!(name.chars().next().unwrap().is_ascii_uppercase(), "que-0");
    let mut items = std::collections::BTreeMap::new();
    collect_items(q, &mut items);
    for (link, item) in items {
        let kind = item["type"].as_str().unwrap();
        assert!(ITEM_TYPES.contains(&kind), "{link}: {kind}");
        let children = item["item"].as_array().map_or(0, Vec::len);
        // que-1: groups have items, display items have none.
        if kind == "group" {
            assert!(children > 0, "que-1 {link}");
        }
        if kind == "display" {
            assert_eq!(children, 0, "que-1 {link}");
            // que-6: display items are neither required nor repeating.
            assert!(item.get("required").is_none() && item.get("repeats").is_none());
        }
        // que-5: only choice items have answer options.
        if item.get("answerOption").is_some() {
            assert!(kind == "choice" || kind == "open-choice", "que-5 {link}");
        }
    }
}

/// Every response item answers an item of the questionnaire with a value of its type; groups
/// hold items, not answers (qrs-1); strings are never empty.
fn check_r4(q: &str, qr: &str) {
    let q: Value = serde_json::from_str(q).unwrap();
    let qr: Value = serde_json::from_str(qr).unwrap();
    check_questionnaire(&q);
    assert_eq!(qr["resourceType"], "QuestionnaireResponse");
    let status = qr["status"].as_str().unwrap();
    assert!([
        "in-progress",
        "completed",
        "amended",
        "entered-in-error",
        "stopped"
    ]
    .contains(&status));
    let canonical = qr["questionnaire"].as_str().unwrap();
    assert_eq!(
        canonical,
        format!(
            "{}|{}",
            q["url"].as_str().unwrap(),
            q["version"].as_str().unwrap()
        )
    );
    let mut defined = std::collections::BTreeMap::new();
    collect_items(&q, &mut defined);
    fn walk(item: &Value, defined: &std::collections::BTreeMap<String, &Value>) {
        for child in item["item"].as_array().into_iter().flatten() {
            let link = child["linkId"].as_str().unwrap();
            let answers = child["answer"].as_array();
            if let Some(def) = defined.get(link) {
                let kind = def["type"].as_str().unwrap();
                if kind == "group" {
                    assert!(answers.is_none(), "qrs-1 {link}");
                } else {
                    assert!(child.get("item").is_none(), "{link}");
                }
                for answer in answers.into_iter().flatten() {
                    let key = match kind {
                        "text" | "string" => "valueString",
                        "choice" => "valueCoding",
                        "boolean" => "valueBoolean",
                        "integer" => "valueInteger",
                        "date" => "valueDate",
                        "dateTime" => "valueDateTime",
                        other => panic!("{link}: unexpected answer to a {other} item"),
                    };
                    assert!(answer.get(key).is_some(), "{link} wants {key}: {answer}");
                    if let Some(s) = answer.get("valueString") {
                        assert!(!s.as_str().unwrap().is_empty(), "{link}: empty string");
                    }
                }
            } else {
                panic!("{link} is not in the questionnaire");
            }
            walk(child, defined);
        }
    }
    walk(&qr, &defined);
}

#[test]
fn translations_fall_back_and_travel_to_fhir() {
    let json = r#"{"format_version": 1, "id": "t", "version": "1", "default_lang": "en",
        "title": {"en": "Hello", "gd": "Halò"},
        "sections": [{"id": "s", "title": "Start", "prompts": [
            {"id": "p", "kind": "text", "text": {"en": "What matters to you?", "cy": "Beth sy'n bwysig i chi?"}}]}]}"#;
    let template = Template::from_json(json).unwrap();
    assert_eq!(template.text(&template.title, "gd"), "Halò");
    assert_eq!(template.text(&template.title, "gd-GB"), "Halò");
    let prompt = &template.sections[0].prompts[0];
    assert_eq!(template.text(&prompt.text, "gd"), "What matters to you?");
    assert_eq!(template.text(&prompt.text, "cy"), "Beth sy'n bwysig i chi?");
    let q: Value =
        serde_json::from_str(&fhir::questionnaire(&template, fhir::DEFAULT_BASE)).unwrap();
    let item = &q["item"][0]["item"][0];
    assert_eq!(item["text"], "What matters to you?");
    let translation = &item["_text"]["extension"][0];
    assert_eq!(
        translation["url"],
        "http://hl7.org/fhir/StructureDefinition/translation"
    );
    assert_eq!(translation["extension"][0]["valueCode"], "cy");
    assert_eq!(
        q["_title"]["extension"][0]["extension"][1]["valueString"],
        "Halò"
    );

    let missing = json.replace(r#""en": "Hello", "#, "");
    let err = Template::from_json(&missing).unwrap_err().to_string();
    assert!(
        err.contains("title: add the text in \"en\", the template's default_lang"),
        "{err}"
    );
}
