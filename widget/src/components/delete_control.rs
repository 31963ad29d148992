use yew::prelude::*;

use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct DeleteControlProps {
    pub on_delete: Callback<()>,
}

/// "Delete this conversation", asked twice: deleting cannot be undone.
#[component]
pub fn DeleteControl(props: &DeleteControlProps) -> Html {
    let t = use_locale();
    let confirming = use_state_eq(|| false);
    if *confirming {
        let on_yes = {
            let (confirming, on_delete) = (confirming.clone(), props.on_delete.clone());
            Callback::from(move |_: MouseEvent| {
                confirming.set(false);
                on_delete.emit(());
            })
        };
        let on_no = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(false))
        };
        html! {
            <div class="oc-delete oc-delete-confirm" role="group" aria-label={t.delete}>
                <p>{ t.delete_confirm }</p>
                <button type="button" class="oc-button oc-button-danger" onclick={on_yes}>{ t.delete_yes }</button>
                <button type="button" class="oc-button" onclick={on_no}>{ t.delete_no }</button>
            </div>
        }
    } else {
        let on_ask = Callback::from(move |_: MouseEvent| confirming.set(true));
        html! {
            <div class="oc-delete">
                <button type="button" class="oc-button oc-button-quiet" onclick={on_ask}>{ t.delete }</button>
            </div>
        }
    }
}
