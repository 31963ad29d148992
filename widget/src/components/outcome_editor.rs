use outcomes_core::{Action, Id, Outcome, OutcomeKind};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{ConfirmRemove, TagLabel};
use crate::messages::use_locale;

/// A tag the person may choose for an outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct TagChoice {
    pub id: Id,
    pub label: AttrValue,
    /// Its picture for easy read, if the template gives one.
    pub picture: Option<Id>,
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
    let t = use_locale();
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
                <span class="oc-chip-label"><TagLabel tag={tag.clone()} /></span>
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
    let weight_invalid = use_state_eq(|| false);
    let on_weight = {
        let (id, on_action) = (outcome.id.clone(), props.on_action.clone());
        let weight_invalid = weight_invalid.clone();
        // Only whole numbers from 1 are weights; anything else is said next to the field, and
        // the weight kept stays the one before.
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            match value.trim().parse::<u32>().ok().filter(|w| *w >= 1) {
                Some(weight) => {
                    weight_invalid.set(false);
                    on_action.emit(Action::SetOutcomeWeight {
                        outcome: id.clone(),
                        weight,
                    });
                }
                None => weight_invalid.set(true),
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
            <label class="oc-outcome-label" for={words_id.clone()}>{ t.numbered(t.outcome_words_label, props.number) }</label>
            <textarea id={words_id} class="oc-answer oc-outcome-words" rows="3" ref={words_ref}
                value={outcome.words.clone()} oninput={on_words} />
            if !props.tag_groups.is_empty() {
                <details class="oc-tags-details" open={tags_open}>
                <summary>{ t.outcome_tags_open }</summary>
                <fieldset class="oc-tags">
                    <legend>{ t.outcome_tags }</legend>
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
                <legend>{ t.outcome_kind }</legend>
                { kind_radio(OutcomeKind::Achieve, t.outcome_achieve) }
                { kind_radio(OutcomeKind::Maintain, t.outcome_maintain) }
            </fieldset>
            if props.weighted {
                <div class="oc-field oc-weight">
                    <label for={format!("{base}-weight")}>{ t.outcome_weight }</label>
                    <input id={format!("{base}-weight")} type="number" min="1" step="1" inputmode="numeric"
                        class="oc-answer oc-outcome-weight" value={outcome.weight.to_string()} onchange={on_weight}
                        aria-invalid={weight_invalid.then_some("true")}
                        aria-describedby={weight_invalid.then(|| format!("{base}-weight-problem"))} />
                    if *weight_invalid {
                        <p class="oc-field-problem" id={format!("{base}-weight-problem")} role="alert">{ t.outcome_weight_invalid }</p>
                    }
                </div>
            }
            <ConfirmRemove label={t.numbered(t.outcome_remove, props.number)} question={t.outcome_remove_confirm} on_remove={on_remove} />
        </li>
    }
}
