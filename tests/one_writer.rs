//! Every file the application writes goes through one helper, `src/fsutil.rs` (a new private
//! temporary file, fsync, rename, folder fsync, no symbolic link followed). This reads the
//! sources and fails on any other way of writing or replacing a file, so that a new one cannot
//! quietly bring back a fixed temporary name or a missing fsync.
//!
//! Test modules (`#[cfg(test)] mod … { … }`) are left out: tests plant files by hand. The lock
//! file (`src/store/lock.rs`) is the one exception: it is opened, locked and kept, not replaced.

use std::path::{Path, PathBuf};

const ALLOWED: [&str; 2] = ["src/fsutil.rs", "src/store/lock.rs"];

/// Ways of writing a file other than `fsutil::write_atomic`, and of making a folder other than
/// `fsutil::create_private_dir` (the app's folders hold personal data: owner only).
const WRITES: [&str; 9] = [
    "fs::write(",
    "File::create(",
    "OpenOptions::new(",
    "File::options(",
    "fs::rename(",
    "fs::copy(",
    "File::create_new(",
    "create_dir_all(",
    "DirBuilder::new(",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of `text` outside its `#[cfg(test)]` items, with their numbers.
fn outside_tests(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            out.push((n + 1, line));
            continue;
        }
        // Skip the item: up to its matching closing brace, or its `;` (`mod tests;`).
        let mut depth = 0i32;
        let mut opened = false;
        for (_, line) in lines.by_ref() {
            depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
            opened |= line.contains('{');
            if (opened && depth <= 0) || (!opened && line.trim_end().ends_with(';')) {
                break;
            }
        }
    }
    out
}

#[test]
fn files_are_written_only_through_fsutil() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in &files {
        let shown = file.strip_prefix(root).unwrap().display().to_string();
        if ALLOWED.contains(&shown.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in outside_tests(&text) {
            let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            if let Some(way) = WRITES.iter().find(|w| squeezed.contains(*w)) {
                found.push(format!("{shown}:{n}: {way} {}", line.trim()));
            }
        }
    }
    assert!(files.len() > 50, "the sources were found");
    assert!(
        found.is_empty(),
        "write through piqm_acces::fsutil::write_atomic instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn test_modules_are_left_out_and_nothing_else() {
    let text = "fn a() { std::fs::write(p, b); }\n\
                #[cfg(test)]\n\
                mod tests {\n    fn t() { if x { y } }\n}\n\
                #[cfg(test)]\n\
                mod more;\n\
                fn b() { File::create(p); }\n";
    let kept: Vec<usize> = outside_tests(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(kept, [1, 8]);
}
