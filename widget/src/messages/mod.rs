//! The widget's own words (not the template's), one catalogue per language.
//!
//! A catalogue is a [`Messages`] value: every field must be given, so a catalogue that misses a
//! message does not compile. Messages with values use `{name}` placeholders, filled by
//! [`Locale::fill`]; messages about a number give every plural form their language has (CLDR
//! categories, see [`crate::i18n::plural`]) and are filled by [`Locale::count`], which also
//! writes the number the way the language writes numbers.
//!
//! Catalogues other than English are drafts until a native speaker has reviewed them; the widget
//! says so under the conversation (see [`Translation`]).

mod ar;
mod en;
mod en_easy;
mod gd;

use yew::prelude::*;

pub use outcomes_core::text::fill;

use crate::i18n::{self, Plural};

/// Whether people can rely on a catalogue's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Translation {
    /// Written in this language by the project.
    Original,
    /// Translated, waiting for a native speaker's review; `notice` says so, in the language.
    Draft { notice: &'static str },
}

/// The forms of a message about a number, by CLDR plural category. `other` is always given; a
/// language gives the others it uses (English: `one`; Gaelic: `one`, `two`, `few`; Arabic: all).
/// A category left out falls back to `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forms {
    pub zero: Option<&'static str>,
    pub one: Option<&'static str>,
    pub two: Option<&'static str>,
    pub few: Option<&'static str>,
    pub many: Option<&'static str>,
    pub other: &'static str,
}

impl Forms {
    /// The form for a plural category.
    pub fn pick(&self, category: Plural) -> &'static str {
        match category {
            Plural::Zero => self.zero,
            Plural::One => self.one,
            Plural::Two => self.two,
            Plural::Few => self.few,
            Plural::Many => self.many,
            Plural::Other => None,
        }
        .unwrap_or(self.other)
    }

    #[cfg(test)]
    fn texts(&self) -> Vec<(Option<Plural>, &'static str)> {
        [
            (Plural::Zero, self.zero),
            (Plural::One, self.one),
            (Plural::Two, self.two),
            (Plural::Few, self.few),
            (Plural::Many, self.many),
        ]
        .into_iter()
        .filter_map(|(category, text)| Some((Some(category), text?)))
        .chain([(None, self.other)])
        .collect()
    }
}

