use std::sync::Arc;

use outcomes_core::{
    Action, Conversation, Id, Missing, Mode, Problem, PromptKind, Rates, Record, RecordId, Status,
};
use yew::prelude::*;

use super::{
    Accepted, ActionsView, ChoiceView, ConflictNotice, ConsentView, DeleteControl, DeviceList,
    Downloads, EarlierDraftNotice, FinishCheck, GuidanceNote, KeptConversation, LastTime,
    MissingItem, OutboxView, OutcomesView, PeopleView, PersonRow, Progress, PromptView, RatingView,
    SaveStatus, SaveStatusView, ScaleChoice, SectionView, Submission, SummaryView,
};
use crate::hooks::use_effect_on_change;
use crate::host::Host;
use crate::messages::Locale;
use crate::setup::{Setup, SharedTemplate};
use crate::state::{ConversationState, Msg};
use crate::storage::{Kept, StorageProblem};
use crate::tabs::use_tabs;
use crate::{clock, download, present};

#[derive(Debug, Properties, PartialEq)]
pub struct ConversationViewProps {
    pub host: Host,
    pub setup: Setup,
}

/// The conversation a widget starts with: the one on screen last time (if this page has its
/// template), else a review of the earlier record the page gave, else a new one.
fn first_conversation(setup: &Setup) -> Conversation {
    if let Ok(Some(kept)) = &setup.draft {
        if let Some(conversation) = open_kept(setup, kept.clone()) {
            return conversation;
        }
    }
    match (&setup.earlier, setup.mode) {
        (Some(earlier), Mode::Review) => Conversation::start_review(
            Arc::clone(&setup.template),
            clock::new_record_id(),
            clock::now(),
            Arc::clone(earlier),
        ),
        _ => new_conversation(setup),
    }
}

fn new_conversation(setup: &Setup) -> Conversation {
    // A review needs an earlier record: without one, a new conversation is an ordinary one.
    let mode = if setup.mode == Mode::Review {
        Mode::Practitioner
    } else {
        setup.mode
    };
    Conversation::start_in(
        Arc::clone(&setup.template),
        clock::new_record_id(),
        clock::now(),
        mode,
    )
}

/// A conversation kept on this device, opened with its template, in the page's mode when the
/// page asks for the person on their own, with the record it reviews when that is at hand.
fn open_kept(setup: &Setup, kept: Kept) -> Option<Conversation> {
    let template = setup.template_for(&kept.record)?;
    let earlier = kept.record.reviews.clone();
    let mut conversation = Conversation::resume(template, kept.record, kept.position);
    if setup.mode == Mode::SelfCompletion {
        conversation = conversation.in_mode(Mode::SelfCompletion);
    }
    let earlier = setup
        .earlier
        .clone()
        .filter(|e| Some(&e.id) == earlier.as_ref())
        .or_else(|| {
            let earlier = earlier?;
            let kept = setup
                .store
                .get(earlier.as_str(), &clock::now())
                .ok()
                .flatten()?;
            Some(Arc::new(kept.record))
        });
    Some(match earlier {
        Some(earlier) => conversation.with_earlier(earlier),
        None => conversation,
    })
}

