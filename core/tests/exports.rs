//! Snapshot tests of every export, over the sample conversations, and of every built-in
//! template. Update snapshots with `UPDATE_EXPECT=1 cargo test -p outcomes-core`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use expect_test::expect_file;
use outcomes_core::export::{csv, fhir, summary};
use outcomes_core::{builtin, sample, Record, Template, ValidTemplate};
use serde_json::Value;

fn samples() -> Vec<(&'static str, std::sync::Arc<ValidTemplate>, Record)> {
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
        assert!(body.starts_with("record,template,template_version,status,revision,row,"));
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
            value: Some(id("met")),
            reason: String::new(),
            by: id("person"),
            at: record.created.clone(),
            prompt: None,
            from: None,
        }],
    );
    let template = builtin::template("what-matters").unwrap();
    let qr = fhir::questionnaire_response(&record, &template, fhir::DEFAULT_BASE);
    check_r4(&fhir::questionnaire(&template, fhir::DEFAULT_BASE), &qr);
    assert!(qr.contains("Go to the bowling club again"));
    let back = fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE).unwrap();
    assert_eq!(back, record);
}

/// The review, changed after it was finished and finished again (revision 2): with a view
/// given as a reason only, a view with neither point nor reason, the organisation's references
/// for the person and the practitioner, and a participant added by mistake and removed. Its
/// carried views (`from`) and next review date come from the sample.
fn revised() -> (std::sync::Arc<ValidTemplate>, Record) {
    let (template, mut record) = sample::review();
    let id = |s: &str| outcomes_core::Id::new(s).unwrap();
    let at = |s: &str| outcomes_core::Timestamp::parse(s).unwrap();
    let first_finished = record.completed.clone().unwrap();
    record.revision = 2;
    record.replaces = Some(outcomes_core::Replaced {
        revision: 1,
        completed: first_finished,
    });
    record.updated = at("2026-12-03T09:05:00Z");
    record.completed = Some(at("2026-12-03T09:05:00Z"));
    for p in &mut record.participants {
        p.reference = match p.id.as_str() {
            "person" => Some("C-000123".into()),
            // A reference a spreadsheet would take for a formula.
            "practitioner" => Some("=staff 7".into()),
            _ => None,
        };
    }
    let stairs = record
        .outcomes
        .iter_mut()
        .find(|o| o.id.as_str() == "stairs")
        .unwrap();
    stairs.ratings.push(outcomes_core::Rating {
        scale: id("met"),
        value: None,
        reason: "Ask me again after the falls class".into(),
        by: id("practitioner"),
        at: at("2026-12-03T09:01:00Z"),
        prompt: None,
        from: None,
    });
    stairs.ratings.push(outcomes_core::Rating {
        scale: id("met"),
        value: None,
        reason: String::new(),
        by: id("karen"),
        at: at("2026-12-03T09:02:00Z"),
        prompt: None,
        from: None,
    });
    record.removed.push(outcomes_core::Removal {
        what: outcomes_core::Removed::Participant,
        id: id("davie"),
        by: id("practitioner"),
        at: at("2026-12-03T09:03:00Z"),
    });
    assert_eq!(record.validate_against(&template), vec![]);
    (template, record)
}

