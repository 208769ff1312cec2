//! The HTTP client of the ministry's intake service (`resources/openapi.yaml`): the username
//! look-up and the sending of a designation. reqwest on tokio, rustls; every call bounded in time
//! (10 s to connect, 30 s in all) and every answer bounded in size.

use std::error::Error as _;
use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use reqwest::{StatusCode, Url};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::designation::{
    FailureKind, ManagerDetails, Receipt, Refusal, SendFailure, ServerFieldError, Submission,
};
use crate::lookup::{LookupError, LookupFuture, UserLookup};

pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// No answer of the contract comes near this; anything bigger is not the ministry's service.
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024;
pub const USER_AGENT: &str = concat!("piqm-acces/", env!("CARGO_PKG_VERSION"));

/// The base address of the service, checked: `https://`, or `http://` on this computer only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(Url);

/// Why an endpoint address is refused — before any connection is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointError {
    Empty,
    /// Not an address at all.
    Invalid {
        given: String,
        reason: String,
    },
    /// `http://` to another computer: the designation and the token would travel in clear.
    NotHttps {
        given: String,
    },
    /// Neither `https://` nor `http://`.
    Scheme {
        given: String,
    },
    /// A user name or password in the address, a query or a fragment.
    Extra {
        given: String,
    },
}

