//! The HTTP client against the reference intake server, over real HTTP on loopback.

mod support;

use std::time::Duration;

use piqm_acces::designation::{FailureKind, Field, submission};
use piqm_acces::lookup::LookupError;
use piqm_acces::submit::{
    Client, ClientOptions, ConnectionCheck, Endpoint, EndpointError, SendOutcome,
};
use support::server::{Config, Faults, FieldError};
use support::{Intake, example, free_port};

fn client(intake: &Intake) -> Client {
    Client::new(Endpoint::parse(&intake.url()).unwrap(), None).unwrap()
}

fn numero(outcome: &SendOutcome) -> String {
    match outcome {
        SendOutcome::Accepted(r) => r.numero.clone(),
        other => panic!("not accepted: {other:?}"),
    }
}

#[tokio::test]
async fn look_up_a_known_and_an_unknown_username() {
    let intake = Intake::start();
    let c = client(&intake);
    let found = c.find_user("gcot0417").await.unwrap();
    assert_eq!(
        (found.last_name.as_str(), found.first_name.as_str()),
        ("Côté", "Geneviève")
    );
    assert_eq!(c.find_user("zzzz9999").await, Err(LookupError::NotFound));
    assert!(matches!(
        c.test_connection().await,
        ConnectionCheck::Ok { .. }
    ));
}

#[tokio::test]
async fn accepted_at_once_and_the_same_key_again_gets_the_same_numero() {
    let intake = Intake::start();
    let c = client(&intake);
    let body = submission(&example("municipalite"));
    let first = c.send(&body).await;
    let numero_1 = numero(&first);
    assert!(numero_1.starts_with("PIQM-"), "{numero_1}");
    assert_eq!(numero(&c.send(&body).await), numero_1);
    assert_eq!(intake.count(), 1, "one designation, however many attempts");
    assert_eq!(intake.stored()[0].cle, body.id.to_string());
}

#[tokio::test]
async fn a_connection_cut_after_storing_then_a_retry_gives_one_designation() {
    let intake = Intake::start();
    intake.set_faults(Faults {
        coupure_apres_stockage: 1,
        ..Faults::default()
    });
    let c = client(&intake);
    let body = submission(&example("municipalite"));
    let SendOutcome::Transient(t) = c.send(&body).await else {
        panic!("a cut connection is transient")
    };
    assert_eq!(t.failure.code, FailureKind::Offline, "{:?}", t.failure);
    assert_eq!(intake.count(), 1, "the server had stored it");
    let n = numero(&c.send(&body).await);
    assert_eq!(intake.count(), 1, "no second designation");
    assert_eq!(intake.stored()[0].numero, n);
}

#[tokio::test]
async fn busy_503_with_retry_after_then_success() {
    let intake = Intake::start();
    intake.set_faults(Faults {
        indisponible: 1,
        retry_after: 7,
        ..Faults::default()
    });
    let c = client(&intake);
    let body = submission(&example("organisme"));
    let SendOutcome::Transient(t) = c.send(&body).await else {
        panic!("503 is transient")
    };
    assert_eq!(t.failure.code, FailureKind::Busy);
    assert_eq!(t.retry_after, Some(Duration::from_secs(7)));
    assert_eq!(intake.count(), 0);
    numero(&c.send(&body).await);
    assert_eq!(intake.count(), 1);
}

#[tokio::test]
async fn a_second_gestionnaire_for_the_same_organisme_is_refused_409() {
    let intake = Intake::start();
    let c = client(&intake);
    numero(&c.send(&submission(&example("municipalite"))).await);
    // The same municipality again, from another draft (another key).
    let SendOutcome::Refused(r) = c.send(&submission(&example("municipalite"))).await else {
        panic!("409 is a refusal")
    };
    assert_eq!(r.code, "gestionnaire_deja_designe");
    assert!(r.message.contains("déjà un gestionnaire"), "{}", r.message);
    assert_eq!(intake.count(), 1);
}

#[tokio::test]
async fn a_422_names_the_field_in_the_drafts_own_paths() {
    let intake = Intake::start();
    intake.set_faults(Faults {
        refuser_champ: Some(FieldError {
            champ: "organisme.code_postal".into(),
            message: "Ce code postal n'existe pas.".into(),
        }),
        ..Faults::default()
    });
    let c = client(&intake);
    let SendOutcome::Refused(r) = c.send(&submission(&example("municipalite"))).await else {
        panic!("422 is a refusal")
    };
    assert_eq!(r.erreurs.len(), 1);
    assert_eq!(
        Field::from_path(&r.erreurs[0].champ),
        Some(Field::PostalCode)
    );
    assert_eq!(r.erreurs[0].message, "Ce code postal n'existe pas.");
    assert_eq!(intake.count(), 0);
}

