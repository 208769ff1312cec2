//! The signing identity: a key pair and its certificate chain.
//!
//! By default, a P-256 key and a self-signed certificate made for this installation on first use
//! (subject: `piqm-acces — <account>`, the same for every copy), kept together in one file,
//! `<data_dir>/identite/identite.pem`, readable by its owner only (0600) and written in one
//! atomic step. Or an organisational certificate imported from a PKCS #12
//! file (.p12 / .pfx, AES or legacy 3DES): the file is copied there as it is, still encrypted, and
//! its password is asked for each time it is unlocked, never stored.
//!
//! One job a file: `error.rs` (what went wrong and how to say it), `key.rs` (the unlocked key and
//! its chain, from a PKCS #12 file or newly made), `x509.rs` (reading and building certificates),
//! `store.rs` (the identity folder on disk).

mod error;
mod key;
mod store;
mod x509;

use time::OffsetDateTime;

pub use error::IdentityError;
pub use key::Identity;
pub use store::{IDENTITY_DIR, IdentityStatus, IdentityStore};
pub use x509::fingerprint;

/// Where an identity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    /// Made by this installation, self-signed.
    SelfSigned,
    /// Imported from the organisation's PKCS #12 file.
    Organization,
}

/// What a user sees of an identity (settings, the signature box, `identity show`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityInfo {
    pub kind: IdentityKind,
    /// The certificate's common name (CN), e.g. "Hélène Bélanger".
    pub common_name: String,
    /// The certificate's organisation (O), if any.
    pub organization: String,
    /// The issuer's common name (the subject's own for a self-signed certificate).
    pub issuer: String,
    /// SHA-256 of the certificate, as `AB:CD:…` (32 pairs).
    pub fingerprint: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// "RSA 2048", "ECDSA P-256".
    pub algorithm: String,
}

/// X.520's `ub-common-name` (also `ub-organization-name`): the longest CN or O, in characters.
/// A longer subject would not fit the room the copy reserves for its signature (a
/// 1,119-character organisme, when the subject named it, once made the export fail).
pub const MAX_SUBJECT_CHARS: usize = 64;

/// A name cut to [`MAX_SUBJECT_CHARS`] characters, without surrounding spaces: what goes into the
/// certificate's subject (applied where the subject's name is built, `x509.rs`).
pub(crate) fn bounded_attribute(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_SUBJECT_CHARS) {
        Some((end, _)) => text[..end].trim_end().to_string(),
        None => text.to_string(),
    }
}

impl IdentityInfo {
    /// Why this certificate cannot sign at `now` because of its dates, if so: what the settings
    /// and `identity show` warn of before the next copy is refused.
    pub fn validity_problem(&self, now: OffsetDateTime) -> Option<IdentityError> {
        if now < self.not_before {
            Some(IdentityError::NotYetValid {
                from: self.not_before,
            })
        } else if now > self.not_after {
            Some(IdentityError::Expired {
                until: self.not_after,
            })
        } else {
            None
        }
    }
}

/// Who a self-signed certificate names. The installation's own ([`Subject::installation`]) names
/// this computer's account, never a draft's demandeur: the certificate, and so the fingerprint
/// printed in every copy, stays the same from copy to copy. Who signed a copy is said in the copy
/// (its "Signataire" row and the signature's `/Name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub name: String,
    pub organization: String,
}

impl Subject {
    /// `piqm-acces — <account name>`: this installation, on this computer.
    pub fn installation() -> Subject {
        // The account's name from the environment, else its home folder's name (a service or a
        // `sudo` shell may set no USER).
        let home = || {
            directories::BaseDirs::new().and_then(|d| {
                d.home_dir()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
        };
        let account = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .chain(std::iter::from_fn(home).take(1))
            .map(|v| v.trim().to_string())
            .find(|v| !v.is_empty());
        Subject {
            name: match account {
                Some(account) => bounded_attribute(&format!("piqm-acces — {account}")),
                None => "piqm-acces".to_string(),
            },
            organization: String::new(),
        }
    }

    /// The common name: the name, else the organisation, else the application.
    pub(super) fn common_name(&self) -> &str {
        if !self.name.is_empty() {
            &self.name
        } else if !self.organization.is_empty() {
            &self.organization
        } else {
            "piqm-acces"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_attributes_are_cut_to_64_characters() {
        let long = "é".repeat(1119);
        assert_eq!(bounded_attribute(&long).chars().count(), MAX_SUBJECT_CHARS);
        assert_eq!(bounded_attribute("  Ville de Lévis  "), "Ville de Lévis");
        // A cut that would end on a space leaves none behind.
        let spaced = format!("{} suite", "a".repeat(63));
        assert_eq!(bounded_attribute(&spaced), "a".repeat(63));
    }
}
