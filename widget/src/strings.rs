//! The widget's own words (not the template's). Kept in one place so a message catalogue can
//! replace them without touching components.

pub const CANNOT_START: &str = "This conversation cannot start";
pub const CANNOT_START_HELP: &str =
    "Nothing has been recorded. Please tell whoever looks after this web page about this message.";
pub const BACK: &str = "Back";
pub const NEXT: &str = "Next";
pub const TO_SUMMARY: &str = "See the summary";
pub const FINISH: &str = "Finish the conversation";
pub const FINISHED: &str = "This conversation is finished. You can still go back and change it.";
pub const SUMMARY_TITLE: &str = "Summary";
pub const NOT_ANSWERED: &str = "Not talked about yet";
pub const GUIDANCE: &str = "Notes for the practitioner";
pub const PROMPT_GUIDANCE: &str = "Notes on this question";
pub const STAGES: &str = "Stages of the conversation";

/// "Stage 2 of 6".
pub fn stage_of(stage: usize, stages: usize) -> String {
    format!("Stage {stage} of {stages}")
}

pub const NOT_SAVED_YET: &str = "Changes are saved on this device as you go.";
pub const RESUMED: &str = "Carried on from where you left off. Saved on this device.";
pub const STORAGE_UNAVAILABLE: &str = "This browser is not letting the conversation be saved on this device, so it will be lost if the page closes. Keep the page open, and download the record before you leave.";
pub const STORAGE_FULL: &str = "This device has no room left to save the conversation, so the latest changes will be lost if the page closes. Download the record to keep it.";
pub const DOWNLOAD_RECORD: &str = "Download the record";
pub const DOWNLOAD_UNREADABLE: &str = "Download the earlier conversation";
pub const DELETE: &str = "Delete this conversation";
pub const DELETE_CONFIRM: &str =
    "Delete everything recorded in this conversation from this device? This cannot be undone.";
pub const DELETE_YES: &str = "Yes, delete it";
pub const DELETE_NO: &str = "No, keep it";
pub const DELETED: &str =
    "The conversation was deleted from this device. A new, empty one has started.";

/// "Saved on this device at 12:03".
pub fn saved_at(time: &str) -> String {
    format!("Saved on this device at {time}.")
}

/// An earlier draft could not be read; it was kept.
pub fn unreadable_draft(message: &str) -> String {
    format!("A conversation saved earlier on this device could not be opened ({message}). It has been kept, not deleted, and a new conversation has started. You can download the earlier one.")
}

pub const OUTBOX: &str = "Sending";
pub const DOWNLOAD_OUTBOX: &str = "Download everything in the outbox";

/// One line of the outbox: the conversation and what became of it.
pub fn outbox_waiting(queued: &str, attempts: u32, problem: Option<&str>) -> String {
    match (attempts, problem) {
        (0, _) | (_, None) => format!("Conversation of {queued}: waiting to be sent."),
        (n, Some(problem)) => format!(
            "Conversation of {queued}: not sent yet ({problem}). Tried {n} time{}; trying again soon. It is kept on this device until it is sent.",
            match crate::i18n::plural("en", u64::from(n)) {
                crate::i18n::Plural::One => "",
                _ => "s",
            }
        ),
    }
}

pub fn outbox_sent(queued: &str, at: &str) -> String {
    format!("Conversation of {queued}: sent at {at}.")
}

pub fn outbox_refused(queued: &str, status: u16, message: &str) -> String {
    let said = if message.is_empty() {
        String::new()
    } else {
        format!(" It said: {message}")
    };
    format!(
        "Conversation of {queued}: the organisation's system refused it (error {status}), so it will not be sent again automatically.{said} It is kept in the outbox: download it and pass it on to whoever looks after the system."
    )
}

