//! Conversation templates: what to talk about, in which order, with which words.
//!
//! A template is versioned JSON written by an organisation (or built in, see [`crate::builtin`]).
//! It is read with [`Template::from_json`], which reports the first shape error with its JSON path
//! and position, then checks the whole template and reports every problem at once.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{LoadError, ValidationProblem};
use crate::id::Id;
use crate::names::named_enum;
use crate::record::Mode;
use crate::text::Text;

/// The template format this version of the library writes and reads.
pub const TEMPLATE_FORMAT_VERSION: u32 = 1;

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub format_version: u32,
    pub id: Id,
    /// The organisation's own version of its template, e.g. `"1.0.0"`; records remember it.
    pub version: String,
    /// The language plain texts are written in, and the fallback for translated ones.
    pub default_lang: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome_sets: Vec<OutcomeSet>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<Scale>,
    pub sections: Vec<Section>,
    /// How far each translation can be relied on, by language tag, e.g. `{"gd": "draft"}`: a
    /// widget showing a draft translation says so. Languages not listed are taken as reviewed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, TranslationStatus>,
}

named_enum! {
    /// Whether a template's translation into a language has been checked by a native speaker.
    pub enum TranslationStatus {
        /// Translated, not yet reviewed by a native speaker.
        Draft = "draft",
        /// Reviewed by a native speaker.
        Reviewed = "reviewed",
    }
}

/// One stage of the conversation, shown one at a time.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: Id,
    pub title: Text,
    /// Notes for the practitioner: how to open this part of the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    pub prompts: Vec<Prompt>,
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prompt {
    pub id: Id,
    /// The question or invitation, as said to the person.
    pub text: Text,
    /// A short hint shown under the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// The question as the person reads it on their own (`mode="self"`), when `text` is
    /// worded for a practitioner to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_text: Option<Text>,
    /// The hint as the person reads it on their own, when `hint` speaks of the practitioner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_hint: Option<Text>,
    /// Notes for the practitioner, opened on demand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    /// Outcome tags this prompt is about, from the template's outcome sets; reports count the
    /// ratings of the prompt under these tags (e.g. a member evaluation's "listened to").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Id>,
    #[serde(flatten)]
    pub kind: PromptKind,
}

/// What kind of answer a prompt asks for.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PromptKind {
    /// The person's own words, kept verbatim.
    Text {
        /// A one-line answer rather than a paragraph.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        short: bool,
        /// This prompt asks when to talk again: besides the words, a date is offered and kept
        /// as the record's `next_review`, so reviews can be due and overdue. One prompt at most.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        next_review: bool,
    },
    /// Outcomes in the person's own words, optionally tagged from an outcome set.
    Outcomes {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome_set: Option<Id>,
    },
    /// A rating on a scale, with the reason and who rated: of each of the record's outcomes
    /// (`"rates": "outcomes"`, the default) or of the prompt itself (`"rates": "prompt"`).
    Rating {
        scale: Id,
        #[serde(default, skip_serializing_if = "Rates::is_outcomes")]
        rates: Rates,
    },
    /// One or several of fixed options.
    Choice {
        options: Vec<ChoiceOption>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        multiple: bool,
    },
    /// Agreed actions: what, who, by when, linked to outcomes.
    Actions,
    /// Agreement to a statement, e.g. to keeping or sharing the record.
    Consent {
        statement: Text,
        /// The statement is agreement to the organisation keeping the record: unanswered, it
        /// is asked before finishing; refused, the record is not sent to the organisation.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        keeps_record: bool,
    },
    /// Information for the person or practitioner; asks for no answer.
    Information,
}

named_enum! {
    /// What a rating prompt rates.
    #[derive(Default)]
    pub enum Rates {
        /// Each outcome in the record, one rating each.
        #[default]
        Outcomes = "outcomes",
        /// The statement in the prompt itself ("I felt listened to").
        Prompt = "prompt",
    }
}

impl Rates {
    fn is_outcomes(&self) -> bool {
        *self == Rates::Outcomes
    }
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: Id,
    pub label: Text,
}

