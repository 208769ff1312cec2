//! Moving drafts between computers (export, import) and copying them (duplicate).

use std::fs;
use std::path::Path;

use time::OffsetDateTime;
use uuid::Uuid;

use super::{Action, DraftStore, StoreError, read, to_bytes};
use crate::designation::{Designation, SCHEMA_VERSION, Status, Step};
use crate::fsutil::{Access, write_atomic};

/// What to do when an imported draft has the id of one already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    /// The imported draft takes the place of the existing one, which goes to the trash.
    Replace,
    /// The imported draft is kept as a separate draft, with a new id.
    KeepBoth,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The draft as now stored (with its new id when both were kept).
    pub draft: Designation,
    pub outcome: ImportOutcome,
    /// A copy that nobody known signed: said to the user (see `copy_check.rs`).
    pub warning: Option<super::ImportWarning>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// No draft had this id.
    Added,
    /// It replaced the draft with the same id; that one is in the trash.
    Replaced,
    /// A draft had this id: the imported one was given a new id.
    KeptBoth { original_id: Uuid },
}

impl DraftStore {
    /// A new draft with the same answers: new id, status brouillon, no receipt or refusal; it
    /// reopens on the same step, or on the review if the original had been sent.
    pub fn duplicate(&self, id: Uuid) -> Result<Designation, StoreError> {
        self.writable()?;
        let copy = copy_of(self.load(id)?, OffsetDateTime::now_utc());
        self.write(&copy)?;
        Ok(copy)
    }

    /// Writes a copy of a draft to `to` (any folder: a USB key, a shared drive), replacing a
    /// file of that name: the file dialog has asked. Works on a read-only store too.
    pub fn export(&self, id: Uuid, to: &Path) -> Result<(), StoreError> {
        let draft = self.load(id)?;
        write_atomic(to, &to_bytes(&draft), Access::Shared)
            .map_err(|e| StoreError::io(Action::Export, to, &e))
    }

    /// Reads a draft file from anywhere (an import, before asking about a conflict).
    pub fn read_file(path: &Path) -> Result<Designation, StoreError> {
        read::read_draft(path, None).map_err(|problem| StoreError::Unreadable {
            path: path.to_path_buf(),
            problem,
            moved_to: None,
        })
    }

    /// Imports a draft file. If a draft with its id exists and `on_conflict` is `None`, nothing
    /// changes and [`StoreError::Conflict`] names that draft: ask, then call again with the
    /// answer. An incomplete draft is imported as it is (drafts may be incomplete).
    pub fn import(
        &self,
        path: &Path,
        on_conflict: Option<OnConflict>,
    ) -> Result<Imported, StoreError> {
        self.writable()?;
        // A PDF copy is verified first: an altered one is refused here.
        let (draft, warning) = super::copy_check::read_import(&self.root, path)?;
        let target = self.draft_path(draft.id);
        // An unreadable file under that name is moved to quarantine (with its note) by
        // `existing`, and is no conflict.
        let existing = self.existing(draft.id);
        let outcome = match (existing, on_conflict) {
            (None, _) => ImportOutcome::Added,
            (Some(existing), None) => {
                return Err(StoreError::Conflict {
                    existing: Box::new(existing),
                });
            }
            (Some(_), Some(OnConflict::Replace)) => {
                // The old draft is copied to the trash before being replaced, so that at every
                // moment one of the two is on disk.
                let old =
                    fs::read(&target).map_err(|e| StoreError::io(Action::Read, &target, &e))?;
                self.trash_copy(draft.id, &old)?;
                ImportOutcome::Replaced
            }
            (Some(_), Some(OnConflict::KeepBoth)) => ImportOutcome::KeptBoth {
                original_id: draft.id,
            },
        };
        let draft = match outcome {
            ImportOutcome::KeptBoth { .. } => copy_of(draft, OffsetDateTime::now_utc()),
            _ => draft,
        };
        self.write(&draft)?;
        Ok(Imported {
            draft,
            outcome,
            warning,
        })
    }
}

/// A separate copy of a draft: new id, not sent, back to a step the user can work on.
fn copy_of(mut d: Designation, now: OffsetDateTime) -> Designation {
    d.id = Uuid::new_v4();
    d.schema_version = SCHEMA_VERSION;
    d.created_at = now;
    d.updated_at = now;
    d.status = Status::Draft;
    d.receipt = None;
    d.refusal = None;
    d.outbox = None;
    if !(d.step.is_question() || d.step == Step::Review) {
        d.step = Step::Review;
    }
    d
}
