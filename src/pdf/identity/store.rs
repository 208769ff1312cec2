//! The identity folder, `<data_dir>/identite/`: this installation's self-signed key and
//! certificate in one file, `identite.pem` (0600, written in one atomic step), or the
//! organisation's PKCS #12 file (still encrypted) and its public certificates. On Windows the
//! files that hold a private key are also sealed for the user with DPAPI ([`crate::secret`]).
//!
//! Older versions wrote the key and the certificate as two files (`cle-privee.pem`,
//! `certificat.pem`); a crash between the two writes left a pair that no longer matched. A
//! matching pair is moved into the one file; anything else is set aside in `ecartee/` with a
//! note of why, and a new identity is made.

use std::path::{Path, PathBuf};

use der::EncodePem;
use der::pem::LineEnding;
use time::OffsetDateTime;
use x509_cert::Certificate;

use super::error::{IdentityError, crypto};
use super::key::Identity;
use super::x509::{algorithm_of, certificate_info};
use super::{IdentityInfo, IdentityKind, Subject};
use crate::fsutil::{self, Access};
use crate::secret;

/// The folder of the signing identity inside the data directory.
pub const IDENTITY_DIR: &str = "identite";
/// This installation's key and certificate, together.
pub const IDENTITY_FILE: &str = "identite.pem";
/// Where files that could not be used are kept, each with a note (never deleted: support may
/// want them).
pub const SET_ASIDE_DIR: &str = "ecartee";
const OLD_KEY_FILE: &str = "cle-privee.pem";
const OLD_CERT_FILE: &str = "certificat.pem";
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
        // The certificate of the one file (or of the old layout, not yet migrated).
        for name in [IDENTITY_FILE, OLD_CERT_FILE] {
            let path = self.dir.join(name);
            if path.exists()
                && let Some(cert) = read_certificates(&path)?.first()
            {
                return Ok(IdentityStatus::SelfSigned(certificate_info(
                    cert,
                    IdentityKind::SelfSigned,
                    algorithm_of(cert),
                )));
            }
        }
        Ok(IdentityStatus::None)
    }

    /// The identity that signs the next copy at `now`: the imported organisational certificate,
    /// unlocked with `password` (ask for it when [`Self::needs_password`]) and refused when it is
    /// out of its validity dates at `now` or not for signing; else the installation's
    /// self-signed one.
    pub fn signing_identity(
        &self,
        now: OffsetDateTime,
        password: Option<&str>,
    ) -> Result<Identity, IdentityError> {
        if self.needs_password() {
            let password = password.ok_or(IdentityError::PasswordNeeded)?;
            let identity = self.unlock_organization(password)?;
            identity.check_for_signing(now)?;
            Ok(identity)
        } else {
            self.self_signed(now)
        }
    }

    /// The notes of what was set aside (`ecartee/*.txt`), oldest first: `identity show` names
    /// them, so that a changed fingerprint has its explanation.
    pub fn set_aside_notes(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.dir.join(SET_ASIDE_DIR)) else {
            return Vec::new();
        };
        let mut notes: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        notes.sort();
        notes
    }

    /// Whether signing needs a password (an organisational certificate is in use).
    pub fn needs_password(&self) -> bool {
        self.dir.join(P12_FILE).exists()
    }

    /// The installation's self-signed identity, the same for every copy: read from
    /// `identite.pem`, moved there from the old two-file layout, or made on first use (and when
    /// what is on disk cannot be used: it is set aside with a note first).
    pub fn self_signed(&self, now: OffsetDateTime) -> Result<Identity, IdentityError> {
        let path = self.dir.join(IDENTITY_FILE);
        if path.exists() {
            let stored = read(&path)?;
            let opened = secret::open(&stored).map_err(|e| e.to_string());
            match opened.and_then(|bytes| parse_identity_file(&bytes)) {
                Ok(identity) => {
                    self.clear_old_layout(&identity, now)?;
                    // Written before this version sealed keys (or copied in by hand): sealed
                    // now where sealing means something.
                    if cfg!(windows) && !secret::is_sealed(&stored) {
                        self.write_identity_file(&identity)?;
                    }
                    return Ok(identity);
                }
                Err(why) => self.set_aside(&[IDENTITY_FILE], &why, now)?,
            }
        }
        if let Some(identity) = self.migrate_two_files(now)? {
            return Ok(identity);
        }
        let identity = Identity::self_signed(&Subject::installation(), now)?;
        self.write_identity_file(&identity)?;
        Ok(identity)
    }

    /// The old layout: a matching key and certificate become `identite.pem` (same certificate,
    /// same fingerprint as the copies already made); a lone or mismatched file is set aside.
    fn migrate_two_files(&self, now: OffsetDateTime) -> Result<Option<Identity>, IdentityError> {
        let key_path = self.dir.join(OLD_KEY_FILE);
        let cert_path = self.dir.join(OLD_CERT_FILE);
        let (has_key, has_cert) = (key_path.exists(), cert_path.exists());
        if !has_key && !has_cert {
            return Ok(None);
        }
        let why = if has_key && has_cert {
            let key = String::from_utf8(read(&key_path)?).unwrap_or_default();
            match Identity::from_pem(&key, &read(&cert_path)?) {
                Ok(identity) => {
                    self.write_identity_file(&identity)?;
                    // The one file is on disk: the old ones are no longer needed.
                    for path in [&key_path, &cert_path] {
                        remove(path)?;
                    }
                    return Ok(Some(identity));
                }
                Err(why) => why,
            }
        } else if has_key {
            "a private key without its certificate (an interrupted write)".to_string()
        } else {
            "a certificate without its private key (an interrupted write)".to_string()
        };
        self.set_aside(&[OLD_KEY_FILE, OLD_CERT_FILE], &why, now)?;
        Ok(None)
    }

    /// Old files beside a usable `identite.pem`: a move into it interrupted before they were
    /// removed (then they hold the same certificate, and go), or files an older version wrote
    /// since (set aside, with a note).
    fn clear_old_layout(
        &self,
        identity: &Identity,
        now: OffsetDateTime,
    ) -> Result<(), IdentityError> {
        let key_path = self.dir.join(OLD_KEY_FILE);
        let cert_path = self.dir.join(OLD_CERT_FILE);
        if !key_path.exists() && !cert_path.exists() {
            return Ok(());
        }
        let same = key_path.exists()
            && cert_path.exists()
            && Identity::from_pem(
                &String::from_utf8(read(&key_path)?).unwrap_or_default(),
                &read(&cert_path)?,
            )
            .is_ok_and(|old| old.info().fingerprint == identity.info().fingerprint);
        if same {
            remove(&key_path)?;
            remove(&cert_path)
        } else {
            self.set_aside(
                &[OLD_KEY_FILE, OLD_CERT_FILE],
                "files of the old two-file layout beside identite.pem, of another identity",
                now,
            )
        }
    }

    fn write_identity_file(&self, identity: &Identity) -> Result<(), IdentityError> {
        self.ensure_dir()?;
        write_secret(&self.dir.join(IDENTITY_FILE), identity.to_pem()?.as_bytes())
    }

    /// Moves the files of `names` that exist to `ecartee/<time>-<name>`, with a note saying why
    /// (English, for support, as the drafts' quarantine notes are).
    fn set_aside(
        &self,
        names: &[&str],
        why: &str,
        now: OffsetDateTime,
    ) -> Result<(), IdentityError> {
        let aside = self.dir.join(SET_ASIDE_DIR);
        fsutil::create_private_dir(&aside).map_err(|source| IdentityError::Io {
            path: aside.clone(),
            source,
        })?;
        let stamp = format!(
            "{}-{}",
            now.unix_timestamp(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        let mut moved = Vec::new();
        for name in names {
            let from = self.dir.join(name);
            if !from.exists() {
                continue;
            }
            let to = aside.join(format!("{stamp}-{name}"));
            fsutil::move_file(&from, &to).map_err(|source| IdentityError::Io {
                path: from.clone(),
                source,
            })?;
            moved.push(to.display().to_string());
        }
        let note = format!(
            "On {now}, files of this installation's signing identity could not be used: {why}.\n\
             They were set aside here: {}\n\
             The identity in identite.pem signs from now on; when none was usable a new one was \
             made, whose fingerprint differs from older copies' (those keep verifying: each \
             carries its certificate).\n",
            moved.join(", ")
        );
        write_private(&aside.join(format!("{stamp}.txt")), note.as_bytes())
    }

    /// Checks the file and its password, then keeps a copy of the file (still encrypted) and its
    /// public certificates. The password is not kept.
    /// A certificate out of its validity dates at `now`, or not for signing, is refused with
    /// the reason, and nothing is kept.
    pub fn import_pkcs12(
        &self,
        bytes: &[u8],
        password: &str,
        now: OffsetDateTime,
    ) -> Result<IdentityInfo, IdentityError> {
        let identity = Identity::from_pkcs12(bytes, password)?;
        identity.check_for_signing(now)?;
        self.ensure_dir()?;
        write_secret(&self.dir.join(P12_FILE), bytes)?;
        let mut pem = String::new();
        for cert in identity.chain() {
            pem.push_str(&cert.to_pem(LineEnding::LF).map_err(crypto)?);
        }
        write_private(&self.dir.join(P12_CERTS_FILE), pem.as_bytes())?;
        Ok(identity.info())
    }

    /// The imported organisational identity, unlocked with its password.
    pub fn unlock_organization(&self, password: &str) -> Result<Identity, IdentityError> {
        let path = self.dir.join(P12_FILE);
        if !path.exists() {
            return Err(IdentityError::NoOrganization);
        }
        Identity::from_pkcs12(&read_secret(&path)?, password)
    }

    /// Stops using the organisational certificate (back to the self-signed one).
    pub fn forget_organization(&self) -> Result<(), IdentityError> {
        for name in [P12_FILE, P12_CERTS_FILE] {
            remove(&self.dir.join(name))?;
        }
        Ok(())
    }

    fn ensure_dir(&self) -> Result<(), IdentityError> {
        fsutil::create_private_dir(&self.dir).map_err(|source| IdentityError::Io {
            path: self.dir.clone(),
            source,
        })
    }
}

fn read(path: &Path) -> Result<Vec<u8>, IdentityError> {
    std::fs::read(path).map_err(|source| IdentityError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A file that may be sealed ([`crate::secret`]), opened.
fn read_secret(path: &Path) -> Result<Vec<u8>, IdentityError> {
    secret::open(&read(path)?).map_err(|e| IdentityError::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

/// The certificates of a PEM file (after the private key, in `identite.pem`).
fn read_certificates(path: &Path) -> Result<Vec<Certificate>, IdentityError> {
    let bytes = read_secret(path)?;
    let certs = match find(&bytes, KEY_END.as_bytes()) {
        Some(at) => &bytes[at + KEY_END.len()..],
        None => &bytes[..],
    };
    Certificate::load_pem_chain(certs).map_err(|e| IdentityError::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

/// Reads `identite.pem`: the key, then the certificate. `Err`: why it cannot be used.
fn parse_identity_file(bytes: &[u8]) -> Result<Identity, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    let cut = text
        .find(KEY_END)
        .map(|i| i + KEY_END.len())
        .ok_or("no private key")?;
    Identity::from_pem(&text[..cut], &text.as_bytes()[cut..])
}

/// Where the PKCS #8 key of `identite.pem` ends and its certificate begins.
const KEY_END: &str = "-----END PRIVATE KEY-----";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn remove(path: &Path) -> Result<(), IdentityError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(IdentityError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// A file that holds a private key: private, and sealed where the system can
/// ([`crate::secret::seal`]).
fn write_secret(path: &Path, bytes: &[u8]) -> Result<(), IdentityError> {
    let sealed = secret::seal(bytes).map_err(|source| IdentityError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    write_private(path, &sealed)
}

/// Every file of the identity folder holds a key or names a person: readable by the user only,
/// from its creation on, written atomically and durably ([`crate::fsutil::write_atomic`]).
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), IdentityError> {
    fsutil::write_atomic(path, bytes, Access::Private).map_err(|source| IdentityError::Io {
        path: path.to_path_buf(),
        source,
    })
}