/// A named set of outcome tags, e.g. the Talking Points quality-of-life outcomes.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeSet {
    pub id: Id,
    pub title: Text,
    pub tags: Vec<OutcomeTag>,
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeTag {
    pub id: Id,
    pub label: Text,
    /// A grouping inside the set, e.g. `quality-of-life`, `process`, `change`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
    /// One of `outcomes_core::picture`'s pictures, shown beside the tag in easy read (e.g. `safe`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<Id>,
}

/// A rating scale, e.g. met / partly met / not met, or Goal Attainment Scaling −2…+2.
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub id: Id,
    pub title: Text,
    /// Scored −2…+2 for Goal Attainment Scaling: reports compute T-scores from it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub goal_attainment: bool,
    pub points: Vec<ScalePoint>,
}

impl Scale {
    pub fn point(&self, id: &Id) -> Option<&ScalePoint> {
        self.points.iter().find(|p| &p.id == id)
    }

    /// The lowest and highest scores on the scale, if at least two points are scored apart.
    fn score_range(&self) -> Option<(i32, i32)> {
        let scores = self.points.iter().filter_map(|p| p.score);
        let (low, high) = scores.fold((i32::MAX, i32::MIN), |(l, h), s| (l.min(s), h.max(s)));
        (high > low).then_some((low, high))
    }

    /// Where a point sits on the scale: 0 for the lowest score, 1 for the highest. `None` for a
    /// point without a score ("no longer matters"), which is listed but not placed.
    pub fn level(&self, point: &Id) -> Option<f64> {
        let score = self.point(point)?.score?;
        Some(match self.score_range() {
            Some((low, high)) => f64::from(score - low) / f64::from(high - low),
            None => 0.5,
        })
    }

    /// The scored points, highest first: the levels a chart names on its axis.
    pub fn scored_points(&self) -> Vec<&ScalePoint> {
        let mut points: Vec<&ScalePoint> =
            self.points.iter().filter(|p| p.score.is_some()).collect();
        points.sort_by_key(|p| std::cmp::Reverse(p.score));
        points
    }
}

#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScalePoint {
    pub id: Id,
    pub label: Text,
    /// A number for reports, when the scale has an order (GAS: −2…+2); higher is better. A
    /// point without a score ("no longer relevant") is kept but not compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i32>,
}

