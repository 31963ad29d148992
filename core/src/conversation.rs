//! The conversation as a pure state machine over (template, record, position).
//!
//! Every change the widget can make is an [`Action`]; [`Conversation::apply`] checks it against
//! the template and applies it, or says why not. Time is passed in with each action.

use std::fmt;
use std::sync::Arc;

use crate::id::{Id, RecordId};
use crate::record::{
    AgreedAction, Answer, Choice, Consent, Outcome, OutcomeKind, Participant, Rating, Record,
    Removal, Removed, Role, Status,
};
use crate::template::{PromptKind, Rates, Section, Template};
use crate::time::{Date, Timestamp};

#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    template: Arc<Template>,
    record: Record,
    /// Index of the section on screen; `sections.len()` is the summary at the end.
    position: usize,
}

/// A change asked for by the person or practitioner. Ids of new things (outcomes, actions,
/// participants) are made by the caller, like the record id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Replace the text answer to a prompt with exactly this text.
    SetText {
        prompt: Id,
        text: String,
    },
    /// Choose these options of a choice prompt (none to clear the choice).
    SetChoice {
        prompt: Id,
        options: Vec<Id>,
    },
    /// Give or refuse consent to a consent prompt's statement.
    SetConsent {
        prompt: Id,
        given: bool,
        by: Id,
    },
    /// Someone else takes part (a carer, a family member).
    AddParticipant {
        id: Id,
        role: Role,
        name: Option<String>,
    },
    /// Add an outcome in the person's own words.
    AddOutcome {
        id: Id,
        words: String,
        kind: OutcomeKind,
        tags: Vec<Id>,
    },
    /// The person rewords an outcome: the new words replace the old, exactly as given.
    SetOutcomeWords {
        outcome: Id,
        words: String,
    },
    SetOutcomeTags {
        outcome: Id,
        tags: Vec<Id>,
    },
    SetOutcomeKind {
        outcome: Id,
        kind: OutcomeKind,
    },
    /// Who, besides the person, shaped this outcome (participant ids; none to clear).
    SetOutcomeContributors {
        outcome: Id,
        contributors: Vec<Id>,
    },
    /// Weight for Goal Attainment Scaling (1 or more).
    SetOutcomeWeight {
        outcome: Id,
        weight: u32,
    },
    /// Remove an outcome on purpose; the removal (not the words) is recorded.
    RemoveOutcome {
        outcome: Id,
        by: Id,
    },
    /// Add a rating at a rating prompt: of `outcome` when the prompt rates outcomes, of the
    /// prompt itself otherwise. Earlier ratings are kept.
    Rate {
        prompt: Id,
        outcome: Option<Id>,
        value: Id,
        reason: String,
        by: Id,
    },
    /// Agree an action: what, who, by when, for which outcomes.
    AddAction {
        id: Id,
        what: String,
        who: String,
        by_when: Option<Date>,
        outcomes: Vec<Id>,
    },
    /// Change what was agreed; the new words replace the old, exactly as given.
    EditAction {
        action: Id,
        what: String,
        who: String,
        by_when: Option<Date>,
        outcomes: Vec<Id>,
    },
    SetActionDone {
        action: Id,
        done: bool,
    },
    /// Remove an action on purpose; the removal (not the words) is recorded.
    RemoveAction {
        action: Id,
        by: Id,
    },
    /// Show the next section (or the summary after the last one).
    Next,
    /// Show the previous section.
    Back,
    /// Show a section by index; `sections.len()` shows the summary.
    GoTo(usize),
    /// Mark the conversation complete.
    Complete,
    /// Make a complete record a draft again, to add to it.
    Reopen,
    /// The record was accepted by the organisation's endpoint.
    MarkSubmitted,
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
    /// The prompt exists but takes another kind of answer.
    WrongKind {
        prompt: Id,
        expected: &'static str,
    },
    UnknownOption {
        prompt: Id,
        option: Id,
    },
    OneOptionOnly(Id),
    UnknownParticipant(Id),
    UnknownOutcome(Id),
    UnknownAction(Id),
    UnknownTag(Id),
    UnknownPoint {
        scale: Id,
        value: Id,
    },
    /// The id is taken (now or by something removed earlier): make a new one.
    IdInUse(Id),
    /// A prompt that rates outcomes needs the outcome; one that rates itself takes none.
    OutcomeNeeded(Id),
    NoOutcomeHere(Id),
    ZeroWeight,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownPrompt(id) => write!(f, "this template has no prompt \"{id}\""),
            Problem::NotATextPrompt(id) => write!(f, "prompt \"{id}\" does not take a text answer"),
            Problem::NoSuchSection(i) => write!(f, "there is no section number {}", i + 1),
            Problem::WrongKind { prompt, expected } => {
                write!(f, "prompt \"{prompt}\" is not {expected}")
            }
            Problem::UnknownOption { prompt, option } => {
                write!(f, "prompt \"{prompt}\" has no option \"{option}\"")
            }
            Problem::OneOptionOnly(prompt) => {
                write!(f, "prompt \"{prompt}\" takes one option only")
            }
            Problem::UnknownParticipant(id) => write!(
                f,
                "nobody called \"{id}\" takes part in this conversation: add them first"
            ),
            Problem::UnknownOutcome(id) => write!(f, "this record has no outcome \"{id}\""),
            Problem::UnknownAction(id) => write!(f, "this record has no action \"{id}\""),
            Problem::UnknownTag(id) => {
                write!(f, "the template's outcome sets have no tag \"{id}\"")
            }
            Problem::UnknownPoint { scale, value } => {
                write!(f, "the scale \"{scale}\" has no point \"{value}\"")
            }
            Problem::IdInUse(id) => write!(
                f,
                "the id \"{id}\" is already used in this record: make a new one"
            ),
            Problem::OutcomeNeeded(prompt) => {
                write!(f, "prompt \"{prompt}\" rates outcomes: say which outcome")
            }
            Problem::NoOutcomeHere(prompt) => write!(
                f,
                "prompt \"{prompt}\" rates its own statement, not an outcome"
            ),
            Problem::ZeroWeight => f.write_str("a weight must be 1 or more"),
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

    /// Starts a review of `earlier`: a new record that links to it and carries forward its
    /// participants, outcomes (with their whole rating history) and actions.
    pub fn start_review(
        template: Arc<Template>,
        id: RecordId,
        now: Timestamp,
        earlier: &Record,
    ) -> Self {
        let mut record = Record::new(&template, id, now);
        record.reviews = Some(earlier.id.clone());
        for participant in &earlier.participants {
            if record.participant(&participant.id).is_none() {
                record.participants.push(participant.clone());
            }
        }
        record.outcomes = earlier
            .outcomes
            .iter()
            .map(|o| Outcome {
                carried_from: Some(earlier.id.clone()),
                ..o.clone()
            })
            .collect();
        record.actions = earlier
            .actions
            .iter()
            .map(|a| AgreedAction {
                carried_from: Some(earlier.id.clone()),
                ..a.clone()
            })
            .collect();
        // Ids removed earlier stay taken, so a new outcome can never be mistaken for one.
        record.removed = earlier.removed.clone();
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

    /// Applies one change. On `Err`, nothing was changed.
    pub fn apply(&mut self, action: Action, now: Timestamp) -> Result<Event, Problem> {
        let event = self.apply_inner(action, &now)?;
        if event == Event::RecordChanged {
            self.touch(now);
        }
        Ok(event)
    }

    fn kind(&self, prompt: &Id) -> Result<&PromptKind, Problem> {
        self.template
            .prompt(prompt)
            .map(|p| &p.kind)
            .ok_or_else(|| Problem::UnknownPrompt(prompt.clone()))
    }

    fn participant(&self, by: &Id) -> Result<(), Problem> {
        match self.record.participant(by) {
            Some(_) => Ok(()),
            None => Err(Problem::UnknownParticipant(by.clone())),
        }
    }

    fn fresh(&self, id: &Id, what: Removed) -> Result<(), Problem> {
        let used = match what {
            Removed::Outcome => self.record.outcome(id).is_some(),
            Removed::Action => self.record.action(id).is_some(),
        } || self
            .record
            .removed
            .iter()
            .any(|r| r.what == what && &r.id == id);
        if used {
            Err(Problem::IdInUse(id.clone()))
        } else {
            Ok(())
        }
    }

    fn tags(&self, tags: &[Id]) -> Result<Vec<Id>, Problem> {
        let mut out: Vec<Id> = Vec::with_capacity(tags.len());
        for tag in tags {
            if self.template.tag(tag).is_none() {
                return Err(Problem::UnknownTag(tag.clone()));
            }
            if !out.contains(tag) {
                out.push(tag.clone());
            }
        }
        Ok(out)
    }

    fn linked_outcomes(&self, outcomes: &[Id], before: &[Id]) -> Result<Vec<Id>, Problem> {
        let mut out: Vec<Id> = Vec::with_capacity(outcomes.len());
        for outcome in outcomes {
            if self.record.outcome(outcome).is_none() && !before.contains(outcome) {
                return Err(Problem::UnknownOutcome(outcome.clone()));
            }
            if !out.contains(outcome) {
                out.push(outcome.clone());
            }
        }
        Ok(out)
    }

    fn outcome_mut(&mut self, id: &Id) -> Result<&mut Outcome, Problem> {
        self.record
            .outcomes
            .iter_mut()
            .find(|o| &o.id == id)
            .ok_or_else(|| Problem::UnknownOutcome(id.clone()))
    }

    fn action_index(&self, id: &Id) -> Result<usize, Problem> {
        self.record
            .actions
            .iter()
            .position(|a| &a.id == id)
            .ok_or_else(|| Problem::UnknownAction(id.clone()))
    }

    fn apply_inner(&mut self, action: Action, now: &Timestamp) -> Result<Event, Problem> {
        let changed = |yes: bool| {
            if yes {
                Event::RecordChanged
            } else {
                Event::Unchanged
            }
        };
        match action {
            Action::SetText { prompt, text } => {
                if !matches!(self.kind(&prompt)?, PromptKind::Text { .. }) {
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
                Ok(Event::RecordChanged)
            }
            Action::SetChoice { prompt, options } => {
                let PromptKind::Choice {
                    options: allowed,
                    multiple,
                } = self.kind(&prompt)?
                else {
                    return Err(Problem::WrongKind {
                        prompt,
                        expected: "a choice",
                    });
                };
                if let Some(option) = options
                    .iter()
                    .find(|o| !allowed.iter().any(|a| &a.id == *o))
                {
                    return Err(Problem::UnknownOption {
                        option: option.clone(),
                        prompt,
                    });
                }
                // Kept in the template's order, each once.
                let chosen: Vec<Id> = allowed
                    .iter()
                    .filter(|a| options.contains(&a.id))
                    .map(|a| a.id.clone())
                    .collect();
                if !multiple && chosen.len() > 1 {
                    return Err(Problem::OneOptionOnly(prompt));
                }
                if self.record.choices.get(&prompt).map(|c| &c.options) == Some(&chosen) {
                    return Ok(Event::Unchanged);
                }
                self.record.choices.insert(
                    prompt,
                    Choice {
                        options: chosen,
                        updated: now.clone(),
                    },
                );
                Ok(Event::RecordChanged)
            }
            Action::SetConsent { prompt, given, by } => {
                if !matches!(self.kind(&prompt)?, PromptKind::Consent { .. }) {
                    return Err(Problem::WrongKind {
                        prompt,
                        expected: "a consent statement",
                    });
                }
                self.participant(&by)?;
                let same = self
                    .record
                    .consent
                    .get(&prompt)
                    .is_some_and(|c| c.given == given && c.by == by);
                if same {
                    return Ok(Event::Unchanged);
                }
                self.record.consent.insert(
                    prompt,
                    Consent {
                        given,
                        by,
                        at: now.clone(),
                    },
                );
                Ok(Event::RecordChanged)
            }
            Action::AddParticipant { id, role, name } => {
                if self.record.participant(&id).is_some() {
                    return Err(Problem::IdInUse(id));
                }
                // An empty name is no name (FHIR, for one, cannot carry an empty string).
                let name = name.filter(|n| !n.is_empty());
                self.record
                    .participants
                    .push(Participant { id, role, name });
                Ok(Event::RecordChanged)
            }
            Action::AddOutcome {
                id,
                words,
                kind,
                tags,
            } => {
                self.fresh(&id, Removed::Outcome)?;
                let tags = self.tags(&tags)?;
                self.record.outcomes.push(Outcome {
                    id,
                    words,
                    tags,
                    kind,
                    contributors: Vec::new(),
                    weight: 1,
                    added: now.clone(),
                    carried_from: None,
                    ratings: Vec::new(),
                });
                Ok(Event::RecordChanged)
            }
            Action::SetOutcomeWords { outcome, words } => {
                let o = self.outcome_mut(&outcome)?;
                let yes = o.words != words;
                o.words = words;
                Ok(changed(yes))
            }
            Action::SetOutcomeTags { outcome, tags } => {
                let tags = self.tags(&tags)?;
                let o = self.outcome_mut(&outcome)?;
                let yes = o.tags != tags;
                o.tags = tags;
                // Retagged here, so checked against this template from now on.
                if yes {
                    o.carried_from = None;
                }
                Ok(changed(yes))
            }
            Action::SetOutcomeKind { outcome, kind } => {
                let o = self.outcome_mut(&outcome)?;
                let yes = o.kind != kind;
                o.kind = kind;
                Ok(changed(yes))
            }
            Action::SetOutcomeContributors {
                outcome,
                contributors,
            } => {
                let mut list: Vec<Id> = Vec::with_capacity(contributors.len());
                for c in contributors {
                    self.participant(&c)?;
                    if !list.contains(&c) {
                        list.push(c);
                    }
                }
                let o = self.outcome_mut(&outcome)?;
                let yes = o.contributors != list;
                o.contributors = list;
                Ok(changed(yes))
            }
            Action::SetOutcomeWeight { outcome, weight } => {
                if weight == 0 {
                    return Err(Problem::ZeroWeight);
                }
                let o = self.outcome_mut(&outcome)?;
                let yes = o.weight != weight;
                o.weight = weight;
                Ok(changed(yes))
            }
            Action::RemoveOutcome { outcome, by } => {
                self.participant(&by)?;
                let index = self
                    .record
                    .outcomes
                    .iter()
                    .position(|o| o.id == outcome)
                    .ok_or_else(|| Problem::UnknownOutcome(outcome.clone()))?;
                self.record.outcomes.remove(index);
                self.record.removed.push(Removal {
                    what: Removed::Outcome,
                    id: outcome,
                    by,
                    at: now.clone(),
                });
                Ok(Event::RecordChanged)
            }
            Action::Rate {
                prompt,
                outcome,
                value,
                reason,
                by,
            } => {
                let PromptKind::Rating { scale, rates } = self.kind(&prompt)? else {
                    return Err(Problem::WrongKind {
                        prompt,
                        expected: "a rating",
                    });
                };
                let (scale, rates) = (scale.clone(), *rates);
                let known = self
                    .template
                    .scale(&scale)
                    .is_some_and(|s| s.point(&value).is_some());
                if !known {
                    return Err(Problem::UnknownPoint { scale, value });
                }
                self.participant(&by)?;
                let rating = Rating {
                    scale,
                    value,
                    reason,
                    by,
                    at: now.clone(),
                };
                match (rates, outcome) {
                    (Rates::Outcomes, Some(outcome)) => {
                        self.outcome_mut(&outcome)?.ratings.push(rating);
                    }
                    (Rates::Outcomes, None) => return Err(Problem::OutcomeNeeded(prompt)),
                    (Rates::Prompt, Some(_)) => return Err(Problem::NoOutcomeHere(prompt)),
                    (Rates::Prompt, None) => {
                        self.record
                            .prompt_ratings
                            .entry(prompt)
                            .or_default()
                            .push(rating);
                    }
                }
                Ok(Event::RecordChanged)
            }
            Action::AddAction {
                id,
                what,
                who,
                by_when,
                outcomes,
            } => {
                self.fresh(&id, Removed::Action)?;
                let outcomes = self.linked_outcomes(&outcomes, &[])?;
                self.record.actions.push(AgreedAction {
                    id,
                    what,
                    who,
                    by_when,
                    outcomes,
                    added: now.clone(),
                    done: None,
                    carried_from: None,
                });
                Ok(Event::RecordChanged)
            }
            Action::EditAction {
                action,
                what,
                who,
                by_when,
                outcomes,
            } => {
                let index = self.action_index(&action)?;
                let before = self.record.actions[index].outcomes.clone();
                let outcomes = self.linked_outcomes(&outcomes, &before)?;
                let a = &mut self.record.actions[index];
                let yes = a.what != what
                    || a.who != who
                    || a.by_when != by_when
                    || a.outcomes != outcomes;
                a.what = what;
                a.who = who;
                a.by_when = by_when;
                a.outcomes = outcomes;
                Ok(changed(yes))
            }
            Action::SetActionDone { action, done } => {
                let index = self.action_index(&action)?;
                let a = &mut self.record.actions[index];
                if a.done.is_some() == done {
                    return Ok(Event::Unchanged);
                }
                a.done = done.then(|| now.clone());
                Ok(Event::RecordChanged)
            }
            Action::RemoveAction { action, by } => {
                self.participant(&by)?;
                let index = self.action_index(&action)?;
                self.record.actions.remove(index);
                self.record.removed.push(Removal {
                    what: Removed::Action,
                    id: action,
                    by,
                    at: now.clone(),
                });
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
            Action::Complete => Ok(self.set_status(Status::Complete)),
            Action::Reopen => Ok(self.set_status(Status::Draft)),
            Action::MarkSubmitted => Ok(self.set_status(Status::Submitted)),
        }
    }

    fn set_status(&mut self, status: Status) -> Event {
        if self.record.status == status {
            return Event::Unchanged;
        }
        self.record.status = status;
        Event::RecordChanged
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
