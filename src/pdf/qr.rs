//! The QR code on the copy's first page: what a phone or a clerk needs to check a paper copy
//! against the file. Its text, in a small format of its own (version 1):
//!
//! ```text
//! PIQM1;id=<designation id>[;no=<numéro, once sent>];sha256=<SHA-256 of designation.json, hex>
//! ```
//!
//! Fields are separated by `;`, each is `key=value`, in that order; `no` is left out before the
//! designation is sent. The same text is kept in the signed file (document information key
//! [`INFO_KEY`]) so that `verify` compares it with the attachment without decoding an image.

use sha2::{Digest, Sha256};

use crate::designation::Designation;

/// The document information key that holds the QR code's text.
pub const INFO_KEY: &[u8] = b"PiqmQr";
const PREFIX: &str = "PIQM1";

/// What the QR code says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrText {
    pub id: String,
    pub number: Option<String>,
    /// Lower-case hexadecimal.
    pub sha256: String,
}

impl QrText {
    /// The values for designation `d`, whose attached JSON is `json`.
    pub fn of(d: &Designation, json: &[u8]) -> QrText {
        QrText {
            id: d.id.as_hyphenated().to_string(),
            number: d
                .receipt
                .as_ref()
                .map(|r| r.numero.trim().to_string())
                .filter(|n| !n.is_empty()),
            sha256: hex_sha256(json),
        }
    }

    /// Reads the text back; `None` when it is not of this format.
    pub fn parse(text: &str) -> Option<QrText> {
        let mut parts = text.split(';');
        if parts.next()? != PREFIX {
            return None;
        }
        let (mut id, mut number, mut sha256) = (None, None, None);
        for part in parts {
            match part.split_once('=')? {
                ("id", v) if id.is_none() => id = Some(v.to_string()),
                ("no", v) if number.is_none() => number = Some(v.to_string()),
                ("sha256", v) if sha256.is_none() => sha256 = Some(v.to_string()),
                _ => return None,
            }
        }
        Some(QrText {
            id: id?,
            number,
            sha256: sha256?,
        })
    }
}

impl std::fmt::Display for QrText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{PREFIX};id={}", self.id)?;
        if let Some(n) = &self.number {
            write!(f, ";no={n}")?;
        }
        write!(f, ";sha256={}", self.sha256)
    }
}

pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The dark modules of the code, row by row (`width` × `width`, without the quiet zone);
/// level M: a quarter of the code may be smudged or folded.
pub(crate) fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .into_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, dark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_reads_back() {
        let q = QrText {
            id: "3f2b8c1e-0000-4000-8000-000000000001".into(),
            number: Some("PIQM-2026-000001".into()),
            sha256: "ab".repeat(32),
        };
        let text = q.to_string();
        assert_eq!(
            text,
            format!(
                "PIQM1;id=3f2b8c1e-0000-4000-8000-000000000001;no=PIQM-2026-000001;sha256={}",
                "ab".repeat(32)
            )
        );
        assert_eq!(QrText::parse(&text), Some(q.clone()));
        let unsent = QrText { number: None, ..q };
        assert_eq!(QrText::parse(&unsent.to_string()), Some(unsent));
        assert_eq!(QrText::parse("PIQM2;id=x;sha256=y"), None);
        assert_eq!(QrText::parse("PIQM1;id=x;id=y;sha256=z"), None);
        assert_eq!(QrText::parse("PIQM1;sha256=z"), None);
    }

    #[test]
    fn a_full_text_fits_a_small_code() {
        let text = format!(
            "PIQM1;id={};no=PIQM-2026-000001;sha256={}",
            uuid::Uuid::nil(),
            "0".repeat(64)
        );
        let (width, dark) = modules(&text).unwrap();
        assert!(width <= 53, "{width} modules");
        assert_eq!(dark.len(), width * width);
    }
}
