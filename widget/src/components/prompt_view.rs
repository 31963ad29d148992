use outcomes_core::{Action, Date, Id};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::GuidanceNote;

use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct PromptViewProps {
    pub id: Id,
    pub text: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    /// A one-line answer rather than a paragraph.
    #[prop_or_default]
    pub short: bool,
    /// The person's words so far, exactly as recorded.
    pub value: AttrValue,
    pub on_text: Callback<(Id, String)>,
    /// This prompt asks when to talk again: a date is offered beside the words (`None`: it
    /// asks something else).
    #[prop_or_default]
    pub next_review: Option<Option<Date>>,
    /// Where the next review's date goes (`Action::SetNextReview`).
    #[prop_or_default]
    pub on_action: Option<Callback<Action>>,
}

/// One open question and the person's answer in their own words.
#[component]
pub fn PromptView(props: &PromptViewProps) -> Html {
    let t = use_locale();
    let field_id = format!("oc-prompt-{}", props.id);
    let hint_id = format!("{field_id}-hint");
    let described_by = props.hint.as_ref().map(|_| hint_id.clone());
    let id = props.id.clone();
    let field = if props.short {
        let on_input = props.on_text.reform(move |e: InputEvent| {
            (
                id.clone(),
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )
        });
        html! {
            <input id={field_id.clone()} class="oc-answer oc-answer-short" part="answer" type="text"
                aria-describedby={described_by} value={props.value.clone()} oninput={on_input} />
        }
    } else {
        let on_input = props.on_text.reform(move |e: InputEvent| {
            (
                id.clone(),
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            )
        });
        html! {
            <textarea id={field_id.clone()} class="oc-answer" part="answer" rows="4"
                aria-describedby={described_by} value={props.value.clone()} oninput={on_input} />
        }
    };
    html! {
        <div class="oc-prompt">
            <label class="oc-prompt-text" for={field_id.clone()}>{ props.text.clone() }</label>
            if let Some(hint) = &props.hint {
                <p class="oc-hint" id={hint_id}>{ hint.clone() }</p>
            }
            { field }
            if let (Some(date), Some(on_action)) = (&props.next_review, &props.on_action) {
                <div class="oc-field oc-next-review-date">
                    <label for={format!("{field_id}-date")}>{ t.next_review_date }</label>
                    <input id={format!("{field_id}-date")} type="date" class="oc-answer oc-review-date"
                        value={date.as_ref().map(|d| d.as_str().to_owned()).unwrap_or_default()}
                        onchange={on_action.reform(|e: Event| Action::SetNextReview {
                            // A date input gives "" until the date is whole: no date yet.
                            date: Date::parse(e.target_unchecked_into::<HtmlInputElement>().value()).ok(),
                        })} />
                </div>
            }
            if let Some(guidance) = &props.guidance {
                <GuidanceNote summary={t.prompt_guidance} text={guidance.clone()} />
            }
        </div>
    }
}
