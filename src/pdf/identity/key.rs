//! An unlocked signing identity: the private key (RSA or ECDSA P-256) and its certificate chain,
//! newly made for this installation or read from the organisation's PKCS #12 file.

use std::fmt;

use der::{Decode, Encode, pem::LineEnding};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use rsa::pkcs8;
use rsa::signature::{self, SignatureEncoding, Signer};
use sha2::Sha256;
use spki::ObjectIdentifier;
use time::OffsetDateTime;
use x509_cert::Certificate;

use super::error::{IdentityError, crypto};
use super::x509::{certificate_info, self_signed_certificate};
use super::{IdentityInfo, IdentityKind, Subject};

pub(super) const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");

pub(super) enum Key {
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>, usize),
    P256(p256::ecdsa::SigningKey),
}

/// An unlocked signing identity: the private key and the certificate chain (signer first).
pub struct Identity {
    pub(super) key: Key,
    pub(super) chain: Vec<Certificate>,
    pub(super) kind: IdentityKind,
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Identity")
            .field("kind", &self.kind)
            .field("certificates", &self.chain.len())
            .finish_non_exhaustive()
    }
}

impl Identity {
    /// A new P-256 key and a self-signed certificate naming `subject`, valid from `now`.
    pub fn self_signed(subject: &Subject, now: OffsetDateTime) -> Result<Identity, IdentityError> {
        use p256::elliptic_curve::Generate;
        let key = p256::ecdsa::SigningKey::try_generate().map_err(crypto)?;
        let cert = self_signed_certificate(&key, subject, now)?;
        Ok(Identity {
            key: Key::P256(key),
            chain: vec![cert],
            kind: IdentityKind::SelfSigned,
        })
    }

