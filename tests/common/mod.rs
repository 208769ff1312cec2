//! Helpers shared by the PDF tests: example drafts, a signing identity, and the external
//! validators (poppler's pdfsig and pdftotext, qpdf, pyHanko, CUPS).
#![allow(dead_code)]

#[path = "../tools/mod.rs"]
mod tools;
pub mod verify;

use std::path::{Path, PathBuf};
use std::process::Command;

use piqm_acces::designation::{self, Designation};
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::{self, ExportOptions, Identity, Paper, Subject};
use time::OffsetDateTime;

#[allow(unused_imports)]
pub use tools::{missing, tool};

pub fn example_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("resources/examples")
        .join(name)
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn example(name: &str) -> Designation {
    designation::from_json(&std::fs::read_to_string(example_path(name)).unwrap()).unwrap()
}

/// 24 November 2026, 14:32, Québec winter time.
pub fn now() -> OffsetDateTime {
    time::macros::datetime!(2026-11-24 14:32:05 -05:00)
}

/// A self-signed identity naming the demandeur and the organisme of `d` (what the validators'
/// "Signer Certificate Common Name" then shows). The installation's own names the installation
/// instead (`IdentityStore::self_signed`, tests/identity_keys.rs).
pub fn identity_for(d: &Designation) -> Identity {
    let subject = Subject {
        name: format!("{} {}", d.requester.first_name, d.requester.last_name),
        organization: d.organization.name.clone(),
    };
    Identity::self_signed(&subject, now()).unwrap()
}

pub fn export(d: &Designation, lang: Lang, paper: Paper) -> pdf::Exported {
    let options = ExportOptions {
        paper,
        lang,
        now: now(),
    };
    pdf::export(d, &options, &identity_for(d)).unwrap()
}

/// Runs a tool and returns its stdout and stderr together.
pub fn run(tool: &Path, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let out = Command::new(tool)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

pub fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}
