//! The one summary every screen and file shows: its content, and the whole page people keep.
//! Update snapshots with `UPDATE_EXPECT=1 cargo test -p outcomes-core`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use expect_test::expect_file;
use outcomes_core::export::summary;
use outcomes_core::summary::{Entry, Summary};
use outcomes_core::{sample, Mode, Named, Status};

#[test]
fn the_summary_keeps_every_answer_in_order_and_says_what_was_not_talked_about() {
    let (template, first) = sample::first_conversation();
    let s = Summary::of(&first, &template, "en", Mode::Practitioner);
    assert_eq!(s.title, "What matters to you");
    assert_eq!(s.stages.len(), template.sections.len());
    let people: Vec<&str> = s.people.iter().map(|p| p.role.name()).collect();
    assert_eq!(people, ["person", "practitioner", "family"]);
    let first_stage = &s.stages[0].entries;
    assert!(matches!(
        first_stage[0],
        Entry::Words {
            prompt: "What matters to you at the moment?",
            words: Some("Getting back to the bowling club on a Thursday. I miss the lads."),
            date: None,
        }
    ));
    // The question about next time carries the date agreed.
    let next = s
        .stages
        .iter()
        .flat_map(|s| &s.entries)
        .find_map(|e| match e {
            Entry::Words { date: Some(d), .. } => Some(d.as_str()),
            _ => None,
        });
    assert_eq!(next, Some("2026-12-01"));
    assert_eq!(s.outcomes.len(), 3);
    assert_eq!(s.outcomes[1].contributors[0].name, Some("Karen"));
    assert_eq!(s.outcomes[1].scales[0].views.len(), 2);
    assert_eq!(s.actions[1].outcomes.len(), 2);
    assert_eq!(s.status, Status::Complete);
    // Nothing said yet is said as such, not left out.
    let mut empty = first.clone();
    empty.answers.clear();
    let s = Summary::of(&empty, &template, "en", Mode::Practitioner);
    assert!(s.stages[0]
        .entries
        .iter()
        .all(|e| matches!(e, Entry::Words { words: None, .. })));
}

#[test]
fn on_their_own_the_person_reads_the_questions_put_to_them() {
    let (template, mut first) = sample::first_conversation();
    first
        .participants
        .retain(|p| p.role.name() != "practitioner");
    first.outcomes.iter_mut().for_each(|o| {
        o.ratings.retain(|r| r.by.as_str() == "person");
    });
    assert_eq!(Mode::of(&first), Mode::SelfCompletion);
    let text = summary::text(&first, &template, "en");
    assert!(!text.contains("practitioner"), "{text}");
}

#[test]
fn the_downloaded_summary_is_a_whole_printable_page() {
    let (template, review) = sample::review();
    let page = summary::document(&review, &template, "en", Some("Leith Community Support"));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>How are things going?: 2 December 2026</title>"));
    assert!(page.contains("@media print"));
    assert!(page.contains("<p class=\"organisation\">Leith Community Support</p>"));
    // One chart per scale, with the dates and the levels named and each person told apart.
    assert!(page.contains("<figure class=\"chart\">"));
    assert!(page.contains(">2 December 2026</text>"));
    assert!(page.contains(">Partly met</text>"));
    assert!(page.contains(">Your practitioner</text>"));
    assert!(!page.contains("style=\""), "no inline style attributes");
    assert!(!page.contains("<script"));
    expect_file!["snapshots/review.summary.page.html"].assert_eq(&page);
    // An organisation's name is text, never markup.
    let hostile = summary::document(
        &review,
        &template,
        "en",
        Some("<img src=x onerror=alert(1)>"),
    );
    assert!(hostile.contains("&lt;img src=x onerror=alert(1)&gt;"));
}