impl Endpoint {
    pub fn parse(given: &str) -> Result<Endpoint, EndpointError> {
        let given = given.trim();
        if given.is_empty() {
            return Err(EndpointError::Empty);
        }
        let url = Url::parse(given).map_err(|e| EndpointError::Invalid {
            given: given.to_string(),
            reason: e.to_string(),
        })?;
        let host = url.host_str().unwrap_or_default();
        if host.is_empty() {
            return Err(EndpointError::Invalid {
                given: given.to_string(),
                reason: "no host".into(),
            });
        }
        match url.scheme() {
            "https" => {}
            "http" if is_loopback_host(host) => {}
            "http" => {
                return Err(EndpointError::NotHttps {
                    given: given.to_string(),
                });
            }
            _ => {
                return Err(EndpointError::Scheme {
                    given: given.to_string(),
                });
            }
        }
        if !url.username().is_empty()
            || url.password().is_some()
            || url.query().is_some()
            || url.fragment().is_some()
        {
            return Err(EndpointError::Extra {
                given: given.to_string(),
            });
        }
        Ok(Endpoint(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The base followed by these path segments (each one percent-encoded).
    fn join(&self, segments: &[&str]) -> Url {
        let mut url = self.0.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for EndpointError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EndpointError::Empty => write!(f, "no address"),
            EndpointError::Invalid { given, reason } => write!(f, "{given}: {reason}"),
            EndpointError::NotHttps { given } => {
                write!(f, "{given}: https is required except on this computer")
            }
            EndpointError::Scheme { given } => write!(f, "{given}: only https is accepted"),
            EndpointError::Extra { given } => write!(
                f,
                "{given}: no user name, password, query or fragment in the address"
            ),
        }
    }
}

impl std::error::Error for EndpointError {}

impl EndpointError {
    /// The refusal in words, saying what to write instead.
    pub fn message(&self, l: &crate::i18n::Localizer) -> String {
        let (id, given) = match self {
            EndpointError::Empty => ("endpoint-empty", String::new()),
            EndpointError::Invalid { given, .. } => ("endpoint-invalid", given.clone()),
            EndpointError::NotHttps { given } => ("endpoint-not-https", given.clone()),
            EndpointError::Scheme { given } => ("endpoint-scheme", given.clone()),
            EndpointError::Extra { given } => ("endpoint-extra", given.clone()),
        };
        l.t_args(id, &[("address", given.into())])
    }
}

/// `localhost` (and its subdomains) or a loopback IP address (127.0.0.0/8, ::1).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") || host.to_ascii_lowercase().ends_with(".localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

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

/// What one attempt to send a designation gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendOutcome {
    /// 201, or 200 for a key already received: the ministry has it, under this numéro.
    Accepted(Receipt),
    /// Try again later (offline, time-out, 429, 5xx, an answer outside the contract).
    Transient(Transient),
    /// 409, 422, 401, 403: sending again will not help until something changes.
    Refused(Refusal),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transient {
    pub failure: SendFailure,
    /// The server's `Retry-After`, if it gave one.
    pub retry_after: Option<Duration>,
}

/// The result of "Tester la connexion".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionCheck {
    /// The service answered as the contract says, and accepted this computer's token.
    Ok { elapsed: Duration },
    /// The service answered 401 or 403: the token (or its absence) is refused.
    Unauthorized { detail: String },
    /// The service could not be reached or did not answer properly.
    Failed(SendFailure),
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

/// Why a look-up did not answer "found" or "unknown".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    Unauthorized(String),
    Failure(SendFailure),
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
            .https_only(endpoint.0.scheme() == "https")
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

fn transient(code: FailureKind, detail: String, retry_after: Option<Duration>) -> SendOutcome {
    SendOutcome::Transient(Transient {
        failure: SendFailure { code, detail },
        retry_after,
    })
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

/// `Retry-After`: seconds, or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    erreurs: Vec<ServerFieldError>,
}

/// The server's message, when the body is the contract's error object.
fn server_words(bytes: &[u8]) -> Option<String> {
    serde_json::from_slice::<ErrorBody>(bytes)
        .ok()
        .map(|b| b.message)
        .filter(|m| !m.trim().is_empty())
}

fn status_failure(status: StatusCode) -> SendFailure {
    let code = match status.as_u16() {
        408 => FailureKind::Timeout,
        429 | 503 => FailureKind::Busy,
        500..=599 => FailureKind::ServerError,
        _ => FailureKind::BadResponse,
    };
    SendFailure {
        code,
        detail: format!("HTTP {status}"),
    }
}

/// The contract's answers to a send, in the application's terms.
pub fn classify_send(
    status: StatusCode,
    bytes: &[u8],
    retry_after: Option<Duration>,
) -> SendOutcome {
    let now = OffsetDateTime::now_utc();
    match status.as_u16() {
        200 | 201 => match serde_json::from_slice::<Receipt>(bytes) {
            // A receipt without a numéro is not one: retry, the same key gets the same answer.
            Ok(r) if !r.numero.trim().is_empty() => SendOutcome::Accepted(r),
            Ok(_) => transient(
                FailureKind::BadResponse,
                format!("HTTP {status} with an empty numéro"),
                retry_after,
            ),
            Err(e) => transient(
                FailureKind::BadResponse,
                format!("HTTP {status} with a body that is not a receipt: {e}"),
                retry_after,
            ),
        },
        401 | 403 | 409 | 422 => {
            let body = serde_json::from_slice::<ErrorBody>(bytes).ok();
            let default_code = match status.as_u16() {
                401 => "non_autorise",
                403 => "acces_refuse",
                409 => "gestionnaire_deja_designe",
                _ => "donnees_invalides",
            };
            let (code, message, erreurs) = match body {
                Some(b) => (b.code, b.message, b.erreurs),
                None => Default::default(),
            };
            SendOutcome::Refused(Refusal {
                code: if code.trim().is_empty() {
                    default_code.to_string()
                } else {
                    code
                },
                message,
                erreurs,
                le: now,
            })
        }
        _ => {
            let f = status_failure(status);
            transient(f.code, f.detail, retry_after)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_everywhere_http_only_on_this_computer() {
        for ok in [
            "https://piqm.example.gouv.qc.ca/api",
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://localhost:9000/base/",
            "http://[::1]:8080",
        ] {
            assert!(Endpoint::parse(ok).is_ok(), "{ok}");
        }
        assert!(matches!(
            Endpoint::parse("http://piqm.example.gouv.qc.ca"),
            Err(EndpointError::NotHttps { .. })
        ));
        assert!(matches!(
            Endpoint::parse("http://10.0.0.1"),
            Err(EndpointError::NotHttps { .. })
        ));
        assert!(matches!(
            Endpoint::parse("http://localhost.example.com"),
            Err(EndpointError::NotHttps { .. })
        ));
        assert!(matches!(
            Endpoint::parse("ftp://x"),
            Err(EndpointError::Scheme { .. })
        ));
        assert!(matches!(
            Endpoint::parse("piqm.example"),
            Err(EndpointError::Invalid { .. })
        ));
        assert!(matches!(
            Endpoint::parse("https://u:p@x.example"),
            Err(EndpointError::Extra { .. })
        ));
        assert_eq!(Endpoint::parse("  "), Err(EndpointError::Empty));
    }

    #[test]
    fn paths_join_the_base_whatever_its_slash() {
        for base in ["https://x.example/api", "https://x.example/api/"] {
            let e = Endpoint::parse(base).unwrap();
            assert_eq!(
                e.join(&["v1", "utilisateurs", "abcd0001"]).as_str(),
                "https://x.example/api/v1/utilisateurs/abcd0001"
            );
        }
        let e = Endpoint::parse("https://x.example").unwrap();
        assert_eq!(
            e.join(&["v1", "utilisateurs", "a/b"]).as_str(),
            "https://x.example/v1/utilisateurs/a%2Fb"
        );
    }

    #[test]
    fn statuses_map_to_the_contract() {
        let receipt = br#"{"numero":"PIQM-2026-000001","recu_le":"2026-11-27T10:00:00Z"}"#;
        assert!(matches!(
            classify_send(StatusCode::CREATED, receipt, None),
            SendOutcome::Accepted(_)
        ));
        assert!(matches!(
            classify_send(StatusCode::OK, receipt, None),
            SendOutcome::Accepted(_)
        ));
        let SendOutcome::Refused(r) = classify_send(
            StatusCode::UNPROCESSABLE_ENTITY,
            br#"{"erreurs":[{"champ":"organisme.code_postal","message":"Non."}]}"#,
            None,
        ) else {
            panic!()
        };
        assert_eq!(r.code, "donnees_invalides");
        assert_eq!(r.erreurs[0].champ, "organisme.code_postal");
        let SendOutcome::Refused(r) = classify_send(StatusCode::FORBIDDEN, b"<html>", None) else {
            panic!()
        };
        assert_eq!((r.code.as_str(), r.message.as_str()), ("acces_refuse", ""));
        for (status, kind) in [
            (StatusCode::SERVICE_UNAVAILABLE, FailureKind::Busy),
            (StatusCode::TOO_MANY_REQUESTS, FailureKind::Busy),
            (StatusCode::BAD_GATEWAY, FailureKind::ServerError),
            (StatusCode::NOT_FOUND, FailureKind::BadResponse),
            (StatusCode::MOVED_PERMANENTLY, FailureKind::BadResponse),
        ] {
            let SendOutcome::Transient(t) =
                classify_send(status, b"", Some(Duration::from_secs(5)))
            else {
                panic!("{status}")
            };
            assert_eq!(t.failure.code, kind, "{status}");
            assert_eq!(t.retry_after, Some(Duration::from_secs(5)));
        }
        assert!(matches!(
            classify_send(StatusCode::CREATED, b"{\"numero\":", None),
            SendOutcome::Transient(_)
        ));
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, "120".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(120)));
        h.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }
}
