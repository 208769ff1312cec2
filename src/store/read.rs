//! Reading draft files: one, or a whole folder of them quickly.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::error::ReadProblem;
use super::index::{FileStamp, Index};
use super::summary::DraftSummary;
use crate::bounded::{BoundedError, read_bounded};
use crate::designation::{self, Designation};
use crate::fsutil::TEMP_PREFIX;
use crate::reference::Reference;

/// No draft comes near this size (a full one is about 2 KB); a bigger file is not a draft, and
/// is not read into memory.
pub use crate::bounded::MAX_DRAFT_BYTES;

/// A signed PDF copy (about 30 KB) may be imported; nothing bigger is read into memory.
pub use crate::bounded::MAX_PDF_BYTES;

/// Reads and parses one draft file. `expected` is the id its name gives, if any; without one
/// (an import), a signed PDF copy is accepted too and its attached designation read.
pub fn read_draft(path: &Path, expected: Option<Uuid>) -> Result<Designation, ReadProblem> {
    let limit = if expected.is_none() {
        MAX_PDF_BYTES
    } else {
        MAX_DRAFT_BYTES
    };
    let bytes = read_bounded(path, limit).map_err(|e| match e {
        BoundedError::TooLarge { limit } => ReadProblem::TooLarge { limit },
        BoundedError::NotAFile => ReadProblem::NotAFile,
        BoundedError::Io(e) => ReadProblem::Io(e.into()),
    })?;
    if bytes.starts_with(b"%PDF") && expected.is_none() {
        return crate::pdf::extract_designation(&bytes).map_err(|e| match e {
            crate::pdf::ExtractError::NotPdf(_) => ReadProblem::DamagedPdf,
            crate::pdf::ExtractError::NoAttachment => ReadProblem::PdfWithoutDraft,
            crate::pdf::ExtractError::Draft(e) => ReadProblem::Parse(e),
            crate::pdf::ExtractError::TooLarge { limit } => {
                ReadProblem::AttachmentTooLarge { limit }
            }
        });
    }
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(ReadProblem::TooLarge {
            limit: MAX_DRAFT_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| ReadProblem::NotUtf8)?;
    let draft = designation::from_json(&text).map_err(ReadProblem::Parse)?;
    match expected {
        Some(id) if id != draft.id => Err(ReadProblem::IdMismatch { found: draft.id }),
        _ => Ok(draft),
    }
}

/// The id a file name gives (`<id>.json`, in the canonical lower-case form the store writes).
pub fn id_of_name(name: &str) -> Option<Uuid> {
    let stem = name.strip_suffix(".json")?;
    let id = Uuid::parse_str(stem).ok()?;
    (id.as_hyphenated().to_string() == stem).then_some(id)
}

/// The `.json` files of a folder, with the id each name gives. Temporary files, hidden files,
/// other extensions and subfolders are not drafts and are left alone. A missing folder is empty.
fn draft_files(dir: &Path) -> io::Result<Vec<(PathBuf, Option<Uuid>)>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with(TEMP_PREFIX) || !name.ends_with(".json") {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        files.push((entry.path(), id_of_name(&name)));
    }
    Ok(files)
}

/// The ids of the drafts of a folder, from the file names alone.
pub fn draft_ids(dir: &Path) -> io::Result<Vec<Uuid>> {
    Ok(draft_files(dir)?
        .into_iter()
        .filter_map(|(_, id)| id)
        .collect())
}

type Summarized = (PathBuf, Result<DraftSummary, ReadProblem>);

/// Reads and summarizes every draft of a folder, on all cores.
pub fn read_folder(dir: &Path, refs: &Reference) -> Result<Vec<Summarized>, super::StoreError> {
    read_folder_with(dir, &|path, id| {
        read_draft(path, Some(id)).map(|d| DraftSummary::of(&d, refs))
    })
}

/// [`read_folder`] with the reader of one file given, so that a test can make one fail.
///
/// A reader that panics (a defect of the application, not of the file) is caught for that file
/// alone and reported as [`ReadProblem::ReaderFailed`]: its draft is listed as unreadable, left in
/// place, instead of vanishing silently from the list with the rest of its thread's files.
fn read_folder_with<F>(dir: &Path, read: &F) -> Result<Vec<Summarized>, super::StoreError>
where
    F: Fn(&Path, Uuid) -> Result<DraftSummary, ReadProblem> + Sync,
{
    let files =
        draft_files(dir).map_err(|e| super::StoreError::io(super::Action::ListFolder, dir, &e))?;
    Ok(summarize_files(&files, read))
}

