//! The use cases of the signed copy, one function each, called by the window and the command
//! line alike: [`make_copy`] (choose the identity, lay out, sign, write), [`print_file`] (choose
//! the printer, hand the file to the print system) and [`print_copy`] (both, for the window's
//! "Imprimer…"). They block (files, signing, `lp`): the window runs them on `spawn_blocking`.
//!
//! Results are typed; each face puts them into its own words.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::print::{PrintError, PrintJob, Printer};
use super::{ExportOptions, Identity, IdentityError, IdentityStore, Paper, PdfError};
use crate::designation::Designation;
use crate::fsutil::Access;
use crate::i18n::Lang;

/// The folder of the data folder where copies made for printing are kept.
pub const PRINTED_COPIES_DIR: &str = "impressions";

/// Which identity signs a copy.
pub enum Signer {
    /// A PKCS #12 file given for this copy only (`export --p12`), already read, and its password.
    Pkcs12 {
        path: PathBuf,
        bytes: Vec<u8>,
        password: String,
    },
    /// The installation's identity in this data folder: the imported organisational certificate
    /// (which needs `password`), else the self-signed one, made on first use.
    Installed {
        data_dir: PathBuf,
        password: Option<String>,
    },
}

/// What to copy, how, and who signs.
pub struct CopyRequest<'a> {
    pub draft: &'a Designation,
    pub paper: Paper,
    pub lang: Lang,
    /// The date of the copy and of its signature, in the offset to show.
    pub now: OffsetDateTime,
    pub signer: Signer,
}

/// A copy written to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedCopy {
    pub path: PathBuf,
    /// The designation has errors: every page is marked "BROUILLON — incomplet".
    pub incomplete: bool,
    pub pages: usize,
}

/// Why no copy was written.
#[derive(Debug)]
pub enum CopyError {
    /// The signing identity could not be read or unlocked (`path`: the .p12 given, if any).
    /// [`IdentityError::PasswordNeeded`]: ask for the organisational certificate's password.
    Identity {
        error: IdentityError,
        path: Option<PathBuf>,
    },
    /// A defect of the application: the copy could not be made.
    Pdf(PdfError),
    /// The file could not be written there.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl CopyError {
    /// Whether the organisational certificate's password is what is missing.
    pub fn needs_password(&self) -> bool {
        matches!(
            self,
            CopyError::Identity {
                error: IdentityError::PasswordNeeded,
                ..
            }
        )
    }
}

/// The identity that signs, as the request asks.
fn signing_identity(request: &CopyRequest<'_>) -> Result<Identity, CopyError> {
    match &request.signer {
        Signer::Pkcs12 {
            path,
            bytes,
            password,
        } => Identity::from_pkcs12(bytes, password)
            .and_then(|identity| identity.check_for_signing(request.now).map(|()| identity))
            .map_err(|error| CopyError::Identity {
                error,
                path: Some(path.clone()),
            }),
        Signer::Installed { data_dir, password } => IdentityStore::new(data_dir)
            .signing_identity(request.now, password.as_deref())
            .map_err(|error| CopyError::Identity { error, path: None }),
    }
}

/// Makes the signed copy of the request's designation and writes it to `output` (replacing a
/// file of that name: the face has asked).
pub fn make_copy(request: &CopyRequest<'_>, output: &Path) -> Result<SignedCopy, CopyError> {
    write_copy(request, output, Access::Shared)
}

/// Makes the copy and writes it with `access`: shared when the user saves it to hand on, private
/// when the application keeps it in its own data folder.
fn write_copy(
    request: &CopyRequest<'_>,
    output: &Path,
    access: Access,
) -> Result<SignedCopy, CopyError> {
    let identity = signing_identity(request)?;
    let options = ExportOptions {
        paper: request.paper,
        lang: request.lang,
        now: request.now,
    };
    let exported = super::export(request.draft, &options, &identity).map_err(CopyError::Pdf)?;
    crate::fsutil::write_atomic(output, &exported.bytes, access).map_err(|error| {
        CopyError::Write {
            path: output.to_path_buf(),
            error,
        }
    })?;
    Ok(SignedCopy {
        path: output.to_path_buf(),
        incomplete: exported.incomplete,
        pages: exported.pages,
    })
}

/// A file handed to a printer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub printer: String,
    pub job: PrintJob,
}

