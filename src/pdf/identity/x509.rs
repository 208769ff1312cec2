//! Certificates: what a person reads of one (names, dates, fingerprint, algorithm), and the
//! self-signed document-signing certificate this installation makes for itself.

use der::asn1::{SetOfVec, Utf8StringRef};
use der::{Any, Decode, Encode};
use sha2::{Digest, Sha256};
use spki::{ObjectIdentifier, SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use time::OffsetDateTime;
use x509_cert::Certificate;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::TbsCertificate;
use x509_cert::ext::Extension;
use x509_cert::ext::ToExtension;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use super::error::{IdentityError, crypto};
use super::key::OID_RSA;
use super::{IdentityInfo, IdentityKind, Subject};

const OID_CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const OID_O: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const OID_C: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.6");

/// How long a self-signed certificate is valid.
const SELF_SIGNED_YEARS: i64 = 10;

fn directory_string(name: &Name, oid: ObjectIdentifier) -> String {
    name.iter()
        .filter(|atv| atv.oid == oid)
        .find_map(|atv| {
            let value = &atv.value;
            Utf8StringRef::try_from(value)
                .map(|s| s.as_str().to_string())
                .ok()
                .or_else(|| {
                    der::asn1::PrintableStringRef::try_from(value)
                        .map(|s| s.as_str().to_string())
                        .ok()
                })
                .or_else(|| String::from_utf8(value.value().to_vec()).ok())
        })
        .unwrap_or_default()
}

fn time_of(t: &Time) -> OffsetDateTime {
    let secs = t.to_unix_duration().as_secs();
    OffsetDateTime::from_unix_timestamp(i64::try_from(secs).unwrap_or(i64::MAX))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The certificate's SHA-256 fingerprint, as `AB:CD:…`.
pub fn fingerprint(cert: &Certificate) -> String {
    let der = cert.to_der().unwrap_or_default();
    Sha256::digest(&der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

pub(super) fn certificate_info(
    cert: &Certificate,
    kind: IdentityKind,
    algorithm: String,
) -> IdentityInfo {
    let tbs = cert.tbs_certificate();
    let issuer = directory_string(tbs.issuer(), OID_CN);
    IdentityInfo {
        kind,
        common_name: directory_string(tbs.subject(), OID_CN),
        organization: directory_string(tbs.subject(), OID_O),
        issuer: if issuer.is_empty() {
            tbs.issuer().to_string()
        } else {
            issuer
        },
        fingerprint: fingerprint(cert),
        not_before: time_of(&tbs.validity().not_before),
        not_after: time_of(&tbs.validity().not_after),
        algorithm,
    }
}

pub(super) fn algorithm_of(cert: &Certificate) -> String {
    let spki = cert.tbs_certificate().subject_public_key_info();
    if spki.algorithm.oid == OID_RSA {
        let bits = rsa::PublicKey::try_from(spki.owned_to_ref())
            .map(|k| rsa::traits::PublicKeyParts::size(&k) * 8)
            .unwrap_or(0);
        format!("RSA {bits}")
    } else {
        "ECDSA P-256".to_string()
    }
}

trait OwnedToRef {
    fn owned_to_ref(&self) -> SubjectPublicKeyInfoRef<'_>;
}

impl OwnedToRef for SubjectPublicKeyInfoOwned {
    fn owned_to_ref(&self) -> SubjectPublicKeyInfoRef<'_> {
        der::referenced::OwnedToRef::owned_to_ref(self)
    }
}

/// A name with one UTF-8 attribute per RDN: CN, then O, then C=CA.
fn subject_name(subject: &Subject) -> Result<Name, IdentityError> {
    let mut rdns = RdnSequence::default();
    let mut push = |oid: ObjectIdentifier, value: Any| -> Result<(), IdentityError> {
        let mut set = SetOfVec::new();
        set.insert(x509_cert::attr::AttributeTypeAndValue { oid, value })
            .map_err(crypto)?;
        let rdn = RelativeDistinguishedName::try_from(set.into_vec()).map_err(crypto)?;
        rdns.push(rdn);
        Ok(())
    };
    push(
        OID_C,
        Any::encode_from(&der::asn1::PrintableStringRef::new("CA").map_err(crypto)?)
            .map_err(crypto)?,
    )?;
    if !subject.organization.is_empty() {
        let organization = super::bounded_attribute(&subject.organization);
        let o = Utf8StringRef::new(&organization).map_err(crypto)?;
        push(OID_O, Any::encode_from(&o).map_err(crypto)?)?;
    }
    let common_name = super::bounded_attribute(subject.common_name());
    let cn = Utf8StringRef::new(&common_name).map_err(crypto)?;
    push(OID_CN, Any::encode_from(&cn).map_err(crypto)?)?;
    Name::from_der(&rdns.to_der().map_err(crypto)?).map_err(crypto)
}

/// An end-entity profile for document signing: not a CA, digitalSignature + nonRepudiation.
struct DocumentSigner {
    name: Name,
}

impl BuilderProfile for DocumentSigner {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.name.clone()
    }

    fn get_subject(&self) -> Name {
        self.name.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut extensions = Vec::new();
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        extensions.push(ski.to_extension(tbs.subject(), &extensions)?);
        extensions.push(
            BasicConstraints {
                ca: false,
                path_len_constraint: None,
            }
            .to_extension(tbs.subject(), &extensions)?,
        );
        let usage = KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation);
        extensions.push(usage.to_extension(tbs.subject(), &extensions)?);
        Ok(extensions)
    }
}

pub(super) fn self_signed_certificate(
    key: &p256::ecdsa::SigningKey,
    subject: &Subject,
    now: OffsetDateTime,
) -> Result<Certificate, IdentityError> {
    use spki::EncodePublicKey;
    let profile = DocumentSigner {
        name: subject_name(subject)?,
    };
    let public = key.verifying_key().to_public_key_der().map_err(crypto)?;
    // Unique per key and time; RFC 5280 asks for a positive number of at most 20 bytes.
    let mut hasher = Sha256::new();
    hasher.update(public.as_bytes());
    hasher.update(now.unix_timestamp_nanos().to_be_bytes());
    let mut serial = [0u8; 16];
    serial.copy_from_slice(&hasher.finalize()[..16]);
    serial[0] &= 0x7f;
    serial[0] |= 0x01;
    let serial = SerialNumber::new(&serial).map_err(crypto)?;
    let start = now - time::Duration::minutes(5);
    let end = now + time::Duration::days(365 * SELF_SIGNED_YEARS);
    let validity = Validity::new(
        Time::try_from(std::time::SystemTime::from(start)).map_err(crypto)?,
        Time::try_from(std::time::SystemTime::from(end)).map_err(crypto)?,
    );
    let spki = SubjectPublicKeyInfoOwned::from_der(public.as_bytes()).map_err(crypto)?;
    let builder = CertificateBuilder::new(profile, serial, validity, spki).map_err(crypto)?;
    builder
        .build::<_, p256::ecdsa::DerSignature>(key)
        .map_err(crypto)
}
