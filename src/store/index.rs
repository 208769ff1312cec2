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

use super::summary::DraftSummary;
use crate::bounded::read_bounded;
use crate::fsutil::{Access, write_atomic};

pub const INDEX_FILE: &str = "index.json";
/// Far above 5,000 summaries (about 1.5 MB); a bigger file is not read.
const MAX_INDEX_BYTES: u64 = 64 * 1024 * 1024;
/// Changed whenever what the index holds changes shape.
const FORMAT: u32 = 1;

/// What identifies one version of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    entries: Vec<Entry>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    file: String,
    stamp: FileStamp,
    summary: DraftSummary,
}

/// The summaries known from the last listing, and those of this one.
#[derive(Default)]
pub struct Index {
    known: HashMap<String, (FileStamp, DraftSummary)>,
    now: Vec<Entry>,
    /// Whether this listing found anything the index did not hold as it is.
    changed: bool,
}

impl Index {
    /// The index of a data folder; empty if it is missing, unreadable or from another build.
    pub fn load(root: &Path) -> Index {
        let known = read_bounded(&root.join(INDEX_FILE), MAX_INDEX_BYTES)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<IndexFile>(&bytes).ok())
            .filter(|f| f.build == build_stamp())
            .map(|f| {
                (f.entries.into_iter())
                    .map(|e| (e.file, (e.stamp, e.summary)))
                    .collect()
            })
            .unwrap_or_default();
        Index {
            known,
            ..Index::default()
        }
    }

    /// The summary recorded for this version of the file, if any.
    pub fn get(&self, file: &str, stamp: FileStamp) -> Option<DraftSummary> {
        match self.known.get(file) {
            Some((s, summary)) if *s == stamp => Some(summary.clone()),
            _ => None,
        }
    }

    /// Notes the summary of a file of this listing; `read` when it came from the file itself.
    pub fn record(&mut self, file: String, stamp: FileStamp, summary: &DraftSummary, read: bool) {
        self.changed |= read;
        self.now.push(Entry {
            file,
            stamp,
            summary: summary.clone(),
        });
    }

    /// Writes the index of this listing if it differs from the one read. A failure costs only
    /// the next listing's speed.
    pub fn save(self, root: &Path) {
        let removed = self.known.len() != self.now.len();
        if !(self.changed || removed) {
            return;
        }
        let file = IndexFile {
            build: build_stamp(),
            entries: self.now,
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