/// A template that could not be used, with every reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// The JSON could not be read into a template at all.
    Load(LoadError),
    /// It was read, but breaks rules; every problem found.
    Invalid(Vec<ValidationProblem>),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Load(err) => err.fmt(f),
            TemplateError::Invalid(problems) => {
                write!(f, "the template has {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// A template that breaks none of [`Template::validate`]'s rules: the only kind a
/// [`crate::Conversation`] starts from. Made by [`Template::from_json`], [`ValidTemplate::new`]
/// or [`crate::builtin::template`]; read through `Deref` like the template it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidTemplate(Template);

impl ValidTemplate {
    /// Checks a template built in code, with every rule it breaks.
    pub fn new(template: Template) -> Result<Self, TemplateError> {
        let problems = template.validate();
        if problems.is_empty() {
            Ok(Self(template))
        } else {
            Err(TemplateError::Invalid(problems))
        }
    }

    /// The template itself, to change it (and check it again with [`ValidTemplate::new`]).
    pub fn into_inner(self) -> Template {
        self.0
    }
}

impl std::ops::Deref for ValidTemplate {
    type Target = Template;
    fn deref(&self) -> &Template {
        &self.0
    }
}

impl Serialize for ValidTemplate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl Template {
    /// Reads and checks a template. The error says where the first shape error is, or lists
    /// every rule the template breaks.
    pub fn from_json(json: &str) -> Result<ValidTemplate, TemplateError> {
        let template: Template =
            crate::error::read_json("template", json).map_err(TemplateError::Load)?;
        ValidTemplate::new(template)
    }

    /// Every rule this template breaks, each with its JSON path.
    pub fn validate(&self) -> Vec<ValidationProblem> {
        let mut problems = Vec::new();
        if self.format_version != TEMPLATE_FORMAT_VERSION {
            problems.push(ValidationProblem::new(
                "format_version",
                format!(
                    "this library reads template format version {TEMPLATE_FORMAT_VERSION}, not {}",
                    self.format_version
                ),
            ));
        }
        if self.version.trim().is_empty() {
            problems.push(ValidationProblem::new(
                "version",
                "give the template a version, e.g. \"1.0.0\", so records can say which one they used",
            ));
        }
        if self.default_lang.trim().is_empty() {
            problems.push(ValidationProblem::new(
                "default_lang",
                "name the language plain texts are written in, e.g. \"en\"",
            ));
        }
        self.check_text("title", &self.title, &mut problems);
        if let Some(description) = &self.description {
            self.check_text("description", description, &mut problems);
        }
        if self.sections.is_empty() {
            problems.push(ValidationProblem::new(
                "sections",
                "a template needs at least one section with at least one prompt",
            ));
        }
        let mut set_ids = BTreeSet::new();
        for (i, set) in self.outcome_sets.iter().enumerate() {
            let path = format!("outcome_sets[{i}]");
            if !set_ids.insert(&set.id) {
                problems.push(duplicate(&format!("{path}.id"), "outcome set", &set.id));
            }
            self.check_text(&format!("{path}.title"), &set.title, &mut problems);
            if set.tags.is_empty() {
                problems.push(ValidationProblem::new(
                    format!("{path}.tags"),
                    "an outcome set needs at least one tag",
                ));
            }
            let mut tags = BTreeSet::new();
            for (t, tag) in set.tags.iter().enumerate() {
                if !tags.insert(&tag.id) {
                    let path = format!("{path}.tags[{t}].id");
                    problems.push(duplicate(&path, "tag", &tag.id));
                }
                self.check_text(
                    &format!("{path}.tags[{t}].label"),
                    &tag.label,
                    &mut problems,
                );
                if let Some(picture) = &tag.picture {
                    if crate::picture::picture(picture.as_str()).is_none() {
                        problems.push(unknown(
                            &format!("{path}.tags[{t}].picture"),
                            "picture",
                            picture,
                            "among this library's pictures (outcomes_core::picture)",
                            crate::picture::names(),
                        ));
                    }
                }
            }
        }
        let mut scale_ids = BTreeSet::new();
        for (i, scale) in self.scales.iter().enumerate() {
            let path = format!("scales[{i}]");
            if !scale_ids.insert(&scale.id) {
                problems.push(duplicate(&format!("{path}.id"), "scale", &scale.id));
            }
            self.check_text(&format!("{path}.title"), &scale.title, &mut problems);
            if scale.points.len() < 2 {
                problems.push(ValidationProblem::new(
                    format!("{path}.points"),
                    "a scale needs at least two points",
                ));
            }
            let mut points = BTreeSet::new();
            for (p, point) in scale.points.iter().enumerate() {
                let path = format!("{path}.points[{p}]");
                if !points.insert(&point.id) {
                    problems.push(duplicate(&format!("{path}.id"), "point", &point.id));
                }
                self.check_text(&format!("{path}.label"), &point.label, &mut problems);
                if scale.goal_attainment && !matches!(point.score, Some(-2..=2)) {
                    problems.push(ValidationProblem::new(
                        format!("{path}.score"),
                        "a Goal Attainment Scaling point needs a score from -2 to 2",
                    ));
                }
            }
        }
        let mut section_ids = BTreeSet::new();
        let mut prompt_ids = BTreeSet::new();
        let mut next_review_prompts = Vec::new();
        for (s, section) in self.sections.iter().enumerate() {
            let path = format!("sections[{s}]");
            if !section_ids.insert(&section.id) {
                problems.push(duplicate(&format!("{path}.id"), "section", &section.id));
            }
            self.check_text(&format!("{path}.title"), &section.title, &mut problems);
            if let Some(guidance) = &section.guidance {
                self.check_text(&format!("{path}.guidance"), guidance, &mut problems);
            }
            if section.prompts.is_empty() {
                problems.push(ValidationProblem::new(
                    format!("{path}.prompts"),
                    "this section has no prompts: add one or remove the section",
                ));
            }
            for (p, prompt) in section.prompts.iter().enumerate() {
                let path = format!("{path}.prompts[{p}]");
                if !prompt_ids.insert(&prompt.id) {
                    problems.push(duplicate(&format!("{path}.id"), "prompt", &prompt.id));
                }
                self.check_text(&format!("{path}.text"), &prompt.text, &mut problems);
                for (field, text) in [
                    ("hint", &prompt.hint),
                    ("guidance", &prompt.guidance),
                    ("self_text", &prompt.self_text),
                    ("self_hint", &prompt.self_hint),
                ] {
                    if let Some(text) = text {
                        self.check_text(&format!("{path}.{field}"), text, &mut problems);
                    }
                }
                for (t, tag) in prompt.tags.iter().enumerate() {
                    if self.tag(tag).is_none() {
                        problems.push(unknown(
                            &format!("{path}.tags[{t}]"),
                            "outcome tag",
                            tag,
                            "in any of this template's outcome_sets",
                            self.outcome_sets
                                .iter()
                                .flat_map(|s| &s.tags)
                                .map(|t| t.id.as_str()),
                        ));
                    }
                }
                self.check_prompt_kind(&path, &prompt.kind, &mut problems);
                if matches!(
                    prompt.kind,
                    PromptKind::Text {
                        next_review: true,
                        ..
                    }
                ) {
                    next_review_prompts.push(path);
                }
            }
        }
        for path in next_review_prompts.iter().skip(1) {
            problems.push(ValidationProblem::new(
                format!("{path}.next_review"),
                format!(
                    "{} already asks when to talk again: one prompt at most says \"next_review\"",
                    next_review_prompts[0]
                ),
            ));
        }
        problems
    }

    fn check_text(&self, path: &str, text: &Text, problems: &mut Vec<ValidationProblem>) {
        match text {
            Text::Plain(plain) if plain.trim().is_empty() => {
                problems.push(ValidationProblem::new(path, "this text is empty: write it"));
            }
            Text::Translated(texts) if !texts.contains_key(&self.default_lang) => {
                problems.push(ValidationProblem::new(
                    path,
                    format!(
                        "add the text in \"{}\", the template's default_lang: it is shown when a \
                         translation is missing",
                        self.default_lang
                    ),
                ));
            }
            _ => {}
        }
    }

    fn check_prompt_kind(
        &self,
        path: &str,
        kind: &PromptKind,
        problems: &mut Vec<ValidationProblem>,
    ) {
        match kind {
            PromptKind::Outcomes {
                outcome_set: Some(set),
            } if self.outcome_set(set).is_none() => {
                problems.push(unknown(
                    &format!("{path}.outcome_set"),
                    "outcome set",
                    set,
                    "in this template's outcome_sets",
                    self.outcome_sets.iter().map(|s| s.id.as_str()),
                ));
            }
            PromptKind::Rating { scale, .. } if self.scale(scale).is_none() => {
                problems.push(unknown(
                    &format!("{path}.scale"),
                    "scale",
                    scale,
                    "in this template's scales",
                    self.scales.iter().map(|s| s.id.as_str()),
                ));
            }
            PromptKind::Choice { options, .. } => {
                if options.is_empty() {
                    problems.push(ValidationProblem::new(
                        format!("{path}.options"),
                        "a choice needs at least one option",
                    ));
                }
                let mut ids = BTreeSet::new();
                for (o, option) in options.iter().enumerate() {
                    if !ids.insert(&option.id) {
                        problems.push(duplicate(
                            &format!("{path}.options[{o}].id"),
                            "option",
                            &option.id,
                        ));
                    }
                    self.check_text(
                        &format!("{path}.options[{o}].label"),
                        &option.label,
                        problems,
                    );
                }
            }
            PromptKind::Consent { statement, .. } => {
                self.check_text(&format!("{path}.statement"), statement, problems);
            }
            _ => {}
        }
    }

    pub fn scale(&self, id: &Id) -> Option<&Scale> {
        self.scales.iter().find(|s| &s.id == id)
    }

    pub fn outcome_set(&self, id: &Id) -> Option<&OutcomeSet> {
        self.outcome_sets.iter().find(|s| &s.id == id)
    }

    /// A tag from any of the template's outcome sets.
    pub fn tag(&self, id: &Id) -> Option<&OutcomeTag> {
        self.outcome_sets
            .iter()
            .flat_map(|s| &s.tags)
            .find(|t| &t.id == id)
    }

    /// Every prompt, in order.
    pub fn prompts(&self) -> impl Iterator<Item = &Prompt> {
        self.sections.iter().flat_map(|s| &s.prompts)
    }

    /// The template as canonical JSON: the same template always gives the same bytes.
    pub fn to_canonical_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `sha256:` and the hex SHA-256 of the canonical JSON. Records keep it, so a record can
    /// tell whether the template it was made with has changed since.
    pub fn content_hash(&self) -> String {
        let digest = Sha256::digest(self.to_canonical_json().as_bytes());
        let mut hash = String::with_capacity(7 + 64);
        hash.push_str("sha256:");
        for byte in digest {
            hash.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
            hash.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
        }
        hash
    }

    pub fn prompt(&self, id: &Id) -> Option<&Prompt> {
        self.sections
            .iter()
            .flat_map(|s| &s.prompts)
            .find(|p| &p.id == id)
    }

    /// Whether the texts shown for `lang` are a draft translation: `lang` itself or its base
    /// language (`gd` for `gd-GB`) is listed as a draft.
    pub fn is_draft_translation(&self, lang: &str) -> bool {
        [lang, crate::text::base_lang(lang)]
            .iter()
            .any(|l| self.translations.get(*l) == Some(&TranslationStatus::Draft))
    }

    /// Whether the template has its texts in `lang` (or its base language): its default
    /// language, or a translation of its title.
    pub fn speaks(&self, lang: &str) -> bool {
        let base = crate::text::base_lang(lang);
        let same = |l: &str| l.eq_ignore_ascii_case(lang) || l.eq_ignore_ascii_case(base);
        same(&self.default_lang)
            || self
                .title
                .translations()
                .iter()
                .any(|(l, _)| l.is_some_and(same))
    }

    /// The template's title in `lang`, with the template's fallback.
    pub fn text<'a>(&'a self, text: &'a Text, lang: &str) -> &'a str {
        text.get(lang, &self.default_lang)
    }

    /// A prompt's question as shown in `mode`: its `self_text` for the person on their own.
    pub fn prompt_text<'a>(&'a self, prompt: &'a Prompt, mode: Mode, lang: &str) -> &'a str {
        let text = match (&prompt.self_text, mode) {
            (Some(own), Mode::SelfCompletion) => own,
            _ => &prompt.text,
        };
        self.text(text, lang)
    }

    /// A prompt's hint as shown in `mode`: its `self_hint` for the person on their own.
    pub fn prompt_hint<'a>(
        &'a self,
        prompt: &'a Prompt,
        mode: Mode,
        lang: &str,
    ) -> Option<&'a str> {
        let hint = match (&prompt.self_hint, mode) {
            (Some(own), Mode::SelfCompletion) => Some(own),
            _ => prompt.hint.as_ref(),
        };
        hint.map(|hint| self.text(hint, lang))
    }

    /// The prompt that asks when to talk again (`"next_review": true`), if the template has one.
    pub fn next_review_prompt(&self) -> Option<&Prompt> {
        self.prompts().find(|p| {
            matches!(
                p.kind,
                PromptKind::Text {
                    next_review: true,
                    ..
                }
            )
        })
    }

    /// The index of the section a prompt is in.
    pub fn section_of(&self, prompt: &Id) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.prompts.iter().any(|p| &p.id == prompt))
    }

    /// Every tag id of every outcome set, in the template's order.
    pub fn tag_ids(&self) -> impl Iterator<Item = &Id> {
        self.outcome_sets
            .iter()
            .flat_map(|s| &s.tags)
            .map(|t| &t.id)
    }
}

