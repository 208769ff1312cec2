//! The PDF signature checked in-process, with no external validator: an independent reading of
//! the file and of its CMS structure (nothing of the application's signing code is reused), so a
//! broken signature fails the tests even where poppler and pyHanko are not installed.
//!
//! What is checked, as a validator does:
//! 1. `/ByteRange [0 a b n]` covers the whole file except the `<…>` of `/Contents`;
//! 2. SHA-256 over those two ranges equals the CMS `messageDigest` signed attribute;
//! 3. the CMS signature over the DER of the signed attributes (as a SET) verifies with the public
//!    key of the certificate that the SignerInfo names (RSA PKCS #1 v1.5 or ECDSA P-256, SHA-256).

use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Encode, Reader, Sequence, SliceReader};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;

const ID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const ID_DATA: &str = "1.2.840.113549.1.7.1";
const ID_CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
const ID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const SHA256_WITH_RSA: &str = "1.2.840.113549.1.1.11";
const ECDSA_WITH_SHA256: &str = "1.2.840.10045.4.3.2";
const ID_SHA256: &str = "2.16.840.1.101.3.4.2.1";

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

/// What a verified signature says.
#[derive(Debug, PartialEq, Eq)]
pub struct Verified {
    /// "RSA" or "ECDSA P-256".
    pub algorithm: &'static str,
    /// The signer certificate's subject, as text (`CN=…,O=…`).
    pub signer: String,
}

fn oid(text: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(text)
}

/// The numbers of the first `/ByteRange [a b c d]` of the file.
pub fn byte_range(pdf: &[u8]) -> Result<[usize; 4], String> {
    let key = b"/ByteRange";
    let at = pdf
        .windows(key.len())
        .position(|w| w == key)
        .ok_or("no /ByteRange")?;
    let rest = &pdf[at + key.len()..];
    let open = rest.iter().position(|&b| b == b'[').ok_or("no [")?;
    let close = rest.iter().position(|&b| b == b']').ok_or("no ]")?;
    let text = std::str::from_utf8(&rest[open + 1..close]).map_err(|e| e.to_string())?;
    let numbers: Vec<usize> = text
        .split_whitespace()
        .map(|n| n.parse().map_err(|e| format!("/ByteRange {text}: {e}")))
        .collect::<Result<_, _>>()?;
    numbers
        .try_into()
        .map_err(|n: Vec<usize>| format!("/ByteRange with {} numbers", n.len()))
}

fn hex(text: &[u8]) -> Result<Vec<u8>, String> {
    let digit = |c: u8| {
        (c as char)
            .to_digit(16)
            .map(|d| d as u8)
            .ok_or_else(|| format!("not hexadecimal: {:?}", c as char))
    };
    text.chunks(2)
        .map(|pair| match pair {
            [h, l] => Ok(digit(*h)? << 4 | digit(*l)?),
            _ => Err("odd number of hexadecimal digits".to_string()),
        })
        .collect()
}

