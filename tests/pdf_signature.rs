//! The signature of the PDF copy, judged by real validators (poppler's pdfsig, pyHanko, qpdf) and
//! verified in-process (`common::verify`), so it is checked even where they are missing.

mod common;

use common::*;
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::{self, ExportOptions, Identity, Paper};

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
    verify::byte_range(bytes).unwrap()
}

/// The copy signed with the organisation's RSA 2048 certificate (tests/fixtures).
fn rsa_signed_copy() -> Vec<u8> {
    let p12 = std::fs::read(fixture("organisation-aes.p12")).unwrap();
    let identity = Identity::from_pkcs12(&p12, "piqm-test").unwrap();
    let options = ExportOptions {
        paper: Paper::A4,
        lang: Lang::En,
        now: now(),
    };
    pdf::export(&example("organisme.json"), &options, &identity)
        .unwrap()
        .bytes
}

#[test]
fn the_signature_verifies_in_process_with_p256_and_with_rsa() {
    let p256 = verify::verify_signature(&signed_copy()).unwrap();
    assert_eq!(p256.algorithm, "ECDSA P-256");
    assert!(p256.signer.contains("Hélène Bélanger"), "{}", p256.signer);
    let rsa = verify::verify_signature(&rsa_signed_copy()).unwrap();
    assert_eq!(rsa.algorithm, "RSA");
}

#[test]
fn in_process_verification_fails_on_a_flipped_byte() {
    for bytes in [signed_copy(), rsa_signed_copy()] {
        let [_, a, b, rest] = byte_range(&bytes);
        // The length of the CMS structure inside /Contents (the rest is zero padding): its
        // outer SEQUENCE has a two-byte length (0x30 0x82 hi lo).
        let der_hex = &bytes[a + 1..b - 1];
        let len_hex = std::str::from_utf8(&der_hex[4..8]).unwrap();
        let der_len = 4 + usize::from_str_radix(len_hex, 16).unwrap();
        assert!(
            der_hex.starts_with(b"3082"),
            "a CMS structure over 255 bytes"
        );
        let in_ranges = [11, a / 2, b + rest / 2, bytes.len() - 2];
        // Near the end of the DER: the signature value itself.
        let in_signature = a + 1 + 2 * (der_len - 6);
        for offset in in_ranges.into_iter().chain([in_signature]) {
            let mut tampered = bytes.clone();
            tampered[offset] = match tampered[offset] {
                // Keep a hexadecimal digit a hexadecimal digit: the value changes, not the syntax.
                b'0' => b'1',
                c if c.is_ascii_hexdigit() && offset > a && offset < b => b'0',
                c => c ^ 0x01,
            };
            assert_ne!(tampered, bytes);
            let result = verify::verify_signature(&tampered);
            let expected = if offset == in_signature {
                "the CMS signature does not verify"
            } else {
                "digest mismatch"
            };
            assert!(
                result.as_ref().is_err_and(|e| e.contains(expected)),
                "offset {offset} of {}: {result:?}",
                bytes.len()
            );
        }
        // And the copy itself still verifies: the tampering is what fails.
        assert!(verify::verify_signature(&bytes).is_ok());
    }
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
