//! `submit`, `send` and `lookup` run as a user would: the real binary, a real data folder, the
//! reference intake server on loopback.

mod support;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use support::server::Config;
use support::{Intake, example_path, free_port};

/// The binary in French, with its own data folder and no settings file.
fn app(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("PIQM_ENDPOINT")
        .env("LANG", "fr_CA.UTF-8")
        .arg("--data-dir")
        .arg(data.join("donnees"))
        .arg("--config")
        .arg(data.join("config.toml"));
    cmd
}

fn no_panic() -> impl Predicate<str> {
    contains("panicked").not()
}

/// A copy of an example with one change.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> std::path::PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example_path(name)).unwrap()).unwrap();
    edit(&mut v);
    let path = dir.join(format!("{name}-modifie.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

#[test]
fn submit_accepted_prints_the_numero_and_exits_0() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    app(dir.path())
        .args(["submit", "--endpoint", &intake.url()])
        .arg(example_path("municipalite"))
        .assert()
        .code(0)
        .stdout(contains(intake.stored()[0].numero.as_str()))
        .stdout(contains(
            "Merci, votre demande a été envoyée avec succès à la Direction des infrastructures.",
        ));
    // The same file again: already accepted, not sent twice.
    app(dir.path())
        .args(["submit", "--endpoint", &intake.url()])
        .arg(example_path("municipalite"))
        .assert()
        .code(0)
        .stdout(contains("n'est pas envoyée une seconde fois"));
    assert_eq!(intake.count(), 1);
}

#[test]
fn submit_an_invalid_draft_exits_1_and_sends_nothing() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let file = edited(dir.path(), "municipalite", |v| {
        v["demandeur"]["courriel"] = "".into();
    });
    app(dir.path())
        .args(["submit", "--endpoint", &intake.url()])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains("demandeur.courriel: Entrez l'adresse courriel"))
        .stderr(contains("rien n'a été envoyé"))
        .stderr(no_panic());
    assert_eq!(intake.count(), 0);
}

#[test]
fn offline_submit_exits_3_then_send_delivers_it_once() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    app(dir.path())
        .args(["submit", "--endpoint", &url])
        .arg(example_path("organisme"))
        .assert()
        .code(3)
        .stderr(contains("reste dans la file d'envoi"))
        .stderr(contains("n'a pas pu être joint"));
    let intake = Intake::start_with(Config::default(), port);
    app(dir.path())
        .env("PIQM_ENDPOINT", &url)
        .arg("send")
        .assert()
        .code(0)
        .stdout(contains("envoyée, numéro PIQM-"));
    app(dir.path())
        .env("PIQM_ENDPOINT", &url)
        .arg("send")
        .assert()
        .code(0)
        .stdout(contains("La file d'envoi est vide"));
    assert_eq!(intake.count(), 1);
}

#[test]
fn refused_exits_4_with_the_servers_reasons() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    app(dir.path())
        .args(["submit", "--endpoint", &intake.url()])
        .arg(example_path("municipalite"))
        .assert()
        .code(0);
    // Another draft for the same municipality.
    let file = edited(dir.path(), "municipalite", |v| {
        v["id"] = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d".into();
    });
    app(dir.path())
        .args(["submit", "--endpoint", &intake.url()])
        .arg(&file)
        .assert()
        .code(4)
        .stderr(contains("refusée par la Direction des infrastructures"))
        .stderr(contains("Cet organisme a déjà un gestionnaire"));
    assert_eq!(intake.count(), 1);
}

#[test]
fn send_exits_3_while_some_remain_and_4_when_one_is_refused() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    for name in ["municipalite", "organisme"] {
        app(dir.path())
            .args(["submit", "--endpoint", &url])
            .arg(example_path(name))
            .assert()
            .code(3);
    }
    app(dir.path())
        .args(["send", "--endpoint", &url])
        .assert()
        .code(3);
    let intake = Intake::start_with(Config::default(), port);
    intake.set_faults(support::server::Faults {
        refuser_champ: Some(support::server::FieldError {
            champ: "organisme.code_postal".into(),
            message: "Ce code postal n'est pas desservi.".into(),
        }),
        ..Default::default()
    });
    app(dir.path())
        .args(["send", "--endpoint", &url])
        .assert()
        .code(4)
        .stderr(contains(
            "organisme.code_postal: Ce code postal n'est pas desservi.",
        ));
    assert_eq!(intake.count(), 1);
}

#[test]
fn lookup_prints_the_details_or_says_unknown() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    app(dir.path())
        .args(["lookup", "GCOT0417", "--endpoint", &intake.url()])
        .assert()
        .code(0)
        .stdout(contains("Nom : Côté"))
        .stdout(contains("Prénom : Geneviève"));
    app(dir.path())
        .args(["lookup", "zzzz9999", "--endpoint", &intake.url()])
        .assert()
        .code(1)
        .stderr(contains(
            "Aucune personne n'a le nom d'utilisateur zzzz9999",
        ));
    app(dir.path())
        .args(["lookup", "zzzz9999"])
        .assert()
        .code(3)
        .stderr(contains("n'est pas configurée"));
}

#[test]
fn plain_http_to_another_computer_is_refused_before_anything() {
    let dir = tempfile::tempdir().unwrap();
    app(dir.path())
        .args(["submit", "--endpoint", "http://piqm.example.com"])
        .arg(example_path("municipalite"))
        .assert()
        .code(2)
        .stderr(contains("doit commencer par https://"))
        .stderr(no_panic());
}

#[test]
fn the_endpoint_and_token_come_from_the_settings_file() {
    let intake = Intake::start_with(
        Config {
            token: Some("jeton-de-test".into()),
            ..Config::default()
        },
        0,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "adresse_service = \"{}\"\njeton = \"jeton-de-test\"\ncouleur = \"bleu\"\n",
            intake.url()
        ),
    )
    .unwrap();
    app(dir.path())
        .arg("submit")
        .arg(example_path("organisme"))
        .assert()
        .code(0)
        .stderr(contains("« couleur »"));
    assert_eq!(intake.count(), 1);
}
