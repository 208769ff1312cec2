//! The command line, run as a user would: the real binary, real files.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("resources/examples")
        .join(name)
}

/// The binary, in French unless told otherwise, whatever the machine's locale.
fn app() -> Command {
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "fr_CA.UTF-8");
    cmd
}

/// A copy of an example with one change, in a temporary folder.
fn broken_copy(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> tempfile::TempPath {
    let text = std::fs::read_to_string(example(name)).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut value);
    write_temp(&serde_json::to_string_pretty(&value).unwrap())
}

fn write_temp(text: &str) -> tempfile::TempPath {
    let file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file.into_temp_path()
}

fn no_panic() -> impl Predicate<str> {
    contains("panicked").not()
}

#[test]
fn both_examples_are_complete_and_valid() {
    for name in ["municipalite.json", "organisme.json"] {
        app()
            .arg("check")
            .arg(example(name))
            .assert()
            .code(0)
            .stdout(contains("la désignation est complète et valide"));
    }
}

#[test]
fn missing_answers_are_listed_with_their_field_and_exit_1() {
    let file = broken_copy("municipalite.json", |v| {
        v["demandeur"]["courriel"] = "".into();
        v["organisme"]["code_postal"] = "G1D 4J3".into();
        v["code_identification"] = "".into();
    });
    app()
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains(
            "organisme.code_postal: Le code postal ne peut pas contenir les lettres D, F, I, O, Q ou U",
        ))
        .stdout(contains(
            "code_identification: Entrez le code d'identification de la municipalité",
        ))
        .stdout(contains(
            "demandeur.courriel: Entrez l'adresse courriel du demandeur",
        ))
        .stderr(contains("3 problèmes à corriger"))
        .stderr(no_panic());
}

#[test]
fn warnings_alone_do_not_fail_the_check() {
    let file = broken_copy("organisme.json", |v| {
        v["organisme"]["code_postal"] = "k1a0b1".into();
        v["gestionnaire"]["confirme"] = false.into();
    });
    app()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .stdout(contains(
            "organisme.code_postal: avertissement — Ce code postal n'est pas au Québec",
        ))
        .stdout(contains("gestionnaire.nom_utilisateur: avertissement"));
}

#[test]
fn english_on_request() {
    let file = broken_copy("organisme.json", |v| {
        v["demandeur"]["telephone"] = "691-2005".into()
    });
    app()
        .args(["--lang", "en", "check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains(
            "demandeur.telephone: The requester's telephone number must have 10 digits",
        ));
}

#[test]
fn the_systems_language_if_english_else_french() {
    let file = broken_copy("organisme.json", |v| v["demandeur"]["nom"] = "".into());
    app()
        .env("LANG", "en_CA.UTF-8")
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains("Enter the requester's last name"));
    app()
        .env("LANG", "de_DE.UTF-8")
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains("Entrez le nom du demandeur"));
}

#[test]
fn a_json_syntax_error_gives_line_and_column_and_exit_2() {
    let text = std::fs::read_to_string(example("organisme.json")).unwrap();
    let file = write_temp(&text.replacen("\"rue\":", "\"rue\"", 1));
    app()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("erreur de syntaxe JSON à la ligne 16, colonne 11"))
        .stderr(no_panic());
}

#[test]
fn a_truncated_file_says_so() {
    let text = std::fs::read_to_string(example("organisme.json")).unwrap();
    let file = write_temp(&text[..text.len() / 2]);
    app()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("est incomplet"));
}

#[test]
fn a_value_that_is_not_a_choice_exits_2() {
    let file = broken_copy("organisme.json", |v| {
        v["demandeur"]["civilite"] = "Dr".into()
    });
    app()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("contient une valeur inattendue à la ligne"))
        .stderr(no_panic());
}

#[test]
fn unreadable_files_exit_2_in_plain_words() {
    app()
        .args(["check", "/nonexistent/brouillon.json"])
        .assert()
        .code(2)
        .stderr(contains("ce fichier n'existe pas"));
    let dir = tempfile::tempdir().unwrap();
    app()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("c'est un dossier"));
    let binary = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(binary.path(), [0xff, 0xfe, 0x00, 0x9f]).unwrap();
    app()
        .arg("check")
        .arg(binary.path())
        .assert()
        .code(2)
        .stderr(contains("n'est pas un fichier texte UTF-8"));
    let not_a_draft = write_temp("[1, 2, 3]");
    app()
        .arg("check")
        .arg(&not_a_draft)
        .assert()
        .code(2)
        .stderr(contains("n'est pas un brouillon de désignation"));
}

#[test]
fn a_file_from_a_newer_version_exits_2() {
    let file = broken_copy("organisme.json", |v| v["schema_version"] = 9.into());
    app()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("version plus récente"));
}

#[test]
fn help_is_localized() {
    app()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("Dossier des brouillons"));
    app()
        .args(["--lang", "en", "check", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Checks a draft"));
}

#[test]
fn global_options_are_accepted_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    app()
        .arg("check")
        .arg(example("organisme.json"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--config", "/nonexistent/config.toml", "--lang", "fr"])
        .assert()
        .code(0);
    app()
        .env("PIQM_DATA_DIR", dir.path())
        .arg("check")
        .arg(example("organisme.json"))
        .assert()
        .code(0);
}
