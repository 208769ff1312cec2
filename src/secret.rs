//! Secrets at rest: the signing key and the ministry's token.
//!
//! On Windows they are sealed with DPAPI (`CryptProtectData`, per user), the platform's
//! convention for a user's secrets: a copy of the file on a USB key, in a backup or under
//! another account is useless. Elsewhere the files that hold them are readable by their owner
//! only (0600, [`crate::fsutil::Access::Private`]) and the bytes are kept as they are, as
//! `ssh`, `gpg` and browsers do on Linux.
//!
//! A sealed value starts with [`MAGIC`], so that a file written before sealing existed (or
//! written by hand by IT, for the token) is still read, and sealed the next time it is written.

/// The first bytes of a sealed value (then DPAPI's blob).
pub const MAGIC: &[u8] = b"PIQM-DPAPI-1\n";

/// Why a sealed value could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretError {
    /// Sealed on Windows, read on another system.
    NotHere,
    /// DPAPI refused: sealed by another Windows user or on another computer, or damaged. The
    /// system's words.
    Refused(String),
}

impl std::fmt::Display for SecretError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretError::NotHere => {
                write!(f, "sealed for a Windows user; it cannot be opened here")
            }
            SecretError::Refused(why) => write!(
                f,
                "Windows refused to open it (sealed by another user or computer, or damaged): {why}"
            ),
        }
    }
}

impl std::error::Error for SecretError {}

/// Whether `stored` is a sealed value.
pub fn is_sealed(stored: &[u8]) -> bool {
    stored.starts_with(MAGIC)
}

/// The bytes to store for `plain`: sealed on Windows, as they are elsewhere.
pub fn seal(plain: &[u8]) -> std::io::Result<Vec<u8>> {
    #[cfg(windows)]
    {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&dpapi::protect(plain)?);
        Ok(out)
    }
    #[cfg(not(windows))]
    {
        Ok(plain.to_vec())
    }
}

/// The secret held by `stored`: opened if sealed, as it is otherwise.
pub fn open(stored: &[u8]) -> Result<Vec<u8>, SecretError> {
    let Some(blob) = stored.strip_prefix(MAGIC) else {
        return Ok(stored.to_vec());
    };
    #[cfg(windows)]
    {
        dpapi::unprotect(blob).map_err(|e| SecretError::Refused(e.to_string()))
    }
    #[cfg(not(windows))]
    {
        let _ = blob;
        Err(SecretError::NotHere)
    }
}

#[cfg(windows)]
mod dpapi {
    use std::io;
    use std::ptr;

    use windows_sys::Win32::Foundation::{HLOCAL, LocalFree};
    use windows_sys::Win32::Security::Cryptography::{
        CRYPT_INTEGER_BLOB, CRYPTPROTECT_UI_FORBIDDEN, CryptProtectData, CryptUnprotectData,
    };

    fn blob_of(bytes: &[u8]) -> io::Result<CRYPT_INTEGER_BLOB> {
        Ok(CRYPT_INTEGER_BLOB {
            cbData: u32::try_from(bytes.len()).map_err(io::Error::other)?,
            pbData: bytes.as_ptr().cast_mut(),
        })
    }

    /// Copies DPAPI's output and frees it (DPAPI allocates it with LocalAlloc).
    fn take(out: CRYPT_INTEGER_BLOB) -> Vec<u8> {
        if out.pbData.is_null() {
            return Vec::new();
        }
        // SAFETY: DPAPI returned `cbData` bytes at `pbData`, ours to free once copied.
        let bytes = unsafe { std::slice::from_raw_parts(out.pbData, out.cbData as usize) }.to_vec();
        // SAFETY: allocated by DPAPI with LocalAlloc, freed once.
        unsafe { LocalFree(out.pbData as HLOCAL) };
        bytes
    }

    /// Runs one DPAPI call from `input` and takes its output.
    fn run(
        input: &[u8],
        call: impl FnOnce(&CRYPT_INTEGER_BLOB, &mut CRYPT_INTEGER_BLOB) -> windows_sys::core::BOOL,
    ) -> io::Result<Vec<u8>> {
        let input = blob_of(input)?;
        let mut out = CRYPT_INTEGER_BLOB {
            cbData: 0,
            pbData: ptr::null_mut(),
        };
        if call(&input, &mut out) == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(take(out))
    }

    pub fn protect(plain: &[u8]) -> io::Result<Vec<u8>> {
        // SAFETY: every pointer is valid for the call; no prompt (UI forbidden: this may run
        // from the command line or a service).
        run(plain, |input, out| unsafe {
            CryptProtectData(
                input,
                ptr::null(),
                ptr::null(),
                ptr::null(),
                ptr::null(),
                CRYPTPROTECT_UI_FORBIDDEN,
                out,
            )
        })
    }

    pub fn unprotect(blob: &[u8]) -> io::Result<Vec<u8>> {
        // SAFETY: as in `protect`; the description is not asked for.
        run(blob, |input, out| unsafe {
            CryptUnprotectData(
                input,
                ptr::null_mut(),
                ptr::null(),
                ptr::null(),
                ptr::null(),
                CRYPTPROTECT_UI_FORBIDDEN,
                out,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_value_reads_as_it_is() {
        assert_eq!(
            open(b"-----BEGIN PRIVATE KEY-----").unwrap(),
            b"-----BEGIN PRIVATE KEY-----"
        );
        assert!(!is_sealed(b"token"));
    }

    #[test]
    fn sealing_round_trips_and_hides_the_secret_where_it_seals() {
        let secret = b"-----BEGIN PRIVATE KEY-----\nMIG...\n";
        let stored = seal(secret).unwrap();
        assert_eq!(open(&stored).unwrap(), secret);
        if cfg!(windows) {
            assert!(is_sealed(&stored));
            assert!(!stored.windows(11).any(|w| w == b"PRIVATE KEY"));
        } else {
            assert_eq!(stored, secret);
        }
    }

    #[cfg(not(windows))]
    #[test]
    fn a_value_sealed_on_windows_is_refused_elsewhere_in_words() {
        let mut stored = MAGIC.to_vec();
        stored.extend_from_slice(&[1, 0, 0, 0, 0xd0, 0x8c]);
        assert_eq!(open(&stored), Err(SecretError::NotHere));
    }
}
