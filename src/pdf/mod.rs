//! The signed PDF copy of a designation (service: no GUI, no async runtime).
//!
//! [`export`] lays out every label and value of the form (printpdf, the bundled Noto Sans fonts
//! embedded as subsets), attaches the designation's JSON, and signs the whole file with a
//! detached CMS signature (`adbe.pkcs7.detached`, SHA-256) made by an [`Identity`]: the
//! installation's self-signed one ([`IdentityStore::self_signed`], the same for every copy) or the organisation's
//! PKCS #12 certificate ([`IdentityStore::unlock_organization`], [`Identity::from_pkcs12`]).
//! [`extract_designation`] reads the designation back from a copy; [`print`](mod@print) sends a copy to a
//! printer: its file to CUPS, its pages ([`page`], [`reprint`]) to Windows' printing API.
//!
//! Crates: printpdf 0.12 (without its HTML engine) and the lopdf 0.44 it is built on; the
//! RustCrypto generation that lopdf already uses (sha2 0.11, der 0.8, x509-cert 0.3, p256 0.14,
//! rsa 0.10); p12-keystore 0.4 for PKCS #12, the only pure-Rust reader of both AES and 3DES
//! files. The CMS structure is assembled with `der` (see `cms.rs`): the `cms` pre-release that
//! p12-keystore pins cannot be mixed with the newer one.

mod attach;
mod cms;
mod content;
pub mod copy;
pub mod fonts;
pub mod identity;
mod layout;
pub mod page;
pub mod print;
pub mod qr;
pub mod reprint;
mod sign;
pub mod verify;

use std::path::Path;

use printpdf::{PdfDocumentInfo, PdfSaveOptions};
use time::OffsetDateTime;

pub use attach::{ATTACHMENT_NAME, ExtractError, extract_designation, extract_json};
pub use copy::{CopyError, CopyRequest, SignedCopy, Signer, make_copy};
pub use identity::{
    Identity, IdentityError, IdentityInfo, IdentityKind, IdentityStatus, IdentityStore, Subject,
};
pub use page::Pages;
pub use sign::SignError;

use crate::designation::Designation;
use crate::i18n::{Lang, Localizer};
use crate::reference::Reference;

/// The paper size of the copy: US Letter (as used in Québec) unless A4 is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Paper {
    #[default]
    Letter,
    A4,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::Letter, Paper::A4];

    /// "letter" or "a4", as on the command line and in settings.
    pub fn code(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
        }
    }

    pub fn from_code(code: &str) -> Option<Paper> {
        Self::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The Fluent id of its name ("Lettre US (8,5 × 11 po)").
    pub fn label_id(self) -> &'static str {
        match self {
            Paper::Letter => "pdf-paper-letter",
            Paper::A4 => "pdf-paper-a4",
        }
    }
}

/// How to make the copy.
#[derive(Debug, Clone, Copy)]
pub struct ExportOptions {
    pub paper: Paper,
    /// The language of every text in the PDF.
    pub lang: Lang,
    /// The date of the copy and of the signature, in the offset to show.
    pub now: OffsetDateTime,
}

/// A signed copy.
#[derive(Debug, Clone)]
pub struct Exported {
    pub bytes: Vec<u8>,
    /// The designation has errors: every page is marked "BROUILLON — incomplet".
    pub incomplete: bool,
    pub pages: usize,
    /// Its pages, device-independent: what a printer that draws pages prints.
    pub layout: Pages,
}

/// Why a copy could not be made. Not the user's doing: a defect to report.
#[derive(Debug)]
pub enum PdfError {
    Json(String),
    Pdf(String),
    Signature(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Json(d) => write!(f, "JSON: {d}"),
            PdfError::Pdf(d) => write!(f, "PDF: {d}"),
            PdfError::Signature(d) => write!(f, "signature: {d}"),
        }
    }
}

impl std::error::Error for PdfError {}

impl PdfError {
    /// The Fluent id of the message for the user; variable `$detail`.
    pub fn message_id(&self) -> &'static str {
        "pdf-export-failed"
    }
}

impl From<lopdf::Error> for PdfError {
    fn from(e: lopdf::Error) -> Self {
        PdfError::Pdf(e.to_string())
    }
}

impl From<SignError> for PdfError {
    fn from(e: SignError) -> Self {
        PdfError::Signature(e.0)
    }
}

