use outcomes_core::{Action, Id, Outcome, OutcomeKind};
use yew::prelude::*;

use super::{OutcomeEditor, PromptFrame, TagGroup};
use crate::{clock, strings};

#[derive(Debug, Properties, PartialEq)]
pub struct OutcomesViewProps {
    pub id: Id,
    pub text: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    /// The record's outcomes, in order.
    pub outcomes: Vec<Outcome>,
    /// Tags from the prompt's outcome set, by group; empty when it has none.
    #[prop_or_default]
    pub tag_groups: Vec<TagGroup>,
    /// Offer a weight per outcome (the template scores Goal Attainment).
    #[prop_or_default]
    pub weighted: bool,
    /// Every tag of every outcome set in the template.
    #[prop_or_default]
    pub known_tags: Vec<Id>,
    /// The participant who removes an outcome (the practitioner at the keyboard).
    pub by: Id,
    pub on_action: Callback<Action>,
}

/// Outcome capture: each outcome in the person's own words, then optional tags and whether it is
/// about changing or keeping something; add another; remove on purpose.
#[component]
pub fn OutcomesView(props: &OutcomesViewProps) -> Html {
    // The outcome just added gets focus; after a removal, the add button does.
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
            let id = clock::new_id("o");
            added.set(Some(id.clone()));
            on_action.emit(Action::AddOutcome {
                id,
                words: String::new(),
                kind: OutcomeKind::Achieve,
                tags: Vec::new(),
            });
        })
    };
    let on_remove = {
        let (on_action, by, removals) =
            (props.on_action.clone(), props.by.clone(), removals.clone());
        Callback::from(move |outcome: Id| {
            on_action.emit(Action::RemoveOutcome {
                outcome,
                by: by.clone(),
            });
            removals.set(*removals + 1);
        })
    };
    let empty = props.outcomes.is_empty();
    html! {
        <PromptFrame id={props.id.clone()} text={props.text.clone()} hint={props.hint.clone()}
            guidance={props.guidance.clone()} class="oc-outcomes">
            if empty {
                <p class="oc-empty">{ strings::OUTCOMES_EMPTY }</p>
            } else {
                <ol class="oc-outcome-list">
                    { for props.outcomes.iter().enumerate().map(|(i, outcome)| html! {
                        <OutcomeEditor key={outcome.id.as_str()} outcome={outcome.clone()} number={i + 1}
                            tag_groups={props.tag_groups.clone()} known_tags={props.known_tags.clone()} weighted={props.weighted} focus={added.as_ref() == Some(&outcome.id)}
                            on_action={props.on_action.clone()} on_remove={on_remove.clone()} />
                    }) }
                </ol>
            }
            <button type="button" class="oc-button oc-add" ref={add_ref} onclick={on_add}>
                { if empty { strings::OUTCOME_ADD_FIRST } else { strings::OUTCOME_ADD } }
            </button>
        </PromptFrame>
    }
}
