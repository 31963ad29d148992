//! The summary of one conversation as plain data: what the widget's summary screen, the
//! plain-text summary and the HTML summary all show, so they can never say different things.
//! Each renders it in its own words ([`crate::export::summary`] for the files, the widget's
//! catalogues on screen); what is in it, in which order, and where each chart's points sit is
//! decided here once.

use crate::chart::Chart;
use crate::id::Id;
use crate::record::{Mode, OutcomeKind, Participant, Rating, Record, Role, Status};
use crate::template::{PromptKind, Rates, Template};
use crate::time::{Date, Timestamp};

/// Someone named in a summary: a participant of the record (or an id the record no longer
/// lists, kept as it was).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who<'a> {
    pub id: &'a Id,
    /// `None` when the id is not among the record's participants.
    pub role: Option<Role>,
    pub name: Option<&'a str>,
}

impl<'a> Who<'a> {
    /// `id` as the record knows them.
    pub fn of(record: &'a Record, id: &'a Id) -> Self {
        match record.participant(id) {
            Some(p) => Self::participant(p),
            None => Self {
                id,
                role: None,
                name: None,
            },
        }
    }

    pub fn participant(p: &'a Participant) -> Self {
        Self {
            id: &p.id,
            role: Some(p.role),
            name: p.name.as_deref().filter(|n| !n.trim().is_empty()),
        }
    }

    pub fn is_person(&self) -> bool {
        self.role == Some(Role::Person)
    }
}

/// One view: a point on a scale (if chosen yet), why, who and when.
#[derive(Debug, Clone, PartialEq)]
pub struct View<'a> {
    /// The point's label in the summary's language; `None` while only the reason is given.
    pub point: Option<&'a str>,
    pub reason: &'a str,
    pub by: Who<'a>,
    pub at: &'a Timestamp,
    /// Given at an earlier conversation (carried into this review).
    pub earlier: bool,
}

impl<'a> View<'a> {
    /// A rating of `record` as a view, its point named in `lang` (the point's id when the
    /// template does not have it).
    pub fn of(record: &'a Record, template: &'a Template, rating: &'a Rating, lang: &str) -> Self {
        View {
            point: rating.value.as_ref().map(|v| {
                template
                    .scale(&rating.scale)
                    .and_then(|s| s.point(v))
                    .map_or(v.as_str(), |p| template.text(&p.label, lang))
            }),
            reason: &rating.reason,
            by: Who::of(record, &rating.by),
            at: &rating.at,
            earlier: !rating.given_here(),
        }
    }
}

/// The views on one scale, oldest first, and their chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleViews<'a> {
    /// The scale's title, e.g. "How far is this outcome met?".
    pub scale: &'a str,
    pub views: Vec<View<'a>>,
    /// The views with a scored point, placed by date and level; `None` when none has one.
    pub chart: Option<Chart<'a>>,
}

/// One thing said or chosen in a stage of the conversation.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<'a> {
    /// A question and the person's words, verbatim; `None` when not talked about yet. The
    /// question that asks when to talk again carries the date agreed, if any.
    Words {
        prompt: &'a str,
        words: Option<&'a str>,
        date: Option<&'a Date>,
    },
    /// The options chosen (labels), none when nothing was chosen yet.
    Choice {
        prompt: &'a str,
        chosen: Vec<&'a str>,
    },
    /// A statement and whether it was agreed, by whom and when.
    Consent {
        statement: &'a str,
        answer: Option<ConsentAnswer<'a>>,
    },
    /// A statement rated in itself ("I feel listened to").
    Rated {
        prompt: &'a str,
        scales: Vec<ScaleViews<'a>>,
    },
}

