//! Records: what the person said, in their own words, and where the conversation stands.
//!
//! A record is versioned JSON ([`RECORD_FORMAT_VERSION`]). Older formats are read and upgraded by
//! [`Record::from_json`] (see [`crate::migrate`]); the person's words are never changed on the way.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{LoadError, ValidationProblem};
use crate::id::{Id, RecordId};
use crate::names::{named_enum, Named};
use crate::template::{unknown, PromptKind, Rates, Template};
use crate::time::{Date, Timestamp};

/// The record format this version of the library writes. Formats 1 (answers only) and 2
/// (before revisions) are upgraded when read.
pub const RECORD_FORMAT_VERSION: u32 = 3;

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format_version: u32,
    /// Made by the client when the conversation starts; never changes.
    pub id: RecordId,
    /// Which version of the conversation this is: 1 until it is finished, then one more each
    /// time it is changed after being finished. Each finished revision is sent on its own, with
    /// [`Record::submission_key`] as its idempotency key, so a server keeps every revision.
    #[serde(default = "first_revision")]
    pub revision: u32,
    /// The finished revision this one changes (none for the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Replaced>,
    /// Which template (and which version of it) the record was made with.
    pub template: TemplateRef,
    /// The earlier record this one reviews; its outcomes and actions were carried forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<RecordId>,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// When this revision was finished; none while it is a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Timestamp>,
    pub status: Status,
    /// Who took part. A new record has `person` and, unless the person is on their own,
    /// `practitioner`.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Text answers by prompt id. Text is kept exactly as given: never trimmed, rewritten or
    /// dropped.
    #[serde(default)]
    pub answers: BTreeMap<Id, Answer>,
    /// Choice answers by prompt id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<Id, Choice>,
    /// What the person wants to achieve or keep, in their own words.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Ratings of prompts that rate themselves (`"rates": "prompt"`), by prompt id, oldest first.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prompt_ratings: BTreeMap<Id, Vec<Rating>>,
    /// Who will do what, by when.
    #[serde(default)]
    pub actions: Vec<AgreedAction>,
    /// Consent given or refused, by prompt id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub consent: BTreeMap<Id, Consent>,
    /// The date agreed for the next conversation about how things are going, if any (the words
    /// said about it are the answer to the template's `next-review` prompt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
    /// Outcomes and actions removed on purpose: what, when and by whom (not the words).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Removal>,
}

fn first_revision() -> u32 {
    1
}

/// The finished revision a later one changes.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replaced {
    pub revision: u32,
    /// When that revision was finished.
    pub completed: Timestamp,
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
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

/// How a saved record fits a template it is about to be opened with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    /// Made with this very template.
    Same,
    /// Made with another version of this template: it opens, and answers to prompts the
    /// template no longer has stay in the record (summaries show them as "also said").
    OtherVersion { version: String },
    /// Made with another template altogether.
    OtherTemplate { template: Id },
}

