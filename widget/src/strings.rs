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
            if n == 1 { "" } else { "s" }
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
