//! `piqm-acces drafts …` run as a user would: the real binary on a real data folder.

mod tools;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("resources/examples")
        .join(name)
}

const LEVIS: &str = "3f2b8c1e-6d4a-4e0b-9a7c-2b5d8e1f4a60";
const RIMOUSKI: &str = "a71e0c52-94d3-4f6b-8e21-0c9d7b3a5e18";

/// The binary, in French, on one data folder.
fn app(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "fr_CA.UTF-8")
        // A POSIX rule, so no time zone database is needed: Eastern time, -05:00 in November.
        .env("TZ", "EST5EDT,M3.2.0,M11.1.0")
        .env("PIQM_DATA_DIR", data);
    cmd
}

fn no_panic() -> impl Predicate<str> {
    contains("panicked").not()
}

fn write_temp(text: &str) -> tempfile::TempPath {
    let file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file.into_temp_path()
}

fn list_json(data: &Path) -> serde_json::Value {
    let out = app(data)
        .args(["drafts", "list", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn import_list_export_delete_restore_and_empty_the_trash() {
    let data = tempfile::tempdir().unwrap();
    app(data.path())
        .args(["drafts", "list"])
        .assert()
        .code(0)
        .stdout(contains("Aucun brouillon dans"));
    for name in ["municipalite.json", "organisme.json"] {
        app(data.path())
            .args(["drafts", "import"])
            .arg(example(name))
            .assert()
            .code(0)
            .stdout(contains("Brouillon importé"))
            // A "confirmé" in a file is not taken: the look-up is made again before sending,
            // and that is the only thing said.
            .stdout(contains(
                "gestionnaire.nom_utilisateur: avertissement — Les coordonnées du gestionnaire n'ont pas encore été confirmées",
            ))
            .stdout(predicate::function(|out: &str| {
                out.matches("avertissement").count() == 1
            }));
    }
    app(data.path())
        .args(["drafts", "list"])
        .assert()
        .code(0)
        .stdout(contains("Identifiant  Organisme"))
        .stdout(contains(
            "a71e0c52     Régie intermunicipale de l'eau potable …  Organisme     Vérifiez vos réponses  prête à envoyer  2026-11-26 16:48",
        ))
        .stdout(contains("3f2b8c1e     Ville de Lévis"));

    let doc = list_json(data.path());
    let drafts = doc["brouillons"].as_array().unwrap();
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0]["id"], RIMOUSKI, "newest first");
    assert_eq!(drafts[1]["organisme"], "Ville de Lévis");
    assert_eq!(drafts[1]["formulaire"], "municipalite");
    assert_eq!(drafts[1]["etape"], "verification");
    assert_eq!(drafts[1]["statut"], "prete");
    assert_eq!(drafts[1]["erreurs"], 0);
    assert_eq!(drafts[1]["modifie_le"], "2026-11-24T14:32:00-05:00");
    assert_eq!(doc["illisibles"], serde_json::json!([]));

    let out = tempfile::tempdir().unwrap();
    let copy = out.path().join("lévis.json");
    app(data.path())
        .args(["drafts", "export", "3f2b", "-o"])
        .arg(&copy)
        .assert()
        .code(0)
        .stdout(contains(
            "Copie du brouillon « Ville de Lévis » écrite dans",
        ));
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&copy).unwrap()).unwrap();
    assert_eq!(exported["id"], LEVIS);
    app(data.path())
        .args(["drafts", "export", LEVIS, "-o"])
        .arg(&copy)
        .assert()
        .code(2)
        .stderr(contains("existe déjà"))
        .stderr(contains("--force"));
    app(data.path())
        .args(["drafts", "export", LEVIS, "--force", "-o"])
        .arg(&copy)
        .assert()
        .code(0);

    app(data.path())
        .args(["drafts", "delete", "3f2b8c1e"])
        .assert()
        .code(0)
        .stdout(contains(
            "Le brouillon « Ville de Lévis » (3f2b8c1e) est dans la corbeille. Pour le récupérer : piqm-acces drafts restore 3f2b8c1e",
        ));
    assert_eq!(
        list_json(data.path())["brouillons"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    app(data.path())
        .args(["drafts", "trash"])
        .assert()
        .code(0)
        .stdout(contains("Supprimé le"))
        .stdout(contains("Ville de Lévis"));
    app(data.path())
        .args(["drafts", "restore", "3f2b8c1e"])
        .assert()
        .code(0)
        .stdout(contains("est de retour dans la liste"));
    app(data.path())
        .args(["drafts", "delete", "3f2b8c1e"])
        .assert()
        .code(0);
    app(data.path())
        .args(["drafts", "empty-trash"])
        .assert()
        .code(0)
        .stdout(contains("1 brouillon effacé définitivement."));
    app(data.path())
        .args(["drafts", "trash"])
        .assert()
        .code(0)
        .stdout(contains("La corbeille est vide."));
    app(data.path())
        .args(["drafts", "restore", "3f2b8c1e"])
        .assert()
        .code(2)
        .stderr(contains(
            "Aucun brouillon ne porte l'identifiant « 3f2b8c1e »",
        ));

    // The copy on the USB key comes back.
    app(data.path())
        .args(["drafts", "import"])
        .arg(&copy)
        .assert()
        .code(0);
    app(data.path())
        .args(["drafts", "duplicate", "3f2b"])
        .assert()
        .code(0)
        .stdout(contains("Nouveau brouillon créé : « Ville de Lévis »"));
    assert_eq!(
        list_json(data.path())["brouillons"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn importing_the_same_id_twice_asks_for_a_choice_with_exit_1() {
    let data = tempfile::tempdir().unwrap();
    app(data.path())
        .args(["drafts", "import"])
        .arg(example("municipalite.json"))
        .assert()
        .code(0);
    app(data.path())
        .args(["drafts", "import"])
        .arg(example("municipalite.json"))
        .assert()
        .code(1)
        .stderr(contains("Un brouillon porte déjà cet identifiant"))
        .stderr(contains("« Ville de Lévis »"))
        .stderr(contains("--replace"))
        .stderr(contains("--keep-both"));
    assert_eq!(
        list_json(data.path())["brouillons"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    app(data.path())
        .args(["drafts", "import", "--keep-both"])
        .arg(example("municipalite.json"))
        .assert()
        .code(0)
        .stdout(contains("Brouillon importé comme nouveau brouillon"))
        .stdout(contains("Le brouillon 3f2b8c1e est resté tel quel."));
    assert_eq!(
        list_json(data.path())["brouillons"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    app(data.path())
        .args(["drafts", "import", "--replace"])
        .arg(example("municipalite.json"))
        .assert()
        .code(0)
        .stdout(contains("maintenant dans la corbeille"));
    assert_eq!(
        list_json(data.path())["brouillons"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    app(data.path())
        .args(["drafts", "import", "--replace", "--keep-both"])
        .arg(example("municipalite.json"))
        .assert()
        .code(2);
}

#[test]
fn an_import_that_is_not_json_exits_2_with_the_same_words_as_check() {
    let data = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("organisme.json")).unwrap();
    let file = write_temp(&text.replacen("\"rue\":", "\"rue\"", 1));
    app(data.path())
        .args(["drafts", "import"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("erreur de syntaxe JSON à la ligne 16, colonne 11"))
        .stderr(no_panic());
    app(data.path())
        .args(["drafts", "import", "/nonexistent/brouillon.json"])
        .assert()
        .code(2)
        .stderr(contains(
            "« /nonexistent/brouillon.json » ne peut pas être ouvert",
        ));
    assert_eq!(
        list_json(data.path())["brouillons"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn an_incomplete_draft_imports_with_its_problems_as_warnings() {
    let data = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("organisme.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["demandeur"]["courriel"] = "".into();
    value["organisme"]["code_postal"] = "G1D 4J3".into();
    let file = write_temp(&value.to_string());
    app(data.path())
        .args(["drafts", "import"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout(contains(
            "demandeur.courriel: avertissement — Entrez l'adresse courriel du demandeur",
        ))
        .stdout(contains("organisme.code_postal: avertissement — "))
        .stdout(contains(
            "Il reste 2 réponses à compléter ou à corriger avant l'envoi.",
        ));
    let doc = list_json(data.path());
    assert_eq!(doc["brouillons"][0]["statut"], "brouillon");
    assert_eq!(doc["brouillons"][0]["erreurs"], 2);
}

#[test]
fn a_corrupt_draft_is_reported_by_name_and_the_others_still_list() {
    let data = tempfile::tempdir().unwrap();
    app(data.path())
        .args(["drafts", "import"])
        .arg(example("organisme.json"))
        .assert()
        .code(0);
    let broken = data
        .path()
        .join("drafts/0d6f1f0e-2a8b-4c3d-9e4f-5a6b7c8d9e0f.json");
    std::fs::write(&broken, "{\"schema_version\": 1, \"id\": ").unwrap();
    app(data.path())
        .args(["drafts", "list"])
        .assert()
        .code(0)
        .stdout(contains("Régie intermunicipale"))
        .stderr(contains(
            "Le brouillon « 0d6f1f0e-2a8b-4c3d-9e4f-5a6b7c8d9e0f.json » est illisible",
        ))
        .stderr(contains("sans être effacé"));
    assert!(!broken.exists());
    assert!(
        data.path()
            .join("quarantine/0d6f1f0e-2a8b-4c3d-9e4f-5a6b7c8d9e0f.json")
            .exists()
    );
}

#[test]
fn unknown_and_ambiguous_ids_exit_2() {
    let data = tempfile::tempdir().unwrap();
    app(data.path())
        .args(["drafts", "delete", "deadbeef"])
        .assert()
        .code(2)
        .stderr(contains(
            "Aucun brouillon ne porte l'identifiant « deadbeef »",
        ));
    app(data.path())
        .args(["--lang", "en", "drafts", "export", "nope", "-o", "x.json"])
        .assert()
        .code(2)
        .stderr(contains("No draft has the id \"nope\""));
}

#[test]
fn with_the_application_open_changes_are_refused_but_the_list_still_shows() {
    let data = tempfile::tempdir().unwrap();
    app(data.path())
        .args(["drafts", "import"])
        .arg(example("municipalite.json"))
        .assert()
        .code(0);
    // Another instance holds the folder: flock(1) takes the same lock the application takes.
    let mut child = std::process::Command::new("flock")
        .arg(data.path().join(".lock"))
        .args(["-c", "echo HOLDING; read _"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(child) = child.as_mut() else {
        tools::missing("flock(1) (util-linux)");
        return;
    };
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("HOLDING"));
    app(data.path())
        .args(["drafts", "delete", "3f2b"])
        .assert()
        .code(2)
        .stderr(contains(
            "est déjà utilisé par une autre fenêtre de l'application",
        ));
    app(data.path())
        .args(["drafts", "list"])
        .assert()
        .code(0)
        .stdout(contains("Ville de Lévis"));
    drop(child.stdin.take());
    child.wait().unwrap();
    app(data.path())
        .args(["drafts", "delete", "3f2b"])
        .assert()
        .code(0);
}

#[test]
fn drafts_help_is_localized() {
    let data = tempfile::tempdir().unwrap();
    app(data.path())
        .args(["drafts", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Met un brouillon à la corbeille"));
    app(data.path())
        .args(["--lang", "en", "drafts", "import", "--help"])
        .assert()
        .code(0)
        .stdout(contains("keep both"));
}

#[test]
fn each_deleted_version_is_listed_and_restore_version_chooses_one() {
    let data = tempfile::tempdir().unwrap();
    let levis = std::fs::read_to_string(example("municipalite.json")).unwrap();
    for name in ["Ville de Lévis", "Ville de Lévis (corrigée)"] {
        let mut value: serde_json::Value = serde_json::from_str(&levis).unwrap();
        value["organisme"]["nom"] = name.into();
        let file = write_temp(&value.to_string());
        app(data.path())
            .args(["drafts", "import"])
            .arg(&file)
            .assert()
            .code(0);
        app(data.path())
            .args(["drafts", "delete", "3f2b8c1e"])
            .assert()
            .code(0);
    }
    let out = app(data.path())
        .args(["drafts", "trash", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let trash: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let versions = trash["brouillons"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{trash}");
    assert!(versions.iter().all(|v| v["id"] == LEVIS));
    let oldest = versions[1]["version"].as_str().unwrap().to_string();
    assert_ne!(versions[0]["version"], versions[1]["version"]);
    app(data.path())
        .args(["drafts", "trash"])
        .assert()
        .code(0)
        .stdout(contains("Version"))
        .stdout(contains(oldest.as_str()));
    app(data.path())
        .args(["drafts", "restore", "3f2b8c1e", "--version", &oldest])
        .assert()
        .code(0)
        .stdout(contains("« Ville de Lévis »"));
    let list = list_json(data.path());
    assert_eq!(
        list["brouillons"][0]["organisme"], "Ville de Lévis",
        "{list}"
    );
}
