//! Reference lists: parsing the embedded CSVs, and type-to-filter search as the user types.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use piqm_acces::reference::Reference;

fn load(c: &mut Criterion) {
    c.bench_function("Reference::load", |b| {
        b.iter(|| Reference::load().expect("embedded data loads"))
    });
}

fn search(c: &mut Criterion) {
    let reference = Reference::load().expect("embedded data loads");
    let mut group = c.benchmark_group("search_municipalities");
    // A one-letter query, a common prefix, an accented exact name typed without accents, and a
    // query that mostly matches later words.
    for query in ["l", "sai", "levis", "rivière-du"] {
        group.bench_function(query, |b| {
            b.iter(|| reference.search_municipalities(black_box(query), black_box(50)))
        });
    }
    group.bench_function("empty", |b| {
        b.iter(|| reference.search_municipalities(black_box(""), black_box(50)))
    });
    group.finish();
}

criterion_group!(benches, load, search);
criterion_main!(benches);
