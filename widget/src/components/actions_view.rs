use outcomes_core::{Action, AgreedAction, Id};
use yew::prelude::*;

use super::{ActionEditor, PromptFrame};
use crate::{clock, strings};

#[derive(Debug, Properties, PartialEq)]
pub struct ActionsViewProps {
    pub id: Id,
    pub text: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    pub actions: Vec<AgreedAction>,
    /// The record's outcomes: id and the person's words.
    pub outcomes: Vec<(Id, AttrValue)>,
    /// The participant who removes an action (the practitioner at the keyboard).
    pub by: Id,
    pub on_action: Callback<Action>,
}

/// Agreed actions: who does what, by when, for which outcomes; add another; remove on purpose.
#[component]
pub fn ActionsView(props: &ActionsViewProps) -> Html {
    let added = use_state_eq(|| None::<Id>);
    let removals = use_state_eq(|| 0_u32);
    let add_ref = use_node_ref();
    {
        let add_ref = add_ref.clone();
        crate::hooks::use_effect_on_change(*removals, move |_| {
            if let Some(button) = add_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let on_add = {
        let (on_action, added) = (props.on_action.clone(), added.clone());
        Callback::from(move |_: MouseEvent| {
            let id = clock::new_id("a");
            added.set(Some(id.clone()));
            on_action.emit(Action::AddAction {
                id,
                what: String::new(),
                who: String::new(),
                by_when: None,
                outcomes: Vec::new(),
            });
        })
    };
    let on_remove = {
        let (on_action, by, removals) =
            (props.on_action.clone(), props.by.clone(), removals.clone());
        Callback::from(move |action: Id| {
            on_action.emit(Action::RemoveAction {
                action,
                by: by.clone(),
            });
            removals.set(*removals + 1);
        })
    };
    let empty = props.actions.is_empty();
    html! {
        <PromptFrame id={props.id.clone()} text={props.text.clone()} hint={props.hint.clone()}
            guidance={props.guidance.clone()} class="oc-actions">
            if empty {
                <p class="oc-empty">{ strings::ACTIONS_EMPTY }</p>
            } else {
                <ol class="oc-action-list">
                    { for props.actions.iter().enumerate().map(|(i, action)| html! {
                        <ActionEditor key={action.id.as_str()} action={action.clone()} number={i + 1}
                            outcomes={props.outcomes.clone()} focus={added.as_ref() == Some(&action.id)}
                            on_action={props.on_action.clone()} on_remove={on_remove.clone()} />
                    }) }
                </ol>
            }
            <button type="button" class="oc-button oc-add" ref={add_ref} onclick={on_add}>
                { if empty { strings::ACTION_ADD_FIRST } else { strings::ACTION_ADD } }
            </button>
        </PromptFrame>
    }
}
