//! Large text (issue 13): the text size scales the whole window (`App::scale_factor`), so a
//! screen at 200 % lays the application out as a window half as wide and half as high would be
//! at 100 %: 1366×768 at 200 % is 683×384, 1024×768 at 200 % is 512×384, 1366×768 at 150 % is
//! 911×512. On every screen at those sizes, in both languages: no text runs past the window's
//! right edge, no two texts lie on one another (a row too short for what it holds spills onto
//! the next one), and no input or button leaves the window. Measured from iced_test's element
//! bounds on the real screens.

use std::path::Path;
use std::sync::Arc;

mod gui_support;
mod support;

use gui_support::send;
use iced::{Rectangle, Size};
use iced_test::Simulator;
use iced_test::selector::Candidate;
use piqm_acces::designation::{Designation, Field, Step};
use piqm_acces::gui::{App, DraftMessage, Message, Options, Screen, drafts_msg};
use piqm_acces::i18n::Lang;
use piqm_acces::lookup::NoEndpoint;
use piqm_acces::settings::Zoom;
use piqm_acces::wizard::Wizard;
use support::example;

/// The logical sizes of real screens at large text sizes.
const SIZES: [(f32, f32, &str); 3] = [
    (683.0, 384.0, "1366×768 at 200 %"),
    (512.0, 384.0, "1024×768 at 200 %"),
    (911.0, 512.0, "1366×768 at 150 %"),
];

/// A name near the longest a list row shows whole at 1366×768 and 200 % (two lines).
const LONG_NAME: &str = "Régie intermunicipale d'assainissement des eaux usées et de gestion des matières résiduelles de la Haute-Côte";

/// A line of the smallest text (14 px, line height 1.3).
const SMALL_LINE: f32 = 18.2;
/// The lowest button: a link, 4 px above and below a 16 px line.
const BUTTON_HEIGHT: f32 = 28.8;

#[derive(Debug)]
struct Placed {
    what: String,
    bounds: Rectangle,
}

/// Every text, text input and focusable control on screen, with its bounds; and the rows of
/// the long lists (containers of one fixed height each, which cut what does not fit).
fn elements(app: &App, (width, height): (f32, f32)) -> (Vec<Placed>, Vec<Placed>, Vec<Placed>) {
    let mut texts = Vec::new();
    let mut controls = Vec::new();
    let mut rows = Vec::new();
    let mut ui = Simulator::with_size(
        gui_support::settings(),
        Size::new(width, height),
        app.view(),
    );
    let _ = ui.find(|c: Candidate<'_>| {
        match c {
            Candidate::Text {
                content, bounds, ..
            } => texts.push(Placed {
                what: content.to_string(),
                bounds,
            }),
            Candidate::TextInput { id, bounds, .. } => controls.push(Placed {
                what: format!("input {id:?}"),
                bounds,
            }),
            Candidate::Focusable { id, bounds, .. } => controls.push(Placed {
                what: format!("control {id:?}"),
                bounds,
            }),
            Candidate::Container {
                id: Some(id),
                bounds,
                ..
            } if format!("{id:?}").contains("_row_") => rows.push(Placed {
                what: format!("{id:?}"),
                bounds,
            }),
            _ => {}
        }
        None::<()>
    });
    (texts, controls, rows)
}

fn inside(inner: Rectangle, outer: Rectangle) -> bool {
    inner.x >= outer.x - 0.5
        && inner.y >= outer.y - 0.5
        && inner.x + inner.width <= outer.x + outer.width + 0.5
        && inner.y + inner.height <= outer.y + outer.height + 0.5
}

fn overlap(a: Rectangle, b: Rectangle) -> f32 {
    let w = (a.x + a.width).min(b.x + b.width) - a.x.max(b.x);
    let h = (a.y + a.height).min(b.y + b.height) - a.y.max(b.y);
    if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
}