/// As [`read_folder`], taking from `index` the summary of every file whose version it knows
/// and noting there the summaries of the files read.
pub fn read_folder_indexed(
    dir: &Path,
    refs: &Reference,
    index: &mut Index,
) -> Result<Vec<Summarized>, super::StoreError> {
    let files =
        draft_files(dir).map_err(|e| super::StoreError::io(super::Action::ListFolder, dir, &e))?;
    let mut summarized = Vec::with_capacity(files.len());
    let mut to_read = Vec::new();
    let mut stamps = Vec::new();
    for (path, id) in files {
        // Taken before the file is read: a change made while it is read shows as a new
        // version at the next listing, never the reverse.
        let stamp = fs::metadata(&path).ok().and_then(|m| FileStamp::of(&m));
        match id.zip(stamp).and_then(|(id, s)| index.take(id, s)) {
            Some(summary) => summarized.push((path, Ok(summary))),
            None => {
                stamps.push(stamp);
                to_read.push((path, id));
            }
        }
    }
    let read = |path: &Path, id| read_draft(path, Some(id)).map(|d| DraftSummary::of(&d, refs));
    for ((path, result), stamp) in summarize_files(&to_read, &read).into_iter().zip(stamps) {
        if let (Ok(summary), Some(stamp)) = (&result, stamp) {
            index.record_read(summary.id, stamp);
        }
        summarized.push((path, result));
    }
    Ok(summarized)
}

/// Reads and summarizes these files, on all cores.
fn summarize_files<F>(files: &[(PathBuf, Option<Uuid>)], read: &F) -> Vec<Summarized>
where
    F: Fn(&Path, Uuid) -> Result<DraftSummary, ReadProblem> + Sync,
{
    let summarize = |(path, id): &(PathBuf, Option<Uuid>)| -> Summarized {
        let result = match *id {
            None => Err(ReadProblem::UnexpectedName),
            // Unwind safety: a reader only reads its file and the immutable reference data, so
            // nothing it leaves half-done is seen afterwards.
            Some(id) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(path, id)))
                .unwrap_or(Err(ReadProblem::ReaderFailed)),
        };
        (path.clone(), result)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || files.len() < 64 {
        return files.iter().map(summarize).collect();
    }
    let chunk = files.len().div_ceil(threads);
    let summarize = &summarize;
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(summarize).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            // Every panic of a reader is caught above; one here is a defect of this function
            // and is passed on rather than hidden.
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::designation::Designation;
    use time::OffsetDateTime;

    /// `count` real draft files in a folder; returns their ids in name order.
    fn folder_of(count: usize) -> (tempfile::TempDir, Vec<Uuid>) {
        let dir = tempfile::tempdir().unwrap();
        let mut ids = Vec::new();
        for _ in 0..count {
            let d = Designation::new(OffsetDateTime::UNIX_EPOCH);
            let path = dir.path().join(super::super::file_of(d.id));
            std::fs::write(&path, super::super::to_bytes(&d)).unwrap();
            ids.push(d.id);
        }
        (dir, ids)
    }

    fn panicking_reader_is_reported_for_its_file_alone(count: usize) {
        let (dir, ids) = folder_of(count);
        let refs = Reference::get();
        let bad = ids[count / 2];
        let read = |path: &Path, id: Uuid| {
            assert_ne!(id, bad, "a defect while reading {bad}");
            read_draft(path, Some(id)).map(|d| DraftSummary::of(&d, refs))
        };
        let listed = read_folder_with(dir.path(), &read).unwrap();
        assert_eq!(listed.len(), count, "no draft vanished");
        let failed: Vec<_> = listed
            .iter()
            .filter(|(_, r)| matches!(r, Err(ReadProblem::ReaderFailed)))
            .map(|(p, _)| p.clone())
            .collect();
        assert_eq!(failed, [dir.path().join(super::super::file_of(bad))]);
        assert_eq!(listed.iter().filter(|(_, r)| r.is_ok()).count(), count - 1);
    }

    #[test]
    fn a_panicking_reader_is_a_problem_for_its_file_when_read_in_turn() {
        panicking_reader_is_reported_for_its_file_alone(5);
    }

    #[test]
    fn a_panicking_reader_is_a_problem_for_its_file_when_read_on_threads() {
        // Enough files for the threaded path on a machine with two cores or more.
        panicking_reader_is_reported_for_its_file_alone(100);
    }
}