pub const DOWNLOADS: &str = "Keep a copy";
pub const DOWNLOAD_SUMMARY: &str = "Summary page (HTML)";
pub const DOWNLOAD_CSV: &str = "Spreadsheet (CSV)";
pub const DOWNLOAD_JSON: &str = "Record (JSON)";
pub const DOWNLOAD_FHIR: &str = "FHIR QuestionnaireResponse";
pub const PRINT: &str = "Print";
pub const DOWNLOADS_UNAVAILABLE: &str =
    "Files cannot be made on this page. Print the summary instead, or ask whoever looks after this web page.";

pub fn download_failed(reason: &str) -> String {
    format!("The file could not be made ({reason}). Nothing has been lost: try again, or print the summary.")
}

// Outcomes, in the person's own words.
pub const OUTCOMES_EMPTY: &str =
    "Nothing written down yet. When the person is ready, write their first outcome just as they say it.";
pub const OUTCOME_ADD_FIRST: &str = "Write down the first outcome";
pub const OUTCOME_ADD: &str = "Add another outcome";
pub const OUTCOME_TAGS_OPEN: &str = "What is this about? (optional)";
pub const OUTCOME_TAGS: &str = "Choose any that fit, or none";
pub const OUTCOME_KIND: &str = "Is this about a change, or about keeping things as they are?";
pub const OUTCOME_ACHIEVE: &str = "Something to change or achieve";
pub const OUTCOME_MAINTAIN: &str = "Something to keep as it is";
/// "Remove outcome 2".
pub fn outcome_remove(number: usize) -> String {
    format!("Remove outcome {number}")
}
pub const OUTCOME_REMOVE_CONFIRM: &str =
    "Take this outcome out of the record? Its words go; the record keeps a note that it was removed, by whom and when.";
pub const REMOVE_YES: &str = "Yes, remove it";
pub const REMOVE_NO: &str = "No, keep it";
pub const OUTCOME_WEIGHT: &str = "How much this matters compared with the others (1 or more)";
pub const OUTCOME_ACHIEVE_SHORT: &str = "to change or achieve";
pub const OUTCOME_MAINTAIN_SHORT: &str = "to keep as it is";

/// "Outcome 2, in the person's own words".
pub fn outcome_words_label(number: usize) -> String {
    format!("Outcome {number}, in the person's own words")
}

/// A tag group's heading; the ids of the Talking Points groups get names, others show as given.
pub fn tag_group(group: Option<&str>) -> String {
    match group {
        Some("quality-of-life") => "Quality of life".to_owned(),
        Some("process") => "How support is given".to_owned(),
        Some("change") => "Change".to_owned(),
        Some(other) => other.replace(['-', '_'], " "),
        None => "Other".to_owned(),
    }
}

// Ratings.
pub const RATING_NO_OUTCOMES: &str =
    "No outcomes are written down yet. Once there are some, each can be talked about here.";
pub const RATING_WHO: &str = "Whose view is this?";
pub const RATING_BY_PERSON: &str = "The person's";
pub const RATING_BY_PRACTITIONER: &str = "The practitioner's";
pub const RATING_WHY: &str = "Why? In their words";
pub const RATING_KEEP: &str = "Keep this view";
pub const RATING_CHOOSE_FIRST: &str = "Choose a point on the scale first.";
pub const RATING_NOT_KEPT: &str =
    "Not kept yet: say why if you can, then choose \u{201c}Keep this view\u{201d} to add it to the record.";
pub const RATING_KEPT: &str = "Kept. Earlier views stay in the record.";
pub const RATING_HISTORY: &str = "Said so far";
pub const RATING_NONE_YET: &str = "Nothing said about this yet.";
pub const NO_REASON: &str = "no reason given";

/// Who someone is in the record, for "by whom".
pub fn participant(role: outcomes_core::Role, name: Option<&str>, id: &str) -> String {
    use outcomes_core::Role;
    match (name, role) {
        (Some(name), _) => name.to_owned(),
        (None, Role::Person) => "the person".to_owned(),
        (None, Role::Practitioner) => "the practitioner".to_owned(),
        (None, Role::Carer) => format!("a carer ({id})"),
        (None, Role::Family) => format!("family ({id})"),
        (None, Role::Other) => id.to_owned(),
    }
}