impl Entry<'_> {
    /// Whether anything was said, chosen or rated here.
    pub fn is_answered(&self) -> bool {
        match self {
            Entry::Words { words, date, .. } => words.is_some() || date.is_some(),
            Entry::Choice { chosen, .. } => !chosen.is_empty(),
            Entry::Consent { answer, .. } => answer.is_some(),
            Entry::Rated { scales, .. } => scales.iter().any(|s| !s.views.is_empty()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentAnswer<'a> {
    pub given: bool,
    pub by: Who<'a>,
    pub at: &'a Timestamp,
}

/// One stage of the conversation and what was said in it, in the template's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage<'a> {
    pub title: &'a str,
    pub entries: Vec<Entry<'a>>,
}

/// A tag of an outcome, named in the summary's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'a> {
    pub id: &'a Id,
    pub label: &'a str,
    /// Its picture for easy read, if the template gives one.
    pub picture: Option<&'a Id>,
}

/// An outcome: the person's words first, then what it is about and how it is going.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeSummary<'a> {
    pub id: &'a Id,
    pub words: &'a str,
    pub kind: OutcomeKind,
    pub tags: Vec<Tag<'a>>,
    /// Who shaped it with the person.
    pub contributors: Vec<Who<'a>>,
    /// Its views, one group per scale, each with its chart.
    pub scales: Vec<ScaleViews<'a>>,
    /// What was agreed to work towards it.
    pub actions: Vec<&'a str>,
    /// Carried forward from an earlier conversation.
    pub carried: bool,
}

/// An agreed action.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionSummary<'a> {
    pub what: &'a str,
    pub who: &'a str,
    pub by_when: Option<&'a Date>,
    pub done: Option<&'a Timestamp>,
    /// The outcomes it works towards, in the person's words.
    pub outcomes: Vec<&'a str>,
}

/// Everything a summary shows, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    /// The template's title.
    pub title: &'a str,
    /// When the conversation started.
    pub created: &'a Timestamp,
    /// When it was last changed.
    pub updated: &'a Timestamp,
    pub revision: u32,
    pub status: Status,
    /// Who took part, person first.
    pub people: Vec<&'a Participant>,
    /// The person's words and answers, stage by stage.
    pub stages: Vec<Stage<'a>>,
    /// Words given to prompts the template no longer has (a record made with an earlier
    /// version): the person's words too, never dropped.
    pub also_said: Vec<&'a str>,
    pub outcomes: Vec<OutcomeSummary<'a>>,
    pub actions: Vec<ActionSummary<'a>>,
    /// The date agreed for the next conversation.
    pub next_review: Option<&'a Date>,
}

