//! The conversation as a pure state machine over (template, record, position).
//!
//! Every change the widget can make is an [`Action`]; [`Conversation::apply`] checks it against
//! the template and applies it, or says why not. Time is passed in with each action.

use std::fmt;
use std::sync::Arc;

use crate::id::{Id, RecordId};
use crate::record::{Answer, Record, Status};
use crate::template::{PromptKind, Section, Template};
use crate::time::Timestamp;

#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    template: Arc<Template>,
    record: Record,
    /// Index of the section on screen; `sections.len()` is the summary at the end.
    position: usize,
}

/// A change asked for by the person or practitioner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Replace the text answer to a prompt with exactly this text.
    SetText { prompt: Id, text: String },
    /// Show the next section (or the summary after the last one).
    Next,
    /// Show the previous section.
    Back,
    /// Show a section by index; `sections.len()` shows the summary.
    GoTo(usize),
    /// Mark the conversation complete.
    Complete,
}

/// What an applied action changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The record changed: save it and tell the host page.
    RecordChanged,
    /// Only the position changed.
    Moved,
    /// Nothing changed (e.g. the same text again, or Back on the first section).
    Unchanged,
}

/// Why an action could not be applied. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    UnknownPrompt(Id),
    NotATextPrompt(Id),
    NoSuchSection(usize),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownPrompt(id) => write!(f, "this template has no prompt \"{id}\""),
            Problem::NotATextPrompt(id) => write!(f, "prompt \"{id}\" does not take a text answer"),
            Problem::NoSuchSection(i) => write!(f, "there is no section number {}", i + 1),
        }
    }
}

impl std::error::Error for Problem {}

impl Conversation {
    /// Starts a new conversation with an empty draft record.
    pub fn start(template: Arc<Template>, id: RecordId, now: Timestamp) -> Self {
        let record = Record::new(&template, id, now);
        Self {
            template,
            record,
            position: 0,
        }
    }

    /// Goes on with a record made earlier with this template.
    pub fn resume(template: Arc<Template>, record: Record, position: usize) -> Self {
        let position = position.min(template.sections.len());
        Self {
            template,
            record,
            position,
        }
    }

    pub fn template(&self) -> &Template {
        &self.template
    }

    pub fn record(&self) -> &Record {
        &self.record
    }

    pub fn position(&self) -> usize {
        self.position
    }

    /// The section on screen, or `None` on the summary after the last one.
    pub fn section(&self) -> Option<&Section> {
        self.template.sections.get(self.position)
    }

    /// The section on screen, or the last one when on the summary.
    pub fn current_section(&self) -> &Section {
        let last = self.template.sections.len().saturating_sub(1);
        &self.template.sections[self.position.min(last)]
    }

    pub fn on_summary(&self) -> bool {
        self.position >= self.template.sections.len()
    }

    pub fn apply(&mut self, action: Action, now: Timestamp) -> Result<Event, Problem> {
        match action {
            Action::SetText { prompt, text } => {
                let kind = &self
                    .template
                    .prompt(&prompt)
                    .ok_or_else(|| Problem::UnknownPrompt(prompt.clone()))?
                    .kind;
                if !matches!(kind, PromptKind::Text { .. }) {
                    return Err(Problem::NotATextPrompt(prompt));
                }
                if self.record.text(&prompt) == Some(text.as_str()) {
                    return Ok(Event::Unchanged);
                }
                self.record.answers.insert(
                    prompt,
                    Answer {
                        text,
                        updated: now.clone(),
                    },
                );
                self.touch(now);
                Ok(Event::RecordChanged)
            }
            Action::Next => self.move_to((self.position + 1).min(self.template.sections.len())),
            Action::Back => self.move_to(self.position.saturating_sub(1)),
            Action::GoTo(index) => {
                if index > self.template.sections.len() {
                    return Err(Problem::NoSuchSection(index));
                }
                self.move_to(index)
            }
            Action::Complete => {
                if self.record.status == Status::Complete {
                    return Ok(Event::Unchanged);
                }
                self.record.status = Status::Complete;
                self.touch(now);
                Ok(Event::RecordChanged)
            }
        }
    }

    fn move_to(&mut self, index: usize) -> Result<Event, Problem> {
        if index == self.position {
            return Ok(Event::Unchanged);
        }
        self.position = index;
        Ok(Event::Moved)
    }

    fn touch(&mut self, now: Timestamp) {
        // A clock that went backwards must not make `updated` earlier than `created`.
        if now > self.record.updated {
            self.record.updated = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn start() -> Conversation {
        let template = builtin::template("what-matters").unwrap();
        Conversation::start(
            template,
            RecordId::new("r1").unwrap(),
            at("2026-11-26T10:00:00Z"),
        )
    }

    #[test]
    fn keeps_text_verbatim_and_stamps_the_time() {
        let mut c = start();
        let prompt = c.current_section().prompts[0].id.clone();
        let words = "  Seeing my grandson — <b>every</b> week\n\n ";
        let event = c
            .apply(
                Action::SetText {
                    prompt: prompt.clone(),
                    text: words.into(),
                },
                at("2026-11-26T10:01:00Z"),
            )
            .unwrap();
        assert_eq!(event, Event::RecordChanged);
        assert_eq!(c.record().text(&prompt), Some(words));
        assert_eq!(c.record().updated, at("2026-11-26T10:01:00Z"));
        let again = c.apply(
            Action::SetText {
                prompt,
                text: words.into(),
            },
            at("2026-11-26T10:02:00Z"),
        );
        assert_eq!(again, Ok(Event::Unchanged));
    }

    #[test]
    fn refuses_unknown_prompts_and_changes_nothing() {
        let mut c = start();
        let before = c.clone();
        let err = c.apply(
            Action::SetText {
                prompt: Id::new("nope").unwrap(),
                text: "x".into(),
            },
            at("2026-11-26T10:01:00Z"),
        );
        assert_eq!(err, Err(Problem::UnknownPrompt(Id::new("nope").unwrap())));
        assert_eq!(c, before);
    }

    #[test]
    fn moves_between_sections_and_to_the_summary() {
        let mut c = start();
        let sections = c.template().sections.len();
        let now = at("2026-11-26T10:00:00Z");
        assert_eq!(c.apply(Action::Back, now.clone()), Ok(Event::Unchanged));
        for _ in 0..sections {
            assert_eq!(c.apply(Action::Next, now.clone()), Ok(Event::Moved));
        }
        assert!(c.on_summary());
        assert_eq!(c.apply(Action::Next, now.clone()), Ok(Event::Unchanged));
        assert_eq!(
            c.apply(Action::GoTo(sections + 1), now.clone()),
            Err(Problem::NoSuchSection(sections + 1))
        );
        assert_eq!(c.apply(Action::GoTo(0), now), Ok(Event::Moved));
    }

    #[test]
    fn a_clock_going_backwards_never_makes_updated_earlier() {
        let mut c = start();
        let prompt = c.current_section().prompts[0].id.clone();
        c.apply(
            Action::SetText {
                prompt,
                text: "x".into(),
            },
            at("2026-11-26T09:00:00Z"),
        )
        .unwrap();
        assert_eq!(c.record().updated, at("2026-11-26T10:00:00Z"));
    }
}
