//! The identity folder, `<data_dir>/identite/`: the self-signed key and certificate, or the
//! organisation's PKCS #12 file (still encrypted) and its public certificates.

use std::path::{Path, PathBuf};

use der::EncodePem;
use der::pem::LineEnding;
use p256::pkcs8::DecodePrivateKey;
use time::OffsetDateTime;
use x509_cert::Certificate;

use super::error::{IdentityError, crypto};
use super::key::{Identity, Key};
use super::x509::{algorithm_of, certificate_info};
use super::{IdentityInfo, IdentityKind, Subject};
use crate::fsutil::Access;

/// The folder of the signing identity inside the data directory.
pub const IDENTITY_DIR: &str = "identite";
const KEY_FILE: &str = "cle-privee.pem";
const CERT_FILE: &str = "certificat.pem";
const P12_FILE: &str = "organisation.p12";
const P12_CERTS_FILE: &str = "organisation.pem";

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
