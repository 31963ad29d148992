//! Property tests: any sequence of actions keeps the record valid and every word the person
//! typed present; JSON and FHIR round-trip; the fuzz harnesses hold on generated input.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use std::collections::BTreeMap;
use std::sync::Arc;

use outcomes_core::{
    builtin, fuzzing, Action, Conversation, Date, Event, Id, OutcomeKind, PromptKind, RecordId,
    Role, Status, Template, Timestamp, ValidTemplate,
};
use proptest::prelude::*;

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// Ids to pick from: the template's own, and a few it does not have.
struct Pools {
    prompts: Vec<Id>,
    tags: Vec<Id>,
    values: Vec<Id>,
    options: Vec<Id>,
}

fn pools(template: &Template) -> Pools {
    let mut prompts: Vec<Id> = template.prompts().map(|p| p.id.clone()).collect();
    prompts.push(id("no-such-prompt"));
    let mut tags: Vec<Id> = template
        .outcome_sets
        .iter()
        .flat_map(|s| &s.tags)
        .map(|t| t.id.clone())
        .collect();
    tags.push(id("no-such-tag"));
    let mut values: Vec<Id> = template
        .scales
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| p.id.clone())
        .collect();
    values.push(id("no-such-point"));
    let mut options: Vec<Id> = template
        .prompts()
        .flat_map(|p| match &p.kind {
            PromptKind::Choice { options, .. } => options.iter().map(|o| o.id.clone()).collect(),
            _ => vec![],
        })
        .collect();
    options.push(id("no-such-option"));
    Pools {
        prompts,
        tags,
        values,
        options,
    }
}

/// Words people type: anything, including spaces at the ends, new lines, markup, formulas.
fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        Just(String::new()),
        Just("  spaces around  ".to_owned()),
        Just("=HYPERLINK(\"x\")".to_owned()),
        Just("<b>bold</b> & \"quoted\"\nnew line\r\n".to_owned()),
    ]
}

fn pick(pool: &[Id]) -> impl Strategy<Value = Id> + Clone {
    proptest::sample::select(pool.to_vec())
}