/// The checks, at every size; `what` names the screen in failures. The page reports its width
/// to the application (the lists lay their rows out by it), as the real page does after its
/// first frame.
fn holds(app: &mut App, what: &str) {
    for (width, height, screen) in SIZES {
        // The window's width and the page's, as the window reports them (at 100 % here:
        // these logical sizes are what a screen twice as wide shows at 200 %).
        app.window_width = width;
        app.page.width = width;
        let (texts, controls, rows) = elements(app, (width, height));
        assert!(!texts.is_empty(), "{what}: nothing on screen");
        for t in &texts {
            let b = t.bounds;
            assert!(
                b.x >= -0.5 && b.x + b.width <= width + 0.5,
                "{what}, {screen}: « {} » runs past the window's edge ({b:?})",
                t.what
            );
        }
        for c in &controls {
            let b = c.bounds;
            assert!(
                b.x >= -0.5 && b.x + b.width <= width + 0.5,
                "{what}, {screen}: {} leaves the window ({b:?})",
                c.what
            );
        }
        // A list row has one fixed height: what does not fit is squeezed (iced gives the last
        // parts what room is left) and cut. Everything in a row must keep its own height: a
        // line of text at least one line, a button its padding and a line.
        for row in &rows {
            let in_row = |e: &&Placed| {
                e.bounds.y >= row.bounds.y && e.bounds.y < row.bounds.y + row.bounds.height
            };
            let parts = texts.iter().filter(in_row).map(|e| (e, SMALL_LINE));
            let buttons = controls.iter().filter(in_row).map(|e| (e, BUTTON_HEIGHT));
            for (e, least) in parts.chain(buttons) {
                assert!(
                    inside(e.bounds, row.bounds) && e.bounds.height >= least - 0.5,
                    "{what}, {screen}: « {} » ({:?}) does not fit in its row {} ({:?})",
                    e.what,
                    e.bounds,
                    row.what,
                    row.bounds
                );
            }
        }
        assert!(
            !what.contains("home") || !rows.is_empty(),
            "{what}, {screen}: no list row found"
        );
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                // A pixel of antialiasing is not an overlap.
                assert!(
                    overlap(a.bounds, b.bounds) < 2.0,
                    "{what}, {screen}: « {} » ({:?}) and « {} » ({:?}) lie on one another",
                    a.what,
                    a.bounds,
                    b.what,
                    b.bounds
                );
            }
        }
    }
}

fn both_languages(f: impl Fn(Lang)) {
    f(Lang::Fr);
    f(Lang::En);
}

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
    app
}

#[test]
fn the_text_size_is_the_window_s_scale() {
    let mut app = App::new(Lang::Fr, Arc::new(NoEndpoint));
    assert_eq!(app.scale_factor(), 1.0);
    for _ in 0..3 {
        let _ = app.update(Message::Zoom(Zoom::Larger));
    }
    assert_eq!(app.scale_factor(), 1.5);
    for _ in 0..5 {
        let _ = app.update(Message::Zoom(Zoom::Larger));
    }
    assert_eq!(app.scale_factor(), 2.0, "never past 200 %");
    let _ = app.update(Message::Zoom(Zoom::Smaller));
    assert_eq!(app.scale_factor(), 1.75);
    let _ = app.update(Message::Zoom(Zoom::Reset));
    assert_eq!(app.scale_factor(), 1.0);
}

#[test]
fn every_step_with_every_error_holds_at_large_text() {
    both_languages(|lang| {
        for step in [
            Step::Choice,
            Step::Organization,
            Step::Requester,
            Step::Manager,
        ] {
            holds(
                &mut with_every_error(lang, step),
                &format!("{lang:?} {step:?}"),
            );
        }
    });
}

#[test]
fn the_review_holds_at_large_text() {
    both_languages(|lang| {
        for name in ["municipalite", "organisme"] {
            let mut d = example(name);
            d.step = Step::Review;
            let mut app = App::new(lang, Arc::new(NoEndpoint));
            app.screen = Screen::Wizard(Box::new(Wizard::resume(d, app.refs)));
            holds(&mut app, &format!("{lang:?} review of {name}"));
        }
    });
}

#[test]
fn the_settings_the_outbox_and_the_help_hold_at_large_text() {
    both_languages(|lang| {
        let mut app = App::new(lang, Arc::new(NoEndpoint));
        app.screen = Screen::Settings;
        holds(&mut app, &format!("{lang:?} settings"));
        app.screen = Screen::Outbox;
        holds(&mut app, &format!("{lang:?} outbox"));
        let mut app = with_every_error(lang, Step::Organization);
        app.help_open = true;
        holds(&mut app, &format!("{lang:?} help over the organisme step"));
    });
}

/// Three drafts, the first with a long name; one in the trash.
fn home(lang: Lang, dir: &Path) -> App {
    let mut app = App::from_options(&Options {
        lang: Some(lang),
        config: Some(dir.join("config.toml")),
        data_dir: Some(dir.to_path_buf()),
        ..Options::default()
    });
    let store = app.drafts.store.clone().unwrap();
    let mut ids = Vec::new();
    for (i, name) in [
        "Ville de Lévis",
        "Municipalité de Saint-Louis-de-Blandford",
        LONG_NAME,
        "MRC de La Matapédia",
    ]
    .iter()
    .enumerate()
    {
        let mut d = example(if i % 2 == 0 {
            "organisme"
        } else {
            "municipalite"
        });
        d.organization.name = name.to_string();
        // The long name the newest: first in the list, with rows below it.
        d.updated_at += time::Duration::minutes(i as i64);
        store.write(&d).unwrap();
        ids.push(d.id);
    }
    app.load_drafts_now();
    send(&mut app, drafts_msg(DraftMessage::AskDelete(ids[3])));
    send(&mut app, drafts_msg(DraftMessage::Delete(ids[3])));
    send(&mut app, drafts_msg(DraftMessage::ToggleTrash));
    app
}