/// Makes the signed copy of `d`.
pub fn export(
    d: &Designation,
    options: &ExportOptions,
    identity: &Identity,
) -> Result<Exported, PdfError> {
    let l = Localizer::new(options.lang);
    let now = options.now;
    let info = identity.info();
    let json = serde_json::to_vec_pretty(d).map_err(|e| PdfError::Json(e.to_string()))?;
    let qr_text = qr::QrText::of(d, &json).to_string();
    let mut content = content::build(d, &l, &info, now);
    content.qr = Some(qr_text.clone());
    let incomplete = content.draft_mark.is_some();
    let title = l.t("app-title");
    let laid = layout::lay_out(&content, &l, options.paper);
    let mut pdf = layout::pdf(&laid.pages, &title);
    let pages = laid.pages.pages.len();
    let requester = format!("{} {}", d.requester.first_name, d.requester.last_name);
    pdf.metadata.info = PdfDocumentInfo {
        document_title: title.clone(),
        author: requester.trim().to_string(),
        subject: d.organization.name.clone(),
        creator: format!("piqm-acces {}", env!("CARGO_PKG_VERSION")),
        producer: format!("piqm-acces {}", env!("CARGO_PKG_VERSION")),
        // The dates are written by `tidy_info`, with their offset.
        ..PdfDocumentInfo::default()
    };
    let save = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut doc = pdf.to_lopdf_document(&save, &mut Vec::new());
    tidy_info(&mut doc, &title, d, now)?;
    set_qr_text(&mut doc, &qr_text)?;

    attach::attach(&mut doc, &json, &l.t("pdf-attachment-description"), now)?;

    let location = Reference::get()
        .municipality(&d.organization.municipality)
        .map(|m| m.name.clone())
        .unwrap_or_default();
    let text = sign::SignatureText {
        name: content::signatory(d, &info),
        reason: l.t("pdf-signature-reason"),
        location: if location.is_empty() {
            "Québec".to_string()
        } else {
            format!("{location}, Québec")
        },
    };
    let capacity = sign::prepare(&mut doc, laid.signature_box, identity, &text, now)?;
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| PdfError::Pdf(e.to_string()))?;
    let bytes = sign::sign(bytes, capacity, identity, now)?;
    Ok(Exported {
        bytes,
        incomplete,
        pages,
        layout: laid.pages,
    })
}

/// The document information dictionary as it should be: PDF 1.7, our dates, no empty PDF/X
/// version (printpdf writes one, which makes readers think the file claims PDF/X).
fn tidy_info(
    doc: &mut lopdf::Document,
    title: &str,
    d: &Designation,
    now: OffsetDateTime,
) -> Result<(), PdfError> {
    use lopdf::Object;
    doc.version = "1.7".to_string();
    let info_id = doc.trailer.get(b"Info").and_then(Object::as_reference).ok();
    let mut info = lopdf::Dictionary::new();
    info.set("Title", sign::text_string(title));
    let author = format!("{} {}", d.requester.first_name, d.requester.last_name);
    if !author.trim().is_empty() {
        info.set("Author", sign::text_string(author.trim()));
    }
    if !d.organization.name.is_empty() {
        info.set("Subject", sign::text_string(&d.organization.name));
    }
    let app = format!("piqm-acces {}", env!("CARGO_PKG_VERSION"));
    info.set("Creator", sign::text_string(&app));
    info.set("Producer", sign::text_string(&app));
    info.set("CreationDate", sign::pdf_date(now));
    info.set("ModDate", sign::pdf_date(now));
    match info_id {
        Some(id) => {
            *doc.get_object_mut(id)? = Object::Dictionary(info);
        }
        None => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }
    Ok(())
}

/// Keeps the QR code's text in the (signed) document information, for `verify` to compare with
/// the attachment without decoding the picture.
fn set_qr_text(doc: &mut lopdf::Document, text: &str) -> Result<(), PdfError> {
    let id = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)?;
    doc.get_dictionary_mut(id)?.set(
        qr::INFO_KEY,
        lopdf::Object::String(text.as_bytes().to_vec(), lopdf::StringFormat::Literal),
    );
    Ok(())
}

/// The file name offered when saving: `designation-<organisme>-<date>.pdf`, in plain ASCII
/// ([`crate::file_name`], the same rule as an exported draft).
pub fn default_file_name(d: &Designation, date: time::Date) -> String {
    crate::file_name::designation_file_name(&d.organization.name, date, "pdf")
}

/// Writes the copy where the user chose, atomically and durably ([`crate::fsutil::write_atomic`]):
/// a failed write never leaves half a PDF where a good one was. The copy is made to be handed on
/// (sent, printed, put on a shared drive), so it keeps the ordinary permissions of a new file.
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::fsutil::write_atomic(path, bytes, crate::fsutil::Access::Shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain_and_dated() {
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        d.organization.name = "Ville de Lévis — Service du greffe".into();
        let date = time::macros::date!(2026 - 11 - 24);
        assert_eq!(
            default_file_name(&d, date),
            "designation-ville-de-levis-service-du-greffe-2026-11-24.pdf"
        );
        d.organization.name = "  ".into();
        assert_eq!(default_file_name(&d, date), "designation-2026-11-24.pdf");
    }

    #[test]
    fn paper_codes() {
        assert_eq!(Paper::from_code("A4"), Some(Paper::A4));
        assert_eq!(Paper::from_code("letter"), Some(Paper::Letter));
        assert_eq!(Paper::from_code("legal"), None);
        assert_eq!(Paper::default(), Paper::Letter);
    }
}
