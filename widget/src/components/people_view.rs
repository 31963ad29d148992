use outcomes_core::{Action, Id, Named, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::clock;
use crate::messages::use_locale;

/// Someone taking part, as the list of people shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub id: Id,
    pub role: Role,
    /// "The person", "The practitioner", "A carer".
    pub role_label: AttrValue,
    pub name: AttrValue,
    pub reference: AttrValue,
    /// Can be taken off the list (added by mistake, nothing said yet).
    pub removable: bool,
}

#[derive(Debug, Properties, PartialEq)]
pub struct PeopleViewProps {
    pub people: Vec<PersonRow>,
    /// One line naming everyone, for the closed list.
    pub summary: AttrValue,
    /// The person on their own: only their own name is asked (`people` holds only them), and
    /// nobody is added.
    #[prop_or_default]
    pub alone: bool,
    /// Who is at the keyboard (who takes someone off the list).
    pub by: Id,
    pub on_action: Callback<Action>,
}

/// Who takes part: the person's name or the organisation's reference, the practitioner, and
/// anyone else who is there (a carer, a family member). Each is optional; each change is an
/// action in the core.
#[component]
pub fn PeopleView(props: &PeopleViewProps) -> Html {
    let t = use_locale();
    let new_role = use_state_eq(|| Role::Family);
    let new_name = use_state_eq(String::new);
    let field = |row: &PersonRow, kind: &'static str, label: &'static str, value: &AttrValue| {
        let field_id = format!("oc-person-{}-{kind}", row.id);
        let participant = row.id.clone();
        let on_input = props.on_action.reform(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if kind == "name" {
                Action::SetParticipantName {
                    participant: participant.clone(),
                    name: value,
                }
            } else {
                Action::SetParticipantReference {
                    participant: participant.clone(),
                    reference: value,
                }
            }
        });
        html! {
            <div class="oc-field">
                <label for={field_id.clone()}>{ label }</label>
                <input id={field_id} type="text" class={classes!("oc-answer", format!("oc-person-{kind}"))}
                    autocomplete="off" value={value.clone()} oninput={on_input} />
            </div>
        }
    };
    let on_role = {
        let new_role = new_role.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(role) = Role::from_name(&value) {
                new_role.set(role);
            }
        })
    };
    let on_new_name = {
        let new_name = new_name.clone();
        Callback::from(move |e: InputEvent| {
            new_name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_add = {
        let (new_role, new_name, on_action) =
            (new_role.clone(), new_name.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::AddParticipant {
                id: clock::new_id("p"),
                role: *new_role,
                name: Some((*new_name).clone()),
            });
            new_name.set(String::new());
        })
    };
    html! {
        <details class="oc-people" part="people">
            <summary>
                <span class="oc-people-title">{ if props.alone { t.people_title_self } else { t.people_title } }</span>
                <span class="oc-people-summary">{ props.summary.clone() }</span>
            </summary>
            <ul class="oc-people-list">
                { for props.people.iter().map(|row| {
                    let on_remove = {
                        let (participant, by) = (row.id.clone(), props.by.clone());
                        props.on_action.reform(move |_: MouseEvent| Action::RemoveParticipant {
                            participant: participant.clone(),
                            by: by.clone(),
                        })
                    };
                    html! {
                        <li key={row.id.as_str()} class="oc-person" data-role={row.role.name()}>
                            if !props.alone {
                                <p class="oc-person-role">{ row.role_label.clone() }</p>
                            }
                            { field(row, "name", if props.alone { t.person_name_self } else { t.person_name }, &row.name) }
                            if row.role == Role::Person {
                                { field(row, "reference", t.person_reference, &row.reference) }
                            }
                            if row.removable {
                                <button type="button" class="oc-button oc-button-quiet" onclick={on_remove}>
                                    { t.fill(t.person_remove, &[("who", &row.role_label)]) }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
            if !props.alone {
                <div class="oc-person-add" role="group" aria-label={t.person_add}>
                    <div class="oc-field">
                        <label for="oc-person-new-role">{ t.person_add_role }</label>
                        <select id="oc-person-new-role" class="oc-answer" onchange={on_role}>
                            { for [(Role::Family, t.role_family), (Role::Carer, t.role_carer), (Role::Other, t.role_other)]
                                .into_iter()
                                .map(|(role, label)| html! {
                                    <option value={role.name()} selected={*new_role == role}>{ label }</option>
                                }) }
                        </select>
                    </div>
                    <div class="oc-field">
                        <label for="oc-person-new-name">{ t.person_name }</label>
                        <input id="oc-person-new-name" type="text" class="oc-answer" autocomplete="off"
                            value={(*new_name).clone()} oninput={on_new_name} />
                    </div>
                    <button type="button" class="oc-button oc-person-add-button" onclick={on_add}>{ t.person_add }</button>
                </div>
            }
        </details>
    }
}
