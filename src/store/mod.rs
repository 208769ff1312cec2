//! Drafts on disk, never lost: one JSON file per draft in the data folder, written atomically and
//! durably, one instance at a time, unreadable files set aside rather than deleted.
//!
//! ```text
//! <data dir>/
//!   .lock                 held by the running instance (its process id inside)
//!   state.json            the last draft opened, for the resume offer
//!   drafts/<id>.json      one file per draft (owner-only permissions)
//!   trash/<id>.json       deleted drafts, until the trash is emptied
//!   quarantine/           files that could not be read, with a note of why
//! ```
//!
//! This is a service of plain file I/O (std only): the GUI calls it from a task, the command line
//! directly. Errors are [`StoreError`]s that say which file and what to do; nothing is logged.

mod error;
mod fsutil;
mod lock;
mod read;
mod summary;

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

pub use error::{Action, IoKind, IoProblem, ReadProblem, StoreError};
pub use read::MAX_DRAFT_BYTES;
pub use summary::{DraftFilter, DraftSummary, ListStatus};

use crate::designation::{Designation, SCHEMA_VERSION, Status, Step};
use crate::i18n::Localizer;
use crate::reference::Reference;
use error::file_name;
use fsutil::{create_private_dir, move_file, remove_stale_temp_files, write_atomic};

const DRAFTS: &str = "drafts";
const TRASH: &str = "trash";
const QUARANTINE: &str = "quarantine";
const STATE: &str = "state.json";

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

/// What the application remembers between runs, apart from drafts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct State {
    #[serde(default)]
    schema_version: u32,
    #[serde(rename = "dernier_brouillon", default)]
    last_opened: Option<Uuid>,
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
        write_atomic(&path, &bytes, true).map_err(|e| StoreError::io(Action::Save, &path, &e))
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

    /// As [`resolve`](Self::resolve), among the drafts in the trash.
    pub fn resolve_in_trash(&self, text: &str) -> Result<Uuid, StoreError> {
        resolve_in(&self.trash, text)
    }

    /// A new draft with the same answers: new id, status brouillon, no receipt or refusal; it
    /// reopens on the same step, or on the review if the original had been sent.
    pub fn duplicate(&self, id: Uuid) -> Result<Designation, StoreError> {
        self.writable()?;
        let copy = copy_of(self.load(id)?, OffsetDateTime::now_utc());
        self.write(&copy)?;
        Ok(copy)
    }

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

    // ----- the list --------------------------------------------------------------------------

    /// Every draft, most recently modified first, and the files that could not be read (moved
    /// to quarantine unless the store is read-only or a newer version wrote them). One bad file
    /// never keeps the others from loading.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let refs = Reference::get();
        let (mut drafts, mut unreadable) = (Vec::new(), Vec::new());
        for (path, result) in read::read_folder(&self.drafts, refs)? {
            match result {
                Ok(s) => drafts.push(s),
                // Gone between the listing and the reading (a read-only store seeing a delete).
                Err(ReadProblem::Io(p)) if p.kind == IoKind::NotFound => {}
                Err(problem) => unreadable.push(self.set_aside(path, problem)),
            }
        }
        sort_newest_first(&mut drafts, |s| s);
        Ok(Listing { drafts, unreadable })
    }

    /// Moves an unreadable file of the drafts folder to quarantine, with a note of why.
    fn set_aside(&self, path: PathBuf, problem: ReadProblem) -> UnreadableDraft {
        let moved_to = if self.is_read_only() || problem.is_newer_version() {
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
            true,
        );
        Some(target)
    }

    // ----- trash -----------------------------------------------------------------------------

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
    /// nothing moves and [`StoreError::Conflict`] names it.
    pub fn restore(&self, id: Uuid) -> Result<(), StoreError> {
        self.writable()?;
        let from = self.trash.join(file_of(id));
        if !from.is_file() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let to = self.draft_path(id);
        if to.exists() {
            return Err(self.conflict(id));
        }
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

    // ----- moving drafts between computers ---------------------------------------------------

    /// Writes a copy of a draft to `to` (any folder: a USB key, a shared drive), replacing a
    /// file of that name: the file dialog has asked. Works on a read-only store too.
    pub fn export(&self, id: Uuid, to: &Path) -> Result<(), StoreError> {
        let draft = self.load(id)?;
        write_atomic(to, &to_bytes(&draft), false)
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
        let draft = Self::read_file(path)?;
        let target = self.draft_path(draft.id);
        let exists = target.exists() && self.existing(draft.id).is_some();
        let outcome = match (exists, on_conflict) {
            (false, _) => ImportOutcome::Added,
            (true, None) => return Err(self.conflict(draft.id)),
            (true, Some(OnConflict::Replace)) => {
                // The old draft is copied to the trash before being replaced, so that at every
                // moment one of the two is on disk.
                let old =
                    fs::read(&target).map_err(|e| StoreError::io(Action::Read, &target, &e))?;
                let in_trash = self.trash.join(file_of(draft.id));
                write_atomic(&in_trash, &old, true)
                    .map_err(|e| StoreError::io(Action::Save, &in_trash, &e))?;
                mark_deleted_now(&in_trash);
                ImportOutcome::Replaced
            }
            (true, Some(OnConflict::KeepBoth)) => ImportOutcome::KeptBoth {
                original_id: draft.id,
            },
        };
        let draft = match outcome {
            ImportOutcome::KeptBoth { .. } => copy_of(draft, OffsetDateTime::now_utc()),
            _ => draft,
        };
        self.write(&draft)?;
        Ok(Imported { draft, outcome })
    }

    /// The summary of an existing, readable draft (an unreadable one is set aside).
    fn existing(&self, id: Uuid) -> Option<DraftSummary> {
        self.load(id)
            .ok()
            .map(|d| DraftSummary::of(&d, Reference::get()))
    }

    fn conflict(&self, id: Uuid) -> StoreError {
        match self.existing(id) {
            Some(s) => StoreError::Conflict {
                existing: Box::new(s),
            },
            None => StoreError::NotFound { id: id.to_string() },
        }
    }

    // ----- resuming --------------------------------------------------------------------------

    /// Remembers the draft on screen (or none), so the next start can offer to resume it.
    pub fn set_last_opened(&self, id: Option<Uuid>) -> Result<(), StoreError> {
        self.writable()?;
        let state = State {
            schema_version: 1,
            last_opened: id,
        };
        let path = self.root.join(STATE);
        let bytes = serde_json::to_vec_pretty(&state).unwrap_or_default();
        write_atomic(&path, &bytes, true).map_err(|e| StoreError::io(Action::Save, &path, &e))
    }

    /// The draft last on screen, as remembered (it may since have been deleted).
    pub fn last_opened(&self) -> Option<Uuid> {
        // A missing or damaged state file only means there is nothing to offer.
        let text = fs::read_to_string(self.root.join(STATE)).ok()?;
        serde_json::from_str::<State>(&text).ok()?.last_opened
    }

    /// The draft to offer to resume at start: the last one on screen, if it is still there and
    /// can still be changed. Its `step` is where the user left it.
    pub fn resume_offer(&self) -> Option<DraftSummary> {
        self.existing(self.last_opened()?)
            .filter(DraftSummary::is_editable)
    }
}

