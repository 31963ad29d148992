//! The outbox: records waiting to reach the organisation's endpoint, kept on this device so a
//! reload or a lost connection loses nothing, retried with growing pauses, and stopped with an
//! explanation when the endpoint refuses a record. Each finished revision of a record is an
//! entry of its own, sent with its own idempotency key, and a record's revisions go out in
//! order.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::submit::Attempt;

/// The first pause before retrying; it doubles with each failed attempt.
const FIRST_PAUSE_MS: f64 = 2_000.0;
/// The longest pause between attempts.
const LONGEST_PAUSE_MS: f64 = 5.0 * 60_000.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub record_id: String,
    /// Which revision of the record (entries saved before revisions were counted are 1).
    #[serde(default = "first")]
    pub revision: u32,
    /// The `Idempotency-Key` it is sent with ([`outcomes_core::Record::submission_key`]).
    #[serde(default)]
    pub key: String,
    /// The record JSON as it will be (or was) sent, exactly; empty once cleared from the
    /// device after sending (`clear-when-sent`).
    pub record: String,
    /// When it was put in the outbox (RFC 3339).
    pub queued: String,
    #[serde(flatten)]
    pub state: EntryState,
}

fn first() -> u32 {
    1
}

impl Entry {
    /// The key it is sent with; entries saved before revisions were counted used the record id.
    pub fn key(&self) -> &str {
        if self.key.is_empty() {
            &self.record_id
        } else {
            &self.key
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum EntryState {
    /// To be sent at `next_try` (milliseconds since 1970); `attempts` so far.
    Waiting {
        attempts: u32,
        next_try: f64,
        last_problem: Option<String>,
    },
    /// The endpoint took it.
    Sent { at: String },
    /// The endpoint refused it; not retried.
    Refused { status: u16, message: String },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutboxState {
    pub entries: Vec<Entry>,
    /// Bumped on every change, for saving.
    pub revision: u64,
}

#[derive(Debug)]
pub enum OutboxMsg {
    /// Queue a revision of a record (replacing a queued or refused copy of the same revision).
    Enqueue {
        record_id: String,
        revision: u32,
        key: String,
        record: String,
        queued: String,
        now_ms: f64,
    },
    /// The result of an attempt to send the entry with this key.
    Attempted {
        key: String,
        attempt: Attempt,
        at: String,
        now_ms: f64,
    },
    /// The conversation was deleted: forget every copy of it.
    Forget { record_id: String },
    /// The conversation was cleared from this device after sending: keep the lines, not the
    /// words.
    Clear { record_id: String },
    /// Time passed: re-check what is due.
    Tick,
    /// The browser is back online: what waits is due now.
    Online { now_ms: f64 },
}

impl OutboxState {
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        Ok(Self {
            entries: serde_json::from_str(json)?,
            revision: 0,
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.entries).unwrap_or_else(|_| "[]".to_owned())
    }

    /// The waiting entry to send next, and when (milliseconds since 1970). A record's later
    /// revision waits until its earlier ones have been sent or refused.
    pub fn next_due(&self) -> Option<(&Entry, f64)> {
        self.entries
            .iter()
            .filter_map(|entry| match entry.state {
                EntryState::Waiting { next_try, .. } => Some((entry, next_try)),
                _ => None,
            })
            .filter(|(entry, _)| {
                !self.entries.iter().any(|e| {
                    e.record_id == entry.record_id
                        && e.revision < entry.revision
                        && matches!(e.state, EntryState::Waiting { .. })
                })
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn apply(&mut self, msg: OutboxMsg) -> bool {
        match msg {
            OutboxMsg::Enqueue {
                record_id,
                revision,
                key,
                record,
                queued,
                now_ms,
            } => {
                let entry = Entry {
                    record_id,
                    revision,
                    key,
                    record,
                    queued,
                    state: EntryState::Waiting {
                        attempts: 0,
                        next_try: now_ms,
                        last_problem: None,
                    },
                };
                // A revision sent before stays listed as sent; a newer copy of the same
                // revision replaces one not sent yet.
                match self
                    .entries
                    .iter_mut()
                    .find(|e| e.key() == entry.key() && !matches!(e.state, EntryState::Sent { .. }))
                {
                    Some(existing) => *existing = entry,
                    None => self.entries.push(entry),
                }
                true
            }
            OutboxMsg::Attempted {
                key,
                attempt,
                at,
                now_ms,
            } => {
                let Some(entry) = self
                    .entries
                    .iter_mut()
                    .find(|e| e.key() == key && matches!(e.state, EntryState::Waiting { .. }))
                else {
                    return false;
                };
                let attempts = match entry.state {
                    EntryState::Waiting { attempts, .. } => attempts + 1,
                    _ => 1,
                };
                entry.state = match attempt {
                    Attempt::Accepted => EntryState::Sent { at },
                    Attempt::Refused { status, message } => EntryState::Refused { status, message },
                    Attempt::TryAgain(problem) => EntryState::Waiting {
                        attempts,
                        next_try: now_ms + pause_after(attempts),
                        last_problem: Some(problem),
                    },
                };
                true
            }
            OutboxMsg::Forget { record_id } => {
                let before = self.entries.len();
                self.entries.retain(|e| e.record_id != record_id);
                self.entries.len() != before
            }
            OutboxMsg::Clear { record_id } => {
                let mut changed = false;
                for entry in self.entries.iter_mut().filter(|e| {
                    e.record_id == record_id && matches!(e.state, EntryState::Sent { .. })
                }) {
                    changed |= !entry.record.is_empty();
                    entry.record.clear();
                }
                changed
            }
            OutboxMsg::Tick => true,
            OutboxMsg::Online { now_ms } => {
                for entry in &mut self.entries {
                    if let EntryState::Waiting { next_try, .. } = &mut entry.state {
                        *next_try = next_try.min(now_ms);
                    }
                }
                true
            }
        }
    }
}

/// The pause after `attempts` failed attempts: 2 s, 4 s, 8 s, … up to 5 minutes.
pub fn pause_after(attempts: u32) -> f64 {
    let doublings = attempts.saturating_sub(1).min(16);
    (FIRST_PAUSE_MS * f64::from(1u32 << doublings)).min(LONGEST_PAUSE_MS)
}

impl Reducible for OutboxState {
    type Action = OutboxMsg;

    fn reduce(self: Rc<Self>, msg: OutboxMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.apply(msg) {
            next.revision += 1;
            Rc::new(next)
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enqueue(state: &mut OutboxState, id: &str, now_ms: f64) {
        enqueue_revision(state, id, 1, now_ms);
    }

    fn enqueue_revision(state: &mut OutboxState, id: &str, revision: u32, now_ms: f64) {
        state.apply(OutboxMsg::Enqueue {
            record_id: id.into(),
            revision,
            key: format!("{id}#{revision}"),
            record: format!(r#"{{"id":"{id}","revision":{revision}}}"#),
            queued: "2026-11-26T10:00:00.000Z".into(),
            now_ms,
        });
    }

    fn attempt(state: &mut OutboxState, id: &str, attempt: Attempt, now_ms: f64) {
        attempt_revision(state, id, 1, attempt, now_ms);
    }

    fn attempt_revision(
        state: &mut OutboxState,
        id: &str,
        revision: u32,
        attempt: Attempt,
        now_ms: f64,
    ) {
        state.apply(OutboxMsg::Attempted {
            key: format!("{id}#{revision}"),
            attempt,
            at: "2026-11-26T10:00:05.000Z".into(),
            now_ms,
        });
    }

    #[test]
    fn pauses_double_up_to_five_minutes() {
        let pauses: Vec<f64> = (1..=10).map(pause_after).collect();
        assert_eq!(&pauses[..4], &[2_000.0, 4_000.0, 8_000.0, 16_000.0]);
        assert_eq!(pause_after(9), 300_000.0);
        assert_eq!(pause_after(u32::MAX), 300_000.0);
    }

    #[test]
    fn retries_then_sends_once() {
        let mut state = OutboxState::default();
        enqueue(&mut state, "r1", 1_000.0);
        assert_eq!(
            state.next_due().map(|(e, t)| (e.record_id.as_str(), t)),
            Some(("r1", 1_000.0))
        );
        attempt(
            &mut state,
            "r1",
            Attempt::TryAgain("offline".into()),
            1_000.0,
        );
        assert_eq!(state.next_due().map(|(_, t)| t), Some(3_000.0));
        attempt(
            &mut state,
            "r1",
            Attempt::TryAgain("the server answered 503".into()),
            3_000.0,
        );
        assert_eq!(state.next_due().map(|(_, t)| t), Some(7_000.0));
        attempt(&mut state, "r1", Attempt::Accepted, 7_000.0);
        assert_eq!(state.next_due(), None);
        assert!(matches!(state.entries[0].state, EntryState::Sent { .. }));
        assert_eq!(state.entries.len(), 1);
    }

    #[test]
    fn a_refusal_stops_retrying_and_keeps_the_record() {
        let mut state = OutboxState::default();
        enqueue(&mut state, "r1", 0.0);
        let refusal = Attempt::Refused {
            status: 422,
            message: "missing consent".into(),
        };
        attempt(&mut state, "r1", refusal, 0.0);
        assert_eq!(state.next_due(), None);
        assert_eq!(state.entries[0].record, r#"{"id":"r1","revision":1}"#);
        assert_eq!(
            state.entries[0].state,
            EntryState::Refused {
                status: 422,
                message: "missing consent".into()
            }
        );
    }

    #[test]
    fn survives_a_round_trip_through_storage() {
        let mut state = OutboxState::default();
        enqueue(&mut state, "r1", 5.0);
        enqueue(&mut state, "r2", 6.0);
        attempt(&mut state, "r2", Attempt::Accepted, 7.0);
        let back = OutboxState::from_json(&state.to_json()).unwrap();
        assert_eq!(back.entries, state.entries);
    }

    #[test]
    fn forgetting_a_deleted_record_removes_every_copy() {
        let mut state = OutboxState::default();
        enqueue(&mut state, "r1", 0.0);
        attempt(&mut state, "r1", Attempt::Accepted, 1.0);
        enqueue(&mut state, "r1", 2.0);
        enqueue(&mut state, "r2", 3.0);
        state.apply(OutboxMsg::Forget {
            record_id: "r1".into(),
        });
        let left: Vec<_> = state.entries.iter().map(|e| e.record_id.as_str()).collect();
        assert_eq!(left, ["r2"]);
    }

    /// The bug: a correction after sending was never sent. Each revision is an entry of its
    /// own with its own key, and revisions of one record go out in order.
    #[test]
    fn a_correction_is_queued_beside_the_sent_revision_and_sent_after_it() {
        let mut state = OutboxState::default();
        enqueue_revision(&mut state, "r1", 1, 0.0);
        enqueue_revision(&mut state, "r1", 2, 1.0);
        assert_eq!(state.entries.len(), 2);
        assert_eq!(
            state.next_due().map(|(e, _)| e.key()),
            Some("r1#1"),
            "revision 2 waits for revision 1"
        );
        attempt_revision(&mut state, "r1", 1, Attempt::Accepted, 2.0);
        assert_eq!(state.next_due().map(|(e, _)| e.key()), Some("r1#2"));
        attempt_revision(&mut state, "r1", 2, Attempt::Accepted, 3.0);
        assert_eq!(state.next_due(), None);
        let sent: Vec<&str> = state.entries.iter().map(Entry::key).collect();
        assert_eq!(sent, ["r1#1", "r1#2"]);
    }

    #[test]
    fn entries_saved_before_revisions_read_as_revision_one_keyed_by_the_record_id() {
        let old = r#"[{"record_id":"r1","record":"{}","queued":"2026-11-26T10:00:00.000Z","state":"sent","at":"2026-11-26T10:00:05.000Z"}]"#;
        let state = OutboxState::from_json(old).unwrap();
        assert_eq!(state.entries[0].revision, 1);
        assert_eq!(state.entries[0].key(), "r1");
    }

    #[test]
    fn clearing_after_sending_keeps_the_line_not_the_words() {
        let mut state = OutboxState::default();
        enqueue(&mut state, "r1", 0.0);
        attempt(&mut state, "r1", Attempt::Accepted, 1.0);
        state.apply(OutboxMsg::Clear {
            record_id: "r1".into(),
        });
        assert_eq!(state.entries.len(), 1);
        assert!(state.entries[0].record.is_empty());
        assert!(matches!(state.entries[0].state, EntryState::Sent { .. }));
    }

    #[test]
    fn queuing_a_record_again_replaces_the_unsent_copy() {
        let mut state = OutboxState::default();
        enqueue(&mut state, "r1", 0.0);
        enqueue(&mut state, "r1", 10.0);
        assert_eq!(state.entries.len(), 1);
        attempt(&mut state, "r1", Attempt::Accepted, 11.0);
        enqueue(&mut state, "r1", 20.0);
        assert_eq!(state.entries.len(), 2, "the sent copy stays listed");
    }
}
