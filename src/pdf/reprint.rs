//! The pages of a copy file, laid out again from what the file holds — the attached designation,
//! the signer's certificate, the copy's date, language and paper — for a printer that draws
//! pages rather than PDF files (Windows has no built-in way to print a PDF).
//!
//! The pages are accepted only when their PDF drawing is the file's own, operation for
//! operation (font names aside, which printpdf draws at random): a copy made by another version
//! of the application, or changed since, is refused rather than printed differently.

use lopdf::content::Content;
use lopdf::{Document, Object};
use printpdf::PdfSaveOptions;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::attach::load_untrusted;
use super::identity::{IdentityInfo, IdentityKind};
use super::page::Pages;
use super::verify::{Known, VerifyError, verify_bytes};
use super::{Paper, content, layout};
use crate::bounded::MAX_ATTACHMENT_BYTES;
use crate::i18n::{Lang, Localizer};

/// Why the pages of a file cannot be drawn again.
#[derive(Debug)]
pub enum ReprintError {
    /// Not a copy at all: not a PDF, no designation attached… (`verify`'s own reasons).
    NotACopy(VerifyError),
    /// A PDF with the designation, but its pages are not those this version draws for it
    /// (another version made it, or it was changed, or it is not signed); what differs.
    Different(String),
}

impl ReprintError {
    /// The Fluent id of the message; variables `$path` and `$detail`.
    pub fn message_id(&self) -> &'static str {
        match self {
            ReprintError::NotACopy(e) => e.message_id(),
            ReprintError::Different(_) => "pdf-reprint-different",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            ReprintError::NotACopy(e) => e.detail(),
            ReprintError::Different(d) => d.clone(),
        }
    }
}

/// The pages of the copy `pdf`, as this version lays them out.
pub fn pages_of_copy(pdf: &[u8]) -> Result<Pages, ReprintError> {
    let different = |d: &str| ReprintError::Different(d.to_string());
    // Trust does not matter here: only who signed, which the copy prints.
    let no_one = Known {
        installation: None,
        organization: None,
    };
    let report = verify_bytes(pdf, &no_one).map_err(ReprintError::NotACopy)?;
    let designation = report
        .designation
        .ok_or_else(|| different("the attachment is unreadable"))?;
    let signer = report
        .signer
        .ok_or_else(|| different("the copy is not signed"))?;
    let doc = load_untrusted(pdf).map_err(|e| ReprintError::NotACopy(e.into()))?;
    let file_ops = page_operations(&doc).ok_or_else(|| different("unreadable page content"))?;
    let info = info_dictionary(&doc).ok_or_else(|| different("no document information"))?;
    let title = text(info, b"Title").ok_or_else(|| different("no title"))?;
    let now = text(info, b"CreationDate")
        .as_deref()
        .and_then(parse_pdf_date)
        .ok_or_else(|| different("no creation date"))?;
    let lang = Lang::ALL
        .into_iter()
        .find(|&lang| Localizer::new(lang).t("app-title") == title)
        .ok_or_else(|| different("a title this version does not write"))?;
    let paper =
        paper_of(&doc).ok_or_else(|| different("a paper size this version does not use"))?;

    let l = Localizer::new(lang);
    // The copy says which kind of certificate signed ("self-signed" or "issued by"), which the
    // certificate alone does not tell: try both.
    for kind in [IdentityKind::SelfSigned, IdentityKind::Organization] {
        let identity = IdentityInfo {
            kind,
            common_name: signer.common_name.clone(),
            organization: signer.organization.clone(),
            issuer: signer.issuer.clone(),
            fingerprint: signer.fingerprint.clone(),
            not_before: signer.not_before,
            not_after: signer.not_after,
            algorithm: signer.algorithm.clone(),
        };
        let mut c = content::build(&designation, &l, &identity, now);
        c.qr = report.qr.clone();
        let laid = layout::lay_out(&c, &l, paper);
        let save = PdfSaveOptions {
            subset_fonts: true,
            ..PdfSaveOptions::default()
        };
        let drawn = layout::pdf(&laid.pages, &title).to_lopdf_document(&save, &mut Vec::new());
        if page_operations(&drawn).as_ref() == Some(&file_ops) {
            return Ok(laid.pages);
        }
    }
    Err(different("its pages differ from those this version draws"))
}

