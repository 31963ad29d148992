use yew::prelude::*;

use super::{ChartPoint, RatingChart, RatingLine, TagChoice, TagLabel};
use crate::messages::{use_locale, Locale};

/// One answered (or not yet answered) prompt in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryItem {
    pub prompt: AttrValue,
    /// The person's words, verbatim; `None` when not talked about yet.
    pub words: Option<AttrValue>,
}

/// A choice, a consent or a rated statement in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryAnswer {
    pub prompt: AttrValue,
    /// The option(s) chosen or the consent given; `None` when not answered yet.
    pub answer: Option<AttrValue>,
    /// Ratings of the statement, oldest first.
    pub ratings: Vec<RatingLine>,
    /// The scored ones, for the chart.
    pub chart: Vec<ChartPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SummarySection {
    pub title: AttrValue,
    pub items: Vec<SummaryItem>,
    #[doc = "Choices, consent and rated statements, after the person's words."]
    pub answers: Vec<SummaryAnswer>,
}

/// An outcome in the summary: the person's words first.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryOutcome {
    pub words: AttrValue,
    /// What it is about: the tags chosen.
    pub tags: Vec<TagChoice>,
    /// "to change or achieve" / "to keep as it is".
    pub kind: AttrValue,
    pub chart: Vec<ChartPoint>,
    pub ratings: Vec<RatingLine>,
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

#[derive(Debug, Properties, PartialEq)]
pub struct SummaryViewProps {
    pub sections: Vec<SummarySection>,
    #[prop_or_default]
    pub outcomes: Vec<SummaryOutcome>,
    #[prop_or_default]
    pub actions: Vec<SummaryAction>,
    pub finished: bool,
    pub heading_ref: NodeRef,
    pub on_finish: Callback<()>,
}

fn rating_list(ratings: &[RatingLine], t: &Locale) -> Html {
    if ratings.is_empty() {
        return Html::default();
    }
    html! {
        <ol class="oc-rating-history">
            { for ratings.iter().map(|line| html! {
                <li class="oc-rating-line">
                    <span class="oc-rated">{ t.fill(t.rated, &[("value", &line.value), ("by", &line.by), ("date", &line.at)]) }</span>
                    if line.reason.is_empty() {
                        <span class="oc-muted">{ " (" }{ t.no_reason }{ ")" }</span>
                    } else {
                        <q class="oc-reason">{ line.reason.clone() }</q>
                    }
                </li>
            }) }
        </ol>
    }
}

/// The person's words, stage by stage, shown as text (never as markup); then their outcomes
/// with every rating over time, and who will do what.
#[component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let t = use_locale();
    let on_finish = props.on_finish.reform(|_: MouseEvent| ());
    html! {
        <section class="oc-summary" part="summary">
            <h3 class="oc-section-title" tabindex="-1" ref={props.heading_ref.clone()}>{ t.summary_title }</h3>
            { for props.sections.iter().filter(|s| !s.items.is_empty() || !s.answers.is_empty()).map(|section| html! {
                <div class="oc-summary-section">
                    <h4>{ section.title.clone() }</h4>
                    <dl>
                        { for section.items.iter().map(|item| html! {
                            <>
                                <dt>{ item.prompt.clone() }</dt>
                                if let Some(words) = &item.words {
                                    <dd class="oc-words">{ words.clone() }</dd>
                                } else {
                                    <dd class="oc-not-answered">{ t.not_answered }</dd>
                                }
                            </>
                        }) }
                        { for section.answers.iter().map(|answer| html! {
                            <>
                                <dt>{ answer.prompt.clone() }</dt>
                                if let Some(text) = &answer.answer {
                                    <dd class="oc-summary-answer">{ text.clone() }</dd>
                                } else if answer.ratings.is_empty() {
                                    <dd class="oc-not-chosen">{ t.not_chosen }</dd>
                                }
                                if !answer.ratings.is_empty() {
                                    <dd>
                                        <RatingChart points={answer.chart.clone()} />
                                        { rating_list(&answer.ratings, &t) }
                                    </dd>
                                }
                            </>
                        }) }
                    </dl>
                </div>
            }) }
            <div class="oc-summary-section oc-summary-outcomes">
                <h4>{ t.summary_outcomes }</h4>
                if props.outcomes.is_empty() {
                    <p class="oc-muted">{ t.summary_no_outcomes }</p>
                } else {
                    <ol>
                        { for props.outcomes.iter().map(|outcome| html! {
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
                                <RatingChart points={outcome.chart.clone()} />
                                { rating_list(&outcome.ratings, &t) }
                            </li>
                        }) }
                    </ol>
                }
            </div>
            <div class="oc-summary-section oc-summary-actions">
                <h4>{ t.summary_actions }</h4>
                if props.actions.is_empty() {
                    <p class="oc-muted">{ t.summary_no_actions }</p>
                } else {
                    <ul>
                        { for props.actions.iter().map(|action| html! {
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
            if props.finished {
                <p class="oc-finished" role="status">{ t.finished }</p>
            } else {
                <button type="button" class="oc-button oc-button-primary" onclick={on_finish}>{ t.finish }</button>
            }
        </section>
    }
}
