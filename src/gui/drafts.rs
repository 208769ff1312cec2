//! Drafts in the window: the drafts list with its trash, opening and resuming a draft,
//! duplicate, delete, export and import through the file dialogs. Saving the draft on screen is
//! `autosave.rs`.
//!
//! Every file operation runs on the blocking pool (`work::blocking`), never on the UI thread.

use std::path::PathBuf;
use std::sync::Arc;

use iced::{Task, window};
use time::OffsetDateTime;
use uuid::Uuid;

use super::autosave::Saving;
use super::sending::Sweep;
use super::work::{blocking, in_background};
use super::{App, Message, Screen};
use crate::designation::Designation;
use crate::dialogs::{DialogOutcome, Filter};
use crate::store::{
    DraftFilter, DraftStore, DraftSummary, Imported, Listing, OnConflict, StoreError, TrashListing,
};
use crate::wizard::Wizard;

/// Messages of the drafts list and of saving.
#[derive(Debug, Clone)]
pub enum DraftMessage {
    Listed(Result<Listing, StoreError>),
    Open(Uuid),
    Opened(Result<Designation, StoreError>),
    Duplicate(Uuid),
    AskDelete(Uuid),
    Delete(Uuid),
    AskEmptyTrash,
    EmptyTrash,
    CancelConfirm,
    Done(Result<(), StoreError>),
    ToggleTrash,
    TrashListed(Result<TrashListing, StoreError>),
    /// A draft's version in the trash (each deletion is one).
    Restore(Uuid, String),
    Filter(String),
    Export(Uuid),
    ExportTo(Uuid, DialogOutcome),
    Import,
    ImportFrom(DialogOutcome),
    ImportAs(PathBuf, OnConflict),
    Imported(PathBuf, Result<Imported, StoreError>),
    SaveDue,
    SaveNow,
    Saved(Uuid, Result<OffsetDateTime, StoreError>),
    CloseRequested(window::Id),
}

/// A question the list is asking before it acts.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Delete(Uuid),
    EmptyTrash,
    /// The imported file has the id of an existing draft.
    ImportConflict {
        path: PathBuf,
        existing: String,
    },
}

/// What the drafts side of the window holds.
#[derive(Debug, Default)]
pub struct Drafts {
    pub store: Option<Arc<DraftStore>>,
    pub listing: Listing,
    /// The rows the filter lets through, as indices into `listing.drafts`: computed when the
    /// list or the filter changes, not on every frame.
    pub shown: Vec<usize>,
    pub trash: Option<TrashListing>,
    pub filter: String,
    pub confirm: Option<Confirm>,
    /// Offered on the home screen at start.
    pub resume: Option<DraftSummary>,
    /// When the draft on screen was last saved.
    pub saved_at: Option<OffsetDateTime>,
    /// The draft on screen has changes not yet on disk.
    pub dirty: bool,
    /// How far its saving is (autosave.rs).
    pub(super) saving: Saving,
}

impl Drafts {
    /// Opens the data folder; a second instance gets it read-only, with a notice.
    pub fn open(data_dir: Option<PathBuf>) -> (Drafts, Option<StoreError>) {
        let Some(dir) = data_dir else {
            return (Drafts::default(), None);
        };
        let (store, problem) = match DraftStore::open(&dir) {
            Ok(store) => (Some(store), None),
            Err(e @ StoreError::Locked { .. }) => (DraftStore::open_read_only(&dir).ok(), Some(e)),
            Err(e) => (None, Some(e)),
        };
        let resume = store.as_ref().and_then(DraftStore::resume_offer);
        let drafts = Drafts {
            store: store.map(Arc::new),
            resume,
            ..Drafts::default()
        };
        (drafts, problem)
    }
}

impl Drafts {
    fn refilter(&mut self) {
        let filter = DraftFilter::new(&self.filter);
        self.shown = (self.listing.drafts.iter().enumerate())
            .filter(|(_, s)| filter.matches(s))
            .map(|(i, _)| i)
            .collect();
    }
}

/// Lists the drafts, then gives the memory the reading used back to the system.
fn list_then_give_back(store: &DraftStore) -> Result<Listing, StoreError> {
    let listing = store.list();
    crate::memory::give_back_free_memory();
    listing
}

/// The drafts list being read on a thread of its own since before the window opened.
pub(super) struct EarlyListing(std::thread::JoinHandle<Result<Listing, StoreError>>);

impl EarlyListing {
    pub(super) fn start(store: Arc<DraftStore>) -> EarlyListing {
        EarlyListing(std::thread::spawn(move || list_then_give_back(&store)))
    }

    /// Its result, as the list's message (waited for on the blocking pool).
    pub(super) fn task(self) -> Task<Message> {
        let handle = self.0;
        run(
            move || {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            },
            DraftMessage::Listed,
        )
    }
}

