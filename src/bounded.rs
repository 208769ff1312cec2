//! Reading a file that comes from outside the application (a draft to check or import, a PDF
//! copy, a PKCS #12 file, the settings): never more than a stated size, never from a named pipe
//! or a device, never waiting.
//!
//! A file is opened without blocking ([`crate::fsutil::open_for_reading`]), what was opened is
//! looked at (a regular file, or it is refused), and at most `limit + 1` bytes are read, so that
//! a file growing while it is read, or lying about its size, is still caught. The limits are far
//! above what the application writes (a draft is about 2 KB, a copy about 30 KB) and far below
//! what would hurt the computer.

use std::io::{self, Read};
use std::path::Path;

use crate::i18n::Localizer;

/// A draft file (`check`, `export`, `print`, `submit`, an import): a full one is about 2 KB.
pub const MAX_DRAFT_BYTES: u64 = 1024 * 1024;
/// A signed PDF copy given to an import: about 30 KB.
pub const MAX_PDF_BYTES: u64 = 16 * 1024 * 1024;
/// The designation attached to a PDF copy, once decompressed: the same bound as a draft file.
pub const MAX_ATTACHMENT_BYTES: u64 = MAX_DRAFT_BYTES;
/// A PKCS #12 file (`.p12`, `.pfx`): a key and a few certificates, a few KB.
pub const MAX_PKCS12_BYTES: u64 = 1024 * 1024;
/// The settings file: a few hundred bytes.
pub const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// Why a file from outside was not read.
#[derive(Debug)]
pub enum BoundedError {
    /// Larger than `limit` bytes: not read into memory.
    TooLarge { limit: u64 },
    /// A folder, a named pipe, a device: only regular files are read.
    NotAFile,
    /// The system refused to open or read it.
    Io(io::Error),
}

impl From<io::Error> for BoundedError {
    fn from(e: io::Error) -> Self {
        BoundedError::Io(e)
    }
}

/// What the file was expected to be: it says what to choose instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A draft file (`.json`).
    Draft,
    /// A draft file or a signed PDF copy (an import).
    DraftOrCopy,
    /// A PKCS #12 file.
    Pkcs12,
    /// The settings file.
    Settings,
    /// A PDF file to print.
    Pdf,
}

impl Expected {
    /// The value of `$kind` in the messages.
    fn code(self) -> &'static str {
        match self {
            Expected::Draft => "draft",
            Expected::DraftOrCopy => "import",
            Expected::Pkcs12 => "pkcs12",
            Expected::Settings => "settings",
            Expected::Pdf => "pdf",
        }
    }
}

/// The whole content of the regular file at `path`, if it holds at most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(BoundedError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Checks that `path` is a regular file that can be opened, for a file another program will read
/// (the printing system): never a pipe or a device it would wait on or read without end.
pub fn ordinary_file(path: &Path) -> Result<(), BoundedError> {
    open_regular(path).map(|_| ())
}

/// Opens `path` without waiting, and refuses what is not a regular file. Looked at on what was
/// opened, not on the name: nothing can be swapped in between.
fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), BoundedError> {
    let file = crate::fsutil::open_for_reading(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(BoundedError::NotAFile);
    }
    Ok((file, meta))
}

impl BoundedError {
    /// The whole sentence for the user: the file, the limit, what to do.
    pub fn message(&self, path: &Path, expected: Expected, l: &Localizer) -> String {
        let shown = path.display().to_string();
        let kind = expected.code();
        match self {
            BoundedError::TooLarge { limit } => l.t_args(
                "read-too-large",
                &[
                    ("path", shown.into()),
                    ("limit", size_words(*limit, l).into()),
                    ("kind", kind.into()),
                ],
            ),
            BoundedError::NotAFile => l.t_args(
                "read-not-a-file",
                &[("path", shown.into()), ("kind", kind.into())],
            ),
            BoundedError::Io(e) => l.t_args(
                "cli-file-unreadable",
                &[("path", shown.into()), ("reason", io_reason(e, l).into())],
            ),
        }
    }
}

/// A size in words: "1 Mio", "64 Kio" ("1 MiB", "64 KiB").
pub fn size_words(bytes: u64, l: &Localizer) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        l.t_args("size-mib", &[("n", (bytes / MIB).into())])
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        l.t_args("size-kib", &[("n", (bytes / KIB).into())])
    } else {
        l.t_args("size-bytes", &[("n", bytes.into())])
    }
}

/// Why the system refused, as a phrase.
pub fn io_reason(e: &io::Error, l: &Localizer) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => l.t("io-not-found"),
        io::ErrorKind::PermissionDenied => l.t("io-permission-denied"),
        io::ErrorKind::IsADirectory => l.t("io-is-a-directory"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_up_to_the_limit_and_refuses_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_bounded(&path, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_bounded(&path, 9),
            Err(BoundedError::TooLarge { limit: 9 })
        ));
    }

    #[test]
    fn a_folder_is_not_a_file_and_a_missing_file_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_bounded(dir.path(), 10),
            Err(BoundedError::NotAFile | BoundedError::Io(_))
        ));
        assert!(matches!(
            read_bounded(&dir.path().join("absent"), 10),
            Err(BoundedError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading_them() {
        // /dev/zero never ends: it is refused before a byte is read.
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(BoundedError::NotAFile)
        ));
    }

    #[test]
    fn sizes_in_words() {
        let l = Localizer::new(crate::i18n::Lang::Fr);
        assert_eq!(size_words(MAX_SETTINGS_BYTES, &l), "64 Kio");
        assert_eq!(size_words(MAX_PDF_BYTES, &l), "16 Mio");
        let l = Localizer::new(crate::i18n::Lang::En);
        assert_eq!(size_words(MAX_DRAFT_BYTES, &l), "1 MiB");
    }
}
