//! Sending designations to the configured endpoint: the HTTP client (username look-up, sending)
//! and the outbox, which sends each designation exactly once, when the endpoint answers.

pub mod client;
pub mod outbox;
pub mod usecases;
pub mod words;

pub use client::{
    CallError, Client, ClientOptions, ConnectionCheck, Endpoint, EndpointError, SendOutcome,
    Transient,
};
pub use outbox::{Attempt, AttemptError, AttemptResult, Outbox};
pub use usecases::{Submitted, SubmittedFile, submit_designation, submit_file};
