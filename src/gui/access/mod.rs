//! Screen readers: the window describes itself to AT-SPI (Linux), UI Automation (Windows) or
//! NSAccessibility (macOS) through AccessKit. iced 0.14 has no accessibility tree of its own;
//! ours is built from what is on screen (describe.rs) and what the application knows of it
//! (tree.rs), and kept in step after every change. Nothing is built until a screen reader (or
//! another client) asks: without one, the window does no work for it.
//!
//! What assistive technology does (focus, activate, set a value) comes back as the messages
//! the keyboard would send.

pub mod describe;
mod platform;
pub mod tree;

use std::collections::HashMap;
use std::sync::Arc;

use accesskit::{Action, ActionData, ActionRequest, NodeId};
use futures_util::StreamExt;
use iced::futures::channel::mpsc;
use iced::{Subscription, Task};

pub use describe::{Mark, Press, Snapshot, mark};
pub use platform::OPENS_HIDDEN;
use tree::{FocusBy, Target};

use super::Message;

/// What the platform's adapter tells the application.
#[derive(Debug, Clone)]
pub enum Event {
    /// The channel the adapter's handlers send on: the adapter can be made.
    Ready(Sender),
    /// A client wants the tree.
    Activated,
    /// No client any more: stop describing the window.
    Deactivated,
    /// Focus, activate, set a value…
    Action(ActionRequest),
    /// The window gained or lost the keyboard focus.
    WindowFocus(bool),
    /// Something may have moved focus without a message (a click).
    Refresh,
    /// The window exists (Windows and macOS put their adapter on it, then show it).
    WindowOpened(iced::window::Id),
}

/// The adapter's side of the channel (its handlers run on other threads).
#[derive(Clone)]
pub struct Sender(mpsc::UnboundedSender<Event>);

impl std::fmt::Debug for Sender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sender")
    }
}

impl Sender {
    fn send(&self, event: Event) {
        // The receiver goes only when the application ends.
        let _ = self.0.unbounded_send(event);
    }
}

/// The application's accessibility state.
#[derive(Default)]
pub struct Access {
    adapter: Option<platform::Adapter>,
    /// The channel, kept for an adapter made once the window exists.
    sender: Option<Sender>,
    /// A client is listening: the tree is kept in step.
    active: bool,
    /// What each node's actions do, from the last tree sent.
    targets: HashMap<NodeId, Target>,
    /// The last tree sent (tests read it; a client asking again gets it at once).
    last: Option<accesskit::TreeUpdate>,
}

impl Access {
    pub fn is_active(&self) -> bool {
        self.active
    }

    /// The tree last sent to the platform.
    pub fn last_tree(&self) -> Option<&accesskit::TreeUpdate> {
        self.last.as_ref()
    }

    /// Sends the tree of what is on screen now to the platform's adapter.
    pub fn apply(&mut self, built: tree::Built) {
        self.targets = built.targets;
        let update = built.update;
        if let Some(adapter) = &mut self.adapter {
            adapter.update(|| update.clone());
        }
        self.last = Some(update);
    }

    /// Handles the adapter's news; what assistive technology asks becomes a task.
    pub fn handle(&mut self, event: Event) -> Task<Message> {
        match event {
            Event::Ready(sender) => {
                self.sender = Some(sender.clone());
                let (adapter, task) = platform::Adapter::start(sender);
                self.adapter = adapter;
                task
            }
            // The window may open after the channel is ready, or before: whichever comes
            // second finds the other, and the window is shown either way.
            Event::WindowOpened(id) => platform::window_opened(id, self.sender.clone()),
            Event::Activated => {
                self.active = true;
                Task::none()
            }
            Event::Deactivated => {
                self.active = false;
                Task::none()
            }
            Event::WindowFocus(focused) => {
                if let Some(adapter) = &mut self.adapter {
                    adapter.window_focus(focused);
                }
                Task::none()
            }
            Event::Refresh => Task::none(),
            Event::Action(request) => self.act(request),
        }
    }

    fn act(&self, request: ActionRequest) -> Task<Message> {
        let Some(target) = self.targets.get(&request.target_node) else {
            return Task::none();
        };
        match request.action {
            Action::Click => match (&target.click, &target.focus) {
                (Some(message), _) => Task::done(message.clone()),
                // Activating a text field puts the cursor in it.
                (None, Some(focus)) => focus_task(focus),
                (None, None) => Task::none(),
            },
            Action::Focus => target.focus.as_ref().map_or_else(Task::none, focus_task),
            Action::SetValue => match (&target.set_value, request.data) {
                (Some(kind), Some(ActionData::Value(value))) => {
                    Task::done(kind.message(value.into()))
                }
                _ => Task::none(),
            },
            _ => Task::none(),
        }
    }
}

/// Whether `message` calls for a new look at the screen: every change does, but the looking
/// itself and the adapter's own news (activation asks for one itself).
pub fn looks_again(message: &Message) -> bool {
    !matches!(
        message,
        Message::Described(_)
            | Message::Access(
                Event::Ready(_)
                    | Event::Activated
                    | Event::Deactivated
                    | Event::WindowFocus(_)
                    | Event::WindowOpened(_)
            )
    )
}

fn focus_task(focus: &FocusBy) -> Task<Message> {
    match focus {
        FocusBy::Id(id) => super::focus_on(id.clone()),
        FocusBy::Nth(n) => {
            iced::advanced::widget::operate(super::focus::focus_index(*n)).chain(super::reveal())
        }
    }
}

/// Reads the screen as it is laid out now.
pub fn snapshot() -> Task<Message> {
    iced::advanced::widget::operate(describe::describe())
        .map(|snapshot| Message::Described(Arc::new(snapshot)))
}

/// The adapter's channel, and the window events the tree follows.
pub fn subscription() -> Subscription<Message> {
    Subscription::batch([
        Subscription::run(events).map(Message::Access),
        iced::event::listen_with(window_events),
    ])
}

fn events() -> impl futures_util::Stream<Item = Event> {
    let (tx, rx) = mpsc::unbounded();
    futures_util::stream::once(async move { Event::Ready(Sender(tx)) }).chain(rx)
}

fn window_events(
    event: iced::Event,
    _status: iced::event::Status,
    id: iced::window::Id,
) -> Option<Message> {
    use iced::{Event as E, mouse, window};
    let event = match event {
        E::Window(window::Event::Opened { .. }) => Event::WindowOpened(id),
        E::Window(window::Event::Focused) => Event::WindowFocus(true),
        E::Window(window::Event::Unfocused) => Event::WindowFocus(false),
        E::Mouse(mouse::Event::ButtonReleased(_)) => Event::Refresh,
        _ => return None,
    };
    Some(Message::Access(event))
}

/// The handlers AccessKit calls, on its own threads: each passes the news on.
struct Handlers(Sender);

impl accesskit::ActivationHandler for Handlers {
    fn request_initial_tree(&mut self) -> Option<accesskit::TreeUpdate> {
        // The tree is built on the application's thread, from what is on screen; it follows
        // at once (AccessKit waits for it).
        self.0.send(Event::Activated);
        None
    }
}

impl accesskit::ActionHandler for Handlers {
    fn do_action(&mut self, request: ActionRequest) {
        self.0.send(Event::Action(request));
    }
}

impl accesskit::DeactivationHandler for Handlers {
    fn deactivate_accessibility(&mut self) {
        self.0.send(Event::Deactivated);
    }
}
