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
criterion_main!(benches, tmpg, tmpg2);
fn tmp(c: &mut Criterion) {
    let r = Reference::load().unwrap();
    let names: Vec<String> = r.municipalities().iter().map(|m| m.name.clone()).collect();
    c.bench_function("fold_all", |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| piqm_acces::reference::fold(n).len())
                .sum::<usize>()
        })
    });
    let data = std::fs::read_to_string("resources/data/municipalites.csv").unwrap();
    c.bench_function("csv_records", |b| {
        b.iter(|| {
            let mut rd = csv::Reader::from_reader(data.as_bytes());
            rd.records().count()
        })
    });
}
criterion_group!(tmpg, tmp);
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Row {
    code_geo: String,
    nom: String,
    code_designation: String,
    mrc_nom: String,
    region_code: String,
    circonscriptions_provinciales: String,
}
fn tmp2(c: &mut Criterion) {
    let data = std::fs::read_to_string("resources/data/municipalites.csv").unwrap();
    c.bench_function("csv_deser", |b| {
        b.iter(|| {
            let mut rd = csv::Reader::from_reader(data.as_bytes());
            let h = rd.headers().unwrap().clone();
            let mut rec = csv::StringRecord::new();
            let mut n = 0;
            while rd.read_record(&mut rec).unwrap() {
                let r: Row = rec.deserialize(Some(&h)).unwrap();
                n += r.nom.len();
            }
            n
        })
    });
    c.bench_function("csv_deser_noheader", |b| {
        b.iter(|| {
            let mut rd = csv::Reader::from_reader(data.as_bytes());
            let h = rd.headers().unwrap().clone();
            let mut rec = csv::StringRecord::new();
            let mut n = 0;
            while rd.read_record(&mut rec).unwrap() {
                n += rec[1].len() + h.len();
            }
            n
        })
    });
}
criterion_group!(tmpg2, tmp2);
