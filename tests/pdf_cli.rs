//! `piqm-acces export`, `identity` and `print` run as a user would: the real binary, real files.

mod common;

use assert_cmd::Command;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;

fn app(data: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("PIQM_P12_PASSWORD")
        .env("LANG", "fr_CA.UTF-8")
        .arg("--data-dir")
        .arg(data.path());
    cmd
}

#[test]
fn a_complete_designation_is_exported_signed_and_exits_0() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("copie.pdf");
    app(&data)
        .arg("export")
        .arg(example_path("municipalite.json"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains("copie signée écrite (2 pages)"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    assert_eq!(
        piqm_acces::pdf::extract_designation(&bytes).unwrap(),
        example("municipalite.json")
    );
    app(&data)
        .args(["identity", "show"])
        .assert()
        .code(0)
        .stdout(contains("certificat autosigné de cette installation"))
        .stdout(contains("Titulaire : piqm-acces"))
        .stdout(contains("Empreinte SHA-256 : "));
}

#[test]
fn an_invalid_draft_is_still_exported_marked_and_exits_1() {
    let data = tempfile::tempdir().unwrap();
    let draft = data.path().join("brouillon.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example_path("organisme.json")).unwrap())
            .unwrap();
    value["demandeur"]["courriel"] = "".into();
    std::fs::write(&draft, value.to_string()).unwrap();
    let out = data.path().join("brouillon.pdf");
    app(&data)
        .arg("export")
        .arg(&draft)
        .args(["-o"])
        .arg(&out)
        .args(["--paper", "a4"])
        .assert()
        .code(1)
        .stderr(contains(
            "marquée « BROUILLON — incomplet » (1 problème à corriger",
        ));
    assert!(out.exists());
}

#[test]
fn unreadable_input_unwritable_output_and_wrong_password_exit_2() {
    let data = tempfile::tempdir().unwrap();
    app(&data)
        .arg("export")
        .arg(data.path().join("absent.json"))
        .args(["-o", "x.pdf"])
        .assert()
        .code(2)
        .stderr(contains("ce fichier n'existe pas"));
    app(&data)
        .arg("export")
        .arg(example_path("municipalite.json"))
        .arg("-o")
        .arg(data.path().join("pas/de/dossier/copie.pdf"))
        .assert()
        .code(2)
        .stderr(contains("Impossible d'écrire"));
    app(&data)
        .env("PIQM_P12_PASSWORD", "mauvais")
        .arg("export")
        .arg(example_path("municipalite.json"))
        .arg("-o")
        .arg(data.path().join("copie.pdf"))
        .arg("--p12")
        .arg(fixture("organisation-aes.p12"))
        .assert()
        .code(2)
        .stderr(contains("mot de passe du certificat est incorrect"));
    // No terminal and no variable: said, not hung.
    app(&data)
        .arg("export")
        .arg(example_path("municipalite.json"))
        .arg("-o")
        .arg(data.path().join("copie.pdf"))
        .arg("--p12")
        .arg(fixture("organisation-aes.p12"))
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains("PIQM_P12_PASSWORD"));
}

#[test]
fn an_organisational_certificate_signs_from_the_variable_and_once_imported() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("copie.pdf");
    app(&data)
        .env("PIQM_P12_PASSWORD", "piqm-test")
        .arg("export")
        .arg(example_path("municipalite.json"))
        .arg("-o")
        .arg(&out)
        .arg("--p12")
        .arg(fixture("organisation-3des.p12"))
        .assert()
        .code(0);
    app(&data)
        .env("PIQM_P12_PASSWORD", "piqm-test")
        .args(["--lang", "en", "identity", "import"])
        .arg(fixture("organisation-aes.p12"))
        .assert()
        .code(0)
        .stdout(contains("The certificate was imported"))
        .stdout(contains("Issuer: Autorité de test PIQM"))
        .stdout(contains("Algorithm: RSA 2048"));
    app(&data)
        .args(["identity", "show"])
        .assert()
        .code(0)
        .stdout(contains("certificat de l'organisation"));
    app(&data)
        .env("PIQM_P12_PASSWORD", "piqm-test")
        .arg("export")
        .arg(example_path("organisme.json"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let Some(pdfsig) = tool("pdfsig") else { return };
    let (_, text) = run(&pdfsig, &[out.as_os_str()]);
    assert!(
        text.contains("Signer Certificate Common Name: Hélène Bélanger"),
        "{text}"
    );
    assert!(text.contains("Signature is Valid."), "{text}");
}

#[test]
fn help_is_localized() {
    let data = tempfile::tempdir().unwrap();
    app(&data)
        .args(["export", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Produit la copie PDF signée"))
        .stdout(contains("letter (par défaut) ou a4"))
        .stdout(contains("[default").not());
    app(&data)
        .args(["--lang", "en", "print", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Prints a PDF file on a printer"))
        .stdout(contains("no PDF reader is needed"))
        .stdout(contains("--to-file <OUT>"))
        .stdout(contains(
            "On Windows: writes what the printer would receive",
        ));
    app(&data)
        .args(["print", "--help"])
        .assert()
        .code(0)
        .stdout(contains(
            "Sous Windows\u{a0}: écrit dans ce fichier ce que l'imprimante recevrait",
        ));
}

/// Printing to a file is the Windows driver's (`DOCINFOW.lpszOutput`); CUPS has no such thing,
/// and says so rather than printing.
#[test]
fn print_to_a_file_is_refused_where_cups_prints() {
    let data = tempfile::tempdir().unwrap();
    let copy = data.path().join("copie.pdf");
    std::fs::write(&copy, b"%PDF-1.7\n").unwrap();
    let out = data.path().join("copie.ps");
    app(&data)
        .arg("print")
        .arg(&copy)
        .args(["--printer", "PDF", "--to-file"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("n'est offerte que sous Windows"));
    assert!(!out.exists());
}
