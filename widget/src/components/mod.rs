//! One component per file, in the order they appear on screen.

mod conversation_view;
mod delete_control;
mod downloads;
mod outbox_view;
mod progress;
mod prompt_view;
mod save_status;
mod section_view;
mod setup_error_view;
mod summary_view;

pub use conversation_view::{ConversationView, ConversationViewProps};
pub use delete_control::{DeleteControl, DeleteControlProps};
pub use downloads::{Downloads, DownloadsProps};
pub use outbox_view::{OutboxView, OutboxViewProps, Submission};
pub use progress::{Progress, ProgressProps};
pub use prompt_view::{PromptView, PromptViewProps};
pub use save_status::{
    EarlierDraftNotice, EarlierDraftNoticeProps, SaveStatus, SaveStatusView, SaveStatusViewProps,
};
pub use section_view::{SectionView, SectionViewProps};
pub use setup_error_view::{SetupErrorView, SetupErrorViewProps};
pub use summary_view::{SummaryItem, SummarySection, SummaryView, SummaryViewProps};