#[test]
fn a_revised_record_round_trips_through_fhir_exactly() {
    let (template, record) = revised();
    let qr = fhir::questionnaire_response(&record, &template, fhir::DEFAULT_BASE);
    expect_file!["snapshots/revised.questionnaire-response.json"].assert_eq(&qr);
    check_r4(&fhir::questionnaire(&template, fhir::DEFAULT_BASE), &qr);
    let back = fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE).unwrap();
    assert_eq!(back, record);

    let value: Value = serde_json::from_str(&qr).unwrap();
    // A finished record changed after it was finished is FHIR's "amended"; our own status
    // travels in its extension.
    assert_eq!(value["status"], "amended");
    let ext = |name: &str| {
        value["extension"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["url"] == format!("{}/StructureDefinition/{name}", fhir::DEFAULT_BASE))
            .unwrap_or_else(|| panic!("no {name} extension"))
            .clone()
    };
    assert_eq!(ext("record-status")["valueCode"], "complete");
    assert_eq!(ext("record-revision")["valuePositiveInt"], 2);
    assert_eq!(
        ext("record-completed")["valueDateTime"],
        "2026-12-03T09:05:00Z"
    );
    let replaces = ext("record-replaces");
    assert_eq!(replaces["extension"][0]["url"], "revision");
    assert_eq!(replaces["extension"][0]["valuePositiveInt"], 1);
    assert_eq!(
        replaces["extension"][1]["valueDateTime"],
        "2026-12-02T14:14:00Z"
    );
    // Whom it is about and who recorded it, as the organisation knows them.
    assert_eq!(value["subject"]["identifier"]["value"], "C-000123");
    assert_eq!(value["author"]["identifier"]["value"], "=staff 7");
    // A view with no point yet names its scale in an extension, and has no value item.
    assert!(qr.contains("Ask me again after the falls class"));
    assert_eq!(qr.matches("/StructureDefinition/rating-scale").count(), 2);
    // The next review date sits with the prompt that asks when to talk again.
    let section = value["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["linkId"] == "section/next")
        .unwrap();
    let links: Vec<&str> = section["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["linkId"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["next-review", "record/next-review", "keep-record"]);

    // While revision 2 is still being written it is "in-progress", whatever came before.
    let mut draft = record.clone();
    draft.status = outcomes_core::Status::Draft;
    draft.completed = None;
    let qr = fhir::questionnaire_response(&draft, &template, fhir::DEFAULT_BASE);
    assert!(qr.contains("\"status\": \"in-progress\""));
    assert_eq!(
        fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE).unwrap(),
        draft
    );
}

#[test]
fn a_next_review_date_travels_even_when_the_template_does_not_ask_for_one() {
    // The children's template has no prompt that asks when to talk again: the date is an item
    // of its own after the sections.
    let (_, mut record) = revised();
    let template = builtin::template("children").unwrap();
    assert!(template.next_review_prompt().is_none());
    record.template = outcomes_core::TemplateRef::of(&template);
    let q = fhir::questionnaire(&template, fhir::DEFAULT_BASE);
    let qr = fhir::questionnaire_response(&record, &template, fhir::DEFAULT_BASE);
    check_r4(&q, &qr);
    let value: Value = serde_json::from_str(&qr).unwrap();
    assert!(value["item"].as_array().unwrap().iter().any(
        |i| i["linkId"] == "record/next-review" && i["answer"][0]["valueDate"] == "2027-03-02"
    ));
    let back = fhir::record_from_questionnaire_response(&qr, fhir::DEFAULT_BASE).unwrap();
    assert_eq!(back, record);
}

#[test]
fn a_response_written_before_revisions_reads_as_migration_upgrades_it() {
    // The review as exported before record format 3: no revision, completion or carried views.
    let (template, record) = sample::review();
    let qr = fhir::questionnaire_response(&record, &template, fhir::DEFAULT_BASE);
    let mut value: Value = serde_json::from_str(&qr).unwrap();
    value["extension"].as_array_mut().unwrap().retain(|e| {
        let url = e["url"].as_str().unwrap();
        !url.ends_with("/record-revision") && !url.ends_with("/record-completed")
    });
    fn drop_from(value: &mut Value) {
        if let Some(items) = value.get_mut("item").and_then(Value::as_array_mut) {
            items.retain(|i| !i["linkId"].as_str().unwrap().ends_with("/from"));
            items.iter_mut().for_each(drop_from);
        }
    }
    drop_from(&mut value);
    let old = serde_json::to_string(&value).unwrap();
    assert!(!old.contains("rating/from"));
    let back = fhir::record_from_questionnaire_response(&old, fhir::DEFAULT_BASE).unwrap();
    assert_eq!(back, record);
}

