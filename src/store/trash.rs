//! Deleted drafts wait in the trash until it is emptied. Every deleted or replaced version is
//! kept: each goes to a folder of its own, `trash/<version>/<id>.json`, where `<version>` is the
//! time of the deletion (nanoseconds since 1970, 16 hexadecimal digits, so that names sort by
//! time) and a random part (two deletions never share a folder). Deleting the same draft twice
//! keeps both; restoring takes the latest unless a version is named.

use std::fs;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;
use uuid::Uuid;

use super::{
    Action, DraftStore, DraftSummary, IoKind, ReadProblem, StoreError, UnreadableDraft, file_of,
    read,
};
use crate::fsutil::{self, Access, create_private_dir, move_file, write_atomic};
use crate::reference::Reference;

/// A draft in the trash: one deleted (or replaced) version of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashedDraft {
    pub summary: DraftSummary,
    pub deleted_at: OffsetDateTime,
    /// Which deletion this is (`restore` takes it to choose among versions of one draft).
    pub version: String,
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
        let to = self.new_trash_version(id)?;
        move_file(&from, &to).map_err(|e| StoreError::io(Action::Move, &from, &e))
    }

    /// Puts `bytes` (a draft about to be replaced by an import) in the trash as a version of its
    /// own, before the draft is overwritten: at every moment one of the two is on disk.
    pub(super) fn trash_copy(&self, id: Uuid, bytes: &[u8]) -> Result<(), StoreError> {
        let to = self.new_trash_version(id)?;
        write_atomic(&to, bytes, Access::Private).map_err(|e| StoreError::io(Action::Save, &to, &e))
    }

    /// The path of a new version of `id` in the trash, its folder made.
    fn new_trash_version(&self, id: Uuid) -> Result<PathBuf, StoreError> {
        let dir = self.trash.join(version_name(OffsetDateTime::now_utc()));
        create_private_dir(&dir).map_err(|e| StoreError::io(Action::CreateFolder, &dir, &e))?;
        Ok(dir.join(file_of(id)))
    }

    /// Every version in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<TrashListing, StoreError> {
        let refs = Reference::get();
        let mut listing = TrashListing::default();
        for version in version_dirs(&self.trash)? {
            let dir = self.trash.join(&version);
            let deleted_at = time_of_version(&version);
            for (path, result) in read::read_folder(&dir, refs)? {
                match result {
                    Ok(summary) => listing.drafts.push(TrashedDraft {
                        deleted_at: deleted_at.unwrap_or(summary.updated_at),
                        summary,
                        version: version.clone(),
                    }),
                    Err(ReadProblem::Io(p)) if p.kind == IoKind::NotFound => {}
                    Err(problem) => listing.unreadable.push(UnreadableDraft {
                        path,
                        problem,
                        moved_to: None,
                    }),
                }
            }
        }
        listing.drafts.sort_by(|a, b| {
            b.version
                .cmp(&a.version)
                .then(a.summary.id.cmp(&b.summary.id))
        });
        Ok(listing)
    }

    /// The versions of `id` in the trash, most recent first.
    pub fn trash_versions(&self, id: Uuid) -> Result<Vec<String>, StoreError> {
        let mut versions: Vec<String> = version_dirs(&self.trash)?
            .into_iter()
            .filter(|v| self.trash.join(v).join(file_of(id)).is_file())
            .collect();
        versions.sort_by(|a, b| b.cmp(a));
        Ok(versions)
    }

    /// Puts a deleted draft back: the version named, else the latest one. If a draft with the
    /// same id has appeared since (imported or restored), nothing moves and
    /// [`StoreError::Conflict`] names it (an unreadable one is set aside first, as always).
    pub fn restore(&self, id: Uuid, version: Option<&str>) -> Result<(), StoreError> {
        self.writable()?;
        let versions = self.trash_versions(id)?;
        let chosen = match version {
            Some(v) => versions.iter().find(|x| x.as_str() == v.trim()),
            None => versions.first(),
        };
        let Some(chosen) = chosen else {
            let id = match version {
                Some(v) => format!("{id} ({v})"),
                None => id.to_string(),
            };
            return Err(StoreError::NotFound { id });
        };
        let dir = self.trash.join(chosen);
        let from = dir.join(file_of(id));
        if let Some(existing) = self.existing(id) {
            return Err(StoreError::Conflict {
                existing: Box::new(existing),
            });
        }
        let to = self.draft_path(id);
        move_file(&from, &to).map_err(|e| StoreError::io(Action::Move, &from, &e))?;
        // The version's folder is empty now; one left behind is harmless (never listed).
        let _ = fs::remove_dir(&dir);
        Ok(())
    }

    /// The id of a draft in the trash named by `text` (a whole id or its first characters, as
    /// [`DraftStore::resolve`]), among all versions.
    pub fn resolve_in_trash(&self, text: &str) -> Result<Uuid, StoreError> {
        let mut ids = Vec::new();
        for version in version_dirs(&self.trash)? {
            let dir = self.trash.join(version);
            ids.extend(
                read::draft_ids(&dir).map_err(|e| StoreError::io(Action::ListFolder, &dir, &e))?,
            );
        }
        ids.sort();
        ids.dedup();
        super::resolve_among(text, &ids)
    }

    /// Erases every file in the trash, for good. Returns how many.
    pub fn empty_trash(&self) -> Result<usize, StoreError> {
        self.writable()?;
        let mut erased = 0;
        let mut dirs = vec![self.trash.clone()];
        dirs.extend(
            version_dirs(&self.trash)?
                .iter()
                .map(|v| self.trash.join(v)),
        );
        for dir in dirs.iter().rev() {
            let entries =
                fs::read_dir(dir).map_err(|e| StoreError::io(Action::ListFolder, dir, &e))?;
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_file() {
                    fs::remove_file(&path).map_err(|e| StoreError::io(Action::Erase, &path, &e))?;
                    erased += 1;
                }
            }
            if *dir != self.trash {
                let _ = fs::remove_dir(dir);
            }
        }
        fsutil::sync_dir(&self.trash)
            .map_err(|e| StoreError::io(Action::Erase, &self.trash, &e))?;
        Ok(erased)
    }

    /// Drafts that an older version put straight in `trash/<id>.json` (one per id) each become
    /// a version of their own, dated by the file's modification time (the deletion's).
    pub(super) fn migrate_flat_trash(&self) {
        let Ok(ids) = read::draft_ids(&self.trash) else {
            return;
        };
        for id in ids {
            let from = self.trash.join(file_of(id));
            let when = fs::metadata(&from)
                .and_then(|m| m.modified())
                .map(OffsetDateTime::from)
                .unwrap_or_else(|_| OffsetDateTime::now_utc());
            let dir = self.trash.join(version_name(when));
            if create_private_dir(&dir).is_ok() {
                let _ = move_file(&from, &dir.join(file_of(id)));
            }
        }
    }
}

