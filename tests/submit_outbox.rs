//! The outbox on a real drafts folder, sending to the reference intake server over loopback:
//! exactly once, whatever happens between the two.

mod support;

use std::sync::Arc;

use piqm_acces::designation::{
    Designation, FailureKind, Field, Status, Step, from_json, submission,
};
use piqm_acces::store::DraftStore;
use piqm_acces::submit::outbox::{self, UNKNOWN_USERNAME};
use piqm_acces::submit::{AttemptResult, Client, Endpoint, Outbox, SendOutcome};
use support::server::{Config, Faults, FieldError};
use support::{Intake, example, free_port};
use time::OffsetDateTime;

struct Folder {
    _dir: tempfile::TempDir,
    store: Arc<DraftStore>,
}

fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(DraftStore::open(dir.path()).unwrap());
    Folder { _dir: dir, store }
}

fn client_for(url: &str) -> Client {
    Client::new(Endpoint::parse(url).unwrap(), None).unwrap()
}

/// A valid example, queued as "Envoyer" does, on disk.
fn queue(store: &DraftStore, mut d: Designation) -> Designation {
    outbox::mark_queued(&mut d, OffsetDateTime::now_utc());
    d.step = Step::Queued;
    store.write(&d).unwrap();
    d
}

/// The draft file as it is on disk, read as the application would.
fn on_disk(store: &DraftStore, d: &Designation) -> Designation {
    let text = std::fs::read_to_string(store.draft_path(d.id)).unwrap();
    from_json(&text).unwrap()
}

#[tokio::test]
async fn sent_at_once_the_draft_becomes_sent_with_its_numero() {
    let intake = Intake::start();
    let f = folder();
    let d = queue(&f.store, example("municipalite"));
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&intake.url())));
    let attempt = outbox.send_one(d.id).await.unwrap();
    let AttemptResult::Accepted(receipt) = &attempt.result else {
        panic!("{:?}", attempt.result)
    };
    let saved = on_disk(&f.store, &d);
    assert_eq!(saved.status, Status::Sent);
    assert_eq!(saved.step, Step::Confirmed);
    assert_eq!(saved.receipt.as_ref(), Some(receipt));
    assert_eq!(saved.outbox.as_ref().unwrap().attempts, 1);
    assert_eq!(intake.stored()[0].numero, receipt.numero);
    // Sending again does nothing: it is no longer in the outbox.
    let again = outbox.send_one(d.id).await.unwrap();
    assert_eq!(again.result, AttemptResult::NotQueued);
    assert!(outbox.waiting().unwrap().is_empty());
    assert_eq!(intake.count(), 1);
}

#[tokio::test]
async fn cut_after_storing_then_retried_one_designation_and_the_numero_shown() {
    let intake = Intake::start();
    intake.set_faults(Faults {
        coupure_apres_stockage: 1,
        ..Faults::default()
    });
    let f = folder();
    let d = queue(&f.store, example("municipalite"));
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&intake.url())));
    let first = outbox.send_one(d.id).await.unwrap();
    let AttemptResult::Deferred { failure, next } = &first.result else {
        panic!("{:?}", first.result)
    };
    assert_eq!(failure.code, FailureKind::Offline);
    let saved = on_disk(&f.store, &d);
    assert_eq!((saved.status, saved.step), (Status::Queued, Step::Queued));
    let entry = saved.outbox.unwrap();
    assert_eq!(entry.attempts, 1);
    assert_eq!(entry.next_attempt, Some(*next));
    assert!(*next > OffsetDateTime::now_utc() + time::Duration::seconds(25));
    assert_eq!(intake.count(), 1, "stored before the cut");
    // Not due yet; "Envoyer maintenant" sends it anyway.
    assert!(
        outbox
            .send_due(OffsetDateTime::now_utc())
            .await
            .unwrap()
            .is_empty()
    );
    let results = outbox.send_all().await.unwrap();
    let AttemptResult::Accepted(receipt) = &results[0].as_ref().unwrap().result else {
        panic!("{results:?}")
    };
    assert_eq!(intake.count(), 1, "exactly one designation on the server");
    assert_eq!(intake.stored()[0].numero, receipt.numero);
    assert_eq!(
        on_disk(&f.store, &d).receipt.unwrap().numero,
        receipt.numero
    );
}

/// The power went off after the request left and before the answer was written: the file says
/// "sending, attempt 1", the server has it. At the next start the outbox sends it again, under
/// the same key, and gets the same numéro.
#[tokio::test]
async fn a_crash_in_the_middle_of_a_send_neither_loses_nor_duplicates() {
    let intake = Intake::start();
    let f = folder();
    let mut d = queue(&f.store, example("organisme"));
    let client = client_for(&intake.url());
    let SendOutcome::Accepted(receipt) = client.send(&submission(&d)).await else {
        panic!()
    };
    d.step = Step::Sending;
    d.outbox.as_mut().unwrap().attempts = 1;
    d.outbox.as_mut().unwrap().last_attempt = Some(OffsetDateTime::now_utc());
    f.store.write(&d).unwrap();
    drop(f.store);
    // The next start: a new store on the same folder.
    let store = Arc::new(DraftStore::open(f._dir.path()).unwrap());
    let outbox = Outbox::new(store.clone(), Some(client));
    assert_eq!(outbox.waiting().unwrap().len(), 1, "still in the outbox");
    let results = outbox.send_due(OffsetDateTime::now_utc()).await.unwrap();
    let attempt = results[0].as_ref().unwrap();
    assert_eq!(attempt.result, AttemptResult::Accepted(receipt.clone()));
    assert_eq!(attempt.draft.outbox.as_ref().unwrap().attempts, 2);
    assert_eq!(intake.count(), 1);
    assert_eq!(on_disk(&store, &d).status, Status::Sent);
}

