//! The conversation state machine, over the built-in templates.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use outcomes_core::{
    builtin, sample, Action, Conversation, Event, Id, OutcomeKind, Problem, Rating, RecordId,
    Removed, Timestamp,
};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn start(name: &str) -> Conversation {
    Conversation::start(
        builtin::template(name).unwrap(),
        RecordId::new("r1").unwrap(),
        at("2026-11-26T10:00:00Z"),
    )
}

#[test]
fn the_first_prompt_of_what_matters_is_the_one_the_widget_types_into() {
    let c = start("what-matters");
    let prompt = &c.current_section().prompts[0];
    assert_eq!(prompt.id.as_str(), "what-matters");
    assert_eq!(
        c.template().text(&prompt.text, "en"),
        "What matters to you at the moment?"
    );
    assert!(matches!(
        prompt.kind,
        outcomes_core::PromptKind::Text { .. }
    ));
}

#[test]
fn the_sample_conversations_are_valid_and_keep_both_views() {
    let (template, first) = sample::first_conversation();
    assert_eq!(first.validate_against(&template), vec![]);
    let home = first.outcome(&id("own-home")).unwrap();
    let views: Vec<(&str, &str)> = home
        .ratings
        .iter()
        .map(|r| (r.by.as_str(), r.value.as_ref().map_or("", |v| v.as_str())))
        .collect();
    assert_eq!(views, [("person", "met"), ("practitioner", "partly-met")]);
    let (template, review) = sample::review();
    assert_eq!(review.validate_against(&template), vec![]);
    assert_eq!(review.reviews, Some(first.id.clone()));
    // Carried forward: the same words, the whole rating history (each earlier view saying
    // where it was given), plus the new ratings.
    for outcome in &first.outcomes {
        let later = review.outcome(&outcome.id).unwrap();
        assert_eq!(later.words, outcome.words);
        let carried: Vec<Rating> = outcome
            .ratings
            .iter()
            .map(|r| Rating {
                from: Some(first.id.clone()),
                ..r.clone()
            })
            .collect();
        assert_eq!(later.ratings[..outcome.ratings.len()], carried[..]);
        assert!(later.ratings.len() > outcome.ratings.len());
        assert!(later.ratings[outcome.ratings.len()..]
            .iter()
            .all(Rating::given_here));
        assert_eq!(later.carried_from, Some(first.id.clone()));
    }
    assert_eq!(review.actions.len(), 3);
    assert!(review.action(&id("rail")).unwrap().done.is_some());
}

#[test]
fn refused_actions_change_nothing_and_say_why() {
    let mut c = start("what-matters");
    let now = at("2026-11-26T10:01:00Z");
    c.apply(
        Action::AddOutcome {
            id: id("o1"),
            words: "Walk the dog".into(),
            kind: OutcomeKind::Achieve,
            tags: vec![],
        },
        now.clone(),
    )
    .unwrap();
    let before = c.clone();
    let cases = [
        (
            Action::AddOutcome {
                id: id("o1"),
                words: "again".into(),
                kind: OutcomeKind::Achieve,
                tags: vec![],
            },
            "the id \"o1\" is already used in this record: make a new one",
        ),
        (
            Action::AddOutcome {
                id: id("o2"),
                words: "x".into(),
                kind: OutcomeKind::Achieve,
                tags: vec![id("feeling-saf")],
            },
            "the template's outcome sets have no tag \"feeling-saf\"",
        ),
        (
            Action::Rate {
                prompt: id("now"),
                outcome: Some(id("o1")),
                value: id("sort-of"),
                reason: String::new(),
                by: id("person"),
            },
            "the scale \"met\" has no point \"sort-of\"",
        ),
        (
            Action::Rate {
                prompt: id("now"),
                outcome: Some(id("o1")),
                value: id("met"),
                reason: String::new(),
                by: id("neighbour"),
            },
            "nobody called \"neighbour\" takes part in this conversation: add them first",
        ),
        (
            Action::Rate {
                prompt: id("now"),
                outcome: None,
                value: id("met"),
                reason: String::new(),
                by: id("person"),
            },
            "prompt \"now\" rates outcomes: say which outcome",
        ),
        (
            Action::SetText {
                prompt: id("outcomes"),
                text: "x".into(),
            },
            "prompt \"outcomes\" does not take a text answer",
        ),
        (
            Action::AddAction {
                id: id("a1"),
                what: "x".into(),
                who: "y".into(),
                by_when: None,
                outcomes: vec![id("o9")],
            },
            "this record has no outcome \"o9\"",
        ),
        (
            Action::SetConsent {
                prompt: id("why"),
                given: true,
                by: id("person"),
            },
            "prompt \"why\" is not a consent statement",
        ),
        (
            Action::RemoveAction {
                action: id("a1"),
                by: id("person"),
            },
            "this record has no action \"a1\"",
        ),
    ];
    for (action, message) in cases {
        let err = c.apply(action.clone(), now.clone()).unwrap_err();
        assert_eq!(err.to_string(), message, "{action:?}");
        assert_eq!(c, before, "{action:?} changed the conversation");
    }
    assert_eq!(
        c.apply(Action::GoTo(99), now),
        Err(Problem::NoSuchSection(99))
    );
}

