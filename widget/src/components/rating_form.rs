use outcomes_core::{Action, Id};
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::messages::use_locale;

/// One rating given earlier, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingLine {
    /// The point's label.
    pub value: AttrValue,
    /// Who rated, e.g. "the person".
    pub by: AttrValue,
    /// The date, `YYYY-MM-DD`.
    pub at: AttrValue,
    /// Why, in the rater's words (may be empty).
    pub reason: AttrValue,
}

/// A point on the scale.
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
    /// The outcome's words; `None` when the prompt's text is what is rated.
    #[prop_or_default]
    pub subject: Option<AttrValue>,
    pub scale_title: AttrValue,
    pub points: Vec<ScaleChoice>,
    /// Who can give a view: participant id and how to name them ("The person's").
    pub raters: Vec<(Id, AttrValue)>,
    /// Everything said so far, oldest first.
    #[prop_or_default]
    pub history: Vec<RatingLine>,
    pub on_action: Callback<Action>,
}

/// A view on one outcome (or statement): who is speaking, the point on the scale, and why. Each
/// view kept is added to the history; the person's and the practitioner's stand side by side.
#[component]
pub fn RatingForm(props: &RatingFormProps) -> Html {
    let t = use_locale();
    let value = use_state_eq(|| None::<Id>);
    let reason = use_state_eq(String::new);
    let by = {
        let first = props.raters.first().map(|(id, _)| id.clone());
        use_state_eq(move || first)
    };
    // What happened last: nothing, a point chosen but not kept, kept, or nothing chosen.
    let note = use_state_eq(|| None::<&'static str>);
    let base = format!(
        // "." cannot be part of an id, so two prompts' forms never share an element id.
        "oc-rate-{}.{}",
        props.prompt,
        props.outcome.as_ref().map_or("self", Id::as_str)
    );
    let labelled_by = if props.subject.is_some() {
        format!("{base}-subject")
    } else {
        format!("oc-group-{}-text", props.prompt)
    };
    let radio = |name: &str,
                 id: &Id,
                 label: &AttrValue,
                 checked: bool,
                 state: &UseStateHandle<Option<Id>>| {
        let (state, id2, note) = (state.clone(), id.clone(), note.clone());
        let on_change = Callback::from(move |_: Event| {
            state.set(Some(id2.clone()));
            note.set(None);
        });
        html! {
            <label class="oc-option">
                <input type="radio" name={name.to_owned()} value={id.to_string()} checked={checked} onchange={on_change} />
                { label.clone() }
            </label>
        }
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |e: InputEvent| {
            reason.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let scale_ref = use_node_ref();
    let on_keep = {
        let (value, reason, by, note) = (value.clone(), reason.clone(), by.clone(), note.clone());
        let scale_ref = scale_ref.clone();
        let t = t.clone();
        let (on_action, prompt, outcome) = (
            props.on_action.clone(),
            props.prompt.clone(),
            props.outcome.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (Some(chosen), Some(who)) = ((*value).clone(), (*by).clone()) else {
                note.set(Some(t.rating_choose_first));
                // Take the person to what needs doing: the scale's first point.
                if let Some(first) = scale_ref
                    .cast::<web_sys::Element>()
                    .and_then(|scale| scale.query_selector("input").ok().flatten())
                    .and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = first.focus();
                }
                return;
            };
            on_action.emit(Action::Rate {
                prompt: prompt.clone(),
                outcome: outcome.clone(),
                value: chosen,
                reason: (*reason).clone(),
                by: who,
            });
            value.set(None);
            reason.set(String::new());
            note.set(Some(t.rating_kept));
        })
    };
    let why_id = format!("{base}-why");
    // A point chosen but not yet kept is said plainly, so it is not lost by moving on.
    let shown_note = if value.is_some() {
        t.rating_not_kept
    } else {
        note.unwrap_or_default()
    };
    html! {
        <div class="oc-rating" role="group" aria-labelledby={labelled_by}>
            if let Some(subject) = &props.subject {
                <p class="oc-rating-subject" id={format!("{base}-subject")}>{ subject.clone() }</p>
            }
            <fieldset class="oc-who">
                <legend>{ t.rating_who }</legend>
                { for props.raters.iter().map(|(id, label)| radio(&format!("{base}-by"), id, label, by.as_ref() == Some(id), &by)) }
            </fieldset>
            <fieldset class="oc-scale" ref={scale_ref}>
                <legend>{ props.scale_title.clone() }</legend>
                { for props.points.iter().map(|p| radio(&format!("{base}-value"), &p.id, &p.label, value.as_ref() == Some(&p.id), &value)) }
            </fieldset>
            <label class="oc-why-label" for={why_id.clone()}>{ t.rating_why }</label>
            <textarea id={why_id} class="oc-answer oc-why" rows="2" value={(*reason).clone()} oninput={on_reason} />
            <button type="button" class="oc-button oc-keep-rating" onclick={on_keep}>{ t.rating_keep }</button>
            <p class="oc-rating-note" role="status">{ shown_note }</p>
            <div class="oc-rating-history">
                <p class="oc-history-title">{ t.rating_history }</p>
                if props.history.is_empty() {
                    <p class="oc-muted">{ t.rating_none_yet }</p>
                } else {
                    <ol>
                        { for props.history.iter().map(|line| html! {
                            <li class="oc-rating-line">
                                <span class="oc-rated">{ t.fill(t.rated, &[("value", &line.value), ("by", &line.by), ("date", &line.at)]) }</span>
                                if line.reason.is_empty() {
                                    <span class="oc-muted">{ " (" }{ t.no_reason }{ ")" }</span>
                                } else {
                                    <q class="oc-words oc-reason">{ line.reason.clone() }</q>
                                }
                            </li>
                        }) }
                    </ol>
                }
            </div>
        </div>
    }
}
