use yew::prelude::*;

use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct ProgressProps {
    /// Section titles, in order; the summary comes after them.
    pub stages: Vec<AttrValue>,
    /// The stage on screen; `stages.len()` is the summary.
    pub current: usize,
    pub on_go_to: Callback<usize>,
}

/// Where the conversation stands, and a jump list to any stage.
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let t = use_locale();
    let total = props.stages.len();
    let shown = (props.current + 1).min(total);
    let summary = AttrValue::Static(t.summary_title);
    let items = props.stages.iter().chain(std::iter::once(&summary));
    html! {
        <nav class="oc-progress" part="progress" aria-label={t.stages}>
            <p class="oc-progress-text">{ t.stage_of(shown, total) }</p>
            <ol class="oc-stages">
                { for items.enumerate().map(|(index, title)| {
                    let on_click = props.on_go_to.reform(move |_: MouseEvent| index);
                    let current = (index == props.current).then_some("step");
                    let done = if index < props.current { "oc-stage oc-stage-done" } else { "oc-stage" };
                    html! {
                        <li class={done}>
                            <button type="button" class="oc-stage-button" aria-current={current} onclick={on_click}>
                                { title.clone() }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
