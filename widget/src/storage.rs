//! Conversations kept on this device, so a reload, a crash or a closed tab loses nothing, and a
//! practitioner can hold one conversation after another and come back to any of them.
//!
//! Each widget keeps its conversations under its own name in `localStorage`:
//!
//! | key (after `outcomes-conversation:<name>`) | what |
//! |---|---|
//! | `:record:<id>` | a record, exactly as the core writes it |
//! | `:position:<id>` | the stage that was on screen |
//! | `:current` | the id of the conversation on screen |
//! | `:conflict:<id>:<tab>` | a tab's own version while two tabs disagree (see [`crate::tabs`]) |
//! | `:unreadable:<time>` | a saved record that could not be read, set aside, never overwritten |
//! | `:outbox` | what waits to be sent (see [`crate::outbox`]) |
//!
//! Earlier versions kept one draft under `outcomes-conversation:<name>` itself; it is moved to
//! the layout above the first time it is opened. Storage that is turned off or full is
//! reported, never hidden.

use outcomes_core::{Record, RecordId, Timestamp};
use web_sys::Storage;

use crate::host::Host;

/// Where this widget's conversations live.
#[derive(Debug, Clone, PartialEq)]
pub struct Shelf {
    key: String,
}

/// Why something could not be saved or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser does not let this page store anything (turned off, private mode, blocked).
    Unavailable,
    /// The browser refused to store more.
    Full,
    /// A saved conversation could not be read; its text was kept under `kept_as`.
    Unreadable {
        message: String,
        kept_as: String,
        text: String,
    },
}

/// A conversation read back: the record and the stage that was on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub record: Record,
    pub position: usize,
}

