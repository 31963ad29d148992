use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::use_window_event;
use crate::host::Host;
use crate::messages::use_locale;
use crate::outbox::{EntryState, OutboxMsg, OutboxState};
use crate::storage::Shelf;
use crate::{clock, download, submit};

/// A finished revision to put in the outbox; `serial` changes for each new submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub serial: u64,
    pub record_id: AttrValue,
    pub revision: u32,
    /// The `Idempotency-Key` ([`outcomes_core::Record::submission_key`]).
    pub key: AttrValue,
    pub record: AttrValue,
}

/// A revision the endpoint accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub record_id: String,
    pub revision: u32,
}

#[derive(Debug, Properties, PartialEq)]
pub struct OutboxViewProps {
    pub host: Host,
    /// The organisation's endpoint, as the `endpoint` attribute gave it.
    pub endpoint: AttrValue,
    pub store: Shelf,
    #[prop_or_default]
    pub submission: Option<Submission>,
    /// A deleted conversation: `(serial, record id)`.
    #[prop_or_default]
    pub deleted: Option<(u64, AttrValue)>,
    /// A conversation cleared from the device after sending: `(serial, record id)`.
    #[prop_or_default]
    pub cleared: Option<(u64, AttrValue)>,
    /// The endpoint accepted a revision.
    pub on_submitted: Callback<Accepted>,
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
                    revision: submission.revision,
                    key: submission.key.to_string(),
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
    {
        let outbox = outbox.dispatcher();
        use_effect_with(props.cleared.clone(), move |cleared| {
            if let Some((_, record_id)) = cleared {
                outbox.dispatch(OutboxMsg::Clear {
                    record_id: record_id.to_string(),
                });
            }
        });
    }
    {
        // Back online: try what is waiting now rather than at its next turn.
        let outbox = outbox.dispatcher();
        use_window_event("online", (), move |()| {
            Box::new(move |_: web_sys::Event| {
                outbox.dispatch(OutboxMsg::Online {
                    now_ms: js_sys::Date::now(),
                })
            })
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
                        *in_flight.borrow_mut() = Some(entry.key().to_owned());
                        let (record_id, revision) = (entry.record_id.clone(), entry.revision);
                        let (key, record) = (entry.key().to_owned(), entry.record.clone());
                        let dispatcher = state.dispatcher();
                        let in_flight = in_flight.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let attempt = submit::send(&endpoint, &key, &record).await;
                            match &attempt {
                                submit::Attempt::Accepted => {
                                    host.submitted(&record);
                                    on_submitted.emit(Accepted {
                                        record_id,
                                        revision,
                                    });
                                }
                                submit::Attempt::Refused { status, message } => host.error(
                                    "submission-refused",
                                    &format!("the endpoint answered {status}: {message}"),
                                ),
                                submit::Attempt::TryAgain(_) => {}
                            }
                            *in_flight.borrow_mut() = None;
                            dispatcher.dispatch(OutboxMsg::Attempted {
                                key,
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
            let records: Vec<&str> = outbox
                .entries
                .iter()
                .map(|e| e.record.as_str())
                .filter(|r| !r.is_empty())
                .collect();
            let json = format!("[{}]", records.join(","));
            let _ = download::offer("outbox.json", "application/json", &json);
        })
    };
    html! {
        <section class="oc-outbox" part="outbox" aria-label={t.outbox}>
            <h3 class="oc-outbox-title">{ t.outbox }</h3>
            <ul class="oc-outbox-list">
                { for outbox.entries.iter().map(|entry| {
                    let queued = t.date_time(&entry.queued);
                    let queued = if entry.revision > 1 {
                        t.fill(t.outbox_revision, &[("queued", &queued), ("revision", &t.number(u64::from(entry.revision)))])
                    } else {
                        queued
                    };
                    let (class, text) = match &entry.state {
                        EntryState::Waiting { attempts, last_problem, .. } => (
                            "oc-outbox-waiting",
                            t.outbox_waiting(&queued, *attempts, last_problem.as_deref()),
                        ),
                        EntryState::Sent { at } => ("oc-outbox-sent", t.fill(t.outbox_sent, &[("queued", &queued), ("at", &t.date_time(at))])),
                        EntryState::Refused { status, message } => (
                            "oc-outbox-refused",
                            t.outbox_refused(&queued, *status, message),
                        ),
                    };
                    html! { <li class={class} data-record={entry.record_id.clone()} data-revision={entry.revision.to_string()}>{ text }</li> }
                }) }
            </ul>
            <button type="button" class="oc-button" onclick={on_download}>{ t.download_outbox }</button>
        </section>
    }
}
