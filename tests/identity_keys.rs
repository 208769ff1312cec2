//! Keys and files: this installation's identity is one file, the same from copy to copy whoever
//! the demandeur is, and survives an interrupted write of the old two-file layout; an
//! organisation's certificate out of its dates or not for signing is refused, at import and at
//! signing time. Copies are made through the real use case (`make_copy`) and judged by pdfsig.

mod common;

use std::path::Path;

use common::*;
use der::Encode;
use piqm_acces::designation::Designation;
use piqm_acces::i18n::{Lang, Localizer};
use piqm_acces::pdf::{
    CopyError, CopyRequest, IdentityError, IdentityStatus, IdentityStore, Paper, Signer, Subject,
    make_copy,
};
use time::{Duration, OffsetDateTime};
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::TbsCertificate;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;

const PASSWORD: &str = "mot-de-passe-de-test";

/// Makes the copy of `d` with the installation's identity of `data`, at `when`.
fn copy_at(data: &Path, d: &Designation, when: OffsetDateTime) -> Result<Vec<u8>, CopyError> {
    let out = data.join(format!("copie-{}.pdf", uuid::Uuid::new_v4()));
    let request = CopyRequest {
        draft: d,
        paper: Paper::Letter,
        lang: Lang::Fr,
        now: when,
        signer: Signer::Installed {
            data_dir: data.to_path_buf(),
            password: Some(PASSWORD.into()),
        },
    };
    make_copy(&request, &out)?;
    Ok(std::fs::read(out).unwrap())
}

fn copy(data: &Path, d: &Designation) -> Vec<u8> {
    copy_at(data, d, now()).unwrap()
}

fn with_demandeur(first: &str, last: &str) -> Designation {
    let mut d = example("municipalite.json");
    d.requester.first_name = first.into();
    d.requester.last_name = last.into();
    d
}

