//! A PDF copy is verified before its designation is imported ([`crate::pdf::verify`]): an altered
//! copy is refused; an unsigned one, or one signed by a certificate this installation does not
//! know, comes in as a draft (brouillon) with a warning that names who signed.

use std::io::Read;
use std::path::Path;

use super::{DraftStore, ReadProblem, StoreError};
use crate::designation::Designation;
use crate::i18n::Localizer;
use crate::pdf::verify::{self, Trust, Verdict, VerifyError};

/// What the user is told about an imported copy that is not signed by someone known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    Unsigned,
    UnknownSigner { name: String, fingerprint: String },
}

impl ImportWarning {
    pub fn message(&self, l: &Localizer) -> String {
        match self {
            ImportWarning::Unsigned => l.t("import-warning-unsigned"),
            ImportWarning::UnknownSigner { name, fingerprint } => l.t_args(
                "import-warning-unknown-signer",
                &[
                    ("name", name.clone().into()),
                    ("fingerprint", fingerprint.clone().into()),
                ],
            ),
        }
    }
}

/// Whether the file starts as a PDF does. Opened without waiting (a named pipe cannot hang it);
/// what is not a regular file is refused by the bounded read that follows.
fn is_pdf(path: &Path) -> bool {
    let mut head = [0u8; 5];
    crate::fsutil::open_for_reading(path)
        .and_then(|f| match f.metadata()?.is_file() {
            true => Ok(f),
            false => Err(std::io::Error::other("not a regular file")),
        })
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"%PDF-")
}

/// The draft an import brings, from a draft file or a verified copy; `root` is the data folder,
/// whose identity tells which certificates are known.
pub(super) fn read_import(
    root: &Path,
    path: &Path,
) -> Result<(Designation, Option<ImportWarning>), StoreError> {
    if !is_pdf(path) {
        return Ok((DraftStore::read_file(path)?, None));
    }
    let unreadable = |problem| StoreError::Unreadable {
        path: path.to_path_buf(),
        problem,
        moved_to: None,
    };
    let report = verify::read_copy(path)
        .and_then(|bytes| verify::verify_bytes(&bytes, &verify::Known::of(root)))
        .map_err(|e| {
            unreadable(match e {
                VerifyError::Io(e) => ReadProblem::Io(e.into()),
                VerifyError::TooLarge { .. } => ReadProblem::TooLarge {
                    limit: verify::MAX_COPY_BYTES,
                },
                VerifyError::NotPdf(_) => ReadProblem::DamagedPdf,
                VerifyError::NoAttachment => ReadProblem::PdfWithoutDraft,
                VerifyError::AttachmentTooLarge { limit } => {
                    ReadProblem::AttachmentTooLarge { limit }
                }
                VerifyError::Draft(e) => ReadProblem::Parse(e),
            })
        })?;
    let warning = match (&report.verdict, &report.signer) {
        (Verdict::Invalid(problem), _) => {
            return Err(StoreError::AlteredCopy {
                path: path.to_path_buf(),
                problem: problem.clone(),
            });
        }
        (Verdict::Unsigned, _) => Some(ImportWarning::Unsigned),
        (Verdict::Valid, Some(s)) if s.trust == Trust::Unknown => {
            Some(ImportWarning::UnknownSigner {
                name: s.display_name(),
                fingerprint: s.fingerprint.clone(),
            })
        }
        (Verdict::Valid, _) => None,
    };
    // Signed or not, the designation arrives as answers to review (the caller passes it through
    // `as_outside_draft`), never as a sent, queued or refused one.
    let Some(draft) = report.designation else {
        // Only an invalid copy has none, and it was refused above.
        return Err(unreadable(ReadProblem::PdfWithoutDraft));
    };
    Ok((draft, warning))
}
