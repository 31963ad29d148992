use yew::prelude::*;

use crate::messages::use_locale;
use crate::storage::StorageProblem;

/// What the widget last managed to save.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Ready,
    Resumed,
    /// Saved; the local time, e.g. "12:03".
    Saved(AttrValue),
    /// Storage is off or full (a draft that could not be read is an [`EarlierDraftNotice`]).
    Failed(StorageProblem),
    Deleted,
    /// Sent to the organisation and cleared from this device (`clear-when-sent`).
    Cleared,
}

#[derive(Debug, Properties, PartialEq)]
pub struct SaveStatusViewProps {
    pub status: SaveStatus,
    pub on_download_record: Callback<()>,
}

/// Whether the conversation is safe on this device, said plainly, with a way out if not.
#[component]
pub fn SaveStatusView(props: &SaveStatusViewProps) -> Html {
    let t = use_locale();
    let download_record = props.on_download_record.reform(|_: MouseEvent| ());
    let (class, message, action) = match &props.status {
        SaveStatus::Ready => ("oc-save", t.not_saved_yet.to_owned(), html! {}),
        SaveStatus::Resumed => ("oc-save", t.resumed.to_owned(), html! {}),
        SaveStatus::Saved(time) => ("oc-save", t.fill(t.saved_at, &[("time", time)]), html! {}),
        SaveStatus::Deleted => ("oc-save", t.deleted.to_owned(), html! {}),
        SaveStatus::Cleared => ("oc-save", t.cleared.to_owned(), html! {}),
        SaveStatus::Failed(problem) => {
            let message = if *problem == StorageProblem::Full {
                t.storage_full
            } else {
                t.storage_unavailable
            };
            (
                "oc-save oc-save-problem",
                message.to_owned(),
                html! { <button type="button" class="oc-button" onclick={download_record}>{ t.download_record }</button> },
            )
        }
    };
    html! {
        <div class={class} part="save-status">
            <p role="status">{ message }</p>
            { action }
        </div>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct EarlierDraftNoticeProps {
    pub message: AttrValue,
    /// The draft's text, exactly as it was stored.
    pub text: AttrValue,
    pub on_download: Callback<AttrValue>,
}

/// A draft saved earlier could not be opened: it was kept, and can be downloaded.
#[component]
pub fn EarlierDraftNotice(props: &EarlierDraftNoticeProps) -> Html {
    let t = use_locale();
    let text = props.text.clone();
    let on_download = props.on_download.reform(move |_: MouseEvent| text.clone());
    html! {
        <div class="oc-save oc-save-problem" role="alert">
            <p>{ t.fill(t.unreadable_draft, &[("message", &props.message)]) }</p>
            <button type="button" class="oc-button" onclick={on_download}>{ t.download_unreadable }</button>
        </div>
    }
}
