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
