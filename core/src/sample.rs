//! Example records, made through the conversation state machine: for documentation, tests,
//! benchmarks and demos. Deterministic: the same call gives the same record.

use std::sync::Arc;

use crate::{
    builtin, Action, Conversation, Date, Id, Mode, OutcomeKind, Record, RecordId, Role, Timestamp,
    ValidTemplate,
};

// Every id and time in this module is a valid literal, so `expect` never fires.
fn id(s: &str) -> Id {
    Id::new(s).expect("a valid literal id")
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("a valid literal timestamp")
}

fn template(name: &str) -> Arc<ValidTemplate> {
    builtin::template(name).expect("a built-in template")
}

fn record_id(s: &str) -> RecordId {
    RecordId::new(s).expect("a valid literal record id")
}

/// Applies actions that are known to be valid for the built-in templates.
fn run(c: &mut Conversation, steps: Vec<(&str, Action)>) {
    for (time, action) in steps {
        if let Err(problem) = c.apply(action.clone(), at(time)) {
            panic!("sample action {action:?} failed: {problem}");
        }
    }
}

fn text(prompt: &str, text: &str) -> Action {
    Action::SetText {
        prompt: id(prompt),
        text: text.into(),
    }
}

fn rate(prompt: &str, outcome: &str, value: &str, reason: &str, by: &str) -> Action {
    Action::Rate {
        prompt: id(prompt),
        outcome: Some(id(outcome)),
        value: id(value),
        reason: reason.into(),
        by: id(by),
    }
}

/// The first conversation with Mr Duncan (a made-up person) on the `what-matters` template.
pub fn first_conversation() -> (Arc<ValidTemplate>, Record) {
    let template = template("what-matters");
    let mut c = Conversation::start(
        template.clone(),
        record_id("rec-duncan-1"),
        at("2026-09-01T10:00:00Z"),
    );
    run(
        &mut c,
        vec![
            (
                "2026-09-01T10:02:00Z",
                text(
                    "what-matters",
                    "Getting back to the bowling club on a Thursday. I miss the lads.",
                ),
            ),
            (
                "2026-09-01T10:03:00Z",
                text("why", "It's the only time I laugh all week"),
            ),
            (
                "2026-09-01T10:05:00Z",
                text("working-well", "My daughter Karen pops in most days"),
            ),
            (
                "2026-09-01T10:06:00Z",
                text(
                    "not-working",
                    "  The stairs. And the bus stop is too far since the fall ",
                ),
            ),
            (
                "2026-09-01T10:08:00Z",
                text(
                    "strengths",
                    "I was a joiner for 40 years, I can still fix things",
                ),
            ),
            (
                "2026-09-01T10:09:00Z",
                text("people", "Jean next door; Davie, the club secretary"),
            ),
            (
                "2026-09-01T10:10:00Z",
                Action::AddParticipant {
                    id: id("karen"),
                    role: Role::Family,
                    name: Some("Karen".into()),
                },
            ),
            (
                "2026-09-01T10:12:00Z",
                Action::AddOutcome {
                    id: id("bowling"),
                    words: "Go to the bowling club again, \"even just to watch\"".into(),
                    kind: OutcomeKind::Achieve,
                    tags: vec![id("seeing-people"), id("things-to-do")],
                },
            ),
            (
                "2026-09-01T10:13:00Z",
                Action::AddOutcome {
                    id: id("own-home"),
                    words: "Stay in my own home — I'm not moving".into(),
                    kind: OutcomeKind::Maintain,
                    tags: vec![id("living-as-you-want")],
                },
            ),
            (
                "2026-09-01T10:13:30Z",
                Action::SetOutcomeContributors {
                    outcome: id("own-home"),
                    contributors: vec![id("karen")],
                },
            ),
            (
                "2026-09-01T10:14:00Z",
                Action::AddOutcome {
                    id: id("stairs"),
                    words: "Manage the stairs without being scared".into(),
                    kind: OutcomeKind::Achieve,
                    tags: vec![id("feeling-safe"), id("mobility")],
                },
            ),
            (
                "2026-09-01T10:15:00Z",
                rate(
                    "now",
                    "bowling",
                    "not-met",
                    "Haven't been since March",
                    "person",
                ),
            ),
            (
                "2026-09-01T10:15:30Z",
                rate("now", "own-home", "met", "I'm managing fine", "person"),
            ),
            (
                "2026-09-01T10:15:40Z",
                rate(
                    "now",
                    "own-home",
                    "partly-met",
                    "Managing, with Karen doing a lot",
                    "practitioner",
                ),
            ),
            (
                "2026-09-01T10:16:00Z",
                rate(
                    "now",
                    "stairs",
                    "not-met",
                    "I go up on my backside some nights",
                    "person",
                ),
            ),
            (
                "2026-09-01T10:20:00Z",
                Action::AddAction {
                    id: id("phone-davie"),
                    what: "Phone Davie about a lift on Thursdays".into(),
                    who: "Mr Duncan".into(),
                    by_when: Date::parse("2026-09-10").ok(),
                    outcomes: vec![id("bowling")],
                },
            ),
            (
                "2026-09-01T10:21:00Z",
                Action::AddAction {
                    id: id("rail"),
                    what: "Look at a second rail for the stairs".into(),
                    who: "Sam (occupational therapist)".into(),
                    by_when: Date::parse("2026-10-31").ok(),
                    outcomes: vec![id("stairs"), id("own-home")],
                },
            ),
            ("2026-09-01T10:22:00Z", text("review", "In about 3 months")),
            (
                "2026-09-01T10:22:30Z",
                Action::SetNextReview {
                    date: Date::parse("2026-12-01").ok(),
                },
            ),
            (
                "2026-09-01T10:23:00Z",
                Action::SetConsent {
                    prompt: id("keep-record"),
                    given: true,
                    by: id("person"),
                },
            ),
            (
                "2026-09-01T10:24:00Z",
                Action::Complete { confirmed: false },
            ),
        ],
    );
    (template, c.record().clone())
}