#[test]
fn reading_fhir_names_what_is_wrong_where_and_what_is_known() {
    let (template, record) = revised();
    let qr = fhir::questionnaire_response(&record, &template, fhir::DEFAULT_BASE);
    let read = |json: &str| {
        fhir::record_from_questionnaire_response(json, fhir::DEFAULT_BASE)
            .unwrap_err()
            .to_string()
    };
    let role = qr.replacen("\"code\": \"family\"", "\"code\": \"neighbour\"", 1);
    let err = read(&role);
    assert!(
        err.contains(
            "there is no role \"neighbour\": use one of person, practitioner, carer, family, other"
        ),
        "{err}"
    );
    assert!(err.contains(" at item["), "{err}");
    let removed = qr.replacen("\"code\": \"participant\"", "\"code\": \"person\"", 1);
    let err = read(&removed);
    assert!(
        err.contains(
            "there is no kind of thing removed \"person\": use one of outcome, action, participant"
        ),
        "{err}"
    );
    let status = qr.replacen(
        "\"valueCode\": \"complete\"",
        "\"valueCode\": \"finished\"",
        1,
    );
    let err = read(&status);
    assert!(
        err.contains("at extension[1].valueCode: there is no record status \"finished\": use one of draft, complete, submitted"),
        "{err}"
    );
    let kind = qr.replacen("\"code\": \"maintain\"", "\"code\": \"keep\"", 1);
    assert!(read(&kind).contains("there is no outcome kind \"keep\": use one of achieve, maintain"));
    let revision = qr.replace("\"valuePositiveInt\": 2", "\"valuePositiveInt\": 0");
    let err = read(&revision);
    assert!(
        err.contains("valuePositiveInt: this should be a whole number from 1 up"),
        "{err}"
    );
    // A view with no point that does not say its scale.
    let scale = qr.replacen(
        "/StructureDefinition/rating-scale",
        "/StructureDefinition/other",
        1,
    );
    let err = read(&scale);
    assert!(err.contains("this rating names no scale"), "{err}");
    assert!(err.contains("rating-scale"), "{err}");
    let date = qr.replace("\"valueDate\": \"2027-03-02\"", "\"valueDate\": \"March\"");
    let err = read(&date);
    assert!(
        err.contains(".answer[0].valueDate: \"March\" is not a date"),
        "{err}"
    );
}

#[test]
fn a_revised_record_shows_in_the_csv() {
    let (template, record) = revised();
    let csv = csv::to_csv([&record], Some(&template), "en");
    let body = csv.trim_start_matches(csv::BOM).replace("\r\n", "\n");
    expect_file!["snapshots/revised.csv"].assert_eq(&body);
    let rows: Vec<&str> = body.lines().skip(1).collect();
    // Every row says which revision it belongs to.
    assert!(rows
        .iter()
        .all(|r| r.starts_with("rec-duncan-2,review,0.4.0,complete,2,")));
    // Participants with the organisation's references, guarded against formulas.
    assert!(
        body.contains(",participant,,person,,,person,,C-000123,"),
        "{body}"
    );
    assert!(
        body.contains(",participant,,practitioner,,,practitioner,,\"'=staff 7\","),
        "{body}"
    );
    // The date agreed for the next conversation, with the prompt that asks for it.
    assert!(
        body.contains(",next-review,next-review,,,,,,,,,,,,,2027-03-02,,\n"),
        "{body}"
    );
    // A view given as a reason only: empty point, label and score.
    assert!(body.contains(",rating,,stairs,Ask me again after the falls class,,,met,,,,practitioner,2026-12-03T09:01:00Z,,"), "{body}");
    assert!(
        body.contains(",rating,,stairs,,,,met,,,,karen,2026-12-03T09:02:00Z,,"),
        "{body}"
    );
    // Carried views say where they were given.
    assert!(body.contains(",rating,now,stairs,I go up on my backside some nights,,,met,not-met,Not met,0,person,2026-09-01T10:16:00Z,rec-duncan-1,"), "{body}");
    assert!(
        body.contains(",removed,,davie,,,participant,,,,,practitioner,2026-12-03T09:03:00Z,,"),
        "{body}"
    );
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
