//! `piqm-acces verify` and the import of copies, on real files judged by real validators:
//! a fresh copy, a copy whose attachment was rewritten, one changed by an incremental update
//! after signing, an unsigned one, files that are no copy at all; and the QR code on page 1,
//! rendered by poppler and decoded by zbarimg.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{example_path, run, tool};
use lopdf::{Document, IncrementalDocument, Object};
use predicates::prelude::*;
use predicates::str::contains;
use sha2::{Digest, Sha256};

fn app(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "fr_CA.UTF-8")
        // The installation's certificate is named after the account.
        .env("USER", "hbelanger")
        .arg("--data-dir")
        .arg(data);
    cmd
}

struct Setup {
    dir: tempfile::TempDir,
    /// The data folder that made the copy (its certificate is known there).
    data: PathBuf,
    copy: PathBuf,
}

impl Setup {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn copy_bytes(&self) -> Vec<u8> {
        std::fs::read(&self.copy).unwrap()
    }
}

/// A copy of `draft` exported by the real binary into a fresh data folder.
fn exported(draft: &Path) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let copy = dir.path().join("copie.pdf");
    app(&data)
        .arg("export")
        .arg(draft)
        .arg("-o")
        .arg(&copy)
        .assert()
        .code(0);
    Setup { dir, data, copy }
}

fn verify_json(data: &Path, file: &Path) -> (i32, serde_json::Value) {
    let out = app(data)
        .args(["verify", "--json"])
        .arg(file)
        .output()
        .unwrap();
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stdout));
    });
    (out.status.code().unwrap(), value)
}

fn pdfsig(file: &Path) -> Option<String> {
    let pdfsig = tool("pdfsig")?;
    Some(run(&pdfsig, &[file.as_os_str()]).1)
}

fn embedded_file_id(doc: &Document) -> lopdf::ObjectId {
    *doc.objects
        .iter()
        .find(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Type").ok() == Some(&Object::Name(b"EmbeddedFile".to_vec()))
            })
        })
        .map(|(id, _)| id)
        .expect("an embedded file")
}

/// The attached JSON with the organisme renamed: what a forger would change.
fn forged_json(copy: &[u8]) -> Vec<u8> {
    let json = String::from_utf8(piqm_acces::pdf::extract_json(copy).unwrap()).unwrap();
    assert!(json.contains("Ville de Lévis"));
    json.replace("Ville de Lévis", "Ville de Québec")
        .into_bytes()
}