impl Shelf {
    /// The name is the `storage-key` attribute, else the element's `id`, else the template id,
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
        Self::named(&name)
    }

    /// The shelf called `name` (for tests and tools).
    pub fn named(name: &str) -> Self {
        Self {
            key: format!("outcomes-conversation:{name}"),
        }
    }

    /// The prefix of every key of this shelf.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Where a record is kept.
    pub fn record_key(&self, id: &str) -> String {
        format!("{}:record:{id}", self.key)
    }

    fn position_key(&self, id: &str) -> String {
        format!("{}:position:{id}", self.key)
    }

    fn current_key(&self) -> String {
        format!("{}:current", self.key)
    }

    fn outbox_key(&self) -> String {
        format!("{}:outbox", self.key)
    }

    /// The conversation that was on screen, if there is one. A record that cannot be read is
    /// set aside (kept, not deleted) and reported.
    pub fn open_current(&self, now: &Timestamp) -> Result<Option<Kept>, StorageProblem> {
        let storage = local_storage()?;
        self.move_old_draft(&storage)?;
        let Some(id) = storage.get_item(&self.current_key()).ok().flatten() else {
            return Ok(None);
        };
        self.open(&storage, &id, now)
    }

    /// A conversation kept on this device, by id.
    pub fn get(&self, id: &str, now: &Timestamp) -> Result<Option<Kept>, StorageProblem> {
        self.open(&local_storage()?, id, now)
    }

    fn open(
        &self,
        storage: &Storage,
        id: &str,
        now: &Timestamp,
    ) -> Result<Option<Kept>, StorageProblem> {
        let key = self.record_key(id);
        let Some(text) = storage.get_item(&key).ok().flatten() else {
            return Ok(None);
        };
        match Record::from_json(&text) {
            Ok(record) => Ok(Some(Kept {
                record,
                position: self.position(storage, id),
            })),
            Err(err) => {
                let kept_as = format!("{}:unreadable:{now}", self.key);
                storage
                    .set_item(&kept_as, &text)
                    .map_err(|_| StorageProblem::Full)?;
                // Set aside, so the shelf and the next start do not trip over it again.
                let _ = storage.remove_item(&key);
                let _ = storage.remove_item(&self.current_key());
                Err(StorageProblem::Unreadable {
                    message: err.to_string(),
                    kept_as,
                    text,
                })
            }
        }
    }

    /// The stage that was on screen in a kept conversation (the first, when none was saved).
    fn position(&self, storage: &Storage, id: &str) -> usize {
        storage
            .get_item(&self.position_key(id))
            .ok()
            .flatten()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    }

    /// Earlier versions kept one draft under the shelf's own name: move it to its own key.
    fn move_old_draft(&self, storage: &Storage) -> Result<(), StorageProblem> {
        let Some(text) = storage.get_item(&self.key).ok().flatten() else {
            return Ok(());
        };
        let old_position = format!("{}:position", self.key);
        let id = Record::from_json(&text).map(|r| r.id.to_string());
        let id = match id {
            Ok(id) => id,
            // Unreadable: keep it under a name of its own, and the next start reports it.
            Err(_) => "unreadable-earlier-draft".to_owned(),
        };
        storage
            .set_item(&self.record_key(&id), &text)
            .map_err(|_| StorageProblem::Full)?;
        if let Some(position) = storage.get_item(&old_position).ok().flatten() {
            let _ = storage.set_item(&self.position_key(&id), &position);
        }
        let _ = storage.set_item(&self.current_key(), &id);
        let _ = storage.remove_item(&self.key);
        let _ = storage.remove_item(&old_position);
        Ok(())
    }

    /// Saves a record (given as the JSON the core wrote) and makes it the one on screen.
    pub fn save(&self, id: &RecordId, record_json: &str) -> Result<(), StorageProblem> {
        let storage = local_storage()?;
        storage
            .set_item(&self.record_key(id.as_str()), record_json)
            .map_err(|_| StorageProblem::Full)?;
        self.set_current(id)
    }

    /// Makes a kept conversation the one on screen (after a reload too).
    pub fn set_current(&self, id: &RecordId) -> Result<(), StorageProblem> {
        let storage = local_storage()?;
        if storage
            .get_item(&self.current_key())
            .ok()
            .flatten()
            .as_deref()
            != Some(id.as_str())
        {
            storage
                .set_item(&self.current_key(), id.as_str())
                .map_err(|_| StorageProblem::Full)?;
        }
        Ok(())
    }

    /// No conversation on screen: the next start is a new one.
    pub fn clear_current(&self) -> Result<(), StorageProblem> {
        local_storage()?
            .remove_item(&self.current_key())
            .map_err(|_| StorageProblem::Unavailable)
    }

    /// Remembers the stage on screen, so a reload comes back to it.
    pub fn save_position(&self, id: &RecordId, position: usize) -> Result<(), StorageProblem> {
        local_storage()?
            .set_item(&self.position_key(id.as_str()), &position.to_string())
            .map_err(|_| StorageProblem::Full)
    }

    /// Every conversation kept on this device, most recently changed first. Records that
    /// cannot be read are left out here (opening one reports it).
    pub fn list(&self) -> Result<Vec<Kept>, StorageProblem> {
        let storage = local_storage()?;
        let prefix = format!("{}:record:", self.key);
        let mut kept: Vec<Kept> = keys(&storage)
            .into_iter()
            .filter_map(|key| {
                let id = key.strip_prefix(&prefix)?;
                let record = Record::from_json(&storage.get_item(&key).ok()??).ok()?;
                Some(Kept {
                    record,
                    position: self.position(&storage, id),
                })
            })
            .collect();
        kept.sort_by(|a, b| b.record.updated.cmp(&a.record.updated));
        Ok(kept)
    }

    /// Deletes a conversation from this device: its record, stage and any versions another
    /// tab kept.
    pub fn delete(&self, id: &RecordId) -> Result<(), StorageProblem> {
        let storage = local_storage()?;
        let id = id.as_str();
        let conflict = format!("{}:conflict:{id}:", self.key);
        let conflicts: Vec<String> = keys(&storage)
            .into_iter()
            .filter(|k| k.starts_with(&conflict))
            .collect();
        for key in [self.record_key(id), self.position_key(id)]
            .into_iter()
            .chain(conflicts)
        {
            storage
                .remove_item(&key)
                .map_err(|_| StorageProblem::Unavailable)?;
        }
        if storage
            .get_item(&self.current_key())
            .ok()
            .flatten()
            .as_deref()
            == Some(id)
        {
            let _ = storage.remove_item(&self.current_key());
        }
        Ok(())
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
}

/// Every key in `storage`.
pub fn keys(storage: &Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

pub fn local_storage() -> Result<Storage, StorageProblem> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageProblem::Unavailable)
}
