//! The copy's device-independent pages — what Windows' printing API draws when no PDF reader is
//! there — against the PDF they were drawn into, read back by poppler (pdfinfo, pdftotext); and
//! the pages of a copy file laid out again for printing (`reprint::pages_of_copy`).

mod common;

use common::*;
use piqm_acces::designation::{self, Designation};
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::page::Pages;
use piqm_acces::pdf::reprint::{ReprintError, pages_of_copy};
use piqm_acces::pdf::{self, ExportOptions, Identity, Paper};

/// A draft saved by the first version of the file format.
fn draft_v0() -> Designation {
    designation::from_json(&std::fs::read_to_string(fixture("draft-v0.json")).unwrap()).unwrap()
}

/// A draft with errors (its copy is marked "BROUILLON — incomplet"), with long names that wrap.
fn incomplete() -> Designation {
    let mut d = Designation::new(now());
    d.organization.name = "Municipalité de Saint-Louis-de-Blandford — bureau du greffe, \
                           des archives municipales et de la gestion documentaire régionale"
        .into();
    d.requester.first_name = "Éloïse".into();
    d.requester.last_name = "Dufresne-Bérubé".into();
    d.requester.email =
        "eloise.dufresne-berube.direction-generale-et-greffe@saint-louis-de-blandford.qc.ca".into();
    d
}

fn organisation() -> Identity {
    let bytes = std::fs::read(fixture("organisation-aes.p12")).unwrap();
    Identity::from_pkcs12(&bytes, "piqm-test").unwrap()
}

/// Runs a poppler tool on the copy.
fn poppler(name: &str, bytes: &[u8], args: &[&str]) -> Option<String> {
    let tool = tool(name)?;
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", bytes);
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.push(path.as_os_str());
    all.push(std::ffi::OsStr::new("-"));
    if name == "pdfinfo" {
        all.pop();
    }
    let (ok, out) = run(&tool, &all);
    assert!(ok, "{name}: {out}");
    Some(out)
}

/// Spaces of any kind collapsed to one: pdftotext turns non-breaking ones into plain ones and
/// puts its own between columns.
fn words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every line of text of each page of `pages` is on that page of the PDF, and the PDF has as
/// many pages.
fn same_pages_as_the_pdf(pages: &Pages, bytes: &[u8]) {
    let Some(info) = poppler("pdfinfo", bytes, &[]) else {
        return;
    };
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{info}"));
    assert_eq!(pages.pages.len(), count, "page count");
    for (i, page) in pages.pages.iter().enumerate() {
        let n = (i + 1).to_string();
        let Some(text) = poppler("pdftotext", bytes, &["-f", &n, "-l", &n]) else {
            return;
        };
        let text = words(&text);
        let lines = page.texts();
        assert!(lines.len() > 3, "page {n}: {lines:?}");
        for line in lines {
            assert!(
                text.contains(&words(line)),
                "page {n}: {line:?} is not in the PDF's text:\n{text}"
            );
        }
    }
}

#[test]
fn the_pages_are_those_of_the_pdf_text_for_text_page_for_page() {
    for (d, paper) in [
        (example("municipalite.json"), Paper::Letter),
        (example("organisme.json"), Paper::A4),
        (draft_v0(), Paper::Letter),
        (incomplete(), Paper::A4),
    ] {
        for lang in Lang::ALL {
            let exported = export(&d, lang, paper);
            assert_eq!(exported.layout.pages.len(), exported.pages);
            let (w, h) = paper.size();
            assert_eq!((exported.layout.width, exported.layout.height), (w, h));
            same_pages_as_the_pdf(&exported.layout, &exported.bytes);
        }
    }
}

#[test]
fn a_draft_has_its_band_and_footer_on_every_page_and_accents_are_kept() {
    let exported = export(&incomplete(), Lang::Fr, Paper::Letter);
    assert!(exported.incomplete);
    let count = exported.layout.pages.len();
    assert!(count >= 2, "{count} pages");
    for (i, page) in exported.layout.pages.iter().enumerate() {
        let texts = page.texts();
        assert_eq!(
            texts
                .iter()
                .filter(|t| t.contains("BROUILLON — incomplet"))
                .count(),
            2,
            "band and footer: {texts:?}"
        );
        let footer = format!("Page {} de {count}", i + 1);
        assert!(texts.contains(&footer.as_str()), "{texts:?}");
    }
    let first = exported.layout.pages[0].texts().join("\n");
    assert!(first.contains("Désignation d'un gestionnaire local des droits d'accès"));
}

#[test]
fn every_item_lies_on_the_page() {
    let exported = export(&example("municipalite.json"), Lang::Fr, Paper::Letter);
    let (w, h) = (exported.layout.width, exported.layout.height);
    let mut rects = 0;
    for page in &exported.layout.pages {
        for item in page.items() {
            let (x, y) = match item {
                pdf::page::Item::Text { x, baseline, .. } => (x, baseline),
                pdf::page::Item::Line { x2, y2, .. } => (x2, y2),
                pdf::page::Item::Rect {
                    x,
                    top,
                    width,
                    height,
                    ..
                } => {
                    rects += 1;
                    (x + width, top + height)
                }
            };
            assert!((0.0..=w).contains(&x) && (0.0..=h).contains(&y), "{x} {y}");
        }
    }
    // The QR code is drawn as dark runs: many boxes.
    assert!(rects > 50, "{rects} boxes");
}

#[test]
fn the_pages_of_a_copy_file_are_laid_out_again_exactly() {
    let d = example("municipalite.json");
    // A self-signed identity, in French on Letter.
    let exported = export(&d, Lang::Fr, Paper::Letter);
    assert_eq!(pages_of_copy(&exported.bytes).unwrap(), exported.layout);
    // An organisation's certificate ("issued by"), in English on A4, a draft.
    let options = ExportOptions {
        paper: Paper::A4,
        lang: Lang::En,
        now: now(),
    };
    let exported = pdf::export(&incomplete(), &options, &organisation()).unwrap();
    assert_eq!(pages_of_copy(&exported.bytes).unwrap(), exported.layout);
}

#[test]
fn a_copy_whose_pages_were_changed_is_refused_not_printed_differently() {
    let exported = export(&example("organisme.json"), Lang::Fr, Paper::Letter);
    let mut doc = lopdf::Document::load_mem(&exported.bytes).unwrap();
    let (_, &page) = doc.get_pages().iter().next().unwrap();
    let mut content = doc.get_and_decode_page_content(page).unwrap();
    // Move one line of text by a point, as another version's layout might.
    let tm = content
        .operations
        .iter_mut()
        .find(|op| op.operator == "Tm")
        .unwrap();
    let y = tm.operands[5].as_float().unwrap();
    tm.operands[5] = lopdf::Object::Real(y + 1.0);
    doc.change_page_content(page, content.encode().unwrap())
        .unwrap();
    let mut changed = Vec::new();
    doc.save_to(&mut changed).unwrap();
    assert!(matches!(
        pages_of_copy(&changed),
        Err(ReprintError::Different(_))
    ));
    // A file that is not a copy at all.
    assert!(matches!(
        pages_of_copy(b"%PDF-1.4\n%%EOF\n"),
        Err(ReprintError::NotACopy(_))
    ));
}
