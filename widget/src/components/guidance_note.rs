use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct GuidanceNoteProps {
    /// What the closed note says, e.g. "Notes for the practitioner".
    pub summary: AttrValue,
    pub text: AttrValue,
}

/// Notes for the practitioner, closed until opened.
#[component]
pub fn GuidanceNote(props: &GuidanceNoteProps) -> Html {
    html! {
        <details class="oc-guidance" part="guidance">
            <summary>{ props.summary.clone() }</summary>
            <p>{ props.text.clone() }</p>
        </details>
    }
}
