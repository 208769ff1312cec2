//! What can go wrong with drafts on disk, in terms a face can turn into a sentence that names the
//! file and says what to do (`StoreError::message`).
//!
//! Nothing here logs: file names are shown to the user who owns them, never written elsewhere.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentValue;
use uuid::Uuid;

use super::summary::DraftSummary;
use crate::designation::{ParseError, ParseErrorKind};
use crate::i18n::Localizer;

/// The kinds of input/output failure a user can do something about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoKind {
    NotFound,
    PermissionDenied,
    /// The disk (or the user's quota) is full.
    DiskFull,
    /// The folder is on a read-only disk or share.
    ReadOnlyDisk,
    IsADirectory,
    NotADirectory,
    Other,
}

impl IoKind {
    pub fn of(e: &io::Error) -> IoKind {
        // The raw codes first: some of them have no stable `ErrorKind` on older toolchains.
        #[cfg(unix)]
        match e.raw_os_error() {
            Some(28 /* ENOSPC */) | Some(122 /* EDQUOT (Linux) */) => return IoKind::DiskFull,
            Some(30 /* EROFS */) => return IoKind::ReadOnlyDisk,
            _ => {}
        }
        #[cfg(windows)]
        match e.raw_os_error() {
            Some(39 /* ERROR_HANDLE_DISK_FULL */) | Some(112 /* ERROR_DISK_FULL */) => {
                return IoKind::DiskFull;
            }
            Some(19 /* ERROR_WRITE_PROTECT */) => return IoKind::ReadOnlyDisk,
            _ => {}
        }
        match e.kind() {
            io::ErrorKind::NotFound => IoKind::NotFound,
            io::ErrorKind::PermissionDenied => IoKind::PermissionDenied,
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => IoKind::DiskFull,
            io::ErrorKind::ReadOnlyFilesystem => IoKind::ReadOnlyDisk,
            io::ErrorKind::IsADirectory => IoKind::IsADirectory,
            io::ErrorKind::NotADirectory => IoKind::NotADirectory,
            _ => IoKind::Other,
        }
    }

    fn reason_id(self) -> &'static str {
        match self {
            IoKind::NotFound => "store-reason-not-found",
            IoKind::PermissionDenied => "store-reason-permission-denied",
            IoKind::DiskFull => "store-reason-disk-full",
            IoKind::ReadOnlyDisk => "store-reason-read-only-disk",
            IoKind::IsADirectory => "store-reason-is-a-directory",
            IoKind::NotADirectory => "store-reason-not-a-directory",
            IoKind::Other => "store-reason-other",
        }
    }
}

/// An input/output failure: its kind, and the system's own words (English, for support).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoProblem {
    pub kind: IoKind,
    pub detail: String,
}

impl IoProblem {
    /// What went wrong, as a phrase to put in a sentence ("le disque est plein ; …").
    pub fn reason(&self, l: &Localizer) -> String {
        l.t(self.kind.reason_id())
    }
}

impl From<&io::Error> for IoProblem {
    fn from(e: &io::Error) -> Self {
        IoProblem {
            kind: IoKind::of(e),
            detail: e.to_string(),
        }
    }
}

impl From<io::Error> for IoProblem {
    fn from(e: io::Error) -> Self {
        IoProblem::from(&e)
    }
}

/// Why a file is not a draft the application can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    Io(IoProblem),
    NotUtf8,
    /// Larger than any draft (or PDF copy, for an import) could be: not read.
    TooLarge {
        limit: u64,
    },
    /// A folder, a named pipe or a device: only regular files are read.
    NotAFile,
    /// A PDF whose attached designation decompresses to more than `limit` bytes: not a copy
    /// made by the application (perhaps a decompression bomb); reading stopped there.
    AttachmentTooLarge {
        limit: u64,
    },
    Parse(ParseError),
    /// In the drafts folder under a name the application does not give (`<id>.json`).
    UnexpectedName,
    /// `<a>.json` holds draft `b`: copied or renamed by hand.
    IdMismatch {
        found: Uuid,
    },
    /// A PDF that cannot be read (import of a signed copy).
    DamagedPdf,
    /// A PDF without the designation attached: not a copy made by this application.
    PdfWithoutDraft,
    /// The application failed while reading it (a defect, not the file's fault): the file is left
    /// where it is.
    ReaderFailed,
}