/// Each page's content operations, written out again with font names replaced by their order
/// of first use (decoded and encoded again, so that spacing and compression do not count).
fn page_operations(doc: &Document) -> Option<Vec<Vec<u8>>> {
    let mut fonts: Vec<Vec<u8>> = Vec::new();
    let mut pages = Vec::new();
    for id in doc.get_pages().into_values() {
        let bytes = doc
            .get_page_content_with_limit(id, MAX_ATTACHMENT_BYTES as usize)
            .ok()?;
        let mut content = Content::decode(&bytes).ok()?;
        for op in &mut content.operations {
            if op.operator == "Tf"
                && let Some(Ok(name)) = op.operands.first().map(Object::as_name)
            {
                let index = fonts.iter().position(|f| f == name).unwrap_or_else(|| {
                    fonts.push(name.to_vec());
                    fonts.len() - 1
                });
                op.operands[0] = Object::Integer(index as i64);
            }
        }
        pages.push(content.encode().ok()?);
    }
    Some(pages)
}

fn info_dictionary(doc: &Document) -> Option<&lopdf::Dictionary> {
    let info = doc.trailer.get(b"Info").ok()?;
    doc.dereference(info).ok()?.1.as_dict().ok()
}

/// A text string of the dictionary (PDFDocEncoding or UTF-16BE, as `sign::text_string` writes).
fn text(dict: &lopdf::Dictionary, key: &[u8]) -> Option<String> {
    let bytes = dict.get(key).ok()?.as_str().ok()?;
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        None => Some(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

/// `D:YYYYMMDDHHmmSS+HH'mm'`, as `sign::pdf_date` writes it.
fn parse_pdf_date(s: &str) -> Option<OffsetDateTime> {
    let s = s.strip_prefix("D:")?;
    let number = |range: std::ops::Range<usize>| s.get(range)?.parse::<u32>().ok();
    let date = Date::from_calendar_date(
        i32::try_from(number(0..4)?).ok()?,
        Month::try_from(u8::try_from(number(4..6)?).ok()?).ok()?,
        u8::try_from(number(6..8)?).ok()?,
    )
    .ok()?;
    let time = Time::from_hms(
        u8::try_from(number(8..10)?).ok()?,
        u8::try_from(number(10..12)?).ok()?,
        u8::try_from(number(12..14)?).ok()?,
    )
    .ok()?;
    let sign = match s.get(14..15)? {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    let hours = i8::try_from(number(15..17)?).ok()?;
    let minutes = i8::try_from(number(18..20)?).ok()?;
    let offset = UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// The paper of the first page's media box.
fn paper_of(doc: &Document) -> Option<Paper> {
    let (_, &id) = doc.get_pages().iter().next()?;
    let page = doc.get_dictionary(id).ok()?;
    let media_box = page.get(b"MediaBox").ok()?.as_array().ok()?;
    let n = |i: usize| media_box.get(i).and_then(|o| o.as_float().ok());
    let (width, height) = (n(2)? - n(0)?, n(3)? - n(1)?);
    Paper::ALL.into_iter().find(|p| {
        let (w, h) = p.size();
        (w - width).abs() < 0.5 && (h - height).abs() < 0.5
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_read_back_with_their_offset() {
        let t = time::macros::datetime!(2026-11-24 14:32:05 -05:00);
        let Object::String(bytes, _) = super::super::sign::pdf_date(t) else {
            panic!("a string");
        };
        assert_eq!(parse_pdf_date(&String::from_utf8(bytes).unwrap()), Some(t));
        let t = time::macros::datetime!(2026-06-01 00:05:00 +05:30);
        let Object::String(bytes, _) = super::super::sign::pdf_date(t) else {
            panic!("a string");
        };
        assert_eq!(parse_pdf_date(&String::from_utf8(bytes).unwrap()), Some(t));
        assert_eq!(parse_pdf_date("D:2026112414"), None);
        assert_eq!(parse_pdf_date("2026"), None);
    }
}
