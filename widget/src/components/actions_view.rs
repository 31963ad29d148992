use outcomes_core::{Action, AgreedAction, Id};
use yew::prelude::*;

use crate::hooks::use_list_focus;

use super::{ActionEditor, PromptFrame};
use crate::clock;
use crate::messages::use_locale;

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
    let t = use_locale();
    let focus = use_list_focus();
    let on_add = {
        let (on_action, focus) = (props.on_action.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            let id = clock::new_id("a");
            focus.added(id.clone());
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
        let (on_action, by, focus) = (props.on_action.clone(), props.by.clone(), focus.clone());
        Callback::from(move |action: Id| {
            on_action.emit(Action::RemoveAction {
                action,
                by: by.clone(),
            });
            focus.removed();
        })
    };
    let empty = props.actions.is_empty();
    html! {
        <PromptFrame id={props.id.clone()} text={props.text.clone()} hint={props.hint.clone()}
            guidance={props.guidance.clone()} class="oc-actions">
            if empty {
                <p class="oc-empty">{ t.for_person(t.actions_empty, t.actions_empty_self) }</p>
            } else {
                <ol class="oc-action-list">
                    { for props.actions.iter().enumerate().map(|(i, action)| html! {
                        <ActionEditor key={action.id.as_str()} action={action.clone()} number={i + 1}
                            outcomes={props.outcomes.clone()} focus={focus.is_new(&action.id)}
                            on_action={props.on_action.clone()} on_remove={on_remove.clone()} />
                    }) }
                </ol>
            }
            <button type="button" class="oc-button oc-add" ref={focus.add_button.clone()} onclick={on_add}>
                { if empty { t.action_add_first } else { t.action_add } }
            </button>
        </PromptFrame>
    }
}
