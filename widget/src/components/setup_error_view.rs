use yew::prelude::*;

use crate::host::Host;
use crate::setup::SetupError;
use crate::strings;

#[derive(Debug, Properties, PartialEq)]
pub struct SetupErrorViewProps {
    pub host: Host,
    pub error: SetupError,
}

/// Why the conversation cannot start, in the widget's own box: never a blank space.
#[component]
pub fn SetupErrorView(props: &SetupErrorViewProps) -> Html {
    {
        let (host, error) = (props.host.clone(), props.error.clone());
        use_effect_with(error, move |error| {
            host.error(error.code(), &error.to_string())
        });
    }
    html! {
        <div class="oc-setup-error" part="error" role="alert">
            <h2 class="oc-title">{ strings::CANNOT_START }</h2>
            <p class="oc-error-detail">{ props.error.to_string() }</p>
            <p>{ strings::CANNOT_START_HELP }</p>
        </div>
    }
}
