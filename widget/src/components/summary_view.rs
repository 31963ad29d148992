use yew::prelude::*;

use super::{DrawnChart, RatingChart, RatingLine, TagChoice, TagLabel};
use crate::messages::{use_locale, Locale};

/// The views on one scale, with their chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryScale {
    pub title: AttrValue,
    pub lines: Vec<RatingLine>,
    pub chart: Option<DrawnChart>,
}

/// What was said, chosen or agreed at one question.
#[derive(Debug, Clone, PartialEq)]
pub enum SummaryAnswer {
    /// The person's words (`None`: not talked about yet), and the date agreed for next time.
    Words {
        words: Option<AttrValue>,
        date: Option<AttrValue>,
    },
    Chosen(Option<AttrValue>),
    Consent(Option<AttrValue>),
    Views(Vec<SummaryScale>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SummaryEntry {
    pub question: AttrValue,
    pub answer: SummaryAnswer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SummaryStage {
    pub title: AttrValue,
    pub entries: Vec<SummaryEntry>,
}

/// An outcome in the summary: the person's words first.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryOutcome {
    pub words: AttrValue,
    /// "to change or achieve" / "to keep as it is".
    pub kind: AttrValue,
    pub tags: Vec<TagChoice>,
    /// "Worked out with Karen".
    pub contributors: Option<AttrValue>,
    pub scales: Vec<SummaryScale>,
    /// The actions agreed for it.
    pub actions: Vec<AttrValue>,
}

/// An agreed action in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryAction {
    pub what: AttrValue,
    /// Who, by when, done.
    pub details: AttrValue,
    /// The outcomes it helps, in the person's words.
    pub outcomes: Vec<AttrValue>,
    pub done: bool,
}

/// The core's summary (`outcomes_core::summary`), worded for the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryData {
    /// Who was there.
    pub people: AttrValue,
    pub stages: Vec<SummaryStage>,
    /// Words given to questions the template no longer has.
    pub also_said: Vec<AttrValue>,
    pub outcomes: Vec<SummaryOutcome>,
    pub actions: Vec<SummaryAction>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct SummaryViewProps {
    pub summary: SummaryData,
    pub heading_ref: NodeRef,
    /// What happens at the end (finishing, or that it is finished), under the summary.
    #[prop_or_default]
    pub children: Html,
}

fn scale_block(scale: &SummaryScale, t: &Locale) -> Html {
    html! {
        <div class="oc-summary-scale">
            <p class="oc-scale-title">{ scale.title.clone() }</p>
            if let Some(chart) = &scale.chart {
                <RatingChart chart={chart.clone()} />
            }
            <ol class="oc-rating-history">
                { for scale.lines.iter().map(|line| html! {
                    <li class="oc-rating-line">
                        <span class="oc-rated">{ t.fill(t.rated, &[("value", &line.value), ("by", &line.by), ("date", &line.at)]) }</span>
                        if line.reason.is_empty() {
                            <span class="oc-muted">{ " (" }{ t.no_reason }{ ")" }</span>
                        } else {
                            { " " }<q class="oc-words oc-reason">{ line.reason.clone() }</q>
                        }
                    </li>
                }) }
            </ol>
        </div>
    }
}

/// The person's words, stage by stage, shown as text (never as markup); then their outcomes
/// with every view over time and its chart, and who will do what: the same summary as the
/// downloaded page, from the same core view.
#[component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let t = use_locale();
    let s = &props.summary;
    html! {
        <section class="oc-summary" part="summary">
            <h3 class="oc-section-title" tabindex="-1" ref={props.heading_ref.clone()}>{ t.summary_title }</h3>
            <p class="oc-summary-people">{ s.people.clone() }</p>
            { for s.stages.iter().filter(|stage| !stage.entries.is_empty()).map(|stage| html! {
                <div class="oc-summary-section">
                    <h4>{ stage.title.clone() }</h4>
                    <dl>
                        { for stage.entries.iter().map(|entry| html! {
                            <>
                                <dt>{ entry.question.clone() }</dt>
                                { match &entry.answer {
                                    SummaryAnswer::Words { words, date } => html! {
                                        <>
                                            if let Some(words) = words {
                                                <dd class="oc-words">{ words.clone() }</dd>
                                            } else if date.is_none() {
                                                <dd class="oc-not-answered">{ t.not_answered }</dd>
                                            }
                                            if let Some(date) = date {
                                                <dd class="oc-next-review">{ date.clone() }</dd>
                                            }
                                        </>
                                    },
                                    SummaryAnswer::Chosen(answer) | SummaryAnswer::Consent(answer) => match answer {
                                        Some(answer) => html! { <dd class="oc-summary-answer">{ answer.clone() }</dd> },
                                        None => html! { <dd class="oc-not-chosen">{ t.not_chosen }</dd> },
                                    },
                                    SummaryAnswer::Views(scales) if scales.is_empty() => html! {
                                        <dd class="oc-not-chosen">{ t.not_chosen }</dd>
                                    },
                                    SummaryAnswer::Views(scales) => html! {
                                        <dd>{ for scales.iter().map(|scale| scale_block(scale, &t)) }</dd>
                                    },
                                } }
                            </>
                        }) }
                    </dl>
                </div>
            }) }
            // Words given to questions the template no longer has: shown on their own, so no
            // stage's layout can leave them out.
            if !s.also_said.is_empty() {
                <div class="oc-summary-section oc-summary-also">
                    <dl>
                        { for s.also_said.iter().map(|words| html! {
                            <>
                                <dt>{ t.also_said }</dt>
                                <dd class="oc-words">{ words.clone() }</dd>
                            </>
                        }) }
                    </dl>
                </div>
            }
            <div class="oc-summary-section oc-summary-outcomes">
                <h4>{ t.for_person(t.summary_outcomes, t.summary_outcomes_self) }</h4>
                if s.outcomes.is_empty() {
                    <p class="oc-muted">{ t.summary_no_outcomes }</p>
                } else {
                    <ol>
                        { for s.outcomes.iter().map(|outcome| html! {
                            <li class="oc-summary-outcome">
                                if outcome.words.is_empty() {
                                    <p class="oc-muted">{ t.empty_words }</p>
                                } else {
                                    <p class="oc-words oc-outcome-said">{ outcome.words.clone() }</p>
                                }
                                <p class="oc-outcome-about">
                                    <span class="oc-outcome-kind">{ outcome.kind.clone() }</span>
                                    { for outcome.tags.iter().map(|tag| html! { <span class="oc-tag"><TagLabel tag={tag.clone()} /></span> }) }
                                </p>
                                if let Some(with) = &outcome.contributors {
                                    <p class="oc-outcome-with">{ with.clone() }</p>
                                }
                                { for outcome.scales.iter().map(|scale| scale_block(scale, &t)) }
                                if !outcome.actions.is_empty() {
                                    <p class="oc-outcome-actions">{ t.fill(t.outcome_actions, &[("actions", &t.list(&outcome.actions))]) }</p>
                                }
                            </li>
                        }) }
                    </ol>
                }
            </div>
            <div class="oc-summary-section oc-summary-actions">
                <h4>{ t.summary_actions }</h4>
                if s.actions.is_empty() {
                    <p class="oc-muted">{ t.summary_no_actions }</p>
                } else {
                    <ul>
                        { for s.actions.iter().map(|action| html! {
                            <li class={classes!("oc-summary-action", action.done.then_some("oc-done"))}>
                                <p class="oc-words oc-action-said">{ action.what.clone() }</p>
                                <p class="oc-action-details">{ action.details.clone() }</p>
                                if !action.outcomes.is_empty() {
                                    <p class="oc-action-for">{ t.fill(t.action_for, &[("outcomes", &t.list(&action.outcomes))]) }</p>
                                }
                            </li>
                        }) }
                    </ul>
                }
            </div>
            { props.children.clone() }
        </section>
    }
}