#[test]
fn the_home_screen_and_its_lists_hold_at_large_text() {
    both_languages(|lang| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = home(lang, dir.path());
        assert_eq!(app.drafts.listing.drafts.len(), 3);
        assert!(
            app.drafts
                .trash
                .as_ref()
                .is_some_and(|t| t.drafts.len() == 1)
        );
        holds(&mut app, &format!("{lang:?} home"));
        // A row asking whether to delete holds too.
        let first = app.drafts.listing.drafts[0].id;
        send(&mut app, drafts_msg(DraftMessage::AskDelete(first)));
        holds(&mut app, &format!("{lang:?} home asking to delete"));
    });
}

/// Ctrl+=, Ctrl+- and Ctrl+0 change the size from inside a field without typing into it (iced's
/// text input would insert the "=", "-" or "0" of a Ctrl combination it does not know), and the
/// next letters still go to that field.
#[test]
fn the_size_keys_work_from_a_field_and_type_nothing_into_it() {
    use iced::Event;
    use iced::keyboard::{self, Key, Location, Modifiers, key};
    let app = with_every_error(Lang::Fr, Step::Organization);
    let mut ui = Simulator::with_size(
        gui_support::settings(),
        Size::new(1024.0, 768.0),
        app.view(),
    );
    ui.click(iced_test::selector::id(Field::OrgName.path()))
        .unwrap();
    let ctrl = |c: &str| {
        let key = Key::Character(c.into());
        [
            Event::Keyboard(keyboard::Event::ModifiersChanged(Modifiers::CTRL)),
            Event::Keyboard(keyboard::Event::KeyPressed {
                key: key.clone(),
                modified_key: key.clone(),
                physical_key: key::Physical::Unidentified(key::NativeCode::Unidentified),
                location: Location::Standard,
                modifiers: Modifiers::CTRL,
                text: Some(c.into()),
                repeat: false,
            }),
            Event::Keyboard(keyboard::Event::KeyReleased {
                key: key.clone(),
                modified_key: key,
                physical_key: key::Physical::Unidentified(key::NativeCode::Unidentified),
                location: Location::Standard,
                modifiers: Modifiers::CTRL,
            }),
            Event::Keyboard(keyboard::Event::ModifiersChanged(Modifiers::empty())),
        ]
    };
    for c in ["=", "=", "-", "0"] {
        ui.simulate(ctrl(c));
    }
    ui.typewrite("x");
    let messages: Vec<Message> = ui.into_messages().collect();
    let zooms: Vec<Zoom> = messages
        .iter()
        .filter_map(|m| match m {
            Message::Zoom(z) => Some(*z),
            _ => None,
        })
        .collect();
    assert_eq!(
        zooms,
        [Zoom::Larger, Zoom::Larger, Zoom::Smaller, Zoom::Reset]
    );
    let typed: Vec<&str> = messages
        .iter()
        .filter_map(|m| match m {
            Message::Edit(Field::OrgName, value) => Some(value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(typed, ["x"], "only the letter reached the field");
}

/// The help stands beside the page when there is room for both, and takes the page's place
/// when there is not (at 1366×768 and 200 % the page would keep 343 pixels).
#[test]
fn the_help_takes_the_page_s_place_in_a_narrow_window() {
    let mut app = with_every_error(Lang::Fr, Step::Organization);
    app.help_open = true;
    let shown = |app: &App, width: f32| {
        let (texts, ..) = elements(app, (width, 600.0));
        let has = |s: &str| texts.iter().any(|t| t.what.starts_with(s));
        (
            has("Remplissez chaque étape"),
            has("Inscrivez les coordonnées complètes de votre organisme."),
        )
    };
    app.window_width = 1366.0;
    assert_eq!(shown(&app, 1366.0), (true, true), "beside at 100 %");
    // 200 %: the same window, half as wide in the screens' units.
    for _ in 0..5 {
        let _ = app.update(Message::Zoom(Zoom::Larger));
    }
    assert_eq!(app.layout_width(), 683.0);
    assert_eq!(shown(&app, 683.0), (true, false), "in its place at 200 %");
    let _ = app.update(Message::Escape);
    assert_eq!(shown(&app, 683.0), (false, true), "the page again");
}
