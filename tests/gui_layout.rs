//! The layout holds (issue 9): at the four window widths the product must hold, in French and
//! in English, with every field of a step showing its error, no input is narrower than its
//! label and no text runs past the window's right edge. Measured from iced_test's element
//! bounds on the real screens.

use std::sync::Arc;

mod gui_support;
mod support;

use iced::{Rectangle, Size};
use iced_test::Simulator;
use iced_test::selector::Candidate;
use piqm_acces::designation::{Designation, Field, Step};
use piqm_acces::gui::{App, Message, Screen};
use piqm_acces::i18n::Lang;
use piqm_acces::lookup::NoEndpoint;
use piqm_acces::wizard::Wizard;
use support::example;

const WIDTHS: [f32; 4] = [720.0, 1024.0, 1366.0, 1920.0];

/// The example with one step's answers emptied, on that step, after Continuer.
fn with_every_error(lang: Lang, step: Step) -> App {
    let mut d: Designation = example("municipalite");
    for field in Field::of_step(step) {
        if !field.is_looked_up() {
            let _ = field.set(&mut d, String::new());
        }
    }
    d.step = step;
    let mut app = App::new(lang, Arc::new(NoEndpoint));
    app.screen = Screen::Wizard(Box::new(Wizard::resume(d, app.refs)));
    let _ = app.update(Message::Continue);
    assert_eq!(app.wizard().unwrap().step(), step, "Continuer was blocked");
    assert!(!app.wizard().unwrap().problems().is_empty());
    app
}

/// Texts (or inputs, by id) on screen, with their bounds.
type Placed = Vec<(String, Rectangle)>;

/// Every text and text input on screen, with its bounds.
fn elements(app: &App, width: f32) -> (Placed, Placed) {
    let mut texts = Vec::new();
    let mut inputs = Vec::new();
    let mut ui = Simulator::with_size(
        gui_support::settings(),
        Size::new(width, 4000.0),
        app.view(),
    );
    let _ = ui.find(|c: Candidate<'_>| {
        match c {
            Candidate::Text {
                content, bounds, ..
            } => texts.push((content.to_string(), bounds)),
            Candidate::TextInput {
                id: Some(id),
                bounds,
                ..
            } => inputs.push((format!("{id:?}"), bounds)),
            _ => {}
        }
        None::<()>
    });
    (texts, inputs)
}

fn check(lang: Lang, step: Step) {
    let app = with_every_error(lang, step);
    for width in WIDTHS {
        let (texts, inputs) = elements(&app, width);
        assert!(!inputs.is_empty(), "no input found on {step:?}");
        for (content, b) in &texts {
            assert!(
                b.x + b.width <= width + 0.5,
                "{lang:?} {step:?} at {width} px: « {content} » runs past the window's edge ({b:?})"
            );
        }
        for field in Field::of_step(step).filter(|f| !f.is_looked_up()) {
            let label = app.l.t(field.label_id());
            let Some((_, input)) = inputs.iter().find(|(id, _)| id.contains(field.path())) else {
                continue;
            };
            let label_bounds = texts
                .iter()
                .filter(|(content, _)| content.starts_with(&label))
                .map(|(_, b)| *b)
                .min_by(|a, b| (a.y - input.y).abs().total_cmp(&(b.y - input.y).abs()));
            let Some(label_bounds) = label_bounds else {
                panic!("{lang:?} {step:?}: no label « {label} » on screen");
            };
            assert!(
                input.width + 0.5 >= label_bounds.width,
                "{lang:?} {step:?} at {width} px: the input of « {label} » ({} px) is narrower than its label ({} px)",
                input.width,
                label_bounds.width
            );
            assert!(
                input.width >= 120.0,
                "{lang:?} {step:?} at {width} px: the input of « {label} » is squeezed to {} px",
                input.width
            );
        }
    }
}

#[test]
fn the_organisme_step_holds_at_every_width_in_both_languages() {
    check(Lang::Fr, Step::Organization);
    check(Lang::En, Step::Organization);
}

#[test]
fn the_demandeur_step_holds_at_every_width_in_both_languages() {
    check(Lang::Fr, Step::Requester);
    check(Lang::En, Step::Requester);
}

#[test]
fn the_gestionnaire_step_holds_at_every_width_in_both_languages() {
    check(Lang::Fr, Step::Manager);
    check(Lang::En, Step::Manager);
}
