//! Verifying a copy: is it whole, as signed, and by whom? One service function,
//! [`verify_file`], for `piqm-acces verify`, "Vérifier une copie…" and the import of a copy.
//!
//! A copy is **valid** when all of these hold:
//! 1. it has exactly one signature, and its `/ByteRange` covers the whole file but the `<…>` of
//!    its `/Contents` (bytes after the signed ones are an incremental update: a change made after
//!    signing);
//! 2. the CMS signature's `messageDigest` is the SHA-256 of those ranges, and the signature over
//!    the signed attributes verifies with the certificate it names (`cms.rs`);
//! 3. the QR code's text kept in the file ([`super::qr::INFO_KEY`]) names the attached
//!    designation: its id, its numéro once sent, the SHA-256 of `designation.json` (a copy made
//!    before the QR code has none: nothing to compare).
//!
//! Who signed is said apart: this installation's certificate, the organisation's imported one, or
//! a certificate this computer does not know (anyone can make a certificate with any name: the
//! fingerprint is what to compare).

mod cms;
mod words;

pub use words::{error_words, lines, verdict};

use std::path::Path;

use lopdf::{Document, Object};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::attach::{ExtractError, attached_json, load_untrusted as load};
use super::identity::{IdentityStatus, IdentityStore};
use super::qr::{INFO_KEY, QrText, hex_sha256};
use crate::designation::{self, Designation, ParseError};

/// No copy comes near this size (one is about 30 KB); a bigger file is not read.
pub const MAX_COPY_BYTES: u64 = crate::bounded::MAX_PDF_BYTES;

/// What a verification found.
#[derive(Debug, Clone)]
pub struct Report {
    pub verdict: Verdict,
    /// The signer, when a signature could be read (also when it does not verify).
    pub signer: Option<Signer>,
    /// The attached designation; `None` only when the copy is [`Verdict::Invalid`] and the
    /// change made it unreadable.
    pub designation: Option<Designation>,
    /// SHA-256 of the attached `designation.json`, lower-case hexadecimal.
    pub attachment_sha256: Option<String>,
    /// The QR code's text kept in the file, if any.
    pub qr: Option<String>,
    /// Whether that text names the attached designation (`None`: the copy has no QR code).
    pub qr_agrees: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Whole, as signed, and the QR code agrees with the attachment.
    Valid,
    /// No signature at all: anyone may have made or changed it.
    Unsigned,
    /// Signed, but changed since, or the signature is not sound.
    Invalid(Problem),
}

/// Why a signed copy is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// More than one signature (the application signs once).
    SeveralSignatures(usize),
    /// The signature does not cover the whole file: something was added after signing.
    NotWholeFile,
    /// The signed bytes changed after signing.
    DigestMismatch,
    /// The signature itself does not verify with its certificate.
    BadSignature(String),
    /// The signature cannot be read, or is of a kind the application does not make.
    Malformed(String),
    /// The QR code's text does not name the attached designation.
    QrMismatch,
}

impl Problem {
    /// The Fluent id of the sentence for the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            Problem::SeveralSignatures(_) => "verify-problem-several",
            Problem::NotWholeFile => "verify-problem-not-whole",
            Problem::DigestMismatch => "verify-problem-digest",
            Problem::BadSignature(_) => "verify-problem-signature",
            Problem::Malformed(_) => "verify-problem-malformed",
            Problem::QrMismatch => "verify-problem-qr",
        }
    }

    /// A short code for `--json`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::SeveralSignatures(_) => "plusieurs_signatures",
            Problem::NotWholeFile => "fichier_pas_entierement_signe",
            Problem::DigestMismatch => "empreinte_differente",
            Problem::BadSignature(_) => "signature_invalide",
            Problem::Malformed(_) => "signature_illisible",
            Problem::QrMismatch => "code_qr_different",
        }
    }

    /// Technical detail, for support.
    pub fn detail(&self) -> String {
        match self {
            Problem::SeveralSignatures(n) => n.to_string(),
            Problem::BadSignature(d) | Problem::Malformed(d) => d.clone(),
            _ => String::new(),
        }
    }
}

