//! An outbox of 500 designations sent to the reference intake server on loopback, with bounded
//! concurrency: how long it takes, and that every one arrives exactly once.
//!
//! `cargo bench --bench outbox` (a plain bench: it prints its figures and fails on a duplicate
//! or when it takes 10 s or more).

#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use piqm_acces::designation::Status;
use piqm_acces::store::DraftStore;
use piqm_acces::submit::outbox::{self, CONCURRENCY};
use piqm_acces::submit::{AttemptResult, Client, Endpoint, Outbox};
use support::{Intake, example};
use time::OffsetDateTime;

const DRAFTS: usize = 500;
const LIMIT: Duration = Duration::from_secs(10);

fn main() {
    // `cargo test --benches` runs benches with no argument meant for them: keep that quick.
    let count = if std::env::args().any(|a| a == "--bench") {
        DRAFTS
    } else {
        50
    };
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(DraftStore::open(dir.path()).unwrap());
    let now = OffsetDateTime::now_utc();
    for i in 0..count {
        // 500 different organismes: one gestionnaire each.
        let mut d = example("organisme");
        d.organization.name = format!("Organisme de test n° {i}");
        outbox::mark_queued(&mut d, now);
        store.write(&d).unwrap();
    }
    let client = Client::new(Endpoint::parse(&intake.url()).unwrap(), None).unwrap();
    let outbox = Outbox::new(store.clone(), Some(client));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let start = Instant::now();
    let results = runtime.block_on(outbox.send_all()).unwrap();
    let elapsed = start.elapsed();

    let accepted = results
        .iter()
        .filter(|r| {
            matches!(
                r.as_ref().map(|a| &a.result),
                Ok(AttemptResult::Accepted(_))
            )
        })
        .count();
    let stored = intake.stored();
    let keys: HashSet<_> = stored.iter().map(|s| s.cle.clone()).collect();
    let sent_on_disk = store
        .list()
        .unwrap()
        .drafts
        .iter()
        .filter(|s| store.load(s.id).unwrap().status == Status::Sent)
        .count();
    println!(
        "outbox: {count} designations sent in {:.2} s ({:.1} ms each, {CONCURRENCY} at a time): \
         {accepted} accepted, {} stored on the server ({} distinct keys), {sent_on_disk} marked sent on disk",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / count as f64,
        stored.len(),
        keys.len(),
    );
    assert_eq!(accepted, count, "every one accepted");
    assert_eq!(stored.len(), count, "no duplicate, none missing");
    assert_eq!(keys.len(), count);
    assert_eq!(sent_on_disk, count);
    assert!(elapsed < LIMIT, "{elapsed:?}");
    runtime.shutdown_background();
}
