//! The digital signature of the PDF: a signature field whose widget is the visible box on the
//! last page, a `/Sig` dictionary with a fixed-size placeholder, then, once the file is written,
//! the byte ranges around the placeholder and a detached CMS signature of them written into it.
//!
//! The whole file is one revision and the signature covers all of it but its own `/Contents`.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::cms;
use super::identity::Identity;

/// What the `/Sig` dictionary says in words (shown by PDF readers).
#[derive(Debug, Clone)]
pub(crate) struct SignatureText {
    pub name: String,
    pub reason: String,
    pub location: String,
}

/// Where the visible box is: page index (0-based) and rectangle in points, from the lower left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BoxPlacement {
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// The ByteRange placeholder: wide enough for any offset of a file under 10 GB.
const BYTE_RANGE_PLACEHOLDER: [i64; 4] = [0, 9_999_999_999, 9_999_999_999, 9_999_999_999];

#[derive(Debug)]
pub struct SignError(pub String);

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<lopdf::Error> for SignError {
    fn from(e: lopdf::Error) -> Self {
        SignError(format!("PDF: {e}"))
    }
}

/// A PDF text string: UTF-16BE with its byte order mark.
pub(crate) fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A PDF date, `D:YYYYMMDDHHmmSS+HH'mm'`.
pub(crate) fn pdf_date(t: OffsetDateTime) -> Object {
    let offset = t.offset();
    let (h, m, _) = offset.as_hms();
    let sign = if offset.is_negative() { '-' } else { '+' };
    let text = format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}{}{:02}'{:02}'",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        sign,
        h.unsigned_abs(),
        m.unsigned_abs()
    );
    Object::String(text.into_bytes(), StringFormat::Literal)
}

/// Adds the signature field, its widget on the page and the `/Sig` dictionary with placeholders
/// sized for `identity`. Returns the number of bytes reserved for the CMS.
pub(crate) fn prepare(
    doc: &mut Document,
    placement: BoxPlacement,
    identity: &Identity,
    text: &SignatureText,
    signing_time: OffsetDateTime,
) -> Result<usize, SignError> {
    let capacity = cms::max_size(identity);
    let sig = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Sig".to_vec())),
        ("Filter", Object::Name(b"Adobe.PPKLite".to_vec())),
        ("SubFilter", Object::Name(b"adbe.pkcs7.detached".to_vec())),
        (
            "ByteRange",
            Object::Array(
                BYTE_RANGE_PLACEHOLDER
                    .iter()
                    .map(|n| Object::Integer(*n))
                    .collect(),
            ),
        ),
        (
            "Contents",
            Object::String(vec![0; capacity], StringFormat::Hexadecimal),
        ),
        ("M", pdf_date(signing_time)),
        ("Name", text_string(&text.name)),
        ("Reason", text_string(&text.reason)),
        ("Location", text_string(&text.location)),
    ]);
    let sig_id = doc.add_object(sig);

    let pages = doc.get_pages();
    let page_id: ObjectId = *pages
        .values()
        .nth(placement.page)
        .ok_or_else(|| SignError(format!("no page {}", placement.page)))?;

    // The box itself is drawn in the page's content (so that its text is part of the page); the
    // widget's appearance is an empty form over it.
    let appearance = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Form".to_vec())),
            (
                "BBox",
                Object::Array(vec![
                    0.into(),
                    0.into(),
                    Object::Real(placement.width),
                    Object::Real(placement.height),
                ]),
            ),
            ("Resources", Object::Dictionary(Dictionary::new())),
        ]),
        Vec::new(),
    );
    let appearance_id = doc.add_object(appearance);

    let widget = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Widget".to_vec())),
        ("FT", Object::Name(b"Sig".to_vec())),
        ("T", text_string("Signature1")),
        ("V", Object::Reference(sig_id)),
        (
            "Rect",
            Object::Array(vec![
                Object::Real(placement.x),
                Object::Real(placement.y),
                Object::Real(placement.x + placement.width),
                Object::Real(placement.y + placement.height),
            ]),
        ),
        // Print + Locked.
        ("F", Object::Integer(132)),
        ("P", Object::Reference(page_id)),
        (
            "AP",
            Object::Dictionary(Dictionary::from_iter(vec![(
                "N",
                Object::Reference(appearance_id),
            )])),
        ),
    ]);
    let widget_id = doc.add_object(widget);

    add_annotation(doc, page_id, widget_id)?;

    let acro_form = Dictionary::from_iter(vec![
        ("Fields", Object::Array(vec![Object::Reference(widget_id)])),
        // SignaturesExist + AppendOnly.
        ("SigFlags", Object::Integer(3)),
    ]);
    doc.catalog_mut()?
        .set("AcroForm", Object::Dictionary(acro_form));
    Ok(capacity)
}

fn add_annotation(doc: &mut Document, page_id: ObjectId, annot: ObjectId) -> Result<(), SignError> {
    let existing = doc.get_dictionary(page_id)?.get(b"Annots").ok().cloned();
    match existing {
        Some(Object::Reference(array_id)) => {
            if let Object::Array(a) = doc.get_object_mut(array_id)? {
                a.push(Object::Reference(annot));
            }
        }
        Some(Object::Array(mut a)) => {
            a.push(Object::Reference(annot));
            doc.get_dictionary_mut(page_id)?
                .set("Annots", Object::Array(a));
        }
        _ => {
            doc.get_dictionary_mut(page_id)?
                .set("Annots", Object::Array(vec![Object::Reference(annot)]));
        }
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Fills the ByteRange and the signature of a file written after [`prepare`].
pub(crate) fn sign(
    mut pdf: Vec<u8>,
    capacity: usize,
    identity: &Identity,
    signing_time: OffsetDateTime,
) -> Result<Vec<u8>, SignError> {
    // The dictionary is written as `/ByteRange[0 9999999999 …]`: find that array.
    let key_at = find(&pdf, b"/ByteRange")
        .ok_or_else(|| SignError("ByteRange placeholder not found".into()))?;
    let open = key_at
        + find(&pdf[key_at..], b"[").ok_or_else(|| SignError("ByteRange has no array".into()))?;
    let close =
        open + find(&pdf[open..], b"]").ok_or_else(|| SignError("ByteRange not closed".into()))?;
    let mut hex_placeholder = Vec::with_capacity(capacity * 2 + 2);
    hex_placeholder.push(b'<');
    hex_placeholder.resize(capacity * 2 + 1, b'0');
    hex_placeholder.push(b'>');
    let contents_at = find(&pdf, &hex_placeholder)
        .ok_or_else(|| SignError("Contents placeholder not found".into()))?;

    // The signed ranges: everything before '<' and everything after '>'.
    let a = contents_at;
    let b = contents_at + hex_placeholder.len();
    let len = pdf.len();
    let ranges = format!("[0 {a} {b} {}", len - b);
    let slot = close - open; // without the ']'
    if ranges.len() > slot {
        return Err(SignError("ByteRange placeholder too small".into()));
    }
    let padded = format!("{ranges:<slot$}]");
    pdf[open..=close].copy_from_slice(padded.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&pdf[..a]);
    hasher.update(&pdf[b..]);
    let digest = hasher.finalize();

    let der = cms::signed_data(&digest, identity, signing_time).map_err(|e| SignError(e.0))?;
    if der.len() > capacity {
        return Err(SignError(format!(
            "signature of {} bytes exceeds the {capacity} reserved",
            der.len()
        )));
    }
    let hex: String = der.iter().map(|byte| format!("{byte:02x}")).collect();
    pdf[a + 1..a + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(pdf)
}
