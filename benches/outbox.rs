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
    run(count, 0);
    // The same with one connection in ten cut after the server stored the designation: the
    // second pass must get those numéros back, not create new designations.
    run(count, count as u32 / 10);
}

fn run(count: usize, cuts: u32) {
    let intake = Intake::start();
    intake.set_faults(support::server::Faults {
        coupure_apres_stockage: cuts,
        ..Default::default()
    });
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
    let mut accepted = 0;
    let mut passes = 0;
    // "Envoyer maintenant" until the outbox is empty (the cut ones wait for a second pass).
    loop {
        let results = runtime.block_on(outbox.send_all()).unwrap();
        if results.is_empty() || passes == 3 {
            break;
        }
        passes += 1;
        accepted += results
            .iter()
            .filter(|r| {
                matches!(
                    r.as_ref().map(|a| &a.result),
                    Ok(AttemptResult::Accepted(_))
                )
            })
            .count();
    }
    let elapsed = start.elapsed();
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
        "outbox: {count} designations, {cuts} connections cut after storing: sent in {:.2} s \
         ({:.1} ms each, {CONCURRENCY} at a time, {} passes): {accepted} accepted, {} stored on \
         the server ({} distinct keys), {sent_on_disk} marked sent on disk",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / count as f64,
        passes,
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
