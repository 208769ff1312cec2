//! The signature of the PDF copy, judged by real validators: poppler's pdfsig, qpdf, pyHanko.

mod common;

use common::*;
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::Paper;

#[test]
fn pdfsig_finds_a_valid_signature_over_the_whole_document() {
    let d = example("municipalite.json");
    let exported = export(&d, Lang::Fr, Paper::Letter);
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", &exported.bytes);
    std::fs::write("/tmp/piqm-copie.pdf", &exported.bytes).unwrap();
    let Some(pdfsig) = tool("pdfsig") else { return };
    let (_, text) = run(&pdfsig, &[path.as_os_str()]);
    assert!(
        text.contains("Signature Validation: Signature is Valid."),
        "{text}"
    );
    assert!(text.contains("Total document signed"), "{text}");
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
