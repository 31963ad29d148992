use yew::prelude::*;

use crate::messages::use_locale;

/// Something missing before finishing, said in this language, with where to put it right.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingItem {
    pub text: AttrValue,
    /// The stage to go back to, and its title.
    pub stage: Option<(usize, AttrValue)>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct FinishCheckProps {
    /// What is missing, consent first (as the core lists it).
    pub missing: Vec<MissingItem>,
    pub on_go_to: Callback<usize>,
    pub on_finish_anyway: Callback<()>,
    pub on_not_yet: Callback<()>,
}

/// Before finishing: what is missing, asked once. Nothing is deleted or blocked: go back and
/// put it right, or finish as it is.
#[component]
pub fn FinishCheck(props: &FinishCheckProps) -> Html {
    let t = use_locale();
    let heading = use_node_ref();
    {
        // The question takes the focus, so it is heard and can be answered at once.
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let on_anyway = props.on_finish_anyway.reform(|_: MouseEvent| ());
    let on_not_yet = props.on_not_yet.reform(|_: MouseEvent| ());
    html! {
        <div class="oc-finish-check" role="group" aria-labelledby="oc-finish-check-title">
            <p class="oc-finish-check-title" id="oc-finish-check-title" tabindex="-1" ref={heading}>{ t.finish_check_title }</p>
            <ul>
                { for props.missing.iter().map(|item| html! {
                    <li>
                        { item.text.clone() }
                        if let Some((stage, title)) = &item.stage {
                            { " " }
                            <button type="button" class="oc-button oc-button-quiet oc-go-to"
                                onclick={props.on_go_to.reform({ let stage = *stage; move |_: MouseEvent| stage })}>
                                { t.fill(t.finish_check_go_to, &[("stage", title)]) }
                            </button>
                        }
                    </li>
                }) }
            </ul>
            <button type="button" class="oc-button oc-button-primary oc-finish-anyway" onclick={on_anyway}>{ t.finish_anyway }</button>
            <button type="button" class="oc-button oc-not-yet" onclick={on_not_yet}>{ t.finish_not_yet }</button>
        </div>
    }
}
