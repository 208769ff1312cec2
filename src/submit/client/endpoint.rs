//! The address of the ministry's service, checked before any connection: `https://`, or
//! `http://` to this computer only, nothing but a base address.

use reqwest::Url;

/// The base address of the service, checked: `https://`, or `http://` on this computer only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(pub(super) Url);

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
    pub(super) fn join(&self, segments: &[&str]) -> Url {
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
}
