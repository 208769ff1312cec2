//! The signing identity: a key pair and its certificate chain.
//!
//! By default, a P-256 key and a self-signed certificate made for this installation on first use
//! (subject: the demandeur and the organisme), kept in `<data_dir>/identite/` with the key file
//! readable by its owner only (0600). Or an organisational certificate imported from a PKCS #12
//! file (.p12 / .pfx, AES or legacy 3DES): the file is copied there as it is, still encrypted, and
//! its password is asked for each time it is unlocked, never stored.

use std::fmt;
use std::path::{Path, PathBuf};

use der::asn1::{SetOfVec, Utf8StringRef};
use der::{Any, Decode, Encode, EncodePem, pem::LineEnding};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use rsa::pkcs8;
use rsa::signature::{self, SignatureEncoding, Signer};
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

use crate::designation::Designation;
use crate::fsutil::Access;

/// The folder of the signing identity inside the data directory.
pub const IDENTITY_DIR: &str = "identite";
const KEY_FILE: &str = "cle-privee.pem";
const CERT_FILE: &str = "certificat.pem";
const P12_FILE: &str = "organisation.p12";
const P12_CERTS_FILE: &str = "organisation.pem";

const OID_CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const OID_O: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const OID_C: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.6");
const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");

/// How long a self-signed certificate is valid.
const SELF_SIGNED_YEARS: i64 = 10;

/// Where an identity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    /// Made by this installation, self-signed.
    SelfSigned,
    /// Imported from the organisation's PKCS #12 file.
    Organization,
}

/// What a user sees of an identity (settings, the signature box, `identity show`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityInfo {
    pub kind: IdentityKind,
    /// The certificate's common name (CN), e.g. "Hélène Bélanger".
    pub common_name: String,
    /// The certificate's organisation (O), if any.
    pub organization: String,
    /// The issuer's common name (the subject's own for a self-signed certificate).
    pub issuer: String,
    /// SHA-256 of the certificate, as `AB:CD:…` (32 pairs).
    pub fingerprint: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// "RSA 2048", "ECDSA P-256".
    pub algorithm: String,
}

/// Who the self-signed certificate names: the demandeur and the organisme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub name: String,
    pub organization: String,
}

impl Subject {
    /// The demandeur ("Hélène Bélanger") and the organisme of a designation.
    pub fn of(d: &Designation) -> Subject {
        let name = format!(
            "{} {}",
            d.requester.first_name.trim(),
            d.requester.last_name.trim()
        );
        Subject {
            name: name.trim().to_string(),
            organization: d.organization.name.trim().to_string(),
        }
    }

    fn is_empty(&self) -> bool {
        self.name.is_empty() && self.organization.is_empty()
    }

    /// The common name: the demandeur, else the organisme, else the application.
    fn common_name(&self) -> &str {
        if !self.name.is_empty() {
            &self.name
        } else if !self.organization.is_empty() {
            &self.organization
        } else {
            "piqm-acces"
        }
    }
}

/// Why an identity could not be made, read or unlocked.
#[derive(Debug)]
pub enum IdentityError {
    /// The PKCS #12 password is wrong.
    WrongPassword,
    /// The file is not a PKCS #12 file, or uses a scheme we cannot read.
    NotPkcs12(String),
    /// The PKCS #12 file holds no private key with its certificate.
    NoKey,
    /// The key is neither RSA nor ECDSA P-256.
    UnsupportedKey(String),
    /// No organisational certificate has been imported.
    NoOrganization,
    /// The organisational certificate needs its password, and none was given.
    PasswordNeeded,
    /// A file of the identity folder cannot be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A stored file is damaged.
    Corrupt { path: PathBuf, detail: String },
    /// A failure of the cryptographic code (a defect).
    Crypto(String),
}

impl fmt::Display for IdentityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdentityError::WrongPassword => write!(f, "wrong PKCS#12 password"),
            IdentityError::NotPkcs12(d) => write!(f, "not a readable PKCS#12 file: {d}"),
            IdentityError::NoKey => write!(f, "no private key with its certificate"),
            IdentityError::UnsupportedKey(k) => write!(f, "unsupported key type {k}"),
            IdentityError::NoOrganization => write!(f, "no organisational certificate"),
            IdentityError::PasswordNeeded => write!(f, "the certificate's password is needed"),
            IdentityError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            IdentityError::Corrupt { path, detail } => {
                write!(f, "{} is damaged: {detail}", path.display())
            }
            IdentityError::Crypto(d) => write!(f, "cryptographic error: {d}"),
        }
    }
}

impl std::error::Error for IdentityError {}

impl IdentityError {
    /// The Fluent id of the message telling the user what to do. Its variables: `$path`,
    /// `$detail`.
    /// The sentence for the user, naming the file (`path` when the error carries none).
    pub fn message(&self, l: &crate::i18n::Localizer, path: Option<&Path>) -> String {
        let path = self
            .path()
            .or(path)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        l.t_args(
            self.message_id(),
            &[("path", path.into()), ("detail", self.detail().into())],
        )
    }

