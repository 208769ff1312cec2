//! What the copy shows, read back as a person's tools read it: pdftotext, pdfinfo, pdffonts.

mod common;

use common::*;
use piqm_acces::designation::{Designation, Receipt, Status};
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::Paper;

fn text_of(bytes: &[u8], page: Option<usize>) -> Option<String> {
    let pdftotext = tool("pdftotext")?;
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", bytes);
    let mut args: Vec<std::ffi::OsString> = Vec::new();
    if let Some(p) = page {
        args.extend([
            "-f".into(),
            p.to_string().into(),
            "-l".into(),
            p.to_string().into(),
        ]);
    }
    args.extend([path.into_os_string(), "-".into()]);
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let (ok, text) = run(&pdftotext, &refs);
    assert!(ok, "{text}");
    // pdftotext turns the non-breaking spaces of "14 h 32" into plain ones.
    Some(text.replace('\u{a0}', " "))
}

fn pdfinfo(bytes: &[u8]) -> Option<String> {
    let pdfinfo = tool("pdfinfo")?;
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", bytes);
    Some(run(&pdfinfo, &[path.as_os_str()]).1)
}

#[test]
fn every_label_and_value_is_there_with_its_accents() {
    let d = example("municipalite.json");
    let exported = export(&d, Lang::Fr, Paper::Letter);
    assert!(!exported.incomplete);
    let Some(text) = text_of(&exported.bytes, None) else {
        return;
    };
    for expected in [
        "Désignation d'un gestionnaire local des droits d'accès — PIQM",
        "Ville de Lévis",
        "chemin du Fleuve",
        "G6W 7W9",
        "Chaudière-Appalaches (12)",
        "Lévis—Lotbinière",
        "LEV2008Q417",
        "Bélanger",
        "Hélène",
        "Greffière",
        "418 839-2002",
        "greffe@ville.levis.qc.ca",
        "gcot0417",
        "Côté",
        "Geneviève",
        "Technicienne en administration",
        "genevieve.cote@ville.levis.qc.ca",
        "Code d'identification de la",
        "Nom d'utilisateur au Bureau",
        "Statut de la demande",
        "Brouillon, pas encore envoyée",
        "24 novembre 2026 à 14 h 32",
        "Signature du demandeur",
        "Signature numérique de ce document",
        "Empreinte SHA-256 du certificat",
        "Certificat autosigné",
        "Page 1 de 2",
        "Page 2 de 2",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        !text.contains("BROUILLON"),
        "a complete designation is not a draft"
    );
}

#[test]
fn the_copy_ends_with_the_ministry_s_contact_as_in_the_help_panel() {
    let d = example("municipalite.json");
    for lang in [Lang::Fr, Lang::En] {
        let exported = export(&d, lang, Paper::Letter);
        let Some(text) = text_of(&exported.bytes, Some(exported.pages)) else {
            return;
        };
        let l = piqm_acces::i18n::Localizer::new(lang);
        let contact = piqm_acces::contact::Contact::get();
        assert!(text.contains(&l.t("help-contact-title")), "{text}");
        for line in contact.lines(&l) {
            assert!(
                text.contains(&line),
                "{lang:?}: missing {line:?} in:\n{text}"
            );
        }
    }
}

#[test]
fn skipped_optional_answers_read_non_fourni_and_english_follows_the_language() {
    // The organisme example has no civic number and no extension for its requester.
    let d = example("organisme.json");
    let fr = export(&d, Lang::Fr, Paper::Letter);
    let en = export(&d, Lang::En, Paper::Letter);
    let (Some(fr), Some(en)) = (text_of(&fr.bytes, None), text_of(&en.bytes, None)) else {
        return;
    };
    assert!(fr.contains("Non fourni"), "{fr}");
    assert!(en.contains("Not provided"), "{en}");
    assert!(
        en.contains("Designation of a local access rights manager — PIQM"),
        "{en}"
    );
    assert!(en.contains("November 24, 2026 at 14:32"), "{en}");
    assert!(en.contains("Page 1 of"), "{en}");
    assert!(fr.contains("Régie intermunicipale"), "{fr}");
}

