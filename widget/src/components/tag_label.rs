use outcomes_core::picture;
use yew::prelude::*;

use super::TagChoice;
use crate::messages::use_locale;

#[derive(Debug, Properties, PartialEq)]
pub struct TagLabelProps {
    pub tag: TagChoice,
}

/// A tag's name; in easy read with its picture first. The picture is decoration beside the
/// words (hidden from screen readers, which read the name), drawn in the text's colour so it
/// follows the theme and forced colours.
#[component]
pub fn TagLabel(props: &TagLabelProps) -> Html {
    let t = use_locale();
    let picture = props
        .tag
        .picture
        .as_ref()
        .filter(|_| t.easy_read)
        .and_then(|name| picture::picture(name.as_str()));
    html! {
        <>
            if let Some(picture) = picture {
                <svg class="oc-picture" part="picture" viewBox="0 0 48 48" aria-hidden="true" focusable="false"
                    data-picture={picture.name}>
                    { for picture.strokes.iter().map(|d| html! {
                        <path d={*d} fill="none" stroke="currentColor" stroke-width="3"
                            stroke-linecap="round" stroke-linejoin="round" />
                    }) }
                    { for picture.fills.iter().map(|d| html! { <path d={*d} fill="currentColor" /> }) }
                </svg>
            }
            <span class="oc-tag-name">{ props.tag.label.clone() }</span>
        </>
    }
}
