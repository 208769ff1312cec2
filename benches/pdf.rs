//! The signed PDF copy: export + sign of a complete designation (goal: median under 20 ms in
//! release, file under 150 KB), with the installation's P-256 identity and with an RSA-2048
//! organisational certificate. And `export_long_name`: a 200,000-character organisme name in
//! one word, cut across the pages (linear wrapping: it took 40 s in a debug build when each
//! line re-measured the rest of the word).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use piqm_acces::designation::from_json;
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::{self, ExportOptions, Identity, Paper, Subject};

fn export(c: &mut Criterion) {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/resources/examples/municipalite.json"))
        .expect("example");
    let d = from_json(&text).expect("example parses");
    let now = time::OffsetDateTime::now_utc();
    let options = ExportOptions {
        paper: Paper::Letter,
        lang: Lang::Fr,
        now,
    };
    let self_signed = Identity::self_signed(&Subject::installation(), now).expect("identity");
    let p12 = std::fs::read(format!("{root}/tests/fixtures/organisation-aes.p12")).expect("p12");
    let rsa = Identity::from_pkcs12(&p12, "piqm-test").expect("p12 opens");

    for (name, identity) in [
        ("P-256 self-signed", &self_signed),
        ("RSA-2048 chain", &rsa),
    ] {
        let size = pdf::export(&d, &options, identity)
            .expect("export")
            .bytes
            .len();
        eprintln!(
            "signed file, {name}: {size} bytes ({:.1} KB)",
            size as f64 / 1024.0
        );
    }

    let mut group = c.benchmark_group("export_and_sign");
    group.bench_function("P-256 self-signed", |b| {
        b.iter(|| pdf::export(black_box(&d), &options, &self_signed).expect("export"))
    });
    group.bench_function("RSA-2048 chain", |b| {
        b.iter(|| pdf::export(black_box(&d), &options, &rsa).expect("export"))
    });
    group.finish();
}

fn export_long_name(c: &mut Criterion) {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/resources/examples/organisme.json"))
        .expect("example");
    let mut d = from_json(&text).expect("example parses");
    d.organization.name = "x".repeat(200_000);
    let now = time::OffsetDateTime::now_utc();
    let options = ExportOptions {
        paper: Paper::Letter,
        lang: Lang::Fr,
        now,
    };
    let identity = Identity::self_signed(&Subject::installation(), now).expect("identity");
    let exported = pdf::export(&d, &options, &identity).expect("export");
    eprintln!(
        "200,000-character name: {} bytes ({:.1} KB)",
        exported.bytes.len(),
        exported.bytes.len() as f64 / 1024.0
    );
    let mut group = c.benchmark_group("export_long_name");
    group.sample_size(10);
    group.bench_function("200,000 characters", |b| {
        b.iter(|| pdf::export(black_box(&d), &options, &identity).expect("export"))
    });
    group.finish();
}

criterion_group!(benches, export, export_long_name);
criterion_main!(benches);
