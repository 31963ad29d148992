use outcomes_core::Id;
use yew::prelude::*;

use super::GuidanceNote;

use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct PromptFrameProps {
    pub id: Id,
    pub text: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub guidance: Option<AttrValue>,
    /// An extra class, e.g. `oc-outcomes`.
    #[prop_or_default]
    pub class: Classes,
    pub children: Html,
}

/// A prompt answered with several controls (outcomes, ratings, actions): the question names the
/// group, the hint describes it, the practitioner's notes open on demand.
#[component]
pub fn PromptFrame(props: &PromptFrameProps) -> Html {
    let t = use_locale();
    let text_id = format!("oc-group-{}-text", props.id);
    let hint_id = format!("oc-group-{}-hint", props.id);
    let described_by = props.hint.as_ref().map(|_| hint_id.clone());
    html! {
        <div class={classes!("oc-prompt", props.class.clone())} role="group" aria-labelledby={text_id.clone()}
            aria-describedby={described_by}>
            <p class="oc-prompt-text" id={text_id}>{ props.text.clone() }</p>
            if let Some(hint) = &props.hint {
                <p class="oc-hint" id={hint_id}>{ hint.clone() }</p>
            }
            if let Some(guidance) = &props.guidance {
                <GuidanceNote summary={t.prompt_guidance} text={guidance.clone()} />
            }
            { props.children.clone() }
        </div>
    }
}