/// The review, three months on, carrying the first conversation's outcomes and actions.
pub fn review() -> (Arc<ValidTemplate>, Record) {
    let (_, first) = first_conversation();
    let template = template("review");
    let mut c = Conversation::start_review(
        template.clone(),
        record_id("rec-duncan-2"),
        at("2026-12-02T14:00:00Z"),
        Arc::new(first),
    );
    run(
        &mut c,
        vec![
            (
                "2026-12-02T14:03:00Z",
                text(
                    "since",
                    "Davie picks me up now. Had a wee fall in November but nothing broken.",
                ),
            ),
            (
                "2026-12-02T14:05:00Z",
                rate(
                    "progress",
                    "bowling",
                    "met",
                    "Been every Thursday bar one",
                    "person",
                ),
            ),
            (
                "2026-12-02T14:06:00Z",
                rate("progress", "own-home", "met", "Still here", "person"),
            ),
            (
                "2026-12-02T14:06:30Z",
                rate(
                    "progress",
                    "own-home",
                    "met",
                    "Rail fitted; Karen says she worries less",
                    "practitioner",
                ),
            ),
            (
                "2026-12-02T14:07:00Z",
                rate(
                    "progress",
                    "stairs",
                    "not-met",
                    "The fall knocked my confidence",
                    "person",
                ),
            ),
            (
                "2026-12-02T14:08:00Z",
                text("helped", "Davie. And the rail."),
            ),
            ("2026-12-02T14:09:00Z", text("hindered", "=the fall")),
            (
                "2026-12-02T14:10:00Z",
                Action::SetActionDone {
                    action: id("phone-davie"),
                    done: true,
                },
            ),
            (
                "2026-12-02T14:10:30Z",
                Action::SetActionDone {
                    action: id("rail"),
                    done: true,
                },
            ),
            (
                "2026-12-02T14:12:00Z",
                Action::AddAction {
                    id: id("falls-class"),
                    what: "Try the falls prevention class at the leisure centre".into(),
                    who: "Mr Duncan, with Karen".into(),
                    by_when: Date::parse("2027-01-31").ok(),
                    outcomes: vec![id("stairs")],
                },
            ),
            ("2026-12-02T14:13:00Z", text("next-review", "March")),
            (
                "2026-12-02T14:13:10Z",
                Action::SetNextReview {
                    date: Date::parse("2027-03-02").ok(),
                },
            ),
            (
                "2026-12-02T14:13:30Z",
                Action::SetConsent {
                    prompt: id("keep-record"),
                    given: true,
                    by: id("person"),
                },
            ),
            (
                "2026-12-02T14:14:00Z",
                Action::Complete { confirmed: false },
            ),
        ],
    );
    (template, c.record().clone())
}

