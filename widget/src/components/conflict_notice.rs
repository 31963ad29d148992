use yew::prelude::*;

use crate::messages::use_locale;
use crate::tabs::Others;

#[derive(Debug, Properties, PartialEq)]
pub struct ConflictNoticeProps {
    pub others: Others,
    /// Keep this tab's version for every tab.
    pub on_keep_mine: Callback<()>,
    /// Take the other tab's version here (and for every tab).
    pub on_keep_theirs: Callback<()>,
    /// Download this tab's version, to keep words from it whichever is chosen.
    pub on_download_mine: Callback<()>,
}

/// The same conversation open in another tab or window: said in both, and when both changed
/// it, both versions are kept until someone chooses.
#[component]
pub fn ConflictNotice(props: &ConflictNoticeProps) -> Html {
    let t = use_locale();
    match props.others {
        Others::Alone => Html::default(),
        Others::Followed => html! {
            <p class="oc-tabs-note" role="status">{ t.tabs_followed }</p>
        },
        Others::Conflict => {
            let keep_mine = props.on_keep_mine.reform(|_: MouseEvent| ());
            let keep_theirs = props.on_keep_theirs.reform(|_: MouseEvent| ());
            let download = props.on_download_mine.reform(|_: MouseEvent| ());
            html! {
                <div class="oc-tabs-conflict" role="alert">
                    <p>{ t.tabs_conflict }</p>
                    <button type="button" class="oc-button oc-keep-mine" onclick={keep_mine}>{ t.tabs_keep_mine }</button>
                    <button type="button" class="oc-button oc-keep-theirs" onclick={keep_theirs}>{ t.tabs_keep_theirs }</button>
                    <button type="button" class="oc-button oc-button-quiet" onclick={download}>{ t.tabs_download_mine }</button>
                </div>
            }
        }
    }
}