/// Verifies the signature of a signed PDF; `Err` says what does not hold.
pub fn verify_signature(pdf: &[u8]) -> Result<Verified, String> {
    // 1. The ranges: everything but the hexadecimal string of /Contents.
    let [start, a, b, len] = byte_range(pdf)?;
    if start != 0 || a >= b || b.checked_add(len) != Some(pdf.len()) {
        return Err(format!(
            "/ByteRange [{start} {a} {b} {len}] does not cover the file of {} bytes",
            pdf.len()
        ));
    }
    if pdf[a] != b'<' || pdf[b - 1] != b'>' {
        return Err("the gap of /ByteRange is not the <…> of /Contents".into());
    }
    let contents = hex(&pdf[a + 1..b - 1])?;

    // 2. The CMS structure (followed by the placeholder's zero padding, which is not read).
    let mut reader = SliceReader::new(&contents).map_err(|e| e.to_string())?;
    let info: ContentInfo = reader.decode().map_err(|e| format!("CMS: {e}"))?;
    if info.content_type != oid(ID_SIGNED_DATA) {
        return Err(format!("content type {}", info.content_type));
    }
    let signed = info.content;
    if signed.encap_content_info.content.is_some()
        || signed.encap_content_info.content_type != oid(ID_DATA)
    {
        return Err("not a detached signature of data".into());
    }
    let signers = signed.signer_infos.into_vec();
    let [signer] = signers.as_slice() else {
        return Err(format!("{} signers instead of one", signers.len()));
    };
    if signer.digest_algorithm.oid != oid(ID_SHA256) {
        return Err(format!("digest {}", signer.digest_algorithm.oid));
    }
    let attrs = signer.signed_attrs.as_ref().ok_or("no signed attributes")?;
    let single = |wanted: &str| -> Result<Any, String> {
        let attr = attrs
            .iter()
            .find(|a| a.oid == oid(wanted))
            .ok_or_else(|| format!("no signed attribute {wanted}"))?;
        match attr.values.as_slice() {
            [value] => Ok(value.clone()),
            _ => Err(format!("attribute {wanted} without exactly one value")),
        }
    };
    let content_type: ObjectIdentifier = single(ID_CONTENT_TYPE)?
        .decode_as()
        .map_err(|e: der::Error| e.to_string())?;
    if content_type != oid(ID_DATA) {
        return Err(format!("signed content type {content_type}"));
    }

    // 3. The digest of the two ranges is the one that was signed.
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..a]);
    hasher.update(&pdf[b..]);
    let digest = hasher.finalize();
    let message_digest: OctetString = single(ID_MESSAGE_DIGEST)?
        .decode_as()
        .map_err(|e: der::Error| e.to_string())?;
    if message_digest.as_bytes() != digest.as_slice() {
        return Err("digest mismatch: the signed ranges changed after signing".into());
    }

    // 4. The signature over the signed attributes, with the named certificate's key. It covers
    // their DER as a SET (tag 0x31), not as the [0] they are written under.
    let certificates = signed.certificates.ok_or("no certificates")?.into_vec();
    let cert = certificates
        .iter()
        .find(|c| {
            c.tbs_certificate().issuer() == &signer.sid.issuer
                && c.tbs_certificate().serial_number() == &signer.sid.serial_number
        })
        .ok_or("the signer's certificate is not in the signature")?;
    let signed_bytes = attrs.to_der().map_err(|e| e.to_string())?;
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| e.to_string())?;
    let signature = signer.signature.as_bytes();
    let algorithm = signer.signature_algorithm.oid;
    let verified = if algorithm == oid(SHA256_WITH_RSA) {
        use rsa::pkcs8::DecodePublicKey;
        use rsa::signature::Verifier;
        let key = rsa::PublicKey::from_public_key_der(&spki).map_err(|e| e.to_string())?;
        let signature = rsa::pkcs1v15::Signature::try_from(signature).map_err(|e| e.to_string())?;
        rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key)
            .verify(&signed_bytes, &signature)
            .map(|()| "RSA")
    } else if algorithm == oid(ECDSA_WITH_SHA256) {
        use p256::ecdsa::signature::Verifier;
        use p256::pkcs8::DecodePublicKey;
        let key =
            p256::ecdsa::VerifyingKey::from_public_key_der(&spki).map_err(|e| e.to_string())?;
        let signature = p256::ecdsa::Signature::from_der(signature).map_err(|e| e.to_string())?;
        key.verify(&signed_bytes, &signature)
            .map(|()| "ECDSA P-256")
    } else {
        return Err(format!("signature algorithm {algorithm}"));
    };
    let algorithm = verified.map_err(|e| format!("the CMS signature does not verify: {e}"))?;
    Ok(Verified {
        algorithm,
        signer: cert.tbs_certificate().subject().to_string(),
    })
}
