use outcomes_core::{Action, Conversation, Id, PromptKind, Status};
use yew::prelude::*;

use super::{Progress, PromptView, SectionView, SummaryItem, SummarySection, SummaryView};
use crate::clock;
use crate::host::Host;
use crate::setup::Setup;
use crate::state::{ConversationState, Step};
use crate::strings;

#[derive(Debug, Properties, PartialEq)]
pub struct ConversationViewProps {
    pub host: Host,
    pub setup: Setup,
}

/// A conversation through the template, one stage at a time, then a summary.
#[component]
pub fn ConversationView(props: &ConversationViewProps) -> Html {
    let state = {
        let template = props.setup.template.clone();
        use_reducer(move || {
            ConversationState::start(template, clock::new_record_id(), clock::now())
        })
    };
    let apply = {
        let dispatcher = state.dispatcher();
        use_callback(dispatcher, |action: Action, dispatcher| {
            dispatcher.dispatch(Step {
                action,
                now: clock::now(),
            });
        })
    };
    {
        let (host, state) = (props.host.clone(), state.clone());
        use_effect_with(state.record_revision, move |revision| {
            if *revision > 0 {
                host.record_changed(state.conversation().record());
            }
        });
    }
    {
        let (host, state) = (props.host.clone(), state.clone());
        use_effect_with(state.completions, move |completions| {
            if *completions > 0 {
                host.completed(state.conversation().record());
            }
        });
    }
    let heading_ref = use_node_ref();
    {
        // Moving to another stage moves focus to its heading, so keyboard and screen-reader
        // users start at the top of what changed. Not on first render: the host page owns focus.
        let heading_ref = heading_ref.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.conversation().position(), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(heading) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }

    let on_text = apply.reform(|(prompt, text): (Id, String)| Action::SetText { prompt, text });
    let on_go_to = apply.reform(Action::GoTo);
    let on_back = apply.reform(|_: MouseEvent| Action::Back);
    let on_next = apply.reform(|_: MouseEvent| Action::Next);
    let on_finish = apply.reform(|()| Action::Complete);

    let conversation = state.conversation();
    let template = conversation.template();
    let lang = props.setup.lang.as_str();
    let text = |t: &outcomes_core::Text| AttrValue::from(template.text(t, lang).to_owned());
    let stages: Vec<AttrValue> = template.sections.iter().map(|s| text(&s.title)).collect();
    let position = conversation.position();
    let last_section = stages.len().saturating_sub(1);

    let body = match conversation.section() {
        Some(section) => html! {
            <SectionView title={text(&section.title)} guidance={section.guidance.as_ref().map(text)} heading_ref={heading_ref.clone()}>
                { for section.prompts.iter().map(|prompt| match &prompt.kind {
                    PromptKind::Text { short } => html! {
                        <PromptView key={prompt.id.as_str()} id={prompt.id.clone()} text={text(&prompt.text)}
                            hint={prompt.hint.as_ref().map(text)} guidance={prompt.guidance.as_ref().map(text)}
                            short={*short} value={AttrValue::from(conversation.record().text(&prompt.id).unwrap_or_default().to_owned())}
                            on_text={on_text.clone()} />
                    },
                    PromptKind::Information => html! {
                        <p key={prompt.id.as_str()} class="oc-information">{ text(&prompt.text) }</p>
                    },
                    // Outcome capture, ratings, choices, actions and consent get their own
                    // components with the full conversation model; until then the prompt is
                    // still shown so the practitioner can ask it.
                    _ => html! {
                        <p key={prompt.id.as_str()} class="oc-prompt-text">{ text(&prompt.text) }</p>
                    },
                }) }
            </SectionView>
        },
        None => html! {
            <SummaryView sections={summary(&conversation, lang)} finished={conversation.record().status != Status::Draft}
                heading_ref={heading_ref.clone()} on_finish={on_finish} />
        },
    };

    html! {
        <div class="oc-conversation" part="container" lang={props.setup.lang.clone()}>
            <header class="oc-header">
                <h2 class="oc-title" part="title">{ text(&template.title) }</h2>
                <Progress stages={stages} current={position} on_go_to={on_go_to} />
            </header>
            if let Some(problem) = &state.problem {
                <p class="oc-problem" role="alert">{ problem.clone() }</p>
            }
            { body }
            <div class="oc-nav" part="navigation">
                if position > 0 {
                    <button type="button" class="oc-button" onclick={on_back}>{ strings::BACK }</button>
                }
                if !conversation.on_summary() {
                    <button type="button" class="oc-button oc-button-primary" onclick={on_next}>
                        { if position == last_section { strings::TO_SUMMARY } else { strings::NEXT } }
                    </button>
                }
            </div>
        </div>
    }
}

fn summary(conversation: &Conversation, lang: &str) -> Vec<SummarySection> {
    let template = conversation.template();
    let text = |t: &outcomes_core::Text| AttrValue::from(template.text(t, lang).to_owned());
    template
        .sections
        .iter()
        .map(|section| SummarySection {
            title: text(&section.title),
            items: section
                .prompts
                .iter()
                .filter(|p| matches!(p.kind, PromptKind::Text { .. }))
                .map(|prompt| SummaryItem {
                    prompt: text(&prompt.text),
                    words: conversation
                        .record()
                        .text(&prompt.id)
                        .filter(|words| !words.is_empty())
                        .map(|words| AttrValue::from(words.to_owned())),
                })
                .collect(),
        })
        .collect()
}
