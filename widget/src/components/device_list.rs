use outcomes_core::RecordId;
use yew::prelude::*;

use super::ConfirmRemove;
use crate::messages::use_locale;

/// A conversation kept on this device, as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptConversation {
    pub id: RecordId,
    /// The person's name or reference, or that none was given.
    pub who: AttrValue,
    /// The template's title.
    pub about: AttrValue,
    /// When it started, as the language writes dates.
    pub started: AttrValue,
    /// Where it stands: the stage it is at, finished, sent, changed since sent.
    pub stage: AttrValue,
    /// The one on screen now.
    pub current: bool,
    /// This page has its template, so it can be opened here.
    pub can_open: bool,
    /// Finished, so a later conversation can review it.
    pub can_review: bool,
}

#[derive(Debug, Properties, PartialEq)]
pub struct DeviceListProps {
    /// Reads the conversations kept on this device (when the list is opened).
    pub load: Callback<(), Vec<KeptConversation>>,
    /// Changes whenever the conversations on the device may have changed.
    pub revision: u64,
    pub on_new: Callback<()>,
    pub on_open: Callback<RecordId>,
    pub on_review: Callback<RecordId>,
    pub on_delete: Callback<RecordId>,
    /// Start it open (a review chosen from the device, with nothing on screen yet).
    #[prop_or_default]
    pub open: bool,
    /// Say that a review needs an earlier conversation to be chosen.
    #[prop_or_default]
    pub choosing_review: bool,
    /// Offer to start a new conversation.
    #[prop_or(true)]
    pub offer_new: bool,
}

/// The conversations kept on this device: whose, when, how far, sent or not; start the next
/// one, open one, review a finished one, or delete one.
#[component]
pub fn DeviceList(props: &DeviceListProps) -> Html {
    let t = use_locale();
    let open = use_state_eq(|| props.open);
    let list = use_state(Vec::<KeptConversation>::new);
    {
        let (list, load) = (list.clone(), props.load.clone());
        use_effect_with((*open, props.revision), move |(open, _)| {
            if *open {
                list.set(load.emit(()));
            }
        });
    }
    // Opened and closed here (not by the browser's own toggle, which comes later), so the list
    // is read as the click happens.
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            open.set(!*open);
        })
    };
    let on_new = props.on_new.reform(|_: MouseEvent| ());
    html! {
        <details class="oc-device" part="device" open={*open}>
            <summary onclick={on_toggle}>{ t.device_title }</summary>
            if props.choosing_review {
                <p class="oc-hint">{ t.device_choose_review }</p>
            }
            if props.offer_new {
                <button type="button" class="oc-button oc-button-primary oc-new-conversation" onclick={on_new}>{ t.device_new }</button>
            }
            if list.is_empty() {
                <p class="oc-muted">{ t.device_empty }</p>
            } else {
                <p class="oc-device-count">{ t.count(&t.device_count, list.len() as u64, &[]) }</p>
                <ul class="oc-device-list">
                    { for list.iter().map(|kept| {
                        let id = kept.id.clone();
                        let on_open = props.on_open.reform({ let id = id.clone(); move |_: MouseEvent| id.clone() });
                        let on_review = props.on_review.reform({ let id = id.clone(); move |_: MouseEvent| id.clone() });
                        let on_delete = props.on_delete.reform(move |()| id.clone());
                        html! {
                            <li key={kept.id.as_str()} class={classes!("oc-kept", kept.current.then_some("oc-kept-current"))}
                                data-record={kept.id.to_string()}>
                                <p class="oc-kept-who">{ kept.who.clone() }</p>
                                <p class="oc-kept-details">
                                    { t.fill(t.device_line, &[("about", &kept.about), ("started", &kept.started), ("stage", &kept.stage)]) }
                                </p>
                                if kept.current {
                                    <p class="oc-kept-here">{ t.device_on_screen }</p>
                                } else if kept.can_open {
                                    <button type="button" class="oc-button oc-kept-open" onclick={on_open}>{ t.device_open }</button>
                                }
                                if kept.can_review {
                                    <button type="button" class="oc-button oc-kept-review" onclick={on_review}>{ t.device_review }</button>
                                }
                                if props.offer_new {
                                    <ConfirmRemove label={AttrValue::Static(t.device_delete)} question={AttrValue::Static(t.delete_confirm)} on_remove={on_delete} />
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </details>
    }
}
