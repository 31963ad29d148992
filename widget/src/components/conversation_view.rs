use outcomes_core::{Action, Conversation, Id, PromptKind, Status};
use yew::prelude::*;

use super::{
    ActionsView, ChoiceView, ConsentView, DeleteControl, Downloads, EarlierDraftNotice,
    GuidanceNote, OutboxView, OutcomesView, Progress, PromptView, RatingView, SaveStatus,
    SaveStatusView, ScaleChoice, SectionView, Submission, SummaryView,
};
use crate::hooks::use_effect_on_change;
use crate::host::Host;
use crate::messages::Locale;
use crate::setup::SharedTemplate;
use crate::setup::{Mode, Setup};
use crate::state::{ConversationState, Msg};
use crate::storage::StorageProblem;
use crate::{clock, download, present};

#[derive(Debug, Properties, PartialEq)]
pub struct ConversationViewProps {
    pub host: Host,
    pub setup: Setup,
}

/// A conversation through the template, one stage at a time, then a summary.
#[component]
pub fn ConversationView(props: &ConversationViewProps) -> Html {
    let setup = &props.setup;
    let t = (*use_memo((setup.lang.clone(), setup.easy_read), |(lang, easy)| {
        Locale::new(lang, *easy)
    }))
    .clone();
    let state = {
        let setup = setup.clone();
        use_reducer(move || match setup.draft {
            Ok(Some(draft)) => ConversationState::new(Conversation::resume(
                setup.template,
                draft.record,
                draft.position,
            )),
            _ => match &setup.earlier {
                Some(earlier) => ConversationState::new(Conversation::start_review(
                    setup.template,
                    clock::new_record_id(),
                    clock::now(),
                    earlier,
                )),
                None => {
                    ConversationState::start(setup.template, clock::new_record_id(), clock::now())
                }
            },
        })
    };
    let save_status = use_state_eq(|| match &setup.draft {
        Ok(Some(_)) => SaveStatus::Resumed,
        Err(problem @ (StorageProblem::Unavailable | StorageProblem::Full)) => {
            SaveStatus::Failed(problem.clone())
        }
        Ok(None) | Err(StorageProblem::Unreadable { .. }) => SaveStatus::Ready,
    });
    let earlier_draft = match &setup.draft {
        Err(StorageProblem::Unreadable { message, text, .. }) => Some((
            AttrValue::from(message.clone()),
            AttrValue::from(text.clone()),
        )),
        _ => None,
    };
    let apply = {
        let dispatcher = state.dispatcher();
        use_callback(dispatcher, |action: Action, dispatcher| {
            dispatcher.dispatch(Msg::Apply {
                action,
                now: clock::now(),
            });
        })
    };
    {
        // Every change is saved at once, then the host is told.
        let (host, state, store) = (props.host.clone(), state.clone(), setup.store.clone());
        let (save_status, lang) = (save_status.clone(), setup.lang.clone());
        use_effect_on_change(state.record_revision, move |_| {
            let conversation = state.conversation();
            // Serialised once, for the device and for the host page.
            let json = conversation.record().to_json();
            save_status.set(match store.save(&json) {
                Ok(()) => SaveStatus::Saved(crate::i18n::time_now(&lang).into()),
                Err(problem) => SaveStatus::Failed(problem),
            });
            host.record_changed(&json);
        });
    }
    // Each completion tells the host and puts the record in the outbox (when there is an
    // endpoint); serialised here once, not on every render.
    let submission = use_state_eq(|| None::<Submission>);
    {
        let (host, state, submission) = (props.host.clone(), state.clone(), submission.clone());
        use_effect_on_change(state.completions, move |completions| {
            let conversation = state.conversation();
            let record = conversation.record();
            host.completed(record);
            submission.set(Some(Submission {
                serial: *completions,
                record_id: record.id.to_string().into(),
                record: record.to_json().into(),
            }));
        });
    }
    let heading_ref = use_node_ref();
    {
        // Moving to another stage moves focus to its heading, so keyboard and screen-reader
        // users start at the top of what changed. Not on first render: the host page owns focus.
        let (heading_ref, store) = (heading_ref.clone(), setup.store.clone());
        use_effect_on_change(state.conversation().position(), move |position| {
            let _ = store.save_position(*position);
            if let Some(heading) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let deleted = use_state_eq(|| None::<(u64, AttrValue)>);
    let on_delete = {
        let (host, state, store) = (props.host.clone(), state.clone(), setup.store.clone());
        let deleted_record = deleted.clone();
        let (save_status, template) = (save_status.clone(), setup.template.clone());
        Callback::from(move |()| {
            let deleted = state.conversation().record().id.to_string();
            match store.delete() {
                Ok(()) | Err(StorageProblem::Unavailable) => save_status.set(SaveStatus::Deleted),
                Err(problem) => save_status.set(SaveStatus::Failed(problem)),
            }
            host.deleted(&deleted);
            let serial = deleted_record.as_ref().map_or(1, |(serial, _)| serial + 1);
            deleted_record.set(Some((serial, deleted.into())));
            let fresh = Conversation::start(template.clone(), clock::new_record_id(), clock::now());
            state.dispatch(Msg::Replace(Box::new(fresh)));
        })
    };
    // The copy on this device says it was sent (if it is still the conversation on screen).
    let on_submitted = {
        let (state, apply) = (state.clone(), apply.clone());
        Callback::from(move |record_id: String| {
            if state.conversation().record().id.as_str() == record_id {
                apply.emit(Action::MarkSubmitted);
            }
        })
    };
    let on_download_record = {
        let state = state.clone();
        Callback::from(move |()| {
            let conversation = state.conversation();
            let record = conversation.record();
            let name = format!(
                "{}-{}-{}.json",
                record.template.id,
                record.updated.date(),
                short_id(record.id.as_str())
            );
            let _ = download::offer(&name, "application/json", &record.to_json());
        })
    };
    let on_download_unreadable = Callback::from(|text: AttrValue| {
        let _ = download::offer("earlier-conversation.txt", "text/plain", &text);
    });

    let on_text = apply.reform(|(prompt, text): (Id, String)| Action::SetText { prompt, text });
    let on_go_to = apply.reform(Action::GoTo);
    let on_back = apply.reform(|_: MouseEvent| Action::Back);
    let on_next = apply.reform(|_: MouseEvent| Action::Next);
    let on_finish = apply.reform(|()| Action::Complete);

    let conversation = state.conversation();
    let template = conversation.template();
    let text_lang = t.text_lang().clone();
    let text =
        |text: &outcomes_core::Text| AttrValue::from(template.text(text, &text_lang).to_owned());
    // On their own (mode="self"), the person sees no practitioner's notes, and every view,
    // answer and removal is theirs.
    let self_mode = setup.mode == Mode::SelfCompletion;
    let note =
        |guidance: &Option<outcomes_core::Text>| guidance.as_ref().filter(|_| !self_mode).map(text);
    let people = |everyone: Vec<(Id, AttrValue)>| -> Vec<(Id, AttrValue)> {
        if self_mode {
            everyone.into_iter().take(1).collect()
        } else {
            everyone
        }
    };
    let remover = if self_mode {
        present::person(conversation.record())
    } else {
        present::remover(conversation.record())
    };
    let shown_lang = t.shown_lang(template);
    let translation_note = t.translation_note(template);
    let stages: Vec<AttrValue> = template.sections.iter().map(|s| text(&s.title)).collect();
    let position = conversation.position();
    let last_section = stages.len().saturating_sub(1);

    let body = match conversation.section() {
        Some(section) => html! {
            <SectionView title={text(&section.title)} guidance={note(&section.guidance)} heading_ref={heading_ref.clone()}>
                { for section.prompts.iter().map(|prompt| match &prompt.kind {
                    PromptKind::Text { short } => html! {
                        <PromptView key={prompt.id.as_str()} id={prompt.id.clone()} text={text(&prompt.text)}
                            hint={prompt.hint.as_ref().map(text)} guidance={note(&prompt.guidance)}
                            short={*short} value={AttrValue::from(conversation.record().text(&prompt.id).unwrap_or_default().to_owned())}
                            on_text={on_text.clone()} />
                    },
                    PromptKind::Outcomes { outcome_set } => html! {
                        <OutcomesView key={prompt.id.as_str()} id={prompt.id.clone()} text={text(&prompt.text)}
                            hint={prompt.hint.as_ref().map(text)} guidance={note(&prompt.guidance)}
                            outcomes={conversation.record().outcomes.clone()}
                            tag_groups={present::tag_groups(&conversation, outcome_set.as_ref(), &t)}
                            weighted={template.scales.iter().any(|s| s.goal_attainment)}
                            known_tags={template.outcome_sets.iter().flat_map(|s| s.tags.iter().map(|t| t.id.clone())).collect::<Vec<_>>()}
                            by={remover.clone()} on_action={apply.clone()} />
                    },
                    PromptKind::Rating { scale, rates } => {
                        let (scale_title, points) = present::scale(&conversation, scale, &t);
                        html! {
                            <RatingView key={prompt.id.as_str()} id={prompt.id.clone()} text={text(&prompt.text)}
                                hint={prompt.hint.as_ref().map(text)} guidance={note(&prompt.guidance)}
                                scale_title={scale_title} points={points} raters={people(present::raters(conversation.record(), &t))}
                                targets={present::rating_targets(&conversation, &prompt.id, *rates, &t)}
                                on_action={apply.clone()} />
                        }
                    },
                    PromptKind::Actions => html! {
                        <ActionsView key={prompt.id.as_str()} id={prompt.id.clone()} text={text(&prompt.text)}
                            hint={prompt.hint.as_ref().map(text)} guidance={note(&prompt.guidance)}
                            actions={conversation.record().actions.clone()}
                            outcomes={present::outcome_words(conversation.record(), &t)}
                            by={remover.clone()} on_action={apply.clone()} />
                    },
                    PromptKind::Choice { options, multiple } => html! {
                        <ChoiceView key={prompt.id.as_str()} id={prompt.id.clone()} text={text(&prompt.text)}
                            hint={prompt.hint.as_ref().map(text)} guidance={note(&prompt.guidance)}
                            options={options.iter().map(|o| ScaleChoice { id: o.id.clone(), label: text(&o.label) }).collect::<Vec<_>>()}
                            multiple={*multiple}
                            chosen={conversation.record().choices.get(&prompt.id).map(|c| c.options.clone()).unwrap_or_default()}
                            on_action={apply.clone()} />
                    },
                    PromptKind::Consent { statement } => html! {
                        <ConsentView key={prompt.id.as_str()} id={prompt.id.clone()} text={text(&prompt.text)}
                            statement={text(statement)} guidance={note(&prompt.guidance)}
                            answerers={people(present::answerers(conversation.record(), &t))}
                            answer={conversation.record().consent.get(&prompt.id).map(|c| (c.given, c.by.clone()))}
                            on_action={apply.clone()} />
                    },
                    PromptKind::Information => html! {
                        <div key={prompt.id.as_str()} class="oc-prompt oc-information">
                            <p>{ text(&prompt.text) }</p>
                            if let Some(hint) = prompt.hint.as_ref().map(text) {
                                <p class="oc-hint">{ hint }</p>
                            }
                            if let Some(guidance) = note(&prompt.guidance) {
                                <GuidanceNote summary={t.prompt_guidance} text={guidance} />
                            }
                        </div>
                    },
                }) }
            </SectionView>
        },
        None => {
            let summary = present::summary(&conversation, &t);
            html! {
                <SummaryView sections={summary.0} outcomes={summary.1} actions={summary.2}
                    finished={conversation.record().status != Status::Draft}
                    heading_ref={heading_ref.clone()} on_finish={on_finish} />
            }
        }
    };

    html! {
        <ContextProvider<Locale> context={t.clone()}>
        <div class={classes!("oc-conversation", t.easy_read.then_some("oc-easy-read"))} part="container"
            lang={shown_lang.clone()} dir={crate::i18n::direction(&shown_lang)}>
            <header class="oc-header">
                <h2 class="oc-title" part="title">{ text(&template.title) }</h2>
                <Progress stages={stages} current={position} on_go_to={on_go_to} />
            </header>
            if self_mode {
                <p class="oc-intro">{ t.self_intro }</p>
            }
            if let Some(problem) = &state.problem {
                <p class="oc-problem" role="alert">{ problem.clone() }</p>
            }
            if let Some((message, text)) = earlier_draft {
                <EarlierDraftNotice message={message} text={text} on_download={on_download_unreadable} />
            }
            { body }
            <div class="oc-nav" part="navigation">
                if position > 0 {
                    <button type="button" class="oc-button" onclick={on_back}>{ t.back }</button>
                }
                if !conversation.on_summary() {
                    <button type="button" class="oc-button oc-button-primary" onclick={on_next}>
                        { if position == last_section { t.to_summary } else { t.next } }
                    </button>
                }
            </div>
            if conversation.on_summary() {
                <Downloads record={AttrValue::from(conversation.record().to_json())}
                    template={SharedTemplate(setup.template.clone())} lang={t.text_lang().clone()}
                    fhir_base={setup.fhir_base.clone()} exports={setup.exports.clone()} />
            }
            <footer class="oc-footer">
                <SaveStatusView status={(*save_status).clone()} on_download_record={on_download_record} />
                <DeleteControl on_delete={on_delete} />
            </footer>
            if let Some(endpoint) = &setup.endpoint {
                <OutboxView host={props.host.clone()} endpoint={endpoint.clone()} store={setup.store.clone()}
                    submission={(*submission).clone()} deleted={(*deleted).clone()} on_submitted={on_submitted} />
            }
            if let Some(notice) = translation_note {
                <p class="oc-translation-note" part="translation-note">{ notice }</p>
            }
        </div>
        </ContextProvider<Locale>>
    }
}

/// The first part of a record id, enough to tell downloaded files apart.
fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