/// `<id>.json`
fn file_of(id: Uuid) -> String {
    format!("{}.json", id.as_hyphenated())
}

/// The bytes of a draft file: pretty JSON (people open these files), current format.
fn to_bytes(draft: &Designation) -> Vec<u8> {
    let mut current = std::borrow::Cow::Borrowed(draft);
    if draft.schema_version != SCHEMA_VERSION {
        current.to_mut().schema_version = SCHEMA_VERSION;
    }
    // Serializing plain structs of strings, numbers and dates cannot fail.
    let mut bytes = serde_json::to_vec_pretty(current.as_ref()).unwrap_or_default();
    bytes.push(b'\n');
    bytes
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

/// The trash shows when a draft was deleted: the file's modification time.
fn mark_deleted_now(path: &Path) {
    if let Ok(f) = File::options().write(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

fn sort_newest_first<T>(items: &mut [T], summary: impl Fn(&T) -> &DraftSummary) {
    items.sort_by(|a, b| {
        let (a, b) = (summary(a), summary(b));
        b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id))
    });
}

fn resolve_in(dir: &Path, text: &str) -> Result<Uuid, StoreError> {
    let text = text.trim();
    let not_found = || StoreError::NotFound {
        id: text.to_string(),
    };
    if let Ok(id) = Uuid::parse_str(text) {
        return if dir.join(file_of(id)).is_file() {
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
    let matches: Vec<Uuid> = read::draft_ids(dir)
        .map_err(|e| StoreError::io(Action::ListFolder, dir, &e))?
        .into_iter()
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