/// A conversation through the template, one stage at a time, then a summary; with the people
/// taking part, the conversations kept on this device, and what is sent.
#[component]
pub fn ConversationView(props: &ConversationViewProps) -> Html {
    let setup = &props.setup;
    let state = {
        let setup = setup.clone();
        use_reducer(move || ConversationState::new(first_conversation(&setup)))
    };
    let alone = state.conversation().mode() == Mode::SelfCompletion;
    let t = (*use_memo(
        (setup.lang.clone(), setup.easy_read, alone),
        |(lang, easy, alone)| Locale::new(lang, *easy).speaking_to_person(*alone),
    ))
    .clone();
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
    let current_id = state.conversation().record().id.clone();
    // The same conversation open in another tab: follow its changes, or keep both versions.
    let tabs = {
        let (dispatcher, follow) = (state.dispatcher(), setup.clone());
        // Read when another tab's change arrives: the stage on screen then, not now.
        let live_position = use_mut_ref(|| 0);
        *live_position.borrow_mut() = state.conversation().position();
        let on_follow = Callback::from(move |record: Record| {
            let position = *live_position.borrow();
            if let Some(conversation) = open_kept(&follow, Kept { record, position }) {
                dispatcher.dispatch(Msg::Follow(Box::new(conversation)));
            }
        });
        use_tabs(setup.store.clone(), current_id.clone(), on_follow)
    };
    {
        // What this tab starts from, and after each switch, is what other tabs are compared to.
        let (tabs, state) = (tabs.clone(), state.clone());
        use_effect_with(state.switches, move |_| {
            let conversation = state.conversation();
            let record = conversation.record();
            tabs.opened(&record.id, record.to_json());
        });
    }
    {
        // Every change is saved at once, then the host is told.
        let (host, state, tabs) = (props.host.clone(), state.clone(), tabs.clone());
        let (save_status, lang) = (save_status.clone(), setup.lang.clone());
        use_effect_on_change(state.record_revision, move |_| {
            let conversation = state.conversation();
            let record = conversation.record();
            // Serialised once, for the device and for the host page.
            let json = record.to_json();
            save_status.set(match tabs.save(&record.id, &json) {
                Ok(()) => SaveStatus::Saved(crate::i18n::time_now(&lang).into()),
                Err(problem) => SaveStatus::Failed(problem),
            });
            host.record_changed(&json);
        });
    }
    // Each finishing tells the host and puts the revision in the outbox (when there is an
    // endpoint and the person agreed to the record being kept); serialised here once.
    let submission = use_state_eq(|| None::<Submission>);
    {
        let (host, state, submission) = (props.host.clone(), state.clone(), submission.clone());
        use_effect_on_change(state.completions, move |completions| {
            let conversation = state.conversation();
            let record = conversation.record();
            host.completed(record);
            if conversation.may_send() {
                submission.set(Some(Submission {
                    serial: *completions,
                    record_id: record.id.to_string().into(),
                    revision: record.revision,
                    key: record.submission_key().into(),
                    record: record.to_json().into(),
                }));
            }
        });
    }
    let heading_ref = use_node_ref();
    {
        // Moving to another stage moves focus to its heading, so keyboard and screen-reader
        // users start at the top of what changed. Not on first render: the host page owns focus.
        let position = state.conversation().position();
        let (heading_ref, store, state) = (heading_ref.clone(), setup.store.clone(), state.clone());
        use_effect_on_change(position, move |position| {
            let _ = store.save_position(&state.conversation().record().id, *position);
            if let Some(heading) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    // Conversations taken off the device: `(serial, record id)`, for the outbox to forget.
    let deleted = use_state_eq(|| None::<(u64, AttrValue)>);
    let cleared = use_state_eq(|| None::<(u64, AttrValue)>);
    let device_revision = use_state_eq(|| 0_u64);
    let start_new = {
        let (state, setup, store) = (state.clone(), setup.clone(), setup.store.clone());
        let device_revision = device_revision.clone();
        Callback::from(move |()| {
            // The next start is this new one (saved on its first change).
            let _ = store.clear_current();
            state.dispatch(Msg::Replace(Box::new(new_conversation(&setup))));
            device_revision.set(*device_revision + 1);
        })
    };
    let delete = {
        let (host, state, store) = (props.host.clone(), state.clone(), setup.store.clone());
        let (deleted_record, save_status) = (deleted.clone(), save_status.clone());
        let (start_new, device_revision) = (start_new.clone(), device_revision.clone());
        Callback::from(move |id: RecordId| {
            match store.delete(&id) {
                Ok(()) | Err(StorageProblem::Unavailable) => save_status.set(SaveStatus::Deleted),
                Err(problem) => save_status.set(SaveStatus::Failed(problem)),
            }
            host.deleted(id.as_str());
            let serial = deleted_record.as_ref().map_or(1, |(serial, _)| serial + 1);
            deleted_record.set(Some((serial, id.to_string().into())));
            if state.conversation().record().id == id {
                start_new.emit(());
            }
            device_revision.set(*device_revision + 1);
        })
    };
    let on_delete = {
        let (delete, state) = (delete.clone(), state.clone());
        Callback::from(move |()| delete.emit(state.conversation().record().id.clone()))
    };
    // The organisation has a revision: the record on the device says so; on a shared device
    // (`clear-when-sent`) the words then leave it.
    let on_submitted = {
        let (state, apply, setup) = (state.clone(), apply.clone(), setup.clone());
        let (cleared, save_status) = (cleared.clone(), save_status.clone());
        let (start_new, device_revision) = (start_new.clone(), device_revision.clone());
        Callback::from(move |accepted: Accepted| {
            let here = state.conversation().record().id.as_str() == accepted.record_id;
            let mark = Action::MarkSubmitted {
                revision: accepted.revision,
            };
            // The record as it stands (on screen, or kept on the device).
            let record = if here {
                Some(state.conversation().record().clone())
            } else {
                let kept = setup
                    .store
                    .get(&accepted.record_id, &clock::now())
                    .ok()
                    .flatten();
                kept.and_then(|kept| open_kept(&setup, kept)).map(|mut c| {
                    let _ = c.apply(mark.clone(), clock::now());
                    let record = c.record().clone();
                    let _ = setup.store.save(&record.id, &record.to_json());
                    record
                })
            };
            // Still the revision the organisation now has (not a correction begun since).
            let sent =
                record.filter(|r| r.status != Status::Draft && r.revision == accepted.revision);
            match sent {
                Some(record) if setup.clear_when_sent => {
                    let _ = setup.store.delete(&record.id);
                    let serial = cleared.as_ref().map_or(1, |(serial, _)| serial + 1);
                    cleared.set(Some((serial, record.id.to_string().into())));
                    if here {
                        save_status.set(SaveStatus::Cleared);
                        start_new.emit(());
                    }
                }
                _ if here => apply.emit(mark),
                _ => {}
            }
            device_revision.set(*device_revision + 1);
        })
    };
    let on_download_record = {
        let state = state.clone();
        Callback::from(move |()| offer_record(state.conversation().record()))
    };
    let on_download_unreadable = Callback::from(|text: AttrValue| {
        let _ = download::offer("earlier-conversation.txt", "text/plain", &text);
    });
    let load_device = {
        let (setup, state, t) = (setup.clone(), state.clone(), t.clone());
        Callback::from(move |()| {
            // The one on screen as it is now (saved or not yet), then the others as kept.
            let conversation = state.conversation();
            let on_screen = Kept {
                record: conversation.record().clone(),
                position: conversation.position(),
            };
            let current = &on_screen.record.id;
            let others = setup.store.list().unwrap_or_default();
            std::iter::once(&on_screen)
                .chain(others.iter().filter(|k| &k.record.id != current))
                .map(|k| present::kept_conversation(&setup, k, Some(current), &t))
                .collect::<Vec<KeptConversation>>()
        })
    };
    let open_conversation = {
        let (setup, state, device_revision) =
            (setup.clone(), state.clone(), device_revision.clone());
        Callback::from(move |id: RecordId| {
            let kept = setup.store.get(id.as_str(), &clock::now()).ok().flatten();
            if let Some(conversation) = kept.and_then(|kept| open_kept(&setup, kept)) {
                let _ = setup.store.set_current(&id);
                state.dispatch(Msg::Replace(Box::new(conversation)));
                device_revision.set(*device_revision + 1);
            }
        })
    };
    let review_conversation = {
        let (setup, state, device_revision) =
            (setup.clone(), state.clone(), device_revision.clone());
        Callback::from(move |id: RecordId| {
            let kept = setup.store.get(id.as_str(), &clock::now()).ok().flatten();
            if let Some(kept) = kept {
                let review = Conversation::start_review(
                    Arc::clone(&setup.review_template),
                    clock::new_record_id(),
                    clock::now(),
                    Arc::new(kept.record),
                );
                let _ = setup.store.clear_current();
                state.dispatch(Msg::Replace(Box::new(review)));
                device_revision.set(*device_revision + 1);
            }
        })
    };
    let keep_mine = {
        let (tabs, state) = (tabs.clone(), state.clone());
        Callback::from(move |()| {
            let conversation = state.conversation();
            let record = conversation.record();
            let _ = tabs.choose(&record.id, &record.to_json());
        })
    };
    let keep_theirs = {
        let (tabs, state, setup) = (tabs.clone(), state.clone(), setup.clone());
        Callback::from(move |()| {
            let id = state.conversation().record().id.clone();
            let Some(theirs) = tabs.their_versions(&id).into_iter().next() else {
                return;
            };
            let _ = tabs.choose(&id, &theirs.to_json());
            let position = state.conversation().position();
            if let Some(conversation) = open_kept(
                &setup,
                Kept {
                    record: theirs,
                    position,
                },
            ) {
                state.dispatch(Msg::Follow(Box::new(conversation)));
            }
        })
    };

    // What was said last time, in a review: worded once per earlier record and language, not on
    // every keystroke.
    let last_time = {
        let earlier = state.conversation().shared_earlier().cloned();
        let (setup, t) = (setup.clone(), t.clone());
        use_memo(
            (earlier.as_ref().map(|e| e.id.clone()), t.clone()),
            move |_| {
                let earlier = earlier?;
                let template = setup.template_for(&earlier)?;
                let summary = outcomes_core::summary::Summary::of(
                    &earlier,
                    &template,
                    t.text_lang(),
                    Mode::of(&earlier),
                );
                Some((
                    present::summary(&summary, &t),
                    AttrValue::from(t.date(earlier.created.date())),
                ))
            },
        )
    };
    let on_text = apply.reform(|(prompt, text): (Id, String)| Action::SetText { prompt, text });
    let on_go_to = apply.reform(Action::GoTo);
    let on_back = apply.reform(|_: MouseEvent| Action::Back);
    let on_next = apply.reform(|_: MouseEvent| Action::Next);
    let on_finish = apply.reform(|_: MouseEvent| Action::Complete { confirmed: false });
    let on_finish_anyway = apply.reform(|()| Action::Complete { confirmed: true });
    let on_not_yet = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Msg::Dismiss))
    };
    let on_summary = apply.reform({
        let sections = setup.template.sections.len();
        move |_: MouseEvent| Action::GoTo(sections)
    });

    let conversation = state.conversation();
    let template = conversation.template();
    let record = conversation.record();
    let text_lang = t.text_lang().clone();
    let text =
        |text: &outcomes_core::Text| AttrValue::from(template.text(text, &text_lang).to_owned());
    let note = |guidance: &Option<outcomes_core::Text>| {
        guidance
            .as_ref()
            .filter(|_| conversation.shows_guidance())
            .map(text)
    };
    let actor = conversation.actor();
    let shown_lang = t.shown_lang(template);
    let translation_note = t.translation_note(template);
    let stages: Vec<AttrValue> = template.sections.iter().map(|s| text(&s.title)).collect();
    let position = conversation.position();
    let last_section = stages.len().saturating_sub(1);
    let why = AttrValue::Static(if alone {
        t.rating_why_self
    } else {
        t.rating_why
    });

    let body = match conversation.section() {
        Some(section) => {
            // A stage's questions about outcomes are asked together, one card per outcome.
            let outcome_ratings: Vec<&outcomes_core::Prompt> = section
                .prompts
                .iter()
                .filter(|p| {
                    matches!(
                        p.kind,
                        PromptKind::Rating {
                            rates: Rates::Outcomes,
                            ..
                        }
                    )
                })
                .collect();
            let first_outcome_rating = outcome_ratings.first().map(|p| p.id.clone());
            html! {
                <SectionView title={text(&section.title)} guidance={note(&section.guidance)} heading_ref={heading_ref.clone()}>
                    if position == 0 {
                        if let Some((summary, date)) = (*last_time).clone() {
                            <LastTime summary={summary} date={date} />
                        }
                    }
                    { for section.prompts.iter().map(|prompt| {
                        let prompt_text = AttrValue::from(conversation.prompt_text(prompt, &text_lang).to_owned());
                        let hint = conversation.prompt_hint(prompt, &text_lang).map(|h| AttrValue::from(h.to_owned()));
                        match &prompt.kind {
                            PromptKind::Text { short, next_review } => html! {
                                <PromptView key={prompt.id.as_str()} id={prompt.id.clone()} text={prompt_text}
                                    hint={hint} guidance={note(&prompt.guidance)}
                                    short={*short} value={AttrValue::from(record.text(&prompt.id).unwrap_or_default().to_owned())}
                                    on_text={on_text.clone()}
                                    next_review={next_review.then(|| record.next_review.clone())}
                                    on_action={next_review.then(|| apply.clone())} />
                            },
                            PromptKind::Outcomes { outcome_set } => html! {
                                <OutcomesView key={prompt.id.as_str()} id={prompt.id.clone()} text={prompt_text}
                                    hint={hint} guidance={note(&prompt.guidance)}
                                    outcomes={record.outcomes.clone()}
                                    tag_groups={present::tag_groups(&conversation, outcome_set.as_ref(), &t)}
                                    weighted={template.scales.iter().any(|s| s.goal_attainment)}
                                    by={actor.clone()} on_action={apply.clone()} />
                            },
                            PromptKind::Rating { rates: Rates::Outcomes, .. } => {
                                if first_outcome_rating.as_ref() != Some(&prompt.id) {
                                    return Html::default();
                                }
                                html! {
                                    <RatingView key={prompt.id.as_str()}
                                        questions={outcome_ratings.iter().map(|p| present::rating_question(&conversation, p, &t)).collect::<Vec<_>>()}
                                        targets={present::rating_targets(&conversation, &outcome_ratings, &t)}
                                        why={why.clone()} on_action={apply.clone()} />
                                }
                            }
                            PromptKind::Rating { rates: Rates::Prompt, .. } => html! {
                                <RatingView key={prompt.id.as_str()}
                                    questions={vec![present::rating_question(&conversation, prompt, &t)]}
                                    targets={present::rating_targets(&conversation, &[prompt], &t)}
                                    why={why.clone()} on_action={apply.clone()} />
                            },
                            PromptKind::Actions => html! {
                                <ActionsView key={prompt.id.as_str()} id={prompt.id.clone()} text={prompt_text}
                                    hint={hint} guidance={note(&prompt.guidance)}
                                    actions={record.actions.clone()}
                                    outcomes={present::outcome_words(record, &t)}
                                    by={actor.clone()} on_action={apply.clone()} />
                            },
                            PromptKind::Choice { options, multiple } => html! {
                                <ChoiceView key={prompt.id.as_str()} id={prompt.id.clone()} text={prompt_text}
                                    hint={hint} guidance={note(&prompt.guidance)}
                                    options={options.iter().map(|o| ScaleChoice { id: o.id.clone(), label: text(&o.label) }).collect::<Vec<_>>()}
                                    multiple={*multiple}
                                    chosen={record.choices.get(&prompt.id).map(|c| c.options.clone()).unwrap_or_default()}
                                    on_action={apply.clone()} />
                            },
                            PromptKind::Consent { statement, .. } => html! {
                                <ConsentView key={prompt.id.as_str()} id={prompt.id.clone()} text={prompt_text}
                                    statement={text(statement)} guidance={note(&prompt.guidance)}
                                    answerers={present::answerers(&conversation, &t)}
                                    answer={record.consent.get(&prompt.id).map(|c| (c.given, c.by.clone()))}
                                    on_action={apply.clone()} />
                            },
                            PromptKind::Information => html! {
                                <div key={prompt.id.as_str()} class="oc-prompt oc-information">
                                    <p>{ prompt_text }</p>
                                    if let Some(hint) = hint {
                                        <p class="oc-hint">{ hint }</p>
                                    }
                                    if let Some(guidance) = note(&prompt.guidance) {
                                        <GuidanceNote summary={t.prompt_guidance} text={guidance} />
                                    }
                                </div>
                            },
                        }
                    }) }
                </SectionView>
            }
        }
        None => {
            let finished = record.status != Status::Draft;
            let ending = match &state.problem {
                Some(Problem::Incomplete(missing)) => html! {
                    <FinishCheck missing={missing_items(&conversation, missing, &t)}
                        on_go_to={on_go_to.clone()} on_finish_anyway={on_finish_anyway}
                        on_not_yet={on_not_yet.clone()} />
                },
                _ if finished => html! {
                    <div class="oc-finished" role="status">
                        <p>{ finished_message(&conversation, setup.endpoint.is_some(), &t) }</p>
                    </div>
                },
                _ => html! {
                    <button type="button" class="oc-button oc-button-primary oc-finish" onclick={on_finish}>
                        { if record.replaces.is_some() { t.finish_again } else { t.finish } }
                    </button>
                },
            };
            html! {
                <SummaryView summary={present::summary(&conversation.summary(&text_lang), &t)}
                    heading_ref={heading_ref.clone()}>
                    { ending }
                </SummaryView>
            }
        }
    };

    let problem = match &state.problem {
        Some(Problem::Incomplete(_)) | None => None,
        Some(problem) => Some(t.problem(problem, record)),
    };
    // Everyone taking part; the person alone sees (and names) only themselves.
    let people: Vec<PersonRow> = conversation
        .voices()
        .into_iter()
        .map(|p| PersonRow {
            id: p.id.clone(),
            role: p.role,
            role_label: t.role_label(p.role).into(),
            name: p.name.clone().unwrap_or_default().into(),
            reference: p.reference.clone().unwrap_or_default().into(),
            removable: conversation.may_remove(&p.id),
        })
        .collect();
    let people_summary = present::people_line(&conversation, &t);

    html! {
        <ContextProvider<Locale> context={t.clone()}>
        <div class={classes!("oc-conversation", t.easy_read.then_some("oc-easy-read"))} part="container"
            lang={shown_lang.clone()} dir={crate::i18n::direction(&shown_lang)}>
            <header class="oc-header">
                <h2 class="oc-title" part="title">{ text(&template.title) }</h2>
                <Progress stages={stages} current={position} on_go_to={on_go_to.clone()} />
            </header>
            if alone {
                <p class="oc-intro">{ t.self_intro }</p>
            }
            <ConflictNotice others={(*tabs.others).clone()} on_keep_mine={keep_mine} on_keep_theirs={keep_theirs}
                on_download_mine={on_download_record.clone()} />
            if let Some(replaced) = conversation.unfinished_changes() {
                <div class="oc-changed" role="status">
                    <p>{ t.fill(t.changed_since_finished, &[("date", &t.date_time(replaced.completed.as_str()))]) }</p>
                    if !conversation.on_summary() {
                        <button type="button" class="oc-button" onclick={on_summary}>{ t.to_summary }</button>
                    }
                </div>
            }
            if let Some(problem) = problem {
                <p class="oc-problem" role="alert">{ problem }</p>
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
            // Who takes part, open on request: after the questions, so the first thing on screen
            // (and the first field) is the conversation itself.
            <PeopleView people={people} summary={AttrValue::from(people_summary)} alone={alone}
                by={actor.clone()} on_action={apply.clone()} />
            if conversation.on_summary() {
                <Downloads record={AttrValue::from(record.to_json())}
                    template={SharedTemplate(Arc::clone(conversation.shared_template()))} lang={t.text_lang().clone()}
                    fhir_base={setup.fhir_base.clone()} exports={setup.exports.clone()}
                    organisation={setup.organisation.clone().map(AttrValue::from)} person_only={alone} />
            }
            <footer class="oc-footer">
                <SaveStatusView status={(*save_status).clone()} on_download_record={on_download_record} />
                <DeleteControl on_delete={on_delete} />
                // Read again when conversations come and go, not on every keystroke (the one on
                // screen is listed as it stands whenever the list is read).
                <DeviceList load={load_device} revision={*device_revision}
                    on_new={start_new} on_open={open_conversation} on_review={review_conversation}
                    on_delete={delete} />
            </footer>
            if let Some(endpoint) = &setup.endpoint {
                <OutboxView host={props.host.clone()} endpoint={endpoint.clone()} store={setup.store.clone()}
                    submission={(*submission).clone()} deleted={(*deleted).clone()} cleared={(*cleared).clone()}
                    on_submitted={on_submitted} />
            }
            if let Some(notice) = translation_note {
                <p class="oc-translation-note" part="translation-note">{ notice }</p>
            }
        </div>
        </ContextProvider<Locale>>
    }
}

/// Offers the record as a JSON file to save.
fn offer_record(record: &Record) {
    let name = format!(
        "{}-{}-{}.json",
        record.template.id,
        record.updated.date(),
        short_id(record.id.as_str())
    );
    let _ = download::offer(&name, "application/json", &record.to_json());
}

/// The first part of a record id, enough to tell downloaded files apart.
fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// What is missing before finishing, in this language, each with the stage to go back to.
fn missing_items(conversation: &Conversation, missing: &[Missing], t: &Locale) -> Vec<MissingItem> {
    let template = conversation.template();
    missing
        .iter()
        .map(|m| MissingItem {
            text: t.missing(m, conversation).into(),
            stage: m.section(template).and_then(|i| {
                let section = template.sections.get(i)?;
                Some((
                    i,
                    AttrValue::from(template.text(&section.title, t.text_lang()).to_owned()),
                ))
            }),
        })
        .collect()
}

/// What finishing did: finished and sent (or waiting to be), finished with nothing to send
/// it to, or kept on the device because keeping it was refused.
fn finished_message(conversation: &Conversation, endpoint: bool, t: &Locale) -> String {
    let record = conversation.record();
    let sent = record.status == Status::Submitted;
    let message = if !conversation.may_send() {
        t.finished_not_sent
    } else if sent {
        t.finished_sent
    } else if endpoint {
        t.finished_sending
    } else {
        t.finished
    };
    message.to_owned()
}