fn action(p: &Pools) -> impl Strategy<Value = Action> {
    let outcome = pick(&["o0", "o1", "o2"].map(id));
    let act = pick(&["a0", "a1"].map(id));
    let who = pick(&["person", "practitioner", "karen", "stranger"].map(id));
    let prompt = pick(&p.prompts);
    let tags = proptest::collection::vec(pick(&p.tags), 0..3);
    let kind = prop_oneof![Just(OutcomeKind::Achieve), Just(OutcomeKind::Maintain)];
    let date = prop_oneof![Just(None), Just(Date::parse("2026-12-01").ok())];
    prop_oneof![
        4 => (prompt.clone(), words()).prop_map(|(prompt, text)| Action::SetText { prompt, text }),
        1 => (prompt.clone(), proptest::collection::vec(pick(&p.options), 0..3))
            .prop_map(|(prompt, options)| Action::SetChoice { prompt, options }),
        1 => (prompt.clone(), any::<bool>(), who.clone())
            .prop_map(|(prompt, given, by)| Action::SetConsent { prompt, given, by }),
        1 => (who.clone(), words()).prop_map(|(id, name)| Action::AddParticipant {
            id,
            role: Role::Family,
            name: Some(name),
        }),
        3 => (outcome.clone(), words(), kind.clone(), tags.clone())
            .prop_map(|(id, words, kind, tags)| Action::AddOutcome { id, words, kind, tags }),
        2 => (outcome.clone(), words())
            .prop_map(|(outcome, words)| Action::SetOutcomeWords { outcome, words }),
        1 => (outcome.clone(), pick(&p.tags), any::<bool>())
            .prop_map(|(outcome, tag, chosen)| Action::SetOutcomeTag { outcome, tag, chosen }),
        1 => (outcome.clone(), kind).prop_map(|(outcome, kind)| Action::SetOutcomeKind { outcome, kind }),
        1 => (outcome.clone(), proptest::collection::vec(who.clone(), 0..3))
            .prop_map(|(outcome, contributors)| Action::SetOutcomeContributors { outcome, contributors }),
        1 => (outcome.clone(), 0u32..4)
            .prop_map(|(outcome, weight)| Action::SetOutcomeWeight { outcome, weight }),
        1 => (outcome.clone(), who.clone())
            .prop_map(|(outcome, by)| Action::RemoveOutcome { outcome, by }),
        2 => (prompt.clone(), proptest::option::of(outcome.clone()), pick(&p.values), words(), who.clone())
            .prop_map(|(prompt, outcome, value, reason, by)| Action::Rate {
                prompt,
                outcome,
                value,
                reason,
                by,
            }),
        2 => (prompt.clone(), proptest::option::of(outcome.clone()), proptest::option::of(pick(&p.values)), who.clone())
            .prop_map(|(prompt, outcome, value, by)| Action::SetRatingValue { prompt, outcome, by, value }),
        2 => (prompt.clone(), proptest::option::of(outcome.clone()), words(), who.clone())
            .prop_map(|(prompt, outcome, reason, by)| Action::SetRatingReason { prompt, outcome, by, reason }),
        1 => (who.clone(), words()).prop_map(|(participant, name)| Action::SetParticipantName { participant, name }),
        1 => (who.clone(), words())
            .prop_map(|(participant, reference)| Action::SetParticipantReference { participant, reference }),
        1 => (who.clone(), who.clone()).prop_map(|(participant, by)| Action::RemoveParticipant { participant, by }),
        1 => date.clone().prop_map(|date| Action::SetNextReview { date }),
        2 => (act.clone(), words(), words(), date.clone(), proptest::collection::vec(outcome.clone(), 0..2))
            .prop_map(|(id, what, who, by_when, outcomes)| Action::AddAction {
                id,
                what,
                who,
                by_when,
                outcomes,
            }),
        1 => (act.clone(), words()).prop_map(|(action, what)| Action::SetActionWhat { action, what }),
        1 => (act.clone(), words()).prop_map(|(action, who)| Action::SetActionWho { action, who }),
        1 => (act.clone(), date).prop_map(|(action, by_when)| Action::SetActionByWhen { action, by_when }),
        1 => (act.clone(), outcome, any::<bool>())
            .prop_map(|(action, outcome, linked)| Action::SetActionOutcome { action, outcome, linked }),
        1 => (act.clone(), any::<bool>()).prop_map(|(action, done)| Action::SetActionDone { action, done }),
        1 => (act, who).prop_map(|(action, by)| Action::RemoveAction { action, by }),
        1 => Just(Action::Next),
        1 => Just(Action::Back),
        1 => (0usize..10).prop_map(Action::GoTo),
        1 => any::<bool>().prop_map(|confirmed| Action::Complete { confirmed }),
        1 => (1u32..4).prop_map(|revision| Action::MarkSubmitted { revision }),
    ]
}

fn templates() -> Vec<Arc<ValidTemplate>> {
    [
        "what-matters",
        "member-evaluation",
        "goal-attainment",
        "review",
    ]
    .into_iter()
    .map(|n| builtin::template(n).unwrap())
    .collect()
}

