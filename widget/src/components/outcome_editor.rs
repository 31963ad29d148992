use outcomes_core::{Action, Id, Named, Outcome, OutcomeKind};
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
    let tag_box = |tag: &TagChoice| {
        let checked = outcome.tags.contains(&tag.id);
        let on_change = {
            let (id, tag_id) = (outcome.id.clone(), tag.id.clone());
            props
                .on_action
                .reform(move |e: Event| Action::SetOutcomeTag {
                    outcome: id.clone(),
                    tag: tag_id.clone(),
                    chosen: e.target_unchecked_into::<HtmlInputElement>().checked(),
                })
        };
        html! {
            <label class="oc-chip">
                <input type="checkbox" class="oc-chip-box" value={tag.id.to_string()} checked={checked} onchange={on_change} />
                <span class="oc-chip-label"><TagLabel tag={tag.clone()} /></span>
            </label>
        }
    };
    // The tags chosen, named in the summary of the closed list, so the stage stays short.
    let chosen: Vec<AttrValue> = props
        .tag_groups
        .iter()
        .flat_map(|g| &g.tags)
        .filter(|tag| outcome.tags.contains(&tag.id))
        .map(|tag| tag.label.clone())
        .collect();
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
        let value = kind.name();
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
        // Only whole numbers from 1 are weights (the core says so); anything else is said next
        // to the field, and the weight kept stays the one before.
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            match outcomes_core::parse_weight(&value) {
                Ok(weight) => {
                    weight_invalid.set(false);
                    on_action.emit(Action::SetOutcomeWeight {
                        outcome: id.clone(),
                        weight,
                    });
                }
                Err(_) => weight_invalid.set(true),
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
            <label class="oc-outcome-label" for={words_id.clone()}>{ t.numbered(t.for_person(t.outcome_words_label, t.outcome_words_label_self), props.number) }</label>
            <textarea id={words_id} class="oc-answer oc-outcome-words" rows="2" ref={words_ref}
                value={outcome.words.clone()} oninput={on_words} />
            if !props.tag_groups.is_empty() {
                // Tags come after the words and only on request, closed at first (the tags chosen
                // are named in its summary): a stage with several outcomes stays short to scan.
                <details class="oc-tags-details">
                <summary>
                    { t.outcome_tags_open }
                    if !chosen.is_empty() {
                        <span class="oc-tags-chosen">{ t.list(&chosen) }</span>
                    }
                </summary>
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