/// `<time in hex>-<random>`: sorts by time.
fn version_name(when: OffsetDateTime) -> String {
    let nanos = u64::try_from(when.unix_timestamp_nanos()).unwrap_or(0);
    let random = Uuid::new_v4().simple().to_string();
    format!("{nanos:016x}-{}", &random[..8])
}

/// The time a version's name gives.
fn time_of_version(version: &str) -> Option<OffsetDateTime> {
    let (hex, _) = version.split_once('-')?;
    let nanos = u64::from_str_radix(hex, 16).ok()?;
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(nanos)).ok()
}

/// The names of the version folders of the trash (a missing trash has none).
fn version_dirs(trash: &Path) -> Result<Vec<String>, StoreError> {
    let entries = match fs::read_dir(trash) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(Action::ListFolder, trash, &e)),
    };
    Ok(entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| time_of_version(name).is_some())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names_sort_by_time_and_give_it_back() {
        let early = time::macros::datetime!(2026-11-24 14:32:05.123456789 UTC);
        let later = early + time::Duration::nanoseconds(1);
        let (a, b) = (version_name(early), version_name(later));
        assert!(a < b, "{a} {b}");
        assert_eq!(time_of_version(&a), Some(early));
        assert_eq!(time_of_version("no_version_here"), None);
    }
}
