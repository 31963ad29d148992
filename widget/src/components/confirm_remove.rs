use yew::prelude::*;

use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct ConfirmRemoveProps {
    /// The button's words, e.g. "Remove this outcome".
    pub label: AttrValue,
    /// The question asked before anything is removed.
    pub question: AttrValue,
    pub on_remove: Callback<()>,
}

/// A remove button that asks first. Removing is an explicit, recorded act; declining puts focus
/// back on the remove button.
#[component]
pub fn ConfirmRemove(props: &ConfirmRemoveProps) -> Html {
    let t = use_locale();
    let confirming = use_state_eq(|| false);
    let (ask_ref, keep_ref) = (use_node_ref(), use_node_ref());
    {
        // Focus follows the question: onto "keep it" when asked, back to the button after.
        let (ask_ref, keep_ref) = (ask_ref.clone(), keep_ref.clone());
        crate::hooks::use_effect_on_change(*confirming, move |confirming| {
            let target = if *confirming { keep_ref } else { ask_ref };
            if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    if *confirming {
        let on_yes = {
            let on_remove = props.on_remove.clone();
            Callback::from(move |_: MouseEvent| on_remove.emit(()))
        };
        let on_no = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(false))
        };
        html! {
            <div class="oc-confirm" role="group" aria-label={props.label.clone()}>
                <p>{ props.question.clone() }</p>
                <button type="button" class="oc-button oc-button-danger oc-confirm-yes" onclick={on_yes}>{ t.remove_yes }</button>
                <button type="button" class="oc-button oc-confirm-no" ref={keep_ref}  onclick={on_no}>{ t.remove_no }</button>
            </div>
        }
    } else {
        let on_ask = Callback::from(move |_: MouseEvent| confirming.set(true));
        html! {
            <button type="button" class="oc-button oc-button-quiet oc-remove" ref={ask_ref} onclick={on_ask}>{ props.label.clone() }</button>
        }
    }
}