/// splitmix64: a fixed sequence of numbers from a seed. Not randomness: the same seed always
/// gives the same record.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const WORDS: &[&str] = &[
    "Get out to the shops on my own",
    "See my grandchildren more",
    "Keep my allotment going",
    "Sleep through the night",
    "Feel less lonely in the evenings",
    "Stay in my own flat",
    "Get back to swimming",
    "Cook a proper meal again",
    "Go to church on Sundays",
    "Manage my money without worrying",
];

const TAGS: &[&str] = &[
    "feeling-safe",
    "things-to-do",
    "seeing-people",
    "staying-well",
    "living-as-you-want",
    "confidence",
    "mobility",
];

const MET: &[&str] = &["not-met", "partly-met", "met", "no-longer-relevant"];
const GAS: &[&str] = &["much-less", "less", "expected", "more", "much-more"];

/// A synthetic record, `n` of a series: most on `what-matters`, every fifth on
/// `goal-attainment`. Valid against its built-in template (tests check it).
pub fn generated(n: u64) -> Record {
    let gas = n % 5 == 4;
    let template = template(if gas {
        "goal-attainment"
    } else {
        "what-matters"
    });
    let mut r = mix(n);
    let mut next = |m: usize| {
        r = mix(r);
        (r % m as u64) as usize
    };
    let day = 1 + next(28);
    let month = 1 + next(12);
    let created = at(&format!("2026-{month:02}-{day:02}T10:00:00Z"));
    let later = at(&format!("2026-{month:02}-{day:02}T11:30:00Z"));
    let mut record = Record::new(
        &template,
        record_id(&format!("gen-{n}")),
        created.clone(),
        Mode::Practitioner,
    );
    record.updated = later.clone();
    record.status = crate::Status::Complete;
    record.completed = Some(later.clone());
    let first_text = template
        .prompts()
        .find(|p| matches!(p.kind, crate::PromptKind::Text { .. }))
        .map_or_else(|| id("what-matters"), |p| p.id.clone());
    record.answers.insert(
        first_text,
        crate::Answer {
            text: WORDS[next(WORDS.len())].to_owned(),
            updated: created.clone(),
        },
    );
    let outcomes = 1 + next(4);
    for o in 0..outcomes {
        let oid = id(&format!("o{o}"));
        let mut ratings = Vec::new();
        let (scale, points) = if gas { ("gas", GAS) } else { ("met", MET) };
        for k in 0..next(4) {
            ratings.push(crate::Rating {
                scale: id(scale),
                value: Some(id(points[next(points.len())])),
                reason: if k % 2 == 0 {
                    "Better some days than others".to_owned()
                } else {
                    String::new()
                },
                by: id(if next(3) == 0 {
                    "practitioner"
                } else {
                    "person"
                }),
                at: later.clone(),
                prompt: Some(id(if gas { "attained" } else { "now" })),
                from: None,
            });
        }
        record.outcomes.push(crate::Outcome {
            id: oid,
            words: WORDS[next(WORDS.len())].to_owned(),
            tags: if gas {
                Vec::new()
            } else {
                vec![id(TAGS[next(TAGS.len())])]
            },
            contributors: Vec::new(),
            kind: if next(4) == 0 {
                OutcomeKind::Maintain
            } else {
                OutcomeKind::Achieve
            },
            weight: if gas { 1 + next(3) as u32 } else { 1 },
            added: created.clone(),
            carried_from: None,
            ratings,
        });
    }
    for a in 0..next(3) {
        record.actions.push(crate::AgreedAction {
            id: id(&format!("a{a}")),
            what: "Phone the community centre about the lunch club".to_owned(),
            who: "Me, with my son".to_owned(),
            by_when: Date::parse(format!("2026-{:02}-{:02}", 1 + next(12), 1 + next(28))).ok(),
            outcomes: vec![id(&format!("o{}", next(outcomes)))],
            added: created.clone(),
            done: (next(2) == 0).then(|| later.clone()),
            carried_from: None,
        });
    }
    record
}