#[cfg(test)]
#[derive(Debug)]
struct Entry {
    name: &'static str,
    forms: bool,
    texts: Vec<(Option<Plural>, &'static str)>,
}

/// Declares [`Messages`] and, for the tests, a way to walk every message of a catalogue.
macro_rules! catalogue {
    ($( $(#[doc = $doc:literal])* $name:ident: $kind:ident, )*) => {
        /// Every word the widget itself shows, in one language. Field docs say where each shows.
        #[derive(Debug)]
        pub struct Messages {
            /// The language tag of this catalogue, e.g. `"gd"`.
            pub lang: &'static str,
            /// The language's name in itself, e.g. "Gàidhlig".
            pub name: &'static str,
            pub translation: Translation,
            $( $(#[doc = $doc])* pub $name: catalogue!(@type $kind), )*
        }

        #[cfg(test)]
        impl Messages {
            /// Every message: its name, whether it has plural forms, and its texts (one, or
            /// one per plural form given).
            fn entries(&self) -> Vec<Entry> {
                vec![$( Entry {
                    name: stringify!($name),
                    forms: stringify!($kind) == "forms",
                    texts: catalogue!(@texts self.$name, $kind),
                }, )*]
            }
        }
    };
    (@type text) => { &'static str };
    (@type forms) => { Forms };
    (@texts $value:expr, text) => { vec![(None, $value)] };
    (@texts $value:expr, forms) => { $value.texts() };
}

catalogue! {
    /// Heading when the widget cannot start (a broken template or set-up).
    cannot_start: text,
    cannot_start_help: text,
    /// While a template given by address is fetched.
    loading: text,
    back: text,
    next: text,
    /// The last stage's button, to the summary.
    to_summary: text,
    finish: text,
    finished: text,
    summary_title: text,
    not_answered: text,
    /// The practitioner's notes for a stage (a disclosure).
    guidance: text,
    /// The practitioner's notes for one question.
    prompt_guidance: text,
    /// The jump list's accessible name.
    stages: text,
    /// `{stage}`, `{stages}`: numbers.
    stage_of: text,
    not_saved_yet: text,
    resumed: text,
    storage_unavailable: text,
    storage_full: text,
    download_record: text,
    download_unreadable: text,
    delete: text,
    delete_confirm: text,
    delete_yes: text,
    delete_no: text,
    deleted: text,
    /// `{time}`: the local time, e.g. 12:03.
    saved_at: text,
    /// `{message}`: why (technical, may be English).
    unreadable_draft: text,
    outbox: text,
    download_outbox: text,
    /// `{queued}`: the date it was queued.
    outbox_waiting: text,
    /// `{queued}`, `{problem}`, `{n}`: how many times it was tried.
    outbox_retrying: forms,
    /// `{queued}`, `{at}`.
    outbox_sent: text,
    /// `{queued}`, `{status}`: the HTTP status code.
    outbox_refused: text,
    /// `{message}`: what the organisation's system said.
    outbox_refused_said: text,
    downloads: text,
    download_summary: text,
    download_csv: text,
    download_json: text,
    download_fhir: text,
    print: text,
    downloads_unavailable: text,
    /// `{reason}`.
    download_failed: text,
    outcomes_empty: text,
    outcome_add_first: text,
    outcome_add: text,
    outcome_tags_open: text,
    outcome_tags: text,
    outcome_kind: text,
    outcome_achieve: text,
    outcome_maintain: text,
    /// `{number}`.
    outcome_remove: text,
    outcome_remove_confirm: text,
    remove_yes: text,
    remove_no: text,
    outcome_weight: text,
    /// Under the weight field when what was typed is not a whole number from 1.
    outcome_weight_invalid: text,
    outcome_achieve_short: text,
    outcome_maintain_short: text,
    /// `{number}`.
    outcome_words_label: text,
    /// Tag groups of the Talking Points outcome sets.
    group_quality_of_life: text,
    group_process: text,
    group_change: text,
    group_other: text,
    rating_no_outcomes: text,
    rating_why: text,
    no_reason: text,
    /// Who someone is, in "by whom".
    the_person: text,
    the_practitioner: text,
    /// `{id}`: the participant's id.
    a_carer: text,
    /// `{id}`.
    family: text,
    /// "Who is answering?" choices.
    answerer_person: text,
    answerer_practitioner: text,
    /// `{value}`: the scale point, `{by}`, `{date}`.
    rated: text,
    actions_empty: text,
    action_add_first: text,
    action_add: text,
    action_who: text,
    action_by_when: text,
    action_outcomes: text,
    action_no_outcomes: text,
    action_done: text,
    /// `{number}`.
    action_remove: text,
    action_remove_confirm: text,
    /// `{number}`.
    action_what_label: text,
    consent_given: text,
    consent_refused: text,
    consent_who: text,
    consent_answer: text,
    not_chosen: text,
    /// `{by}`, `{date}`.
    consent_agreed: text,
    /// `{by}`, `{date}`.
    consent_not_agreed: text,
    summary_outcomes: text,
    summary_no_outcomes: text,
    summary_actions: text,
    summary_no_actions: text,
    empty_words: text,
    /// An action in the summary: `{who}`.
    action_summary_who: text,
    action_summary_no_one: text,
    /// `{date}`.
    action_summary_by: text,
    action_summary_done: text,
    action_summary_not_done: text,
    /// `{outcomes}`: the outcomes an action helps, in the person's words.
    action_for: text,
    /// Between items of a list written in a line ("; " in English, "؛ " in Arabic).
    list_separator: text,
    rating_view_person: text,
    rating_view_practitioner: text,
    /// `{name}`: another participant, e.g. Karen.
    rating_view_other: text,
    /// The person's view when they are on their own.
    rating_view_you: text,
    rating_add_practitioner: text,
    /// `{name}`.
    rating_add_other: text,
    rating_why_self: text,
    /// Takes the chosen point off a view, keeping the reason.
    rating_clear: text,
    /// Under a view with a reason and no point.
    rating_pending: text,
    /// In a line about a view with no point yet.
    no_point: text,
    /// `{words}`: an outcome's words last time, when they were different.
    last_time_words: text,
    /// `{scale}`: the scale's title.
    last_time_on: text,
    /// `{date}`.
    last_time_title: text,
    /// The chart's accessible name; `{scale}`.
    chart_name: text,
    /// `{name}`, `{reference}`.
    with_reference: text,
    /// `{names}`.
    summary_people: text,
    /// `{date}`.
    next_review_on: text,
    /// `{names}`.
    worked_out_with: text,
    /// `{actions}`: what was agreed to work towards an outcome.
    outcome_actions: text,
    /// Words given to a question the template no longer has.
    also_said: text,
    /// The date beside the question about next time.
    next_review_date: text,
    device_title: text,
    /// How many conversations are kept on this device; `{n}`.
    device_count: forms,
    device_choose_review: text,
    device_new: text,
    device_empty: text,
    /// `{about}`: the template's title, `{started}`: a date, `{stage}`: where it stands.
    device_line: text,
    device_on_screen: text,
    device_open: text,
    device_review: text,
    device_delete: text,
    device_no_name: text,
    device_sent: text,
    device_waiting: text,
    device_finished: text,
    device_changed: text,
    device_at_summary: text,
    finish_check_title: text,
    /// `{stage}`: a stage's title.
    finish_check_go_to: text,
    finish_anyway: text,
    finish_not_yet: text,
    /// When a finished conversation was changed.
    finish_again: text,
    finished_sent: text,
    finished_sending: text,
    finished_not_sent: text,
    /// `{date}`: when it was finished.
    changed_since_finished: text,
    tabs_followed: text,
    tabs_conflict: text,
    tabs_keep_mine: text,
    tabs_keep_theirs: text,
    tabs_download_mine: text,
    people_title: text,
    people_title_self: text,
    person_name: text,
    person_name_self: text,
    person_reference: text,
    /// `{who}`: e.g. “A carer”.
    person_remove: text,
    person_add: text,
    person_add_role: text,
    role_person: text,
    role_practitioner: text,
    role_carer: text,
    role_family: text,
    role_other: text,
    /// The person, named to themselves (“by you”).
    you: text,
    answerer_you: text,
    cleared: text,
    /// `{queued}`, `{revision}`: a later version of a finished conversation.
    outbox_revision: text,
    /// `{given}`.
    problem_not_a_weight: text,
    /// `{who}`.
    problem_has_said: text,
    /// `{who}`.
    problem_cannot_remove: text,
    problem_one_person: text,
    problem_id_in_use: text,
    /// `{code}`: the core's problem code, for whoever looks after the page.
    problem_other: text,
    /// `{statement}`: the consent statement.
    missing_consent: text,
    missing_consent_refused: text,
    missing_nothing_said: text,
    /// `{number}`.
    missing_outcome_words: text,
    /// `{whose}`: e.g. “The person's view”, `{subject}`: the outcome's words or the statement.
    missing_rating_value: text,
    /// `{number}`.
    missing_action_what: text,
    /// `outcomes_empty` for the person on their own.
    outcomes_empty_self: text,
    /// `{number}`.
    outcome_words_label_self: text,
    actions_empty_self: text,
    summary_outcomes_self: text,
    self_intro: text,
    /// Under the conversation when the template's questions are a draft translation (and this
    /// catalogue is not).
    template_draft: text,
}

/// Which catalogue to use for `lang` (its base language decides: `gd-GB` is Gaelic); English
/// for languages the widget is not written in. Easy read is English-only for now: other
/// languages keep their own catalogue.
pub fn for_lang(lang: &str, easy_read: bool) -> &'static Messages {
    let base = outcomes_core::text::base_lang(lang).to_ascii_lowercase();
    match base.as_str() {
        "gd" => &gd::MESSAGES,
        "ar" => &ar::MESSAGES,
        _ if easy_read => &en_easy::MESSAGES,
        _ => &en::MESSAGES,
    }
}

/// Every catalogue the widget has, for tests and documentation.
pub fn all() -> [&'static Messages; 4] {
    [
        &en::MESSAGES,
        &en_easy::MESSAGES,
        &gd::MESSAGES,
        &ar::MESSAGES,
    ]
}

/// The language a widget speaks: the page's `lang` (for template texts and for writing dates and
/// numbers) and the catalogue chosen for it. Given to components as a yew context.
#[derive(Debug, Clone)]
pub struct Locale {
    /// The language asked for, e.g. `en-GB`.
    pub lang: AttrValue,
    pub messages: &'static Messages,
    /// Easy read: short sentences, larger text, a picture beside each outcome tag.
    pub easy_read: bool,
    /// The person on their own: the widget speaks to them ("you", "your own words").
    pub alone: bool,
    /// What template texts are looked up by (see [`Locale::text_lang`]); made once, not for
    /// every label on every render.
    text_lang: AttrValue,
}

/// Catalogues are statics: the same catalogue is the same address, so comparing a context (on
/// every render) costs nothing and the catalogues' own comparison is never compiled in.
impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && std::ptr::eq(self.messages, other.messages)
            && self.easy_read == other.easy_read
            && self.alone == other.alone
    }
}

impl Default for Locale {
    fn default() -> Self {
        Self::new("en", false)
    }
}

impl std::ops::Deref for Locale {
    type Target = Messages;

    fn deref(&self) -> &Messages {
        self.messages
    }
}

impl Locale {
    pub fn new(lang: &str, easy_read: bool) -> Self {
        let lang = AttrValue::from(lang.to_owned());
        let text_lang = if easy_read {
            AttrValue::from(format!("{}-x-easy", outcomes_core::text::base_lang(&lang)))
        } else {
            lang.clone()
        };
        Self {
            messages: for_lang(&lang, easy_read),
            lang,
            easy_read,
            alone: false,
            text_lang,
        }
    }

    /// The same language, speaking to the person on their own (or not).
    pub fn speaking_to_person(mut self, alone: bool) -> Self {
        self.alone = alone;
        self
    }

    /// `general`, or `to_person` when the widget speaks to the person on their own.
    pub fn for_person(&self, general: &'static str, to_person: &'static str) -> &'static str {
        if self.alone {
            to_person
        } else {
            general
        }
    }

    /// The language tag to look template texts up by: easy read asks for `lang-x-easy` first
    /// (a template's easy-read texts), which falls back to `lang`.
    pub fn text_lang(&self) -> &AttrValue {
        &self.text_lang
    }

    /// The language of the words on screen with `template`: the one asked for where this widget
    /// or the template speaks it, else the widget's fallback (English), so that screen readers
    /// read the words as what they are.
    pub fn shown_lang(&self, template: &outcomes_core::Template) -> AttrValue {
        let ours =
            outcomes_core::text::base_lang(&self.lang).eq_ignore_ascii_case(self.messages.lang);
        if ours || template.speaks(&self.lang) {
            self.lang.clone()
        } else {
            AttrValue::Static(self.messages.lang)
        }
    }

    /// What to say under the conversation when the words on screen are not yet checked by a
    /// native speaker: this catalogue's draft notice, or else that the template's questions are
    /// a draft translation.
    pub fn translation_note(&self, template: &outcomes_core::Template) -> Option<&'static str> {
        match self.translation {
            Translation::Draft { notice } => Some(notice),
            Translation::Original => template
                .is_draft_translation(&self.lang)
                .then_some(self.template_draft),
        }
    }

    /// `message` with each `{name}` replaced by its value. Values are put in as they are (the
    /// person's words stay verbatim); a placeholder without a value is left as written.
    pub fn fill(&self, message: &str, values: &[(&str, &str)]) -> String {
        fill(message, values)
    }

    /// The form of `forms` for the number `n` in this catalogue's language, with `{n}` written
    /// the way the language writes numbers, and the other values filled in.
    pub fn count(&self, forms: &Forms, n: u64, values: &[(&str, &str)]) -> String {
        let form = forms.pick(i18n::plural(self.messages.lang, n));
        let number = self.number(n);
        let mut all = Vec::with_capacity(values.len() + 1);
        all.push(("n", number.as_str()));
        all.extend_from_slice(values);
        fill(form, &all)
    }

    /// A whole number written the way the language writes numbers ("12", "١٢").
    pub fn number(&self, n: u64) -> String {
        i18n::number(n, &self.lang)
    }

    /// A calendar date (`YYYY-MM-DD`) written the way the language writes dates.
    pub fn date(&self, date: &str) -> String {
        i18n::long_date(date, &self.lang)
    }

    /// Items in one line, e.g. "Seeing people; Feeling safe".
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(self.messages.list_separator);
            }
            out.push_str(item.as_ref());
        }
        out
    }

    /// "Stage 2 of 6".
    pub fn stage_of(&self, stage: usize, stages: usize) -> String {
        self.fill(
            self.stage_of,
            &[
                ("stage", &self.number(stage as u64)),
                ("stages", &self.number(stages as u64)),
            ],
        )
    }

    /// A message with one `{number}`, e.g. "Remove outcome 2".
    pub fn numbered(&self, message: &str, number: usize) -> String {
        self.fill(message, &[("number", &self.number(number as u64))])
    }

    /// A tag group's heading; the ids of the Talking Points groups get names, others show as
    /// given.
    pub fn tag_group(&self, group: Option<&str>) -> String {
        match group {
            Some("quality-of-life") => self.group_quality_of_life.to_owned(),
            Some("process") => self.group_process.to_owned(),
            Some("change") => self.group_change.to_owned(),
            Some(other) => other.replace(['-', '_'], " "),
            None => self.group_other.to_owned(),
        }
    }

    /// Who someone is in the record, for "by whom" ("you" to the person on their own).
    pub fn participant(&self, role: outcomes_core::Role, name: Option<&str>, id: &str) -> String {
        use outcomes_core::Role;
        match (name, role) {
            (_, Role::Person) if self.alone => self.you.to_owned(),
            (Some(name), _) => name.to_owned(),
            (None, Role::Person) => self.the_person.to_owned(),
            (None, Role::Practitioner) => self.the_practitioner.to_owned(),
            (None, Role::Carer) => self.fill(self.a_carer, &[("id", id)]),
            (None, Role::Family) => self.fill(self.family, &[("id", id)]),
            (None, Role::Other) => id.to_owned(),
        }
    }

    /// Someone named in a summary or a view, as [`Locale::participant`] names them (an id the
    /// record no longer lists as it is).
    pub fn named(&self, who: outcomes_core::summary::Who<'_>) -> String {
        match who.role {
            Some(role) => self.participant(role, who.name, who.id.as_str()),
            None => who.id.to_string(),
        }
    }

    /// "The person's view", "Karen's view": whose view a rating form holds.
    pub fn whose_view(&self, role: outcomes_core::Role, name: Option<&str>, id: &str) -> String {
        use outcomes_core::Role;
        match role {
            Role::Person if self.alone => self.rating_view_you.to_owned(),
            Role::Person if name.is_none() => self.rating_view_person.to_owned(),
            Role::Practitioner if name.is_none() => self.rating_view_practitioner.to_owned(),
            _ => self.fill(
                self.rating_view_other,
                &[("name", &self.participant(role, name, id))],
            ),
        }
    }

    /// "Add the practitioner's view", for a voice not heard yet.
    pub fn add_view(&self, role: outcomes_core::Role, name: Option<&str>, id: &str) -> String {
        use outcomes_core::Role;
        match role {
            Role::Practitioner if name.is_none() => self.rating_add_practitioner.to_owned(),
            _ => self.fill(
                self.rating_add_other,
                &[("name", &self.participant(role, name, id))],
            ),
        }
    }

    /// How someone is offered in "Who is answering?" and named in a chart's legend.
    pub fn answerer(&self, role: outcomes_core::Role, name: Option<&str>, id: &str) -> String {
        use outcomes_core::Role;
        match role {
            Role::Person if self.alone => self.answerer_you.to_owned(),
            Role::Person if name.is_none() => self.answerer_person.to_owned(),
            Role::Practitioner if name.is_none() => self.answerer_practitioner.to_owned(),
            _ => self.participant(role, name, id),
        }
    }

    /// What part someone plays: "The person", "A carer".
    pub fn role_label(&self, role: outcomes_core::Role) -> &'static str {
        use outcomes_core::Role;
        match role {
            Role::Person => self.role_person,
            Role::Practitioner => self.role_practitioner,
            Role::Carer => self.role_carer,
            Role::Family => self.role_family,
            Role::Other => self.role_other,
        }
    }

    /// Why a change could not be made, from the core's problem code and its data.
    pub fn problem(
        &self,
        problem: &outcomes_core::Problem,
        record: &outcomes_core::Record,
    ) -> String {
        use outcomes_core::Problem;
        let who = |id: &outcomes_core::Id| self.named(outcomes_core::summary::Who::of(record, id));
        match problem {
            Problem::NotAWeight(given) => self.fill(self.problem_not_a_weight, &[("given", given)]),
            Problem::HasSaid(id) => self.fill(self.problem_has_said, &[("who", &who(id))]),
            Problem::CannotRemove(id) => {
                self.fill(self.problem_cannot_remove, &[("who", &who(id))])
            }
            Problem::OnePerson => self.problem_one_person.to_owned(),
            Problem::IdInUse(_) => self.problem_id_in_use.to_owned(),
            other => self.fill(self.problem_other, &[("code", other.code())]),
        }
    }

    /// Something missing before finishing, in this language.
    pub fn missing(
        &self,
        missing: &outcomes_core::Missing,
        conversation: &outcomes_core::Conversation,
    ) -> String {
        use outcomes_core::{Missing, PromptKind};
        let template = conversation.template();
        let record = conversation.record();
        let text_lang = self.text_lang().clone();
        let number_of = |position: Option<usize>| self.number(position.map_or(0, |i| i + 1) as u64);
        match missing {
            Missing::Consent { prompt } => {
                let statement = match template.prompt(prompt).map(|p| &p.kind) {
                    Some(PromptKind::Consent { statement, .. }) => {
                        template.text(statement, &text_lang)
                    }
                    _ => prompt.as_str(),
                };
                self.fill(self.missing_consent, &[("statement", statement)])
            }
            Missing::ConsentRefused { .. } => self.missing_consent_refused.to_owned(),
            Missing::NothingSaid => self.missing_nothing_said.to_owned(),
            Missing::OutcomeWords { outcome } => self.fill(
                self.missing_outcome_words,
                &[(
                    "number",
                    &number_of(record.outcomes.iter().position(|o| &o.id == outcome)),
                )],
            ),
            Missing::RatingValue {
                prompt,
                outcome,
                by,
            } => {
                let whose = match record.participant(by) {
                    Some(p) => self.whose_view(p.role, p.name.as_deref(), p.id.as_str()),
                    None => by.to_string(),
                };
                let subject = match outcome {
                    Some(outcome) => record
                        .outcome(outcome)
                        .map_or_else(|| outcome.to_string(), |o| o.words.clone()),
                    None => template.prompt(prompt).map_or_else(
                        || prompt.to_string(),
                        |p| conversation.prompt_text(p, &text_lang).to_owned(),
                    ),
                };
                self.fill(
                    self.missing_rating_value,
                    &[("whose", &whose), ("subject", &subject)],
                )
            }
            Missing::ActionWhat { action } => self.fill(
                self.missing_action_what,
                &[(
                    "number",
                    &number_of(record.actions.iter().position(|a| &a.id == action)),
                )],
            ),
        }
    }

    /// A moment (RFC 3339) as the language writes a date and a time of day.
    pub fn date_time(&self, moment: &str) -> String {
        i18n::date_time(moment, &self.lang)
    }

    /// One line of the outbox: the conversation and what became of it.
    pub fn outbox_waiting(&self, queued: &str, attempts: u32, problem: Option<&str>) -> String {
        match (attempts, problem) {
            (0, _) | (_, None) => self.fill(self.outbox_waiting, &[("queued", queued)]),
            (n, Some(problem)) => self.count(
                &self.outbox_retrying,
                u64::from(n),
                &[("queued", queued), ("problem", problem)],
            ),
        }
    }

    pub fn outbox_refused(&self, queued: &str, status: u16, message: &str) -> String {
        let mut out = self.fill(
            self.outbox_refused,
            &[("queued", queued), ("status", &status.to_string())],
        );
        if !message.is_empty() {
            out.push(' ');
            out.push_str(&self.fill(self.outbox_refused_said, &[("message", message)]));
        }
        out
    }

    /// "Agreed by the person on 20 December 2026".
    pub fn consent_summary(&self, given: bool, by: &str, date: &str) -> String {
        let message = if given {
            self.consent_agreed
        } else {
            self.consent_not_agreed
        };
        self.fill(message, &[("by", by), ("date", date)])
    }

    /// "who: the OT; by 1 December 2026; done".
    pub fn action_summary(&self, who: &str, by_when: Option<&str>, done: bool) -> String {
        let mut parts = vec![if who.is_empty() {
            self.action_summary_no_one.to_owned()
        } else {
            self.fill(self.action_summary_who, &[("who", who)])
        }];
        if let Some(date) = by_when {
            parts.push(self.fill(self.action_summary_by, &[("date", date)]));
        }
        parts.push(
            if done {
                self.action_summary_done
            } else {
                self.action_summary_not_done
            }
            .to_owned(),
        );
        self.list(&parts)
    }
}

