use outcomes_core::{Action, Id};
use yew::prelude::*;

use super::{GuidanceNote, RatingForm, ScaleChoice};
use crate::messages::use_locale;

/// A view given at an earlier conversation, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingLine {
    /// The point's label, or that no point was chosen.
    pub value: AttrValue,
    /// Who gave it, e.g. "the person".
    pub by: AttrValue,
    /// The date, as the language writes it.
    pub at: AttrValue,
    /// Why, in the rater's words (may be empty).
    pub reason: AttrValue,
}

/// One voice's view in this conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct VoiceView {
    pub by: Id,
    /// "The person's view"; `None` when the person is the only voice.
    pub whose: Option<AttrValue>,
    /// "Add the practitioner's view", for a voice not heard yet.
    pub add: AttrValue,
    pub value: Option<Id>,
    pub reason: AttrValue,
    /// Always shown open (the person's view); others are offered until opened or given.
    pub open: bool,
}

/// One rating prompt as asked about one outcome (or statement).
#[derive(Debug, Clone, PartialEq)]
pub struct RatingAsked {
    pub prompt: Id,
    pub scale_title: AttrValue,
    pub points: Vec<ScaleChoice>,
    /// The views on this scale from earlier conversations, oldest first.
    pub last_time: Vec<RatingLine>,
    pub views: Vec<VoiceView>,
}

/// An outcome, with everything this stage asks about it; or a statement rated in itself.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingTarget {
    pub outcome: Option<Id>,
    /// The outcome's words; `None` for a statement (its question is what is rated).
    pub subject: Option<AttrValue>,
    /// The outcome's words last time, when they were different.
    pub earlier_words: Option<AttrValue>,
    pub asked: Vec<RatingAsked>,
}

/// A rating prompt's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingQuestion {
    pub id: Id,
    pub text: AttrValue,
    pub hint: Option<AttrValue>,
    pub guidance: Option<AttrValue>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct RatingViewProps {
    /// The questions asked (one for a statement; every outcome-rating prompt of the stage).
    pub questions: Vec<RatingQuestion>,
    /// Each outcome once, with every question about it; or the statement itself.
    pub targets: Vec<RatingTarget>,
    /// The reason field's label.
    pub why: AttrValue,
    pub on_action: Callback<Action>,
}

/// Ratings: one card per outcome with last time beside this time, and each question about it
/// on its own scale. The person's view comes first; other views open on request.
#[component]
pub fn RatingView(props: &RatingViewProps) -> Html {
    let t = use_locale();
    let Some(first) = props.questions.first() else {
        return Html::default();
    };
    let labelled_by = format!("oc-group-{}-text", first.id);
    html! {
        <div class="oc-prompt oc-ratings" role="group" aria-labelledby={labelled_by}>
            { for props.questions.iter().map(|q| html! {
                <>
                    <p class="oc-prompt-text" id={format!("oc-group-{}-text", q.id)}>{ q.text.clone() }</p>
                    if let Some(hint) = &q.hint {
                        <p class="oc-hint">{ hint.clone() }</p>
                    }
                    if let Some(guidance) = &q.guidance {
                        <GuidanceNote summary={t.prompt_guidance} text={guidance.clone()} />
                    }
                </>
            }) }
            if props.targets.is_empty() {
                <p class="oc-empty">{ t.rating_no_outcomes }</p>
            }
            <ul class="oc-rating-cards">
                { for props.targets.iter().map(|target| {
                    let key = target.outcome.as_ref().map_or("self", Id::as_str).to_owned();
                    let subject_id = format!("oc-rating-{}-{key}", first.id);
                    html! {
                        <li key={key} class="oc-rating-card">
                            <div class="oc-rating" role="group"
                                aria-labelledby={if target.subject.is_some() { subject_id.clone() } else { format!("oc-group-{}-text", first.id) }}>
                                if let Some(subject) = &target.subject {
                                    <p class="oc-rating-subject" id={subject_id}>{ subject.clone() }</p>
                                }
                                if let Some(earlier) = &target.earlier_words {
                                    <p class="oc-last-words">{ t.fill(t.last_time_words, &[("words", earlier)]) }</p>
                                }
                                { for target.asked.iter().map(|asked| asked_view(asked, target.outcome.as_ref(), props, &t)) }
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

fn asked_view(
    asked: &RatingAsked,
    outcome: Option<&Id>,
    props: &RatingViewProps,
    t: &crate::messages::Locale,
) -> Html {
    let form = |view: &VoiceView| {
        html! {
            <RatingForm key={view.by.as_str()} prompt={asked.prompt.clone()} outcome={outcome.cloned()} by={view.by.clone()}
                whose={view.whose.clone()} scale_title={asked.scale_title.clone()} points={asked.points.clone()}
                value={view.value.clone()} reason={view.reason.clone()} why={props.why.clone()}
                add={(!view.open).then(|| view.add.clone())} on_action={props.on_action.clone()} />
        }
    };
    html! {
        <div class="oc-rating-asked" data-prompt={asked.prompt.to_string()}>
            if !asked.last_time.is_empty() {
                <div class="oc-last-time">
                    <p class="oc-last-time-title">{ t.fill(t.last_time_on, &[("scale", &asked.scale_title)]) }</p>
                    <ul>
                        { for asked.last_time.iter().map(|line| html! {
                            <li class="oc-rating-line">
                                <span class="oc-rated">{ t.fill(t.rated, &[("value", &line.value), ("by", &line.by), ("date", &line.at)]) }</span>
                                if !line.reason.is_empty() {
                                    { " " }<q class="oc-words oc-reason">{ line.reason.clone() }</q>
                                }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            { for asked.views.iter().map(form) }
        </div>
    }
}