#[tokio::test]
async fn offline_queued_then_the_server_starts_and_it_is_accepted_once() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let f = folder();
    let d = queue(&f.store, example("municipalite"));
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&url)));
    let first = outbox.send_all().await.unwrap();
    assert!(matches!(
        first[0].as_ref().unwrap().result,
        AttemptResult::Deferred { .. }
    ));
    let intake = Intake::start_with(Config::default(), port);
    let results = outbox.send_all().await.unwrap();
    assert!(matches!(
        results[0].as_ref().unwrap().result,
        AttemptResult::Accepted(_)
    ));
    assert_eq!(outbox.send_all().await.unwrap().len(), 0);
    assert_eq!(intake.count(), 1);
    assert_eq!(on_disk(&f.store, &d).status, Status::Sent);
}

#[tokio::test]
async fn busy_then_accepted_honours_retry_after() {
    let intake = Intake::start();
    intake.set_faults(Faults {
        indisponible: 1,
        retry_after: 120,
        ..Faults::default()
    });
    let f = folder();
    let d = queue(&f.store, example("organisme"));
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&intake.url())));
    let before = OffsetDateTime::now_utc();
    let attempt = outbox.send_one(d.id).await.unwrap();
    let AttemptResult::Deferred { failure, next } = attempt.result else {
        panic!()
    };
    assert_eq!(failure.code, FailureKind::Busy);
    assert!(next >= before + time::Duration::seconds(120), "{next}");
    let attempt = outbox.send_one(d.id).await.unwrap();
    assert!(matches!(attempt.result, AttemptResult::Accepted(_)));
}

#[tokio::test]
async fn a_422_refuses_and_reopens_at_the_field() {
    let intake = Intake::start();
    intake.set_faults(Faults {
        refuser_champ: Some(FieldError {
            champ: "demandeur.courriel".into(),
            message: "Cette adresse ne reçoit pas de courriel.".into(),
        }),
        ..Faults::default()
    });
    let f = folder();
    let d = queue(&f.store, example("municipalite"));
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&intake.url())));
    let attempt = outbox.send_one(d.id).await.unwrap();
    assert!(matches!(attempt.result, AttemptResult::Refused(_)));
    let saved = on_disk(&f.store, &d);
    assert_eq!(saved.status, Status::Refused);
    assert_eq!(
        saved.step,
        Field::RequesterEmail.step(),
        "reopens at the field"
    );
    let refusal = saved.refusal.unwrap();
    assert_eq!(refusal.erreurs[0].champ, "demandeur.courriel");
    assert!(outbox.waiting().unwrap().is_empty());
    assert_eq!(outbox.contents().unwrap().len(), 1, "shown as refused");
}

#[tokio::test]
async fn a_second_gestionnaire_is_refused_with_the_servers_words() {
    let intake = Intake::start();
    let f = folder();
    let a = queue(&f.store, example("municipalite"));
    let b = queue(&f.store, example("municipalite"));
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&intake.url())));
    assert!(matches!(
        outbox.send_one(a.id).await.unwrap().result,
        AttemptResult::Accepted(_)
    ));
    let AttemptResult::Refused(r) = outbox.send_one(b.id).await.unwrap().result else {
        panic!()
    };
    assert_eq!(r.code, "gestionnaire_deja_designe");
    let saved = on_disk(&f.store, &b);
    assert_eq!((saved.status, saved.step), (Status::Refused, Step::Refused));
    assert!(saved.refusal.unwrap().message.contains("déjà"));
}

#[tokio::test]
async fn unconfirmed_details_are_checked_before_sending() {
    let intake = Intake::start();
    let f = folder();
    let mut known = example("municipalite");
    known.manager.confirmed = false;
    known.manager.last_name.clear();
    let known = queue(&f.store, known);
    let mut unknown = example("organisme");
    unknown.manager.username = "zzzz9999".into();
    unknown.manager.confirmed = false;
    let unknown = queue(&f.store, unknown);
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&intake.url())));
    let attempt = outbox.send_one(known.id).await.unwrap();
    assert!(matches!(attempt.result, AttemptResult::Accepted(_)));
    assert!(attempt.draft.manager.confirmed);
    assert_eq!(attempt.draft.manager.last_name, "Côté");
    let attempt = outbox.send_one(unknown.id).await.unwrap();
    let AttemptResult::Refused(r) = attempt.result else {
        panic!()
    };
    assert_eq!(r.code, UNKNOWN_USERNAME);
    assert_eq!(attempt.draft.step, Step::Manager);
    assert_eq!(intake.count(), 1, "the unknown one was never sent");
}

#[tokio::test]
async fn without_an_address_everything_waits() {
    let f = folder();
    let d = queue(&f.store, example("organisme"));
    let outbox = Outbox::new(f.store.clone(), None);
    let AttemptResult::Deferred { failure, .. } = outbox.send_one(d.id).await.unwrap().result
    else {
        panic!()
    };
    assert_eq!(failure.code, FailureKind::NotConfigured);
    assert_eq!(outbox.waiting().unwrap().len(), 1);
}

#[tokio::test]
async fn a_duplicate_of_a_sent_designation_starts_afresh() {
    let intake = Intake::start();
    let f = folder();
    let d = queue(&f.store, example("organisme"));
    let outbox = Outbox::new(f.store.clone(), Some(client_for(&intake.url())));
    outbox.send_one(d.id).await.unwrap();
    let copy = f.store.duplicate(d.id).unwrap();
    assert_ne!(copy.id, d.id);
    assert_eq!(copy.status, Status::Draft);
    assert_eq!((copy.receipt, copy.outbox), (None, None));
}
