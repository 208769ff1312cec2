//! Imports bring answers, never acts; one key, one content. A file made elsewhere — exported
//! from an outbox, claiming to be sent, with a gestionnaire "confirmed", or written by hand —
//! never sends itself, and the reference intake server on loopback stores nothing the user of
//! this computer did not send. The same id with other answers is refused in words, never told
//! "envoyée".

mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use assert_cmd::Command;
use piqm_acces::designation::{Status, Step};
use piqm_acces::store::{DraftStore, History};
use piqm_acces::submit::{Client, Endpoint, Outbox};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};
use support::{Intake, example_path};
use time::OffsetDateTime;

/// The binary in French, on one data folder, with no settings file.
fn app(dir: &Path, data: &str) -> Command {
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("PIQM_ENDPOINT")
        .env_remove("PIQM_DATA_DIR")
        .env("LANG", "fr_CA.UTF-8")
        .env("TZ", "EST5EDT,M3.2.0,M11.1.0")
        .arg("--data-dir")
        .arg(dir.join(data))
        .arg("--config")
        .arg(dir.join("config.toml"));
    cmd
}

fn no_panic() -> impl Predicate<str> {
    contains("panicked").not()
}

/// An example file with a fresh id, changed by `edit`, written to `dir/name`.
fn file(dir: &Path, name: &str, example: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(example_path(example)).unwrap()).unwrap();
    v["id"] = uuid::Uuid::new_v4().to_string().into();
    edit(&mut v);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

/// As a draft exported while it waited in the outbox of another computer.
fn waiting(v: &mut Value) {
    v["statut"] = "en_attente".into();
    v["etape"] = "en_attente".into();
    v["file_envoi"] = json!({
        "mise_en_file_le": "2026-11-20T15:00:00Z",
        "tentatives": 2,
        "derniere_tentative": "2026-11-20T15:01:00Z",
    });
}

/// As a forged "envoyée".
fn forged_sent(v: &mut Value) {
    v["statut"] = "envoyee".into();
    v["etape"] = "confirmee".into();
    v["envoi"] = json!({"numero": "PIQM-2026-999999", "recu_le": "2026-11-20T15:00:00Z"});
}

