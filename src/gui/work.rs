//! The one way the window does file and process work: a task whose work runs on tokio's
//! blocking pool (never on the UI thread, never on the async workers that drive the HTTP
//! client and the timers), its result coming back as a message.

use iced::Task;

use super::Message;

/// Runs `work` off the UI thread and the async workers; `done` turns its result into a message.
pub(crate) fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    done: impl FnOnce(T) -> Message + Send + 'static,
) -> Task<Message> {
    Task::perform(crate::blocking::run(work), done)
}

/// Runs `work` off the UI thread, for an effect nobody waits for.
pub(crate) fn in_background(work: impl FnOnce() + Send + 'static) -> Task<Message> {
    Task::future(crate::blocking::run(work)).discard()
}
