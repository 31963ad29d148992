//! Who takes part, and what each mode lets them do: the person on their own answers every
//! question and gives every view; with a practitioner, both do; names and references are each
//! an action.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use std::sync::Arc;

use outcomes_core::{
    builtin, sample, Action, Conversation, Id, Mode, Named, Problem, RecordId, Removed, Role,
    Timestamp, ValidTemplate,
};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn start(mode: Mode) -> Conversation {
    Conversation::start_in(
        builtin::template("what-matters").unwrap(),
        RecordId::new("r1").unwrap(),
        at("2026-11-26T10:00:00Z"),
        mode,
    )
}

fn voices(c: &Conversation) -> Vec<&str> {
    c.voices().iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn on_their_own_the_person_is_the_only_voice_and_at_the_keyboard() {
    let c = start(Mode::SelfCompletion);
    assert_eq!(voices(&c), ["person"]);
    assert_eq!(c.actor(), id("person"));
    assert!(!c.shows_guidance());
    assert!(c.record().practitioner().is_none());
    // Resumed later, the record says so by itself.
    let again = Conversation::resume(Arc::clone(c.shared_template()), c.record().clone(), 0);
    assert_eq!(again.mode(), Mode::SelfCompletion);
}

#[test]
fn with_a_practitioner_everyone_has_a_voice_person_first() {
    let mut c = start(Mode::Practitioner);
    c.apply(
        Action::AddParticipant {
            id: id("jean"),
            role: Role::Carer,
            name: Some("Jean".into()),
        },
        at("2026-11-26T10:01:00Z"),
    )
    .unwrap();
    assert_eq!(voices(&c), ["person", "practitioner", "jean"]);
    assert_eq!(c.actor(), id("practitioner"));
    assert!(c.shows_guidance());
    // Shown to the person alone (mode="self" on the page), only their voice is offered.
    let alone = c.clone().in_mode(Mode::SelfCompletion);
    assert_eq!(voices(&alone), ["person"]);
}

#[test]
fn texts_speak_to_the_person_on_their_own() {
    let template = builtin::template("what-matters").unwrap();
    let now = template.prompt(&id("now")).unwrap();
    let with = template.prompt_hint(now, Mode::Practitioner, "en").unwrap();
    let alone = template
        .prompt_hint(now, Mode::SelfCompletion, "en")
        .unwrap();
    assert!(with.contains("practitioner"), "{with}");
    assert!(!alone.contains("practitioner"), "{alone}");
    for lang in ["gd", "ar", "en-x-easy"] {
        assert_ne!(
            template.prompt_hint(now, Mode::SelfCompletion, lang),
            template.prompt_hint(now, Mode::Practitioner, lang),
            "{lang}"
        );
    }
    // No built-in prompt or hint shown to the person alone speaks of "the practitioner"
    // or of the person in the third person ("the person you care for" is the carer's).
    for name in builtin::names() {
        let template = builtin::template(name).unwrap();
        for prompt in template.prompts() {
            let text = template.prompt_text(prompt, Mode::SelfCompletion, "en");
            let hint = template
                .prompt_hint(prompt, Mode::SelfCompletion, "en")
                .unwrap_or_default();
            for said in [text, hint] {
                for third_person in [
                    "the practitioner",
                    "this child",
                    "their words",
                    "the person's",
                ] {
                    assert!(
                        !said.to_lowercase().contains(third_person),
                        "{name}/{}: {said}",
                        prompt.id
                    );
                }
            }
        }
    }
}

#[test]
fn names_and_references_are_each_an_action_and_optional() {
    let mut c = start(Mode::Practitioner);
    let now = at("2026-11-26T10:01:00Z");
    for action in [
        Action::SetParticipantName {
            participant: id("person"),
            name: "Mr Duncan".into(),
        },
        Action::SetParticipantReference {
            participant: id("person"),
            reference: "SW-2291".into(),
        },
        Action::SetParticipantName {
            participant: id("practitioner"),
            name: "Sam".into(),
        },
    ] {
        c.apply(action, now.clone()).unwrap();
    }
    let person = c.record().person().unwrap();
    assert_eq!(person.name.as_deref(), Some("Mr Duncan"));
    assert_eq!(person.reference.as_deref(), Some("SW-2291"));
    c.apply(
        Action::SetParticipantReference {
            participant: id("person"),
            reference: String::new(),
        },
        now.clone(),
    )
    .unwrap();
    assert_eq!(
        c.record().person().unwrap().reference,
        None,
        "empty is none"
    );
    assert_eq!(c.record().validate_against(c.template()), vec![]);
    assert_eq!(
        c.apply(
            Action::AddParticipant {
                id: id("someone"),
                role: Role::Person,
                name: None
            },
            now
        ),
        Err(Problem::OnePerson)
    );
}

#[test]
fn someone_added_by_mistake_can_be_taken_off_but_not_once_they_have_said_something() {
    let mut c = start(Mode::Practitioner);
    let now = at("2026-11-26T10:01:00Z");
    for who in ["jean", "karen"] {
        c.apply(
            Action::AddParticipant {
                id: id(who),
                role: Role::Family,
                name: None,
            },
            now.clone(),
        )
        .unwrap();
    }
    c.apply(
        Action::SetConsent {
            prompt: id("keep-record"),
            given: true,
            by: id("karen"),
        },
        now.clone(),
    )
    .unwrap();
    let remove = |who: &str| Action::RemoveParticipant {
        participant: id(who),
        by: id("practitioner"),
    };
    assert_eq!(
        c.apply(remove("karen"), now.clone()),
        Err(Problem::HasSaid(id("karen")))
    );
    assert_eq!(
        c.apply(remove("person"), now.clone()),
        Err(Problem::CannotRemove(id("person")))
    );
    c.apply(remove("jean"), now.clone()).unwrap();
    assert!(c.record().participant(&id("jean")).is_none());
    let removal = c.record().removed.last().unwrap();
    assert_eq!(
        (removal.what, removal.id.as_str()),
        (Removed::Participant, "jean")
    );
    assert_eq!(c.record().validate_against(c.template()), vec![]);
}

#[test]
fn a_review_carries_the_persons_name_but_not_the_last_practitioners() {
    let (_, mut first) = sample::first_conversation();
    first.participants[0].name = Some("Mr Duncan".into());
    first.participants[1].name = Some("Sam".into());
    let c = Conversation::start_review(
        builtin::template("review").unwrap(),
        RecordId::new("r2").unwrap(),
        at("2026-12-02T14:00:00Z"),
        Arc::new(first),
    );
    assert_eq!(
        c.record().person().unwrap().name.as_deref(),
        Some("Mr Duncan")
    );
    assert_eq!(c.record().practitioner().unwrap().name, None);
    assert_eq!(voices(&c), ["person", "practitioner", "karen"]);
    assert_eq!(c.mode(), Mode::Review);
}

#[test]
fn a_conversation_starts_only_from_a_valid_template() {
    let template = builtin::template("what-matters").unwrap();
    let mut broken = (*template).clone().into_inner();
    broken.sections.clear();
    // There is no way to start a conversation from `broken`: `Conversation::start` takes a
    // `ValidTemplate`, and checking it says why not.
    let err = ValidTemplate::new(broken).unwrap_err().to_string();
    assert!(
        err.contains("sections: a template needs at least one section"),
        "{err}"
    );
}

#[test]
fn modes_are_named_once() {
    assert_eq!(Mode::NAMES, ["practitioner", "self", "review"]);
    assert_eq!(Mode::from_name("self"), Some(Mode::SelfCompletion));
    assert_eq!(Role::from_name("carer"), Some(Role::Carer));
}

#[test]
fn every_problem_has_its_own_code() {
    let problems = [
        Problem::UnknownPrompt(id("p")),
        Problem::NotATextPrompt(id("p")),
        Problem::NoSuchSection(3),
        Problem::WrongKind {
            prompt: id("p"),
            expected: "a rating",
        },
        Problem::UnknownOption {
            prompt: id("p"),
            option: id("o"),
        },
        Problem::OneOptionOnly(id("p")),
        Problem::UnknownParticipant(id("x")),
        Problem::UnknownOutcome(id("o")),
        Problem::UnknownAction(id("a")),
        Problem::UnknownTag(id("t")),
        Problem::UnknownPoint {
            scale: id("s"),
            value: id("v"),
        },
        Problem::IdInUse(id("o")),
        Problem::OutcomeNeeded(id("p")),
        Problem::NoOutcomeHere(id("p")),
        Problem::NotAWeight("0".into()),
        Problem::OnePerson,
        Problem::CannotRemove(id("person")),
        Problem::HasSaid(id("karen")),
        Problem::Incomplete(vec![]),
    ];
    let mut codes: Vec<&str> = problems.iter().map(Problem::code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), problems.len());
    assert_eq!(outcomes_core::parse_weight(" 2 "), Ok(2));
    assert_eq!(
        outcomes_core::parse_weight("0"),
        Err(Problem::NotAWeight("0".into()))
    );
    assert_eq!(
        outcomes_core::parse_weight("two"),
        Err(Problem::NotAWeight("two".into()))
    );
}
