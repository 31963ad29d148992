use outcomes_core::{Action, Id};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::messages::use_locale;

/// A point on a scale, or an option of a choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleChoice {
    pub id: Id,
    pub label: AttrValue,
}

#[derive(Debug, Properties, PartialEq)]
pub struct RatingFormProps {
    pub prompt: Id,
    /// The outcome rated, or `None` when the prompt rates its own statement.
    #[prop_or_default]
    pub outcome: Option<Id>,
    /// Whose view this is.
    pub by: Id,
    /// Names the view ("The person's view"); `None` when there is only one voice (the person on
    /// their own), and the scale's title names it.
    #[prop_or_default]
    pub whose: Option<AttrValue>,
    pub scale_title: AttrValue,
    pub points: Vec<ScaleChoice>,
    /// The view in the record so far.
    #[prop_or_default]
    pub value: Option<Id>,
    #[prop_or_default]
    pub reason: AttrValue,
    /// The label of the reason field ("Why? In your own words").
    pub why: AttrValue,
    /// Offered behind this summary ("Add the practitioner's view") until opened or given;
    /// `None` to show it open (the person's view).
    #[prop_or_default]
    pub add: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

/// One participant's view of one outcome (or statement): a point on the scale and why. Each is
/// in the record the moment it is given, like any other answer: nothing to press to keep it.
#[component]
pub fn RatingForm(props: &RatingFormProps) -> Html {
    let t = use_locale();
    let base = format!(
        // "." cannot be part of an id, so two prompts' forms never share an element id.
        "oc-rate-{}.{}.{}",
        props.prompt,
        props.outcome.as_ref().map_or("self", Id::as_str),
        props.by
    );
    // Every change to this view names the same prompt, outcome and voice.
    let view_action = {
        let (prompt, outcome, by) = (
            props.prompt.clone(),
            props.outcome.clone(),
            props.by.clone(),
        );
        move |value: Option<Option<Id>>, reason: Option<String>| match (value, reason) {
            (Some(value), _) => Action::SetRatingValue {
                prompt: prompt.clone(),
                outcome: outcome.clone(),
                by: by.clone(),
                value,
            },
            (None, reason) => Action::SetRatingReason {
                prompt: prompt.clone(),
                outcome: outcome.clone(),
                by: by.clone(),
                reason: reason.unwrap_or_default(),
            },
        }
    };
    let point = |choice: &ScaleChoice| {
        let on_change = {
            let (view_action, value) = (view_action.clone(), choice.id.clone());
            props
                .on_action
                .reform(move |_: Event| view_action(Some(Some(value.clone())), None))
        };
        html! {
            <label class="oc-option">
                <input type="radio" name={format!("{base}-value")} value={choice.id.to_string()}
                    checked={props.value.as_ref() == Some(&choice.id)} onchange={on_change} />
                { choice.label.clone() }
            </label>
        }
    };
    let on_reason = {
        let view_action = view_action.clone();
        props.on_action.reform(move |e: InputEvent| {
            let reason = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            view_action(None, Some(reason))
        })
    };
    let on_clear = {
        let view_action = view_action.clone();
        props
            .on_action
            .reform(move |_: MouseEvent| view_action(Some(None), None))
    };
    let why_id = format!("{base}-why");
    let pending = props.value.is_none() && !props.reason.is_empty();
    let given = props.value.is_some() || !props.reason.is_empty();
    // Once opened (or once something is given) it stays open, so deleting the last word never
    // folds the field away from under the cursor.
    let opened = use_state_eq(|| given);
    let view = html! {
        <fieldset class="oc-view" data-by={props.by.to_string()}>
            <legend>{ props.whose.clone().unwrap_or_else(|| props.scale_title.clone()) }</legend>
            if props.whose.is_some() {
                <p class="oc-scale-title">{ props.scale_title.clone() }</p>
            }
            <div class="oc-scale">
                { for props.points.iter().map(point) }
            </div>
            if props.value.is_some() {
                <button type="button" class="oc-button oc-button-quiet oc-clear-point" onclick={on_clear}>{ t.rating_clear }</button>
            }
            <label class="oc-why-label" for={why_id.clone()}>{ props.why.clone() }</label>
            <textarea id={why_id} class="oc-answer oc-why" rows="2" value={props.reason.clone()} oninput={on_reason} />
            if pending {
                <p class="oc-pending">{ t.rating_pending }</p>
            }
        </fieldset>
    };
    match &props.add {
        None => view,
        Some(add) => {
            let on_toggle = {
                let opened = opened.clone();
                Callback::from(move |e: Event| {
                    let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
                    if details.open() {
                        opened.set(true);
                    }
                })
            };
            html! {
                <details class="oc-add-view" open={*opened || given} ontoggle={on_toggle}>
                    <summary>{ add.clone() }</summary>
                    { view }
                </details>
            }
        }
    }
}
