//! The same conversation open in two tabs or windows: never one silently overwriting the other.
//!
//! Every tab saves the record on each change, and the browser tells the other tabs of the
//! origin (the `storage` event). A tab that has changed nothing since the other tab's last save
//! takes the other tab's record as it is, and says so. A tab whose own changes the other tab
//! did not see is in a conflict: from then on each tab keeps its own version under a key of its
//! own (`…:conflict:<id>:<tab>`), both tabs say so, and both versions stay on the device until
//! someone chooses one (or downloads theirs). Choosing writes the chosen version as the record
//! and removes the tabs' own versions, which tells the other tab to take it.

use std::cell::RefCell;
use std::rc::Rc;

use outcomes_core::{Record, RecordId};
use yew::prelude::*;

use crate::hooks::use_window_event;
use crate::storage::{keys, local_storage, Shelf, StorageProblem};

/// What this tab knows about other tabs with the same conversation open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Others {
    /// No other tab has changed it.
    Alone,
    /// Another tab changed it on top of what this tab had; this tab now shows that.
    Followed,
    /// Another tab changed it while this tab had changes of its own: both are kept.
    Conflict,
}

/// The tab's side of keeping the same conversation in step across tabs.
#[derive(Debug, Clone)]
pub struct Tabs {
    shelf: Shelf,
    /// This tab's own name, made when the widget mounts.
    tab: Rc<str>,
    /// The record JSON as this tab last saved or read it.
    last: Rc<RefCell<Option<(RecordId, String)>>>,
    conflict: Rc<RefCell<bool>>,
    pub others: UseStateHandle<Others>,
}

impl Tabs {
    fn conflict_prefix(&self, id: &str) -> String {
        format!("{}:conflict:{id}:", self.shelf.key())
    }

    fn own_conflict_key(&self, id: &str) -> String {
        format!("{}{}", self.conflict_prefix(id), self.tab)
    }

    /// Remembers a record read from the device (or started here) as this tab's starting point.
    /// Versions that tabs kept while disagreeing, and nobody chose between (a tab was reloaded
    /// or closed), are said at once: both are still on the device until someone chooses.
    pub fn opened(&self, id: &RecordId, json: String) {
        *self.last.borrow_mut() = Some((id.clone(), json));
        let prefix = self.conflict_prefix(id.as_str());
        let left = local_storage()
            .map(|storage| keys(&storage).iter().any(|k| k.starts_with(&prefix)))
            .unwrap_or(false);
        if left {
            self.enter_conflict();
        }
    }

    /// Saves this tab's record: as the record, or, while two tabs disagree, as this tab's own
    /// version beside the other's.
    pub fn save(&self, id: &RecordId, json: &str) -> Result<(), StorageProblem> {
        if *self.conflict.borrow() {
            local_storage()?
                .set_item(&self.own_conflict_key(id.as_str()), json)
                .map_err(|_| StorageProblem::Full)?;
            return self.shelf.set_current(id);
        }
        self.shelf.save(id, json)?;
        *self.last.borrow_mut() = Some((id.clone(), json.to_owned()));
        Ok(())
    }

    /// The other tabs' versions while in conflict, most recently changed first.
    pub fn their_versions(&self, id: &RecordId) -> Vec<Record> {
        let Ok(storage) = local_storage() else {
            return Vec::new();
        };
        let prefix = self.conflict_prefix(id.as_str());
        let own = self.own_conflict_key(id.as_str());
        let mut found: Vec<Record> = keys(&storage)
            .into_iter()
            .filter(|k| k.starts_with(&prefix) && *k != own)
            .filter_map(|k| Record::from_json(&storage.get_item(&k).ok()??).ok())
            .collect();
        // The record as it stands is the other version when the other tab saved it there.
        if let Some(record) = storage
            .get_item(&self.shelf.record_key(id.as_str()))
            .ok()
            .flatten()
            .and_then(|json| Record::from_json(&json).ok())
        {
            if found.is_empty() {
                found.push(record);
            }
        }
        found.sort_by(|a, b| b.updated.cmp(&a.updated));
        found
    }