fn list_json(dir: &Path, data: &str) -> Value {
    let out = app(dir, data)
        .args(["drafts", "list", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn imported_files_arrive_as_drafts_and_send_nothing() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let queued = file(d, "en-attente.json", "municipalite", waiting);
    let sent = file(d, "envoyee.json", "organisme", forged_sent);
    let confirmed = file(d, "confirme.json", "organisme", |v| {
        v["organisme"]["nom"] = "Régie de l'eau de Matane".into();
        v["gestionnaire"]["nom"] = "Faux".into();
        v["gestionnaire"]["confirme"] = true.into();
    });
    app(d, "poste")
        .args(["drafts", "import"])
        .arg(&queued)
        .assert()
        .code(0)
        .stdout(contains("attendait d'être envoyée depuis un autre poste"))
        .stdout(contains("qui n'a pas été envoyé"));
    app(d, "poste")
        .args(["drafts", "import"])
        .arg(&sent)
        .assert()
        .code(0)
        .stdout(contains(
            "copie d'une désignation envoyée n° PIQM-2026-999999 le 20 novembre 2026",
        ));
    app(d, "poste")
        .args(["drafts", "import"])
        .arg(&confirmed)
        .assert()
        .code(0);

    app(d, "poste")
        .args(["send", "--endpoint", &intake.url()])
        .assert()
        .code(0)
        .stdout(contains("La file d'envoi est vide"))
        .stdout(contains("envoyée, numéro").not());
    assert_eq!(intake.count(), 0, "nothing stored: {:?}", intake.stored());

    let listing = list_json(d, "poste");
    let drafts = listing["brouillons"].as_array().unwrap();
    assert_eq!(drafts.len(), 3);
    for s in drafts {
        // Complete answers: "prêt à envoyer", a brouillon the user reviews and sends.
        assert_eq!(s["statut"], "prete", "{s}");
        assert_eq!(s["numero"], Value::Null, "{s}");
        assert_eq!(s["etape"], "verification", "{s}");
    }
    let text = app(d, "poste").args(["drafts", "list"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(!text.contains("PIQM-2026-999999"), "{text}");

    // A copy made now of the forged one says what it is: a draft, not "Envoyée".
    let forged_id = drafts
        .iter()
        .find(|s| s["organisme"] == "Régie intermunicipale de l'eau potable de Rimouski-Neigette")
        .map(|s| s["id"].as_str().unwrap().to_string());
    let forged_id = forged_id.unwrap_or_else(|| panic!("{listing:#}"));
    let out = d.join("copie.json");
    app(d, "poste")
        .args(["drafts", "export", &forged_id, "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(exported["statut"], "brouillon");
    assert_eq!(exported.get("envoi"), None);
    assert_eq!(exported.get("file_envoi"), None);
    assert_eq!(exported["gestionnaire"]["confirme"], false);
    let original: Value = serde_json::from_str(&std::fs::read_to_string(&sent).unwrap()).unwrap();
    assert_ne!(
        exported["id"], original["id"],
        "a copy of a sent designation is a new designation: a new id"
    );
}

/// The window's start-up sweep and timer read the same outbox: after the imports, they find
/// nothing to send.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_start_up_sweep_finds_nothing_to_send_after_an_import() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let store = Arc::new(DraftStore::open(&d.join("poste")).unwrap());
    let imported = store
        .import(&file(d, "a.json", "municipalite", waiting), None)
        .unwrap();
    assert_eq!(imported.history, Some(History::Queued));
    assert_eq!(
        (imported.draft.status, imported.draft.step),
        (Status::Draft, Step::Review)
    );
    assert!(imported.draft.outbox.is_none());
    let forged = store
        .import(&file(d, "b.json", "organisme", forged_sent), None)
        .unwrap();
    assert!(matches!(
        &forged.history,
        Some(History::Sent { numero, .. }) if numero == "PIQM-2026-999999"
    ));
    assert_eq!(forged.draft.receipt, None);
    let client = Client::new(Endpoint::parse(&intake.url()).unwrap(), None).unwrap();
    let outbox = Outbox::new(store.clone(), Some(client));
    let far = OffsetDateTime::now_utc() + time::Duration::days(365);
    assert!(outbox.send_due(far).await.unwrap().is_empty());
    assert!(outbox.send_all().await.unwrap().is_empty());
    assert_eq!(intake.count(), 0);
}

#[test]
fn a_confirmed_gestionnaire_in_a_file_is_looked_up_again_before_sending() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let forged = file(d, "confirme.json", "organisme", |v| {
        v["gestionnaire"]["nom"] = "Faux".into();
        v["gestionnaire"]["courriel"] = "faux@exemple.com".into();
        v["gestionnaire"]["confirme"] = true.into();
    });
    let id: Value = serde_json::from_str(&std::fs::read_to_string(&forged).unwrap()).unwrap();
    let id = id["id"].as_str().unwrap().to_string();
    app(d, "poste")
        .args(["submit", "--endpoint", &intake.url()])
        .arg(&forged)
        .assert()
        .code(0)
        .stderr(no_panic());
    assert_eq!(intake.count(), 1);
    let out = d.join("envoyee.json");
    app(d, "poste")
        .args(["drafts", "export", &id, "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let sent: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // The Bureau municipal's details, not the file's.
    assert_eq!(sent["gestionnaire"]["nom"], "Lavoie");
    assert_eq!(
        sent["gestionnaire"]["courriel"],
        "me.lavoie@organisme.qc.ca"
    );
    assert_eq!(sent["gestionnaire"]["confirme"], true);
}

#[test]
fn an_invalid_designation_in_the_outbox_is_not_sent_and_goes_back_to_the_user() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Written by hand straight into the drafts folder, as if it waited in the outbox.
    app(d, "poste").args(["drafts", "list"]).assert().code(0);
    let drafts = d.join("poste").join("drafts");
    let made = file(d, "fait-main.json", "municipalite", |v| {
        waiting(v);
        v["organisme"]["code_postal"] = "ZZZ".into();
        v["demandeur"]["courriel"] = "not-an-email".into();
    });
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&made).unwrap()).unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    std::fs::copy(&made, drafts.join(format!("{id}.json"))).unwrap();

    app(d, "poste")
        .args(["send", "--endpoint", &intake.url()])
        .assert()
        .code(1)
        .stderr(contains(
            "Ville de Lévis : n'a pas été envoyée, car 2 réponses",
        ))
        .stderr(contains("organisme.code_postal: "))
        .stderr(contains("demandeur.courriel: "))
        .stdout(contains("envoyée").not())
        .stderr(no_panic());
    assert_eq!(intake.count(), 0);
    let listing = list_json(d, "poste");
    assert_eq!(listing["brouillons"][0]["statut"], "brouillon");
    // Out of the outbox: the next send has nothing to do.
    app(d, "poste")
        .args(["send", "--endpoint", &intake.url()])
        .assert()
        .code(0)
        .stdout(contains("La file d'envoi est vide"));
    assert_eq!(intake.count(), 0);
}

#[test]
fn the_same_id_with_other_answers_is_refused_in_words_and_stored_once() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // One model file, handed to two offices, each filling it its own way.
    let model = file(d, "modele.json", "organisme", |_| {});
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    v["organisme"]["nom"] = "Régie de l'eau de Matane".into();
    let other = d.join("autre.json");
    std::fs::write(&other, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let id = v["id"].as_str().unwrap().to_string();

    app(d, "bureau-a")
        .args(["submit", "--endpoint", &intake.url()])
        .arg(&model)
        .assert()
        .code(0)
        .stdout(contains("envoyée, numéro PIQM-"));
    app(d, "bureau-b")
        .args(["submit", "--endpoint", &intake.url()])
        .arg(&other)
        .assert()
        .code(4)
        .stdout(contains("envoyée").not())
        .stderr(contains(
            "a déjà reçu une désignation portant le même identifiant, avec d'autres réponses",
        ))
        .stderr(contains("« Dupliquer »"))
        .stderr(contains(format!(
            "piqm-acces drafts duplicate {}",
            &id[..8]
        )))
        .stderr(no_panic());
    assert_eq!(intake.count(), 1);
    assert_eq!(intake.stored()[0].cle, id);

    // The way out: a copy, a new id, these answers.
    app(d, "bureau-b")
        .args(["drafts", "duplicate", &id])
        .assert()
        .code(0);
    let copy = list_json(d, "bureau-b")["brouillons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] != id.as_str())
        .map(|s| s["id"].as_str().unwrap().to_string())
        .unwrap();
    let copy_file = d.join("copie.json");
    app(d, "bureau-b")
        .args(["drafts", "export", &copy, "-o"])
        .arg(&copy_file)
        .assert()
        .code(0);
    app(d, "bureau-b")
        .args(["submit", "--endpoint", &intake.url()])
        .arg(&copy_file)
        .assert()
        .code(0)
        .stdout(contains("envoyée, numéro PIQM-"));
    assert_eq!(intake.count(), 2);
}

/// `submit` of a file this folder's outbox already holds (exported while it waited) sends that
/// designation, once: no second one beside it under a new id.
#[test]
fn submitting_a_copy_of_a_designation_waiting_here_sends_it_once() {
    let port = support::free_port();
    let url = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = file(d, "modele.json", "organisme", |_| {});
    app(d, "poste")
        .args(["submit", "--endpoint", &url])
        .arg(&model)
        .assert()
        .code(3);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    let waiting_copy = d.join("en-attente.json");
    app(d, "poste")
        .args(["drafts", "export", &id, "-o"])
        .arg(&waiting_copy)
        .assert()
        .code(0);
    let intake = Intake::start_with(support::server::Config::default(), port);
    app(d, "poste")
        .args(["submit", "--endpoint", &url])
        .arg(&waiting_copy)
        .assert()
        .code(0)
        .stdout(contains("envoyée, numéro PIQM-"));
    assert_eq!(intake.count(), 1);
    assert_eq!(intake.stored()[0].cle, id);
    let listing = list_json(d, "poste");
    assert_eq!(listing["brouillons"].as_array().unwrap().len(), 1);
    assert_eq!(listing["brouillons"][0]["statut"], "envoyee");
}
