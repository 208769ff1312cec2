//! A cache of the drafts list: `index.json` in the data folder keeps, for each draft file, its
//! summary and what identifies that version of the file (size, modification time, and on Unix
//! its inode: every save writes a new file and renames it, so a new inode). The next listing
//! reads only the files whose identity changed; with 5,000 drafts that is the difference
//! between reading 5,000 files and reading one.
//!
//! It is only a cache: a missing, broken, oversized or foreign index (another build of the
//! application, whose rules may differ) is ignored and made again, and a file is always read
//! when its identity is not the one recorded — nothing is ever taken from the index that the
//! file on disk would not give.

use std::collections::HashMap;
use std::fs::Metadata;
use std::path::Path;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::summary::{DraftSummary, ListStatus};
use crate::bounded::read_bounded;
use crate::designation::{FormKind, Step};
use crate::fsutil::{Access, write_atomic};

pub const INDEX_FILE: &str = "index.json";
/// Far above 5,000 summaries (about 1 MB); a bigger file is not read.
const MAX_INDEX_BYTES: u64 = 64 * 1024 * 1024;
/// Changed whenever what the index holds changes shape (2: rows as arrays, keyed by id).
const FORMAT: u32 = 2;

/// What identifies one version of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified_ns: i128,
    inode: u64,
}

impl FileStamp {
    pub fn of(meta: &Metadata) -> Option<FileStamp> {
        let modified = meta.modified().ok()?;
        let modified_ns = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        };
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(FileStamp {
            len: meta.len(),
            modified_ns,
            inode,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct IndexFile {
    /// The build that wrote it (see [`build_stamp`]).
    build: String,
    rows: Vec<Row>,
}

/// One draft file (`<id>.json`): its version, then its summary. An array without key names:
/// the index of 5,000 drafts is half the size of named fields, and read in half the time.
#[derive(Serialize, Deserialize)]
struct Row(
    u64,
    i128,
    u64,
    Uuid,
    String,
    String,
    Option<FormKind>,
    Step,
    ListStatus,
    usize,
    OffsetDateTime,
    OffsetDateTime,
);

impl Row {
    fn of(stamp: FileStamp, s: &DraftSummary) -> Row {
        Row(
            stamp.len,
            stamp.modified_ns,
            stamp.inode,
            s.id,
            s.organization_name.clone(),
            s.folded_name.clone(),
            s.form_kind,
            s.step,
            s.status.clone(),
            s.error_count,
            s.created_at,
            s.updated_at,
        )
    }

    fn into_parts(self) -> (Uuid, FileStamp, DraftSummary) {
        let Row(len, modified_ns, inode, id, name, folded, kind, step, status, errors, c, u) = self;
        let stamp = FileStamp {
            len,
            modified_ns,
            inode,
        };
        let summary = DraftSummary {
            id,
            organization_name: name,
            form_kind: kind,
            step,
            status,
            error_count: errors,
            created_at: c,
            updated_at: u,
            folded_name: folded,
        };
        (id, stamp, summary)
    }
}

/// The summaries known from the last listing, and the versions of this one.
#[derive(Default)]
pub struct Index {
    known: HashMap<Uuid, (FileStamp, DraftSummary)>,
    /// How many the index held (taken summaries leave `known`).
    known_count: usize,
    /// The version of each file of this listing whose summary is known.
    now: HashMap<Uuid, FileStamp>,
    /// Whether this listing found anything the index did not hold as it is.
    changed: bool,
}

impl Index {
    /// The index of a data folder; empty if it is missing, unreadable or from another build.
    pub fn load(root: &Path) -> Index {
        let known: HashMap<_, _> = read_bounded(&root.join(INDEX_FILE), MAX_INDEX_BYTES)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<IndexFile>(&bytes).ok())
            .filter(|f| f.build == build_stamp())
            .map(|f| {
                (f.rows.into_iter())
                    .map(Row::into_parts)
                    .map(|(id, stamp, summary)| (id, (stamp, summary)))
                    .collect()
            })
            .unwrap_or_default();
        Index {
            known_count: known.len(),
            now: HashMap::with_capacity(known.len()),
            known,
            ..Index::default()
        }
    }

    /// The summary recorded for this version of the draft's file, if any (taken: a listing
    /// asks once per file).
    pub fn take(&mut self, id: Uuid, stamp: FileStamp) -> Option<DraftSummary> {
        match self.known.remove(&id) {
            Some((s, summary)) if s == stamp => {
                self.now.insert(id, stamp);
                Some(summary)
            }
            _ => None,
        }
    }

    /// Notes the version of a file read for this listing, whose summary is `id`'s.
    pub fn record_read(&mut self, id: Uuid, stamp: FileStamp) {
        self.changed = true;
        self.now.insert(id, stamp);
    }

    /// Writes the index of this listing, from its summaries, if it differs from the one read.
    /// A failure costs only the next listing's speed.
    pub fn save(self, root: &Path, listed: &[DraftSummary]) {
        let removed = self.known_count != self.now.len();
        if !(self.changed || removed) {
            return;
        }
        let rows = (listed.iter())
            .filter_map(|s| self.now.get(&s.id).map(|&stamp| Row::of(stamp, s)))
            .collect();
        let file = IndexFile {
            build: build_stamp(),
            rows,
        };
        if let Ok(bytes) = serde_json::to_vec(&file) {
            let _ = write_atomic(&root.join(INDEX_FILE), &bytes, Access::Private);
        }
    }
}

/// This build of the application: its version and its executable's size and time, so a new
/// build (whose rules of validation may differ) never trusts an older build's summaries.
fn build_stamp() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
        .and_then(|m| FileStamp::of(&m))
        .map(|s| format!("{}-{}", s.len, s.modified_ns))
        .unwrap_or_default();
    format!("{FORMAT}:{}:{exe}", env!("CARGO_PKG_VERSION"))
}
