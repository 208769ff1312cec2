//! The designation's JSON inside the PDF, as an embedded file (`/EmbeddedFiles` and `/AF`), so
//! that a draft can be restored from a copy.

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use time::OffsetDateTime;

use super::sign::{pdf_date, text_string};
use crate::designation::{self, Designation, ParseError};

/// The name of the attachment in the PDF.
pub const ATTACHMENT_NAME: &str = "designation.json";

/// Why no designation could be read from a PDF.
#[derive(Debug)]
pub enum ExtractError {
    /// Not a PDF file, or a damaged one.
    NotPdf(String),
    /// A PDF, but without the designation attached (not a copy made by this application).
    NoAttachment,
    /// The attachment is there but is not a readable draft.
    Draft(ParseError),
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::NotPdf(d) => write!(f, "not a readable PDF: {d}"),
            ExtractError::NoAttachment => write!(f, "no {ATTACHMENT_NAME} attached"),
            ExtractError::Draft(e) => write!(f, "attached draft unreadable: {e}"),
        }
    }
}

impl std::error::Error for ExtractError {}

impl ExtractError {
    /// The Fluent id of the message for the user; variables `$path` and `$detail`.
    pub fn message_id(&self) -> &'static str {
        match self {
            ExtractError::NotPdf(_) => "pdf-extract-not-pdf",
            ExtractError::NoAttachment => "pdf-extract-no-attachment",
            ExtractError::Draft(_) => "pdf-extract-draft",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            ExtractError::NotPdf(d) => d.clone(),
            ExtractError::NoAttachment => String::new(),
            ExtractError::Draft(e) => e.to_string(),
        }
    }
}

/// Attaches `json` as `designation.json` (associated file, relationship Data).
pub(crate) fn attach(
    doc: &mut Document,
    json: &[u8],
    description: &str,
    modified: OffsetDateTime,
) -> Result<(), lopdf::Error> {
    let params = Dictionary::from_iter(vec![
        ("Size", Object::Integer(json.len() as i64)),
        ("ModDate", pdf_date(modified)),
    ]);
    let file = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"EmbeddedFile".to_vec())),
            ("Subtype", Object::Name(b"application/json".to_vec())),
            ("Params", Object::Dictionary(params)),
        ]),
        json.to_vec(),
    );
    let file_id = doc.add_object(file);
    let name = Object::String(ATTACHMENT_NAME.as_bytes().to_vec(), StringFormat::Literal);
    let spec = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Filespec".to_vec())),
        ("F", name.clone()),
        ("UF", text_string(ATTACHMENT_NAME)),
        (
            "EF",
            Object::Dictionary(Dictionary::from_iter(vec![
                ("F", Object::Reference(file_id)),
                ("UF", Object::Reference(file_id)),
            ])),
        ),
        ("Desc", text_string(description)),
        ("AFRelationship", Object::Name(b"Data".to_vec())),
    ]);
    let spec_id = doc.add_object(spec);
    let embedded = Dictionary::from_iter(vec![(
        "Names",
        Object::Array(vec![name, Object::Reference(spec_id)]),
    )]);
    let catalog = doc.catalog_mut()?;
    catalog.set(
        "Names",
        Object::Dictionary(Dictionary::from_iter(vec![(
            "EmbeddedFiles",
            Object::Dictionary(embedded),
        )])),
    );
    catalog.set("AF", Object::Array(vec![Object::Reference(spec_id)]));
    Ok(())
}

/// The designation attached to a PDF copy made by [`super::export`].
pub fn extract_designation(pdf: &[u8]) -> Result<Designation, ExtractError> {
    let json = extract_json(pdf)?;
    let text = String::from_utf8(json).map_err(|e| ExtractError::NotPdf(e.to_string()))?;
    designation::from_json(&text).map_err(ExtractError::Draft)
}

/// No stream of a copy decompresses to more than this (a copy's largest, a font, is under
/// 100 KB): a bigger one is a decompression bomb, not a copy.
pub(crate) const MAX_STREAM_BYTES: usize = 16 * 1024 * 1024;

/// The raw bytes of the `designation.json` attachment.
pub fn extract_json(pdf: &[u8]) -> Result<Vec<u8>, ExtractError> {
    attached_json(&load(pdf)?)
}

/// Parses a PDF with every stream of the loading bounded ([`MAX_STREAM_BYTES`]).
pub(crate) fn load(pdf: &[u8]) -> Result<Document, ExtractError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    Document::load_mem_with_options(pdf, options).map_err(|e| ExtractError::NotPdf(e.to_string()))
}

/// The `designation.json` attached to a parsed PDF, at most [`crate::store::MAX_DRAFT_BYTES`].
pub(crate) fn attached_json(doc: &Document) -> Result<Vec<u8>, ExtractError> {
    let catalog = doc
        .catalog()
        .map_err(|e| ExtractError::NotPdf(e.to_string()))?;
    let resolve =
        |o: &Object| -> Option<Object> { doc.dereference(o).ok().map(|(_, o)| o.clone()) };

    // Candidate file specifications: the name tree's leaves, then the associated files.
    let mut specs = Vec::new();
    if let Some(Object::Dictionary(names)) = catalog.get(b"Names").ok().and_then(resolve)
        && let Some(Object::Dictionary(tree)) = names.get(b"EmbeddedFiles").ok().and_then(resolve)
        && let Some(Object::Array(pairs)) = tree.get(b"Names").ok().and_then(resolve)
    {
        for pair in pairs.chunks(2) {
            if let [Object::String(name, _), spec] = pair
                && name == ATTACHMENT_NAME.as_bytes()
            {
                specs.extend(resolve(spec));
            }
        }
    }
    if let Some(Object::Array(af)) = catalog.get(b"AF").ok().and_then(resolve) {
        specs.extend(af.iter().filter_map(resolve));
    }

    for spec in specs {
        let Object::Dictionary(spec) = spec else {
            continue;
        };
        let file_name = spec.get(b"F").ok().and_then(|o| o.as_str().ok());
        if file_name != Some(ATTACHMENT_NAME.as_bytes()) {
            continue;
        }
        let Some(Object::Dictionary(ef)) = spec.get(b"EF").ok().and_then(resolve) else {
            continue;
        };
        if let Some(Object::Stream(stream)) = ef.get(b"F").ok().and_then(resolve) {
            // No draft is bigger; a larger attachment is not read further.
            let limit = crate::store::MAX_DRAFT_BYTES as usize;
            let json = if stream.dict.has(b"Filter") {
                stream
                    .decompressed_content_with_limit(limit)
                    .map_err(|e| ExtractError::NotPdf(e.to_string()))?
            } else {
                stream.content.clone()
            };
            if json.len() > limit {
                return Err(ExtractError::NotPdf(format!(
                    "{ATTACHMENT_NAME} larger than {limit} bytes"
                )));
            }
            return Ok(json);
        }
    }
    Err(ExtractError::NoAttachment)
}
