//! Helpers shared by the window's tests: the bundled fonts, a simulator of the current screen,
//! and running the application's own tasks (iced_test runs none) on a paused tokio clock, so
//! the one-second autosave delay passes at once.
#![allow(dead_code)]

use iced::futures::StreamExt;
use iced::{Settings, Size, Task};
use iced_runtime::Action;
use iced_test::Simulator;
use iced_test::selector::Candidate;
use piqm_acces::gui::{App, FONT, Message};

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