named_enum! {
    /// Where the record stands.
    pub enum Status {
        /// Being written; not finished.
        Draft = "draft",
        /// Finished on the device (and, with an endpoint, queued to be sent).
        Complete = "complete",
        /// The organisation's endpoint accepted this revision.
        Submitted = "submitted",
    }
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The person's words, verbatim.
    pub text: String,
    pub updated: Timestamp,
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Ids of the options chosen, in the order of the template.
    pub options: Vec<Id>,
    pub updated: Timestamp,
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Short id used in `by` fields, e.g. `person`, `practitioner`, `daughter`.
    pub id: Id,
    pub role: Role,
    /// How they want to be named, if at all (data minimisation: optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The organisation's reference for them (a case or staff number), if it uses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

named_enum! {
    /// What part someone plays in the conversation. Sorted person first.
    pub enum Role {
        /// The person the conversation is about.
        Person = "person",
        Practitioner = "practitioner",
        /// An unpaid carer.
        Carer = "carer",
        /// A family member or friend.
        Family = "family",
        Other = "other",
    }
}

named_enum! {
    /// Whether an outcome is about changing something or keeping it as it is.
    #[derive(Default)]
    pub enum OutcomeKind {
        #[default]
        Achieve = "achieve",
        Maintain = "maintain",
    }
}

named_enum! {
    /// Who leads the conversation (the widget's `mode` attribute).
    #[derive(Default)]
    pub enum Mode {
        /// A practitioner and the person together (the default).
        #[default]
        Practitioner = "practitioner",
        /// The person on their own: every text speaks to them, every view is theirs.
        SelfCompletion = "self",
        /// A later conversation about an earlier record, carried forward.
        Review = "review",
    }
}

impl Mode {
    /// The mode a record was made in: a review, the person on their own (no practitioner took
    /// part), or a practitioner with the person.
    pub fn of(record: &Record) -> Mode {
        if record.reviews.is_some() {
            Mode::Review
        } else if record.practitioner().is_none() {
            Mode::SelfCompletion
        } else {
            Mode::Practitioner
        }
    }
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Made by the client; stable across reviews.
    pub id: Id,
    /// The person's words, verbatim.
    pub words: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Id>,
    #[serde(default)]
    pub kind: OutcomeKind,
    /// The participants who shaped this outcome with the person (a carer, a daughter), when
    /// it is more than the person's alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<Id>,
    /// Weight for Goal Attainment Scaling T-scores (default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: u32,
    pub added: Timestamp,
    /// The record this outcome was carried forward from, in a review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<RecordId>,
    /// Every rating ever given, oldest first; the person's and the practitioner's side by side.
    #[serde(default)]
    pub ratings: Vec<Rating>,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// One participant's view at one conversation: a point on a scale and why. Either part may be
/// missing while the view is being given (a reason with no point yet, or a point with no
/// reason); both are kept as they are.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The scale (by id).
    pub scale: Id,
    /// The point on it (by id); none while only the reason has been given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Id>,
    /// Why, in the rater's words; a rating summarises the story, it never replaces it.
    #[serde(default)]
    pub reason: String,
    /// The participant who rated.
    pub by: Id,
    pub at: Timestamp,
    /// The prompt an outcome's view answers (a template may ask about outcomes on one scale
    /// twice, e.g. a baseline and what was attained); none for a prompt's own ratings, which
    /// are kept under its id, and for views recorded before format 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Id>,
    /// The earlier record this view was given in, for views carried forward into a review;
    /// none for views given in this record (which can still be changed while it is open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<RecordId>,
}

impl Rating {
    /// Whether this view was given in the record that holds it (not carried from an earlier
    /// one).
    pub fn given_here(&self) -> bool {
        self.from.is_none()
    }
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreedAction {
    pub id: Id,
    /// What will be done, in the words agreed.
    pub what: String,
    /// Who will do it, as said ("me", "Jean next door", "the OT").
    pub who: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_when: Option<Date>,
    /// The outcomes this action works towards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Id>,
    pub added: Timestamp,
    /// When it was marked done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<RecordId>,
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub given: bool,
    pub by: Id,
    pub at: Timestamp,
}

/// An outcome or action removed on purpose. The words themselves are gone.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub what: Removed,
    pub id: Id,
    pub by: Id,
    pub at: Timestamp,
}

named_enum! {
    /// What kind of thing was removed.
    pub enum Removed {
        Outcome = "outcome",
        Action = "action",
        Participant = "participant",
    }
}

impl Participant {
    pub fn new(id: &str, role: Role) -> Option<Self> {
        Some(Self {
            id: Id::new(id).ok()?,
            role,
            name: None,
            reference: None,
        })
    }

    /// The participant a new record starts with for `role`, with the role's name as its id
    /// (`person`, `practitioner`).
    pub fn for_role(role: Role) -> Self {
        Self {
            id: Id::known(role.name()),
            role,
            name: None,
            reference: None,
        }
    }
}

impl Record {
    /// A new, empty draft for `template`, with a `person` and a `practitioner` taking part
    /// (only the person when they are on their own, in [`Mode::SelfCompletion`]).
    pub fn new(template: &Template, id: RecordId, now: Timestamp, mode: Mode) -> Self {
        let mut participants = vec![Participant::for_role(Role::Person)];
        if mode != Mode::SelfCompletion {
            participants.push(Participant::for_role(Role::Practitioner));
        }
        Self {
            format_version: RECORD_FORMAT_VERSION,
            id,
            revision: 1,
            replaces: None,
            template: TemplateRef::of(template),
            reviews: None,
            created: now.clone(),
            updated: now,
            completed: None,
            status: Status::Draft,
            participants,
            answers: BTreeMap::new(),
            choices: BTreeMap::new(),
            outcomes: Vec::new(),
            prompt_ratings: BTreeMap::new(),
            actions: Vec::new(),
            consent: BTreeMap::new(),
            next_review: None,
            removed: Vec::new(),
        }
    }

    /// The `Idempotency-Key` this revision is sent with: the record id, `#`, and the revision
    /// number (`3f2a…#1`, then `3f2a…#2` for a correction). A server that stores a record once
    /// per key keeps every revision, and a retried submission of one revision stores nothing new.
    pub fn submission_key(&self) -> String {
        format!("{}#{}", self.id, self.revision)
    }

    /// How this record fits `template`: made with it, with another version of it, or with
    /// another template.
    pub fn fit(&self, template: &Template) -> Fit {
        if self.template.id != template.id {
            Fit::OtherTemplate {
                template: self.template.id.clone(),
            }
        } else if self.template.version == template.version
            && self.template.hash == template.content_hash()
        {
            Fit::Same
        } else {
            Fit::OtherVersion {
                version: self.template.version.clone(),
            }
        }
    }

    /// The person the conversation is about.
    pub fn person(&self) -> Option<&Participant> {
        self.participants.iter().find(|p| p.role == Role::Person)
    }

    /// The practitioner who held the conversation, if one took part.
    pub fn practitioner(&self) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.role == Role::Practitioner)
    }

    /// Whether anything at all has been said or chosen: words, outcomes, actions, views,
    /// choices or consent.
    pub fn says_anything(&self) -> bool {
        self.answers.values().any(|a| !a.text.trim().is_empty())
            || !self.outcomes.is_empty()
            || !self.actions.is_empty()
            || !self.choices.is_empty()
            || !self.consent.is_empty()
            || self.prompt_ratings.values().any(|r| !r.is_empty())
            || self.next_review.is_some()
    }

    /// Reads a record of any known format, upgrading older ones; the error names the JSON path
    /// and position of the first problem.
    pub fn from_json(json: &str) -> Result<Self, LoadError> {
        crate::migrate::record_from_json(json)
    }

    /// The record as JSON, for events, storage and submission.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The record as canonical JSON: keys sorted, no spaces, so equal records give equal bytes.
    pub fn to_canonical_json(&self) -> String {
        crate::export::canonical_json(self)
    }

    /// The text answer to a prompt, exactly as given.
    pub fn text(&self, prompt: &Id) -> Option<&str> {
        self.answers.get(prompt).map(|a| a.text.as_str())
    }

    pub fn outcome(&self, id: &Id) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| &o.id == id)
    }

    pub fn action(&self, id: &Id) -> Option<&AgreedAction> {
        self.actions.iter().find(|a| &a.id == id)
    }

    pub fn participant(&self, id: &Id) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }

    pub(crate) fn was_removed(&self, what: Removed, id: &Id) -> bool {
        self.removed.iter().any(|r| r.what == what && &r.id == id)
    }

    /// Every rule of the record format this record breaks, each with its JSON path. Use
    /// [`Record::validate_against`] to check it against its template as well.
    pub fn validate(&self) -> Vec<ValidationProblem> {
        let mut problems = Vec::new();
        if self.format_version != RECORD_FORMAT_VERSION {
            problems.push(ValidationProblem::new(
                "format_version",
                format!(
                    "this library writes record format version {RECORD_FORMAT_VERSION}, not {}: \
                     read the record with Record::from_json to upgrade it",
                    self.format_version
                ),
            ));
        }
        if self.updated < self.created {
            problems.push(ValidationProblem::new(
                "updated",
                "the record was updated before it was created: check the clock that made it",
            ));
        }
        if self.revision == 0 {
            problems.push(ValidationProblem::new(
                "revision",
                "revisions are counted from 1: the first version of a record is revision 1",
            ));
        }
        match &self.replaces {
            Some(replaced) if replaced.revision >= self.revision => {
                problems.push(ValidationProblem::new(
                    "replaces.revision",
                    format!(
                        "revision {} cannot replace revision {}: it replaces an earlier one",
                        self.revision, replaced.revision
                    ),
                ));
            }
            None if self.revision > 1 => problems.push(ValidationProblem::new(
                "replaces",
                format!(
                    "revision {} should say which finished revision it replaces",
                    self.revision
                ),
            )),
            _ => {}
        }
        match (self.status, &self.completed) {
            (Status::Draft, Some(_)) => problems.push(ValidationProblem::new(
                "completed",
                "a draft has not been finished: leave \"completed\" out until it is",
            )),
            (Status::Complete | Status::Submitted, None) => problems.push(ValidationProblem::new(
                "completed",
                "a finished record says when it was finished",
            )),
            (_, Some(completed)) if completed < &self.created => {
                problems.push(ValidationProblem::new(
                    "completed",
                    "the record was finished before it was created: check the clock that made it",
                ))
            }
            _ => {}
        }
        if self.reviews.as_ref() == Some(&self.id) {
            problems.push(ValidationProblem::new(
                "reviews",
                "a record cannot review itself: give the id of the earlier record",
            ));
        }
        let mut ids = std::collections::BTreeSet::new();
        for (i, p) in self.participants.iter().enumerate() {
            if !ids.insert(&p.id) {
                problems.push(ValidationProblem::new(
                    format!("participants[{i}].id"),
                    format!("another participant already has the id \"{}\"", p.id),
                ));
            }
            if p.name.as_ref().is_some_and(String::is_empty) {
                problems.push(ValidationProblem::new(
                    format!("participants[{i}].name"),
                    "the name is empty: leave it out instead",
                ));
            }
            if p.reference.as_ref().is_some_and(String::is_empty) {
                problems.push(ValidationProblem::new(
                    format!("participants[{i}].reference"),
                    "the reference is empty: leave it out instead",
                ));
            }
        }
        let participants = || self.participants.iter().map(|p| p.id.as_str());
        let check_by = |path: String, by: &Id, problems: &mut Vec<ValidationProblem>| {
            if self.participant(by).is_none() {
                problems.push(unknown(
                    &path,
                    "participant",
                    by,
                    "in this record's participants",
                    participants(),
                ));
            }
        };
        let mut ids = std::collections::BTreeSet::new();
        for (i, outcome) in self.outcomes.iter().enumerate() {
            let path = format!("outcomes[{i}]");
            if !ids.insert(&outcome.id) {
                problems.push(ValidationProblem::new(
                    format!("{path}.id"),
                    format!("another outcome already has the id \"{}\"", outcome.id),
                ));
            }
            if self.was_removed(Removed::Outcome, &outcome.id) {
                problems.push(ValidationProblem::new(
                    format!("{path}.id"),
                    format!(
                        "outcome \"{}\" is listed as removed but is still here",
                        outcome.id
                    ),
                ));
            }
            if outcome.weight == 0 {
                problems.push(ValidationProblem::new(
                    format!("{path}.weight"),
                    "a weight of 0 would leave the outcome out of scores: use 1 or more",
                ));
            }
            for (r, rating) in outcome.ratings.iter().enumerate() {
                check_by(format!("{path}.ratings[{r}].by"), &rating.by, &mut problems);
            }
            for (c, contributor) in outcome.contributors.iter().enumerate() {
                check_by(
                    format!("{path}.contributors[{c}]"),
                    contributor,
                    &mut problems,
                );
            }
        }
        for (prompt, ratings) in &self.prompt_ratings {
            for (r, rating) in ratings.iter().enumerate() {
                check_by(
                    format!("prompt_ratings.{prompt}[{r}].by"),
                    &rating.by,
                    &mut problems,
                );
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for (i, action) in self.actions.iter().enumerate() {
            let path = format!("actions[{i}]");
            if !ids.insert(&action.id) {
                problems.push(ValidationProblem::new(
                    format!("{path}.id"),
                    format!("another action already has the id \"{}\"", action.id),
                ));
            }
            for (o, outcome) in action.outcomes.iter().enumerate() {
                if self.outcome(outcome).is_none() && !self.was_removed(Removed::Outcome, outcome) {
                    problems.push(unknown(
                        &format!("{path}.outcomes[{o}]"),
                        "outcome",
                        outcome,
                        "in this record's outcomes",
                        self.outcomes.iter().map(|o| o.id.as_str()),
                    ));
                }
            }
        }
        for (prompt, consent) in &self.consent {
            check_by(format!("consent.{prompt}.by"), &consent.by, &mut problems);
        }
        for (i, removal) in self.removed.iter().enumerate() {
            check_by(format!("removed[{i}].by"), &removal.by, &mut problems);
        }
        problems
    }

    /// [`Record::validate`], and every answer, tag, rating and consent checked against the
    /// template: unknown ids come with a "did you mean".
    pub fn validate_against(&self, template: &Template) -> Vec<ValidationProblem> {
        let mut problems = self.validate();
        if self.template.id != template.id {
            problems.push(ValidationProblem::new(
                "template.id",
                format!(
                    "this record was made with template \"{}\", not \"{}\"",
                    self.template.id, template.id
                ),
            ));
            return problems;
        }
        let prompts_of = |want: fn(&PromptKind) -> bool| {
            template
                .prompts()
                .filter(move |p| want(&p.kind))
                .map(|p| p.id.as_str())
        };
        for prompt in self.answers.keys() {
            let ok = template
                .prompt(prompt)
                .is_some_and(|p| matches!(p.kind, PromptKind::Text { .. }));
            if !ok {
                problems.push(unknown(
                    &format!("answers.{prompt}"),
                    "text prompt",
                    prompt,
                    "in the template",
                    prompts_of(|k| matches!(k, PromptKind::Text { .. })),
                ));
            }
        }
        for (prompt, choice) in &self.choices {
            match template.prompt(prompt).map(|p| &p.kind) {
                Some(PromptKind::Choice { options, multiple }) => {
                    if !multiple && choice.options.len() > 1 {
                        problems.push(ValidationProblem::new(
                            format!("choices.{prompt}.options"),
                            "this choice takes one option only",
                        ));
                    }
                    for (o, option) in choice.options.iter().enumerate() {
                        if !options.iter().any(|x| &x.id == option) {
                            problems.push(unknown(
                                &format!("choices.{prompt}.options[{o}]"),
                                "option",
                                option,
                                "in this prompt",
                                options.iter().map(|x| x.id.as_str()),
                            ));
                        }
                    }
                }
                _ => problems.push(unknown(
                    &format!("choices.{prompt}"),
                    "choice prompt",
                    prompt,
                    "in the template",
                    prompts_of(|k| matches!(k, PromptKind::Choice { .. })),
                )),
            }
        }
        for prompt in self.consent.keys() {
            if !template
                .prompt(prompt)
                .is_some_and(|p| matches!(p.kind, PromptKind::Consent { .. }))
            {
                problems.push(unknown(
                    &format!("consent.{prompt}"),
                    "consent prompt",
                    prompt,
                    "in the template",
                    prompts_of(|k| matches!(k, PromptKind::Consent { .. })),
                ));
            }
        }
        let all_tags = || {
            template
                .outcome_sets
                .iter()
                .flat_map(|s| &s.tags)
                .map(|t| t.id.as_str())
        };
        for (i, outcome) in self.outcomes.iter().enumerate() {
            // Outcomes carried from a record made with another template keep that one's tags,
            // and the views given there that one's scales.
            if outcome.carried_from.is_none() {
                for (t, tag) in outcome.tags.iter().enumerate() {
                    if template.tag(tag).is_none() {
                        problems.push(unknown(
                            &format!("outcomes[{i}].tags[{t}]"),
                            "outcome tag",
                            tag,
                            "in the template's outcome sets",
                            all_tags(),
                        ));
                    }
                }
            }
            for (r, rating) in outcome.ratings.iter().enumerate() {
                if rating.given_here() {
                    check_rating(
                        template,
                        &format!("outcomes[{i}].ratings[{r}]"),
                        rating,
                        &mut problems,
                    );
                }
            }
        }
        for (prompt, ratings) in &self.prompt_ratings {
            let ok = template.prompt(prompt).is_some_and(|p| {
                matches!(
                    p.kind,
                    PromptKind::Rating {
                        rates: Rates::Prompt,
                        ..
                    }
                )
            });
            if !ok {
                problems.push(unknown(
                    &format!("prompt_ratings.{prompt}"),
                    "prompt that rates itself",
                    prompt,
                    "in the template",
                    prompts_of(|k| {
                        matches!(
                            k,
                            PromptKind::Rating {
                                rates: Rates::Prompt,
                                ..
                            }
                        )
                    }),
                ));
            }
            for (r, rating) in ratings.iter().enumerate() {
                check_rating(
                    template,
                    &format!("prompt_ratings.{prompt}[{r}]"),
                    rating,
                    &mut problems,
                );
            }
        }
        problems
    }
}

fn check_rating(
    template: &Template,
    path: &str,
    rating: &Rating,
    problems: &mut Vec<ValidationProblem>,
) {
    match template.scale(&rating.scale) {
        None => problems.push(unknown(
            &format!("{path}.scale"),
            "scale",
            &rating.scale,
            "in the template",
            template.scales.iter().map(|s| s.id.as_str()),
        )),
        Some(scale) => {
            if let Some(value) = rating.value.as_ref().filter(|v| scale.point(v).is_none()) {
                problems.push(unknown(
                    &format!("{path}.value"),
                    "point",
                    value,
                    &format!("on the scale \"{}\"", scale.id),
                    scale.points.iter().map(|p| p.id.as_str()),
                ));
            }
        }
    }
}
