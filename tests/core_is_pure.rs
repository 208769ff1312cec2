//! The core (`src/designation/`, `src/wizard.rs`, `src/reference/`) holds the rules and stays
//! pure: no GUI toolkit, no async runtime, no HTTP client, no file system, and nothing of the
//! services or faces above it. This reads its source files and fails on any mention.
//!
//! Whole files are read, test modules included: the core's tests need none of these either, and
//! a test module that did would be the first step of the rule bending. Comments are read too, so
//! that a commented-out `use iced::…` is not left lying around; the words below are specific
//! enough not to appear in prose (`iced` only counts as a whole word).

use std::path::{Path, PathBuf};

/// Crate names and paths the core must not mention.
const FORBIDDEN_WORDS: [&str; 3] = ["iced", "tokio", "reqwest"];

/// The modules of the crate the core may use: itself.
const CORE_MODULES: [&str; 3] = ["designation", "wizard", "reference"];

fn core_files() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("wizard.rs")];
    let mut dirs = vec![src.join("designation"), src.join("reference")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `word` occurs in `line` as an identifier of its own or the start of a crate name
/// (`iced`, `iced::`, `iced_core`), not inside another word (`sliced`).
fn mentions(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// The file system, however it is named: `std::fs`, `std::{fs, …}`, `fs::read`.
fn mentions_fs(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.contains("std::fs")
        || (squeezed.contains("std::{") && mentions(&squeezed, "fs"))
        || squeezed
            .match_indices("fs::")
            .any(|(at, _)| !squeezed[..at].chars().next_back().is_some_and(is_ident))
        || squeezed.contains("File::open")
        || squeezed.contains("File::create")
}

/// A path into the crate outside the core: `crate::store`, `crate::{gui, …}`.
fn outside_module(line: &str) -> Option<String> {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let mut found = None;
    for (at, _) in squeezed.match_indices("crate::") {
        let rest = &squeezed[at + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group
                .split('}')
                .next()
                .unwrap_or_default()
                .split(',')
                .map(|n| n.split("::").next().unwrap_or_default())
                .collect(),
            None => vec![
                rest.split(|c: char| !is_ident(c))
                    .next()
                    .unwrap_or_default(),
            ],
        };
        if let Some(name) = names
            .into_iter()
            .find(|n| !n.is_empty() && !CORE_MODULES.contains(n))
        {
            found = Some(name.to_string());
        }
    }
    found
}

fn violations() -> Vec<String> {
    let mut out = Vec::new();
    for file in core_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&file)
            .display()
            .to_string();
        for (n, line) in text.lines().enumerate() {
            let at = format!("{shown}:{}", n + 1);
            for word in FORBIDDEN_WORDS {
                if mentions(line, word) {
                    out.push(format!("{at}: {word}: {line}"));
                }
            }
            if mentions_fs(line) {
                out.push(format!("{at}: the file system: {line}"));
            }
            if let Some(module) = outside_module(line) {
                out.push(format!("{at}: crate::{module}: {line}"));
            }
        }
    }
    out
}

#[test]
fn the_core_mentions_no_gui_runtime_http_client_file_system_or_service() {
    let files = core_files();
    assert!(files.len() > 10, "the core's files were found: {files:?}");
    let found = violations();
    assert!(
        found.is_empty(),
        "the core must stay pure:\n{}",
        found.join("\n")
    );
}

/// The checks themselves catch what they are for (and let ordinary words through).
#[test]
fn the_checks_catch_each_form() {
    assert!(mentions("use iced::widget::text;", "iced"));
    assert!(mentions("iced_core::Color", "iced"));
    assert!(mentions("    tokio::spawn(async {})", "tokio"));
    assert!(!mentions("a sliced list, priced", "iced"));
    assert!(mentions_fs("use std::fs;"));
    assert!(mentions_fs("use std::{fs, io};"));
    assert!(mentions_fs("let t = fs::read_to_string(p)?;"));
    assert!(mentions_fs("std :: fs :: write(p, b)"));
    assert!(!mentions_fs("let offs::x = 1; // refs::get"));
    assert_eq!(
        outside_module("use crate::store::DraftStore;").as_deref(),
        Some("store")
    );
    assert_eq!(
        outside_module("use crate::{designation::Field, gui::App};").as_deref(),
        Some("gui")
    );
    assert_eq!(outside_module("use crate::designation::Field;"), None);
    assert_eq!(outside_module("crate::reference::Reference::get()"), None);
}