fn check_sequence(template: Arc<ValidTemplate>, actions: Vec<Action>) {
    let start = Timestamp::parse("2026-11-26T10:00:00Z").unwrap();
    let mut c = Conversation::start(template.clone(), RecordId::new("r").unwrap(), start);
    // What the person said, as the model expects it to be kept.
    let mut texts: BTreeMap<Id, String> = BTreeMap::new();
    let mut outcomes: BTreeMap<Id, String> = BTreeMap::new();
    for (i, action) in actions.into_iter().enumerate() {
        let now = Timestamp::parse(format!("2026-11-26T10:{:02}:00Z", i % 60)).unwrap();
        let before = c.clone();
        let result = c.apply(action.clone(), now);
        // A change to a finished record starts the next revision; nothing else does.
        let finished_before = before.record().status != Status::Draft;
        if result == Ok(Event::RecordChanged) && action.edits_record() && finished_before {
            assert_eq!(c.record().status, Status::Draft, "after {action:?}");
            assert_eq!(c.record().revision, before.record().revision + 1);
            assert_eq!(
                c.record().replaces.as_ref().map(|r| r.revision),
                Some(before.record().revision)
            );
        } else {
            assert_eq!(
                c.record().revision,
                before.record().revision,
                "after {action:?}"
            );
        }
        match result {
            Err(_) => assert_eq!(c, before, "a refused {action:?} changed something"),
            Ok(_) => match action {
                Action::SetRatingReason {
                    prompt,
                    outcome,
                    by,
                    reason,
                } => {
                    // The reason is kept exactly, with or without a point; a view with
                    // neither says nothing and is left out.
                    let view = c.view(&prompt, outcome.as_ref(), &by);
                    match view {
                        Some(view) => assert_eq!(view.reason, reason),
                        None => assert!(reason.is_empty(), "{reason:?} was dropped"),
                    }
                }
                Action::SetText { prompt, text } => {
                    texts.insert(prompt, text);
                }
                Action::AddOutcome { id, words, .. }
                | Action::SetOutcomeWords { outcome: id, words } => {
                    outcomes.insert(id, words);
                }
                Action::RemoveOutcome { outcome, .. } => {
                    outcomes.remove(&outcome);
                }
                _ => {}
            },
        }
        let record = c.record();
        assert_eq!(
            record.validate_against(&template),
            vec![],
            "after {i} actions"
        );
        for (prompt, text) in &texts {
            assert_eq!(
                record.text(prompt),
                Some(text.as_str()),
                "the words at {prompt}"
            );
        }
        let kept: BTreeMap<Id, String> = record
            .outcomes
            .iter()
            .map(|o| (o.id.clone(), o.words.clone()))
            .collect();
        assert_eq!(kept, outcomes);
        assert!(record.updated >= record.created);
    }
    fuzzing::round_trips(c.record(), &template);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_actions_keep_the_record_valid_and_the_words_verbatim(
        (t, actions) in (0usize..4).prop_flat_map(|t| {
            let template = templates()[t].clone();
            let p = pools(&template);
            (Just(t), proptest::collection::vec(action(&p), 0..40))
        })
    ) {
        check_sequence(templates()[t].clone(), actions);
    }

    #[test]
    fn reviews_carry_everything_forward_and_stay_valid(n in 0u64..10_000) {
        let earlier = outcomes_core::sample::generated(n);
        let review = builtin::template("review").unwrap();
        let c = Conversation::start_review(
            review.clone(),
            RecordId::new("later").unwrap(),
            Timestamp::parse("2027-01-01T00:00:00Z").unwrap(),
            Arc::new(earlier.clone()),
        );
        prop_assert_eq!(c.record().outcomes.len(), earlier.outcomes.len());
        for (a, b) in c.record().outcomes.iter().zip(&earlier.outcomes) {
            prop_assert_eq!(&a.words, &b.words);
            prop_assert_eq!(a.ratings.len(), b.ratings.len());
            for (carried, given) in a.ratings.iter().zip(&b.ratings) {
                prop_assert_eq!(&carried.reason, &given.reason);
                prop_assert_eq!(&carried.value, &given.value);
                prop_assert_eq!(carried.from.as_ref(), Some(&earlier.id));
            }
        }
        prop_assert_eq!(c.record().validate(), vec![]);
    }

    /// The record-parsing fuzz harness, over mutations of real records.
    #[test]
    fn record_parsing_never_panics(
        n in 0u64..1000,
        cut in 0usize..4000,
        flip in any::<u8>(),
        at in 0usize..4000,
    ) {
        let json = outcomes_core::sample::generated(n).to_json();
        fuzzing::record_json(json.as_bytes());
        let mut bytes = json.clone().into_bytes();
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = flip;
        }
        fuzzing::record_json(&bytes);
        fuzzing::record_json(&json.as_bytes()[..cut.min(json.len())]);
    }

    /// The template-parsing fuzz harness, over mutations of the built-in templates.
    #[test]
    fn template_parsing_never_panics(
        t in 0usize..4,
        cut in 0usize..20_000,
        flip in any::<u8>(),
        at in 0usize..20_000,
    ) {
        let json = templates()[t].to_canonical_json();
        fuzzing::template_json(json.as_bytes());
        let mut bytes = json.clone().into_bytes();
        let i = at % bytes.len();
        bytes[i] = flip;
        fuzzing::template_json(&bytes);
        fuzzing::template_json(&json.as_bytes()[..cut.min(json.len())]);
    }

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..256)) {
        fuzzing::template_json(&data);
        fuzzing::record_json(&data);
    }
}

#[test]
fn the_fixtures_pass_the_harnesses() {
    fuzzing::record_json(include_bytes!("fixtures/record-v1.json"));
    fuzzing::template_json(include_bytes!("fixtures/template-what-matters-0.1.0.json"));
    for name in builtin::names() {
        fuzzing::template_json(
            builtin::template(name)
                .unwrap()
                .to_canonical_json()
                .as_bytes(),
        );
    }
}
