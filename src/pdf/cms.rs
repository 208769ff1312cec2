//! A CMS (PKCS #7) SignedData, detached, assembled with `der` (RFC 5652): the `cms` crate's
//! pre-releases do not build with the RustCrypto generation the rest of the program uses, and the
//! structure needed here is small.
//!
//! Signed attributes: contentType (id-data), signingTime, messageDigest and signingCertificateV2
//! (RFC 5035), so that the signature names the certificate it was made with.

use der::asn1::{Null, ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Encode, Sequence, ValueOrd};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use time::OffsetDateTime;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Time;

use super::identity::Identity;

pub(crate) const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const ID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
pub(crate) const ID_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
pub(crate) const SHA256_WITH_RSA: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
pub(crate) const ECDSA_WITH_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct ContentInfo {
    content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    content: SignedData,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
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
    signer_infos: SetOfVec<SignerInfo>,
}

/// Detached: the content type only, no content.
#[derive(Clone, Debug, Eq, PartialEq, Sequence, ValueOrd)]
struct EncapsulatedContentInfo {
    content_type: ObjectIdentifier,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence, ValueOrd)]
struct IssuerAndSerialNumber {
    issuer: Name,
    serial_number: SerialNumber,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence, ValueOrd)]
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

/// ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires.
#[derive(Clone, Debug, Eq, PartialEq, Sequence, ValueOrd)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence, ValueOrd)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// Why a CMS structure could not be made.
#[derive(Debug)]
pub struct CmsError(pub String);

impl From<der::Error> for CmsError {
    fn from(e: der::Error) -> Self {
        CmsError(format!("DER: {e}"))
    }
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute, CmsError> {
    let mut values = SetOfVec::new();
    values.insert(value)?;
    Ok(Attribute { oid, values })
}

pub(crate) fn sha256_algorithm() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    }
}

/// The algorithm identifier of a signature made by `identity` (sha256WithRSAEncryption with a
/// NULL parameter, or ecdsa-with-SHA256 without parameters).
pub(crate) fn signature_algorithm(identity: &Identity) -> AlgorithmIdentifierOwned {
    if identity.is_rsa() {
        AlgorithmIdentifierOwned {
            oid: SHA256_WITH_RSA,
            parameters: Some(Any::from(Null)),
        }
    } else {
        AlgorithmIdentifierOwned {
            oid: ECDSA_WITH_SHA256,
            parameters: None,
        }
    }
}

/// A detached CMS SignedData over content whose SHA-256 is `digest`, signed by `identity` at
/// `signing_time`, carrying the identity's certificate chain. Returns its DER.
pub(crate) fn signed_data(
    digest: &[u8],
    identity: &Identity,
    signing_time: OffsetDateTime,
) -> Result<Vec<u8>, CmsError> {
    let chain = identity.chain();
    let signer_cert = chain
        .first()
        .ok_or_else(|| CmsError("no certificate".into()))?;
    let cert_hash = Sha256::digest(signer_cert.to_der()?);

    let time = Time::try_from(std::time::SystemTime::from(signing_time))?;
    let signing_certificate = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(cert_hash.to_vec())?,
        }],
    };
    let mut signed_attrs = SetOfVec::new();
    signed_attrs.insert(attribute(ID_CONTENT_TYPE, Any::encode_from(&ID_DATA)?)?)?;
    signed_attrs.insert(attribute(ID_SIGNING_TIME, Any::encode_from(&time)?)?)?;
    signed_attrs.insert(attribute(
        ID_MESSAGE_DIGEST,
        Any::encode_from(&OctetString::new(digest.to_vec())?)?,
    )?)?;
    signed_attrs.insert(attribute(
        ID_SIGNING_CERTIFICATE_V2,
        Any::encode_from(&signing_certificate)?,
    )?)?;

    // The signature covers the DER of the attributes as a SET (tag 0x31), not as [0].
    let to_sign = signed_attrs.to_der()?;
    let signature = identity
        .sign(&to_sign)
        .map_err(|e| CmsError(format!("signing: {e}")))?;

    let signer_info = SignerInfo {
        version: 1,
        sid: IssuerAndSerialNumber {
            issuer: signer_cert.tbs_certificate().issuer().clone(),
            serial_number: signer_cert.tbs_certificate().serial_number().clone(),
        },
        digest_algorithm: sha256_algorithm(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: signature_algorithm(identity),
        signature: OctetString::new(signature)?,
    };

    let mut digest_algorithms = SetOfVec::new();
    digest_algorithms.insert(sha256_algorithm())?;
    let mut certificates = SetOfVec::new();
    for cert in chain {
        certificates.insert(cert.clone())?;
    }
    let mut signer_infos = SetOfVec::new();
    signer_infos.insert(signer_info)?;

    let content_info = ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: SignedData {
            version: 1,
            digest_algorithms,
            encap_content_info: EncapsulatedContentInfo {
                content_type: ID_DATA,
            },
            certificates: Some(certificates),
            signer_infos,
        },
    };
    Ok(content_info.to_der()?)
}

/// An upper bound of the DER size of [`signed_data`] for this identity, to size the placeholder
/// in the PDF before signing.
pub(crate) fn max_size(identity: &Identity) -> usize {
    let certs: usize = identity
        .chain()
        .iter()
        .map(|c| c.encoded_len().map_or(4096, |l| u32::from(l) as usize))
        .sum();
    // Signature: up to 512 bytes (RSA 4096); attributes, identifiers and headers: under 1 KB.
    certs + 512 + 1024
}
