//! Sending designations to the configured endpoint: the HTTP client (username look-up, sending)
//! and the outbox, which sends each designation exactly once, when the endpoint answers.

pub mod client;

pub use client::{
    Client, ClientOptions, ConnectionCheck, Endpoint, EndpointError, SendOutcome, Transient,
};
