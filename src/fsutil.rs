//! File operations that survive a crash or a power cut at any moment; every file the application
//! writes goes through [`write_atomic`] (drafts, their state, settings, the signing identity, the
//! PDF copy).
//!
//! A file is replaced by writing a temporary file in the same folder, flushing it to the disk,
//! renaming it over the old one (atomic on every supported system), then flushing the folder so
//! that the rename itself is on the disk. At every instant the file holds either its old or its
//! new content, never a mix and never nothing.
//!
//! The temporary file has a fresh random name and is created new (`O_CREAT | O_EXCL`), so a file
//! or a symbolic link planted under that name makes the write fail instead of being followed. The
//! rename replaces the directory entry of the target: a symbolic link there is replaced by the
//! new file, never followed to overwrite what it points at.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Temporary files start with this, so no listing ever takes them for drafts.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Who may read a file once written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Its owner only (0600 on unix): drafts, settings (a token), keys — anything with personal
    /// data that stays on this computer.
    Private,
    /// The ordinary permissions of a new file (0666 less the umask): files the user exports on
    /// purpose to hand to someone else (the PDF copy, a draft for a colleague).
    Shared,
}

/// Drafts hold personal data: only their owner may read them.
#[cfg(unix)]
const PRIVATE_FILE_MODE: u32 = 0o600;
#[cfg(unix)]
const PRIVATE_DIR_MODE: u32 = 0o700;

/// Creates `dir` (and missing parents) readable by its owner only; an existing folder is left as it
/// is.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(PRIVATE_DIR_MODE);
    }
    builder.create(dir)
}

/// Opens a new file for writing (never an existing one, never through a symbolic link), with the
/// permissions of `access` from its creation on: no instant where others could open it.
fn create_new(path: &Path, access: Access) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if access == Access::Private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(PRIVATE_FILE_MODE);
    }
    #[cfg(not(unix))]
    let _ = access;
    options.open(path)
}

/// Replaces (or creates) `path` with `bytes`, atomically and durably, readable as `access` says.
/// A symbolic link at `path` is replaced, not followed. On failure the old file is untouched and
/// no temporary file is left behind (unless the process dies, see [`remove_stale_temp_files`]).
pub fn write_atomic(path: &Path, bytes: &[u8], access: Access) -> io::Result<()> {
    let dir = parent_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = temp_path(&dir, &name);
    let result = (|| {
        let mut file = create_new(&temp, access)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        // The temporary file is ours alone; the target itself was not touched.
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A fresh temporary name in `dir` for a file to be renamed to `name`: a random part, so two
/// writers (or a planted file) never share it.
fn temp_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(
        "{TEMP_PREFIX}{}-{name}",
        uuid::Uuid::new_v4().simple()
    ))
}

/// Moves a file to another folder of the same disk, atomically, and makes both folders durable.
pub fn move_file(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)?;
    sync_dir(&parent_of(to))?;
    sync_dir(&parent_of(from))
}

/// Makes the entries of a folder (creations, renames, removals) durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    // Windows cannot open a folder as a file without special flags, and its rename is already
    // journaled by NTFS.
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes the temporary files a killed process may have left in `dir`. Only the holder of the
/// store's lock calls this, so no other writer can be using them. They never hold the only copy
/// of anything: the file they were to replace is still in place.
pub fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Opens a file to read it, never waiting and never creating anything: on unix with
/// `O_NONBLOCK`, so that a named pipe opens at once instead of waiting for a writer (and with
/// `O_NOCTTY`, so that a terminal never becomes ours). What was opened may still be a pipe, a
/// device or a folder: [`crate::bounded::read_bounded`] looks before reading.
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// The folder of `path` ("." for a bare file name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_files(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(TEMP_PREFIX))
            .collect()
    }

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"a much longer first content", Access::Private).unwrap();
        write_atomic(&path, b"short", Access::Private).unwrap();
        assert_eq!(
            fs::read(&path).unwrap(),
            b"short",
            "no tail of the old content"
        );
        assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_0600_and_shared_ones_follow_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let private = dir.path().join("private");
        // A file that was readable by all becomes private once replaced: the mode is the new
        // file's, not the old one's.
        fs::write(&private, b"old").unwrap();
        fs::set_permissions(&private, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&private, b"x", Access::Private).unwrap();
        assert_eq!(mode(&private), 0o600);
        let shared = dir.path().join("shared.pdf");
        write_atomic(&shared, b"x", Access::Shared).unwrap();
        // Whatever the umask, a shared file is readable by its owner and not private.
        assert_ne!(mode(&shared), 0o600);
        assert_eq!(mode(&shared) & 0o600, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_at_the_target_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, b"must stay").unwrap();
        let path = dir.path().join("config.toml");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        write_atomic(&path, b"new", Access::Private).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"must stay");
        let meta = fs::symlink_metadata(&path).unwrap();
        assert!(meta.file_type().is_file(), "the link itself was replaced");
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn temporary_names_are_unique_and_never_reuse_an_existing_entry() {
        // Two writers of the same file at once each get their own temporary file: the names
        // differ on every call.
        let dir = Path::new("/some/folder");
        let names: std::collections::HashSet<_> =
            (0..100).map(|_| temp_path(dir, "a.json")).collect();
        assert_eq!(names.len(), 100);
        assert!(names.iter().all(|p| {
            p.parent() == Some(dir)
                && p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(TEMP_PREFIX)
        }));
        // And the temporary file is created new: an entry already there (here a link to a file
        // that must not be written through) makes creation fail rather than follow it.
        let tmp = tempfile::tempdir().unwrap();
        let victim = tmp.path().join("victim");
        fs::write(&victim, b"must stay").unwrap();
        let planted = tmp.path().join(".tmp-planted");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let err = create_new(&planted, Access::Private).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&victim).unwrap(), b"must stay");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails after the temporary file was written.
        let path = dir.path().join("folder");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), b"kept").unwrap();
        assert!(write_atomic(&path, b"x", Access::Private).is_err());
        assert_eq!(fs::read(path.join("inside")).unwrap(), b"kept");
        assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    }
}
