//! The one way the window does file and process work: a task whose work runs on tokio's
//! blocking pool (never on the UI thread, never on the async workers that drive the HTTP
//! client and the timers), its result coming back as a message.

use iced::Task;

use super::Message;
use crate::i18n::Localizer;

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

/// A sentence for the user, then the system's own words (often English) on a line of their
/// own, labelled, for whoever helps them: never mixed into the sentence.
pub(crate) fn with_detail(l: &Localizer, sentence: String, detail: &str) -> String {
    if detail.trim().is_empty() {
        sentence
    } else {
        let detail = l.t_args("failure-detail", &[("detail", detail.to_string().into())]);
        format!("{sentence}\n{detail}")
    }
}
