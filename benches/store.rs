//! The drafts list: a data folder of 5,000 drafts must list in under 200 ms (release build).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use piqm_acces::designation::{Designation, from_json};
use piqm_acces::reference::Reference;
use piqm_acces::store::DraftStore;
use uuid::Uuid;

const DRAFTS: usize = 5_000;

/// 5,000 drafts made from the two complete examples, every fourth one left incomplete, written
/// straight into the drafts folder (the benchmark is about listing, not saving).
fn fill(data_dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/examples");
    let examples: Vec<Designation> = ["municipalite.json", "organisme.json"]
        .iter()
        .map(|n| from_json(&std::fs::read_to_string(root.join(n)).unwrap()).unwrap())
        .collect();
    let store = DraftStore::open(data_dir).unwrap();
    let drafts = data_dir.join("drafts");
    for i in 0..DRAFTS {
        let mut d = examples[i % 2].clone();
        d.id = Uuid::new_v4();
        d.organization.name = format!("{} {i}", d.organization.name);
        d.updated_at += time::Duration::minutes(i as i64);
        if i % 4 == 3 {
            d.requester.email.clear();
        }
        let path = drafts.join(format!("{}.json", d.id));
        std::fs::write(path, serde_json::to_vec_pretty(&d).unwrap()).unwrap();
    }
    drop(store);
}

fn list(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    fill(dir.path());
    let store = DraftStore::open(dir.path()).unwrap();
    // The application loads the reference lists at start; the list uses them to validate.
    Reference::get();
    let first = store.list().unwrap();
    assert_eq!(first.drafts.len(), DRAFTS);
    assert!(first.unreadable.is_empty());
    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    group.bench_function("list 5000 drafts", |b| {
        b.iter(|| black_box(store.list().unwrap()))
    });
    group.finish();
}

/// One autosave: the draft written to a temporary file, flushed to disk, renamed, folder flushed.
fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/examples");
    let mut d =
        from_json(&std::fs::read_to_string(root.join("municipalite.json")).unwrap()).unwrap();
    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    group.bench_function("save one draft (durable)", |b| {
        b.iter(|| store.save(black_box(&mut d)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, list, save);
criterion_main!(benches);
