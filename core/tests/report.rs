//! Reports over many records: figures, the words behind them, and the three outputs.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use expect_test::expect_file;
use outcomes_core::report::{Change, Report};
use outcomes_core::{builtin, sample, Action, Conversation, Date, Id, RecordId, Timestamp};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn member_evaluation() -> outcomes_core::Record {
    let template = builtin::template("member-evaluation").unwrap();
    let mut c = Conversation::start(
        template,
        RecordId::new("member-1").unwrap(),
        at("2026-06-01T09:00:00Z"),
    );
    for (prompt, value, reason) in [
        ("listened-to", "mostly", "Less so in the big meetings"),
        ("valued", "completely", "People ask what I think"),
        ("confidence", "mostly", "I chair our team's reviews now"),
    ] {
        c.apply(
            Action::Rate {
                prompt: id(prompt),
                outcome: None,
                value: id(value),
                reason: reason.into(),
                by: id("person"),
            },
            at("2026-06-01T09:05:00Z"),
        )
        .unwrap();
    }
    c.record().clone()
}

fn report() -> Report {
    let mut report = Report::new(
        Report::builtin_templates(),
        Date::parse("2026-11-01").unwrap(),
        3,
    );
    let reviewed: Vec<RecordId> = [sample::review().1]
        .iter()
        .filter_map(|r| r.reviews.clone())
        .collect();
    report.superseded_by_reviews(reviewed);
    report.add(&sample::first_conversation().1);
    report.add(&sample::review().1);
    report.add(&member_evaluation());
    for n in 0..20 {
        report.add(&sample::generated(n));
    }
    report
}

#[test]
fn generated_records_are_valid_against_their_templates() {
    for n in 0..200 {
        let record = sample::generated(n);
        let template = builtin::template(record.template.id.as_str()).unwrap();
        assert_eq!(record.validate_against(&template), vec![], "record {n}");
    }
}

#[test]
fn figures_name_the_records_and_quote_the_words() {
    let report = report();
    assert_eq!(report.records, 22);
    assert_eq!(report.superseded, 1);
    let seeing = &report.outcomes_by_tag[&id("seeing-people")];
    let first = &seeing.evidence[0];
    assert_eq!(first.record.as_str(), "rec-duncan-2");
    assert_eq!(
        first.words,
        "Go to the bowling club again, \"even just to watch\""
    );
    // Bowling went from not met to met in the person's eyes.
    let improved = &report.change[&Change::Improved];
    assert!(improved
        .evidence
        .iter()
        .any(|e| e.record.as_str() == "rec-duncan-2" && e.words.contains("bowling club")));
    // Own home is about keeping things as they are: maintained.
    assert!(report.change[&Change::Maintained]
        .evidence
        .iter()
        .any(|e| e.item == Some(id("own-home"))));
    // As of 1 November 2026, the falls class (due January 2027) is open, not overdue.
    assert!(report
        .actions
        .open
        .evidence
        .iter()
        .any(|e| e.item == Some(id("falls-class"))));
    let process = &report.tagged_ratings[&id("member-evaluation")][&id("process")];
    assert_eq!(process[&id("listened-to")][&id("mostly")].count, 1);
    assert!(report.goal_attainment.records > 0);
}

#[test]
fn outputs_snapshot() {
    let report = report();
    expect_file!["snapshots/report.txt"].assert_eq(&report.to_table());
    expect_file!["snapshots/report.json"].assert_eq(&report.to_json());
    let svg = report.to_svg();
    expect_file!["snapshots/report.svg"].assert_eq(&svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
}

#[test]
fn memory_is_flat_in_the_number_of_records() {
    // The report's size depends on tags and points, not on how many records it has seen.
    let mut report = Report::new(
        Report::builtin_templates(),
        Date::parse("2026-11-01").unwrap(),
        2,
    );
    for n in 0..500 {
        report.add(&sample::generated(n));
    }
    let small = report.to_json().len();
    for n in 500..5_000 {
        report.add(&sample::generated(n));
    }
    let big = report.to_json().len();
    assert!(big < small + 200, "{small} -> {big}");
}

#[test]
fn goal_attainment_t_score_from_a_real_conversation() {
    let template = builtin::template("goal-attainment").unwrap();
    let now = at("2026-06-01T09:00:00Z");
    let mut c = Conversation::start(template, RecordId::new("gas-1").unwrap(), now.clone());
    for (goal, words, weight, value) in [
        ("g1", "Walk to the post office", 1, "more"),
        ("g2", "Make my own breakfast", 2, "expected"),
    ] {
        c.apply(
            Action::AddOutcome {
                id: id(goal),
                words: words.into(),
                kind: outcomes_core::OutcomeKind::Achieve,
                tags: vec![],
            },
            now.clone(),
        )
        .unwrap();
        c.apply(
            Action::SetOutcomeWeight {
                outcome: id(goal),
                weight,
            },
            now.clone(),
        )
        .unwrap();
        for (prompt, value) in [("baseline", "much-less"), ("attained", value)] {
            c.apply(
                Action::Rate {
                    prompt: id(prompt),
                    outcome: Some(id(goal)),
                    value: id(value),
                    reason: String::new(),
                    by: id("person"),
                },
                now.clone(),
            )
            .unwrap();
        }
    }
    let mut report = Report::new(
        Report::builtin_templates(),
        Date::parse("2026-07-01").unwrap(),
        5,
    );
    report.add(c.record());
    // T = 50 + 10·(1·1 + 2·0) / √(0.7·(1 + 4) + 0.3·(1 + 2)²) = 50 + 10/√6.2 ≈ 54.0
    let g = &report.goal_attainment;
    assert_eq!(g.records, 1);
    assert_eq!(g.mean_t, Some(54.0));
    assert_eq!(
        g.above_expected.evidence[0].words,
        "T = 54.0 over 2 goal(s)"
    );
    assert_eq!(report.change[&Change::Improved].count, 2);
}

#[test]
fn outcomes_roll_up_to_tag_groups() {
    let report = report();
    let process_or_change = &report.outcomes_by_group[&id("change")];
    // Manage the stairs is tagged feeling-safe (quality of life) and mobility (change).
    assert!(process_or_change
        .evidence
        .iter()
        .any(|e| e.item == Some(id("stairs"))));
    let quality = &report.outcomes_by_group[&id("quality-of-life")];
    assert!(quality.count >= 3);
}
