//! Reading older formats. Every format version ever written stays readable: an older record is
//! upgraded step by step to [`RECORD_FORMAT_VERSION`] when it is read, and the person's words are
//! carried over unchanged.
//!
//! | record format | what changed |
//! |---|---|
//! | 1 | answers to text prompts only |
//! | 2 | participants, outcomes with rating history, agreed actions, choices, consent, reviews, removals |
//! | 3 | revisions (`revision`, `replaces`, `completed`), `next_review`, participants' `reference`, views being given (a rating's `value` may be left out) and carried views (`from`) |
//!
//! Upgrading 1 → 2 adds the two participants every format-1 conversation had (`person` and
//! `practitioner`) and the empty lists; answers are moved over byte for byte. Upgrading 2 → 3
//! makes the record revision 1; a finished one is taken as finished when it was last changed;
//! and views that a review carried forward (given before the review was created) say which
//! record they came from.

use crate::error::{read_json, LoadError};
use crate::record::{Participant, Record, Role, Status, RECORD_FORMAT_VERSION};

/// The oldest record format this library reads.
pub const OLDEST_RECORD_FORMAT: u32 = 1;

pub(crate) fn record_from_json(json: &str) -> Result<Record, LoadError> {
    // Natively, the fast path first: plain serde_json, read again to find the path only when
    // it fails (reports read millions of records). In wasm, one reader only: each is a copy of
    // every record type's deserialiser, and the bundle has a size budget.
    #[cfg(not(target_arch = "wasm32"))]
    let mut record: Record = match serde_json::from_str(json) {
        Ok(record) => record,
        Err(_) => read_json("record", json)?,
    };
    #[cfg(target_arch = "wasm32")]
    let mut record: Record = read_json("record", json)?;
    match record.format_version {
        RECORD_FORMAT_VERSION => {}
        1 => {
            upgrade_1_to_2(&mut record);
            upgrade_2_to_3(&mut record);
        }
        2 => upgrade_2_to_3(&mut record),
        v if v > RECORD_FORMAT_VERSION => {
            return Err(LoadError::at(
                "record",
                "format_version",
                format!(
                    "this record is format version {v}, newer than this library reads \
                     ({OLDEST_RECORD_FORMAT} to {RECORD_FORMAT_VERSION}): update the library"
                ),
            ))
        }
        v => {
            return Err(LoadError::at(
                "record",
                "format_version",
                format!(
                    "there is no record format version {v}: this library reads \
                     {OLDEST_RECORD_FORMAT} to {RECORD_FORMAT_VERSION}"
                ),
            ))
        }
    }
    Ok(record)
}

/// Format 1 had answers only. Everything a format-1 record holds is kept as it was.
fn upgrade_1_to_2(record: &mut Record) {
    record.format_version = 2;
    if record.participants.is_empty() {
        record.participants = vec![
            Participant::for_role(Role::Person),
            Participant::for_role(Role::Practitioner),
        ];
    }
}

/// Format 2 had no revisions and no way to tell carried views from new ones. (FHIR responses
/// written before format 3 are upgraded the same way.)
pub(crate) fn upgrade_2_to_3(record: &mut Record) {
    record.format_version = 3;
    record.revision = 1;
    if record.status != Status::Draft && record.completed.is_none() {
        record.completed = Some(record.updated.clone());
    }
    let created = record.created.clone();
    for outcome in &mut record.outcomes {
        if let Some(earlier) = &outcome.carried_from {
            for rating in outcome.ratings.iter_mut().filter(|r| r.at < created) {
                rating.from = Some(earlier.clone());
            }
        }
    }
}
