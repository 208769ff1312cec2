//! The HTTP client of the ministry's intake service (`resources/openapi.yaml`): the username
//! look-up and the sending of a designation. reqwest on tokio, rustls; every call bounded in time
//! (10 s to connect, 30 s in all) and every answer bounded in size.
//!
//! One job a file: `endpoint.rs` (the address, checked), `contract.rs` (what the answers mean),
//! this file (the HTTP calls themselves).

mod contract;
mod endpoint;

use std::error::Error as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{StatusCode, Url};

use crate::designation::{FailureKind, ManagerDetails, SendFailure, Submission};
use crate::lookup::{LookupError, LookupFuture, UserLookup};
use contract::{retry_after, server_words, status_failure, transient};

pub use contract::{CallError, ConnectionCheck, SendOutcome, Transient, classify_send};
pub use endpoint::{Endpoint, EndpointError, is_loopback_host};

pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// No answer of the contract comes near this; anything bigger is not the ministry's service.
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024;
pub const USER_AGENT: &str = concat!("piqm-acces/", env!("CARGO_PKG_VERSION"));

/// Limits of one client; the defaults are the application's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientOptions {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_response_bytes: usize,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            connect_timeout: CONNECT_TIMEOUT,
            timeout: REQUEST_TIMEOUT,
            max_response_bytes: MAX_RESPONSE_BYTES,
        }
    }
}

/// The client of one endpoint. Cheap to clone (the connection pool is shared).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    endpoint: Endpoint,
    token: Option<String>,
    max_response_bytes: usize,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint.as_str())
            .field("token", &self.token.as_ref().map(|_| "…"))
            .finish()
    }
}

/// The loopback addresses `localhost` stands for.
const LOOPBACK: [SocketAddr; 2] = [
    SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
    SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), 0),
];

/// For an endpoint on this computer: no proxy (an office's `HTTP_PROXY` would otherwise receive
/// the plain-http requests, bearer token included), and `localhost` (or `*.localhost`) taken to
/// mean 127.0.0.1 or ::1 only, never asked of DNS, which could answer anything. Port 0: the
/// address's own port applies.
fn stay_on_this_computer(
    builder: reqwest::ClientBuilder,
    endpoint: &Endpoint,
) -> reqwest::ClientBuilder {
    let url = &endpoint.0;
    if !is_loopback_host(url.host_str().unwrap_or_default()) {
        return builder;
    }
    let builder = builder.no_proxy();
    match url.domain() {
        Some(name) => builder.resolve_to_addrs(name, &LOOPBACK),
        None => builder,
    }
}

impl Client {
    pub fn new(endpoint: Endpoint, token: Option<String>) -> Result<Client, String> {
        Client::with_options(endpoint, token, ClientOptions::default())
    }

