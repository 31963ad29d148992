//! The root component: a conversation, or a clear message when it cannot start.

use yew::prelude::*;

use crate::components::{ConversationView, SetupErrorView};
use crate::host::Host;
use crate::setup::{Setup, SetupError};

#[derive(Debug, Properties, PartialEq)]
pub struct AppProps {
    pub host: Host,
    pub setup: Result<Setup, SetupError>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    match &props.setup {
        Ok(setup) => html! { <ConversationView host={props.host.clone()} setup={setup.clone()} /> },
        Err(error) => html! { <SetupErrorView host={props.host.clone()} error={error.clone()} /> },
    }
}
