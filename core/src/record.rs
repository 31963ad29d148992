//! Records: what the person said, in their own words, and where the conversation stands.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::id::{Id, RecordId};
use crate::template::Template;
use crate::time::Timestamp;

/// The record format this version of the library writes.
pub const RECORD_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format_version: u32,
    /// Made by the client when the conversation starts; never changes.
    pub id: RecordId,
    /// Which template (and which version of it) the record was made with.
    pub template: TemplateRef,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub status: Status,
    /// Answers by prompt id. Text is kept exactly as given: never trimmed, rewritten or dropped.
    #[serde(default)]
    pub answers: BTreeMap<Id, Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRef {
    pub id: Id,
    pub version: String,
    /// [`Template::content_hash`] of the template when the record was started.
    pub hash: String,
}

impl TemplateRef {
    pub fn of(template: &Template) -> Self {
        Self {
            id: template.id.clone(),
            version: template.version.clone(),
            hash: template.content_hash(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    Complete,
    Submitted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The person's words, verbatim.
    pub text: String,
    pub updated: Timestamp,
}

impl Record {
    /// A new, empty draft for `template`.
    pub fn new(template: &Template, id: RecordId, now: Timestamp) -> Self {
        Self {
            format_version: RECORD_FORMAT_VERSION,
            id,
            template: TemplateRef::of(template),
            created: now.clone(),
            updated: now,
            status: Status::Draft,
            answers: BTreeMap::new(),
        }
    }

    /// Reads a record; the error names the JSON path and position of the first problem.
    pub fn from_json(json: &str) -> Result<Self, LoadError> {
        crate::error::read_json("record", json)
    }

    /// The record as JSON, for events, storage and submission.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The text answer to a prompt, exactly as given.
    pub fn text(&self, prompt: &Id) -> Option<&str> {
        self.answers.get(prompt).map(|a| a.text.as_str())
    }
}
