use yew::prelude::*;

use crate::host::Host;
use crate::messages::use_locale;
use crate::setup::SetupError;

#[derive(Debug, Properties, PartialEq)]
pub struct SetupErrorViewProps {
    pub host: Host,
    pub error: SetupError,
}

/// Why the conversation cannot start, in the widget's own box: never a blank space.
#[component]
pub fn SetupErrorView(props: &SetupErrorViewProps) -> Html {
    let t = use_locale();
    {
        let (host, error) = (props.host.clone(), props.error.clone());
        use_effect_with(error, move |error| {
            host.error(error.code(), &error.to_string())
        });
    }
    html! {
        <div class="oc-setup-error" part="error" role="alert" lang={t.lang.clone()} dir={crate::i18n::direction(&t.lang)}>
            <h2 class="oc-title">{ t.cannot_start }</h2>
            // What went wrong is for whoever set up the page: written in English.
            <p class="oc-error-detail" lang="en" dir="ltr">{ props.error.to_string() }</p>
            <p>{ t.cannot_start_help }</p>
        </div>
    }
}
