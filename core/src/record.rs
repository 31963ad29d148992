//! Records: what the person said, in their own words, and where the conversation stands.
//!
//! A record is versioned JSON ([`RECORD_FORMAT_VERSION`]). Older formats are read and upgraded by
//! [`Record::from_json`] (see [`crate::migrate`]); the person's words are never changed on the way.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{LoadError, ValidationProblem};
use crate::id::{Id, RecordId};
use crate::template::{unknown, PromptKind, Rates, Template};
use crate::time::{Date, Timestamp};

/// The record format this version of the library writes. Format 1 (answers only) is upgraded
/// when read.
pub const RECORD_FORMAT_VERSION: u32 = 2;

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format_version: u32,
    /// Made by the client when the conversation starts; never changes.
    pub id: RecordId,
    /// Which template (and which version of it) the record was made with.
    pub template: TemplateRef,
    /// The earlier record this one reviews; its outcomes and actions were carried forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<RecordId>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub status: Status,
    /// Who took part. A new record has `person` and `practitioner`.
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
    /// Outcomes and actions removed on purpose: what, when and by whom (not the words).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Removal>,
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

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    Complete,
    Submitted,
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
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The person the conversation is about.
    Person,
    Practitioner,
    /// An unpaid carer, family member or friend.
    Carer,
    Family,
    Other,
}

/// Whether an outcome is about changing something or keeping it as it is.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeKind {
    #[default]
    Achieve,
    Maintain,
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

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The scale (by id) and the point on it (by id).
    pub scale: Id,
    pub value: Id,
    /// Why, in the rater's words; a rating summarises the story, it never replaces it.
    #[serde(default)]
    pub reason: String,
    /// The participant who rated.
    pub by: Id,
    pub at: Timestamp,
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

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Removed {
    Outcome,
    Action,
}

impl Participant {
    pub fn new(id: &str, role: Role) -> Option<Self> {
        Some(Self {
            id: Id::new(id).ok()?,
            role,
            name: None,
        })
    }
}

impl Record {
    /// A new, empty draft for `template`, with a `person` and a `practitioner` taking part.
    pub fn new(template: &Template, id: RecordId, now: Timestamp) -> Self {
        Self {
            format_version: RECORD_FORMAT_VERSION,
            id,
            template: TemplateRef::of(template),
            reviews: None,
            created: now.clone(),
            updated: now,
            status: Status::Draft,
            participants: [
                ("person", Role::Person),
                ("practitioner", Role::Practitioner),
            ]
            .into_iter()
            .filter_map(|(id, role)| Participant::new(id, role))
            .collect(),
            answers: BTreeMap::new(),
            choices: BTreeMap::new(),
            outcomes: Vec::new(),
            prompt_ratings: BTreeMap::new(),
            actions: Vec::new(),
            consent: BTreeMap::new(),
            removed: Vec::new(),
        }
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

    fn was_removed(&self, what: Removed, id: &Id) -> bool {
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
            // Outcomes carried from a record made with another template keep that one's tags.
            if outcome.carried_from.is_some() {
                continue;
            }
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
            for (r, rating) in outcome.ratings.iter().enumerate() {
                check_rating(
                    template,
                    &format!("outcomes[{i}].ratings[{r}]"),
                    rating,
                    &mut problems,
                );
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
            if scale.point(&rating.value).is_none() {
                problems.push(unknown(
                    &format!("{path}.value"),
                    "point",
                    &rating.value,
                    &format!("on the scale \"{}\"", scale.id),
                    scale.points.iter().map(|p| p.id.as_str()),
                ));
            }
        }
    }
}