/// Drafts messages are boxed in `Message` to keep it small.
pub fn drafts_msg(m: DraftMessage) -> Message {
    Message::Drafts(Box::new(m))
}

/// Runs file work off the UI thread and comes back as a drafts message.
pub(super) fn run<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    done: impl FnOnce(T) -> DraftMessage + Send + 'static,
) -> Task<Message> {
    blocking(work, move |t| drafts_msg(done(t)))
}

impl App {
    pub(super) fn store(&self) -> Option<Arc<DraftStore>> {
        self.drafts.store.clone()
    }

    /// Lists the drafts in the background (5,000 drafts take well under 200 ms).
    pub fn refresh_drafts(&self) -> Task<Message> {
        match self.store() {
            Some(store) => run(move || list_then_give_back(&store), DraftMessage::Listed),
            None => Task::none(),
        }
    }

    /// Lists the drafts now, on this thread: for tests only (the window uses `refresh_drafts`).
    pub fn load_drafts_now(&mut self) {
        if let Some(store) = self.store() {
            let result = store.list();
            let _ = self.drafts_update(DraftMessage::Listed(result));
        }
    }

    /// Shows a draft in the wizard; remembers it (in the background) for the resume offer.
    pub(super) fn open_wizard(&mut self, draft: Designation) -> Task<Message> {
        let id = draft.id;
        self.screen = Screen::Wizard(Box::new(Wizard::resume(draft, self.refs)));
        self.drafts.saved_at = None;
        self.drafts.dirty = false;
        self.drafts.resume = None;
        self.picker = None;
        self.lookup_status = super::LookupStatus::Idle;
        match self.store() {
            // Only the resume offer depends on it: a failure costs nothing else.
            Some(store) => in_background(move || {
                let _ = store.set_last_opened(Some(id));
            }),
            None => Task::none(),
        }
    }

    pub(super) fn error_notice(&mut self, e: &StoreError) {
        self.notice = Some(e.message(&self.l));
    }

