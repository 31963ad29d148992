use yew::prelude::*;

use super::GuidanceNote;

use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct SectionViewProps {
    pub title: AttrValue,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    /// Where focus goes when this section comes on screen.
    pub heading_ref: NodeRef,
    pub children: Html,
}

/// One stage of the conversation: its title, the practitioner's notes, and its prompts.
#[component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let t = use_locale();
    html! {
        <section class="oc-section" part="section">
            <h3 class="oc-section-title" tabindex="-1" ref={props.heading_ref.clone()}>{ props.title.clone() }</h3>
            if let Some(guidance) = &props.guidance {
                <GuidanceNote summary={t.guidance} text={guidance.clone()} />
            }
            { props.children.clone() }
        </section>
    }
}
