//! Reading and checking the detached CMS signature of a PDF: an independent reading of the
//! structure (it shares no code with the signing side, `pdf/cms.rs`), so that a defect in one
//! is not hidden by the same defect in the other.
//!
//! What is checked, as a validator does:
//! 1. SHA-256 over the signed ranges equals the CMS `messageDigest` signed attribute;
//! 2. the signature over the DER of the signed attributes (as a SET) verifies with the public
//!    key of the certificate that the SignerInfo names (RSA PKCS #1 v1.5 or ECDSA P-256, both
//!    with SHA-256: what the application signs with);
//! 3. when a signingCertificateV2 attribute is there, it names that same certificate.

use der::asn1::{GeneralizedTime, ObjectIdentifier, OctetString, SetOfVec, UtcTime};
use der::{Any, Encode, Reader, Sequence, SliceReader};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use time::OffsetDateTime;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;

use super::Problem;

const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const ID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

#[derive(Sequence)]
struct ContentInfo {
    content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    content: SignedData,
}

#[derive(Sequence)]
struct SignedData {
    version: u8,
    digest_algorithms: SetOfVec<AlgorithmIdentifierOwned>,
    encap_content_info: EncapsulatedContentInfo,
    #[asn1(
        context_specific = "0",
        tag_mode = "IMPLICIT",
        constructed = "true",
        optional = "true"
    )]
    certificates: Option<SetOfVec<Certificate>>,
    #[asn1(
        context_specific = "1",
        tag_mode = "IMPLICIT",
        constructed = "true",
        optional = "true"
    )]
    crls: Option<SetOfVec<Any>>,
    signer_infos: SetOfVec<SignerInfo>,
}

#[derive(Sequence)]
struct EncapsulatedContentInfo {
    content_type: ObjectIdentifier,
    /// Absent in a detached signature.
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    content: Option<Any>,
}

#[derive(Clone, Sequence, der::ValueOrd)]
struct IssuerAndSerialNumber {
    issuer: Name,
    serial_number: SerialNumber,
}

#[derive(Clone, Sequence, der::ValueOrd)]
struct SignerInfo {
    version: u8,
    sid: IssuerAndSerialNumber,
    digest_algorithm: AlgorithmIdentifierOwned,
    #[asn1(
        context_specific = "0",
        tag_mode = "IMPLICIT",
        constructed = "true",
        optional = "true"
    )]
    signed_attrs: Option<SetOfVec<Attribute>>,
    signature_algorithm: AlgorithmIdentifierOwned,
    signature: OctetString,
}

/// ESSCertIDv2 (RFC 5035); the hash algorithm is SHA-256 when absent, and only that is read.
#[derive(Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<Any>,
}

#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

/// What a CMS signature that was read says, whether or not it verifies.
pub(super) struct Read {
    pub certificate: Certificate,
    pub algorithm: &'static str,
    pub signing_time: Option<OffsetDateTime>,
    /// `Ok` when the digest and the signature hold; else what does not.
    pub outcome: Result<(), Problem>,
}

fn malformed(what: impl std::fmt::Display) -> Problem {
    Problem::Malformed(what.to_string())
}

/// Reads the DER of `/Contents` (followed by the placeholder's zero padding, which is not read)
/// and checks it against `digest`, the SHA-256 of the signed ranges. `Err` when the structure
/// cannot be read at all (no certificate to name).
pub(super) fn check(contents: &[u8], digest: &[u8]) -> Result<Read, Problem> {
    let mut reader = SliceReader::new(contents).map_err(malformed)?;
    let info: ContentInfo = reader
        .decode()
        .map_err(|e| malformed(format!("CMS: {e}")))?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(malformed(format!("content type {}", info.content_type)));
    }
    let signed = info.content;
    if signed.encap_content_info.content.is_some()
        || signed.encap_content_info.content_type != ID_DATA
    {
        return Err(malformed("not a detached signature of data"));
    }
    let signers = signed.signer_infos.into_vec();
    let [signer] = signers.as_slice() else {
        return Err(malformed(format!(
            "{} signers instead of one",
            signers.len()
        )));
    };
    let certificates = signed
        .certificates
        .ok_or_else(|| malformed("no certificates"))?
        .into_vec();
    let certificate = certificates
        .into_iter()
        .find(|c| {
            c.tbs_certificate().issuer() == &signer.sid.issuer
                && c.tbs_certificate().serial_number() == &signer.sid.serial_number
        })
        .ok_or_else(|| malformed("the signer's certificate is not in the signature"))?;
    let algorithm = match signer.signature_algorithm.oid {
        a if a == SHA256_WITH_RSA => "RSA",
        a if a == ECDSA_WITH_SHA256 => "ECDSA P-256",
        other => return Err(malformed(format!("signature algorithm {other}"))),
    };
    let attrs = signer
        .signed_attrs
        .as_ref()
        .ok_or_else(|| malformed("no signed attributes"))?;
    let signing_time = single(attrs, ID_SIGNING_TIME)
        .ok()
        .and_then(|a| time_of(&a));
    let outcome = verify(signer, attrs, &certificate, digest);
    Ok(Read {
        certificate,
        algorithm,
        signing_time,
        outcome,
    })
}