/// Whose certificate signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// This installation's own certificate.
    Installation,
    /// The organisation's certificate imported here (`identity import`).
    Organization,
    /// A certificate this computer does not know.
    Unknown,
}

impl Trust {
    pub fn code(self) -> &'static str {
        match self {
            Trust::Installation => "installation",
            Trust::Organization => "organisation",
            Trust::Unknown => "inconnu",
        }
    }
}

/// The certificate that signed, as a person reads it.
#[derive(Debug, Clone)]
pub struct Signer {
    pub common_name: String,
    pub organization: String,
    pub issuer: String,
    /// SHA-256 of the certificate, `AB:CD:…`.
    pub fingerprint: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// "RSA", "ECDSA P-256".
    pub algorithm: String,
    /// The signingTime signed attribute (as the signer's clock said).
    pub signing_time: Option<OffsetDateTime>,
    pub trust: Trust,
}

impl Signer {
    /// "Hélène Bélanger — Ville de Lévis", or the name alone.
    pub fn display_name(&self) -> String {
        if self.organization.is_empty() {
            self.common_name.clone()
        } else {
            format!("{} — {}", self.common_name, self.organization)
        }
    }

    /// Whether the certificate was within its validity dates when it signed.
    pub fn valid_at_signing(&self) -> Option<bool> {
        self.signing_time
            .map(|t| self.not_before <= t && t <= self.not_after)
    }
}

/// Why a file could not be verified at all.
#[derive(Debug)]
pub enum VerifyError {
    Io(std::io::Error),
    TooLarge {
        bytes: u64,
    },
    /// Not a PDF file, or a damaged one.
    NotPdf(String),
    /// A PDF without the designation attached.
    NoAttachment,
    /// A stream or the attachment inflates past `limit` bytes: a decompression bomb, not a
    /// copy; reading stopped there.
    AttachmentTooLarge {
        limit: u64,
    },
    /// The attachment is not a readable draft.
    Draft(ParseError),
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::Io(e) => write!(f, "{e}"),
            VerifyError::TooLarge { bytes } => write!(f, "{bytes} bytes"),
            VerifyError::NotPdf(d) => write!(f, "not a readable PDF: {d}"),
            VerifyError::NoAttachment => write!(f, "no designation.json attached"),
            VerifyError::AttachmentTooLarge { limit } => {
                write!(f, "a stream inflates past {limit} bytes")
            }
            VerifyError::Draft(e) => write!(f, "attached draft unreadable: {e}"),
        }
    }
}

impl std::error::Error for VerifyError {}

impl VerifyError {
    /// The Fluent id of the message; variables `$path`, `$detail`, `$limit`.
    pub fn message_id(&self) -> &'static str {
        match self {
            VerifyError::Io(_) => "verify-error-io",
            VerifyError::TooLarge { .. } => "verify-error-too-large",
            VerifyError::NotPdf(_) => "pdf-extract-not-pdf",
            VerifyError::NoAttachment => "pdf-extract-no-attachment",
            VerifyError::AttachmentTooLarge { .. } => "pdf-extract-too-large",
            VerifyError::Draft(_) => "pdf-extract-draft",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            VerifyError::Io(e) => e.to_string(),
            VerifyError::TooLarge { bytes } => format!("{bytes} bytes"),
            VerifyError::NotPdf(d) => d.clone(),
            VerifyError::NoAttachment => String::new(),
            VerifyError::AttachmentTooLarge { limit } => format!("{limit} bytes"),
            VerifyError::Draft(e) => e.to_string(),
        }
    }
}

impl From<ExtractError> for VerifyError {
    fn from(e: ExtractError) -> Self {
        match e {
            ExtractError::NotPdf(d) => VerifyError::NotPdf(d),
            ExtractError::NoAttachment => VerifyError::NoAttachment,
            ExtractError::Draft(e) => VerifyError::Draft(e),
            ExtractError::TooLarge { limit } => VerifyError::AttachmentTooLarge { limit },
        }
    }
}

/// The certificates this computer knows, by fingerprint.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub installation: Option<String>,
    pub organization: Option<String>,
}

