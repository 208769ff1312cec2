//! The contract in resources/openapi.yaml describes what the client sends and what the reference
//! server answers: the bodies are checked against its JSON Schemas.

mod support;

use std::path::Path;

use piqm_acces::designation::submission;
use serde_json::Value;
use support::server::{Faults, FieldError};
use support::{Intake, example};

fn contract() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/openapi.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A validator of one schema of the contract (its `$ref`s resolve within the document).
fn schema(name: &str) -> jsonschema::Validator {
    let mut doc = contract();
    assert_eq!(doc["openapi"], "3.1.0");
    doc.as_object_mut()
        .unwrap()
        .insert("$ref".into(), format!("#/components/schemas/{name}").into());
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&doc)
        .unwrap()
}

fn assert_conforms(v: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<_> = v.iter_errors(doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}\n{doc:#}");
}

#[test]
fn the_body_sent_conforms_to_the_contract() {
    let v = schema("Designation");
    for name in ["municipalite", "organisme"] {
        let body = serde_json::to_value(submission(&example(name))).unwrap();
        assert_conforms(&v, &body);
    }
    let mut local = serde_json::to_value(submission(&example("organisme"))).unwrap();
    local["statut"] = "en_attente".into();
    assert!(!v.is_valid(&local), "local bookkeeping is not sent");
    let mut both = serde_json::to_value(submission(&example("organisme"))).unwrap();
    both["formulaire"]["categorie_municipale"] = "ville".into();
    assert!(!v.is_valid(&both), "one category only");
}

#[test]
fn the_reference_servers_answers_conform_to_the_contract() {
    let intake = Intake::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let http = reqwest::Client::new();
    let base = intake.url();
    let get = |url: String| {
        let http = http.clone();
        rt.block_on(async move {
            let r = http.get(url).send().await.unwrap();
            let status = r.status().as_u16();
            (
                status,
                serde_json::from_slice::<Value>(&r.bytes().await.unwrap()).unwrap(),
            )
        })
    };
    let post = |body: Value, key: &str| {
        let (http, base, key) = (http.clone(), base.clone(), key.to_string());
        rt.block_on(async move {
            let r = http
                .post(format!("{base}/v1/designations"))
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .body(serde_json::to_vec(&body).unwrap())
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            (
                status,
                serde_json::from_slice::<Value>(&r.bytes().await.unwrap()).unwrap(),
            )
        })
    };
    let (status, user) = get(format!("{base}/v1/utilisateurs/abcd0001"));
    assert_eq!(status, 200);
    assert_conforms(&schema("Utilisateur"), &user);
    let (status, unknown) = get(format!("{base}/v1/utilisateurs/zzzz9999"));
    assert_eq!(status, 404);
    assert_conforms(&schema("Erreur"), &unknown);

    let d = example("municipalite");
    let body = serde_json::to_value(submission(&d)).unwrap();
    let (status, receipt) = post(body.clone(), &d.id.to_string());
    assert_eq!(status, 201);
    assert_conforms(&schema("Accuse"), &receipt);
    let (status, again) = post(body.clone(), &d.id.to_string());
    assert_eq!((status, &again), (200, &receipt));
    // The same key with other answers: refused as the contract says, and not stored.
    let mut changed = body.clone();
    changed["demandeur"]["prenom"] = "Jean-Philippe".into();
    let (status, reused) = post(changed, &d.id.to_string());
    assert_eq!(status, 422);
    assert_eq!(reused["code"], "cle_reutilisee");
    assert_conforms(&schema("CleReutilisee"), &reused);
    assert!(
        !schema("ErreursDeChamps").is_valid(&reused),
        "one of the two"
    );
    assert_eq!(intake.count(), 1);
    let (status, still) = post(body, &d.id.to_string());
    assert_eq!(
        (status, &still),
        (200, &receipt),
        "the first content still replays"
    );

    let other = example("municipalite");
    let (status, conflict) = post(
        serde_json::to_value(submission(&other)).unwrap(),
        &other.id.to_string(),
    );
    assert_eq!(status, 409);
    assert_conforms(&schema("Erreur"), &conflict);

    intake.set_faults(Faults {
        refuser_champ: Some(FieldError {
            champ: "demandeur.nom".into(),
            message: "Non.".into(),
        }),
        ..Faults::default()
    });
    let third = example("organisme");
    let (status, invalid) = post(
        serde_json::to_value(submission(&third)).unwrap(),
        &third.id.to_string(),
    );
    assert_eq!(status, 422);
    assert_conforms(&schema("ErreursDeChamps"), &invalid);
    rt.shutdown_background();
}

#[test]
fn a_database_from_before_the_digests_is_migrated_and_keeps_one_content_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.sqlite3");
    let d = example("organisme");
    let body = serde_json::to_vec(&submission(&d)).unwrap();
    {
        // The table as the server made it before it kept a digest of each body.
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch(
            "CREATE TABLE designations (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 numero TEXT NOT NULL UNIQUE,
                 cle TEXT NOT NULL UNIQUE,
                 organisme TEXT NOT NULL UNIQUE,
                 recu_le TEXT NOT NULL,
                 corps TEXT NOT NULL
             );",
        )
        .unwrap();
        db.execute(
            "INSERT INTO designations (numero, cle, organisme, recu_le, corps)
             VALUES ('PIQM-2026-000001', ?1, 'organisme:x', '2026-11-20T10:00:00Z', ?2)",
            rusqlite::params![d.id.to_string(), String::from_utf8(body.clone()).unwrap()],
        )
        .unwrap();
    }
    let intake = Intake::start_with(
        support::server::Config {
            database: Some(path.clone()),
            ..Default::default()
        },
        0,
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let post = |body: Vec<u8>| {
        let url = format!("{}/v1/designations", intake.url());
        let key = d.id.to_string();
        rt.block_on(async move {
            let r = reqwest::Client::new()
                .post(url)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            (
                status,
                serde_json::from_slice::<Value>(&r.bytes().await.unwrap()).unwrap(),
            )
        })
    };
    let (status, receipt) = post(body.clone());
    assert_eq!(status, 200, "{receipt}");
    assert_eq!(receipt["numero"], "PIQM-2026-000001");
    let mut other = submission(&d);
    other.organisme.nom = "Autre organisme".into();
    let (status, refused) = post(serde_json::to_vec(&other).unwrap());
    assert_eq!(
        (status, refused["code"].as_str()),
        (422, Some("cle_reutilisee"))
    );
    assert_eq!(intake.count(), 1);
    rt.shutdown_background();
}
