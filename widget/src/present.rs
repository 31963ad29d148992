//! Turns the conversation into what components show: labels in the page's language, who said
//! what. Words only: what is shown, in which order, and every rule comes from the core
//! (`Conversation`'s queries and `outcomes_core::summary`); every change still goes back as an
//! `outcomes_core::Action`.

use outcomes_core::chart::{Chart, Label, Shape};
use outcomes_core::summary::{Entry, ScaleViews, Summary, View};
use outcomes_core::{
    Conversation, Id, OutcomeKind, Participant, Prompt, PromptKind, Rates, Record, RecordId, Status,
};
use yew::AttrValue;

use crate::components::{
    DrawnChart, DrawnShape, KeptConversation, RatingAsked, RatingLine, RatingQuestion,
    RatingTarget, ScaleChoice, SummaryAction, SummaryAnswer, SummaryData, SummaryEntry,
    SummaryOutcome, SummaryScale, SummaryStage, TagChoice, TagGroup, VoiceView,
};
use crate::messages::Locale;
use crate::setup::Setup;
use crate::storage::Kept;

fn label(conversation: &Conversation, text: &outcomes_core::Text, t: &Locale) -> AttrValue {
    AttrValue::from(conversation.template().text(text, t.text_lang()).to_owned())
}

/// Who can answer a consent, person first: everyone taking part, or the person alone.
pub fn answerers(conversation: &Conversation, t: &Locale) -> Vec<(Id, AttrValue)> {
    conversation
        .voices()
        .into_iter()
        .map(|p| {
            let label = t.answerer(p.role, p.name.as_deref(), p.id.as_str());
            (p.id.clone(), AttrValue::from(label))
        })
        .collect()
}