/// The widget's language, from the nearest [`ContextProvider<Locale>`]; English without one.
#[hook]
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use outcomes_core::text::placeholders;

    use super::*;

    #[test]
    fn every_catalogue_has_the_same_placeholders_as_english() {
        let english = en::MESSAGES.entries();
        for catalogue in all() {
            for (entry, english) in catalogue.entries().iter().zip(&english) {
                let mut expected = placeholders(english.texts[0].1);
                // A form for exactly zero, one or two may say the number in words.
                expected.remove("n");
                for (form, text) in &entry.texts {
                    let mut found = placeholders(text);
                    let has_n = found.remove("n");
                    assert_eq!(
                        found, expected,
                        "{}: {} ({form:?}) uses other placeholders than English",
                        catalogue.lang, entry.name
                    );
                    if entry.forms
                        && !matches!(form, Some(Plural::Zero | Plural::One | Plural::Two))
                    {
                        assert!(
                            has_n,
                            "{}: {} ({form:?}) must say {{n}}",
                            catalogue.lang, entry.name
                        );
                    }
                    assert!(
                        !text.trim().is_empty(),
                        "{}: {} is empty",
                        catalogue.lang,
                        entry.name
                    );
                }
            }
        }
    }

    #[test]
    fn every_catalogue_gives_exactly_the_plural_forms_its_language_uses() {
        for catalogue in all() {
            let used: BTreeSet<Plural> =
                (0..1000).map(|n| i18n::plural(catalogue.lang, n)).collect();
            for entry in catalogue.entries().iter().filter(|e| e.forms) {
                let given: BTreeSet<Plural> = entry
                    .texts
                    .iter()
                    .map(|(form, _)| form.unwrap_or(Plural::Other))
                    .collect();
                assert_eq!(
                    given, used,
                    "{}: {} must give exactly the plural forms {used:?}",
                    catalogue.lang, entry.name
                );
            }
        }
    }

    #[test]
    fn gaelic_says_every_count_in_its_own_form() {
        let locale = Locale::new("gd", false);
        let said: Vec<String> = [1, 2, 3, 20]
            .iter()
            // The number itself taken out: the words around it must differ.
            .map(|&n| {
                locale
                    .count(&locale.device_count, n, &[])
                    .replace(&locale.number(n), "#")
            })
            .collect();
        let distinct: BTreeSet<&String> = said.iter().collect();
        assert_eq!(distinct.len(), 4, "{said:#?}");
    }

    #[test]
    fn languages_pick_their_catalogue_and_fall_back_to_english() {
        assert_eq!(for_lang("gd-GB", false).lang, "gd");
        assert_eq!(for_lang("AR", false).lang, "ar");
        assert_eq!(for_lang("fr", false).lang, "en");
        assert_eq!(for_lang("en", true).name, en_easy::MESSAGES.name);
        assert_eq!(for_lang("gd", true).lang, "gd");
        assert_eq!(Locale::new("en-GB", true).text_lang(), "en-x-easy");
        assert_eq!(Locale::new("gd", false).text_lang(), "gd");
        for catalogue in all() {
            assert_eq!(
                matches!(catalogue.translation, Translation::Original),
                catalogue.lang == "en",
                "{}: only the English catalogues are not drafts",
                catalogue.lang
            );
        }
    }

    #[test]
    fn says_which_language_is_shown_and_whether_it_is_a_draft() {
        let template = outcomes_core::builtin::template("what-matters").unwrap();
        let shown = |lang: &str| Locale::new(lang, false).shown_lang(&template).to_string();
        assert_eq!(shown("gd-GB"), "gd-GB");
        assert_eq!(shown("en"), "en");
        assert_eq!(shown("fr"), "en", "French asked for, English shown");
        let note = |lang: &str| Locale::new(lang, false).translation_note(&template);
        assert_eq!(note("en"), None);
        assert!(
            matches!(gd::MESSAGES.translation, Translation::Draft { notice } if note("gd") == Some(notice))
        );
        let mut drafted = (*template).clone().into_inner();
        drafted.translations.clear();
        drafted
            .translations
            .insert("fr".into(), outcomes_core::TranslationStatus::Draft);
        assert_eq!(
            Locale::new("fr", false).translation_note(&drafted),
            Some(en::MESSAGES.template_draft),
            "an English widget over a draft French template says the questions are a draft"
        );
    }

    #[test]
    fn easy_read_is_shorter_than_english() {
        let words = |t: &str| t.split_whitespace().count();
        let (plain, easy) = (en::MESSAGES.entries(), en_easy::MESSAGES.entries());
        let total =
            |entries: &[Entry]| -> usize { entries.iter().map(|e| words(e.texts[0].1)).sum() };
        assert!(total(&easy) < total(&plain) * 9 / 10);
        // Short sentences: none of more than 15 words.
        for entry in easy {
            for (_, text) in &entry.texts {
                for sentence in text.split(['.', '?', '!', ':']) {
                    assert!(
                        words(sentence) <= 15,
                        "{}: \"{sentence}\" is long",
                        entry.name
                    );
                }
            }
        }
    }
}
