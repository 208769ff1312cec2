//! The PDF signature checked in-process by the product's own verification
//! (`piqm_acces::pdf::verify`, the code behind `piqm-acces verify`), with a raw reading of the
//! `/ByteRange` for the tests that tamper with bytes. The external validators (pdfsig, pyHanko)
//! judge the same files in the tests that call them.

use piqm_acces::pdf::verify::{Known, Problem, Verdict, verify_bytes};

/// What a verified signature says.
#[derive(Debug, PartialEq, Eq)]
pub struct Verified {
    /// "RSA" or "ECDSA P-256".
    pub algorithm: String,
    /// The signer, as "CN — O".
    pub signer: String,
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

/// Verifies the signature of a signed PDF; `Err` says what does not hold.
pub fn verify_signature(pdf: &[u8]) -> Result<Verified, String> {
    let report = verify_bytes(pdf, &Known::default()).map_err(|e| e.to_string())?;
    match (report.verdict, report.signer) {
        (Verdict::Valid, Some(s)) => Ok(Verified {
            algorithm: s.algorithm.clone(),
            signer: s.display_name(),
        }),
        (Verdict::Invalid(Problem::DigestMismatch), _) => {
            Err("digest mismatch: the signed ranges changed after signing".into())
        }
        (Verdict::Invalid(Problem::BadSignature(e)), _) => {
            Err(format!("the CMS signature does not verify: {e}"))
        }
        (other, _) => Err(format!("{other:?}")),
    }
}
