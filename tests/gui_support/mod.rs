//! Helpers shared by the window's tests: the bundled fonts, a simulator of the current screen,
//! and running the application's own tasks (iced_test runs none) on a paused tokio clock, so
//! the one-second autosave delay passes at once.
#![allow(dead_code)]

use std::sync::Arc;

use iced::futures::StreamExt;
use iced::keyboard::{Key, key::Named};
use iced::{Settings, Size, Task};
use iced_runtime::Action;
use iced_test::Simulator;
use iced_test::selector;
use iced_test::selector::Candidate;
use piqm_acces::designation::{Field, Step};
use piqm_acces::gui::{App, FONT, Message};
use piqm_acces::i18n::Lang;
use piqm_acces::lookup::NoEndpoint;

pub fn settings() -> Settings {
    Settings {
        fonts: vec![
            include_bytes!("../../resources/fonts/NotoSans-Regular.ttf")
                .as_slice()
                .into(),
            include_bytes!("../../resources/fonts/NotoSans-Bold.ttf")
                .as_slice()
                .into(),
        ],
        default_font: FONT,
        ..Settings::default()
    }
}

/// The current screen, tall enough that nothing needs scrolling.
pub fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(settings(), Size::new(1024.0, 3000.0), app.view())
}

/// Whether the current screen shows exactly this text.
pub fn shows(app: &App, text: &str) -> bool {
    simulator(app).find(text).is_ok()
}

/// Whether a text on screen contains this (messages end with details that vary).
pub fn shows_part(app: &App, fragment: &str) -> bool {
    simulator(app)
        .find(|c: Candidate<'_>| match c {
            Candidate::Text { content, .. } if content.contains(fragment) => Some(()),
            _ => None,
        })
        .is_ok()
}

/// Interacts with the current screen, then feeds the resulting messages to `update` without
/// running the tasks they return.
pub fn interact(app: &mut App, f: impl FnOnce(&mut Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        f(&mut ui);
        ui.into_messages().collect()
    };
    for m in messages {
        let _ = app.update(m);
    }
}

/// What the runtime was asked to do besides producing messages.
#[derive(Default)]
pub struct Effects {
    pub window_closed: bool,
}

/// Runs a task to completion, feeding its messages back to `update`, recursively.
pub fn drive(app: &mut App, task: Task<Message>, effects: &mut Effects) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap();
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            continue;
        };
        // Widget operations (focus, scrolling) need a real window: they are dropped as they
        // come, which also ends the tasks waiting for their answer (as a closed window would).
        let (messages, closed) = runtime.block_on(async {
            let mut stream = std::pin::pin!(stream);
            let (mut messages, mut closed) = (Vec::new(), false);
            while let Some(action) = stream.next().await {
                match action {
                    Action::Output(m) => messages.push(m),
                    Action::Window(_) => closed = true,
                    _ => {}
                }
            }
            (messages, closed)
        });
        effects.window_closed |= closed;
        for m in messages {
            pending.push(app.update(m));
        }
    }
}

/// Sends a message and runs everything it sets off.
pub fn send(app: &mut App, m: Message) -> Effects {
    let mut effects = Effects::default();
    let task = app.update(m);
    drive(app, task, &mut effects);
    effects
}

/// Clicks a text on screen and runs everything it sets off.
pub fn click(app: &mut App, text: &str) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        ui.click(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        ui.into_messages().collect()
    };
    for m in messages {
        send(app, m);
    }
}

/// Filling in the form as a user would, with the simulator.
pub fn type_into(app: &mut App, field: Field, text: &str) {
    interact(app, |ui| {
        ui.click(selector::id(field.path()))
            .expect("field on screen");
        ui.typewrite(text);
    });
}

/// Types into a picker and presses Enter to take the best match.
pub fn pick(app: &mut App, field: Field, query: &str) {
    interact(app, |ui| {
        ui.click(selector::id(field.path()))
            .expect("picker on screen");
        ui.typewrite(query);
        ui.tap_key(Key::Named(Named::Enter));
    });
}

pub fn click_text(app: &mut App, text: &str) {
    interact(app, |ui| {
        ui.click(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    });
}

pub fn step(app: &App) -> Step {
    app.wizard().expect("in the wizard").step()
}

pub fn new_app(lang: Lang) -> App {
    App::new(lang, Arc::new(NoEndpoint))
}

pub fn fill_municipal(app: &mut App) {
    click_text(app, "Nouvelle désignation");
    pick(app, Field::FormKind, "mun");
    pick(app, Field::MunicipalCategory, "ville");
    click_text(app, "Continuer");
    assert_eq!(step(app), Step::Organization);
    type_into(app, Field::OrgName, "Ville de Lévis");
    type_into(app, Field::CivicNumber, "2175");
    type_into(app, Field::Street, "chemin du Fleuve");
    pick(app, Field::Municipality, "levis");
    type_into(app, Field::PostalCode, "g6w-7w9");
    pick(app, Field::ProvincialRiding, "levis");
    pick(app, Field::FederalRiding, "levis lot");
    type_into(app, Field::IdentificationCode, "LEV2008Q417");
    click_text(app, "Continuer");
    assert_eq!(
        step(app),
        Step::Requester,
        "{:?}",
        app.wizard().unwrap().problems()
    );
    pick(app, Field::Civility, "mme");
    type_into(app, Field::RequesterLastName, "Bélanger");
    type_into(app, Field::RequesterFirstName, "Hélène");
    type_into(app, Field::RequesterFunction, "Greffière");
    type_into(app, Field::RequesterPhone, "(418) 839-2002 poste 4120");
    type_into(app, Field::RequesterEmail, "greffe@ville.levis.qc.ca");
    click_text(app, "Continuer");
    assert_eq!(
        step(app),
        Step::Manager,
        "{:?}",
        app.wizard().unwrap().problems()
    );
    type_into(app, Field::ManagerUsername, "GCOT0417");
    click_text(app, "Continuer");
}
