//! `outcomes-core`: the model behind personal outcomes conversations.
//!
//! A [`Template`] says what to talk about; a [`Record`] keeps what the person said, in their own
//! words; a [`Conversation`] is the pure state machine that turns [`Action`]s into changes of the
//! record. This crate does no I/O, reads no clock and no randomness: time and ids are passed in by
//! the caller (the widget, a server, a CLI), so every rule is testable natively.
//!
//! ```
//! use outcomes_core::{builtin, Action, Conversation, RecordId, Timestamp};
//!
//! let template = builtin::template("what-matters").expect("a built-in template");
//! let now = Timestamp::parse("2026-11-26T10:00:00Z").expect("a valid timestamp");
//! let id = RecordId::new("rec-1").expect("a valid id");
//! let mut conversation = Conversation::start(template, id, now.clone());
//! let prompt = conversation.current_section().prompts[0].id.clone();
//! conversation
//!     .apply(Action::SetText { prompt: prompt.clone(), text: "Seeing my grandson".into() }, now)
//!     .expect("the prompt exists");
//! assert_eq!(conversation.record().text(&prompt), Some("Seeing my grandson"));
//! ```

pub mod builtin;
pub mod chart;
mod conversation;
mod error;
pub mod export;
#[doc(hidden)]
pub mod fuzzing;
mod id;
pub mod migrate;
pub mod names;
pub mod picture;
mod record;
pub mod report;
pub mod sample;
#[cfg(any(test, feature = "schema"))]
pub mod schema;
pub mod suggest;
pub mod summary;
mod template;
pub mod text;
mod time;

pub use conversation::{parse_weight, Action, Conversation, Event, Missing, Problem};
pub use error::{LoadError, ValidationProblem};
pub use id::{Id, IdError, RecordId};
pub use names::Named;
pub use record::{
    AgreedAction, Answer, Choice, Consent, Fit, Mode, Outcome, OutcomeKind, Participant, Rating,
    Record, Removal, Removed, Replaced, Role, Status, TemplateRef, RECORD_FORMAT_VERSION,
};
pub use template::{
    ChoiceOption, OutcomeSet, OutcomeTag, Prompt, PromptKind, Rates, Scale, ScalePoint, Section,
    Template, TemplateError, TranslationStatus, ValidTemplate, TEMPLATE_FORMAT_VERSION,
};
pub use text::Text;
pub use time::{Date, DateError, Timestamp, TimestampError};