#[test]
fn the_numero_and_reception_date_appear_once_sent() {
    let mut d = example("municipalite.json");
    d.status = Status::Sent;
    d.receipt = Some(Receipt {
        numero: "PIQM-2026-00417".into(),
        recu_le: time::macros::datetime!(2026-11-25 09:05:00 -05:00),
    });
    let exported = export(&d, Lang::Fr, Paper::Letter);
    let Some(text) = text_of(&exported.bytes, Some(1)) else {
        return;
    };
    assert!(text.contains("Envoyée au Ministère"), "{text}");
    assert!(text.contains("PIQM-2026-00417"), "{text}");
    assert!(text.contains("Reçue par le Ministère le"), "{text}");
    assert!(text.contains("25 novembre 2026 à 9 h 05"), "{text}");
}

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

#[test]
fn an_incomplete_draft_is_marked_on_every_page() {
    let exported = export(&incomplete(), Lang::Fr, Paper::Letter);
    assert!(exported.incomplete);
    assert!(exported.pages >= 2);
    for page in 1..=exported.pages {
        let Some(text) = text_of(&exported.bytes, Some(page)) else {
            return;
        };
        assert!(
            text.matches("BROUILLON — incomplet").count() >= 2,
            "page {page}: band and footer\n{text}"
        );
    }
    let text = text_of(&exported.bytes, Some(1)).unwrap();
    assert!(text.contains("problèmes à corriger"), "{text}");
    assert!(text.contains("Entrez le nom de la rue"), "{text}");
}

#[test]
fn long_values_wrap_and_never_leave_the_page() {
    let d = incomplete();
    for paper in [Paper::Letter, Paper::A4] {
        let exported = export(&d, Lang::Fr, paper);
        let Some(pdftotext) = tool("pdftotext") else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let path = write_temp(&dir, "copie.pdf", &exported.bytes);
        let (ok, html) = run(
            &pdftotext,
            &["-bbox".as_ref(), path.as_os_str(), "-".as_ref()],
        );
        assert!(ok);
        let (width, _) = paper.size();
        let mut words = 0;
        for line in html.lines().filter(|l| l.contains("<word ")) {
            let attr = |name: &str| -> f32 {
                let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                let end = start + line[start..].find('"').unwrap();
                line[start..end].parse().unwrap()
            };
            words += 1;
            assert!(attr("xMin") >= 53.0, "{line}");
            assert!(attr("xMax") <= width - 53.0, "{paper:?} {line}");
        }
        assert!(words > 100);
        // Every word of the long name and of the long address is there.
        let text = text_of(&exported.bytes, None).unwrap();
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for word in d.organization.name.split(' ') {
            assert!(flat.contains(word), "{word}");
        }
        let joined: String = text.split_whitespace().collect();
        assert!(joined.contains(&d.requester.email), "{joined}");
    }
}

#[test]
fn paper_sizes_dates_and_metadata() {
    let d = example("municipalite.json");
    let letter = export(&d, Lang::Fr, Paper::Letter);
    let a4 = export(&d, Lang::Fr, Paper::A4);
    let (Some(letter), Some(a4)) = (pdfinfo(&letter.bytes), pdfinfo(&a4.bytes)) else {
        return;
    };
    let squeeze = |s: String| {
        s.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (letter, a4) = (squeeze(letter), squeeze(a4));
    assert!(letter.contains("612 x 792 pts (letter)"), "{letter}");
    assert!(a4.contains("595.276 x 841.89 pts (A4)"), "{a4}");
    assert!(letter.contains("PDF version: 1.7"), "{letter}");
    assert!(
        letter.contains("Title: Désignation d'un gestionnaire local"),
        "{letter}"
    );
    assert!(letter.contains("Author: Hélène Bélanger"), "{letter}");
    assert!(
        letter.contains("CreationDate: Tue Nov 24 19:32:05 2026"),
        "{letter}"
    );
    assert!(letter.contains("Form: AcroForm"), "{letter}");
    assert!(
        !letter.contains("PDF subtype"),
        "no false PDF/X claim: {letter}"
    );
}

#[test]
fn the_fonts_are_embedded_subsets_and_the_file_is_small() {
    let d = example("municipalite.json");
    let exported = export(&d, Lang::Fr, Paper::Letter);
    assert!(
        exported.bytes.len() < 150 * 1024,
        "{} bytes",
        exported.bytes.len()
    );
    let Some(pdffonts) = tool("pdffonts") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", &exported.bytes);
    let (_, text) = run(&pdffonts, &[path.as_os_str()]);
    let fonts: Vec<&str> = text.lines().skip(2).collect();
    assert_eq!(fonts.len(), 2, "{text}");
    for line in fonts {
        assert!(line.contains("NotoSans"), "{line}");
        // name, type, encoding, emb, sub, uni
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{line}");
    }
}