impl ReadProblem {
    /// Whether a newer version of the application could read the file: such a file is left
    /// where it is rather than set aside.
    /// Whether the file should stay in the drafts folder rather than go to quarantine: a newer
    /// version could read it, or the fault was the application's own.
    pub fn keeps_file_in_place(&self) -> bool {
        self.is_newer_version() || matches!(self, ReadProblem::ReaderFailed)
    }

    pub fn is_newer_version(&self) -> bool {
        matches!(
            self,
            ReadProblem::Parse(ParseError {
                kind: ParseErrorKind::NewerVersion { .. },
                ..
            })
        )
    }

    /// The reason as a phrase ("erreur de syntaxe JSON à la ligne 3, colonne 7").
    pub fn reason(&self, l: &Localizer) -> String {
        match self {
            ReadProblem::Io(p) => l.t(p.kind.reason_id()),
            ReadProblem::NotUtf8 => l.t("store-reason-not-utf8"),
            ReadProblem::TooLarge { limit } => l.t_args(
                "store-reason-too-large",
                &[("limit", crate::bounded::size_words(*limit, l).into())],
            ),
            ReadProblem::NotAFile => l.t("store-reason-not-a-file"),
            ReadProblem::AttachmentTooLarge { limit } => l.t_args(
                "store-reason-attachment-too-large",
                &[("limit", crate::bounded::size_words(*limit, l).into())],
            ),
            ReadProblem::UnexpectedName => l.t("store-reason-unexpected-name"),
            ReadProblem::IdMismatch { .. } => l.t("store-reason-id-mismatch"),
            ReadProblem::DamagedPdf => l.t("store-reason-damaged-pdf"),
            ReadProblem::PdfWithoutDraft => l.t("store-reason-pdf-without-draft"),
            ReadProblem::ReaderFailed => l.t("store-reason-reader-failed"),
            ReadProblem::Parse(e) => {
                let at: Vec<(&str, FluentValue)> =
                    vec![("line", e.line.into()), ("column", e.column.into())];
                match &e.kind {
                    ParseErrorKind::Syntax => l.t_args("store-reason-syntax", &at),
                    ParseErrorKind::Truncated => l.t_args("store-reason-truncated", &at),
                    ParseErrorKind::Content if e.line > 0 => {
                        l.t_args("store-reason-content-at", &at)
                    }
                    ParseErrorKind::Content => l.t("store-reason-content"),
                    ParseErrorKind::NoVersion => l.t("store-reason-no-version"),
                    ParseErrorKind::NewerVersion { found } => {
                        l.t_args("store-reason-newer-version", &[("found", (*found).into())])
                    }
                }
            }
        }
    }
}

/// What the store was doing when the disk said no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Creating the data folder or one of its subfolders.
    CreateFolder,
    /// Reading the list of files of a folder.
    ListFolder,
    Read,
    Save,
    /// Moving a file to the trash, back from it, or to quarantine.
    Move,
    /// Erasing the files of the trash.
    Erase,
    /// Taking the lock that keeps a second instance out.
    Lock,
    /// Writing a copy of a draft elsewhere.
    Export,
}

