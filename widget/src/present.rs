//! Turns the conversation into what components show: labels in the page's language, who said
//! what. Presentation only: every change still goes back as an `outcomes_core::Action`.

use outcomes_core::{Conversation, Id, OutcomeKind, PromptKind, Rates, Rating, Record, Role};
use yew::AttrValue;

use crate::components::{
    ChartPoint, RatingLine, RatingTarget, ScaleChoice, SummaryAction, SummaryAnswer, SummaryItem,
    SummaryOutcome, SummarySection, TagChoice, TagGroup,
};
use crate::messages::Locale;

fn label(conversation: &Conversation, text: &outcomes_core::Text, t: &Locale) -> AttrValue {
    AttrValue::from(conversation.template().text(text, t.text_lang()).to_owned())
}

/// The participant at the keyboard, who removes outcomes and actions: the practitioner.
pub fn remover(record: &Record) -> Id {
    record
        .participants
        .iter()
        .find(|p| p.role == Role::Practitioner)
        .or_else(|| record.participants.first())
        .map(|p| p.id.clone())
        .unwrap_or_else(|| Id::new("practitioner").unwrap_or_else(|_| unreachable!()))
}

/// The person the conversation is about (who acts when they fill it in on their own).
pub fn person(record: &Record) -> Id {
    record
        .participants
        .iter()
        .find(|p| p.role == Role::Person)
        .map_or_else(|| remover(record), |p| p.id.clone())
}

fn who(record: &Record, id: &Id, t: &Locale) -> String {
    match record.participant(id) {
        Some(p) => t.participant(p.role, p.name.as_deref(), p.id.as_str()),
        None => id.to_string(),
    }
}

/// Everyone taking part, person first, as offered for "Whose view is this?".
pub fn raters(record: &Record, t: &Locale) -> Vec<(Id, AttrValue)> {
    let mut people: Vec<_> = record.participants.iter().collect();
    people.sort_by_key(|p| p.role);
    people
        .into_iter()
        .map(|p| {
            let label = t.rater(p.role, p.name.as_deref(), p.id.as_str());
            (p.id.clone(), AttrValue::from(label))
        })
        .collect()
}

