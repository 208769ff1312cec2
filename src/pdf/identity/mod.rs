//! The signing identity: a key pair and its certificate chain.
//!
//! By default, a P-256 key and a self-signed certificate made for this installation on first use
//! (subject: the demandeur and the organisme), kept in `<data_dir>/identite/` with the key file
//! readable by its owner only (0600). Or an organisational certificate imported from a PKCS #12
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

use crate::designation::Designation;

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
/// 1,119-character organisme once made the export fail).
pub const MAX_SUBJECT_CHARS: usize = 64;

/// A name cut to [`MAX_SUBJECT_CHARS`] characters, without surrounding spaces: what goes into the
/// certificate's subject. The copy itself still shows the whole answer.
pub(crate) fn bounded_attribute(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_SUBJECT_CHARS) {
        Some((end, _)) => text[..end].trim_end().to_string(),
        None => text.to_string(),
    }
}

/// Who the self-signed certificate names: the demandeur and the organisme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub name: String,
    pub organization: String,
}

impl Subject {
    /// The demandeur ("Hélène Bélanger") and the organisme of a designation.
    pub fn of(d: &Designation) -> Subject {
        let name = format!(
            "{} {}",
            d.requester.first_name.trim(),
            d.requester.last_name.trim()
        );
        Subject {
            name: bounded_attribute(&name),
            organization: bounded_attribute(&d.organization.name),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.name.is_empty() && self.organization.is_empty()
    }

    /// The common name: the demandeur, else the organisme, else the application.
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
