use outcomes_core::{Action, AgreedAction, Date, Id};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::ConfirmRemove;
use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct ActionEditorProps {
    pub action: AgreedAction,
    /// 1 for the first action.
    pub number: usize,
    /// The record's outcomes that an action can work towards: id and the person's words.
    pub outcomes: Vec<(Id, AttrValue)>,
    /// Focus "what" when this becomes true (a new action).
    #[prop_or_default]
    pub focus: bool,
    pub on_action: Callback<Action>,
    pub on_remove: Callback<Id>,
}

/// One agreed action: what, who, by when, which outcomes it helps, and whether it is done.
#[component]
pub fn ActionEditor(props: &ActionEditorProps) -> Html {
    let t = use_locale();
    let action = &props.action;
    let base = format!("oc-action-{}", action.id);
    let what_ref = use_node_ref();
    {
        let what_ref = what_ref.clone();
        use_effect_with(props.focus, move |focus| {
            if *focus {
                if let Some(field) = what_ref.cast::<web_sys::HtmlElement>() {
                    let _ = field.focus();
                }
            }
        });
    }
    let on_what = {
        let id = action.id.clone();
        props
            .on_action
            .reform(move |e: InputEvent| Action::SetActionWhat {
                action: id.clone(),
                what: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            })
    };
    let on_who = {
        let id = action.id.clone();
        props
            .on_action
            .reform(move |e: InputEvent| Action::SetActionWho {
                action: id.clone(),
                who: e.target_unchecked_into::<HtmlInputElement>().value(),
            })
    };
    let on_by_when = {
        let id = action.id.clone();
        // A date input gives "" until the date is whole: no date yet.
        props
            .on_action
            .reform(move |e: Event| Action::SetActionByWhen {
                action: id.clone(),
                by_when: Date::parse(e.target_unchecked_into::<HtmlInputElement>().value()).ok(),
            })
    };
    let on_done = {
        let (id, on_action) = (action.id.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            on_action.emit(Action::SetActionDone {
                action: id.clone(),
                done: e.target_unchecked_into::<HtmlInputElement>().checked(),
            })
        })
    };
    let on_remove = {
        let id = action.id.clone();
        props.on_remove.reform(move |()| id.clone())
    };
    let (what_id, who_id, when_id, done_id) = (
        format!("{base}-what"),
        format!("{base}-who"),
        format!("{base}-when"),
        format!("{base}-done"),
    );
    html! {
        <li class="oc-action" part="action">
            <label class="oc-outcome-label" for={what_id.clone()}>{ t.numbered(t.action_what_label, props.number) }</label>
            <textarea id={what_id} class="oc-answer oc-action-what" rows="2" ref={what_ref}
                value={action.what.clone()} oninput={on_what} />
            <div class="oc-action-row">
                <div class="oc-field">
                    <label for={who_id.clone()}>{ t.action_who }</label>
                    <input id={who_id} type="text" class="oc-answer oc-action-who" value={action.who.clone()} oninput={on_who} />
                </div>
                <div class="oc-field">
                    <label for={when_id.clone()}>{ t.action_by_when }</label>
                    <input id={when_id} type="date" class="oc-answer oc-action-when"
                        value={action.by_when.as_ref().map(|d| d.as_str().to_owned()).unwrap_or_default()} onchange={on_by_when} />
                </div>
            </div>
            <fieldset class="oc-action-outcomes">
                <legend>{ t.action_outcomes }</legend>
                if props.outcomes.is_empty() {
                    <p class="oc-muted">{ t.action_no_outcomes }</p>
                }
                { for props.outcomes.iter().map(|(id, words)| {
                    let on_change = {
                        let (action, outcome) = (action.id.clone(), id.clone());
                        props.on_action.reform(move |e: Event| Action::SetActionOutcome {
                            action: action.clone(),
                            outcome: outcome.clone(),
                            linked: e.target_unchecked_into::<HtmlInputElement>().checked(),
                        })
                    };
                    html! {
                        <label class="oc-chip">
                            <input type="checkbox" class="oc-chip-box" value={id.to_string()}
                                checked={action.outcomes.contains(id)} onchange={on_change} />
                            <span class="oc-chip-label">{ words.clone() }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <div class="oc-option">
                <input id={done_id.clone()} type="checkbox" class="oc-action-done" checked={action.done.is_some()} onchange={on_done} />
                <label for={done_id}>{ t.action_done }</label>
            </div>
            <ConfirmRemove label={t.numbered(t.action_remove, props.number)} question={t.action_remove_confirm} on_remove={on_remove} />
        </li>
    }
}