    pub fn message_id(&self) -> &'static str {
        match self {
            IdentityError::WrongPassword => "pdf-identity-wrong-password",
            IdentityError::NotPkcs12(_) => "pdf-identity-not-pkcs12",
            IdentityError::NoKey => "pdf-identity-no-key",
            IdentityError::UnsupportedKey(_) => "pdf-identity-unsupported-key",
            IdentityError::NoOrganization => "pdf-identity-no-organization",
            IdentityError::PasswordNeeded => "pdf-identity-password-needed",
            IdentityError::Io { .. } => "pdf-identity-io",
            IdentityError::Corrupt { .. } => "pdf-identity-corrupt",
            IdentityError::Crypto(_) => "pdf-identity-crypto",
        }
    }

    /// The path involved, if any (for `$path`).
    pub fn path(&self) -> Option<&Path> {
        match self {
            IdentityError::Io { path, .. } | IdentityError::Corrupt { path, .. } => Some(path),
            _ => None,
        }
    }

    /// Technical detail for support (for `$detail`).
    pub fn detail(&self) -> String {
        match self {
            IdentityError::NotPkcs12(d)
            | IdentityError::UnsupportedKey(d)
            | IdentityError::Crypto(d)
            | IdentityError::Corrupt { detail: d, .. } => d.clone(),
            IdentityError::Io { source, .. } => source.to_string(),
            _ => String::new(),
        }
    }
}

fn crypto<E: fmt::Display>(e: E) -> IdentityError {
    IdentityError::Crypto(e.to_string())
}

enum Key {
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>, usize),
    P256(p256::ecdsa::SigningKey),
}

