use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::host::Host;
use crate::messages::use_locale;
use crate::outbox::{EntryState, OutboxMsg, OutboxState};
use crate::storage::DraftStore;
use crate::{clock, download, submit};

/// A record to put in the outbox; `serial` changes for each new submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub serial: u64,
    pub record_id: AttrValue,
    pub record: AttrValue,
}

#[derive(Debug, Properties, PartialEq)]
pub struct OutboxViewProps {
    pub host: Host,
    /// The organisation's endpoint, as the `endpoint` attribute gave it.
    pub endpoint: AttrValue,
    pub store: DraftStore,
    #[prop_or_default]
    pub submission: Option<Submission>,
    /// A deleted conversation: `(serial, record id)`.
    #[prop_or_default]
    pub deleted: Option<(u64, AttrValue)>,
    /// The endpoint accepted the record with this id.
    pub on_submitted: Callback<String>,
}

/// Sends finished conversations to the endpoint, retrying until they arrive, and lists what is
/// waiting, sent and refused.
#[component]
pub fn OutboxView(props: &OutboxViewProps) -> Html {
    let t = use_locale();
    let outbox = {
        let store = props.store.clone();
        use_reducer(move || {
            store
                .load_outbox()
                .ok()
                .flatten()
                .and_then(|json| OutboxState::from_json(&json).ok())
                .unwrap_or_default()
        })
    };
    {
        // Keyed on the serial alone: the record changing afterwards (e.g. marked as submitted)
        // is not a new submission.
        let (outbox, submission) = (outbox.dispatcher(), props.submission.clone());
        use_effect_with(submission.as_ref().map(|s| s.serial), move |_| {
            if let Some(submission) = submission {
                outbox.dispatch(OutboxMsg::Enqueue {
                    record_id: submission.record_id.to_string(),
                    record: submission.record.to_string(),
                    queued: clock::now().to_string(),
                    now_ms: js_sys::Date::now(),
                });
            }
        });
    }
    {
        let outbox = outbox.dispatcher();
        use_effect_with(props.deleted.clone(), move |deleted| {
            if let Some((_, record_id)) = deleted {
                outbox.dispatch(OutboxMsg::Forget {
                    record_id: record_id.to_string(),
                });
            }
        });
    }
    // Save every change, then send what is due or wake up when the next thing is.
    let in_flight = use_mut_ref(|| None::<String>);
    {
        let (state, store, host) = (outbox.clone(), props.store.clone(), props.host.clone());
        let (endpoint, on_submitted) = (props.endpoint.clone(), props.on_submitted.clone());
        use_effect_with(outbox.revision, move |_| {
            let _ = store.save_outbox(&state.to_json());
            let mut timer = None;
            if in_flight.borrow().is_none() {
                if let Some((entry, due)) = state.next_due() {
                    let wait = due - js_sys::Date::now();
                    if wait <= 0.0 {
                        *in_flight.borrow_mut() = Some(entry.record_id.clone());
                        let (record_id, record) = (entry.record_id.clone(), entry.record.clone());
                        let dispatcher = state.dispatcher();
                        let in_flight = in_flight.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let attempt = submit::send(&endpoint, &record_id, &record).await;
                            match &attempt {
                                submit::Attempt::Accepted => {
                                    host.submitted(&record);
                                    on_submitted.emit(record_id.clone());
                                }
                                submit::Attempt::Refused { status, message } => host.error(
                                    "submission-refused",
                                    &format!("the endpoint answered {status}: {message}"),
                                ),
                                submit::Attempt::TryAgain(_) => {}
                            }
                            *in_flight.borrow_mut() = None;
                            dispatcher.dispatch(OutboxMsg::Attempted {
                                record_id,
                                attempt,
                                at: clock::now().to_string(),
                                now_ms: js_sys::Date::now(),
                            });
                        });
                    } else {
                        let dispatcher = state.dispatcher();
                        let wait = wait.min(f64::from(u32::MAX)) as u32;
                        timer = Some(Timeout::new(wait, move || {
                            dispatcher.dispatch(OutboxMsg::Tick)
                        }));
                    }
                }
            }
            move || drop(timer)
        });
    }

    if outbox.entries.is_empty() {
        return html! {};
    }
    let on_download = {
        let outbox = outbox.clone();
        Callback::from(move |_: MouseEvent| {
            let records: Vec<&str> = outbox.entries.iter().map(|e| e.record.as_str()).collect();
            let json = format!("[{}]", records.join(","));
            let _ = download::offer("outbox.json", "application/json", &json);
        })
    };
    html! {
        <section class="oc-outbox" part="outbox" aria-label={t.outbox}>
            <h3 class="oc-outbox-title">{ t.outbox }</h3>
            <ul class="oc-outbox-list">
                { for outbox.entries.iter().map(|entry| {
                    let queued = entry.queued.get(..10).unwrap_or(&entry.queued);
                    let (class, text) = match &entry.state {
                        EntryState::Waiting { attempts, last_problem, .. } => (
                            "oc-outbox-waiting",
                            t.outbox_waiting(queued, *attempts, last_problem.as_deref()),
                        ),
                        EntryState::Sent { at } => ("oc-outbox-sent", t.fill(t.outbox_sent, &[("queued", queued), ("at", at)])),
                        EntryState::Refused { status, message } => (
                            "oc-outbox-refused",
                            t.outbox_refused(queued, *status, message),
                        ),
                    };
                    html! { <li class={class} data-record={entry.record_id.clone()}>{ text }</li> }
                }) }
            </ul>
            <button type="button" class="oc-button" onclick={on_download}>{ t.download_outbox }</button>
        </section>
    }
}
