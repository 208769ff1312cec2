//! Files of the drafts folder that cannot be read are moved to `quarantine/`, with a note of
//! why: never deleted, and never in the way of the other drafts.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::error::file_name;
use super::{DraftStore, ReadProblem, UnreadableDraft};
use crate::fsutil::{Access, move_file, write_atomic};

impl DraftStore {
    /// Moves an unreadable file of the drafts folder to quarantine, with a note of why.
    pub(super) fn set_aside(&self, path: PathBuf, problem: ReadProblem) -> UnreadableDraft {
        let moved_to = if self.is_read_only() || problem.keeps_file_in_place() {
            None
        } else {
            self.quarantine_file(&path, &problem)
        };
        UnreadableDraft {
            path,
            problem,
            moved_to,
        }
    }

    fn quarantine_file(&self, path: &Path, problem: &ReadProblem) -> Option<PathBuf> {
        let name = file_name(path);
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
        let ext = if ext.is_empty() {
            String::new()
        } else {
            format!(".{ext}")
        };
        // Never overwrite an earlier quarantined file of the same name.
        let target = (1..1000)
            .map(|n| match n {
                1 => self.quarantine.join(&name),
                n => self.quarantine.join(format!("{stem}.{n}{ext}")),
            })
            .find(|p| !p.exists())?;
        move_file(path, &target).ok()?;
        // A note for whoever looks at the folder later (support); English, like the parser's words.
        let note = format!(
            "{} was moved here from {} on {}: {:?}\n",
            file_name(&target),
            path.display(),
            OffsetDateTime::now_utc(),
            problem
        );
        let _ = write_atomic(
            &target.with_file_name(format!("{}.txt", file_name(&target))),
            note.as_bytes(),
            Access::Private,
        );
        Some(target)
    }
}
