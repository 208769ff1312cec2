//! The signature of the PDF copy, judged by real validators: poppler's pdfsig, pyHanko, qpdf.

mod common;

use common::*;
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::Paper;

fn signed_copy() -> Vec<u8> {
    export(&example("municipalite.json"), Lang::Fr, Paper::Letter).bytes
}

fn pdfsig_says(bytes: &[u8]) -> Option<String> {
    let pdfsig = tool("pdfsig")?;
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", bytes);
    Some(run(&pdfsig, &[path.as_os_str()]).1)
}

/// The signed ranges `[0 a b len-b]` of the file.
fn byte_range(bytes: &[u8]) -> [usize; 4] {
    // Latin-1 keeps one char per byte, so positions in the text are offsets in the file.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let at = text.find("/ByteRange").unwrap();
    let open = at + text[at..].find('[').unwrap();
    let close = open + text[open..].find(']').unwrap();
    let numbers: Vec<usize> = text[open + 1..close]
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    [numbers[0], numbers[1], numbers[2], numbers[3]]
}

#[test]
fn pdfsig_finds_a_valid_signature_over_the_whole_document() {
    let bytes = signed_copy();
    let Some(text) = pdfsig_says(&bytes) else {
        return;
    };
    assert!(
        text.contains("Signature Validation: Signature is Valid."),
        "{text}"
    );
    assert!(text.contains("Total document signed"), "{text}");
    assert!(
        text.contains("Signer Certificate Common Name: Hélène Bélanger"),
        "{text}"
    );
    assert!(
        text.contains("Signature Type: adbe.pkcs7.detached"),
        "{text}"
    );
    assert!(text.contains("Signing Hash Algorithm: SHA-256"), "{text}");
}

#[test]
fn the_byte_range_covers_everything_but_the_signature() {
    let bytes = signed_copy();
    let [start, a, b, rest] = byte_range(&bytes);
    assert_eq!(start, 0);
    assert_eq!(b + rest, bytes.len());
    assert_eq!(bytes[a], b'<');
    assert_eq!(bytes[b - 1], b'>');
    assert!(bytes[a + 1..b - 1].iter().all(u8::is_ascii_hexdigit));
}

#[test]
fn a_byte_changed_in_either_signed_range_is_a_digest_mismatch() {
    let bytes = signed_copy();
    let [_, a, b, _] = byte_range(&bytes);
    // In the first range: the binary comment on the second line, which no reader interprets.
    let first = 11;
    assert!(first < a && bytes[9] == b'%');
    // In the second range: the year of the signing time /M, after /Contents.
    let needle = b"(D:2026";
    let second = bytes[b..]
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
        + b
        + 6;
    assert!(second > b);
    for (offset, replacement) in [(first, bytes[first] ^ 0x01), (second, b'7')] {
        let mut tampered = bytes.clone();
        assert_ne!(tampered[offset], replacement);
        tampered[offset] = replacement;
        let Some(text) = pdfsig_says(&tampered) else {
            return;
        };
        assert!(text.contains("Digest Mismatch"), "offset {offset}: {text}");
        assert!(
            !text.contains("Signature is Valid"),
            "offset {offset}: {text}"
        );
    }
}

#[test]
fn qpdf_finds_no_error() {
    let bytes = signed_copy();
    let Some(qpdf) = tool("qpdf") else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", &bytes);
    let (ok, text) = run(&qpdf, &["--check".as_ref(), path.as_os_str()]);
    assert!(ok, "{text}");
    assert!(
        text.contains("No syntax or stream encoding errors found"),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("warning"), "{text}");
}

#[test]
fn pyhanko_finds_it_cryptographically_sound_and_covering_the_file() {
    let d = example("organisme.json");
    let exported = export(&d, Lang::En, Paper::A4);
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copy.pdf", &exported.bytes);
    let Some(pyhanko) = tool("pyhanko") else {
        return;
    };
    let (_, text) = run(
        &pyhanko,
        &[
            "sign".as_ref(),
            "validate".as_ref(),
            "--pretty-print".as_ref(),
            "--no-revocation-check".as_ref(),
            path.as_os_str(),
        ],
    );
    assert!(
        text.contains("The signature is cryptographically sound"),
        "{text}"
    );
    assert!(
        text.contains("The signature covers the entire file"),
        "{text}"
    );
}