/// The certificate, as the lower-case hex that the PDF's `/Contents` carries it in.
fn installed_certificate_hex(data: &Path) -> String {
    let identity = IdentityStore::new(data).self_signed(now()).unwrap();
    let der = identity.chain()[0].to_der().unwrap();
    der.iter().map(|b| format!("{b:02x}")).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A PDF text string (UTF-16BE with its BOM) as the hex lopdf writes, lower-cased.
fn pdf_text_hex(s: &str) -> Vec<u8> {
    let mut hex = String::from("feff");
    for unit in s.encode_utf16() {
        hex.push_str(&format!("{unit:04x}"));
    }
    hex.into_bytes()
}

fn assert_pdfsig_valid(bytes: &[u8]) -> Option<String> {
    let pdfsig = tool("pdfsig")?;
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", bytes);
    let (_, text) = run(&pdfsig, &[path.as_os_str()]);
    assert!(text.contains("Signature is Valid."), "{text}");
    assert!(text.contains("Total document signed"), "{text}");
    Some(text)
}

fn fingerprint(data: &Path) -> String {
    match IdentityStore::new(data).status().unwrap() {
        IdentityStatus::SelfSigned(info) => info.fingerprint,
        other => panic!("{other:?}"),
    }
}

/// The note files of `identite/ecartee/`, read.
fn notes(data: &Path) -> Vec<String> {
    let dir = data.join("identite/ecartee");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn the_fingerprint_is_the_same_whoever_the_demandeur() {
    let data = tempfile::tempdir().unwrap();
    let first = copy(data.path(), &with_demandeur("Hélène", "Bélanger"));
    let print = fingerprint(data.path());
    let second = copy(data.path(), &with_demandeur("François", "Gagnon"));
    assert_eq!(fingerprint(data.path()), print, "one certificate for both");
    // Both copies carry that very certificate.
    let cert = installed_certificate_hex(data.path());
    for bytes in [&first, &second] {
        assert!(contains(&bytes.to_ascii_lowercase(), cert.as_bytes()));
    }
    // It names the installation; the demandeur is named as who signed (/Name).
    let files: Vec<_> = std::fs::read_dir(data.path().join("identite"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["identite.pem"], "one file");
    assert!(contains(
        &second.to_ascii_lowercase(),
        &pdf_text_hex("François Gagnon — Ville de Lévis")
    ));
    if let Some(text) = assert_pdfsig_valid(&second) {
        let cn = Subject::installation().name;
        assert!(
            text.contains(&format!("Signer Certificate Common Name: {cn}")),
            "{text}"
        );
        assert!(!text.contains("Gagnon"), "{text}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = data.path().join("identite/identite.pem");
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}

/// The key part and the certificate part of an `identite.pem`, as the old layout kept them.
fn split_identity_file(data: &Path) -> (String, String) {
    let text = std::fs::read_to_string(data.join("identite/identite.pem")).unwrap();
    const END: &str = "-----END PRIVATE KEY-----\n";
    let at = text.find(END).unwrap() + END.len();
    (text[..at].to_string(), text[at..].to_string())
}

/// A fresh installation's key and certificate, as the two old files would hold them.
fn old_pair() -> (String, String) {
    let other = tempfile::tempdir().unwrap();
    IdentityStore::new(other.path()).self_signed(now()).unwrap();
    split_identity_file(other.path())
}

fn plant_old_layout(data: &Path, key: Option<&str>, cert: Option<&str>) {
    let dir = data.join("identite");
    std::fs::create_dir_all(&dir).unwrap();
    if let Some(key) = key {
        std::fs::write(dir.join("cle-privee.pem"), key).unwrap();
    }
    if let Some(cert) = cert {
        std::fs::write(dir.join("certificat.pem"), cert).unwrap();
    }
}

#[test]
fn the_old_two_file_layout_is_moved_into_one_file_with_the_same_certificate() {
    let data = tempfile::tempdir().unwrap();
    let (key, cert) = old_pair();
    plant_old_layout(data.path(), Some(&key), Some(&cert));
    let before = fingerprint(data.path());
    let bytes = copy(data.path(), &example("municipalite.json"));
    assert_eq!(fingerprint(data.path()), before, "the same certificate");
    let dir = data.path().join("identite");
    assert!(dir.join("identite.pem").is_file());
    assert!(!dir.join("cle-privee.pem").exists());
    assert!(!dir.join("certificat.pem").exists());
    assert_eq!(split_identity_file(data.path()), (key, cert));
    assert!(notes(data.path()).is_empty(), "nothing was set aside");
    assert_pdfsig_valid(&bytes);
}

#[test]
fn a_move_interrupted_before_the_old_files_were_removed_is_finished() {
    let data = tempfile::tempdir().unwrap();
    let (key, cert) = old_pair();
    plant_old_layout(data.path(), Some(&key), Some(&cert));
    std::fs::write(
        data.path().join("identite/identite.pem"),
        format!("{key}{cert}"),
    )
    .unwrap();
    let before = fingerprint(data.path());
    copy(data.path(), &example("municipalite.json"));
    assert_eq!(fingerprint(data.path()), before);
    let dir = data.path().join("identite");
    assert!(!dir.join("cle-privee.pem").exists());
    assert!(!dir.join("certificat.pem").exists());
    assert!(
        notes(data.path()).is_empty(),
        "the same identity: nothing to say"
    );
}

#[test]
fn an_interrupted_or_mismatched_pair_is_set_aside_and_the_next_export_works() {
    let (key, cert) = old_pair();
    let (other_key, _) = old_pair();
    let mismatched_file = format!("{other_key}{cert}");
    type Plant<'a> = Box<dyn Fn(&Path) + 'a>;
    let cases: [(&str, Plant); 4] = [
        (
            "only the key (crash before the certificate)",
            Box::new(|d: &Path| plant_old_layout(d, Some(&key), None)),
        ),
        (
            "only the certificate",
            Box::new(|d: &Path| plant_old_layout(d, None, Some(&cert))),
        ),
        (
            "a key and another key's certificate",
            Box::new(|d: &Path| plant_old_layout(d, Some(&other_key), Some(&cert))),
        ),
        (
            "one file whose key and certificate do not match",
            Box::new(|d: &Path| {
                std::fs::create_dir_all(d.join("identite")).unwrap();
                std::fs::write(d.join("identite/identite.pem"), &mismatched_file).unwrap();
            }),
        ),
    ];
    for (case, plant) in cases {
        let data = tempfile::tempdir().unwrap();
        plant(data.path());
        let bytes = copy_at(data.path(), &example("municipalite.json"), now())
            .unwrap_or_else(|e| panic!("{case}: {e:?}"));
        assert_pdfsig_valid(&bytes);
        let dir = data.path().join("identite");
        assert!(dir.join("identite.pem").is_file(), "{case}");
        assert!(!dir.join("cle-privee.pem").exists(), "{case}");
        assert!(!dir.join("certificat.pem").exists(), "{case}");
        let notes = notes(data.path());
        assert_eq!(notes.len(), 1, "{case}: {notes:?}");
        assert!(notes[0].contains("could not be used"), "{case}: {notes:?}");
        // What was there is kept for support, never deleted.
        let kept = std::fs::read_dir(dir.join("ecartee")).unwrap().count();
        assert!(kept >= 2, "{case}: the note and the file(s)");
        assert_eq!(IdentityStore::new(data.path()).set_aside_notes().len(), 1);
        // And the one made now stays.
        let print = fingerprint(data.path());
        copy(data.path(), &example("organisme.json"));
        assert_eq!(fingerprint(data.path()), print, "{case}");
    }
}

// ----- organisation certificates ------------------------------------------------------------

/// A self-signed end-entity profile with the key usage given (none: no extension).
struct TestProfile {
    name: Name,
    usage: Option<KeyUsage>,
}

impl BuilderProfile for TestProfile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.name.clone()
    }

    fn get_subject(&self) -> Name {
        self.name.clone()
    }

    fn build_extensions(
        &self,
        _spk: spki::SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: spki::SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut extensions = Vec::new();
        if let Some(usage) = &self.usage {
            extensions.push(usage.to_extension(tbs.subject(), &extensions)?);
        }
        Ok(extensions)
    }
}

/// A PKCS #12 file (P-256 key, self-signed certificate) valid from `from` to `until`.
fn p12(from: OffsetDateTime, until: OffsetDateTime, usage: Option<KeyUsage>) -> Vec<u8> {
    use p12_keystore::{KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
    use p256::elliptic_curve::Generate;
    use p256::pkcs8::EncodePrivateKey;
    use spki::EncodePublicKey;
    use x509_cert::time::{Time, Validity};

    let key = p256::ecdsa::SigningKey::try_generate().unwrap();
    let public = key.verifying_key().to_public_key_der().unwrap();
    let spki =
        <spki::SubjectPublicKeyInfoOwned as der::Decode>::from_der(public.as_bytes()).unwrap();
    let validity = Validity::new(
        Time::try_from(std::time::SystemTime::from(from)).unwrap(),
        Time::try_from(std::time::SystemTime::from(until)).unwrap(),
    );
    let profile = TestProfile {
        name: "CN=Certificat de test,O=Ville de test,C=CA"
            .parse()
            .unwrap(),
        usage,
    };
    let serial = x509_cert::serial_number::SerialNumber::new(&[0x01, 0x23, 0x45]).unwrap();
    let cert = CertificateBuilder::new(profile, serial, validity, spki)
        .unwrap()
        .build::<_, p256::ecdsa::DerSignature>(&key)
        .unwrap();
    let chain = PrivateKeyChain::new(
        b"1".as_slice(),
        PrivateKey::from_der(key.to_pkcs8_der().unwrap().as_bytes()).unwrap(),
        [p12_keystore::Certificate::from_der(&cert.to_der().unwrap()).unwrap()],
    );
    let mut store = KeyStore::new();
    store.add_entry("test", KeyStoreEntry::PrivateKeyChain(chain));
    store.writer(PASSWORD).write().unwrap()
}

fn signing() -> Option<KeyUsage> {
    Some(KeyUsage(
        KeyUsages::DigitalSignature | KeyUsages::NonRepudiation,
    ))
}

fn message(e: &IdentityError, lang: Lang) -> String {
    e.message(&Localizer::new(lang), None)
}

#[test]
fn an_organisation_certificate_out_of_its_dates_or_not_for_signing_is_refused_at_import() {
    let t = now();
    let data = tempfile::tempdir().unwrap();
    let store = IdentityStore::new(data.path());
    let expired = p12(t - Duration::days(400), t - Duration::days(1), signing());
    let err = store.import_pkcs12(&expired, PASSWORD, t).unwrap_err();
    assert!(matches!(err, IdentityError::Expired { .. }), "{err:?}");
    let fr = message(&err, Lang::Fr);
    assert!(fr.contains("expiré depuis le 23 novembre 2026"), "{fr}");
    assert!(fr.contains("importez-le"), "{fr}");
    assert!(message(&err, Lang::En).contains("expired on November 23, 2026"));

    let later = p12(t + Duration::days(30), t + Duration::days(400), signing());
    let err = store.import_pkcs12(&later, PASSWORD, t).unwrap_err();
    assert!(matches!(err, IdentityError::NotYetValid { .. }), "{err:?}");
    assert!(message(&err, Lang::Fr).contains("à partir du 24 décembre 2026"));

    let encipher_only = Some(KeyUsage(KeyUsages::KeyEncipherment.into()));
    let not_for_signing = p12(
        t - Duration::days(1),
        t + Duration::days(400),
        encipher_only,
    );
    let err = store
        .import_pkcs12(&not_for_signing, PASSWORD, t)
        .unwrap_err();
    assert!(matches!(err, IdentityError::NotForSigning), "{err:?}");
    assert!(message(&err, Lang::Fr).contains("ne permet pas de signer"));

    // Nothing was kept: the installation's own still signs.
    assert!(!store.needs_password());
    // A certificate in its dates, with the usage or with no key usage at all, is taken.
    for usage in [signing(), None] {
        let good = p12(t - Duration::days(1), t + Duration::days(400), usage);
        store.import_pkcs12(&good, PASSWORD, t).unwrap();
    }
}

#[test]
fn the_command_line_says_why_an_expired_certificate_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let t = OffsetDateTime::now_utc();
    let file = data.path().join("perime.p12");
    std::fs::write(
        &file,
        p12(t - Duration::days(400), t - Duration::days(2), signing()),
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("piqm-acces")
        .unwrap()
        .env("PIQM_P12_PASSWORD", PASSWORD)
        .arg("--data-dir")
        .arg(data.path())
        .args(["--lang", "fr", "identity", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("est expiré depuis le"), "{stderr}");
    assert!(!data.path().join("identite/organisation.p12").exists());
}

#[test]
fn a_certificate_that_expired_since_its_import_refuses_to_sign() {
    let t = now();
    let data = tempfile::tempdir().unwrap();
    let store = IdentityStore::new(data.path());
    let short = p12(t - Duration::days(10), t + Duration::days(1), signing());
    store.import_pkcs12(&short, PASSWORD, t).unwrap();
    let d = example("municipalite.json");
    // While valid it signs…
    let bytes = copy_at(data.path(), &d, t).unwrap();
    assert_pdfsig_valid(&bytes);
    // …two days later it does not, in words, and no copy is written.
    let later = t + Duration::days(2);
    let err = copy_at(data.path(), &d, later).unwrap_err();
    let CopyError::Identity { error, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(error, IdentityError::Expired { .. }), "{error:?}");
    assert!(message(error, Lang::Fr).contains("ne peut plus signer"));
    assert!(matches!(
        store.signing_identity(later, Some(PASSWORD)),
        Err(IdentityError::Expired { .. })
    ));
}

#[test]
fn the_command_line_warns_of_and_refuses_a_certificate_expired_since_its_import() {
    let data = tempfile::tempdir().unwrap();
    let t = OffsetDateTime::now_utc();
    // Imported ten days ago, when it was still valid; expired yesterday.
    let imported_at = t - Duration::days(10);
    let short = p12(t - Duration::days(20), t - Duration::days(1), signing());
    IdentityStore::new(data.path())
        .import_pkcs12(&short, PASSWORD, imported_at)
        .unwrap();
    let app = || {
        let mut cmd = assert_cmd::Command::cargo_bin("piqm-acces").unwrap();
        cmd.env("PIQM_P12_PASSWORD", PASSWORD)
            .arg("--data-dir")
            .arg(data.path())
            .args(["--lang", "fr"]);
        cmd
    };
    let shown = app().args(["identity", "show"]).output().unwrap();
    assert_eq!(shown.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&shown.stdout);
    assert!(stdout.contains("ne peut plus signer"), "{stdout}");
    let out = data.path().join("copie.pdf");
    let exported = app()
        .arg("export")
        .arg(example_path("municipalite.json"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(exported.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&exported.stderr);
    assert!(stderr.contains("est expiré depuis le"), "{stderr}");
    assert!(stderr.contains("retirez ce certificat"), "{stderr}");
    assert!(!out.exists(), "no copy signed by an expired certificate");
}