/// Why nothing was printed.
#[derive(Debug)]
pub enum PrintFileError {
    /// The file to print cannot be read.
    Unreadable(std::io::Error),
    /// No printer was named and the system has no default one.
    NoDefaultPrinter,
    /// The print system failed (`printer`: the one asked for, empty while listing them).
    Print { printer: String, error: PrintError },
}

/// Prints `file` on `printer`, else on the system's default printer; `title` names the job.
pub fn print_file(
    system: &dyn Printer,
    file: &Path,
    printer: Option<&str>,
    title: &str,
) -> Result<Printed, PrintFileError> {
    std::fs::metadata(file).map_err(PrintFileError::Unreadable)?;
    let printer = match printer {
        Some(p) => p.to_string(),
        None => {
            system
                .printers()
                .map_err(|error| PrintFileError::Print {
                    printer: String::new(),
                    error,
                })?
                .into_iter()
                .find(|p| p.is_default)
                .ok_or(PrintFileError::NoDefaultPrinter)?
                .name
        }
    };
    match system.print(&printer, file, title) {
        Ok(job) => Ok(Printed { printer, job }),
        Err(error) => Err(PrintFileError::Print { printer, error }),
    }
}

/// Why a copy was not printed: not made, or not printed.
#[derive(Debug)]
pub enum PrintCopyError {
    Copy(CopyError),
    Print(PrintFileError),
}

/// "Imprimer…": makes the signed copy in the data folder's `impressions` folder (kept, so that
/// what was printed can be found again), then prints it on `printer`.
pub fn print_copy(
    request: &CopyRequest<'_>,
    data_dir: &Path,
    system: &dyn Printer,
    printer: &str,
    title: &str,
) -> Result<Printed, PrintCopyError> {
    let dir = data_dir.join(PRINTED_COPIES_DIR);
    // A folder that cannot be made shows as the file that cannot be written, just after. The
    // copies kept there hold personal data and stay on this computer: owner only.
    let _ = crate::fsutil::create_private_dir(&dir);
    let name = super::default_file_name(request.draft, request.now.date());
    let copy =
        write_copy(request, &dir.join(name), Access::Private).map_err(PrintCopyError::Copy)?;
    print_file(system, &copy.path, Some(printer), title).map_err(PrintCopyError::Print)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::pdf::print::PrinterInfo;

    /// A print system with two queues, `B` the default, that records what it is given.
    #[derive(Default)]
    struct TwoQueues {
        jobs: Mutex<Vec<(String, PathBuf, String)>>,
    }

    impl Printer for TwoQueues {
        fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
            Ok(vec![
                PrinterInfo {
                    name: "A".into(),
                    is_default: false,
                },
                PrinterInfo {
                    name: "B".into(),
                    is_default: true,
                },
            ])
        }

        fn print(&self, printer: &str, file: &Path, title: &str) -> Result<PrintJob, PrintError> {
            if printer != "A" && printer != "B" {
                return Err(PrintError::UnknownPrinter(printer.into()));
            }
            let mut jobs = self.jobs.lock().unwrap();
            jobs.push((printer.into(), file.into(), title.into()));
            Ok(PrintJob {
                id: format!("{printer}-{}", jobs.len()),
            })
        }
    }

    #[test]
    fn the_printer_named_else_the_default_one_gets_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("copie.pdf");
        std::fs::write(&file, b"%PDF-1.7").unwrap();
        let system = TwoQueues::default();
        let printed = print_file(&system, &file, Some("A"), "titre").unwrap();
        assert_eq!(printed.printer, "A");
        let printed = print_file(&system, &file, None, "titre").unwrap();
        assert_eq!(printed.printer, "B", "the default one");
        assert_eq!(printed.job.id, "B-2");
        let jobs = system.jobs.lock().unwrap();
        assert_eq!(jobs[1], ("B".into(), file.clone(), "titre".into()));
    }

    #[test]
    fn a_missing_file_or_an_unknown_printer_prints_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let system = TwoQueues::default();
        let missing = dir.path().join("absent.pdf");
        assert!(matches!(
            print_file(&system, &missing, None, "t"),
            Err(PrintFileError::Unreadable(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
        let file = dir.path().join("copie.pdf");
        std::fs::write(&file, b"%PDF-1.7").unwrap();
        assert!(matches!(
            print_file(&system, &file, Some("C"), "t"),
            Err(PrintFileError::Print { printer, error: PrintError::UnknownPrinter(_) }) if printer == "C"
        ));
        assert!(system.jobs.lock().unwrap().is_empty());
    }
}
