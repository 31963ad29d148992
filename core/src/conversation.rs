//! The conversation as a pure state machine over (template, record, position).
//!
//! Every change the widget can make is an [`Action`]; [`Conversation::apply`] checks it against
//! the template and applies it, or says why not. Time is passed in with each action. The
//! conversation also answers the questions a screen asks (who is at the keyboard, whose view can
//! be given, what is missing before finishing, what was said last time), so no shell works out
//! a rule of its own.

use std::fmt;
use std::sync::Arc;

use crate::id::{Id, RecordId};
use crate::names::Named;
use crate::record::{
    AgreedAction, Answer, Choice, Consent, Mode, Outcome, OutcomeKind, Participant, Rating, Record,
    Removal, Removed, Replaced, Role, Status,
};
use crate::template::{Prompt, PromptKind, Rates, Section, ValidTemplate};
use crate::time::{Date, Timestamp};

#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    template: Arc<ValidTemplate>,
    record: Record,
    /// Index of the section on screen; `sections.len()` is the summary at the end.
    position: usize,
    mode: Mode,
    /// The record a review is about, when it is at hand: what was said last time.
    earlier: Option<Arc<Record>>,
}

/// A change asked for by the person or practitioner. Ids of new things (outcomes, actions,
/// participants) are made by the caller, like the record id. Each field of a thing has its own
/// action, so a screen sends exactly what was changed.
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
    /// How a participant is named, exactly as typed (empty for no name).
    SetParticipantName {
        participant: Id,
        name: String,
    },
    /// The organisation's reference for a participant (empty for none).
    SetParticipantReference {
        participant: Id,
        reference: String,
    },
    /// Someone added by mistake is taken off the list; the removal is recorded. The person and
    /// the practitioner stay, and so does anyone whose view, consent or part in an outcome is
    /// in the record.
    RemoveParticipant {
        participant: Id,
        by: Id,
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
    /// Choose or unchoose one tag of the template's outcome sets. Tags are kept in the
    /// template's order; tags an outcome carried from another template keep their place.
    SetOutcomeTag {
        outcome: Id,
        tag: Id,
        chosen: bool,
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
    /// Weight for Goal Attainment Scaling (1 or more; see [`parse_weight`]).
    SetOutcomeWeight {
        outcome: Id,
        weight: u32,
    },
    /// Remove an outcome on purpose; the removal (not the words) is recorded.
    RemoveOutcome {
        outcome: Id,
        by: Id,
    },
    /// Give a whole view at a rating prompt at once: a point and why. Like the two actions
    /// below, it sets `by`'s view in this record (of `outcome` when the prompt rates outcomes,
    /// of the prompt itself otherwise); views from earlier records are kept as they were.
    Rate {
        prompt: Id,
        outcome: Option<Id>,
        value: Id,
        reason: String,
        by: Id,
    },
    /// Choose (or clear) the point of `by`'s view in this record. A view with a reason and no
    /// point is kept as it is.
    SetRatingValue {
        prompt: Id,
        outcome: Option<Id>,
        by: Id,
        value: Option<Id>,
    },
    /// Say why, in `by`'s words, exactly as given. A view with a point and no reason is kept
    /// as it is; a view with neither says nothing and is left out.
    SetRatingReason {
        prompt: Id,
        outcome: Option<Id>,
        by: Id,
        reason: String,
    },
    /// Agree an action: what, who, by when, for which outcomes.
    AddAction {
        id: Id,
        what: String,
        who: String,
        by_when: Option<Date>,
        outcomes: Vec<Id>,
    },
    /// What will be done, in the words agreed, exactly as given.
    SetActionWhat {
        action: Id,
        what: String,
    },
    /// Who will do it, as said.
    SetActionWho {
        action: Id,
        who: String,
    },
    SetActionByWhen {
        action: Id,
        by_when: Option<Date>,
    },
    /// Link an action to an outcome it works towards, or unlink it.
    SetActionOutcome {
        action: Id,
        outcome: Id,
        linked: bool,
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
    /// The date agreed for the next conversation (none to clear it).
    SetNextReview {
        date: Option<Date>,
    },
    /// Show the next section (or the summary after the last one).
    Next,
    /// Show the previous section.
    Back,
    /// Show a section by index; `sections.len()` shows the summary.
    GoTo(usize),
    /// Finish this revision. Unless `confirmed`, refused with [`Problem::Incomplete`] when
    /// something is missing ([`Conversation::missing`]), so it is asked about once.
    Complete {
        confirmed: bool,
    },
    /// The organisation's endpoint accepted this revision of the record.
    MarkSubmitted {
        revision: u32,
    },
}

impl Action {
    /// Whether the action changes what the record says (not where the conversation is, nor
    /// whether it is finished or sent). Such a change to a finished record starts its next
    /// revision.
    pub fn edits_record(&self) -> bool {
        !matches!(
            self,
            Action::Next
                | Action::Back
                | Action::GoTo(_)
                | Action::Complete { .. }
                | Action::MarkSubmitted { .. }
        )
    }
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

/// Something to say before finishing: what is missing, consent above all. Finishing is asked
/// about once; nothing is deleted or blocked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Nobody has answered whether the organisation may keep the record.
    Consent { prompt: Id },
    /// Keeping the record was refused: it will not be sent to the organisation.
    ConsentRefused { prompt: Id },
    /// Nothing has been said or chosen at all.
    NothingSaid,
    /// An outcome has no words yet.
    OutcomeWords { outcome: Id },
    /// A view has a reason but no point on the scale yet.
    RatingValue {
        prompt: Id,
        outcome: Option<Id>,
        by: Id,
    },
    /// An agreed action does not say what will be done.
    ActionWhat { action: Id },
}

impl Missing {
    /// A stable code for each kind, for catalogues and host pages.
    pub fn code(&self) -> &'static str {
        match self {
            Missing::Consent { .. } => "consent",
            Missing::ConsentRefused { .. } => "consent-refused",
            Missing::NothingSaid => "nothing-said",
            Missing::OutcomeWords { .. } => "outcome-words",
            Missing::RatingValue { .. } => "rating-value",
            Missing::ActionWhat { .. } => "action-what",
        }
    }

    /// The section where it can be put right.
    pub fn section(&self, template: &ValidTemplate) -> Option<usize> {
        let kind_at = |want: fn(&PromptKind) -> bool| {
            template
                .sections
                .iter()
                .position(|s| s.prompts.iter().any(|p| want(&p.kind)))
        };
        match self {
            Missing::Consent { prompt }
            | Missing::ConsentRefused { prompt }
            | Missing::RatingValue { prompt, .. } => template.section_of(prompt),
            Missing::NothingSaid => Some(0),
            Missing::OutcomeWords { .. } => kind_at(|k| matches!(k, PromptKind::Outcomes { .. })),
            Missing::ActionWhat { .. } => kind_at(|k| matches!(k, PromptKind::Actions)),
        }
    }
}

/// Why an action could not be applied. Nothing was changed. Each has a stable
/// [`Problem::code`] and its data, so a screen words it in its own language; `Display` gives
/// English for logs and native callers.
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
    /// Not a whole number from 1 (as given).
    NotAWeight(String),
    /// A conversation is about one person.
    OnePerson,
    /// The person and the practitioner always stay on the list, and nobody takes themselves
    /// off it (the removal names who made it).
    CannotRemove(Id),
    /// Their view, consent, removal or part in an outcome is in the record.
    HasSaid(Id),
    /// Finishing was asked without confirming what is missing.
    Incomplete(Vec<Missing>),
}

