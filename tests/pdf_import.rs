//! `drafts import copie.pdf` restores the draft from a signed PDF copy.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("resources/examples")
        .join(name)
}

fn app(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env("LANG", "fr_CA.UTF-8")
        .arg("--data-dir")
        .arg(data);
    cmd
}

#[test]
fn a_signed_copy_imports_back_as_its_draft() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pdf = dir.path().join("copie.pdf");
    app(&data)
        .arg("export")
        .arg(example("municipalite.json"))
        .arg("-o")
        .arg(&pdf)
        .assert()
        .code(0);
    // Signed by this installation's own certificate: verified, no warning.
    app(&data)
        .args(["drafts", "import"])
        .arg(&pdf)
        .assert()
        .code(0)
        .stderr(contains("Attention").not());
    app(&data)
        .args(["drafts", "list"])
        .assert()
        .code(0)
        .stdout(contains("Ville de Lévis"))
        .stdout(contains("3f2b8c1e"));
    // The same copy again: the same id, so the user is asked.
    app(&data)
        .args(["drafts", "import"])
        .arg(&pdf)
        .assert()
        .code(1);
}

#[test]
fn a_pdf_that_is_not_a_copy_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pdf = dir.path().join("autre.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\nnot really a pdf\n%%EOF\n").unwrap();
    app(&data)
        .args(["drafts", "import"])
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(contains("PDF"))
        .stderr(contains("panicked").not());
}