impl Known {
    /// The identity of the data folder: its self-signed certificate or its organisation's.
    /// An identity folder that cannot be read knows nobody (the copy is still verified).
    pub fn of(data_dir: &Path) -> Known {
        match IdentityStore::new(data_dir).status() {
            Ok(IdentityStatus::SelfSigned(info)) => Known {
                installation: Some(info.fingerprint),
                organization: None,
            },
            Ok(IdentityStatus::Organization(info)) => Known {
                installation: None,
                organization: Some(info.fingerprint),
            },
            _ => Known::default(),
        }
    }

    fn trust(&self, fingerprint: &str) -> Trust {
        if self.installation.as_deref() == Some(fingerprint) {
            Trust::Installation
        } else if self.organization.as_deref() == Some(fingerprint) {
            Trust::Organization
        } else {
            Trust::Unknown
        }
    }
}

/// Reads at most [`MAX_COPY_BYTES`] of `path` (a bigger file is refused before it is read),
/// opened without waiting and only if it is a regular file (a named pipe cannot hang it).
pub fn read_copy(path: &Path) -> Result<Vec<u8>, VerifyError> {
    use crate::bounded::{BoundedError, read_bounded};
    read_bounded(path, MAX_COPY_BYTES).map_err(|e| match e {
        BoundedError::TooLarge { limit } => VerifyError::TooLarge { bytes: limit + 1 },
        BoundedError::NotAFile => VerifyError::Io(std::io::Error::other("not a regular file")),
        BoundedError::Io(e) => VerifyError::Io(e),
    })
}

/// Verifies the copy at `path` against the identities of `data_dir`.
pub fn verify_file(path: &Path, data_dir: &Path) -> Result<Report, VerifyError> {
    verify_bytes(&read_copy(path)?, &Known::of(data_dir))
}

/// Verifies a copy in memory.
pub fn verify_bytes(pdf: &[u8], known: &Known) -> Result<Report, VerifyError> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(VerifyError::NotPdf("no %PDF- header".into()));
    }
    let doc = match load(pdf) {
        Ok(doc) => doc,
        Err(e) => return damaged(pdf, known, e.into()),
    };
    let qr = qr_text(&doc);
    let (verdict, signer) = match signature_dictionaries(&doc).as_slice() {
        [] => (Verdict::Unsigned, None),
        [one] => signature(pdf, byte_range(one), known),
        several => (
            Verdict::Invalid(Problem::SeveralSignatures(several.len())),
            None,
        ),
    };
    // A signed copy whose change broke the attachment is still an altered copy, not a file
    // of another kind.
    let (designation, json) = match (attachment(&doc), &verdict) {
        (Ok(found), _) => found,
        (Err(_), Verdict::Invalid(_)) => {
            return Ok(Report {
                verdict,
                signer,
                designation: None,
                attachment_sha256: None,
                qr,
                qr_agrees: None,
            });
        }
        (Err(e), _) => return Err(e),
    };
    let qr_agrees = qr.as_deref().map(|t| qr_matches(t, &designation, &json));
    let verdict = match (verdict, qr_agrees) {
        (Verdict::Valid, Some(false)) => Verdict::Invalid(Problem::QrMismatch),
        (v, _) => v,
    };
    Ok(Report {
        verdict,
        signer,
        attachment_sha256: Some(hex_sha256(&json)),
        designation: Some(designation),
        qr,
        qr_agrees,
    })
}

/// The attached designation and the bytes of its JSON.
fn attachment(doc: &Document) -> Result<(Designation, Vec<u8>), VerifyError> {
    let json = attached_json(doc)?;
    let text = std::str::from_utf8(&json).map_err(|e| VerifyError::NotPdf(e.to_string()))?;
    let designation = designation::from_json(text).map_err(VerifyError::Draft)?;
    Ok((designation, json))
}

fn qr_matches(text: &str, d: &Designation, json: &[u8]) -> bool {
    QrText::parse(text).is_some_and(|q| q == QrText::of(d, json))
}

