use yew::prelude::*;

use crate::strings;

/// One answered (or not yet answered) prompt in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryItem {
    pub prompt: AttrValue,
    /// The person's words, verbatim; `None` when not talked about yet.
    pub words: Option<AttrValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SummarySection {
    pub title: AttrValue,
    pub items: Vec<SummaryItem>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct SummaryViewProps {
    pub sections: Vec<SummarySection>,
    pub finished: bool,
    pub heading_ref: NodeRef,
    pub on_finish: Callback<()>,
}

/// The person's words, stage by stage, shown as text (never as markup).
#[component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let on_finish = props.on_finish.reform(|_: MouseEvent| ());
    html! {
        <section class="oc-summary" part="summary">
            <h3 class="oc-section-title" tabindex="-1" ref={props.heading_ref.clone()}>{ strings::SUMMARY_TITLE }</h3>
            { for props.sections.iter().map(|section| html! {
                <div class="oc-summary-section">
                    <h4>{ section.title.clone() }</h4>
                    <dl>
                        { for section.items.iter().map(|item| html! {
                            <>
                                <dt>{ item.prompt.clone() }</dt>
                                if let Some(words) = &item.words {
                                    <dd class="oc-words">{ words.clone() }</dd>
                                } else {
                                    <dd class="oc-not-answered">{ strings::NOT_ANSWERED }</dd>
                                }
                            </>
                        }) }
                    </dl>
                </div>
            }) }
            if props.finished {
                <p class="oc-finished" role="status">{ strings::FINISHED }</p>
            } else {
                <button type="button" class="oc-button oc-button-primary" onclick={on_finish}>{ strings::FINISH }</button>
            }
        </section>
    }
}
