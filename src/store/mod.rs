//! Drafts on disk, never lost: one JSON file per draft in the data folder, written atomically and
//! durably, one instance at a time, unreadable files set aside rather than deleted.
//!
//! ```text
//! <data dir>/
//!   .lock                 held by the running instance (its process id inside)
//!   state.json            the last draft opened, for the resume offer
//!   drafts/<id>.json      one file per draft (owner-only permissions)
//!   trash/<version>/<id>.json  every deleted or replaced version, until the trash is emptied
//!   quarantine/           files that could not be read, with a note of why
//! ```
//!
//! This is a service of plain file I/O (std only): the GUI calls it from a task, the command line
//! directly. Errors are [`StoreError`]s that say which file and what to do; nothing is logged.

mod copy_check;
mod error;
mod index;
mod lock;
mod quarantine;
mod read;
mod state;
mod summary;
mod transfer;
mod trash;

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use time::OffsetDateTime;
use uuid::Uuid;

pub use copy_check::ImportWarning;
pub use error::{Action, IoKind, IoProblem, ReadProblem, StoreError};
pub use read::MAX_DRAFT_BYTES;
pub use summary::{DraftFilter, DraftSummary, ListStatus};
pub use transfer::{History, ImportOutcome, Imported, OnConflict, OutsideDraft, as_outside_draft};
pub use trash::{TrashListing, TrashedDraft};

use crate::designation::{Designation, SCHEMA_VERSION};
use crate::fsutil::{Access, create_private_dir, remove_stale_temp_files, write_atomic};
use crate::i18n::Localizer;
use crate::reference::Reference;
use error::file_name;
use index::Index;

const DRAFTS: &str = "drafts";
const TRASH: &str = "trash";
const QUARANTINE: &str = "quarantine";

/// The drafts folder of one data directory.
#[derive(Debug)]
pub struct DraftStore {
    root: PathBuf,
    drafts: PathBuf,
    trash: PathBuf,
    quarantine: PathBuf,
    /// Held for as long as the store lives; `None` when opened read-only.
    lock: Option<File>,
}

/// The drafts, newest first, and the files that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub drafts: Vec<DraftSummary>,
    pub unreadable: Vec<UnreadableDraft>,
}

/// A file of the drafts folder (or trash) that is not a draft the application can open.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableDraft {
    /// Where it was found.
    pub path: PathBuf,
    pub problem: ReadProblem,
    /// Where it was moved (the quarantine folder); `None` when it was left in place: written by
    /// a newer version of the application, in the trash, or the store is read-only.
    pub moved_to: Option<PathBuf>,
}

impl UnreadableDraft {
    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }

    /// A sentence naming the file, the reason, and where it now is.
    pub fn message(&self, l: &Localizer) -> String {
        StoreError::from(self.clone()).message(l)
    }
}

impl From<UnreadableDraft> for StoreError {
    fn from(u: UnreadableDraft) -> Self {
        StoreError::Unreadable {
            path: u.path,
            problem: u.problem,
            moved_to: u.moved_to,
        }
    }
}

impl DraftStore {
    /// Opens the data folder for reading and writing, creating it if needed, and keeps every
    /// other instance out until dropped. A second instance gets [`StoreError::Locked`]; it can
    /// then [`open_read_only`](Self::open_read_only).
    pub fn open(data_dir: &Path) -> Result<DraftStore, StoreError> {
        create_private_dir(data_dir)
            .map_err(|e| StoreError::io(Action::CreateFolder, data_dir, &e))?;
        let lock = lock::acquire(data_dir)?;
        let mut store = DraftStore::at(data_dir);
        for dir in [&store.drafts, &store.trash, &store.quarantine] {
            create_private_dir(dir).map_err(|e| StoreError::io(Action::CreateFolder, dir, &e))?;
            remove_stale_temp_files(dir);
        }
        remove_stale_temp_files(&store.root);
        store.lock = Some(lock);
        store.migrate_flat_trash();
        Ok(store)
    }

