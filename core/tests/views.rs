//! Views on outcomes and statements: each field saves itself; a view being given is kept as it
//! is (a reason with no point, a point with no reason); each participant has one view per
//! conversation; views from earlier conversations stay as they were.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use std::sync::Arc;

use outcomes_core::{
    builtin, sample, Action, Conversation, Event, Id, Missing, OutcomeKind, RecordId, Timestamp,
};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn with_outcome() -> Conversation {
    let mut c = Conversation::start(
        builtin::template("what-matters").unwrap(),
        RecordId::new("r1").unwrap(),
        at("2026-11-26T10:00:00Z"),
    );
    c.apply(
        Action::AddOutcome {
            id: id("o1"),
            words: "Walk the dog again".into(),
            kind: OutcomeKind::Achieve,
            tags: vec![],
        },
        at("2026-11-26T10:01:00Z"),
    )
    .unwrap();
    c
}

fn set_value(c: &mut Conversation, by: &str, value: Option<&str>, time: &str) -> Event {
    c.apply(
        Action::SetRatingValue {
            prompt: id("now"),
            outcome: Some(id("o1")),
            by: id(by),
            value: value.map(id),
        },
        at(time),
    )
    .unwrap()
}

fn set_reason(c: &mut Conversation, by: &str, reason: &str, time: &str) -> Event {
    c.apply(
        Action::SetRatingReason {
            prompt: id("now"),
            outcome: Some(id("o1")),
            by: id(by),
            reason: reason.into(),
        },
        at(time),
    )
    .unwrap()
}

/// The bug: a point chosen and a reason typed were lost unless "Keep this view" was pressed.
/// Now each is part of the record the moment it is given.
#[test]
fn a_point_and_a_reason_are_in_the_record_as_soon_as_they_are_given() {
    let mut c = with_outcome();
    assert_eq!(
        set_value(&mut c, "person", Some("partly-met"), "2026-11-26T10:02:00Z"),
        Event::RecordChanged
    );
    assert_eq!(
        set_reason(
            &mut c,
            "person",
            "Twice round the park, ",
            "2026-11-26T10:03:00Z"
        ),
        Event::RecordChanged
    );
    let view = c.view(&id("now"), Some(&id("o1")), &id("person")).unwrap();
    assert_eq!(view.value, Some(id("partly-met")));
    assert_eq!(
        view.reason, "Twice round the park, ",
        "kept exactly, spaces too"
    );
    assert_eq!(view.at, at("2026-11-26T10:03:00Z"));
    // The same record read back from its JSON (a reload) still has it.
    let back = outcomes_core::Record::from_json(&c.record().to_json()).unwrap();
    assert_eq!(back.outcomes[0].ratings, c.record().outcomes[0].ratings);
    assert_eq!(
        c.record().outcomes[0].ratings.len(),
        1,
        "one view, changed in place"
    );
}

#[test]
fn a_reason_with_no_point_and_a_point_with_no_reason_are_kept_as_they_are() {
    let mut c = with_outcome();
    set_reason(&mut c, "person", "Not sure yet", "2026-11-26T10:02:00Z");
    let view = c.view(&id("now"), Some(&id("o1")), &id("person")).unwrap();
    assert_eq!(
        (view.value.as_ref(), view.reason.as_str()),
        (None, "Not sure yet")
    );
    set_value(
        &mut c,
        "practitioner",
        Some("not-met"),
        "2026-11-26T10:03:00Z",
    );
    let view = c
        .view(&id("now"), Some(&id("o1")), &id("practitioner"))
        .unwrap();
    assert_eq!(
        (view.value.clone(), view.reason.as_str()),
        (Some(id("not-met")), "")
    );
    assert_eq!(c.record().validate_against(c.template()), vec![]);
    // Finishing says what is still being given, and asks once.
    let missing = c.missing();
    assert!(missing.contains(&Missing::RatingValue {
        prompt: id("now"),
        outcome: Some(id("o1")),
        by: id("person"),
    }));
}

