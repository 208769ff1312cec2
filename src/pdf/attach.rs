//! The designation's JSON inside the PDF, as an embedded file (`/EmbeddedFiles` and `/AF`), so
//! that a draft can be restored from a copy.

use lopdf::{DecompressError, Dictionary, Document, LoadOptions, Object, Stream, StringFormat};
use time::OffsetDateTime;

use super::sign::{pdf_date, text_string};
use crate::bounded::MAX_ATTACHMENT_BYTES;
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
    /// A stream (the attachment, or one the file's structure needs) decompresses to more than
    /// `limit` bytes: not a copy made by this application, perhaps a decompression bomb.
    /// Decompression stopped at the limit.
    TooLarge { limit: u64 },
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::NotPdf(d) => write!(f, "not a readable PDF: {d}"),
            ExtractError::NoAttachment => write!(f, "no {ATTACHMENT_NAME} attached"),
            ExtractError::Draft(e) => write!(f, "attached draft unreadable: {e}"),
            ExtractError::TooLarge { limit } => {
                write!(f, "a stream decompresses to more than {limit} bytes")
            }
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
            ExtractError::TooLarge { .. } => "pdf-extract-too-large",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            ExtractError::NotPdf(d) => d.clone(),
            ExtractError::NoAttachment | ExtractError::TooLarge { .. } => String::new(),
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

/// Loads a PDF from elsewhere with every stream decoded during the load (object and
/// cross-reference streams) bounded by [`MAX_ATTACHMENT_BYTES`]: a small file cannot inflate to
/// gigabytes before any of our code runs.
pub(crate) fn load_untrusted(pdf: &[u8]) -> Result<Document, ExtractError> {
    let options = LoadOptions::with_max_decompressed_size(MAX_ATTACHMENT_BYTES as usize);
    Document::load_mem_with_options(pdf, options).map_err(bounded_error)
}

/// A decompression limit reached becomes [`ExtractError::TooLarge`]; anything else, a damaged PDF.
fn bounded_error(e: lopdf::Error) -> ExtractError {
    match e {
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { limit }) => {
            ExtractError::TooLarge {
                limit: limit as u64,
            }
        }
        e => ExtractError::NotPdf(e.to_string()),
    }
}

/// The attachment's content, decompressed up to [`MAX_ATTACHMENT_BYTES`]. A stream whose filters
/// this reader does not know is taken as it is (still bounded): the JSON parser then says what is
/// wrong with it.
fn attachment_content(stream: &Stream) -> Result<Vec<u8>, ExtractError> {
    let limit = MAX_ATTACHMENT_BYTES as usize;
    match stream.decompressed_content_with_limit(limit) {
        Ok(content) => Ok(content),
        Err(e @ lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
            Err(bounded_error(e))
        }
        Err(_) if stream.content.len() > limit => Err(ExtractError::TooLarge {
            limit: MAX_ATTACHMENT_BYTES,
        }),
        Err(_) => Ok(stream.content.clone()),
    }
}

/// The raw bytes of the `designation.json` attachment (at most [`MAX_ATTACHMENT_BYTES`]).
pub fn extract_json(pdf: &[u8]) -> Result<Vec<u8>, ExtractError> {
    let doc = load_untrusted(pdf)?;
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
            return attachment_content(&stream);
        }
    }
    Err(ExtractError::NoAttachment)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF whose only content is `json` attached, Flate-compressed.
    fn pdf_with(json: &[u8]) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let catalog = doc.add_object(Dictionary::from_iter(vec![(
            "Type",
            Object::Name(b"Catalog".to_vec()),
        )]));
        doc.trailer.set("Root", Object::Reference(catalog));
        attach(&mut doc, json, "test", OffsetDateTime::UNIX_EPOCH).unwrap();
        doc.compress();
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn an_attachment_is_read_up_to_the_limit_and_no_further() {
        let small = vec![b' '; 1000];
        assert_eq!(extract_json(&pdf_with(&small)).unwrap(), small);
        // 2 MiB of spaces compress to a few KB; decompression stops at 1 MiB.
        let big = pdf_with(&vec![b' '; 2 * 1024 * 1024]);
        assert!(big.len() < 64 * 1024);
        assert!(matches!(
            extract_json(&big),
            Err(ExtractError::TooLarge { limit }) if limit == MAX_ATTACHMENT_BYTES
        ));
    }
}