/// An unlocked signing identity: the private key and the certificate chain (signer first).
pub struct Identity {
    key: Key,
    chain: Vec<Certificate>,
    kind: IdentityKind,
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
    fn check_key_matches(&self) -> Result<(), IdentityError> {
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

    fn key_pkcs8_pem(&self) -> Result<String, IdentityError> {
        match &self.key {
            Key::P256(key) => key
                .to_pkcs8_pem(LineEnding::LF)
                .map(|s| s.to_string())
                .map_err(crypto),
            Key::Rsa(..) => Err(IdentityError::Crypto(
                "self-signed identities are P-256".into(),
            )),
        }
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

fn certificate_info(cert: &Certificate, kind: IdentityKind, algorithm: String) -> IdentityInfo {
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

fn algorithm_of(cert: &Certificate) -> String {
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
        let o = Utf8StringRef::new(&subject.organization).map_err(crypto)?;
        push(OID_O, Any::encode_from(&o).map_err(crypto)?)?;
    }
    let cn = Utf8StringRef::new(subject.common_name()).map_err(crypto)?;
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

fn self_signed_certificate(
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

/// What the identity folder holds, without unlocking anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityStatus {
    /// Nothing yet: a self-signed identity will be made on first use.
    None,
    /// The installation's self-signed identity is used.
    SelfSigned(IdentityInfo),
    /// An organisational certificate is used; its password is asked when signing.
    Organization(IdentityInfo),
}

/// The identity folder, `<data_dir>/identite/`.
#[derive(Debug, Clone)]
pub struct IdentityStore {
    dir: PathBuf,
}

impl IdentityStore {
    pub fn new(data_dir: &Path) -> IdentityStore {
        IdentityStore {
            dir: data_dir.join(IDENTITY_DIR),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Which identity signs, and its certificate, for the settings screen.
    pub fn status(&self) -> Result<IdentityStatus, IdentityError> {
        let p12_certs = self.dir.join(P12_CERTS_FILE);
        if self.dir.join(P12_FILE).exists() {
            let chain = read_certificates(&p12_certs)?;
            let cert = chain.first().ok_or_else(|| IdentityError::Corrupt {
                path: p12_certs.clone(),
                detail: "no certificate".into(),
            })?;
            return Ok(IdentityStatus::Organization(certificate_info(
                cert,
                IdentityKind::Organization,
                algorithm_of(cert),
            )));
        }
        let cert_path = self.dir.join(CERT_FILE);
        if cert_path.exists() {
            let chain = read_certificates(&cert_path)?;
            if let Some(cert) = chain.first() {
                return Ok(IdentityStatus::SelfSigned(certificate_info(
                    cert,
                    IdentityKind::SelfSigned,
                    algorithm_of(cert),
                )));
            }
        }
        Ok(IdentityStatus::None)
    }

    /// The identity that signs the next copy: the imported organisational certificate, unlocked
    /// with `password` (ask for it when [`Self::needs_password`]), else the installation's
    /// self-signed one for `subject`.
    pub fn signing_identity(
        &self,
        subject: &Subject,
        now: OffsetDateTime,
        password: Option<&str>,
    ) -> Result<Identity, IdentityError> {
        if self.needs_password() {
            let password = password.ok_or(IdentityError::PasswordNeeded)?;
            self.unlock_organization(password)
        } else {
            self.self_signed(subject, now)
        }
    }

    /// Whether signing needs a password (an organisational certificate is in use).
    pub fn needs_password(&self) -> bool {
        self.dir.join(P12_FILE).exists()
    }

    /// The installation's self-signed identity, made on first use. It is made anew when the
    /// demandeur or the organisme of `subject` differ from the stored certificate's (older copies
    /// keep verifying: each carries its own certificate).
    pub fn self_signed(
        &self,
        subject: &Subject,
        now: OffsetDateTime,
    ) -> Result<Identity, IdentityError> {
        let key_path = self.dir.join(KEY_FILE);
        let cert_path = self.dir.join(CERT_FILE);
        if key_path.exists() && cert_path.exists() {
            let identity = self.read_self_signed(&key_path, &cert_path)?;
            let info = identity.info();
            let same = info.common_name == subject.common_name()
                && info.organization == subject.organization;
            if same || subject.is_empty() {
                return Ok(identity);
            }
        }
        let identity = Identity::self_signed(subject, now)?;
        self.ensure_dir()?;
        write_private(&key_path, identity.key_pkcs8_pem()?.as_bytes())?;
        let pem = identity.chain[0].to_pem(LineEnding::LF).map_err(crypto)?;
        write_file(&cert_path, pem.as_bytes(), Access::Shared)?;
        Ok(identity)
    }

    fn read_self_signed(
        &self,
        key_path: &Path,
        cert_path: &Path,
    ) -> Result<Identity, IdentityError> {
        let pem = read(key_path)?;
        let pem = String::from_utf8(pem).map_err(|e| IdentityError::Corrupt {
            path: key_path.to_path_buf(),
            detail: e.to_string(),
        })?;
        let key =
            p256::ecdsa::SigningKey::from_pkcs8_pem(&pem).map_err(|e| IdentityError::Corrupt {
                path: key_path.to_path_buf(),
                detail: e.to_string(),
            })?;
        let chain = read_certificates(cert_path)?;
        if chain.is_empty() {
            return Err(IdentityError::Corrupt {
                path: cert_path.to_path_buf(),
                detail: "no certificate".into(),
            });
        }
        let identity = Identity {
            key: Key::P256(key),
            chain,
            kind: IdentityKind::SelfSigned,
        };
        identity
            .check_key_matches()
            .map_err(|_| IdentityError::Corrupt {
                path: cert_path.to_path_buf(),
                detail: "the certificate is not that of the key".into(),
            })?;
        Ok(identity)
    }

    /// Checks the file and its password, then keeps a copy of the file (still encrypted) and its
    /// public certificates. The password is not kept.
    pub fn import_pkcs12(
        &self,
        bytes: &[u8],
        password: &str,
    ) -> Result<IdentityInfo, IdentityError> {
        let identity = Identity::from_pkcs12(bytes, password)?;
        self.ensure_dir()?;
        write_private(&self.dir.join(P12_FILE), bytes)?;
        let mut pem = String::new();
        for cert in identity.chain() {
            pem.push_str(&cert.to_pem(LineEnding::LF).map_err(crypto)?);
        }
        write_file(
            &self.dir.join(P12_CERTS_FILE),
            pem.as_bytes(),
            Access::Shared,
        )?;
        Ok(identity.info())
    }

    /// The imported organisational identity, unlocked with its password.
    pub fn unlock_organization(&self, password: &str) -> Result<Identity, IdentityError> {
        let path = self.dir.join(P12_FILE);
        if !path.exists() {
            return Err(IdentityError::NoOrganization);
        }
        Identity::from_pkcs12(&read(&path)?, password)
    }

    /// Stops using the organisational certificate (back to the self-signed one).
    pub fn forget_organization(&self) -> Result<(), IdentityError> {
        for name in [P12_FILE, P12_CERTS_FILE] {
            let path = self.dir.join(name);
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(IdentityError::Io { path, source }),
            }
        }
        Ok(())
    }

    fn ensure_dir(&self) -> Result<(), IdentityError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| IdentityError::Io {
            path: self.dir.clone(),
            source,
        })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700)).map_err(
                |source| IdentityError::Io {
                    path: self.dir.clone(),
                    source,
                },
            )?;
        }
        Ok(())
    }
}

fn read(path: &Path) -> Result<Vec<u8>, IdentityError> {
    std::fs::read(path).map_err(|source| IdentityError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn read_certificates(path: &Path) -> Result<Vec<Certificate>, IdentityError> {
    let bytes = read(path)?;
    Certificate::load_pem_chain(&bytes).map_err(|e| IdentityError::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

/// A key file (or the organisation's PKCS #12): readable by the user only from its creation on.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), IdentityError> {
    write_file(path, bytes, Access::Private)
}

/// Writes atomically and durably ([`crate::fsutil::write_atomic`]), so a crash leaves the old
/// file whole. Certificates are public: they keep ordinary permissions (the folder is private).
fn write_file(path: &Path, bytes: &[u8], access: Access) -> Result<(), IdentityError> {
    crate::fsutil::write_atomic(path, bytes, access).map_err(|source| IdentityError::Io {
        path: path.to_path_buf(),
        source,
    })
}
