use outcomes_core::{Action, Id};
use yew::prelude::*;

use super::{PromptFrame, RatingForm, RatingLine, ScaleChoice};
use crate::messages::use_locale;

/// Something to rate: an outcome (with its words) or the prompt's own statement.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingTarget {
    pub outcome: Option<Id>,
    pub subject: Option<AttrValue>,
    pub history: Vec<RatingLine>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct RatingViewProps {
    pub id: Id,
    pub text: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    pub scale_title: AttrValue,
    pub points: Vec<ScaleChoice>,
    pub raters: Vec<(Id, AttrValue)>,
    /// Each outcome in the record, or the prompt itself.
    pub targets: Vec<RatingTarget>,
    pub on_action: Callback<Action>,
}

/// A rating prompt: for each outcome (or the statement itself) a view on the scale, why, and
/// whose view it is, with every earlier view kept.
#[component]
pub fn RatingView(props: &RatingViewProps) -> Html {
    let t = use_locale();
    html! {
        <PromptFrame id={props.id.clone()} text={props.text.clone()} hint={props.hint.clone()}
            guidance={props.guidance.clone()} class="oc-ratings">
            if props.targets.is_empty() {
                <p class="oc-empty">{ t.rating_no_outcomes }</p>
            }
            { for props.targets.iter().map(|target| html! {
                <RatingForm key={target.outcome.as_ref().map_or("self", Id::as_str)} prompt={props.id.clone()}
                    outcome={target.outcome.clone()} subject={target.subject.clone()}
                    scale_title={props.scale_title.clone()} points={props.points.clone()}
                    raters={props.raters.clone()} history={target.history.clone()}
                    on_action={props.on_action.clone()} />
            }) }
        </PromptFrame>
    }
}
