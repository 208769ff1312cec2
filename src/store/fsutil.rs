//! File operations that survive a crash or a power cut at any moment.
//!
//! A file is replaced by writing a temporary file in the same folder, flushing it to the disk,
//! renaming it over the old one (atomic on every supported system), then flushing the folder so
//! that the rename itself is on the disk. At every instant the file holds either its old or its
//! new content, never a mix and never nothing.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Temporary files start with this, so no listing ever takes them for drafts.
pub const TEMP_PREFIX: &str = ".tmp-";

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

/// Opens a new file for writing, readable by its owner only when `private`.
fn create_new(path: &Path, private: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(PRIVATE_FILE_MODE);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)
}

/// Replaces (or creates) `path` with `bytes`, atomically and durably. `private` files are
/// readable by their owner only. On failure the old file is untouched and no temporary file is
/// left behind (unless the process dies, see [`remove_stale_temp_files`]).
pub fn write_atomic(path: &Path, bytes: &[u8], private: bool) -> io::Result<()> {
    let dir = parent_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(
        "{TEMP_PREFIX}{}-{name}",
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        let mut file = create_new(&temp, private)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        // The temporary file is ours alone; the draft itself was not touched.
        let _ = fs::remove_file(&temp);
    }
    result
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

/// The folder of `path` ("." for a bare file name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
