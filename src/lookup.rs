//! Looking up a Bureau municipal username: the GUI calls it through this trait so that the
//! HTTP client plugs in, and so that drafting goes on offline.

use std::future::Future;
use std::pin::Pin;

use crate::designation::ManagerDetails;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// The service answered that nobody has this username.
    NotFound,
    /// No service address is configured: the username is kept and checked before sending.
    NotConfigured,
    /// The service refused this computer's identification (401, 403): check the token.
    Unauthorized(String),
    /// The service could not be reached or did not answer properly (offline, time-out, …).
    Unavailable(String),
}

pub type LookupFuture = Pin<Box<dyn Future<Output = Result<ManagerDetails, LookupError>> + Send>>;

/// Finds the person behind a (normalized) username.
pub trait UserLookup: Send + Sync {
    fn lookup(&self, username: &str) -> LookupFuture;
}

/// Used while no endpoint is configured: every look-up says so at once.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoEndpoint;

impl UserLookup for NoEndpoint {
    fn lookup(&self, _username: &str) -> LookupFuture {
        Box::pin(async { Err(LookupError::NotConfigured) })
    }
}