#[test]
fn removal_is_explicit_recorded_and_the_id_stays_taken() {
    let mut c = start("what-matters");
    let now = at("2026-11-26T10:01:00Z");
    let add = Action::AddOutcome {
        id: id("o1"),
        words: "Walk the dog".into(),
        kind: OutcomeKind::Maintain,
        tags: vec![id("staying-well")],
    };
    c.apply(add.clone(), now.clone()).unwrap();
    c.apply(
        Action::AddAction {
            id: id("a1"),
            what: "Ask about a dog walker".into(),
            who: "Karen".into(),
            by_when: None,
            outcomes: vec![id("o1")],
        },
        now.clone(),
    )
    .unwrap();
    assert_eq!(
        c.apply(
            Action::RemoveOutcome {
                outcome: id("o1"),
                by: id("person")
            },
            at("2026-11-26T10:02:00Z")
        ),
        Ok(Event::RecordChanged)
    );
    let record = c.record();
    assert!(record.outcomes.is_empty());
    assert_eq!(record.removed[0].what, Removed::Outcome);
    assert_eq!(record.removed[0].by.as_str(), "person");
    assert!(!record.to_json().contains("Walk the dog"));
    // The action that pointed at it still does, and the record is still valid.
    assert_eq!(record.actions[0].outcomes, vec![id("o1")]);
    assert_eq!(record.validate_against(c.template()), vec![]);
    assert_eq!(c.apply(add, now), Err(Problem::IdInUse(id("o1"))));
}

#[test]
fn choices_keep_template_order_and_respect_single_choice() {
    let mut c = start("member-evaluation");
    let now = at("2026-11-26T10:01:00Z");
    assert_eq!(
        c.apply(
            Action::SetChoice {
                prompt: id("role"),
                options: vec![id("health"), id("housing")]
            },
            now.clone()
        ),
        Err(Problem::OneOptionOnly(id("role")))
    );
    c.apply(
        Action::SetChoice {
            prompt: id("role"),
            options: vec![id("housing")],
        },
        now.clone(),
    )
    .unwrap();
    c.apply(
        Action::Rate {
            prompt: id("listened-to"),
            outcome: None,
            value: id("mostly"),
            reason: "Most of the time, less so in the big meetings".into(),
            by: id("person"),
        },
        now,
    )
    .unwrap();
    let record = c.record();
    assert_eq!(record.choices[&id("role")].options, vec![id("housing")]);
    assert_eq!(record.prompt_ratings[&id("listened-to")].len(), 1);
    assert_eq!(record.validate_against(c.template()), vec![]);
}
