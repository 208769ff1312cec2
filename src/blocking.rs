//! Blocking work (files, processes, signing) off the async workers.
//!
//! The window's tasks and the HTTP client share tokio's few async worker threads: a file written
//! there (with its fsync) or a process waited for stalls every request and timer meanwhile.
//! This moves such work to tokio's blocking pool and gives its result back to the caller.

/// Runs `work` on tokio's blocking pool; a panic in it is raised again here, as if it had run
/// in place. Must be awaited inside a tokio runtime (iced's executor, the command line's).
pub async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => value,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}