    /// Opens the data folder without writing anything, even if another instance holds it.
    /// Every change then fails with [`StoreError::ReadOnly`]; unreadable files are reported but
    /// left in place. A missing folder lists as empty.
    pub fn open_read_only(data_dir: &Path) -> Result<DraftStore, StoreError> {
        match fs::metadata(data_dir) {
            Ok(m) if m.is_dir() => Ok(DraftStore::at(data_dir)),
            Ok(_) => Err(StoreError::io(
                Action::ListFolder,
                data_dir,
                &std::io::Error::from(std::io::ErrorKind::NotADirectory),
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(DraftStore::at(data_dir)),
            Err(e) => Err(StoreError::io(Action::ListFolder, data_dir, &e)),
        }
    }

    fn at(data_dir: &Path) -> DraftStore {
        DraftStore {
            root: data_dir.to_path_buf(),
            drafts: data_dir.join(DRAFTS),
            trash: data_dir.join(TRASH),
            quarantine: data_dir.join(QUARANTINE),
            lock: None,
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.root
    }

    pub fn quarantine_dir(&self) -> &Path {
        &self.quarantine
    }

    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// The file of a draft (which may not exist).
    pub fn draft_path(&self, id: Uuid) -> PathBuf {
        self.drafts.join(file_of(id))
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.is_read_only() {
            Err(StoreError::ReadOnly {
                data_dir: self.root.clone(),
            })
        } else {
            Ok(())
        }
    }

    // ----- one draft -------------------------------------------------------------------------

    /// Saves the draft as the user left it, stamping `modifie_le` with the current time, which is
    /// returned ("Enregistré à 14 h 32"). Atomic and durable: after a crash or power cut at any
    /// moment the file holds either this content or the previous one.
    pub fn save(&self, draft: &mut Designation) -> Result<OffsetDateTime, StoreError> {
        self.writable()?;
        let now = OffsetDateTime::now_utc();
        draft.updated_at = now;
        self.write(draft)?;
        Ok(now)
    }

    /// Writes the draft exactly as given (its `modifie_le` untouched), atomically and durably.
    pub fn write(&self, draft: &Designation) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.draft_path(draft.id);
        let bytes = to_bytes(draft);
        write_atomic(&path, &bytes, Access::Private)
            .map_err(|e| StoreError::io(Action::Save, &path, &e))
    }

    /// Reads a draft, migrating an older format. A file that cannot be read is moved to the
    /// quarantine folder and reported as [`StoreError::Unreadable`] with where it went.
    pub fn load(&self, id: Uuid) -> Result<Designation, StoreError> {
        let path = self.draft_path(id);
        match read::read_draft(&path, Some(id)) {
            Ok(d) => Ok(d),
            Err(ReadProblem::Io(p)) if p.kind == IoKind::NotFound => {
                Err(StoreError::NotFound { id: id.to_string() })
            }
            Err(problem) => Err(self.set_aside(path, problem).into()),
        }
    }

    /// The id of the draft named by `text`: a whole id, or its first characters (at least 4)
    /// when only one draft starts with them, as `drafts list` shows them.
    pub fn resolve(&self, text: &str) -> Result<Uuid, StoreError> {
        resolve_in(&self.drafts, text)
    }

    /// The summary of an existing, readable draft (an unreadable one is set aside).
    pub(super) fn existing(&self, id: Uuid) -> Option<DraftSummary> {
        self.load(id)
            .ok()
            .map(|d| DraftSummary::of(&d, Reference::get()))
    }

    // ----- the list --------------------------------------------------------------------------

    /// Every draft, most recently modified first, and the files that could not be read (moved
    /// to quarantine unless the store is read-only or a newer version wrote them). One bad file
    /// never keeps the others from loading.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let refs = Reference::get();
        let (mut drafts, mut unreadable) = (Vec::new(), Vec::new());
        let mut index = Index::load(&self.root);
        for (path, result) in read::read_folder_indexed(&self.drafts, refs, &mut index)? {
            match result {
                Ok(s) => drafts.push(s),
                // Gone between the listing and the reading (a read-only store seeing a delete).
                Err(ReadProblem::Io(p)) if p.kind == IoKind::NotFound => {}
                Err(problem) => unreadable.push(self.set_aside(path, problem)),
            }
        }
        drafts.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        if self.lock.is_some() {
            index.save(&self.root, &drafts);
        }
        Ok(Listing { drafts, unreadable })
    }
}

/// `<id>.json`
pub(super) fn file_of(id: Uuid) -> String {
    format!("{}.json", id.as_hyphenated())
}

/// The bytes of a draft file: pretty JSON (people open these files), current format.
pub(super) fn to_bytes(draft: &Designation) -> Vec<u8> {
    let mut current = std::borrow::Cow::Borrowed(draft);
    if draft.schema_version != SCHEMA_VERSION {
        current.to_mut().schema_version = SCHEMA_VERSION;
    }
    // Serializing plain structs of strings, numbers and dates cannot fail.
    let mut bytes = serde_json::to_vec_pretty(current.as_ref()).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

fn resolve_in(dir: &Path, text: &str) -> Result<Uuid, StoreError> {
    let ids = read::draft_ids(dir).map_err(|e| StoreError::io(Action::ListFolder, dir, &e))?;
    resolve_among(text, &ids)
}

/// The one id of `ids` that `text` names: the whole id, or its first characters (at least 4).
pub(super) fn resolve_among(text: &str, ids: &[Uuid]) -> Result<Uuid, StoreError> {
    let text = text.trim();
    let not_found = || StoreError::NotFound {
        id: text.to_string(),
    };
    if let Ok(id) = Uuid::parse_str(text) {
        return if ids.contains(&id) {
            Ok(id)
        } else {
            Err(not_found())
        };
    }
    let prefix: String = text
        .chars()
        .filter(|c| *c != '-')
        .collect::<String>()
        .to_lowercase();
    if prefix.len() < 4 || !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let matches: Vec<Uuid> = ids
        .iter()
        .copied()
        .filter(|id| id.simple().to_string().starts_with(&prefix))
        .collect();
    match matches.as_slice() {
        [] => Err(not_found()),
        [id] => Ok(*id),
        _ => Err(StoreError::Ambiguous {
            prefix: text.to_string(),
            count: matches.len(),
        }),
    }
}
