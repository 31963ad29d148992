use outcomes_core::{Action, Id, Outcome, OutcomeKind};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::ConfirmRemove;
use crate::strings;

/// A tag the person may choose for an outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct TagChoice {
    pub id: Id,
    pub label: AttrValue,
}

/// Tags of one group of an outcome set (quality of life, process, change).
#[derive(Debug, Clone, PartialEq)]
pub struct TagGroup {
    pub label: AttrValue,
    pub tags: Vec<TagChoice>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct OutcomeEditorProps {
    pub outcome: Outcome,
    /// 1 for the first outcome.
    pub number: usize,
    #[prop_or_default]
    pub tag_groups: Vec<TagGroup>,
    /// Every tag the template knows (all its outcome sets): tags of a carried outcome that this
    /// template does not know cannot be kept when it is retagged here (the core refuses them).
    #[prop_or_default]
    pub known_tags: Vec<Id>,
    /// Offer a weight (Goal Attainment Scaling templates).
    #[prop_or_default]
    pub weighted: bool,
    /// Focus the words when this becomes true (a new outcome).
    #[prop_or_default]
    pub focus: bool,
    pub on_action: Callback<Action>,
    pub on_remove: Callback<Id>,
}

/// One outcome: the person's words first, then (optionally) what it is about and whether it is
/// about changing or keeping something.
#[component]
pub fn OutcomeEditor(props: &OutcomeEditorProps) -> Html {
    let outcome = &props.outcome;
    let base = format!("oc-outcome-{}", outcome.id);
    let words_ref = use_node_ref();
    // Tags come after the words and only on request: open at first only when some are chosen,
    // then left as the practitioner leaves it.
    let tags_open = {
        let tagged = !outcome.tags.is_empty();
        *use_state(move || tagged)
    };
    {
        let words_ref = words_ref.clone();
        use_effect_with(props.focus, move |focus| {
            if *focus {
                if let Some(field) = words_ref.cast::<web_sys::HtmlElement>() {
                    let _ = field.focus();
                }
            }
        });
    }
    let on_words = {
        let id = outcome.id.clone();
        props
            .on_action
            .reform(move |e: InputEvent| Action::SetOutcomeWords {
                outcome: id.clone(),
                words: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            })
    };
    let all_tags: Vec<Id> = props
        .tag_groups
        .iter()
        .flat_map(|g| g.tags.iter().map(|t| t.id.clone()))
        .collect();
    let tag_box = |tag: &TagChoice| {
        let checked = outcome.tags.contains(&tag.id);
        let on_change = {
            let (id, tag_id, current) = (outcome.id.clone(), tag.id.clone(), outcome.tags.clone());
            let (all_tags, known) = (all_tags.clone(), props.known_tags.clone());
            props.on_action.reform(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                // In the outcome set's order; tags from the template's other sets kept first.
                let mut tags: Vec<Id> = current
                    .iter()
                    .filter(|t| !all_tags.contains(t) && known.contains(t))
                    .cloned()
                    .collect();
                tags.extend(
                    all_tags
                        .iter()
                        .filter(|t| {
                            if **t == tag_id {
                                on
                            } else {
                                current.contains(t)
                            }
                        })
                        .cloned(),
                );
                Action::SetOutcomeTags {
                    outcome: id.clone(),
                    tags,
                }
            })
        };
        html! {
            <label class="oc-chip">
                <input type="checkbox" class="oc-chip-box" value={tag.id.to_string()} checked={checked} onchange={on_change} />
                <span class="oc-chip-label">{ tag.label.clone() }</span>
            </label>
        }
    };
    let kind_radio = |kind: OutcomeKind, label: &'static str| {
        let on_change = {
            let id = outcome.id.clone();
            props
                .on_action
                .reform(move |_: Event| Action::SetOutcomeKind {
                    outcome: id.clone(),
                    kind,
                })
        };
        let value = match kind {
            OutcomeKind::Achieve => "achieve",
            OutcomeKind::Maintain => "maintain",
        };
        html! {
            <label class="oc-option">
                <input type="radio" name={format!("{base}-kind")} value={value}
                    checked={outcome.kind == kind} onchange={on_change} />
                { label }
            </label>
        }
    };
    let on_weight = {
        let (id, on_action) = (outcome.id.clone(), props.on_action.clone());
        // Only whole numbers from 1 are weights; anything else waits for the person to finish.
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(weight) = value.trim().parse::<u32>().ok().filter(|w| *w >= 1) {
                on_action.emit(Action::SetOutcomeWeight {
                    outcome: id.clone(),
                    weight,
                });
            }
        })
    };
    let on_remove = {
        let id = outcome.id.clone();
        props.on_remove.reform(move |()| id.clone())
    };
    let words_id = format!("{base}-words");
    html! {
        <li class="oc-outcome" part="outcome">
            <label class="oc-outcome-label" for={words_id.clone()}>{ strings::outcome_words_label(props.number) }</label>
            <textarea id={words_id} class="oc-answer oc-outcome-words" rows="3" ref={words_ref}
                value={outcome.words.clone()} oninput={on_words} />
            if !props.tag_groups.is_empty() {
                <details class="oc-tags-details" open={tags_open}>
                <summary>{ strings::OUTCOME_TAGS_OPEN }</summary>
                <fieldset class="oc-tags">
                    <legend>{ strings::OUTCOME_TAGS }</legend>
                    { for props.tag_groups.iter().map(|group| html! {
                        <fieldset class="oc-tag-group">
                            <legend>{ group.label.clone() }</legend>
                            <div class="oc-chips">{ for group.tags.iter().map(tag_box) }</div>
                        </fieldset>
                    }) }
                </fieldset>
                </details>
            }
            <fieldset class="oc-kind">
                <legend>{ strings::OUTCOME_KIND }</legend>
                { kind_radio(OutcomeKind::Achieve, strings::OUTCOME_ACHIEVE) }
                { kind_radio(OutcomeKind::Maintain, strings::OUTCOME_MAINTAIN) }
            </fieldset>
            if props.weighted {
                <div class="oc-field oc-weight">
                    <label for={format!("{base}-weight")}>{ strings::OUTCOME_WEIGHT }</label>
                    <input id={format!("{base}-weight")} type="number" min="1" step="1" inputmode="numeric"
                        class="oc-answer oc-outcome-weight" value={outcome.weight.to_string()} onchange={on_weight} />
                </div>
            }
            <ConfirmRemove label={strings::outcome_remove(props.number)} question={strings::OUTCOME_REMOVE_CONFIRM} on_remove={on_remove} />
        </li>
    }
}