/// How a rater is offered in "Whose view is this?".
pub fn rater(role: outcomes_core::Role, name: Option<&str>, id: &str) -> String {
    match role {
        outcomes_core::Role::Person if name.is_none() => RATING_BY_PERSON.to_owned(),
        outcomes_core::Role::Practitioner if name.is_none() => RATING_BY_PRACTITIONER.to_owned(),
        _ => format!("{}'s", participant(role, name, id)),
    }
}

/// How someone is offered in "Who is answering?".
pub fn answerer(role: outcomes_core::Role, name: Option<&str>, id: &str) -> String {
    match role {
        outcomes_core::Role::Person if name.is_none() => "The person".to_owned(),
        outcomes_core::Role::Practitioner if name.is_none() => "The practitioner".to_owned(),
        _ => participant(role, name, id),
    }
}

/// "Partly met: the person, 2026-11-26".
pub fn rated(value: &str, by: &str, date: &str) -> String {
    format!("{value}: {by}, {date}")
}

// Agreed actions.
pub const ACTIONS_EMPTY: &str =
    "No actions agreed yet. Start with what the person and the people around them will do.";
pub const ACTION_ADD_FIRST: &str = "Agree the first action";
pub const ACTION_ADD: &str = "Agree another action";
pub const ACTION_WHO: &str = "Who will do it";
pub const ACTION_BY_WHEN: &str = "By when (if agreed)";
pub const ACTION_OUTCOMES: &str = "Which outcomes does it help?";
pub const ACTION_NO_OUTCOMES: &str = "No outcomes written down yet to link this to.";
pub const ACTION_DONE: &str = "Done";
/// "Remove action 2".
pub fn action_remove(number: usize) -> String {
    format!("Remove action {number}")
}
pub const ACTION_REMOVE_CONFIRM: &str =
    "Take this action out of the record? Its words go; the record keeps a note that it was removed, by whom and when.";

/// "Action 1: what will happen".
pub fn action_what_label(number: usize) -> String {
    format!("Action {number}: what will happen")
}

// Choices and consent.
pub const CONSENT_GIVEN: &str = "Yes, agreed";
pub const CONSENT_REFUSED: &str = "No, not agreed";
pub const CONSENT_WHO: &str = "Who is answering?";
pub const CONSENT_ANSWER: &str = "The answer";
pub const NOT_CHOSEN: &str = "Not answered yet";

/// "Agreed by the person on 2026-11-26".
pub fn consent_summary(given: bool, by: &str, date: &str) -> String {
    if given {
        format!("Agreed by {by} on {date}")
    } else {
        format!("Not agreed by {by} on {date}")
    }
}

// The summary's outcomes and actions.
pub const SUMMARY_OUTCOMES: &str = "Outcomes, in the person's words";
pub const SUMMARY_NO_OUTCOMES: &str = "No outcomes written down yet";
pub const SUMMARY_ACTIONS: &str = "Who will do what";
pub const SUMMARY_NO_ACTIONS: &str = "No actions agreed yet";
pub const EMPTY_WORDS: &str = "(no words written yet)";

/// The chart's text alternative.
pub fn chart_label(points: usize) -> String {
    format!("How views of this outcome changed over {points} ratings: the person's as circles on a solid line, the practitioner's as squares on a dashed line. Every rating is also listed below.")
}

/// "by the OT, by 2026-12-01, done".
pub fn action_summary(who: &str, by_when: Option<&str>, done: bool) -> String {
    let mut out = if who.is_empty() {
        "who: not agreed yet".to_owned()
    } else {
        format!("who: {who}")
    };
    if let Some(date) = by_when {
        out.push_str(&format!("; by {date}"));
    }
    out.push_str(if done { "; done" } else { "; not done yet" });
    out
}

/// "For: getting back to the bowling club".
pub fn action_for(outcomes: &str) -> String {
    format!("For: {outcomes}")
}

pub const SELF_INTRO: &str = "Take your time. Write in your own words: there are no right or wrong answers. What you write is saved on this device as you go.";