/// The tags of an outcome set, grouped as the set groups them, in the set's order.
pub fn tag_groups(conversation: &Conversation, set: Option<&Id>, t: &Locale) -> Vec<TagGroup> {
    let Some(set) = set.and_then(|id| conversation.template().outcome_set(id)) else {
        return Vec::new();
    };
    let mut groups: Vec<(Option<&Id>, TagGroup)> = Vec::new();
    for tag in &set.tags {
        let choice = TagChoice {
            id: tag.id.clone(),
            label: label(conversation, &tag.label, t),
            picture: tag.picture.clone(),
        };
        match groups.iter_mut().find(|(g, _)| *g == tag.group.as_ref()) {
            Some((_, group)) => group.tags.push(choice),
            None => groups.push((
                tag.group.as_ref(),
                TagGroup {
                    label: t.tag_group(tag.group.as_ref().map(Id::as_str)).into(),
                    tags: vec![choice],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// The points of a scale, best first as the template lists them.
pub fn scale(conversation: &Conversation, scale: &Id, t: &Locale) -> (AttrValue, Vec<ScaleChoice>) {
    match conversation.template().scale(scale) {
        Some(s) => (
            label(conversation, &s.title, t),
            s.points
                .iter()
                .map(|p| ScaleChoice {
                    id: p.id.clone(),
                    label: label(conversation, &p.label, t),
                })
                .collect(),
        ),
        None => (AttrValue::from(scale.to_string()), Vec::new()),
    }
}

fn rating_line(view: &View<'_>, t: &Locale) -> RatingLine {
    RatingLine {
        value: AttrValue::from(view.point.unwrap_or(t.no_point).to_owned()),
        by: t.named(view.by).into(),
        at: t.date(view.at.date()).into(),
        reason: AttrValue::from(view.reason.to_owned()),
    }
}

/// A rating prompt's question, hint and notes, as this mode words them.
pub fn rating_question(conversation: &Conversation, prompt: &Prompt, t: &Locale) -> RatingQuestion {
    RatingQuestion {
        id: prompt.id.clone(),
        text: conversation
            .prompt_text(prompt, t.text_lang())
            .to_owned()
            .into(),
        hint: conversation
            .prompt_hint(prompt, t.text_lang())
            .map(|h| h.to_owned().into()),
        guidance: prompt
            .guidance
            .as_ref()
            .filter(|_| conversation.shows_guidance())
            .map(|g| label(conversation, g, t)),
    }
}

/// What rating `prompts` (all rating the same kind of thing) ask about: each of the record's
/// outcomes once, with every prompt's scale, last time beside this time; or, for a prompt that
/// rates itself, the statement.
pub fn rating_targets(
    conversation: &Conversation,
    prompts: &[&Prompt],
    t: &Locale,
) -> Vec<RatingTarget> {
    let record = conversation.record();
    let voices = conversation.voices();
    let alone = voices.len() == 1;
    let asked = |prompt: &Prompt, outcome: Option<&Id>| -> Option<RatingAsked> {
        let PromptKind::Rating {
            scale: scale_id, ..
        } = &prompt.kind
        else {
            return None;
        };
        let (scale_title, points) = scale(conversation, scale_id, t);
        let views = voices
            .iter()
            .map(|p| {
                let view = conversation.view(&prompt.id, outcome, &p.id);
                VoiceView {
                    by: p.id.clone(),
                    whose: (!alone).then(|| whose(p, t)),
                    add: t.add_view(p.role, p.name.as_deref(), p.id.as_str()).into(),
                    value: view.and_then(|v| v.value.clone()),
                    reason: view.map_or_else(AttrValue::default, |v| v.reason.clone().into()),
                    open: p.role == outcomes_core::Role::Person,
                }
            })
            .collect();
        let last_time = conversation
            .earlier_views(&prompt.id, outcome)
            .into_iter()
            .map(|r| {
                rating_line(
                    &View::of(record, conversation.template(), r, t.text_lang()),
                    t,
                )
            })
            .collect();
        Some(RatingAsked {
            prompt: prompt.id.clone(),
            scale_title,
            points,
            last_time,
            views,
        })
    };
    match prompts.first().map(|p| &p.kind) {
        Some(PromptKind::Rating {
            rates: Rates::Prompt,
            ..
        }) => vec![RatingTarget {
            outcome: None,
            subject: None,
            earlier_words: None,
            asked: prompts.iter().filter_map(|p| asked(p, None)).collect(),
        }],
        Some(_) => record
            .outcomes
            .iter()
            .map(|o| RatingTarget {
                outcome: Some(o.id.clone()),
                subject: Some(words_or_none(&o.words, t)),
                earlier_words: conversation
                    .earlier_outcome(&o.id)
                    .filter(|earlier| earlier.words != o.words)
                    .map(|earlier| AttrValue::from(earlier.words.clone())),
                asked: prompts
                    .iter()
                    .filter_map(|p| asked(p, Some(&o.id)))
                    .collect(),
            })
            .collect(),
        None => Vec::new(),
    }
}

/// "The person's view", "Karen's view".
fn whose(p: &Participant, t: &Locale) -> AttrValue {
    t.whose_view(p.role, p.name.as_deref(), p.id.as_str())
        .into()
}

/// Everyone taking part in one line, for the closed list of people: "the person (Mr Duncan,
/// SW-2291); the practitioner".
pub fn people_line(conversation: &Conversation, t: &Locale) -> String {
    let names: Vec<String> = conversation
        .voices()
        .into_iter()
        .map(|p| {
            let role = t.participant(p.role, None, p.id.as_str());
            let details: Vec<&str> = [p.name.as_deref(), p.reference.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if details.is_empty() {
                role
            } else {
                t.fill(
                    t.with_reference,
                    &[("name", &role), ("reference", &details.join(", "))],
                )
            }
        })
        .collect();
    t.list(&names)
}

fn words_or_none(words: &str, t: &Locale) -> AttrValue {
    if words.is_empty() {
        AttrValue::Static(t.empty_words)
    } else {
        AttrValue::from(words.to_owned())
    }
}

/// The record's outcomes as (id, words), for linking actions to them.
pub fn outcome_words(record: &Record, t: &Locale) -> Vec<(Id, AttrValue)> {
    record
        .outcomes
        .iter()
        .map(|o| (o.id.clone(), words_or_none(&o.words, t)))
        .collect()
}

/// A chart, laid out by the core, with its dates and people in this language.
pub fn drawing(chart: &Chart<'_>, t: &Locale) -> DrawnChart {
    let dates: Vec<String> = chart
        .dates
        .iter()
        .map(|(_, d)| t.date(d.as_str()))
        .collect();
    let longest = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    let drawing = chart.drawing(longest);
    let shapes = drawing
        .shapes
        .iter()
        .map(|shape| match shape {
            Shape::Line { from, to, stroke } => DrawnShape::Line {
                from: *from,
                to: *to,
                stroke: *stroke,
            },
            Shape::Path { points, stroke } => DrawnShape::Path {
                points: outcomes_core::chart::svg_points(points),
                stroke: *stroke,
            },
            Shape::Marker { at, marker } => DrawnShape::Marker {
                path: marker.svg_path(*at),
                filled: marker.filled(),
            },
            Shape::Text { at, anchor, label } => DrawnShape::Text {
                at: *at,
                anchor: anchor.svg(),
                text: match label {
                    Label::Text(text) => AttrValue::from((*text).to_owned()),
                    Label::Date(date) => t.date(date.as_str()).into(),
                    Label::Who(who) => match who.role {
                        Some(role) => t.answerer(role, who.name, who.id.as_str()).into(),
                        None => who.id.to_string().into(),
                    },
                },
            },
        })
        .collect();
    DrawnChart {
        name: t.fill(t.chart_name, &[("scale", chart.scale)]).into(),
        width: drawing.width,
        height: drawing.height,
        shapes,
    }
}

fn scales(scales: &[ScaleViews<'_>], t: &Locale) -> Vec<SummaryScale> {
    scales
        .iter()
        .map(|s| SummaryScale {
            title: AttrValue::from(s.scale.to_owned()),
            lines: s.views.iter().map(|v| rating_line(v, t)).collect(),
            chart: s.chart.as_ref().map(|c| drawing(c, t)),
        })
        .collect()
}

/// The core's summary, in this language's words, for the summary screen.
pub fn summary(summary: &Summary<'_>, t: &Locale) -> SummaryData {
    let text = |s: &str| AttrValue::from(s.to_owned());
    let people: Vec<String> = summary
        .people
        .iter()
        .map(|p| {
            let mut name = t.participant(p.role, p.name.as_deref(), p.id.as_str());
            if let Some(reference) = &p.reference {
                name = t.fill(
                    t.with_reference,
                    &[("name", &name), ("reference", reference)],
                );
            }
            name
        })
        .collect();
    SummaryData {
        people: t
            .fill(t.summary_people, &[("names", &t.list(&people))])
            .into(),
        stages: summary
            .stages
            .iter()
            .map(|stage| SummaryStage {
                title: text(stage.title),
                entries: stage
                    .entries
                    .iter()
                    .map(|entry| match entry {
                        Entry::Words {
                            prompt,
                            words,
                            date,
                        } => SummaryEntry {
                            question: text(prompt),
                            answer: SummaryAnswer::Words {
                                words: words.map(text),
                                date: date.map(|d| {
                                    t.fill(t.next_review_on, &[("date", &t.date(d.as_str()))])
                                        .into()
                                }),
                            },
                        },
                        Entry::Choice { prompt, chosen } => SummaryEntry {
                            question: text(prompt),
                            answer: SummaryAnswer::Chosen(
                                (!chosen.is_empty()).then(|| t.list(chosen).into()),
                            ),
                        },
                        Entry::Consent { statement, answer } => SummaryEntry {
                            question: text(statement),
                            answer: SummaryAnswer::Consent(answer.map(|a| {
                                t.consent_summary(a.given, &t.named(a.by), &t.date(a.at.date()))
                                    .into()
                            })),
                        },
                        Entry::Rated { prompt, scales: s } => SummaryEntry {
                            question: text(prompt),
                            answer: SummaryAnswer::Views(scales(s, t)),
                        },
                    })
                    .collect(),
            })
            .collect(),
        also_said: summary.also_said.iter().map(|w| text(w)).collect(),
        outcomes: summary
            .outcomes
            .iter()
            .map(|o| SummaryOutcome {
                words: text(o.words),
                kind: AttrValue::Static(match o.kind {
                    OutcomeKind::Achieve => t.outcome_achieve_short,
                    OutcomeKind::Maintain => t.outcome_maintain_short,
                }),
                tags: o
                    .tags
                    .iter()
                    .map(|tag| TagChoice {
                        id: tag.id.clone(),
                        label: text(tag.label),
                        picture: tag.picture.cloned(),
                    })
                    .collect(),
                contributors: (!o.contributors.is_empty()).then(|| {
                    let names: Vec<String> = o.contributors.iter().map(|c| t.named(*c)).collect();
                    t.fill(t.worked_out_with, &[("names", &t.list(&names))])
                        .into()
                }),
                scales: scales(&o.scales, t),
                actions: o.actions.iter().map(|a| text(a)).collect(),
            })
            .collect(),
        actions: summary
            .actions
            .iter()
            .map(|a| SummaryAction {
                what: text(a.what),
                details: t
                    .action_summary(
                        a.who,
                        a.by_when.map(|d| t.date(d.as_str())).as_deref(),
                        a.done.is_some(),
                    )
                    .into(),
                outcomes: a.outcomes.iter().map(|w| text(w)).collect(),
                done: a.done.is_some(),
            })
            .collect(),
    }
}

/// A kept conversation as the device list shows it.
pub fn kept_conversation(
    setup: &Setup,
    kept: &Kept,
    current: Option<&RecordId>,
    t: &Locale,
) -> KeptConversation {
    let record = &kept.record;
    let template = setup.template_for(record);
    let person = record.person();
    let who = person
        .and_then(|p| match (&p.name, &p.reference) {
            (Some(name), Some(reference)) => Some(t.fill(
                t.with_reference,
                &[("name", name), ("reference", reference)],
            )),
            (Some(name), None) => Some(name.clone()),
            (None, Some(reference)) => Some(reference.clone()),
            (None, None) => None,
        })
        .unwrap_or_else(|| t.device_no_name.to_owned());
    let about = template.as_ref().map_or_else(
        || record.template.id.to_string(),
        |t2| t2.text(&t2.title, t.text_lang()).to_owned(),
    );
    let sections = template.as_ref().map_or(0, |t| t.sections.len());
    let stage = match record.status {
        Status::Submitted => t.device_sent.to_owned(),
        Status::Complete if setup.endpoint.is_some() => t.device_waiting.to_owned(),
        Status::Complete => t.device_finished.to_owned(),
        Status::Draft if record.replaces.is_some() => t.device_changed.to_owned(),
        Status::Draft if kept.position >= sections => t.device_at_summary.to_owned(),
        Status::Draft => t.stage_of(kept.position + 1, sections),
    };
    KeptConversation {
        id: record.id.clone(),
        who: who.into(),
        about: about.into(),
        started: t.date(record.created.date()).into(),
        stage: stage.into(),
        current: current == Some(&record.id),
        can_open: template.is_some(),
        can_review: record.status != Status::Draft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use outcomes_core::{builtin, Action, RecordId, Timestamp};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    fn conversation(template: &str) -> Conversation {
        Conversation::start(
            builtin::template(template).unwrap(),
            RecordId::new("r1").unwrap(),
            Timestamp::parse("2026-11-26T10:00:00Z").unwrap(),
        )
    }

    fn apply(c: &mut Conversation, action: Action) {
        c.apply(action, Timestamp::parse("2026-11-26T10:05:00Z").unwrap())
            .unwrap();
    }

    #[test]
    fn tags_are_grouped_in_the_sets_order() {
        let c = conversation("what-matters");
        let groups = tag_groups(&c, Some(&id("talking-points")), &Locale::default());
        let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Quality of life", "How support is given", "Change"]
        );
        assert_eq!(groups[0].tags[0].label.as_str(), "Feeling safe");
        assert!(tag_groups(&c, None, &Locale::default()).is_empty());
    }

    #[test]
    fn each_outcome_is_asked_about_once_with_every_voice_the_person_first() {
        let mut c = conversation("what-matters");
        apply(
            &mut c,
            Action::AddOutcome {
                id: id("o-1"),
                words: "See Jim".into(),
                kind: OutcomeKind::Maintain,
                tags: vec![id("seeing-people")],
            },
        );
        apply(
            &mut c,
            Action::SetRatingReason {
                prompt: id("now"),
                outcome: Some(id("o-1")),
                by: id("practitioner"),
                reason: "Jim visits less".into(),
            },
        );
        let prompt = c.template().prompt(&id("now")).unwrap().clone();
        let targets = rating_targets(&c, &[&prompt], &Locale::default());
        assert_eq!(targets.len(), 1);
        let views = &targets[0].asked[0].views;
        assert_eq!(views[0].by, id("person"));
        assert!(views[0].open, "the person's view is always open");
        assert_eq!(views[1].reason.as_str(), "Jim visits less");
        assert_eq!(
            views[1].value, None,
            "a reason with no point, kept as it is"
        );
    }

    #[test]
    fn the_summary_names_chosen_options_and_who_was_there() {
        let mut c = conversation("member-evaluation");
        apply(
            &mut c,
            Action::SetChoice {
                prompt: id("role"),
                options: vec![id("housing")],
            },
        );
        let t = Locale::default();
        let data = summary(&c.summary(t.text_lang()), &t);
        assert!(matches!(
            &data.stages[0].entries[0].answer,
            SummaryAnswer::Chosen(Some(chosen)) if chosen.as_str() == "Housing"
        ));
        assert!(data.people.contains("the person"), "{}", data.people);
        assert!(data.actions.is_empty());
    }
}
