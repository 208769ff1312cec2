//! One instance at a time: an exclusive advisory lock on `<data dir>/.lock`.
//!
//! The operating system releases the lock when the process ends, however it ends (crash, kill,
//! power cut), so a stale lock never keeps the user out. The holder writes its process id into the
//! file so that the second instance can say which process holds it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::Path;

use super::error::{Action, StoreError};

pub const LOCK_FILE: &str = ".lock";

/// Takes the lock, or says who holds it.
pub fn acquire(data_dir: &Path) -> Result<File, StoreError> {
    let path = data_dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&path)
        .map_err(|e| StoreError::io(Action::Lock, &path, &e))?;
    match file.try_lock() {
        Ok(()) => {
            // Only informative: a failure here changes nothing to the lock itself.
            let _ = file
                .set_len(0)
                .and_then(|()| file.write_all(std::process::id().to_string().as_bytes()));
            Ok(file)
        }
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
            data_dir: data_dir.to_path_buf(),
            pid: holder(&path),
        }),
        Err(TryLockError::Error(e)) => Err(StoreError::io(Action::Lock, &path, &e)),
    }
}

/// The process id written by the holder, if it could be read.
fn holder(path: &Path) -> Option<u32> {
    let mut text = String::new();
    File::open(path).ok()?.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}
