use outcomes_core::{Action, Id};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::GuidanceNote;
use super::ScaleChoice;
use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct ChoiceViewProps {
    pub id: Id,
    pub text: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    pub options: Vec<ScaleChoice>,
    /// Several options may be chosen (checkboxes) rather than one (radio buttons).
    #[prop_or_default]
    pub multiple: bool,
    /// The options chosen so far.
    pub chosen: Vec<Id>,
    pub on_action: Callback<Action>,
}

/// One of fixed options (radio buttons), or several (checkboxes).
#[component]
pub fn ChoiceView(props: &ChoiceViewProps) -> Html {
    let t = use_locale();
    let base = format!("oc-choice-{}", props.id);
    let hint_id = format!("{base}-hint");
    let option = |choice: &ScaleChoice| {
        let on_change = {
            let (prompt, id, chosen, multiple) = (
                props.id.clone(),
                choice.id.clone(),
                props.chosen.clone(),
                props.multiple,
            );
            props.on_action.reform(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let mut options = if multiple { chosen.clone() } else { Vec::new() };
                options.retain(|o| *o != id);
                if on {
                    options.push(id.clone());
                }
                Action::SetChoice {
                    prompt: prompt.clone(),
                    options,
                }
            })
        };
        html! {
            <label class="oc-option">
                <input type={if props.multiple { "checkbox" } else { "radio" }} name={format!("{base}-choice")}
                    value={choice.id.to_string()} checked={props.chosen.contains(&choice.id)} onchange={on_change} />
                { choice.label.clone() }
            </label>
        }
    };
    html! {
        <fieldset class="oc-prompt oc-choice" aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend class="oc-prompt-text">{ props.text.clone() }</legend>
            if let Some(hint) = &props.hint {
                <p class="oc-hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <div class="oc-options">{ for props.options.iter().map(option) }</div>
            if let Some(guidance) = &props.guidance {
                <GuidanceNote summary={t.prompt_guidance} text={guidance.clone()} />
            }
        </fieldset>
    }
}
