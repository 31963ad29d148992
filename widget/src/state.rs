//! The widget's reducer: a thin wrapper that feeds actions to `outcomes_core::Conversation`.
//!
//! The conversation is changed in place (behind a `RefCell`) rather than cloned per action, so a
//! keystroke costs the same in a long record as in a short one. The counters tell yew and the
//! effects what changed.

use std::cell::{Ref, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use outcomes_core::{Action, Conversation, Event, RecordId, Template, Timestamp};
use yew::Reducible;

#[derive(Debug)]
pub struct ConversationState {
    conversation: Rc<RefCell<Conversation>>,
    /// Bumped whenever the record changes: the host is told and the draft saved.
    pub record_revision: u64,
    /// Bumped whenever anything on screen changes.
    pub view_revision: u64,
    /// Bumped when the conversation is marked complete.
    pub completions: u64,
    /// Why the last action could not be applied, in plain words.
    pub problem: Option<String>,
}

/// What the widget asks of its state.
#[derive(Debug)]
pub enum Msg {
    /// An action with the time it happened (the core reads no clock; the shell passes it in).
    Apply { action: Action, now: Timestamp },
    /// Start over with another conversation (after "delete this conversation").
    Replace(Box<Conversation>),
}

impl ConversationState {
    pub fn start(template: Arc<Template>, id: RecordId, now: Timestamp) -> Self {
        Self::new(Conversation::start(template, id, now))
    }

    pub fn new(conversation: Conversation) -> Self {
        Self {
            conversation: Rc::new(RefCell::new(conversation)),
            record_revision: 0,
            view_revision: 0,
            completions: 0,
            problem: None,
        }
    }

    pub fn conversation(&self) -> Ref<'_, Conversation> {
        self.conversation.borrow()
    }
}

impl PartialEq for ConversationState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.conversation, &other.conversation)
            && self.view_revision == other.view_revision
    }
}

impl Reducible for ConversationState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let (action, now) = match msg {
            Msg::Apply { action, now } => (action, now),
            // The fresh record is saved (and the host told) on its first change, so a deletion
            // leaves nothing behind until the person says something new.
            Msg::Replace(conversation) => {
                return Rc::new(Self {
                    record_revision: self.record_revision,
                    view_revision: self.view_revision + 1,
                    completions: self.completions,
                    ..Self::new(*conversation)
                })
            }
        };
        let completing = action == Action::Complete;
        let result = self.conversation.borrow_mut().apply(action, now);
        let changed_record = matches!(result, Ok(Event::RecordChanged));
        match result {
            Ok(Event::Unchanged) if self.problem.is_none() => self,
            result => Rc::new(Self {
                conversation: Rc::clone(&self.conversation),
                record_revision: self.record_revision + u64::from(changed_record),
                view_revision: self.view_revision + 1,
                completions: self.completions + u64::from(changed_record && completing),
                problem: result.err().map(|problem| problem.to_string()),
            }),
        }
    }
}