/// The copy with its attachment rewritten and the file saved anew by lopdf, the old signature
/// kept and its `/ByteRange` made to surround it again: everything a forger without the key
/// can do. Only the digest can tell.
fn rewritten_attachment(copy: &[u8]) -> Vec<u8> {
    let mut doc = Document::load_mem(copy).unwrap();
    let id = embedded_file_id(&doc);
    let json = forged_json(copy);
    doc.get_object_mut(id)
        .unwrap()
        .as_stream_mut()
        .unwrap()
        .set_plain_content(json);
    let placeholder = Object::Array(vec![
        0.into(),
        9_999_999_999i64.into(),
        9_999_999_999i64.into(),
        9_999_999_999i64.into(),
    ]);
    for object in doc.objects.values_mut() {
        if let Ok(d) = object.as_dict_mut()
            && d.has(b"ByteRange")
        {
            d.set("ByteRange", placeholder.clone());
        }
    }
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap();
    let find = |from: usize, needle: &[u8]| {
        from + pdf[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap()
    };
    let key = find(0, b"/ByteRange");
    let (open, close) = (find(key, b"["), find(key, b"]"));
    // The signature's /Contents is the one whose value is a hexadecimal string (a page's is a
    // reference).
    let a = (0..pdf.len())
        .find(|&i| {
            pdf[i..].starts_with(b"/Contents")
                && pdf[i + 9..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace())
                    .is_some_and(|&c| c == b'<')
        })
        .map(|i| find(i, b"<"))
        .unwrap();
    let b = find(a, b">") + 1;
    let ranges = format!("0 {a} {b} {}", pdf.len() - b);
    let slot = close - open - 1;
    assert!(ranges.len() <= slot);
    let padded = format!("{ranges:<slot$}");
    pdf[open + 1..close].copy_from_slice(padded.as_bytes());
    pdf
}

/// The copy with an incremental update appended after signing that replaces the attachment.
fn incremental_update(copy: &[u8]) -> Vec<u8> {
    let prev = Document::load_mem(copy).unwrap();
    let id = embedded_file_id(&prev);
    let mut inc = IncrementalDocument::create_from(copy.to_vec(), prev);
    inc.opt_clone_object_to_new_document(id).unwrap();
    inc.new_document
        .get_object_mut(id)
        .unwrap()
        .as_stream_mut()
        .unwrap()
        .set_plain_content(forged_json(copy));
    let mut out = Vec::new();
    inc.save_to(&mut out).unwrap();
    assert!(
        out.starts_with(copy),
        "an update appended, the signed bytes unchanged"
    );
    out
}

/// Removes the signature: field, widget, `/Sig`.
fn strip_signature(doc: &mut Document) {
    let sigs: Vec<_> = doc
        .objects
        .iter()
        .filter(|(_, o)| o.as_dict().is_ok_and(|d| d.has(b"ByteRange")))
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(sigs.len(), 1);
    for id in sigs {
        doc.objects.remove(&id);
    }
    doc.catalog_mut().unwrap().remove(b"AcroForm");
    for page in doc.get_pages().into_values() {
        doc.get_dictionary_mut(page).unwrap().remove(b"Annots");
    }
}

/// The copy without its signature, saved anew: a hand-made PDF with the designation attached,
/// here one that claims to have been sent.
fn unsigned(copy: &[u8]) -> Vec<u8> {
    let mut doc = Document::load_mem(copy).unwrap();
    strip_signature(&mut doc);
    let id = embedded_file_id(&doc);
    let mut draft: serde_json::Value =
        serde_json::from_slice(&piqm_acces::pdf::extract_json(copy).unwrap()).unwrap();
    draft["statut"] = "envoyee".into();
    draft["envoi"] =
        serde_json::json!({"numero": "PIQM-2026-999999", "recu_le": "2026-11-24T19:32:05Z"});
    doc.get_object_mut(id)
        .unwrap()
        .as_stream_mut()
        .unwrap()
        .set_plain_content(serde_json::to_vec_pretty(&draft).unwrap());
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_fresh_copy_verifies_and_pdfsig_agrees() {
    let s = exported(&example_path("municipalite.json"));
    app(&s.data)
        .arg("verify")
        .arg(&s.copy)
        .assert()
        .code(0)
        .stdout(contains("Copie valide"))
        .stdout(contains(
            "Signataire : piqm-acces — hbelanger (certificat de ce poste)",
        ))
        .stdout(contains("Empreinte SHA-256 du certificat : "))
        .stdout(contains("Certificat valide du "))
        .stdout(contains(
            "Désignation 3f2b8c1e-6d4a-4e0b-9a7c-2b5d8e1f4a60 : Ville de Lévis",
        ))
        .stdout(contains("Le code QR de la page 1 correspond"));
    let (code, json) = verify_json(&s.data, &s.copy);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["resultat"], "valide");
    assert_eq!(json["signataire"]["certificat"], "installation");
    assert_eq!(json["signataire"]["algorithme"], "ECDSA P-256");
    assert_eq!(json["designation"]["organisme"], "Ville de Lévis");
    assert_eq!(json["designation"]["statut"], "brouillon");
    assert_eq!(json["code_qr_concorde"], true);
    let fingerprint = json["signataire"]["empreinte_sha256"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 95, "{fingerprint}");

    // The same file on a computer that does not know the certificate: intact, signer unknown.
    let other = s.path("ailleurs");
    app(&other)
        .arg("verify")
        .arg(&s.copy)
        .assert()
        .code(0)
        .stdout(contains("certificat que ce poste ne connaît pas"))
        .stdout(contains(fingerprint));

    if let Some(text) = pdfsig(&s.copy) {
        assert!(text.contains("Signature is Valid."), "{text}");
        assert!(text.contains("Total document signed"), "{text}");
    }
}

#[test]
fn a_rewritten_attachment_is_refused_and_pdfsig_sees_a_digest_mismatch() {
    let s = exported(&example_path("municipalite.json"));
    let forged = s.write("falsifiee.pdf", &rewritten_attachment(&s.copy_bytes()));
    // The forgery is real: the file reads as another organisme.
    let read = piqm_acces::pdf::extract_designation(&std::fs::read(&forged).unwrap()).unwrap();
    assert_eq!(read.organization.name, "Ville de Québec");

    app(&s.data)
        .arg("verify")
        .arg(&forged)
        .assert()
        .code(1)
        .stdout(contains("le contenu signé a changé après la signature"))
        .stdout(contains("Ne vous y fiez pas"));
    let (code, json) = verify_json(&s.data, &forged);
    assert_eq!(code, 1);
    assert_eq!(json["resultat"], "invalide");
    assert_eq!(json["probleme"], "empreinte_differente");
    if let Some(text) = pdfsig(&forged) {
        assert!(text.contains("Digest Mismatch"), "{text}");
    }

    app(&s.data)
        .args(["drafts", "import"])
        .arg(&forged)
        .assert()
        .code(2)
        .stderr(contains("n'est pas importée"))
        .stderr(contains("le contenu signé a changé"));
    app(&s.data)
        .args(["drafts", "list"])
        .assert()
        .stdout(contains("Québec").not());
}

#[test]
fn an_incremental_update_after_signing_is_not_the_whole_file_and_is_refused() {
    let s = exported(&example_path("municipalite.json"));
    let updated = s.write("mise-a-jour.pdf", &incremental_update(&s.copy_bytes()));
    // What a reader shows is the update's attachment.
    let read = piqm_acces::pdf::extract_designation(&std::fs::read(&updated).unwrap()).unwrap();
    assert_eq!(read.organization.name, "Ville de Québec");

    app(&s.data)
        .arg("verify")
        .arg(&updated)
        .assert()
        .code(1)
        .stdout(contains("la signature ne couvre pas tout le fichier"));
    let (_, json) = verify_json(&s.data, &updated);
    assert_eq!(json["probleme"], "fichier_pas_entierement_signe");
    // Who signed the first revision is still said.
    assert_eq!(json["signataire"]["nom"], "piqm-acces — hbelanger");
    if let Some(text) = pdfsig(&updated) {
        assert!(text.contains("Not total document signed"), "{text}");
    }
    let empty = s.path("vide");
    app(&empty)
        .args(["drafts", "import"])
        .arg(&updated)
        .assert()
        .code(2)
        .stderr(contains("n'est pas importée"));
    app(&empty)
        .args(["drafts", "list", "--json"])
        .assert()
        .stdout(contains("3f2b8c1e").not());
}

#[test]
fn an_unsigned_copy_is_reported_and_imports_as_a_draft_with_a_warning() {
    let s = exported(&example_path("municipalite.json"));
    let bare = s.write("sans-signature.pdf", &unsigned(&s.copy_bytes()));
    app(&s.data)
        .arg("verify")
        .arg(&bare)
        .assert()
        .code(1)
        .stdout(contains("Copie non signée"));
    let (code, json) = verify_json(&s.data, &bare);
    assert_eq!(code, 1);
    assert_eq!(json["resultat"], "non_signee");
    assert!(json["signataire"].is_null());
    if let Some(text) = pdfsig(&bare) {
        assert!(text.contains("does not contain any signatures"), "{text}");
    }

    let other = s.path("ailleurs");
    app(&other)
        .args(["drafts", "import"])
        .arg(&bare)
        .assert()
        .code(0)
        .stderr(contains("cette copie n'est pas signée"))
        .stderr(contains("importée comme brouillon"));
    let out = app(&other)
        .args(["drafts", "list", "--json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // Its answers, under a new id: a file that says it was sent never brings the id (the
    // ministry's idempotency key) with it.
    assert!(text.contains("Ville de Lévis"), "{text}");
    assert!(!text.contains("3f2b8c1e"), "{text}");
    assert!(
        !text.contains("PIQM-2026-999999"),
        "the forged numéro is not taken: {text}"
    );
    assert!(!text.contains("envoy"), "not listed as sent: {text}");
}

#[test]
fn a_copy_signed_elsewhere_imports_with_the_signers_name() {
    let s = exported(&example_path("municipalite.json"));
    app(&s.data)
        .args(["drafts", "import"])
        .arg(&s.copy)
        .assert()
        .code(0)
        .stderr(contains("Attention").not());
    app(&s.path("ailleurs"))
        .args(["drafts", "import"])
        .arg(&s.copy)
        .assert()
        .code(0)
        .stderr(contains(
            "signée par piqm-acces — hbelanger, un certificat que ce poste ne connaît pas",
        ));
}

#[test]
fn what_is_no_copy_is_unreadable_with_exit_2() {
    let s = exported(&example_path("municipalite.json"));
    let garbage = s.write("bruit.pdf", b"\x00\x01 not a pdf at all");
    app(&s.data)
        .arg("verify")
        .arg(&garbage)
        .assert()
        .code(2)
        .stderr(contains("n'est pas un PDF lisible"))
        .stderr(contains("panicked").not());
    let json = s.write("brouillon.json", b"{}");
    app(&s.data).arg("verify").arg(&json).assert().code(2);
    let (code, value) = verify_json(&s.data, &garbage);
    assert_eq!((code, value["resultat"].as_str()), (2, Some("illisible")));

    // A PDF without the designation (and without signature): not a copy.
    let mut doc = Document::load_mem(&s.copy_bytes()).unwrap();
    strip_signature(&mut doc);
    doc.catalog_mut().unwrap().remove(b"Names");
    doc.catalog_mut().unwrap().remove(b"AF");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let bare = s.write("sans-piece-jointe.pdf", &bytes);
    app(&s.data)
        .arg("verify")
        .arg(&bare)
        .assert()
        .code(2)
        .stderr(contains("ne contient pas de désignation"));

    // Too large: refused from its size, before it is read.
    let big = s.path("enorme.pdf");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    app(&s.data)
        .arg("verify")
        .arg(&big)
        .assert()
        .code(2)
        .stderr(contains("dépasse 16 Mio"));
    app(&s.data)
        .arg("verify")
        .arg(s.path("absent.pdf"))
        .assert()
        .code(2)
        .stderr(contains("ne peut pas être lu"));
}

/// What zbarimg reads from page 1 rendered at 200 dpi.
fn decoded_qr(setup: &Setup, pdf: &Path) -> Option<String> {
    let (pdftoppm, zbarimg) = (tool("pdftoppm")?, tool("zbarimg")?);
    let prefix = setup.path("page");
    let (ok, text) = run(
        &pdftoppm,
        &[
            "-r".as_ref(),
            "200".as_ref(),
            "-png".as_ref(),
            "-f".as_ref(),
            "1".as_ref(),
            "-l".as_ref(),
            "1".as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    assert!(ok, "{text}");
    let png = setup.path("page-1.png");
    // Its standard output alone: the decoded text (stderr may carry D-Bus noise).
    let out = std::process::Command::new(zbarimg)
        .args(["--raw", "-q"])
        .arg(&png)
        .output()
        .unwrap();
    assert!(out.status.success(), "zbarimg found no code: {out:?}");
    Some(String::from_utf8(out.stdout).unwrap().trim().to_string())
}

/// The attachment as poppler's pdfdetach extracts it (not the application's reading).
fn detached_attachment(setup: &Setup, pdf: &Path) -> Option<Vec<u8>> {
    let pdfdetach = tool("pdfdetach")?;
    let out = setup.path("detached.json");
    let (ok, text) = run(
        &pdfdetach,
        &[
            "-save".as_ref(),
            "1".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
            pdf.as_os_str(),
        ],
    );
    assert!(ok, "{text}");
    Some(std::fs::read(out).unwrap())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_printed_qr_code_names_the_attachment() {
    // A draft, and a sent designation (its numéro is in the code).
    let sent_path = {
        let mut d: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(example_path("organisme.json")).unwrap())
                .unwrap();
        d["statut"] = "envoyee".into();
        d["envoi"] =
            serde_json::json!({"numero": "PIQM-2026-000042", "recu_le": "2026-11-24T19:32:05Z"});
        let dir = tempfile::tempdir().unwrap().keep();
        let path = dir.join("envoyee.json");
        std::fs::write(&path, d.to_string()).unwrap();
        path
    };
    for (draft, number) in [
        (example_path("municipalite.json"), None),
        (sent_path, Some("PIQM-2026-000042")),
    ] {
        let s = exported(&draft);
        let Some(decoded) = decoded_qr(&s, &s.copy) else {
            return;
        };
        let Some(json) = detached_attachment(&s, &s.copy) else {
            return;
        };
        let d: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let mut expected = format!("PIQM1;id={}", d["id"].as_str().unwrap());
        if let Some(n) = number {
            expected.push_str(&format!(";no={n}"));
        }
        expected.push_str(&format!(";sha256={}", hex(&Sha256::digest(&json))));
        assert_eq!(decoded, expected);
        // And verify compared the same text with the attachment.
        let (code, report) = verify_json(&s.data, &s.copy);
        assert_eq!(code, 0, "{report}");
        assert_eq!(report["code_qr"], decoded.as_str());
        assert_eq!(report["designation_sha256"], hex(&Sha256::digest(&json)));
        assert_eq!(report["code_qr_concorde"], true);
    }
}

/// A copy signed with the organisation's RSA certificate is known on every computer where that
/// certificate was imported, and unknown elsewhere.
#[test]
fn the_organisations_certificate_is_recognised_where_it_was_imported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let copy = dir.path().join("copie.pdf");
    app(&data)
        .env("PIQM_P12_PASSWORD", "piqm-test")
        .args(["identity", "import"])
        .arg(common::fixture("organisation-aes.p12"))
        .assert()
        .code(0);
    app(&data)
        .env("PIQM_P12_PASSWORD", "piqm-test")
        .arg("export")
        .arg(example_path("organisme.json"))
        .arg("-o")
        .arg(&copy)
        .assert()
        .code(0);
    let (code, json) = verify_json(&data, &copy);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["signataire"]["certificat"], "organisation");
    assert_eq!(json["signataire"]["algorithme"], "RSA");
    let (code, json) = verify_json(&dir.path().join("ailleurs"), &copy);
    assert_eq!(
        (code, &json["signataire"]["certificat"]),
        (0, &"inconnu".into())
    );
    app(&data)
        .arg("verify")
        .arg(&copy)
        .assert()
        .stdout(contains(
            "(certificat de l'organisation importé sur ce poste)",
        ));
}

/// An attachment that inflates past any draft's size is not inflated further: unreadable, at
/// once.
#[test]
fn an_attachment_that_inflates_too_far_is_unreadable() {
    let s = exported(&example_path("municipalite.json"));
    let mut doc = Document::load_mem(&s.copy_bytes()).unwrap();
    strip_signature(&mut doc);
    let id = embedded_file_id(&doc);
    let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    stream.set_plain_content(vec![b' '; 8 * 1024 * 1024]);
    stream.compress().unwrap();
    assert!(stream.content.len() < 100_000, "{}", stream.content.len());
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let bomb = s.write("bombe.pdf", &bytes);
    app(&s.data)
        .arg("verify")
        .arg(&bomb)
        .assert()
        .code(2)
        .stderr(contains("1048576"));
    app(&s.data)
        .args(["drafts", "import"])
        .arg(&bomb)
        .assert()
        .code(2);
}

/// The signed file damaged at its very end (its last byte changed): the signature fails and
/// the PDF no longer reads, so nothing can be compared with a QR code — and the report says
/// that, not that the copy has none "made by an earlier version".
#[test]
fn a_damaged_signed_copy_says_the_qr_code_could_not_be_compared() {
    let s = exported(&example_path("municipalite.json"));
    let mut bytes = s.copy_bytes();
    let last = bytes.len() - 1;
    bytes[last] = b'W';
    let damaged = s.write("abimee.pdf", &bytes);
    app(&s.data)
        .arg("verify")
        .arg(&damaged)
        .assert()
        .code(1)
        .stdout(contains("le contenu signé a changé après la signature"))
        .stdout(contains("n'a pas pu être comparé"))
        .stdout(contains("version antérieure").not());
}
