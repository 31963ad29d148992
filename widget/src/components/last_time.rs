use yew::prelude::*;

use super::SummaryData;
use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct LastTimeProps {
    /// The earlier conversation's summary.
    pub summary: SummaryData,
    /// When it was, as the language writes dates.
    pub date: AttrValue,
}

/// In a review, what was said last time: the earlier answers and outcomes, in the words
/// given then, open beside this conversation.
#[component]
pub fn LastTime(props: &LastTimeProps) -> Html {
    let t = use_locale();
    let s = &props.summary;
    html! {
        <details class="oc-last-conversation" part="last-time" open=true>
            <summary>{ t.fill(t.last_time_title, &[("date", &props.date)]) }</summary>
            <dl>
                { for s.stages.iter().flat_map(|stage| &stage.entries).filter_map(|entry| match &entry.answer {
                    super::SummaryAnswer::Words { words: Some(words), .. } => Some(html! {
                        <>
                            <dt>{ entry.question.clone() }</dt>
                            <dd class="oc-words">{ words.clone() }</dd>
                        </>
                    }),
                    _ => None,
                }) }
            </dl>
            if !s.outcomes.is_empty() {
                <p class="oc-last-time-title">{ t.summary_outcomes }</p>
                <ul>
                    { for s.outcomes.iter().map(|o| html! { <li class="oc-words">{ o.words.clone() }</li> }) }
                </ul>
            }
        </details>
    }
}
