//! File dialogs behind a trait: the GUI asks for a path to save or open, tests answer without
//! a desktop, and "no dialog available" is told apart from "cancelled".

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown (no desktop portal, no zenity): the user must be told, and
    /// offered another way (the command line).
    Unavailable,
}

pub type DialogFuture = Pin<Box<dyn Future<Output = DialogOutcome> + Send>>;

/// A filter such as ("Brouillon de désignation", ["json"]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub name: String,
    pub extensions: Vec<String>,
}

pub trait FileDialogs: Send + Sync {
    fn save(&self, title: String, default_name: String, filter: Filter) -> DialogFuture;
    fn open(&self, title: String, filter: Filter) -> DialogFuture;
}

/// The system's dialogs (rfd through the XDG desktop portal on Linux).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemDialogs;

impl FileDialogs for SystemDialogs {
    fn save(&self, title: String, default_name: String, filter: Filter) -> DialogFuture {
        Box::pin(async move {
            let started = std::time::Instant::now();
            let dialog = rfd::AsyncFileDialog::new()
                .set_title(title)
                .set_file_name(default_name)
                .add_filter(filter.name, &filter.extensions);
            outcome(
                dialog.save_file().await.map(|h| h.path().to_path_buf()),
                started,
            )
        })
    }

    fn open(&self, title: String, filter: Filter) -> DialogFuture {
        Box::pin(async move {
            let started = std::time::Instant::now();
            let dialog = rfd::AsyncFileDialog::new()
                .set_title(title)
                .add_filter(filter.name, &filter.extensions);
            outcome(
                dialog.pick_file().await.map(|h| h.path().to_path_buf()),
                started,
            )
        })
    }
}

/// rfd answers `None` both when the user cancels and when no dialog could open; the latter
/// comes back at once (measured: 15 ms), which no person cancelling can match.
fn outcome(path: Option<PathBuf>, started: std::time::Instant) -> DialogOutcome {
    match path {
        Some(p) => DialogOutcome::Chosen(p),
        None if started.elapsed() < std::time::Duration::from_millis(300) => {
            DialogOutcome::Unavailable
        }
        None => DialogOutcome::Cancelled,
    }
}

/// Answers every dialog with the same path: for tests and scripted runs.
#[derive(Debug, Clone)]
pub struct FixedDialogs(pub Option<PathBuf>);

impl FileDialogs for FixedDialogs {
    fn save(&self, _title: String, _default_name: String, _filter: Filter) -> DialogFuture {
        let answer = self.0.clone();
        Box::pin(async move { answer.map_or(DialogOutcome::Cancelled, DialogOutcome::Chosen) })
    }

    fn open(&self, _title: String, _filter: Filter) -> DialogFuture {
        let answer = self.0.clone();
        Box::pin(async move { answer.map_or(DialogOutcome::Cancelled, DialogOutcome::Chosen) })
    }
}
