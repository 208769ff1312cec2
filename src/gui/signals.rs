//! The desktop's log-out (SIGTERM), a terminal's hang-up (SIGHUP) and Ctrl+C (SIGINT) end the
//! application the way closing its window does: the draft on screen reaches the disk first.
//! Without this the system's default action ends the process at once, and whatever changed
//! since the last autosave (up to a second of typing, a choice just made) is lost.

use iced::futures::{SinkExt, Stream};
use iced::{Subscription, Task};

use super::{App, Message};

/// One `Message::Terminate` for each signal received.
pub fn subscription() -> Subscription<Message> {
    Subscription::run(signals)
}

#[cfg(unix)]
fn signals() -> impl Stream<Item = Message> {
    use tokio::signal::unix::{SignalKind, signal};
    iced::stream::channel(1, async |mut output| {
        // Runs on iced's tokio executor, which has the signal driver.
        let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
            signal(SignalKind::hangup()),
        ) else {
            // Not handled here: the system's default stays in force.
            return;
        };
        loop {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
                _ = hup.recv() => {}
            }
            if output.send(Message::Terminate).await.is_err() {
                return;
            }
        }
    })
}

/// Windows has no SIGTERM; Ctrl+C in the console the application was started from.
#[cfg(not(unix))]
fn signals() -> impl Stream<Item = Message> {
    iced::stream::channel(1, async |mut output| {
        while tokio::signal::ctrl_c().await.is_ok() {
            if output.send(Message::Terminate).await.is_err() {
                return;
            }
        }
    })
}

impl App {
    /// Saves the draft on screen (on the blocking pool, like every save), then ends. The
    /// session is going away and will not wait for a question, so a failed save can only be
    /// told on the standard error.
    pub(super) fn terminate(&mut self) -> Task<Message> {
        self.save_then_exit()
    }
}