impl Action {
    fn message_id(self) -> &'static str {
        match self {
            Action::CreateFolder => "store-io-create-folder",
            Action::ListFolder => "store-io-list-folder",
            Action::Read => "store-io-read",
            Action::Save => "store-io-save",
            Action::Move => "store-io-move",
            Action::Erase => "store-io-erase",
            Action::Lock => "store-io-lock",
            Action::Export => "store-io-export",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// Another instance holds the data folder.
    Locked {
        data_dir: PathBuf,
        /// The other instance's process id, when it wrote it.
        pid: Option<u32>,
    },
    /// This store was opened read-only (another instance holds the folder).
    ReadOnly { data_dir: PathBuf },
    /// There is no data folder to open (the system names none for this account): nothing can be
    /// saved, listed or sent.
    NoDataFolder,
    /// No draft has this id (or id prefix).
    NotFound { id: String },
    /// The prefix names several drafts.
    Ambiguous { prefix: String, count: usize },
    /// A draft with the imported (or restored) draft's id is already there: the caller must
    /// choose between replacing it and keeping both.
    Conflict { existing: Box<DraftSummary> },
    /// A file that is not a draft the application can open. When it was in the drafts folder,
    /// it has been moved to `moved_to` (never deleted).
    Unreadable {
        path: PathBuf,
        problem: ReadProblem,
        moved_to: Option<PathBuf>,
    },
    /// The disk refused.
    Io {
        action: Action,
        path: PathBuf,
        problem: IoProblem,
    },
}

impl StoreError {
    pub(crate) fn io(action: Action, path: &Path, e: &io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: path.to_path_buf(),
            problem: e.into(),
        }
    }

    /// The error as a sentence that names the file and says what to do.
    pub fn message(&self, l: &Localizer) -> String {
        let shown = |p: &Path| p.display().to_string();
        match self {
            StoreError::Locked {
                data_dir,
                pid: Some(pid),
            } => l.t_args(
                "store-locked-pid",
                &[("path", shown(data_dir).into()), ("pid", (*pid).into())],
            ),
            StoreError::Locked {
                data_dir,
                pid: None,
            } => l.t_args("store-locked", &[("path", shown(data_dir).into())]),
            StoreError::ReadOnly { data_dir } => {
                l.t_args("store-read-only", &[("path", shown(data_dir).into())])
            }
            StoreError::NoDataFolder => l.t("store-no-data-folder"),
            StoreError::NotFound { id } => {
                l.t_args("store-not-found", &[("id", id.clone().into())])
            }
            StoreError::Ambiguous { prefix, count } => l.t_args(
                "store-ambiguous",
                &[
                    ("prefix", prefix.clone().into()),
                    ("count", (*count).into()),
                ],
            ),
            StoreError::Conflict { existing } => l.t_args(
                "store-conflict",
                &[
                    ("id", existing.id.to_string().into()),
                    ("name", existing.display_name(l).into()),
                ],
            ),
            StoreError::Unreadable {
                path,
                problem,
                moved_to: Some(moved_to),
            } => l.t_args(
                "store-quarantined",
                &[
                    ("file", file_name(path).into()),
                    ("reason", problem.reason(l).into()),
                    (
                        "folder",
                        shown(moved_to.parent().unwrap_or(moved_to)).into(),
                    ),
                ],
            ),
            StoreError::Unreadable {
                path,
                problem,
                moved_to: None,
            } => l.t_args(
                "store-unreadable",
                &[
                    ("path", shown(path).into()),
                    ("reason", problem.reason(l).into()),
                ],
            ),
            StoreError::Io {
                action,
                path,
                problem,
            } => l.t_args(
                action.message_id(),
                &[
                    ("path", shown(path).into()),
                    ("reason", l.t(problem.kind.reason_id()).into()),
                ],
            ),
        }
    }
}

/// The last component of a path, for messages.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl fmt::Display for StoreError {
    /// English, for support and `Debug`-like contexts; users get [`StoreError::message`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            self.message(&Localizer::new(crate::i18n::Lang::En))
        )
    }
}

impl std::error::Error for StoreError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn no_data_folder_says_so_without_command_line_words() {
        for lang in Lang::ALL {
            let l = Localizer::new(lang);
            let text = StoreError::NoDataFolder.message(&l);
            let not_found = StoreError::NotFound { id: String::new() }.message(&l);
            assert_ne!(text, not_found, "{lang:?}");
            assert!(!text.contains("--") && !text.contains("PIQM_"), "{text}");
            assert!(!text.contains("« »") && !text.contains("\"\""), "{text}");
        }
    }
}