impl Problem {
    /// A stable code for each kind of problem, for catalogues and the `outcomes-error` event.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::UnknownPrompt(_) => "unknown-prompt",
            Problem::NotATextPrompt(_) => "not-a-text-prompt",
            Problem::NoSuchSection(_) => "no-such-section",
            Problem::WrongKind { .. } => "wrong-kind",
            Problem::UnknownOption { .. } => "unknown-option",
            Problem::OneOptionOnly(_) => "one-option-only",
            Problem::UnknownParticipant(_) => "unknown-participant",
            Problem::UnknownOutcome(_) => "unknown-outcome",
            Problem::UnknownAction(_) => "unknown-action",
            Problem::UnknownTag(_) => "unknown-tag",
            Problem::UnknownPoint { .. } => "unknown-point",
            Problem::IdInUse(_) => "id-in-use",
            Problem::OutcomeNeeded(_) => "outcome-needed",
            Problem::NoOutcomeHere(_) => "no-outcome-here",
            Problem::NotAWeight(_) => "not-a-weight",
            Problem::OnePerson => "one-person",
            Problem::CannotRemove(_) => "cannot-remove",
            Problem::HasSaid(_) => "has-said",
            Problem::Incomplete(_) => "incomplete",
        }
    }
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
            Problem::NotAWeight(given) => write!(
                f,
                "\"{given}\" is not a weight: use a whole number from 1 (1 for an ordinary goal)"
            ),
            Problem::OnePerson => f.write_str(
                "a conversation is about one person: add others as a carer, family or other",
            ),
            Problem::CannotRemove(id) => write!(
                f,
                "\"{id}\" cannot be taken off the list: the person and the practitioner always \
                 stay (change their name instead), and nobody takes themselves off"
            ),
            Problem::HasSaid(id) => write!(
                f,
                "\"{id}\" has a view, a consent or a part in an outcome in this record, so they \
                 stay on the list"
            ),
            Problem::Incomplete(missing) => {
                let codes: Vec<&str> = missing.iter().map(Missing::code).collect();
                write!(
                    f,
                    "before finishing: {} (finish with confirmed: true to go ahead)",
                    codes.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for Problem {}

/// Whether `rating` is this record's answer to `prompt` (on its `scale`): an outcome's view says
/// which prompt it answers (one recorded before format 3 goes by the scale alone); a prompt's
/// own ratings are kept under its id.
fn answers(rating: &Rating, prompt: &Id, scale: &Id, of_outcome: bool) -> bool {
    rating.given_here()
        && rating.scale == *scale
        && (!of_outcome || rating.prompt.as_ref().is_none_or(|p| p == prompt))
}

/// Reads a Goal Attainment Scaling weight as typed: a whole number from 1.
pub fn parse_weight(text: &str) -> Result<u32, Problem> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|weight| *weight >= 1)
        .ok_or_else(|| Problem::NotAWeight(text.to_owned()))
}

