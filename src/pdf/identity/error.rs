//! What can go wrong with a signing identity, and the sentence that tells the user what to do.

use std::fmt;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

/// Why an identity could not be made, read or unlocked.
#[derive(Debug)]
pub enum IdentityError {
    /// The PKCS #12 password is wrong.
    WrongPassword,
    /// The file is not a PKCS #12 file, or uses a scheme we cannot read.
    NotPkcs12(String),
    /// The PKCS #12 file holds no private key with its certificate.
    NoKey,
    /// The key is neither RSA nor ECDSA P-256.
    UnsupportedKey(String),
    /// No organisational certificate has been imported.
    NoOrganization,
    /// The organisational certificate needs its password, and none was given.
    PasswordNeeded,
    /// A file of the identity folder cannot be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A stored file is damaged.
    Corrupt { path: PathBuf, detail: String },
    /// A failure of the cryptographic code (a defect).
    Crypto(String),
    /// The organisation's certificate expired on `until`: it no longer signs.
    Expired { until: OffsetDateTime },
    /// The organisation's certificate is valid only from `from`.
    NotYetValid { from: OffsetDateTime },
    /// The certificate's key usage does not allow signing documents (neither digitalSignature
    /// nor nonRepudiation).
    NotForSigning,
}

impl fmt::Display for IdentityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdentityError::WrongPassword => write!(f, "wrong PKCS#12 password"),
            IdentityError::NotPkcs12(d) => write!(f, "not a readable PKCS#12 file: {d}"),
            IdentityError::NoKey => write!(f, "no private key with its certificate"),
            IdentityError::UnsupportedKey(k) => write!(f, "unsupported key type {k}"),
            IdentityError::NoOrganization => write!(f, "no organisational certificate"),
            IdentityError::PasswordNeeded => write!(f, "the certificate's password is needed"),
            IdentityError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            IdentityError::Corrupt { path, detail } => {
                write!(f, "{} is damaged: {detail}", path.display())
            }
            IdentityError::Crypto(d) => write!(f, "cryptographic error: {d}"),
            IdentityError::Expired { until } => write!(f, "the certificate expired on {until}"),
            IdentityError::NotYetValid { from } => {
                write!(f, "the certificate is not valid before {from}")
            }
            IdentityError::NotForSigning => {
                write!(f, "the certificate's key usage does not allow signing")
            }
        }
    }
}

impl std::error::Error for IdentityError {}

impl IdentityError {
    /// The sentence for the user, naming the file (`path` when the error carries none).
    pub fn message(&self, l: &crate::i18n::Localizer, path: Option<&Path>) -> String {
        let path = self
            .path()
            .or(path)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let date = match self {
            IdentityError::Expired { until: d } | IdentityError::NotYetValid { from: d } => {
                l.long_date_time(*d)
            }
            _ => String::new(),
        };
        l.t_args(
            self.message_id(),
            &[
                ("path", path.into()),
                ("detail", self.detail().into()),
                ("date", date.into()),
            ],
        )
    }

    /// The Fluent id of the message telling the user what to do. Its variables: `$path`,
    /// `$detail`, `$date` (of an expired or not yet valid certificate).
    pub fn message_id(&self) -> &'static str {
        match self {
            IdentityError::WrongPassword => "pdf-identity-wrong-password",
            IdentityError::NotPkcs12(_) => "pdf-identity-not-pkcs12",
            IdentityError::NoKey => "pdf-identity-no-key",
            IdentityError::UnsupportedKey(_) => "pdf-identity-unsupported-key",
            IdentityError::NoOrganization => "pdf-identity-no-organization",
            IdentityError::PasswordNeeded => "pdf-identity-password-needed",
            IdentityError::Io { .. } => "pdf-identity-io",
            IdentityError::Corrupt { .. } => "pdf-identity-corrupt",
            IdentityError::Crypto(_) => "pdf-identity-crypto",
            IdentityError::Expired { .. } => "pdf-identity-expired",
            IdentityError::NotYetValid { .. } => "pdf-identity-not-yet-valid",
            IdentityError::NotForSigning => "pdf-identity-not-for-signing",
        }
    }

    /// The path involved, if any (for `$path`).
    pub fn path(&self) -> Option<&Path> {
        match self {
            IdentityError::Io { path, .. } | IdentityError::Corrupt { path, .. } => Some(path),
            _ => None,
        }
    }

    /// Technical detail for support (for `$detail`).
    pub fn detail(&self) -> String {
        match self {
            IdentityError::NotPkcs12(d)
            | IdentityError::UnsupportedKey(d)
            | IdentityError::Crypto(d)
            | IdentityError::Corrupt { detail: d, .. } => d.clone(),
            IdentityError::Io { source, .. } => source.to_string(),
            _ => String::new(),
        }
    }
}

/// A failure of the cryptographic crates, as an [`IdentityError::Crypto`].
pub(super) fn crypto<E: fmt::Display>(e: E) -> IdentityError {
    IdentityError::Crypto(e.to_string())
}
