//! The drafts list's cache (`index.json`, src/store/index.rs): a file whose version is unchanged
//! is not read again, and the list stays true when a file changes, goes, breaks, or when the
//! index itself is broken or from another build.

use std::path::{Path, PathBuf};

use piqm_acces::designation::{Designation, from_json};
use piqm_acces::store::DraftStore;
use uuid::Uuid;

fn example() -> Designation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/examples/organisme.json");
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A data folder with three drafts named "Régie A", "Régie B", "Régie C"; their files.
fn folder() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let files = ["A", "B", "C"]
        .iter()
        .map(|n| {
            let mut d = example();
            d.id = Uuid::new_v4();
            d.organization.name = format!("Régie {n}");
            store.save(&mut d).unwrap();
            dir.path().join(format!("drafts/{}.json", d.id))
        })
        .collect();
    (dir, files)
}

fn names(dir: &Path) -> Vec<String> {
    let store = DraftStore::open(dir).unwrap();
    let mut names: Vec<String> = (store.list().unwrap().drafts.into_iter())
        .map(|s| s.organization_name)
        .collect();
    names.sort();
    names
}

/// Rewrites a file in place with the same length and gives it back its modification time:
/// the same version as far as size, time and inode tell.
fn rewrite_keeping_identity(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(path).unwrap().replace(from, to);
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified).unwrap();
}

#[test]
fn a_file_whose_version_is_unchanged_is_not_read_again() {
    let (dir, files) = folder();
    assert_eq!(names(dir.path()), ["Régie A", "Régie B", "Régie C"]);
    assert!(
        dir.path().join("index.json").is_file(),
        "the first listing writes the index"
    );
    // The same size, time and inode: the listing takes the summary from the index.
    rewrite_keeping_identity(&files[0], "Régie A", "Régie Z");
    assert_eq!(names(dir.path()), ["Régie A", "Régie B", "Régie C"]);
    // Without the index, the file is read.
    std::fs::remove_file(dir.path().join("index.json")).unwrap();
    assert_eq!(names(dir.path()), ["Régie B", "Régie C", "Régie Z"]);
}

#[test]
fn the_list_follows_files_that_change_go_or_break() {
    let (dir, files) = folder();
    let store = DraftStore::open(dir.path()).unwrap();
    assert_eq!(store.list().unwrap().drafts.len(), 3);
    // Saved again by the application (a new file renamed over the old one).
    let mut d = store.load(id_of(&files[1])).unwrap();
    d.organization.name = "Régie B renommée".into();
    store.save(&mut d).unwrap();
    // Deleted by hand, and broken by hand.
    std::fs::remove_file(&files[2]).unwrap();
    std::fs::write(&files[0], b"{ not json").unwrap();
    let listing = store.list().unwrap();
    let names: Vec<_> = listing
        .drafts
        .iter()
        .map(|s| s.organization_name.as_str())
        .collect();
    assert_eq!(names, ["Régie B renommée"]);
    assert_eq!(listing.unreadable.len(), 1, "the broken file is reported");
    assert_eq!(listing.unreadable[0].path, files[0]);
    // And the next listing, from the index, says the same.
    let again = store.list().unwrap();
    assert_eq!(again.drafts, listing.drafts);
}

#[test]
fn a_broken_or_foreign_index_is_ignored() {
    let (dir, files) = folder();
    assert_eq!(names(dir.path()).len(), 3);
    let index = dir.path().join("index.json");
    let good = std::fs::read_to_string(&index).unwrap();

    // Broken: the files are read.
    std::fs::write(&index, b"\x00\xff garbage").unwrap();
    assert_eq!(names(dir.path()), ["Régie A", "Régie B", "Régie C"]);

    // From another build: its summaries are not trusted, even for files it knows as they are.
    let foreign = good.replacen("\"build\":\"", "\"build\":\"another build ", 1);
    assert_ne!(foreign, good);
    std::fs::write(&index, foreign).unwrap();
    rewrite_keeping_identity(&files[0], "Régie A", "Régie Z");
    assert_eq!(names(dir.path()), ["Régie B", "Régie C", "Régie Z"]);
}

fn id_of(path: &Path) -> Uuid {
    Uuid::parse_str(path.file_stem().unwrap().to_str().unwrap()).unwrap()
}
