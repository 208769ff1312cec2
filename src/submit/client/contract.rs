//! The contract's answers (`resources/openapi.yaml`) in the application's terms: what a status
//! and a body mean for a send (accepted, refused, try again), `Retry-After`, the error object.

use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::designation::{FailureKind, Receipt, Refusal, SendFailure, ServerFieldError};

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

/// Why a look-up did not answer "found" or "unknown".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    Unauthorized(String),
    Failure(SendFailure),
}

pub(super) fn transient(
    code: FailureKind,
    detail: String,
    retry_after: Option<Duration>,
) -> SendOutcome {
    SendOutcome::Transient(Transient {
        failure: SendFailure { code, detail },
        retry_after,
    })
}

/// `Retry-After`: seconds, or an HTTP date.
pub(super) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
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
pub(super) fn server_words(bytes: &[u8]) -> Option<String> {
    serde_json::from_slice::<ErrorBody>(bytes)
        .ok()
        .map(|b| b.message)
        .filter(|m| !m.trim().is_empty())
}

pub(super) fn status_failure(status: StatusCode) -> SendFailure {
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
    use reqwest::header::RETRY_AFTER;

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
    fn a_reused_key_is_a_refusal_never_an_acceptance() {
        let SendOutcome::Refused(r) = classify_send(
            StatusCode::UNPROCESSABLE_ENTITY,
            br#"{"code":"cle_reutilisee","message":"Autre contenu."}"#,
            None,
        ) else {
            panic!()
        };
        assert_eq!(r.code, crate::submit::outbox::KEY_REUSED);
        assert!(r.erreurs.is_empty());
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
