//! Drafts saved on this device, so a reload, a crash or a closed tab loses nothing.
//!
//! Each widget saves under its own key in `localStorage`: the record as JSON (exactly what the
//! core writes) and the stage on screen. Storage that is turned off or full is reported, never
//! hidden; a saved draft that cannot be read is set aside under another key, never overwritten.

use outcomes_core::{Record, Timestamp};
use web_sys::Storage;

use crate::host::Host;

/// Where this widget's draft lives.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftStore {
    key: String,
}

/// Why the draft could not be saved or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser does not let this page store anything (turned off, private mode, blocked).
    Unavailable,
    /// The browser refused to store more.
    Full,
    /// A saved draft could not be read; its text was kept under `kept_as`.
    Unreadable {
        message: String,
        kept_as: String,
        text: String,
    },
}

/// A draft read back: the record and the stage that was on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub record: Record,
    pub position: usize,
}

impl DraftStore {
    /// The key is the `storage-key` attribute, else the element's `id`, else the template id,
    /// the page's path and the element's place among the page's widgets: stable across reloads,
    /// different for two widgets on one page.
    pub fn for_host(host: &Host, template_id: &str) -> Self {
        let name = host
            .attribute("storage-key")
            .or_else(|| host.attribute("id"))
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| {
                let path = web_sys::window()
                    .and_then(|w| w.location().pathname().ok())
                    .unwrap_or_default();
                format!("{template_id}@{path}#{}", host.index_among_widgets())
            });
        Self {
            key: format!("outcomes-conversation:{name}"),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    fn position_key(&self) -> String {
        format!("{}:position", self.key)
    }

    /// The saved draft, if there is one. A draft that is not a record of `template_id` is set
    /// aside (kept, not deleted) and reported.
    pub fn load(
        &self,
        now: &Timestamp,
        template_id: &str,
    ) -> Result<Option<Draft>, StorageProblem> {
        let storage = local_storage()?;
        let Some(text) = storage.get_item(&self.key).ok().flatten() else {
            return Ok(None);
        };
        let record = Record::from_json(&text)
            .map_err(|err| err.to_string())
            .and_then(|record| {
                if record.template.id.as_str() == template_id {
                    Ok(record)
                } else {
                    Err(format!(
                        "it was made with the template \"{}\", not \"{template_id}\"",
                        record.template.id
                    ))
                }
            });
        match record {
            Ok(record) => {
                let position = storage
                    .get_item(&self.position_key())
                    .ok()
                    .flatten()
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0);
                Ok(Some(Draft { record, position }))
            }
            Err(message) => {
                let kept_as = format!("{}:unreadable:{now}", self.key);
                storage
                    .set_item(&kept_as, &text)
                    .map_err(|_| StorageProblem::Full)?;
                storage
                    .remove_item(&self.key)
                    .map_err(|_| StorageProblem::Unavailable)?;
                Err(StorageProblem::Unreadable {
                    message,
                    kept_as,
                    text,
                })
            }
        }
    }

    /// Saves the record, given as the JSON the core wrote.
    pub fn save(&self, record_json: &str) -> Result<(), StorageProblem> {
        local_storage()?
            .set_item(&self.key, record_json)
            .map_err(|_| StorageProblem::Full)
    }

    /// Remembers the stage on screen, so a reload comes back to it.
    pub fn save_position(&self, position: usize) -> Result<(), StorageProblem> {
        let storage = local_storage()?;
        storage
            .set_item(&self.position_key(), &position.to_string())
            .map_err(|_| StorageProblem::Full)
    }

    /// The outbox saved by this widget, as JSON.
    pub fn load_outbox(&self) -> Result<Option<String>, StorageProblem> {
        Ok(local_storage()?.get_item(&self.outbox_key()).ok().flatten())
    }

    pub fn save_outbox(&self, json: &str) -> Result<(), StorageProblem> {
        local_storage()?
            .set_item(&self.outbox_key(), json)
            .map_err(|_| StorageProblem::Full)
    }

    fn outbox_key(&self) -> String {
        format!("{}:outbox", self.key)
    }

    /// Deletes the draft (and its position) from this device.
    pub fn delete(&self) -> Result<(), StorageProblem> {
        let storage = local_storage()?;
        storage
            .remove_item(&self.key)
            .map_err(|_| StorageProblem::Unavailable)?;
        storage
            .remove_item(&self.position_key())
            .map_err(|_| StorageProblem::Unavailable)
    }
}

fn local_storage() -> Result<Storage, StorageProblem> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageProblem::Unavailable)
}
