use outcomes_core::{Action, Id};
use yew::prelude::*;

use super::GuidanceNote;

use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct ConsentViewProps {
    pub id: Id,
    pub text: AttrValue,
    /// The statement agreed to, in the template's words.
    pub statement: AttrValue,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    /// Who can answer: participant id and how to name them.
    pub answerers: Vec<(Id, AttrValue)>,
    /// The answer so far: given or not, and by whom.
    #[prop_or_default]
    pub answer: Option<(bool, Id)>,
    pub on_action: Callback<Action>,
}

/// Agreement to a statement: given or not, and who answered.
#[component]
pub fn ConsentView(props: &ConsentViewProps) -> Html {
    let t = use_locale();
    let by = {
        let first = props
            .answer
            .as_ref()
            .map(|(_, by)| by.clone())
            .or_else(|| props.answerers.first().map(|(id, _)| id.clone()));
        use_state_eq(move || first)
    };
    let base = format!("oc-group-{}", props.id);
    let statement_id = format!("{base}-statement");
    let given = props.answer.as_ref().map(|(given, _)| *given);
    let answer_radio = |value: bool, label: &'static str| {
        let on_change = {
            let (prompt, by, on_action) = (props.id.clone(), by.clone(), props.on_action.clone());
            Callback::from(move |_: Event| {
                if let Some(by) = (*by).clone() {
                    on_action.emit(Action::SetConsent {
                        prompt: prompt.clone(),
                        given: value,
                        by,
                    });
                }
            })
        };
        html! {
            <label class="oc-option">
                <input type="radio" name={format!("{base}-given")} value={if value { "given" } else { "refused" }}
                    checked={given == Some(value)} onchange={on_change} />
                { label }
            </label>
        }
    };
    let who_radio = |(id, label): &(Id, AttrValue)| {
        let on_change = {
            let (prompt, by, id, given) = (props.id.clone(), by.clone(), id.clone(), given);
            let on_action = props.on_action.clone();
            Callback::from(move |_: Event| {
                by.set(Some(id.clone()));
                // An answer already given now stands as this person's.
                if let Some(given) = given {
                    on_action.emit(Action::SetConsent {
                        prompt: prompt.clone(),
                        given,
                        by: id.clone(),
                    });
                }
            })
        };
        html! {
            <label class="oc-option">
                <input type="radio" name={format!("{base}-by")} value={id.to_string()}
                    checked={by.as_ref() == Some(id)} onchange={on_change} />
                { label.clone() }
            </label>
        }
    };
    html! {
        <div class="oc-prompt oc-consent" role="group" aria-labelledby={format!("{base}-text")} aria-describedby={statement_id.clone()}>
            <p class="oc-prompt-text" id={format!("{base}-text")}>{ props.text.clone() }</p>
            <p class="oc-statement" id={statement_id}>{ props.statement.clone() }</p>
            // On their own, the person is the one answering: nobody else to choose.
            if props.answerers.len() > 1 {
                <fieldset class="oc-who">
                    <legend>{ t.consent_who }</legend>
                    { for props.answerers.iter().map(who_radio) }
                </fieldset>
            }
            <fieldset class="oc-consent-answer">
                <legend>{ t.consent_answer }</legend>
                { answer_radio(true, t.consent_given) }
                { answer_radio(false, t.consent_refused) }
            </fieldset>
            if let Some(guidance) = &props.guidance {
                <GuidanceNote summary={t.prompt_guidance} text={guidance.clone()} />
            }
        </div>
    }
}
