//! Deleted drafts wait in the trash until it is emptied.

use std::fs::{self, File};
use std::path::Path;
use std::time::SystemTime;

use time::OffsetDateTime;
use uuid::Uuid;

use super::{
    Action, DraftStore, DraftSummary, IoKind, ReadProblem, StoreError, UnreadableDraft, file_of,
    read,
};
use crate::fsutil::{self, move_file};
use crate::reference::Reference;

/// A draft in the trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashedDraft {
    pub summary: DraftSummary,
    pub deleted_at: OffsetDateTime,
}

#[derive(Debug, Clone, Default)]
pub struct TrashListing {
    /// Most recently deleted first.
    pub drafts: Vec<TrashedDraft>,
    /// Left in place; emptying the trash erases them too.
    pub unreadable: Vec<UnreadableDraft>,
}

impl DraftStore {
    /// Moves a draft to the trash (it can be restored until the trash is emptied).
    pub fn delete(&self, id: Uuid) -> Result<(), StoreError> {
        self.writable()?;
        let from = self.draft_path(id);
        if !from.is_file() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let to = self.trash.join(file_of(id));
        move_file(&from, &to).map_err(|e| StoreError::io(Action::Move, &from, &e))?;
        mark_deleted_now(&to);
        Ok(())
    }

    /// The drafts in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<TrashListing, StoreError> {
        let refs = Reference::get();
        let mut listing = TrashListing::default();
        for (path, result) in read::read_folder(&self.trash, refs)? {
            match result {
                Ok(summary) => listing.drafts.push(TrashedDraft {
                    deleted_at: fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .map(OffsetDateTime::from)
                        .unwrap_or(summary.updated_at),
                    summary,
                }),
                Err(ReadProblem::Io(p)) if p.kind == IoKind::NotFound => {}
                Err(problem) => listing.unreadable.push(UnreadableDraft {
                    path,
                    problem,
                    moved_to: None,
                }),
            }
        }
        listing.drafts.sort_by(|a, b| {
            b.deleted_at
                .cmp(&a.deleted_at)
                .then(a.summary.id.cmp(&b.summary.id))
        });
        Ok(listing)
    }

    /// Puts a deleted draft back. If a draft with the same id has appeared since (imported),
    /// nothing moves and [`StoreError::Conflict`] names it (an unreadable one is set aside
    /// first, as always).
    pub fn restore(&self, id: Uuid) -> Result<(), StoreError> {
        self.writable()?;
        let from = self.trash.join(file_of(id));
        if !from.is_file() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        if let Some(existing) = self.existing(id) {
            return Err(StoreError::Conflict {
                existing: Box::new(existing),
            });
        }
        let to = self.draft_path(id);
        move_file(&from, &to).map_err(|e| StoreError::io(Action::Move, &from, &e))
    }

    /// Erases every file in the trash, for good. Returns how many.
    pub fn empty_trash(&self) -> Result<usize, StoreError> {
        self.writable()?;
        let mut erased = 0;
        let entries = fs::read_dir(&self.trash)
            .map_err(|e| StoreError::io(Action::ListFolder, &self.trash, &e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                fs::remove_file(&path).map_err(|e| StoreError::io(Action::Erase, &path, &e))?;
                erased += 1;
            }
        }
        fsutil::sync_dir(&self.trash)
            .map_err(|e| StoreError::io(Action::Erase, &self.trash, &e))?;
        Ok(erased)
    }
}

/// The trash shows when a draft was deleted: the file's modification time.
pub(super) fn mark_deleted_now(path: &Path) {
    if let Ok(f) = File::options().write(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}