    pub fn with_options(
        endpoint: Endpoint,
        token: Option<String>,
        options: ClientOptions,
    ) -> Result<Client, String> {
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            // A redirect could lead to plain http or elsewhere: the contract has none.
            .redirect(reqwest::redirect::Policy::none())
            .https_only(endpoint.0.scheme() == "https");
        // Elsewhere the system's proxy (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY) applies:
        // to an https:// address it is a CONNECT tunnel, so the token stays inside TLS.
        let http = stay_on_this_computer(http, &endpoint)
            .build()
            .map_err(|e| describe(&e))?;
        Ok(Client {
            http,
            endpoint,
            token: token.filter(|t| !t.trim().is_empty()),
            max_response_bytes: options.max_response_bytes,
        })
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    fn request(&self, method: reqwest::Method, url: Url) -> reqwest::RequestBuilder {
        let request = self
            .http
            .request(method, url)
            .header(ACCEPT, "application/json");
        match &self.token {
            Some(token) => request.header(AUTHORIZATION, format!("Bearer {}", token.trim())),
            None => request,
        }
    }

    /// `POST /v1/designations` with the draft's id as `Idempotency-Key`.
    pub async fn send(&self, body: &Submission) -> SendOutcome {
        let json = match serde_json::to_vec(body) {
            Ok(json) => json,
            Err(e) => return transient(FailureKind::BadResponse, e.to_string(), None),
        };
        let response = self
            .request(
                reqwest::Method::POST,
                self.endpoint.join(&["v1", "designations"]),
            )
            .header("Idempotency-Key", body.id.to_string())
            .header(CONTENT_TYPE, "application/json")
            .body(json)
            .send()
            .await;
        let response = match response {
            Ok(r) => r,
            Err(e) => return network_failure(&e),
        };
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let bytes = match read_bounded(response, self.max_response_bytes).await {
            Ok(bytes) => bytes,
            Err(failure) => return transient(failure.code, failure.detail, retry_after),
        };
        classify_send(status, &bytes, retry_after)
    }

    /// `GET /v1/utilisateurs/{username}`: the person, `None` for an unknown username.
    pub async fn get_user(&self, username: &str) -> Result<Option<ManagerDetails>, CallError> {
        let response = self
            .request(
                reqwest::Method::GET,
                self.endpoint.join(&["v1", "utilisateurs", username]),
            )
            .send()
            .await
            .map_err(|e| CallError::Failure(failure_of(&e)))?;
        let status = response.status();
        let bytes = read_bounded(response, self.max_response_bytes)
            .await
            .map_err(CallError::Failure)?;
        match status {
            StatusCode::OK => serde_json::from_slice::<ManagerDetails>(&bytes)
                .map(Some)
                .map_err(|e| {
                    CallError::Failure(SendFailure {
                        code: FailureKind::BadResponse,
                        detail: format!("200 with a body that is not a user: {e}"),
                    })
                }),
            StatusCode::NOT_FOUND => Ok(None),
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Err(CallError::Unauthorized(
                server_words(&bytes).unwrap_or_else(|| status.to_string()),
            )),
            s => Err(CallError::Failure(status_failure(s))),
        }
    }

    /// The look-up as the GUI's [`UserLookup`] sees it.
    pub async fn find_user(&self, username: &str) -> Result<ManagerDetails, LookupError> {
        match self.get_user(username).await {
            Ok(Some(details)) => Ok(details),
            Ok(None) => Err(LookupError::NotFound),
            Err(CallError::Unauthorized(detail)) => Err(LookupError::Unauthorized(detail)),
            Err(CallError::Failure(f)) => Err(LookupError::Unavailable(f.detail)),
        }
    }

    /// "Tester la connexion": a look-up of a username nobody has. 404 (or 200) proves that the
    /// service is there, speaks the contract and accepts this computer's token.
    pub async fn test_connection(&self) -> ConnectionCheck {
        let start = std::time::Instant::now();
        match self.get_user("test0000").await {
            Ok(_) => ConnectionCheck::Ok {
                elapsed: start.elapsed(),
            },
            Err(CallError::Unauthorized(detail)) => ConnectionCheck::Unauthorized { detail },
            Err(CallError::Failure(f)) => ConnectionCheck::Failed(f),
        }
    }
}

impl UserLookup for Client {
    fn lookup(&self, username: &str) -> LookupFuture {
        let client = self.clone();
        let username = username.to_string();
        Box::pin(async move { client.find_user(&username).await })
    }
}

/// The error with its causes, one after the other ("error sending request: … : Connection refused").
fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let s_text = s.to_string();
        if !text.contains(&s_text) {
            text.push_str(": ");
            text.push_str(&s_text);
        }
        source = s.source();
    }
    text
}

fn failure_of(e: &reqwest::Error) -> SendFailure {
    let code = if e.is_timeout() {
        FailureKind::Timeout
    } else {
        FailureKind::Offline
    };
    SendFailure {
        code,
        detail: describe(e),
    }
}

fn network_failure(e: &reqwest::Error) -> SendOutcome {
    let f = failure_of(e);
    transient(f.code, f.detail, None)
}

/// Reads the whole body, refusing more than `max` bytes (counted as they arrive: a server that
/// announces nothing cannot make the application hold more).
async fn read_bounded(mut response: reqwest::Response, max: usize) -> Result<Vec<u8>, SendFailure> {
    let too_large = |n: String| SendFailure {
        code: FailureKind::BadResponse,
        detail: format!("the answer is larger than {max} bytes ({n})"),
    };
    if let Some(len) = response.content_length().filter(|n| *n > max as u64) {
        return Err(too_large(format!("{len} announced")));
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > max {
                    return Err(too_large("more received".into()));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(failure_of(&e)),
        }
    }
}
