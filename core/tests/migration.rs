//! Records written in older formats still load, upgraded, with the person's words unchanged.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use outcomes_core::{
    builtin, Record, Role, Status, Template, RECORD_FORMAT_VERSION, TEMPLATE_FORMAT_VERSION,
};

const V1: &str = include_str!("fixtures/record-v1.json");

#[test]
fn a_format_1_record_loads_and_upgrades_losslessly() {
    let old: serde_json::Value = serde_json::from_str(V1).unwrap();
    assert_eq!(old["format_version"], 1);
    let record = Record::from_json(V1).unwrap();
    assert_eq!(record.format_version, RECORD_FORMAT_VERSION);
    assert!(record.validate().is_empty(), "{:?}", record.validate());
    // Every answer, byte for byte, with its time.
    let answers = old["answers"].as_object().unwrap();
    assert_eq!(record.answers.len(), answers.len());
    for (prompt, answer) in answers {
        let id = outcomes_core::Id::new(prompt.as_str()).unwrap();
        assert_eq!(record.text(&id), answer["text"].as_str(), "{prompt}");
        assert_eq!(
            record.answers[&id].updated.as_str(),
            answer["updated"].as_str().unwrap()
        );
    }
    assert_eq!(
        record.text(&outcomes_core::Id::new("not-working").unwrap()),
        Some("  The stairs. And the bus stop is too far since the fall ")
    );
    // The rest of the record as it was.
    assert_eq!(record.id.as_str(), old["id"]);
    assert_eq!(record.template.hash, old["template"]["hash"]);
    assert_eq!(record.template.version, "0.1.0");
    assert_eq!(record.created.as_str(), old["created"]);
    assert_eq!(record.updated.as_str(), old["updated"]);
    assert_eq!(record.status, Status::Complete);
    let roles: Vec<Role> = record.participants.iter().map(|p| p.role).collect();
    assert_eq!(roles, [Role::Person, Role::Practitioner]);
    // Written back, it is format 2 and reads back the same.
    let again = Record::from_json(&record.to_json()).unwrap();
    assert_eq!(again, record);
}

#[test]
fn the_upgraded_record_still_matches_the_template_it_was_made_with() {
    let template =
        Template::from_json(include_str!("fixtures/template-what-matters-0.1.0.json")).unwrap();
    assert_eq!(template.format_version, TEMPLATE_FORMAT_VERSION);
    let record = Record::from_json(V1).unwrap();
    assert_eq!(record.template.hash, template.content_hash());
    assert!(record.validate_against(&template).is_empty());
    // Against today's template, the answer to the retired free-text prompts is reported,
    // not dropped.
    let today = builtin::template("what-matters").unwrap();
    let problems = record.validate_against(&today);
    expect_test::expect![[r#"
        [
            "answers.actions: there is no text prompt \"actions\" in the template. Known: what-matters, why, working-well, not-working, strengths, people, review.",
            "answers.outcomes: there is no text prompt \"outcomes\" in the template. Known: what-matters, why, working-well, not-working, strengths, people, review.",
        ]
    "#]]
    .assert_debug_eq(&problems.iter().map(ToString::to_string).collect::<Vec<_>>());
}

#[test]
fn newer_and_unknown_formats_are_refused_with_a_reason() {
    let newer = V1.replace("\"format_version\": 1", "\"format_version\": 9");
    assert_eq!(
        Record::from_json(&newer).unwrap_err().to_string(),
        "the record could not be read at format_version: this record is format version 9, newer \
         than this library reads (1 to 3): update the library"
    );
    let zero = V1.replace("\"format_version\": 1", "\"format_version\": 0");
    assert!(Record::from_json(&zero)
        .unwrap_err()
        .to_string()
        .contains("there is no record format version 0"));
}

#[test]
fn bad_records_name_the_path() {
    let bad = V1.replace("\"status\": \"complete\"", "\"status\": \"finished\"");
    let err = Record::from_json(&bad).unwrap_err();
    assert_eq!(err.path, "status");
    assert!(
        err.to_string().contains("unknown variant `finished`"),
        "{err}"
    );
}

#[test]
fn a_summary_of_an_old_record_keeps_the_answers_to_retired_prompts() {
    let record = Record::from_json(V1).unwrap();
    let today = builtin::template("what-matters").unwrap();
    let text = outcomes_core::export::summary::text(&record, &today, "en");
    for answer in record.answers.values() {
        for line in answer.text.split('\n') {
            assert!(text.contains(line), "{line:?} is missing from\n{text}");
        }
    }
    // An answer to a prompt no template version has is still shown.
    let mut record = record;
    record.answers.insert(
        outcomes_core::Id::new("retired").unwrap(),
        outcomes_core::Answer {
            text: "Words from a prompt that has gone".into(),
            updated: record.created.clone(),
        },
    );
    let text = outcomes_core::export::summary::text(&record, &today, "en");
    assert!(
        text.contains("You also said:\n  > Words from a prompt that has gone"),
        "{text}"
    );
}