/// A file the PDF parser cannot read: if it carries a signature that no longer holds, it is a
/// signed copy that was changed (1), not a file of another kind (2).
fn damaged(pdf: &[u8], known: &Known, error: VerifyError) -> Result<Report, VerifyError> {
    match signature(pdf, raw_byte_range(pdf), known) {
        (verdict @ Verdict::Invalid(_), signer) if signer.is_some() => Ok(Report {
            verdict,
            signer,
            designation: None,
            attachment_sha256: None,
            qr: None,
            qr_agrees: None,
        }),
        _ => Err(error),
    }
}

/// The numbers of the first `/ByteRange [a b c d]` in the raw bytes.
fn raw_byte_range(pdf: &[u8]) -> Option<[usize; 4]> {
    let key = b"/ByteRange";
    let at = pdf.windows(key.len()).position(|w| w == key)? + key.len();
    let rest = &pdf[at..pdf.len().min(at + 80)];
    let open = rest.iter().position(|&b| b == b'[')?;
    let close = rest.iter().position(|&b| b == b']')?;
    let text = std::str::from_utf8(rest.get(open + 1..close)?).ok()?;
    let numbers: Vec<usize> = text
        .split_whitespace()
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    numbers.try_into().ok()
}

/// Every signature dictionary of the file (an indirect object with a `/ByteRange`).
fn signature_dictionaries(doc: &Document) -> Vec<&lopdf::Dictionary> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"ByteRange"))
        .collect()
}

/// The QR code's text kept in the document information dictionary.
fn qr_text(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    let bytes = info.as_dict().ok()?.get(INFO_KEY).ok()?.as_str().ok()?;
    String::from_utf8(bytes.to_vec()).ok()
}

/// Checks one signature against the raw bytes: its ranges, then its CMS.
fn signature(pdf: &[u8], range: Option<[usize; 4]>, known: &Known) -> (Verdict, Option<Signer>) {
    let invalid = |p: Problem| (Verdict::Invalid(p), None);
    let Some([start, a, b, len]) = range else {
        return invalid(Problem::Malformed("/ByteRange is not four numbers".into()));
    };
    let in_file = start == 0 && a < b && b.checked_add(len).is_some_and(|end| end <= pdf.len());
    if !in_file || pdf[a] != b'<' || pdf[b - 1] != b'>' {
        return invalid(Problem::Malformed(
            "/ByteRange does not surround the <…> of /Contents".into(),
        ));
    }
    let Some(contents) = hex(&pdf[a + 1..b - 1]) else {
        return invalid(Problem::Malformed("/Contents is not hexadecimal".into()));
    };
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..a]);
    hasher.update(&pdf[b..b + len]);
    let digest = hasher.finalize();
    let read = match cms::check(&contents, &digest) {
        Ok(read) => read,
        Err(problem) => return invalid(problem),
    };
    let info = super::identity::certificate_info(
        &read.certificate,
        super::identity::IdentityKind::Organization,
        read.algorithm.to_string(),
    );
    let signer = Signer {
        trust: known.trust(&info.fingerprint),
        common_name: info.common_name,
        organization: info.organization,
        issuer: info.issuer,
        fingerprint: info.fingerprint,
        not_before: info.not_before,
        not_after: info.not_after,
        algorithm: info.algorithm,
        signing_time: read.signing_time,
    };
    // Bytes after the signed ones: an incremental update, made after signing. Said before the
    // digest (which may still hold for the first revision).
    let verdict = if b + len != pdf.len() {
        Verdict::Invalid(Problem::NotWholeFile)
    } else {
        match read.outcome {
            Ok(()) => Verdict::Valid,
            Err(p) => Verdict::Invalid(p),
        }
    };
    (verdict, Some(signer))
}

fn byte_range(sig: &lopdf::Dictionary) -> Option<[usize; 4]> {
    let numbers: Vec<usize> = sig
        .get(b"ByteRange")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .map(|n| match n {
            Object::Integer(i) => usize::try_from(*i).ok(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    numbers.try_into().ok()
}

fn hex(text: &[u8]) -> Option<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    text.chunks(2)
        .map(|pair| match pair {
            [h, l] => Some(digit(*h)? << 4 | digit(*l)?),
            _ => None,
        })
        .collect()
}