impl<'a> Summary<'a> {
    /// The summary of `record`, made with `template`, in `lang` (template texts fall back as
    /// the template says), with the questions worded for `mode`.
    pub fn of(record: &'a Record, template: &'a Template, lang: &str, mode: Mode) -> Self {
        let text = |t: &'a crate::Text| template.text(t, lang);
        let views_of = |ratings: &'a [Rating]| scale_views(record, template, lang, ratings);
        let stages = template
            .sections
            .iter()
            .map(|section| Stage {
                title: text(&section.title),
                entries: section
                    .prompts
                    .iter()
                    .filter_map(|prompt| {
                        let question = template.prompt_text(prompt, mode, lang);
                        Some(match &prompt.kind {
                            PromptKind::Text { next_review, .. } => Entry::Words {
                                prompt: question,
                                words: record.text(&prompt.id).filter(|w| !w.trim().is_empty()),
                                date: record.next_review.as_ref().filter(|_| *next_review),
                            },
                            PromptKind::Choice { options, .. } => Entry::Choice {
                                prompt: question,
                                chosen: record
                                    .choices
                                    .get(&prompt.id)
                                    .map(|c| {
                                        options
                                            .iter()
                                            .filter(|o| c.options.contains(&o.id))
                                            .map(|o| text(&o.label))
                                            .collect()
                                    })
                                    .unwrap_or_default(),
                            },
                            PromptKind::Consent { statement, .. } => Entry::Consent {
                                statement: text(statement),
                                answer: record.consent.get(&prompt.id).map(|c| ConsentAnswer {
                                    given: c.given,
                                    by: Who::of(record, &c.by),
                                    at: &c.at,
                                }),
                            },
                            PromptKind::Rating {
                                rates: Rates::Prompt,
                                ..
                            } => Entry::Rated {
                                prompt: question,
                                scales: views_of(
                                    record
                                        .prompt_ratings
                                        .get(&prompt.id)
                                        .map_or(&[], Vec::as_slice),
                                ),
                            },
                            // A text answer kept for a prompt that asks for something else now
                            // (a record made with an earlier version of the template): the
                            // person's words, shown with the question, never dropped.
                            _ => Entry::Words {
                                prompt: question,
                                words: Some(
                                    record.text(&prompt.id).filter(|w| !w.trim().is_empty())?,
                                ),
                                date: None,
                            },
                        })
                    })
                    .collect(),
            })
            .collect();
        let also_said = record
            .answers
            .iter()
            .filter(|(prompt, answer)| {
                template.prompt(prompt).is_none() && !answer.text.trim().is_empty()
            })
            .map(|(_, answer)| answer.text.as_str())
            .collect();
        let outcomes = record
            .outcomes
            .iter()
            .map(|o| OutcomeSummary {
                id: &o.id,
                words: &o.words,
                kind: o.kind,
                tags: o
                    .tags
                    .iter()
                    .map(|id| {
                        let tag = template.tag(id);
                        Tag {
                            id,
                            label: tag.map_or(id.as_str(), |t| text(&t.label)),
                            picture: tag.and_then(|t| t.picture.as_ref()),
                        }
                    })
                    .collect(),
                contributors: o.contributors.iter().map(|c| Who::of(record, c)).collect(),
                scales: views_of(&o.ratings),
                actions: record
                    .actions
                    .iter()
                    .filter(|a| a.outcomes.contains(&o.id))
                    .map(|a| a.what.as_str())
                    .collect(),
                carried: o.carried_from.is_some(),
            })
            .collect();
        let actions = record
            .actions
            .iter()
            .map(|a| ActionSummary {
                what: &a.what,
                who: &a.who,
                by_when: a.by_when.as_ref(),
                done: a.done.as_ref(),
                outcomes: a
                    .outcomes
                    .iter()
                    .filter_map(|id| record.outcome(id))
                    .map(|o| o.words.as_str())
                    .collect(),
            })
            .collect();
        let mut people: Vec<&Participant> = record.participants.iter().collect();
        people.sort_by_key(|p| p.role);
        Self {
            title: text(&template.title),
            created: &record.created,
            updated: &record.updated,
            revision: record.revision,
            status: record.status,
            people,
            stages,
            also_said,
            outcomes,
            actions,
            next_review: record.next_review.as_ref(),
        }
    }
}

/// Views grouped by scale, in the order each scale was first used; each group with its chart.
fn scale_views<'a>(
    record: &'a Record,
    template: &'a Template,
    lang: &str,
    ratings: &'a [Rating],
) -> Vec<ScaleViews<'a>> {
    let mut scales: Vec<&Id> = Vec::new();
    for rating in ratings {
        if !scales.contains(&&rating.scale) {
            scales.push(&rating.scale);
        }
    }
    scales
        .into_iter()
        .map(|scale_id| {
            let scale = template.scale(scale_id);
            let on_scale: Vec<&Rating> = ratings.iter().filter(|r| &r.scale == scale_id).collect();
            let views = on_scale
                .iter()
                .map(|r| View::of(record, template, r, lang))
                .collect();
            ScaleViews {
                scale: scale.map_or(scale_id.as_str(), |s| template.text(&s.title, lang)),
                views,
                chart: scale.and_then(|s| Chart::of(record, template, s, &on_scale, lang)),
            }
        })
        .collect()
}
