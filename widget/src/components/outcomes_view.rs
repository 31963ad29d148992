use outcomes_core::{Action, Id, Outcome, OutcomeKind};
use yew::prelude::*;

use crate::hooks::use_list_focus;

use super::{OutcomeEditor, PromptFrame, TagGroup};
use crate::clock;
use crate::messages::use_locale;

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
    /// The participant who removes an outcome (the practitioner at the keyboard).
    pub by: Id,
    pub on_action: Callback<Action>,
}

/// Outcome capture: each outcome in the person's own words, then optional tags and whether it is
/// about changing or keeping something; add another; remove on purpose.
#[component]
pub fn OutcomesView(props: &OutcomesViewProps) -> Html {
    let t = use_locale();
    let focus = use_list_focus();
    let on_add = {
        let (on_action, focus) = (props.on_action.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            let id = clock::new_id("o");
            focus.added(id.clone());
            on_action.emit(Action::AddOutcome {
                id,
                words: String::new(),
                kind: OutcomeKind::Achieve,
                tags: Vec::new(),
            });
        })
    };
    let on_remove = {
        let (on_action, by, focus) = (props.on_action.clone(), props.by.clone(), focus.clone());
        Callback::from(move |outcome: Id| {
            on_action.emit(Action::RemoveOutcome {
                outcome,
                by: by.clone(),
            });
            focus.removed();
        })
    };
    let empty = props.outcomes.is_empty();
    html! {
        <PromptFrame id={props.id.clone()} text={props.text.clone()} hint={props.hint.clone()}
            guidance={props.guidance.clone()} class="oc-outcomes">
            if empty {
                <p class="oc-empty">{ t.for_person(t.outcomes_empty, t.outcomes_empty_self) }</p>
            } else {
                <ol class="oc-outcome-list">
                    { for props.outcomes.iter().enumerate().map(|(i, outcome)| html! {
                        <OutcomeEditor key={outcome.id.as_str()} outcome={outcome.clone()} number={i + 1}
                            tag_groups={props.tag_groups.clone()} weighted={props.weighted} focus={focus.is_new(&outcome.id)}
                            on_action={props.on_action.clone()} on_remove={on_remove.clone()} />
                    }) }
                </ol>
            }
            <button type="button" class="oc-button oc-add" ref={focus.add_button.clone()} onclick={on_add}>
                { if empty { t.outcome_add_first } else { t.outcome_add } }
            </button>
        </PromptFrame>
    }
}
