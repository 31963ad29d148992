//! The root component: a conversation, or a clear message when it cannot start.

use yew::prelude::*;

use crate::components::{ConversationView, DeviceList, KeptConversation, SetupErrorView};
use crate::host::Host;
use crate::messages::Locale;
use crate::setup::{ExportsLoader, Setup, SetupError, TemplateSource};

#[derive(Debug, Properties, PartialEq)]
pub struct AppProps {
    pub host: Host,
    /// Where the template comes from, or why it cannot be had.
    pub source: Result<TemplateSource, SetupError>,
    /// Loads the exports module for downloads; none where the page gave no loader.
    #[prop_or_default]
    pub exports: Option<ExportsLoader>,
}

/// Starts the conversation once its template is there: at once for a built-in or inline
/// template, after fetching it for an address (saying so meanwhile).
#[component]
pub fn App(props: &AppProps) -> Html {
    let fetched = use_state(|| None::<Result<Setup, SetupError>>);
    {
        let (fetched, host) = (fetched.clone(), props.host.clone());
        use_effect_with(props.source.clone(), move |source| {
            if let Ok(TemplateSource::Address(address)) = source {
                let address = address.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let setup = Setup::fetch_template(&address)
                        .await
                        .and_then(|template| Setup::with_template(&host, template));
                    fetched.set(Some(setup));
                });
            }
        });
    }
    // Read once (it reads the draft from storage), not on every render.
    let ready = {
        let host = props.host.clone();
        use_memo(props.source.clone(), move |source| match source {
            Ok(TemplateSource::Ready(template)) => {
                Some(Setup::with_template(&host, template.clone()))
            }
            Ok(TemplateSource::Address(_)) => None,
            Err(error) => Some(Err(error.clone())),
        })
    };
    let setup = (*ready).clone().or_else(|| (*fetched).clone());
    // A review chosen on this device (`mode="review"` without an earlier record on the page).
    let chosen = use_state(|| None::<std::sync::Arc<outcomes_core::Record>>);
    match setup {
        Some(Ok(setup)) => {
            let setup = Setup {
                exports: props.exports.clone(),
                earlier: setup.earlier.clone().or_else(|| (*chosen).clone()),
                ..setup
            };
            if needs_earlier(&setup) {
                return html! { <ReviewPicker setup={setup} on_chosen={Callback::from(move |record| chosen.set(Some(record)))} /> };
            }
            html! { <ConversationView host={props.host.clone()} setup={setup} /> }
        }
        other => {
            // Without a template the conversation's own language is not known: the element's
            // or the page's.
            let lang = crate::setup::page_lang(&props.host).unwrap_or_else(|| "en".to_owned());
            let locale = Locale::new(&lang, crate::setup::easy_read(&props.host));
            let dir = crate::i18n::direction(&lang);
            html! {
                <ContextProvider<Locale> context={locale.clone()}>
                    if let Some(Err(error)) = other {
                        <SetupErrorView host={props.host.clone()} error={error} />
                    } else {
                        <p class="oc-loading" role="status" lang={locale.lang.clone()} dir={dir}>{ locale.loading }</p>
                    }
                </ContextProvider<Locale>>
            }
        }
    }
}

/// A review with no earlier record given by the page and none in progress on this device: the
/// earlier conversation is chosen from those kept here.
fn needs_earlier(setup: &Setup) -> bool {
    setup.mode == outcomes_core::Mode::Review
        && setup.earlier.is_none()
        && !matches!(&setup.draft, Ok(Some(kept)) if setup.template_for(&kept.record).is_some())
}

#[derive(Debug, Properties, PartialEq)]
pub struct ReviewPickerProps {
    pub setup: Setup,
    pub on_chosen: Callback<std::sync::Arc<outcomes_core::Record>>,
}

/// Chooses the conversation a review is about, from those finished on this device.
#[component]
pub fn ReviewPicker(props: &ReviewPickerProps) -> Html {
    let setup = &props.setup;
    let locale = Locale::new(&setup.lang, setup.easy_read);
    let load = {
        let (setup, t) = (setup.clone(), locale.clone());
        Callback::from(move |()| {
            setup
                .store
                .list()
                .unwrap_or_default()
                .into_iter()
                .filter(|kept| kept.record.status != outcomes_core::Status::Draft)
                .map(|kept| KeptConversation {
                    // Chosen to be reviewed, not opened.
                    can_open: false,
                    ..crate::present::kept_conversation(&setup, &kept, None, &t)
                })
                .collect()
        })
    };
    let on_review = {
        let (store, on_chosen) = (setup.store.clone(), props.on_chosen.clone());
        Callback::from(move |id: outcomes_core::RecordId| {
            if let Ok(Some(kept)) = store.get(id.as_str(), &crate::clock::now()) {
                on_chosen.emit(std::sync::Arc::new(kept.record));
            }
        })
    };
    let dir = crate::i18n::direction(&setup.lang);
    html! {
        <ContextProvider<Locale> context={locale.clone()}>
            <div class="oc-conversation" part="container" lang={locale.lang.clone()} dir={dir}>
                <h2 class="oc-title" part="title">{ setup.template.text(&setup.template.title, locale.text_lang()) }</h2>
                <DeviceList load={load} revision={0} open=true choosing_review=true offer_new=false
                    on_new={Callback::noop()} on_open={Callback::noop()} on_review={on_review}
                    on_delete={Callback::noop()} />
            </div>
        </ContextProvider<Locale>>
    }
}