    pub(super) fn drafts_update(&mut self, message: DraftMessage) -> Task<Message> {
        match message {
            DraftMessage::Listed(Ok(listing)) => {
                if !listing.unreadable.is_empty() {
                    let lines: Vec<_> = listing
                        .unreadable
                        .iter()
                        .map(|u| u.message(&self.l))
                        .collect();
                    self.notice = Some(lines.join("\n"));
                }
                self.drafts.listing = listing;
                self.drafts.refilter();
                if std::mem::take(&mut self.sending.sweep_when_listed) {
                    return self.read_outbox_among(&self.drafts.listing.drafts, Sweep::All);
                }
                Task::none()
            }
            DraftMessage::Listed(Err(e)) => {
                self.error_notice(&e);
                if std::mem::take(&mut self.sending.sweep_when_listed) {
                    // The outbox reads the folder itself, and says what stops it.
                    return self.refresh_outbox(Sweep::All);
                }
                Task::none()
            }
            DraftMessage::TrashListed(Err(e)) => {
                self.error_notice(&e);
                Task::none()
            }
            DraftMessage::Open(id) => match self.store() {
                Some(store) => run(move || store.load(id), DraftMessage::Opened),
                None => Task::none(),
            },
            DraftMessage::Opened(Ok(draft)) => {
                let remember = self.open_wizard(draft);
                Task::batch([remember, self.focus_first_field()])
            }
            DraftMessage::Opened(Err(e)) => {
                self.error_notice(&e);
                self.refresh_drafts()
            }
            DraftMessage::Duplicate(id) => match self.store() {
                Some(store) => run(move || store.duplicate(id), DraftMessage::Opened),
                None => Task::none(),
            },
            DraftMessage::AskDelete(id) => {
                self.drafts.confirm = Some(Confirm::Delete(id));
                Task::none()
            }
            DraftMessage::AskEmptyTrash => {
                self.drafts.confirm = Some(Confirm::EmptyTrash);
                Task::none()
            }
            DraftMessage::CancelConfirm => {
                self.drafts.confirm = None;
                Task::none()
            }
            DraftMessage::Delete(id) => {
                self.drafts.confirm = None;
                match self.store() {
                    Some(store) => run(move || store.delete(id), DraftMessage::Done),
                    None => Task::none(),
                }
            }
            DraftMessage::EmptyTrash => {
                self.drafts.confirm = None;
                match self.store() {
                    Some(store) => run(move || store.empty_trash().map(|_| ()), DraftMessage::Done),
                    None => Task::none(),
                }
            }
            DraftMessage::Restore(id, version) => match self.store() {
                Some(store) => run(
                    move || store.restore(id, Some(&version)),
                    DraftMessage::Done,
                ),
                None => Task::none(),
            },
            DraftMessage::Done(result) => {
                if let Err(e) = result {
                    self.error_notice(&e);
                }
                let trash = if self.drafts.trash.is_some() {
                    self.list_trash()
                } else {
                    Task::none()
                };
                Task::batch([self.refresh_drafts(), trash])
            }
            DraftMessage::ToggleTrash => {
                if self.drafts.trash.take().is_some() {
                    Task::none()
                } else {
                    self.drafts.trash = Some(TrashListing::default());
                    self.list_trash()
                }
            }
            DraftMessage::TrashListed(Ok(trash)) => {
                self.drafts.trash = Some(trash);
                Task::none()
            }
            DraftMessage::Filter(text) => {
                self.drafts.filter = text;
                self.drafts.refilter();
                Task::none()
            }
            DraftMessage::Export(id) => {
                let name = self
                    .drafts
                    .listing
                    .drafts
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| export_name(&s.organization_name))
                    .unwrap_or_else(|| "brouillon.json".into());
                let future =
                    self.dialogs
                        .save(self.l.t("dialog-export-title"), name, self.json_filter());
                Task::perform(future, move |o| drafts_msg(DraftMessage::ExportTo(id, o)))
            }
            DraftMessage::ExportTo(id, outcome) => match (outcome, self.store()) {
                (DialogOutcome::Chosen(path), Some(store)) => {
                    let shown = path.display().to_string();
                    self.notice = None;
                    let l_done = self.l.t_args("export-done", &[("path", shown.into())]);
                    blocking(
                        move || store.export(id, &path),
                        move |r| match r {
                            Ok(()) => Message::Notice(l_done),
                            Err(e) => drafts_msg(DraftMessage::Done(Err(e))),
                        },
                    )
                }
                (DialogOutcome::Unavailable, _) => self.no_dialog(),
                _ => Task::none(),
            },
            DraftMessage::Import => {
                let future = self
                    .dialogs
                    .open(self.l.t("dialog-import-title"), self.import_filter());
                Task::perform(future, |o| drafts_msg(DraftMessage::ImportFrom(o)))
            }
            DraftMessage::ImportFrom(DialogOutcome::Chosen(path)) => self.import(path, None),
            DraftMessage::ImportFrom(DialogOutcome::Unavailable) => self.no_dialog(),
            DraftMessage::ImportFrom(DialogOutcome::Cancelled) => Task::none(),
            DraftMessage::ImportAs(path, choice) => {
                self.drafts.confirm = None;
                self.import(path, Some(choice))
            }
            DraftMessage::Imported(_, Ok(imported)) => {
                let done = self.l.t_args(
                    "import-done",
                    &[("name", imported.draft.organization.name.clone().into())],
                );
                // What the file said of its past, in words (it arrived as a brouillon), and
                // a copy nobody known signed: the warning comes with the news.
                let mut notice = done;
                if let Some(h) = &imported.history {
                    notice = format!("{notice} {}", h.words(&self.l));
                }
                if let Some(w) = &imported.warning {
                    notice = format!("{notice}\n{}", w.message(&self.l));
                }
                self.notice = Some(notice);
                self.refresh_drafts()
            }
            DraftMessage::Imported(path, Err(StoreError::Conflict { existing })) => {
                self.drafts.confirm = Some(Confirm::ImportConflict {
                    path,
                    existing: existing.display_name(&self.l),
                });
                Task::none()
            }
            DraftMessage::Imported(_, Err(e)) => {
                self.drafts.confirm = None;
                self.error_notice(&e);
                Task::none()
            }
            DraftMessage::SaveDue => self.save_due(),
            DraftMessage::SaveNow => self.save_now(),
            DraftMessage::Saved(id, result) => self.saved(id, result),
            DraftMessage::CloseRequested(id) => self.close_requested(id),
        }
    }

    fn list_trash(&self) -> Task<Message> {
        match self.store() {
            Some(store) => run(move || store.trash(), DraftMessage::TrashListed),
            None => Task::none(),
        }
    }

    fn import(&mut self, path: PathBuf, choice: Option<OnConflict>) -> Task<Message> {
        let Some(store) = self.store() else {
            return Task::none();
        };
        run(
            move || {
                let result = store.import(&path, choice);
                (path, result)
            },
            |(path, result)| DraftMessage::Imported(path, result),
        )
    }

    fn json_filter(&self) -> Filter {
        Filter {
            name: self.l.t("dialog-filter-draft"),
            extensions: vec!["json".into()],
        }
    }

    /// Imports take a draft file or a signed PDF copy (its designation is attached).
    fn import_filter(&self) -> Filter {
        Filter {
            name: self.l.t("dialog-filter-draft-or-copy"),
            extensions: vec!["json".into(), "pdf".into()],
        }
    }

    fn no_dialog(&mut self) -> Task<Message> {
        self.notice = Some(self.l.t("dialog-unavailable"));
        Task::none()
    }
}

/// `designation-<organisme>-<date>.json`, by the same rule as the PDF copy's name.
pub fn export_name(organization: &str) -> String {
    let today = crate::clock::local(OffsetDateTime::now_utc()).date();
    crate::file_name::designation_file_name(organization, today, "json")
}