    /// The key and certificates of a PKCS #12 file (AES/PBES2 as well as legacy 3DES or RC2).
    pub fn from_pkcs12(bytes: &[u8], password: &str) -> Result<Identity, IdentityError> {
        use p12_keystore::error::Error as P12Error;
        use p12_keystore::{KeyStore, Pkcs12ImportPolicy};
        let store = KeyStore::from_pkcs12(bytes, password, Pkcs12ImportPolicy::Relaxed).map_err(
            |e| match e {
                P12Error::MacError(_) | P12Error::UnpadError => IdentityError::WrongPassword,
                other => IdentityError::NotPkcs12(other.to_string()),
            },
        )?;
        let (_, chain) = store.private_key_chain().ok_or(IdentityError::NoKey)?;
        let key = key_from_pkcs8(chain.key().as_der())?;
        let certs = chain
            .certs()
            .iter()
            .map(|c| Certificate::from_der(c.as_der()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| IdentityError::NotPkcs12(e.to_string()))?;
        if certs.is_empty() {
            return Err(IdentityError::NoKey);
        }
        let identity = Identity {
            key,
            chain: order_chain(certs),
            kind: IdentityKind::Organization,
        };
        identity.check_key_matches()?;
        Ok(identity)
    }

    pub fn kind(&self) -> IdentityKind {
        self.kind
    }

    /// The signer's certificate first, then the authorities that issued it.
    pub fn chain(&self) -> &[Certificate] {
        &self.chain
    }

    pub fn info(&self) -> IdentityInfo {
        let algorithm = match &self.key {
            Key::Rsa(_, bits) => format!("RSA {bits}"),
            Key::P256(_) => "ECDSA P-256".to_string(),
        };
        certificate_info(&self.chain[0], self.kind, algorithm)
    }

    pub(crate) fn is_rsa(&self) -> bool {
        matches!(self.key, Key::Rsa(..))
    }

    /// Signs a message: RSA PKCS #1 v1.5 with SHA-256, or ECDSA P-256 with SHA-256 (DER).
    pub(crate) fn sign(&self, message: &[u8]) -> Result<Vec<u8>, signature::Error> {
        Ok(match &self.key {
            Key::Rsa(key, _) => key.try_sign(message)?.to_vec(),
            Key::P256(key) => {
                let sig: p256::ecdsa::DerSignature = key.try_sign(message)?;
                sig.to_vec()
            }
        })
    }

    /// The key must be the one the first certificate certifies.
    pub(super) fn check_key_matches(&self) -> Result<(), IdentityError> {
        let spki = &self.chain[0].tbs_certificate().subject_public_key_info();
        let ours = match &self.key {
            Key::Rsa(key, _) => {
                use rsa::signature::Keypair;
                use spki::EncodePublicKey;
                key.verifying_key().to_public_key_der().map_err(crypto)?
            }
            Key::P256(key) => {
                use spki::EncodePublicKey;
                key.verifying_key().to_public_key_der().map_err(crypto)?
            }
        };
        let theirs = spki.to_der().map_err(crypto)?;
        if ours.as_bytes() == theirs.as_slice() {
            Ok(())
        } else {
            Err(IdentityError::NoKey)
        }
    }

    /// Whether this identity may sign at `now`: its certificate within its validity dates and
    /// its key usage, when the certificate states one, allowing digitalSignature or
    /// nonRepudiation. Checked when an organisation's certificate is imported and each time it
    /// signs, so that one that expired since is refused in words, never used silently.
    pub fn check_for_signing(&self, now: OffsetDateTime) -> Result<(), IdentityError> {
        check_certificate_for_signing(&self.chain[0], now)
    }

    /// The key (PKCS #8) then the certificate, as one PEM text: the installation's identity
    /// file, written in one step so that the two can never be apart.
    pub(super) fn to_pem(&self) -> Result<String, IdentityError> {
        use der::EncodePem;
        let Key::P256(key) = &self.key else {
            return Err(IdentityError::Crypto(
                "self-signed identities are P-256".into(),
            ));
        };
        let mut pem = key
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(crypto)?
            .to_string();
        for cert in &self.chain {
            pem.push_str(&cert.to_pem(LineEnding::LF).map_err(crypto)?);
        }
        Ok(pem)
    }

    /// Reads what [`Self::to_pem`] wrote (or a key file and a certificate file put together).
    /// The key must be the certificate's: `Err` says what is wrong, for the note.
    pub(super) fn from_pem(key_pem: &str, certs_pem: &[u8]) -> Result<Identity, String> {
        let key = p256::ecdsa::SigningKey::from_pkcs8_pem(key_pem).map_err(|e| e.to_string())?;
        let chain = Certificate::load_pem_chain(certs_pem).map_err(|e| e.to_string())?;
        if chain.is_empty() {
            return Err("no certificate".into());
        }
        let identity = Identity {
            key: Key::P256(key),
            chain,
            kind: IdentityKind::SelfSigned,
        };
        identity
            .check_key_matches()
            .map_err(|_| "the certificate is not that of the key".to_string())?;
        Ok(identity)
    }
}

/// See [`Identity::check_for_signing`].
pub(super) fn check_certificate_for_signing(
    cert: &Certificate,
    now: OffsetDateTime,
) -> Result<(), IdentityError> {
    use x509_cert::ext::pkix::KeyUsage;
    let info = certificate_info(cert, IdentityKind::Organization, String::new());
    if now < info.not_before {
        return Err(IdentityError::NotYetValid {
            from: info.not_before,
        });
    }
    if now > info.not_after {
        return Err(IdentityError::Expired {
            until: info.not_after,
        });
    }
    // No keyUsage extension: the key is not restricted (RFC 5280, 4.2.1.3).
    match cert.tbs_certificate().get_extension::<KeyUsage>() {
        Ok(None) => Ok(()),
        Ok(Some((_, usage))) if usage.digital_signature() || usage.non_repudiation() => Ok(()),
        Ok(Some(_)) => Err(IdentityError::NotForSigning),
        Err(e) => Err(IdentityError::NotPkcs12(e.to_string())),
    }
}

fn key_from_pkcs8(der: &[u8]) -> Result<Key, IdentityError> {
    let info = pkcs8::PrivateKeyInfoRef::try_from(der).map_err(crypto)?;
    let oid = info.algorithm.oid;
    if oid == OID_RSA {
        let key = rsa::PrivateKey::from_pkcs8_der(der).map_err(crypto)?;
        let bits = rsa::traits::PublicKeyParts::size(&key) * 8;
        Ok(Key::Rsa(
            Box::new(rsa::pkcs1v15::SigningKey::<Sha256>::new(key)),
            bits,
        ))
    } else if oid == OID_EC {
        let curve = info
            .algorithm
            .parameters_oid()
            .map_err(|e| IdentityError::UnsupportedKey(e.to_string()))?;
        if curve != OID_P256 {
            return Err(IdentityError::UnsupportedKey(format!("EC {curve}")));
        }
        let key = p256::ecdsa::SigningKey::from_pkcs8_der(der).map_err(crypto)?;
        Ok(Key::P256(key))
    } else {
        Err(IdentityError::UnsupportedKey(oid.to_string()))
    }
}

/// Puts the certificate whose subject issued no other first: the signer, then its issuers.
fn order_chain(mut certs: Vec<Certificate>) -> Vec<Certificate> {
    let is_issuer_of_another = |c: &Certificate, all: &[Certificate]| {
        all.iter().any(|o| {
            !std::ptr::eq(o, c) && o.tbs_certificate().issuer() == c.tbs_certificate().subject()
        })
    };
    if let Some(i) = certs.iter().position(|c| !is_issuer_of_another(c, &certs)) {
        let leaf = certs.remove(i);
        certs.insert(0, leaf);
    }
    certs
}
