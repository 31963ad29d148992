//! One component per file, in the order they appear on screen.

mod action_editor;
mod actions_view;
mod choice_view;
mod confirm_remove;
mod conflict_notice;
mod consent_view;
mod conversation_view;
mod delete_control;
mod device_list;
mod downloads;
mod finish_check;
mod guidance_note;
mod last_time;
mod outbox_view;
mod outcome_editor;
mod outcomes_view;
mod people_view;
mod progress;
mod prompt_frame;
mod prompt_view;
mod rating_chart;
mod rating_form;
mod rating_view;
mod save_status;
mod section_view;
mod setup_error_view;
mod summary_view;
mod tag_label;

pub use action_editor::{ActionEditor, ActionEditorProps};
pub use actions_view::{ActionsView, ActionsViewProps};
pub use choice_view::{ChoiceView, ChoiceViewProps};
pub use confirm_remove::{ConfirmRemove, ConfirmRemoveProps};
pub use conflict_notice::{ConflictNotice, ConflictNoticeProps};
pub use consent_view::{ConsentView, ConsentViewProps};
pub use conversation_view::{ConversationView, ConversationViewProps};
pub use delete_control::{DeleteControl, DeleteControlProps};
pub use device_list::{DeviceList, DeviceListProps, KeptConversation};
pub use downloads::{Downloads, DownloadsProps};
pub use finish_check::{FinishCheck, FinishCheckProps, MissingItem};
pub use guidance_note::{GuidanceNote, GuidanceNoteProps};
pub use last_time::{LastTime, LastTimeProps};
pub use outbox_view::{Accepted, OutboxView, OutboxViewProps, Submission};
pub use outcome_editor::{OutcomeEditor, OutcomeEditorProps, TagChoice, TagGroup};
pub use outcomes_view::{OutcomesView, OutcomesViewProps};
pub use people_view::{PeopleView, PeopleViewProps, PersonRow};
pub use progress::{Progress, ProgressProps};
pub use prompt_frame::{PromptFrame, PromptFrameProps};
pub use prompt_view::{PromptView, PromptViewProps};
pub use rating_chart::{DrawnChart, DrawnShape, RatingChart, RatingChartProps};
pub use rating_form::{RatingForm, RatingFormProps, ScaleChoice};
pub use rating_view::{
    RatingAsked, RatingLine, RatingQuestion, RatingTarget, RatingView, RatingViewProps, VoiceView,
};
pub use save_status::{
    EarlierDraftNotice, EarlierDraftNoticeProps, SaveStatus, SaveStatusView, SaveStatusViewProps,
};
pub use section_view::{SectionView, SectionViewProps};
pub use setup_error_view::{SetupErrorView, SetupErrorViewProps};
pub use summary_view::{
    SummaryAction, SummaryAnswer, SummaryData, SummaryEntry, SummaryOutcome, SummaryScale,
    SummaryStage, SummaryView, SummaryViewProps,
};
pub use tag_label::{TagLabel, TagLabelProps};
