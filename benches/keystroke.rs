//! One keystroke in the window: `update` with the typed text, then `view` of the whole screen.
//! Target: under 1 ms.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use piqm_acces::designation::Field;
use piqm_acces::gui::{App, Message};
use piqm_acces::i18n::Lang;
use piqm_acces::lookup::NoEndpoint;

/// An application on the organisme step, as after choosing the municipal form.
fn on_organization_step() -> App {
    let mut app = App::new(Lang::Fr, Arc::new(NoEndpoint));
    for m in [
        Message::NewDesignation,
        Message::PickerChoose(Field::FormKind, "municipalite".into()),
        Message::PickerChoose(Field::MunicipalCategory, "ville".into()),
        Message::Continue,
        Message::Edit(Field::OrgName, "Ville de Lévis".into()),
    ] {
        let _ = app.update(m);
    }
    app
}

fn keystroke(c: &mut Criterion) {
    let mut app = on_organization_step();
    let mut n = 0u32;
    c.bench_function("keystroke in a text field: update + view", |b| {
        b.iter(|| {
            n = n.wrapping_add(1);
            let text = if n.is_multiple_of(2) {
                "Ville de Lévis"
            } else {
                "Ville de Lévi"
            };
            let _ = app.update(Message::Edit(Field::OrgName, text.into()));
            black_box(app.view());
        })
    });
    let mut app = on_organization_step();
    c.bench_function("keystroke in the municipality picker: update + view", |b| {
        b.iter(|| {
            n = n.wrapping_add(1);
            let text = if n.is_multiple_of(2) {
                "saint-j"
            } else {
                "saint-je"
            };
            let _ = app.update(Message::PickerInput(Field::Municipality, text.into()));
            black_box(app.view());
        })
    });
}

/// The home screen of a data folder of 5,000 drafts (written straight into it).
fn home_with_5000_drafts(dir: &std::path::Path) -> App {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/examples");
    let example = piqm_acces::designation::from_json(
        &std::fs::read_to_string(root.join("organisme.json")).unwrap(),
    )
    .unwrap();
    let drafts = dir.join("data/drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    for i in 0..5_000 {
        let mut d = example.clone();
        d.id = uuid::Uuid::new_v4();
        d.organization.name = format!("Régie numéro {i}");
        let path = drafts.join(format!("{}.json", d.id));
        std::fs::write(path, serde_json::to_vec(&d).unwrap()).unwrap();
    }
    let mut app = App::from_options(&piqm_acces::gui::Options {
        lang: Some(Lang::Fr),
        config: Some(dir.join("config.toml")),
        data_dir: Some(dir.join("data")),
        ..Default::default()
    });
    app.load_drafts_now();
    app
}

fn home_at_scale(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = home_with_5000_drafts(dir.path());
    let mut n = 0u32;
    c.bench_function(
        "home, 5000 drafts: a filter keystroke, update + view",
        |b| {
            b.iter(|| {
                n = n.wrapping_add(1);
                let text = if n.is_multiple_of(2) {
                    "numéro 12"
                } else {
                    "numéro 1"
                };
                let filter = piqm_acces::gui::DraftMessage::Filter(text.into());
                let _ = app.update(piqm_acces::gui::drafts_msg(filter));
                black_box(app.view());
            })
        },
    );
    c.bench_function("home, 5000 drafts: the page scrolled, update + view", |b| {
        b.iter(|| {
            n = n.wrapping_add(1);
            app.page.top = f32::from(u16::try_from(n % 500).unwrap_or(0)) * 100.0;
            let _ = app.update(Message::PageScrolled);
            black_box(app.view());
        })
    });
}

/// The review page of a complete designation (the example, stopped at its review): what each
/// Tab there costs before layout — the page's `view`, which validates the draft to show its
/// problems — and the validation alone.
fn review(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/examples");
    let example = piqm_acces::designation::from_json(
        &std::fs::read_to_string(root.join("organisme.json")).unwrap(),
    )
    .unwrap();
    let refs = piqm_acces::reference::Reference::get();
    c.bench_function("review of a complete designation: validate", |b| {
        b.iter(|| black_box(piqm_acces::designation::validate(&example, refs)))
    });
    let mut app = App::new(Lang::Fr, Arc::new(NoEndpoint));
    let opened = piqm_acces::gui::DraftMessage::Opened(Ok(example));
    let _ = app.update(piqm_acces::gui::drafts_msg(opened));
    assert!(app.wizard().is_some(), "the example opens");
    c.bench_function("review of a complete designation: view", |b| {
        b.iter(|| black_box(app.view()))
    });
}

criterion_group!(benches, keystroke, home_at_scale, review);
criterion_main!(benches);
