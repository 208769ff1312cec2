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

criterion_group!(benches, keystroke);
criterion_main!(benches);
