//! Finishing and revisions: a change after finishing is a new revision that replaces the
//! finished one, never a silent edit of a record the organisation already has.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use outcomes_core::{
    sample, Action, Conversation, Event, Id, Missing, Problem, Record, Replaced, Status, Timestamp,
};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn finished() -> Conversation {
    let (template, record) = sample::first_conversation();
    Conversation::resume(template, record, 6)
}

#[test]
fn the_sample_is_revision_one_finished_when_completed() {
    let c = finished();
    let record = c.record();
    assert_eq!(record.revision, 1);
    assert_eq!(record.replaces, None);
    assert_eq!(record.status, Status::Complete);
    assert_eq!(record.completed, Some(at("2026-09-01T10:24:00Z")));
    assert_eq!(record.submission_key(), "rec-duncan-1#1");
}

/// The bug: after "Finish" and a successful POST, a correction was saved on the device with
/// status "submitted" and nothing sent it again.
#[test]
fn a_correction_after_sending_is_the_next_revision_and_a_draft_again() {
    let mut c = finished();
    c.apply(
        Action::MarkSubmitted { revision: 1 },
        at("2026-09-01T10:25:00Z"),
    )
    .unwrap();
    assert_eq!(c.record().status, Status::Submitted);
    let event = c
        .apply(
            Action::SetText {
                prompt: id("why"),
                text: "It's the only time I really laugh all week".into(),
            },
            at("2026-09-02T09:00:00Z"),
        )
        .unwrap();
    assert_eq!(event, Event::RecordChanged);
    let record = c.record();
    assert_eq!(record.revision, 2);
    assert_eq!(
        record.replaces,
        Some(Replaced {
            revision: 1,
            completed: at("2026-09-01T10:24:00Z")
        })
    );
    assert_eq!(record.status, Status::Draft);
    assert_eq!(record.completed, None);
    assert_eq!(record.submission_key(), "rec-duncan-1#2");
    assert_eq!(record.validate(), vec![]);
    // Only a real change starts a revision: moving about or the same words again do not.
    let before = c.record().clone();
    c.apply(Action::GoTo(0), at("2026-09-02T09:01:00Z"))
        .unwrap();
    assert_eq!(c.record(), &before);
    // Finishing again seals revision 2, which goes out on its own.
    c.apply(
        Action::Complete { confirmed: false },
        at("2026-09-02T09:02:00Z"),
    )
    .unwrap();
    assert_eq!(c.record().status, Status::Complete);
    // An acknowledgement of revision 1 arriving late changes nothing.
    assert_eq!(
        c.apply(
            Action::MarkSubmitted { revision: 1 },
            at("2026-09-02T09:03:00Z")
        ),
        Ok(Event::Unchanged)
    );
    c.apply(
        Action::MarkSubmitted { revision: 2 },
        at("2026-09-02T09:04:00Z"),
    )
    .unwrap();
    assert_eq!(c.record().status, Status::Submitted);
}

#[test]
fn a_change_while_waiting_to_be_sent_is_a_new_revision_too() {
    let mut c = finished();
    c.apply(
        Action::SetActionDone {
            action: id("rail"),
            done: true,
        },
        at("2026-09-03T09:00:00Z"),
    )
    .unwrap();
    assert_eq!(c.record().revision, 2);
    assert_eq!(c.record().status, Status::Draft);
}

/// The bug: "Finish" with no consent and no words sent an empty record.
#[test]
fn finishing_says_what_is_missing_consent_first_and_asks_once() {
    let (template, _) = sample::first_conversation();
    let mut c = Conversation::start(
        template,
        outcomes_core::RecordId::new("empty").unwrap(),
        at("2026-11-26T10:00:00Z"),
    );
    let err = c
        .apply(
            Action::Complete { confirmed: false },
            at("2026-11-26T10:01:00Z"),
        )
        .unwrap_err();
    assert_eq!(
        err,
        Problem::Incomplete(vec![
            Missing::Consent {
                prompt: id("keep-record")
            },
            Missing::NothingSaid
        ])
    );
    assert_eq!(c.record().status, Status::Draft, "nothing changed");
    assert_eq!(
        Missing::Consent {
            prompt: id("keep-record")
        }
        .section(c.template()),
        Some(5)
    );
    // Asked once: confirmed, it finishes; nothing is deleted or blocked.
    c.apply(
        Action::Complete { confirmed: true },
        at("2026-11-26T10:02:00Z"),
    )
    .unwrap();
    assert_eq!(c.record().status, Status::Complete);
}

#[test]
fn a_refused_consent_to_keep_the_record_means_it_is_not_sent() {
    let mut c = finished();
    assert!(c.may_send());
    c.apply(
        Action::SetConsent {
            prompt: id("keep-record"),
            given: false,
            by: id("person"),
        },
        at("2026-09-03T09:00:00Z"),
    )
    .unwrap();
    assert!(!c.may_send());
    assert_eq!(
        c.missing(),
        vec![Missing::ConsentRefused {
            prompt: id("keep-record")
        }]
    );
}

#[test]
fn older_finished_records_read_as_revision_one_finished_when_last_changed() {
    let json = include_str!("fixtures/record-v1.json");
    let record = Record::from_json(json).unwrap();
    assert_eq!(record.format_version, 3);
    assert_eq!(record.revision, 1);
    if record.status != Status::Draft {
        assert_eq!(record.completed.as_ref(), Some(&record.updated));
    }
}