#[tokio::test]
async fn token_and_identification_code_refusals_are_401_and_403() {
    let mut config = Config {
        token: Some("s3cret".into()),
        ..Config::default()
    };
    let d = example("municipalite");
    config
        .codes
        .insert(d.organization.municipality.clone(), "AUTRE-CODE".into());
    let intake = Intake::start_with(config, 0);
    let endpoint = Endpoint::parse(&intake.url()).unwrap();
    let anonymous = Client::new(endpoint.clone(), None).unwrap();
    let SendOutcome::Refused(r) = anonymous.send(&submission(&d)).await else {
        panic!("401 is a refusal")
    };
    assert_eq!(r.code, "jeton_manquant");
    assert!(matches!(
        anonymous.find_user("gcot0417").await,
        Err(LookupError::Unauthorized(_))
    ));
    assert!(matches!(
        anonymous.test_connection().await,
        ConnectionCheck::Unauthorized { .. }
    ));
    let wrong = Client::new(endpoint.clone(), Some("autre".into())).unwrap();
    let SendOutcome::Refused(r) = wrong.send(&submission(&d)).await else {
        panic!()
    };
    assert_eq!(r.code, "jeton_invalide");
    let good = Client::new(endpoint, Some("s3cret".into())).unwrap();
    let SendOutcome::Refused(r) = good.send(&submission(&d)).await else {
        panic!("a wrong identification code is refused")
    };
    assert_eq!(r.code, "code_identification_invalide");
    assert_eq!(intake.count(), 0);
    numero(&good.send(&submission(&example("organisme"))).await);
}

#[tokio::test]
async fn a_huge_or_malformed_answer_is_a_clear_error_not_a_panic() {
    let intake = Intake::start();
    let c = client(&intake);
    intake.set_faults(Faults {
        corps_enorme: 2,
        ..Faults::default()
    });
    let Err(LookupError::Unavailable(why)) = c.find_user("gcot0417").await else {
        panic!("a huge answer is not a person")
    };
    assert!(why.contains("larger than 65536 bytes"), "{why}");
    let body = submission(&example("municipalite"));
    let SendOutcome::Transient(t) = c.send(&body).await else {
        panic!("a huge receipt is retried")
    };
    assert_eq!(t.failure.code, FailureKind::BadResponse);
    intake.set_faults(Faults {
        corps_malforme: 2,
        ..Faults::default()
    });
    let Err(LookupError::Unavailable(why)) = c.find_user("gcot0417").await else {
        panic!()
    };
    assert!(why.contains("not a user"), "{why}");
    let SendOutcome::Transient(t) = c.send(&body).await else {
        panic!("a malformed receipt is retried")
    };
    assert!(
        t.failure.detail.contains("not a receipt"),
        "{:?}",
        t.failure
    );
    // The designation was stored the first time; the retry gets its numéro, once.
    let n = numero(&c.send(&body).await);
    assert_eq!(intake.stored()[0].numero, n);
    assert_eq!(intake.count(), 1);
}

#[tokio::test]
async fn offline_and_slow_are_transient() {
    let offline = Client::new(
        Endpoint::parse(&format!("http://127.0.0.1:{}", free_port())).unwrap(),
        None,
    )
    .unwrap();
    let SendOutcome::Transient(t) = offline.send(&submission(&example("organisme"))).await else {
        panic!()
    };
    assert_eq!(t.failure.code, FailureKind::Offline);
    assert!(matches!(
        offline.find_user("gcot0417").await,
        Err(LookupError::Unavailable(_))
    ));

    let intake = Intake::start();
    intake.set_faults(Faults {
        delai_ms: 1500,
        ..Faults::default()
    });
    let impatient = Client::with_options(
        Endpoint::parse(&intake.url()).unwrap(),
        None,
        ClientOptions {
            timeout: Duration::from_millis(300),
            ..ClientOptions::default()
        },
    )
    .unwrap();
    let SendOutcome::Transient(t) = impatient.send(&submission(&example("organisme"))).await else {
        panic!()
    };
    assert_eq!(t.failure.code, FailureKind::Timeout);
}

#[test]
fn plain_http_to_another_computer_is_refused_before_any_connection() {
    assert!(matches!(
        Endpoint::parse("http://piqm.example.gouv.qc.ca"),
        Err(EndpointError::NotHttps { .. })
    ));
}