    /// Chooses `json` as the conversation for every tab: written as the record, every tab's
    /// own version removed (which tells the other tabs to take it).
    pub fn choose(&self, id: &RecordId, json: &str) -> Result<(), StorageProblem> {
        let storage = local_storage()?;
        *self.conflict.borrow_mut() = false;
        self.shelf.save(id, json)?;
        *self.last.borrow_mut() = Some((id.clone(), json.to_owned()));
        let prefix = self.conflict_prefix(id.as_str());
        for key in keys(&storage)
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
        {
            let _ = storage.remove_item(&key);
        }
        self.others.set(Others::Alone);
        Ok(())
    }

    fn enter_conflict(&self) {
        if std::mem::replace(&mut *self.conflict.borrow_mut(), true) {
            return;
        }
        // This tab's version is kept beside the other's from now on.
        if let Some((id, json)) = self.last.borrow().clone() {
            if let Ok(storage) = local_storage() {
                let _ = storage.set_item(&self.own_conflict_key(id.as_str()), &json);
            }
        }
        self.others.set(Others::Conflict);
    }
}

/// Watches the other tabs of this origin for the conversation on screen, `current`. `on_follow`
/// is given a record to show instead of this tab's (another tab changed it on top of this
/// tab's, or a conflict was settled).
#[hook]
pub fn use_tabs(shelf: Shelf, current: RecordId, on_follow: Callback<Record>) -> Tabs {
    let tab = use_memo((), |()| {
        Rc::<str>::from(crate::clock::new_id("tab").as_str())
    });
    let last = use_mut_ref(|| None::<(RecordId, String)>);
    let conflict = use_mut_ref(|| false);
    let others = use_state_eq(|| Others::Alone);
    let tabs = Tabs {
        shelf,
        tab: Rc::clone(&tab),
        last,
        conflict,
        others,
    };
    {
        let tabs = tabs.clone();
        use_window_event("storage", current, move |current| {
            let current = current.clone();
            Box::new(move |event: web_sys::StorageEvent| heard(&tabs, &current, &event, &on_follow))
        });
    }
    tabs
}

/// One change another tab made to this origin's storage.
fn heard(
    tabs: &Tabs,
    current: &RecordId,
    event: &web_sys::StorageEvent,
    on_follow: &Callback<Record>,
) {
    let Some(key) = event.key() else {
        return;
    };
    let id = current.as_str();
    let prefix = tabs.conflict_prefix(id);
    if key == tabs.shelf.record_key(id) {
        if *tabs.conflict.borrow() {
            return;
        }
        let Some(new) = event.new_value() else {
            // Deleted in another tab: this tab's words stay here, and are kept on the device.
            tabs.enter_conflict();
            return;
        };
        let ours = tabs
            .last
            .borrow()
            .as_ref()
            .filter(|(last_id, _)| last_id == current)
            .map(|(_, json)| json.clone());
        if ours.as_deref() == Some(new.as_str()) {
            return;
        }
        if ours.is_none() || event.old_value() == ours {
            // The other tab changed what this tab had: show theirs.
            if let Ok(record) = Record::from_json(&new) {
                *tabs.last.borrow_mut() = Some((current.clone(), new));
                tabs.others.set(Others::Followed);
                on_follow.emit(record);
            }
        } else {
            tabs.enter_conflict();
        }
    } else if key.starts_with(&prefix) && !key.ends_with(&*tabs.tab) {
        match event.new_value() {
            // The other tab has a version of its own: keep ours beside it.
            Some(_) => tabs.enter_conflict(),
            None => {
                // Someone chose: once no tab keeps its own version, take the record.
                let Ok(storage) = local_storage() else {
                    return;
                };
                let left = keys(&storage).into_iter().any(|k| k.starts_with(&prefix));
                if !left && std::mem::replace(&mut *tabs.conflict.borrow_mut(), false) {
                    let chosen = storage.get_item(&tabs.shelf.record_key(id)).ok().flatten();
                    if let Some(json) = chosen {
                        if let Ok(record) = Record::from_json(&json) {
                            *tabs.last.borrow_mut() = Some((current.clone(), json));
                            tabs.others.set(Others::Followed);
                            on_follow.emit(record);
                        }
                    }
                }
            }
        }
    }
}
