//! Saving the draft on screen: within a second of a change, at once on Ctrl+S, and before
//! leaving the wizard or closing the window (close → save → then close).
//!
//! Saves are written on the blocking pool, one at a time, so that an older one never lands
//! after a newer one; leaving and closing wait for the last one to be on disk, and a change
//! made meanwhile is written before they go on. A failed save keeps everything on screen,
//! says why, and is tried again with the next change.

use std::time::Duration;

use iced::{Task, window};
use time::OffsetDateTime;
use uuid::Uuid;

use super::drafts::run;
use super::{App, DraftMessage, Message, Screen, drafts_msg};
use crate::store::StoreError;
use crate::wizard::Wizard;

/// Longest wait between a change and its save.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(1);

/// Where saving the draft on screen stands.
#[derive(Debug, Default)]
pub struct Saving {
    /// The one-second timer runs.
    scheduled: bool,
    /// A save is being written.
    writing: bool,
    /// Ctrl+S during a write: write again as soon as it ends.
    again: bool,
    /// What to do once the draft on screen is on disk.
    then: Option<AfterSave>,
    /// The last close request failed to save: the next one closes anyway.
    close_anyway: bool,
}

/// What waits for the draft on screen to be on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AfterSave {
    Home,
    Close(window::Id),
    /// The session ends (SIGTERM, log-out): it will not wait for a question.
    Exit,
}

impl App {
    /// Something in the draft on screen changed: save it within a second.
    pub(super) fn changed(&mut self) -> Task<Message> {
        self.drafts.dirty = true;
        if !self.wizard().is_some_and(Wizard::is_editable) {
            // In the outbox or sent, the file belongs to the outbox, which writes it with its
            // sending state; the user can change nothing there, so nothing typed is lost.
            self.drafts.dirty = false;
            return Task::none();
        }
        if self.drafts.saving.scheduled || self.drafts.saving.writing || self.store().is_none() {
            // The save under way (or the next one) takes this change too: see `Saved`.
            return Task::none();
        }
        self.drafts.saving.scheduled = true;
        // The timer is created when the executor first polls it, inside its tokio runtime
        // (`update` itself runs outside any runtime).
        let delay = async { tokio::time::sleep(AUTOSAVE_DELAY).await };
        Task::perform(delay, |()| drafts_msg(DraftMessage::SaveDue))
    }

    /// Whether the draft on screen has changes that can be written.
    fn needs_saving(&self) -> bool {
        self.drafts.dirty
            && self.store().is_some()
            && self.wizard().is_some_and(Wizard::is_editable)
    }

    /// Writes the draft on screen as it is now, in the background.
    fn write_draft(&mut self) -> Task<Message> {
        let (Some(store), Some(w)) = (self.store(), self.wizard().filter(|w| w.is_editable()))
        else {
            self.drafts.dirty = false;
            return Task::none();
        };
        let mut draft = w.draft().clone();
        let id = draft.id;
        self.drafts.dirty = false;
        self.drafts.saving.writing = true;
        run(
            move || store.save(&mut draft),
            move |r| DraftMessage::Saved(id, r),
        )
    }

    /// Does `after` once the draft on screen is on disk (at once when it already is).
    fn save_then(&mut self, after: AfterSave) -> Task<Message> {
        if !self.drafts.saving.writing && !self.needs_saving() {
            return self.proceed(after);
        }
        self.drafts.saving.then = Some(after);
        if self.drafts.saving.writing {
            Task::none()
        } else {
            self.write_draft()
        }
    }

    fn proceed(&mut self, after: AfterSave) -> Task<Message> {
        match after {
            AfterSave::Home => {
                self.screen = Screen::Home;
                self.picker = None;
                self.refresh_drafts()
            }
            AfterSave::Close(id) => window::close(id),
            AfterSave::Exit => iced::exit(),
        }
    }

    /// A save of the draft on screen ended.
    pub(super) fn saved(
        &mut self,
        id: Uuid,
        result: Result<OffsetDateTime, StoreError>,
    ) -> Task<Message> {
        self.drafts.saving.writing = false;
        let failure = match result {
            Ok(at) => {
                if let Screen::Wizard(w) = &mut self.screen
                    && w.draft().id == id
                {
                    w.mark_saved(at);
                    self.drafts.saved_at = Some(at);
                }
                None
            }
            Err(e) => {
                // Nothing is lost: the draft is still on screen and saving is retried with the
                // next change (or Ctrl+S).
                self.drafts.dirty = true;
                self.error_notice(&e);
                Some(e)
            }
        };
        if let Some(after) = self.drafts.saving.then.take() {
            return match failure {
                // Changed while it was written: write that too before going on.
                None if self.needs_saving() => {
                    self.drafts.saving.then = Some(after);
                    self.write_draft()
                }
                None => self.proceed(after),
                Some(e) => self.not_saved(after, &e),
            };
        }
        if std::mem::take(&mut self.drafts.saving.again) {
            self.drafts.dirty = true;
            return self.write_draft();
        }
        if self.drafts.dirty {
            self.changed()
        } else {
            Task::none()
        }
    }

    /// The save that `after` waited for failed: stay, and say so.
    fn not_saved(&mut self, after: AfterSave, e: &StoreError) -> Task<Message> {
        match after {
            AfterSave::Home => Task::none(),
            AfterSave::Exit => {
                // Nobody is left to read a notice: the standard error is all there is.
                eprintln!("{}", e.message(&self.l));
                iced::exit()
            }
            AfterSave::Close(id) if self.drafts.saving.close_anyway => window::close(id),
            AfterSave::Close(_) => {
                self.drafts.saving.close_anyway = true;
                self.notice = Some(format!(
                    "{} {}",
                    e.message(&self.l),
                    self.l.t("close-unsaved")
                ));
                Task::none()
            }
        }
    }

    /// The timer: write what changed, unless a write is under way (it is followed by another).
    pub(super) fn save_due(&mut self) -> Task<Message> {
        self.drafts.saving.scheduled = false;
        if self.drafts.dirty && !self.drafts.saving.writing {
            self.write_draft()
        } else {
            Task::none()
        }
    }

    /// Ctrl+S: save at once, even with nothing new.
    pub(super) fn save_now(&mut self) -> Task<Message> {
        self.drafts.dirty = true;
        if self.drafts.saving.writing {
            self.drafts.saving.again = true;
            Task::none()
        } else {
            self.write_draft()
        }
    }

    /// Saves the draft on screen, then ends the application.
    pub(super) fn save_then_exit(&mut self) -> Task<Message> {
        self.save_then(AfterSave::Exit)
    }

    pub(super) fn close_requested(&mut self, id: window::Id) -> Task<Message> {
        self.save_then(AfterSave::Close(id))
    }

    /// Leaving the wizard for the home screen: once the draft is on disk, list the drafts again.
    pub(super) fn leave_wizard(&mut self) -> Task<Message> {
        self.save_then(AfterSave::Home)
    }
}