/// Everyone taking part, person first, as offered for "Who is answering?".
pub fn answerers(record: &Record, t: &Locale) -> Vec<(Id, AttrValue)> {
    let mut people: Vec<_> = record.participants.iter().collect();
    people.sort_by_key(|p| p.role);
    people
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

/// Ratings as lines of text: the point's label, by whom, when, why.
pub fn rating_lines(
    conversation: &Conversation,
    ratings: &[Rating],
    t: &Locale,
) -> Vec<RatingLine> {
    let template = conversation.template();
    ratings
        .iter()
        .map(|r| RatingLine {
            value: template
                .scale(&r.scale)
                .and_then(|s| s.point(&r.value))
                .map_or_else(
                    || AttrValue::from(r.value.to_string()),
                    |p| label(conversation, &p.label, t),
                ),
            by: who(conversation.record(), &r.by, t).into(),
            at: AttrValue::from(t.date(r.at.date())),
            reason: AttrValue::from(r.reason.clone()),
        })
        .collect()
}

/// What a rating prompt rates: each outcome in the record, or its own statement.
pub fn rating_targets(
    conversation: &Conversation,
    prompt: &Id,
    rates: Rates,
    t: &Locale,
) -> Vec<RatingTarget> {
    let record = conversation.record();
    match rates {
        Rates::Outcomes => record
            .outcomes
            .iter()
            .map(|o| RatingTarget {
                outcome: Some(o.id.clone()),
                subject: Some(if o.words.is_empty() {
                    AttrValue::Static(t.empty_words)
                } else {
                    AttrValue::from(o.words.clone())
                }),
                history: rating_lines(conversation, &o.ratings, t),
            })
            .collect(),
        Rates::Prompt => vec![RatingTarget {
            outcome: None,
            subject: None,
            history: rating_lines(
                conversation,
                record.prompt_ratings.get(prompt).map_or(&[], Vec::as_slice),
                t,
            ),
        }],
    }
}

/// The record's outcomes as (id, words), for linking actions to them.
pub fn outcome_words(record: &Record, t: &Locale) -> Vec<(Id, AttrValue)> {
    record
        .outcomes
        .iter()
        .map(|o| {
            let words = if o.words.is_empty() {
                AttrValue::Static(t.empty_words)
            } else {
                AttrValue::from(o.words.clone())
            };
            (o.id.clone(), words)
        })
        .collect()
}

/// Where each scored rating sits on its scale (0 lowest, 1 highest), oldest first.
fn chart(conversation: &Conversation, ratings: &[Rating]) -> Vec<ChartPoint> {
    let record = conversation.record();
    ratings
        .iter()
        .filter_map(|r| {
            let scale = conversation.template().scale(&r.scale)?;
            let score = scale.point(&r.value)?.score?;
            let scores = scale.points.iter().filter_map(|p| p.score);
            let (low, high) = scores.fold((i32::MAX, i32::MIN), |(l, h), s| (l.min(s), h.max(s)));
            let level = if high > low {
                f64::from(score - low) / f64::from(high - low)
            } else {
                0.5
            };
            let by_person = record
                .participant(&r.by)
                .is_some_and(|p| p.role == Role::Person);
            Some(ChartPoint { level, by_person })
        })
        .collect()
}

/// The summary: the person's words section by section, then outcomes with their ratings over
/// time, then who will do what.
pub fn summary(
    conversation: &Conversation,
    t: &Locale,
) -> (Vec<SummarySection>, Vec<SummaryOutcome>, Vec<SummaryAction>) {
    let template = conversation.template();
    let record = conversation.record();
    let text_lang = t.text_lang();
    let text = |text: &outcomes_core::Text| label(conversation, text, t);
    let sections = template
        .sections
        .iter()
        .map(|section| SummarySection {
            title: text(&section.title),
            items: section
                .prompts
                .iter()
                .filter(|p| matches!(p.kind, PromptKind::Text { .. }))
                .map(|prompt| SummaryItem {
                    prompt: text(&prompt.text),
                    words: record
                        .text(&prompt.id)
                        .filter(|words| !words.is_empty())
                        .map(|words| AttrValue::from(words.to_owned())),
                })
                .collect(),
            answers: section
                .prompts
                .iter()
                .filter_map(|prompt| match &prompt.kind {
                    PromptKind::Choice { options, .. } => Some(SummaryAnswer {
                        prompt: text(&prompt.text),
                        answer: record
                            .choices
                            .get(&prompt.id)
                            .filter(|c| !c.options.is_empty())
                            .map(|c| {
                                let chosen: Vec<&str> = options
                                    .iter()
                                    .filter(|o| c.options.contains(&o.id))
                                    .map(|o| template.text(&o.label, text_lang))
                                    .collect();
                                AttrValue::from(t.list(&chosen))
                            }),
                        ratings: Vec::new(),
                        chart: Vec::new(),
                    }),
                    PromptKind::Consent { statement } => Some(SummaryAnswer {
                        prompt: text(statement),
                        answer: record.consent.get(&prompt.id).map(|c| {
                            t.consent_summary(c.given, &who(record, &c.by, t), &t.date(c.at.date()))
                                .into()
                        }),
                        ratings: Vec::new(),
                        chart: Vec::new(),
                    }),
                    PromptKind::Rating {
                        rates: Rates::Prompt,
                        ..
                    } => Some(SummaryAnswer {
                        prompt: text(&prompt.text),
                        answer: None,
                        ratings: rating_lines(
                            conversation,
                            record
                                .prompt_ratings
                                .get(&prompt.id)
                                .map_or(&[], Vec::as_slice),
                            t,
                        ),
                        chart: chart(
                            conversation,
                            record
                                .prompt_ratings
                                .get(&prompt.id)
                                .map_or(&[], Vec::as_slice),
                        ),
                    }),
                    _ => None,
                })
                .collect(),
        })
        .collect();
    let outcomes = record
        .outcomes
        .iter()
        .map(|o| SummaryOutcome {
            words: AttrValue::from(o.words.clone()),
            tags: o
                .tags
                .iter()
                .map(|id| TagChoice {
                    id: id.clone(),
                    label: template
                        .tag(id)
                        .map_or_else(|| AttrValue::from(id.to_string()), |tag| text(&tag.label)),
                    picture: template.tag(id).and_then(|tag| tag.picture.clone()),
                })
                .collect(),
            kind: AttrValue::Static(match o.kind {
                OutcomeKind::Achieve => t.outcome_achieve_short,
                OutcomeKind::Maintain => t.outcome_maintain_short,
            }),
            chart: chart(conversation, &o.ratings),
            ratings: rating_lines(conversation, &o.ratings, t),
        })
        .collect();
    let actions = record
        .actions
        .iter()
        .map(|a| SummaryAction {
            what: AttrValue::from(a.what.clone()),
            details: t
                .action_summary(
                    &a.who,
                    a.by_when.as_ref().map(|d| t.date(d.as_str())).as_deref(),
                    a.done.is_some(),
                )
                .into(),
            outcomes: a
                .outcomes
                .iter()
                .filter_map(|id| record.outcome(id))
                .map(|o| AttrValue::from(o.words.clone()))
                .collect(),
            done: a.done.is_some(),
        })
        .collect();
    (sections, outcomes, actions)
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

    fn rate(c: &mut Conversation, value: &str, by: &str) {
        apply(
            c,
            Action::Rate {
                prompt: id("now"),
                outcome: Some(id("o-1")),
                value: id(value),
                reason: format!("{by} says {value}"),
                by: id(by),
            },
        );
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
    fn the_chart_places_scored_ratings_and_tells_the_person_from_others() {
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
        rate(&mut c, "partly-met", "person");
        rate(&mut c, "not-met", "practitioner");
        rate(&mut c, "no-longer-relevant", "person");
        rate(&mut c, "met", "person");
        let points = chart(&c, &c.record().outcomes[0].ratings);
        assert_eq!(
            points,
            [
                ChartPoint {
                    level: 0.5,
                    by_person: true
                },
                ChartPoint {
                    level: 0.0,
                    by_person: false
                },
                ChartPoint {
                    level: 1.0,
                    by_person: true
                },
            ],
            "a point without a score is listed, not drawn"
        );
        let (_, outcomes, _) = summary(&c, &Locale::default());
        assert_eq!(outcomes[0].words.as_str(), "See Jim");
        assert_eq!(outcomes[0].tags[0].label.as_str(), "Seeing people");
        assert_eq!(
            outcomes[0].kind.as_str(),
            Locale::default().outcome_maintain_short
        );
        assert_eq!(outcomes[0].ratings.len(), 4, "every rating is listed");
        assert_eq!(outcomes[0].ratings[1].by.as_str(), "the practitioner");
        assert_eq!(outcomes[0].ratings[1].value.as_str(), "Not met");
    }

    #[test]
    fn raters_start_with_the_person_and_removal_is_by_the_practitioner() {
        let c = conversation("what-matters");
        let raters = raters(c.record(), &Locale::default());
        assert_eq!(raters[0].0, id("person"));
        assert_eq!(
            raters[1].1.as_str(),
            Locale::default().rating_by_practitioner
        );
        assert_eq!(remover(c.record()), id("practitioner"));
    }

    #[test]
    fn the_summary_names_chosen_options_and_linked_outcomes() {
        let mut c = conversation("member-evaluation");
        apply(
            &mut c,
            Action::SetChoice {
                prompt: id("role"),
                options: vec![id("housing")],
            },
        );
        let (sections, _, actions) = summary(&c, &Locale::default());
        assert_eq!(
            sections[0].answers[0]
                .answer
                .as_ref()
                .map(AttrValue::as_str),
            Some("Housing")
        );
        assert_eq!(sections[0].answers[1].answer, None);
        assert!(actions.is_empty());
    }
}
