use yew::prelude::*;

use crate::strings;

#[derive(Debug, Properties, PartialEq)]
pub struct DeleteControlProps {
    pub on_delete: Callback<()>,
}

/// "Delete this conversation", asked twice: deleting cannot be undone.
#[component]
pub fn DeleteControl(props: &DeleteControlProps) -> Html {
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
            <div class="oc-delete oc-delete-confirm" role="group" aria-label={strings::DELETE}>
                <p>{ strings::DELETE_CONFIRM }</p>
                <button type="button" class="oc-button oc-button-danger" onclick={on_yes}>{ strings::DELETE_YES }</button>
                <button type="button" class="oc-button" onclick={on_no}>{ strings::DELETE_NO }</button>
            </div>
        }
    } else {
        let on_ask = Callback::from(move |_: MouseEvent| confirming.set(true));
        html! {
            <div class="oc-delete">
                <button type="button" class="oc-button oc-button-quiet" onclick={on_ask}>{ strings::DELETE }</button>
            </div>
        }
    }
}
