//! The designation travels inside its copy: attached as designation.json, read back whole.

mod common;

use common::*;
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::{self, ATTACHMENT_NAME, ExtractError, Paper};

#[test]
fn the_draft_comes_back_whole_from_the_copy() {
    for name in ["municipalite.json", "organisme.json"] {
        let d = example(name);
        let exported = export(&d, Lang::Fr, Paper::Letter);
        let back = pdf::extract_designation(&exported.bytes).unwrap();
        assert_eq!(back, d, "{name}");
    }
}

#[test]
fn pdfdetach_lists_and_saves_the_attachment() {
    let d = example("municipalite.json");
    let exported = export(&d, Lang::Fr, Paper::Letter);
    let Some(pdfdetach) = tool("pdfdetach") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", &exported.bytes);
    let (_, list) = run(&pdfdetach, &["-list".as_ref(), path.as_os_str()]);
    assert!(list.contains(ATTACHMENT_NAME), "{list}");
    let out = dir.path().join("saved.json");
    let (ok, text) = run(
        &pdfdetach,
        &[
            "-save".as_ref(),
            "1".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
            path.as_os_str(),
        ],
    );
    assert!(ok, "{text}");
    let saved = std::fs::read_to_string(out).unwrap();
    assert_eq!(piqm_acces::designation::from_json(&saved).unwrap(), d);
}

#[test]
fn other_files_say_why_nothing_can_be_read() {
    assert!(matches!(
        pdf::extract_designation(b"not a pdf at all"),
        Err(ExtractError::NotPdf(_))
    ));
    // A PDF without the attachment: the copy with its name changed.
    let exported = export(&example("organisme.json"), Lang::Fr, Paper::Letter);
    let mut bytes = exported.bytes.clone();
    let needle = b"(designation.json)";
    let mut i = 0;
    while let Some(pos) = bytes[i..].windows(needle.len()).position(|w| w == needle) {
        bytes[i + pos + 1..i + pos + 12].copy_from_slice(b"autrechose.");
        i += pos + needle.len();
    }
    assert!(matches!(
        pdf::extract_designation(&bytes),
        Err(ExtractError::NoAttachment)
    ));
}