#[test]
fn each_participant_has_one_view_per_conversation_the_latest_last() {
    let mut c = with_outcome();
    set_value(&mut c, "person", Some("met"), "2026-11-26T10:02:00Z");
    set_value(
        &mut c,
        "practitioner",
        Some("partly-met"),
        "2026-11-26T10:03:00Z",
    );
    // The person changes their mind: their view changes, and moves after the practitioner's.
    set_value(&mut c, "person", Some("partly-met"), "2026-11-26T10:04:00Z");
    let by: Vec<&str> = c.record().outcomes[0]
        .ratings
        .iter()
        .map(|r| r.by.as_str())
        .collect();
    assert_eq!(by, ["practitioner", "person"]);
    assert_eq!(
        set_value(&mut c, "person", Some("partly-met"), "2026-11-26T10:05:00Z"),
        Event::Unchanged
    );
    // Clearing everything leaves nothing said: the view is taken out.
    set_value(&mut c, "person", None, "2026-11-26T10:06:00Z");
    assert_eq!(c.view(&id("now"), Some(&id("o1")), &id("person")), None);
}

#[test]
fn views_from_the_earlier_conversation_stay_as_they_were_in_a_review() {
    let (_, first) = sample::first_conversation();
    let first = Arc::new(first);
    let mut c = Conversation::start_review(
        builtin::template("review").unwrap(),
        RecordId::new("r2").unwrap(),
        at("2026-12-02T14:00:00Z"),
        Arc::clone(&first),
    );
    let earlier = c.earlier_views(&id("progress"), Some(&id("own-home")));
    assert_eq!(earlier.len(), 2, "the person's and the practitioner's");
    assert!(earlier.iter().all(|r| r.from.as_ref() == Some(&first.id)));
    // Nothing given here yet, though the person gave a view last time.
    assert_eq!(
        c.view(&id("progress"), Some(&id("own-home")), &id("person")),
        None
    );
    c.apply(
        Action::SetRatingReason {
            prompt: id("progress"),
            outcome: Some(id("own-home")),
            by: id("person"),
            reason: "Still here".into(),
        },
        at("2026-12-02T14:05:00Z"),
    )
    .unwrap();
    let ratings = &c.record().outcome(&id("own-home")).unwrap().ratings;
    assert_eq!(ratings.len(), 3, "the earlier two kept, a new one added");
    assert_eq!(
        ratings[..2],
        first.outcome(&id("own-home")).unwrap().ratings[..2]
            .iter()
            .map(|r| outcomes_core::Rating {
                from: Some(first.id.clone()),
                ..r.clone()
            })
            .collect::<Vec<_>>()[..]
    );
    // "How far moved" is its own scale: the met/not met views are not its history.
    assert!(c
        .earlier_views(&id("moved"), Some(&id("own-home")))
        .is_empty());
    assert_eq!(
        c.earlier_outcome(&id("own-home")).map(|o| o.words.as_str()),
        Some("Stay in my own home — I'm not moving")
    );
}

#[test]
fn a_statement_rates_itself() {
    let mut c = Conversation::start(
        builtin::template("member-evaluation").unwrap(),
        RecordId::new("m1").unwrap(),
        at("2026-11-26T10:00:00Z"),
    );
    c.apply(
        Action::SetRatingReason {
            prompt: id("listened-to"),
            outcome: None,
            by: id("person"),
            reason: "Mostly".into(),
        },
        at("2026-11-26T10:01:00Z"),
    )
    .unwrap();
    assert_eq!(c.record().prompt_ratings[&id("listened-to")].len(), 1);
    c.apply(
        Action::SetRatingReason {
            prompt: id("listened-to"),
            outcome: None,
            by: id("person"),
            reason: String::new(),
        },
        at("2026-11-26T10:02:00Z"),
    )
    .unwrap();
    assert!(
        !c.record().prompt_ratings.contains_key(&id("listened-to")),
        "a view that says nothing leaves no empty list behind"
    );
}
