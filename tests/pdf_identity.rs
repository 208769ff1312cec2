//! Signing identities: the installation's self-signed one, kept with a 0600 key, and the
//! organisation's PKCS #12 certificates (AES and legacy 3DES), whose password is never kept.

mod common;

use common::*;
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::{
    self, ExportOptions, Identity, IdentityError, IdentityKind, IdentityStatus, IdentityStore,
    Paper, Subject,
};

const PASSWORD: &str = "piqm-test";

/// A moment within the fixtures' validity (27 November 2026 to 2036).
fn in_validity() -> time::OffsetDateTime {
    time::macros::datetime!(2027-01-15 10:00 -05:00)
}

fn p12(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn signed_with(identity: &Identity) -> Vec<u8> {
    let d = example("municipalite.json");
    let options = ExportOptions {
        paper: Paper::Letter,
        lang: Lang::Fr,
        now: now(),
    };
    pdf::export(&d, &options, identity).unwrap().bytes
}

fn assert_pdfsig_valid(bytes: &[u8], signer: &str) {
    let Some(pdfsig) = tool("pdfsig") else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", bytes);
    let (_, text) = run(&pdfsig, &[path.as_os_str()]);
    assert!(text.contains("Signature is Valid."), "{text}");
    assert!(text.contains("Total document signed"), "{text}");
    assert!(
        text.contains(&format!("Signer Certificate Common Name: {signer}")),
        "{text}"
    );
}

#[test]
fn a_modern_aes_pkcs12_with_an_rsa_key_signs() {
    let identity = Identity::from_pkcs12(&p12("organisation-aes.p12"), PASSWORD).unwrap();
    let info = identity.info();
    assert_eq!(info.kind, IdentityKind::Organization);
    assert_eq!(info.common_name, "Hélène Bélanger");
    assert_eq!(info.organization, "Ville de Lévis");
    assert_eq!(info.issuer, "Autorité de test PIQM");
    assert_eq!(info.algorithm, "RSA 2048");
    assert_eq!(identity.chain().len(), 2, "signer and authority");
    assert_eq!(info.fingerprint.len(), 32 * 3 - 1);
    assert_pdfsig_valid(&signed_with(&identity), "Hélène Bélanger");
}

#[test]
fn a_legacy_3des_pkcs12_with_a_p256_key_signs() {
    let identity = Identity::from_pkcs12(&p12("organisation-3des.p12"), PASSWORD).unwrap();
    assert_eq!(identity.info().algorithm, "ECDSA P-256");
    assert_eq!(identity.info().common_name, "Gérard Côté");
    assert_pdfsig_valid(&signed_with(&identity), "Gérard Côté");
}

#[test]
fn pyhanko_trusts_the_chain_of_an_organisational_certificate() {
    let identity = Identity::from_pkcs12(&p12("organisation-aes.p12"), PASSWORD).unwrap();
    let bytes = signed_with(&identity);
    let Some(pyhanko) = tool("pyhanko") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "copie.pdf", &bytes);
    let ca = fixture("ca.pem");
    let (_, text) = run(
        &pyhanko,
        &[
            "sign".as_ref(),
            "validate".as_ref(),
            "--pretty-print".as_ref(),
            "--no-revocation-check".as_ref(),
            "--trust".as_ref(),
            ca.as_os_str(),
            "--trust-replace".as_ref(),
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
    assert!(
        text.contains("judged VALID") || text.contains("is judged VALID"),
        "{text}"
    );
}

#[test]
fn a_wrong_password_or_a_wrong_file_is_named_as_such() {
    assert!(matches!(
        Identity::from_pkcs12(&p12("organisation-aes.p12"), "mauvais"),
        Err(IdentityError::WrongPassword)
    ));
    assert!(matches!(
        Identity::from_pkcs12(&p12("organisation-3des.p12"), "mauvais"),
        Err(IdentityError::WrongPassword)
    ));
    assert!(matches!(
        Identity::from_pkcs12(b"pas un fichier p12", PASSWORD),
        Err(IdentityError::NotPkcs12(_))
    ));
}

#[test]
fn the_self_signed_identity_is_made_once_in_one_private_file() {
    let data = tempfile::tempdir().unwrap();
    let store = IdentityStore::new(data.path());
    assert_eq!(store.status().unwrap(), IdentityStatus::None);
    let first = store.self_signed(now()).unwrap();
    let info = first.info();
    assert_eq!(info.kind, IdentityKind::SelfSigned);
    // The installation's name, not a demandeur's.
    assert_eq!(info.common_name, Subject::installation().name);
    assert!(info.common_name.starts_with("piqm-acces"), "{info:?}");
    assert_eq!(info.issuer, info.common_name);
    assert_eq!(info.algorithm, "ECDSA P-256");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = store.dir().join("identite.pem");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        let dir_mode = std::fs::metadata(store.dir()).unwrap().permissions().mode();
        assert_eq!(dir_mode & 0o077, 0, "{dir_mode:o}");
    }

    // Used again: the same certificate.
    let again = store.self_signed(now()).unwrap();
    assert_eq!(again.info().fingerprint, info.fingerprint);
    assert_eq!(
        store.status().unwrap(),
        IdentityStatus::SelfSigned(info.clone())
    );
    assert_pdfsig_valid(&signed_with(&again), &info.common_name);
}

#[test]
fn an_imported_certificate_is_kept_encrypted_and_its_password_is_not() {
    let data = tempfile::tempdir().unwrap();
    let store = IdentityStore::new(data.path());
    let info = store
        .import_pkcs12(&p12("organisation-aes.p12"), PASSWORD, in_validity())
        .unwrap();
    assert_eq!(info.common_name, "Hélène Bélanger");
    assert!(store.needs_password());
    assert_eq!(
        store.status().unwrap(),
        IdentityStatus::Organization(info.clone())
    );
    for entry in std::fs::read_dir(store.dir()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes
                .windows(PASSWORD.len())
                .any(|w| w == PASSWORD.as_bytes()),
            "the password is stored"
        );
    }
    assert!(matches!(
        store.unlock_organization("mauvais"),
        Err(IdentityError::WrongPassword)
    ));
    let unlocked = store.unlock_organization(PASSWORD).unwrap();
    assert_eq!(unlocked.info().fingerprint, info.fingerprint);
    store.forget_organization().unwrap();
    assert!(!store.needs_password());
    assert!(matches!(
        store.unlock_organization(PASSWORD),
        Err(IdentityError::NoOrganization)
    ));
}

#[test]
fn the_signing_identity_follows_the_store_and_crosses_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Identity>();
    let data = tempfile::tempdir().unwrap();
    let store = IdentityStore::new(data.path());
    let own = store.signing_identity(in_validity(), None).unwrap();
    assert_eq!(own.kind(), IdentityKind::SelfSigned);
    store
        .import_pkcs12(&p12("organisation-3des.p12"), PASSWORD, in_validity())
        .unwrap();
    assert!(matches!(
        store.signing_identity(in_validity(), None),
        Err(IdentityError::PasswordNeeded)
    ));
    let org = store
        .signing_identity(in_validity(), Some(PASSWORD))
        .unwrap();
    assert_eq!(org.kind(), IdentityKind::Organization);
}