impl Conversation {
    /// Starts a new conversation between a practitioner and the person, with an empty draft.
    pub fn start(template: Arc<ValidTemplate>, id: RecordId, now: Timestamp) -> Self {
        Self::start_in(template, id, now, Mode::Practitioner)
    }

    /// Starts a new conversation in `mode`: on their own ([`Mode::SelfCompletion`]) the
    /// person is the only participant. (A review starts with [`Conversation::start_review`].)
    pub fn start_in(
        template: Arc<ValidTemplate>,
        id: RecordId,
        now: Timestamp,
        mode: Mode,
    ) -> Self {
        let record = Record::new(&template, id, now, mode);
        Self {
            template,
            record,
            position: 0,
            mode,
            earlier: None,
        }
    }

    /// Starts a review of `earlier`: a new record that links to it and carries forward its
    /// participants (the person's name and reference too), outcomes (with their whole rating
    /// history, each earlier view saying which record it came from) and actions.
    pub fn start_review(
        template: Arc<ValidTemplate>,
        id: RecordId,
        now: Timestamp,
        earlier: Arc<Record>,
    ) -> Self {
        let mut record = Record::new(&template, id, now, Mode::Review);
        record.reviews = Some(earlier.id.clone());
        for participant in &earlier.participants {
            match record
                .participants
                .iter_mut()
                .find(|p| p.id == participant.id)
            {
                Some(here) if here.role == Role::Person => *here = participant.clone(),
                Some(_) => {}
                None => record.participants.push(participant.clone()),
            }
        }
        record.outcomes = earlier
            .outcomes
            .iter()
            .map(|o| Outcome {
                carried_from: Some(earlier.id.clone()),
                ratings: o
                    .ratings
                    .iter()
                    .map(|r| Rating {
                        from: r.from.clone().or_else(|| Some(earlier.id.clone())),
                        ..r.clone()
                    })
                    .collect(),
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
            mode: Mode::Review,
            earlier: Some(earlier),
        }
    }

    /// Goes on with a record made earlier with this template. The mode is what the record
    /// shows (a review, or the person on their own without a practitioner) until
    /// [`Conversation::in_mode`] says otherwise.
    pub fn resume(template: Arc<ValidTemplate>, record: Record, position: usize) -> Self {
        let position = position.min(template.sections.len());
        let mode = Mode::of(&record);
        Self {
            template,
            record,
            position,
            mode,
            earlier: None,
        }
    }

    /// The same conversation, shown in `mode` (the host page's `mode` attribute).
    pub fn in_mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// The same conversation, with the earlier record it reviews at hand (for "last time").
    /// Ignored unless the record reviews `earlier`.
    pub fn with_earlier(mut self, earlier: Arc<Record>) -> Self {
        if self.record.reviews.as_ref() == Some(&earlier.id) {
            self.earlier = Some(earlier);
        }
        self
    }

    pub fn template(&self) -> &ValidTemplate {
        &self.template
    }

    /// The template, shared.
    pub fn shared_template(&self) -> &Arc<ValidTemplate> {
        &self.template
    }

    pub fn record(&self) -> &Record {
        &self.record
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn position(&self) -> usize {
        self.position
    }

    /// The section on screen, or `None` on the summary after the last one.
    pub fn section(&self) -> Option<&Section> {
        self.template.sections.get(self.position)
    }

    /// The section on screen, or the last one when on the summary. A valid template has at
    /// least one section.
    pub fn current_section(&self) -> &Section {
        let last = self.template.sections.len().saturating_sub(1);
        &self.template.sections[self.position.min(last)]
    }

    pub fn on_summary(&self) -> bool {
        self.position >= self.template.sections.len()
    }

    // --- Questions a screen asks ----------------------------------------------------------

    /// Whether the practitioner's notes are shown (not to the person on their own).
    pub fn shows_guidance(&self) -> bool {
        self.mode != Mode::SelfCompletion
    }

    /// A prompt's question in this mode and `lang`.
    pub fn prompt_text<'a>(&'a self, prompt: &'a Prompt, lang: &str) -> &'a str {
        self.template.prompt_text(prompt, self.mode, lang)
    }

    /// A prompt's hint in this mode and `lang`.
    pub fn prompt_hint<'a>(&'a self, prompt: &'a Prompt, lang: &str) -> Option<&'a str> {
        self.template.prompt_hint(prompt, self.mode, lang)
    }

    /// Who is at the keyboard, and so who removes an outcome or an action: the person on their
    /// own, otherwise the practitioner.
    pub fn actor(&self) -> Id {
        let role = if self.mode == Mode::SelfCompletion {
            Role::Person
        } else {
            Role::Practitioner
        };
        self.record
            .participants
            .iter()
            .find(|p| p.role == role)
            .or_else(|| self.record.participants.first())
            .map_or_else(|| Id::known(role.name()), |p| p.id.clone())
    }

    /// Whose view can be given and who can answer a consent: the person on their own, or
    /// everyone taking part, person first.
    pub fn voices(&self) -> Vec<&Participant> {
        let mut people: Vec<&Participant> = self.record.participants.iter().collect();
        if self.mode == Mode::SelfCompletion {
            people.retain(|p| p.role == Role::Person);
        }
        people.sort_by_key(|p| p.role);
        people
    }

    /// Whether a participant can be taken off the list ([`Action::RemoveParticipant`]): not the
    /// person or the practitioner, and not someone whose view, consent, removal or part in an
    /// outcome is in the record.
    pub fn may_remove(&self, participant: &Id) -> bool {
        self.record.participant(participant).is_some_and(|p| {
            !matches!(p.role, Role::Person | Role::Practitioner) && !self.has_said(participant)
        })
    }

    /// `by`'s view in this record at a rating prompt: of `outcome`, or of the prompt itself.
    pub fn view(&self, prompt: &Id, outcome: Option<&Id>, by: &Id) -> Option<&Rating> {
        let scale = self.rating_scale(prompt)?;
        self.ratings_of(prompt, outcome)
            .iter()
            .rev()
            .find(|r| answers(r, prompt, scale, outcome.is_some()) && &r.by == by)
    }

    /// The views given at earlier conversations on the prompt's scale, oldest first: for an
    /// outcome, those carried forward into this review.
    pub fn earlier_views(&self, prompt: &Id, outcome: Option<&Id>) -> Vec<&Rating> {
        let Some(scale) = self.rating_scale(prompt) else {
            return Vec::new();
        };
        self.ratings_of(prompt, outcome)
            .iter()
            .filter(|r| !r.given_here() && r.scale == *scale)
            .collect()
    }

    /// The record this one reviews, when it is at hand.
    pub fn earlier(&self) -> Option<&Record> {
        self.earlier.as_deref()
    }

    /// The record this one reviews, shared.
    pub fn shared_earlier(&self) -> Option<&Arc<Record>> {
        self.earlier.as_ref()
    }

    /// An outcome as the earlier record had it (its words last time).
    pub fn earlier_outcome(&self, outcome: &Id) -> Option<&Outcome> {
        self.earlier()?.outcome(outcome)
    }

    /// What is missing before finishing, consent first; empty when nothing is.
    pub fn missing(&self) -> Vec<Missing> {
        let record = &self.record;
        let mut missing = Vec::new();
        for prompt in self.template.prompts() {
            if let PromptKind::Consent {
                keeps_record: true, ..
            } = prompt.kind
            {
                let id = prompt.id.clone();
                match record.consent.get(&prompt.id) {
                    None => missing.push(Missing::Consent { prompt: id }),
                    Some(c) if !c.given => missing.push(Missing::ConsentRefused { prompt: id }),
                    Some(_) => {}
                }
            }
        }
        if !record.says_anything() {
            missing.push(Missing::NothingSaid);
            return missing;
        }
        for outcome in record.outcomes.iter().filter(|o| o.words.trim().is_empty()) {
            missing.push(Missing::OutcomeWords {
                outcome: outcome.id.clone(),
            });
        }
        let rating_prompts = self.template.prompts().filter_map(|p| match &p.kind {
            PromptKind::Rating { scale, rates } => Some((p, scale, *rates)),
            _ => None,
        });
        for (prompt, scale, rates) in rating_prompts {
            let unfinished = |ratings: &[Rating], outcome: Option<&Id>, out: &mut Vec<Missing>| {
                for r in ratings {
                    if r.given_here() && r.scale == *scale && r.value.is_none() {
                        out.push(Missing::RatingValue {
                            prompt: prompt.id.clone(),
                            outcome: outcome.cloned(),
                            by: r.by.clone(),
                        });
                    }
                }
            };
            match rates {
                Rates::Outcomes => {
                    for o in &record.outcomes {
                        unfinished(&o.ratings, Some(&o.id), &mut missing);
                    }
                }
                Rates::Prompt => {
                    let ratings = record.prompt_ratings.get(&prompt.id);
                    unfinished(ratings.map_or(&[], Vec::as_slice), None, &mut missing);
                }
            }
        }
        for action in record.actions.iter().filter(|a| a.what.trim().is_empty()) {
            missing.push(Missing::ActionWhat {
                action: action.id.clone(),
            });
        }
        missing
    }

    /// The summary of the conversation so far, in `lang`, worded for this mode.
    pub fn summary(&self, lang: &str) -> crate::summary::Summary<'_> {
        crate::summary::Summary::of(&self.record, &self.template, lang, self.mode)
    }

    /// The finished revision this draft changes, while the changes are not yet finished (and
    /// so not yet sent).
    pub fn unfinished_changes(&self) -> Option<&Replaced> {
        self.record
            .replaces
            .as_ref()
            .filter(|_| self.record.status == Status::Draft)
    }

    /// Whether the record may go to the organisation: not when keeping it was refused.
    pub fn may_send(&self) -> bool {
        !self.template.prompts().any(|p| {
            matches!(
                p.kind,
                PromptKind::Consent {
                    keeps_record: true,
                    ..
                }
            ) && self.record.consent.get(&p.id).is_some_and(|c| !c.given)
        })
    }

    // --- Changes --------------------------------------------------------------------------

    /// Applies one change. On `Err`, nothing was changed. A change to what a finished record
    /// says starts its next revision (a draft again, which replaces the finished one).
    pub fn apply(&mut self, action: Action, now: Timestamp) -> Result<Event, Problem> {
        let finished =
            (action.edits_record() && self.record.status != Status::Draft).then(|| Replaced {
                revision: self.record.revision,
                completed: self
                    .record
                    .completed
                    .clone()
                    .unwrap_or_else(|| self.record.updated.clone()),
            });
        let event = self.apply_inner(action, &now)?;
        if event == Event::RecordChanged {
            if let Some(replaced) = finished {
                self.record.revision = replaced.revision + 1;
                self.record.replaces = Some(replaced);
                self.record.status = Status::Draft;
                self.record.completed = None;
            }
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

    fn rating_scale(&self, prompt: &Id) -> Option<&Id> {
        match self.kind(prompt).ok()? {
            PromptKind::Rating { scale, .. } => Some(scale),
            _ => None,
        }
    }

    fn ratings_of(&self, prompt: &Id, outcome: Option<&Id>) -> &[Rating] {
        match outcome {
            Some(outcome) => self.record.outcome(outcome).map(|o| o.ratings.as_slice()),
            None => self.record.prompt_ratings.get(prompt).map(Vec::as_slice),
        }
        .unwrap_or(&[])
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
            Removed::Participant => self.record.participant(id).is_some(),
        } || self.record.was_removed(what, id);
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

    fn linked_outcomes(&self, outcomes: &[Id]) -> Result<Vec<Id>, Problem> {
        let mut out: Vec<Id> = Vec::with_capacity(outcomes.len());
        for outcome in outcomes {
            if self.record.outcome(outcome).is_none() {
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

    fn action_mut(&mut self, id: &Id) -> Result<&mut AgreedAction, Problem> {
        self.record
            .actions
            .iter_mut()
            .find(|a| &a.id == id)
            .ok_or_else(|| Problem::UnknownAction(id.clone()))
    }

    fn participant_mut(&mut self, id: &Id) -> Result<&mut Participant, Problem> {
        self.record
            .participants
            .iter_mut()
            .find(|p| &p.id == id)
            .ok_or_else(|| Problem::UnknownParticipant(id.clone()))
    }

    /// Whether the record holds anything said by, or credited to, `id`.
    fn has_said(&self, id: &Id) -> bool {
        let record = &self.record;
        record
            .outcomes
            .iter()
            .any(|o| o.contributors.contains(id) || o.ratings.iter().any(|r| &r.by == id))
            || record
                .prompt_ratings
                .values()
                .flatten()
                .any(|r| &r.by == id)
            || record.consent.values().any(|c| &c.by == id)
            || record.removed.iter().any(|r| &r.by == id)
    }

    /// Changes `by`'s view in this record at a rating prompt, creating it if needed. The view
    /// moves to the end of the history (the latest), stamped `now`; a view left with neither
    /// point nor reason is taken out, as it says nothing.
    fn change_view(
        &mut self,
        prompt: Id,
        outcome: Option<Id>,
        by: Id,
        now: &Timestamp,
        change: impl FnOnce(&mut Rating),
    ) -> Result<Event, Problem> {
        let PromptKind::Rating { scale, rates } = self.kind(&prompt)? else {
            return Err(Problem::WrongKind {
                prompt,
                expected: "a rating",
            });
        };
        let (scale, rates) = (scale.clone(), *rates);
        self.participant(&by)?;
        let ratings = match (rates, outcome) {
            (Rates::Outcomes, Some(outcome)) => &mut self.outcome_mut(&outcome)?.ratings,
            (Rates::Outcomes, None) => return Err(Problem::OutcomeNeeded(prompt)),
            (Rates::Prompt, Some(_)) => return Err(Problem::NoOutcomeHere(prompt)),
            (Rates::Prompt, None) => self
                .record
                .prompt_ratings
                .entry(prompt.clone())
                .or_default(),
        };
        let of_outcome = rates == Rates::Outcomes;
        let index = ratings
            .iter()
            .rposition(|r| answers(r, &prompt, &scale, of_outcome) && r.by == by);
        let before = index.map(|i| ratings[i].clone());
        let mut view = before.clone().unwrap_or_else(|| Rating {
            scale,
            value: None,
            reason: String::new(),
            by,
            at: now.clone(),
            prompt: of_outcome.then(|| prompt.clone()),
            from: None,
        });
        change(&mut view);
        let same = before
            .as_ref()
            .is_some_and(|b| b.value == view.value && b.reason == view.reason);
        let empty = view.value.is_none() && view.reason.is_empty();
        let event = if same || (before.is_none() && empty) {
            Event::Unchanged
        } else {
            if let Some(i) = index {
                ratings.remove(i);
            }
            if !empty {
                view.at = now.clone();
                ratings.push(view);
            }
            Event::RecordChanged
        };
        if rates == Rates::Prompt && ratings.is_empty() {
            self.record.prompt_ratings.remove(&prompt);
        }
        Ok(event)
    }

    fn check_point(&self, prompt: &Id, value: &Id) -> Result<(), Problem> {
        let PromptKind::Rating { scale, .. } = self.kind(prompt)? else {
            return Err(Problem::WrongKind {
                prompt: prompt.clone(),
                expected: "a rating",
            });
        };
        match self.template.scale(scale) {
            Some(s) if s.point(value).is_some() => Ok(()),
            _ => Err(Problem::UnknownPoint {
                scale: scale.clone(),
                value: value.clone(),
            }),
        }
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
                self.fresh(&id, Removed::Participant)?;
                if role == Role::Person && self.record.person().is_some() {
                    return Err(Problem::OnePerson);
                }
                // An empty name is no name (FHIR, for one, cannot carry an empty string).
                let name = name.filter(|n| !n.is_empty());
                self.record.participants.push(Participant {
                    id,
                    role,
                    name,
                    reference: None,
                });
                Ok(Event::RecordChanged)
            }
            Action::SetParticipantName { participant, name } => {
                let p = self.participant_mut(&participant)?;
                let name = Some(name).filter(|n| !n.is_empty());
                let yes = p.name != name;
                p.name = name;
                Ok(changed(yes))
            }
            Action::SetParticipantReference {
                participant,
                reference,
            } => {
                let p = self.participant_mut(&participant)?;
                let reference = Some(reference).filter(|r| !r.is_empty());
                let yes = p.reference != reference;
                p.reference = reference;
                Ok(changed(yes))
            }
            Action::RemoveParticipant { participant, by } => {
                self.participant(&by)?;
                let role = self
                    .record
                    .participant(&participant)
                    .map(|p| p.role)
                    .ok_or_else(|| Problem::UnknownParticipant(participant.clone()))?;
                if matches!(role, Role::Person | Role::Practitioner) || by == participant {
                    return Err(Problem::CannotRemove(participant));
                }
                if self.has_said(&participant) {
                    return Err(Problem::HasSaid(participant));
                }
                self.record.participants.retain(|p| p.id != participant);
                self.record.removed.push(Removal {
                    what: Removed::Participant,
                    id: participant,
                    by,
                    at: now.clone(),
                });
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
            Action::SetOutcomeTag {
                outcome,
                tag,
                chosen,
            } => {
                if self.template.tag(&tag).is_none() {
                    return Err(Problem::UnknownTag(tag));
                }
                let template = Arc::clone(&self.template);
                let o = self.outcome_mut(&outcome)?;
                if o.tags.contains(&tag) == chosen {
                    return Ok(Event::Unchanged);
                }
                // Tags this template does not know (carried from another) first, as they were;
                // then this template's, in its order.
                let mut tags: Vec<Id> = o
                    .tags
                    .iter()
                    .filter(|t| template.tag(t).is_none())
                    .cloned()
                    .collect();
                tags.extend(
                    template
                        .tag_ids()
                        .filter(|t| {
                            if **t == tag {
                                chosen
                            } else {
                                o.tags.contains(t)
                            }
                        })
                        .cloned(),
                );
                o.tags = tags;
                Ok(Event::RecordChanged)
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
                    return Err(Problem::NotAWeight(weight.to_string()));
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
                self.check_point(&prompt, &value)?;
                self.change_view(prompt, outcome, by, now, |view| {
                    view.value = Some(value);
                    view.reason = reason;
                })
            }
            Action::SetRatingValue {
                prompt,
                outcome,
                by,
                value,
            } => {
                if let Some(value) = &value {
                    self.check_point(&prompt, value)?;
                }
                self.change_view(prompt, outcome, by, now, |view| view.value = value)
            }
            Action::SetRatingReason {
                prompt,
                outcome,
                by,
                reason,
            } => self.change_view(prompt, outcome, by, now, |view| view.reason = reason),
            Action::AddAction {
                id,
                what,
                who,
                by_when,
                outcomes,
            } => {
                self.fresh(&id, Removed::Action)?;
                let outcomes = self.linked_outcomes(&outcomes)?;
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
            Action::SetActionWhat { action, what } => {
                let a = self.action_mut(&action)?;
                let yes = a.what != what;
                a.what = what;
                Ok(changed(yes))
            }
            Action::SetActionWho { action, who } => {
                let a = self.action_mut(&action)?;
                let yes = a.who != who;
                a.who = who;
                Ok(changed(yes))
            }
            Action::SetActionByWhen { action, by_when } => {
                let a = self.action_mut(&action)?;
                let yes = a.by_when != by_when;
                a.by_when = by_when;
                Ok(changed(yes))
            }
            Action::SetActionOutcome {
                action,
                outcome,
                linked,
            } => {
                if linked && self.record.outcome(&outcome).is_none() {
                    return Err(Problem::UnknownOutcome(outcome));
                }
                let a = self.action_mut(&action)?;
                if a.outcomes.contains(&outcome) == linked {
                    return Ok(Event::Unchanged);
                }
                if linked {
                    a.outcomes.push(outcome);
                } else {
                    a.outcomes.retain(|o| *o != outcome);
                }
                Ok(Event::RecordChanged)
            }
            Action::SetActionDone { action, done } => {
                let a = self.action_mut(&action)?;
                if a.done.is_some() == done {
                    return Ok(Event::Unchanged);
                }
                a.done = done.then(|| now.clone());
                Ok(Event::RecordChanged)
            }
            Action::RemoveAction { action, by } => {
                self.participant(&by)?;
                let index = self
                    .record
                    .actions
                    .iter()
                    .position(|a| a.id == action)
                    .ok_or_else(|| Problem::UnknownAction(action.clone()))?;
                self.record.actions.remove(index);
                self.record.removed.push(Removal {
                    what: Removed::Action,
                    id: action,
                    by,
                    at: now.clone(),
                });
                Ok(Event::RecordChanged)
            }
            Action::SetNextReview { date } => {
                let yes = self.record.next_review != date;
                self.record.next_review = date;
                Ok(changed(yes))
            }
            Action::Next => self.move_to((self.position + 1).min(self.template.sections.len())),
            Action::Back => self.move_to(self.position.saturating_sub(1)),
            Action::GoTo(index) => {
                if index > self.template.sections.len() {
                    return Err(Problem::NoSuchSection(index));
                }
                self.move_to(index)
            }
            Action::Complete { confirmed } => {
                if self.record.status != Status::Draft {
                    return Ok(Event::Unchanged);
                }
                let missing = self.missing();
                if !confirmed && !missing.is_empty() {
                    return Err(Problem::Incomplete(missing));
                }
                self.record.status = Status::Complete;
                // Never before the last change, even on a clock that went backwards.
                self.record.completed = Some(now.clone().max(self.record.updated.clone()));
                Ok(Event::RecordChanged)
            }
            Action::MarkSubmitted { revision } => {
                if self.record.status != Status::Complete || self.record.revision != revision {
                    return Ok(Event::Unchanged);
                }
                self.record.status = Status::Submitted;
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