fn single(attrs: &SetOfVec<Attribute>, wanted: ObjectIdentifier) -> Result<Any, Problem> {
    let attr = attrs
        .iter()
        .find(|a| a.oid == wanted)
        .ok_or_else(|| malformed(format!("no signed attribute {wanted}")))?;
    match attr.values.as_slice() {
        [value] => Ok(value.clone()),
        _ => Err(malformed(format!(
            "attribute {wanted} without exactly one value"
        ))),
    }
}

fn time_of(value: &Any) -> Option<OffsetDateTime> {
    let system = value
        .decode_as::<UtcTime>()
        .map(|t| t.to_system_time())
        .or_else(|_| {
            value
                .decode_as::<GeneralizedTime>()
                .map(|t| t.to_system_time())
        })
        .ok()?;
    Some(OffsetDateTime::from(system))
}

fn verify(
    signer: &SignerInfo,
    attrs: &SetOfVec<Attribute>,
    cert: &Certificate,
    digest: &[u8],
) -> Result<(), Problem> {
    if signer.digest_algorithm.oid != ID_SHA256 {
        return Err(malformed(format!("digest {}", signer.digest_algorithm.oid)));
    }
    let content_type: ObjectIdentifier = single(attrs, ID_CONTENT_TYPE)?
        .decode_as()
        .map_err(malformed)?;
    if content_type != ID_DATA {
        return Err(malformed(format!("signed content type {content_type}")));
    }
    let message_digest: OctetString = single(attrs, ID_MESSAGE_DIGEST)?
        .decode_as()
        .map_err(malformed)?;
    if message_digest.as_bytes() != digest {
        return Err(Problem::DigestMismatch);
    }
    if let Ok(value) = single(attrs, ID_SIGNING_CERTIFICATE_V2) {
        let named: SigningCertificateV2 = value.decode_as().map_err(malformed)?;
        let hash = Sha256::digest(cert.to_der().map_err(malformed)?);
        let first = named
            .certs
            .first()
            .ok_or_else(|| malformed("empty signingCertificateV2"))?;
        let sha256 = first
            .hash_algorithm
            .as_ref()
            .is_none_or(|a| a.oid == ID_SHA256);
        if sha256 && first.cert_hash.as_bytes() != hash.as_slice() {
            return Err(Problem::BadSignature(
                "signingCertificateV2 names another certificate".into(),
            ));
        }
    }

    // The signature covers the attributes' DER as a SET (tag 0x31), not as the [0] they are
    // written under.
    let signed_bytes = attrs.to_der().map_err(malformed)?;
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(malformed)?;
    let signature = signer.signature.as_bytes();
    let verified = if signer.signature_algorithm.oid == SHA256_WITH_RSA {
        use rsa::pkcs8::DecodePublicKey;
        use rsa::signature::Verifier;
        let key = rsa::PublicKey::from_public_key_der(&spki).map_err(malformed)?;
        let signature = rsa::pkcs1v15::Signature::try_from(signature).map_err(malformed)?;
        rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key).verify(&signed_bytes, &signature)
    } else {
        use p256::ecdsa::signature::Verifier;
        use p256::pkcs8::DecodePublicKey;
        let key = p256::ecdsa::VerifyingKey::from_public_key_der(&spki).map_err(malformed)?;
        let signature = p256::ecdsa::Signature::from_der(signature).map_err(malformed)?;
        key.verify(&signed_bytes, &signature)
    };
    verified.map_err(|e| Problem::BadSignature(e.to_string()))
}