/// "there is no scale \"x\" in this template's scales. Did you mean \"y\"?"
pub(crate) fn unknown<'a>(
    path: &str,
    what: &str,
    id: &Id,
    place: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> ValidationProblem {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let mut message = format!("there is no {what} \"{id}\" {place}.");
    if let Some(near) = crate::suggest::closest(id.as_str(), candidates.iter().copied()) {
        message.push_str(&format!(" Did you mean \"{near}\"?"));
    } else if candidates.is_empty() {
        message.push_str(" There are none: add one or remove this reference.");
    } else if candidates.len() <= 12 {
        message.push_str(&format!(" Known: {}.", candidates.join(", ")));
    }
    ValidationProblem::new(path, message)
}

fn duplicate(path: &str, what: &str, id: &Id) -> ValidationProblem {
    ValidationProblem::new(
        path,
        format!("another {what} already has the id \"{id}\": ids must be unique"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(json: &str) -> Vec<String> {
        match Template::from_json(json) {
            Ok(_) => vec![],
            Err(TemplateError::Invalid(problems)) => {
                problems.iter().map(ToString::to_string).collect()
            }
            Err(TemplateError::Load(err)) => vec![err.to_string()],
        }
    }

    #[test]
    fn reports_shape_errors_with_path_and_position() {
        let json = r#"{"format_version": 1, "id": "t", "version": "1", "default_lang": "en",
            "title": "T", "sections": [{"id": "s", "title": "S", "prompts": [{"id": "p", "text": "?", "kind": "txt"}]}]}"#;
        let found = problems(json);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("the template could not be read at sections[0].prompts[0]"),
            "{found:?}"
        );
        assert!(found[0].contains("unknown variant `txt`"), "{found:?}");
    }

    #[test]
    fn reports_truncated_json_plainly() {
        let found = problems(r#"{"format_version": 1, "id": "t""#);
        assert!(found[0].contains("the text ends too early"), "{found:?}");
    }

    #[test]
    fn reports_an_unknown_picture_with_its_path_and_the_closest_name() {
        let json = r#"{"format_version": 1, "id": "t", "version": "1", "default_lang": "en", "title": "T",
            "outcome_sets": [{"id": "o", "title": "O", "tags": [
              {"id": "safe", "label": "Safe", "picture": "safe"},
              {"id": "well", "label": "Well", "picture": "helthy"},
              {"id": "odd", "label": "Odd", "picture": "banana"}]}],
            "sections": [{"id": "s", "title": "S", "prompts": [{"id": "p", "text": "?", "kind": "text"}]}]}"#;
        expect_test::expect![[r#"
            [
                "outcome_sets[0].tags[1].picture: there is no picture \"helthy\" among this library's pictures (outcomes_core::picture). Did you mean \"healthy\"?",
                "outcome_sets[0].tags[2].picture: there is no picture \"banana\" among this library's pictures (outcomes_core::picture).",
            ]
        "#]]
        .assert_debug_eq(&problems(json));
    }

    #[test]
    fn reports_every_rule_broken_at_once() {
        let json = r#"{"format_version": 2, "id": "t", "version": " ", "default_lang": "en", "title": "T",
            "sections": [
              {"id": "s", "title": "S", "prompts": [
                 {"id": "p", "text": "?", "kind": "text"},
                 {"id": "p", "text": "?", "kind": "rating", "scale": "nope"}]},
              {"id": "s", "title": "S2", "prompts": []}]}"#;
        expect_test::expect![[r#"
            [
                "format_version: this library reads template format version 1, not 2",
                "version: give the template a version, e.g. \"1.0.0\", so records can say which one they used",
                "sections[0].prompts[1].id: another prompt already has the id \"p\": ids must be unique",
                "sections[0].prompts[1].scale: there is no scale \"nope\" in this template's scales. There are none: add one or remove this reference.",
                "sections[1].id: another section already has the id \"s\": ids must be unique",
                "sections[1].prompts: this section has no prompts: add one or remove the section",
            ]
        "#]]
        .assert_debug_eq(&problems(json));
    }

    #[test]
    fn knows_which_translations_are_drafts() {
        let template = crate::builtin::template("what-matters").unwrap();
        assert!(template.is_draft_translation("gd"));
        assert!(template.is_draft_translation("ar-EG"));
        assert!(!template.is_draft_translation("en"));
        assert!(!template.is_draft_translation("fr"));
        assert!(template.speaks("gd-GB") && template.speaks("ar") && template.speaks("en"));
        assert!(!template.speaks("fr"));
        let json = template.to_canonical_json();
        assert!(json.contains(r#""translations":{"ar":"draft","gd":"draft"}"#));
    }
}
