//! The root component: a conversation, or a clear message when it cannot start.

use yew::prelude::*;

use crate::components::{ConversationView, SetupErrorView};
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
    match setup {
        Some(Ok(setup)) => {
            let setup = Setup {
                exports: props.exports.clone(),
                ..setup
            };
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
