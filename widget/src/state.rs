//! The widget's reducer: a thin wrapper that feeds actions to `outcomes_core::Conversation`.
//!
//! The conversation is changed in place (behind a `RefCell`) rather than cloned per action, so a
//! keystroke costs the same in a long record as in a short one. The counters tell yew and the
//! effects what changed.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use outcomes_core::{Action, Conversation, Event, Problem, Timestamp};
use yew::Reducible;

#[derive(Debug)]
pub struct ConversationState {
    conversation: Rc<RefCell<Conversation>>,
    /// Bumped whenever the record changes here: the host is told and the record saved.
    pub record_revision: u64,
    /// Bumped whenever anything on screen changes.
    pub view_revision: u64,
    /// Bumped when the conversation is finished.
    pub completions: u64,
    /// Bumped when another conversation takes the screen (started, opened, or taken from
    /// another tab): effects keyed on the conversation run again.
    pub switches: u64,
    /// Why the last action could not be applied.
    pub problem: Option<Problem>,
}

/// What the widget asks of its state.
#[derive(Debug)]
pub enum Msg {
    /// An action with the time it happened (the core reads no clock; the shell passes it in).
    Apply { action: Action, now: Timestamp },
    /// Another conversation takes the screen: a new one, or one kept on this device. It is
    /// saved (and the host told) on its first change.
    Replace(Box<Conversation>),
    /// The same conversation as another tab saved it: shown, not saved again.
    Follow(Box<Conversation>),
    /// The problem was read; stop showing it.
    Dismiss,
}

impl ConversationState {
    pub fn new(conversation: Conversation) -> Self {
        Self {
            conversation: Rc::new(RefCell::new(conversation)),
            record_revision: 0,
            view_revision: 0,
            completions: 0,
            switches: 0,
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
            Msg::Replace(conversation) | Msg::Follow(conversation) => {
                return Rc::new(Self {
                    record_revision: self.record_revision,
                    view_revision: self.view_revision + 1,
                    completions: self.completions,
                    switches: self.switches + 1,
                    ..Self::new(*conversation)
                })
            }
            Msg::Dismiss if self.problem.is_none() => return self,
            Msg::Dismiss => {
                return Rc::new(Self {
                    conversation: Rc::clone(&self.conversation),
                    record_revision: self.record_revision,
                    view_revision: self.view_revision + 1,
                    completions: self.completions,
                    switches: self.switches,
                    problem: None,
                })
            }
        };
        let completing = matches!(action, Action::Complete { .. });
        let result = self.conversation.borrow_mut().apply(action, now);
        let changed_record = matches!(result, Ok(Event::RecordChanged));
        match result {
            Ok(Event::Unchanged) if self.problem.is_none() => self,
            result => Rc::new(Self {
                conversation: Rc::clone(&self.conversation),
                record_revision: self.record_revision + u64::from(changed_record),
                view_revision: self.view_revision + 1,
                completions: self.completions + u64::from(changed_record && completing),
                switches: self.switches,
                problem: result.err(),
            }),
        }
    }
}
