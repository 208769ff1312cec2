//! The use cases of the signed copy, one function each, called by the window and the command
//! line alike: [`make_copy`] (choose the identity, lay out, sign, write), [`print_file`] (choose
//! the printer, hand the copy to the print system: its file, or on Windows its pages laid out
//! again from the file) and [`print_copy`] (both, for the window's "Imprimer…", with the pages
//! just laid out). They block (files, signing, `lp`, the spooler): the window runs them on
//! `spawn_blocking`.
//!
//! Results are typed; each face puts them into its own words.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::print::{Job, PrintError, PrintJob, Printer};
use super::reprint::{ReprintError, pages_of_copy};
use super::{ExportOptions, Identity, IdentityError, IdentityStore, Pages, Paper, PdfError};
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
    write_copy(request, output, Access::Shared).map(|(copy, _)| copy)
}

/// Makes the copy and writes it with `access`: shared when the user saves it to hand on, private
/// when the application keeps it in its own data folder. Also returns its pages.
fn write_copy(
    request: &CopyRequest<'_>,
    output: &Path,
    access: Access,
) -> Result<(SignedCopy, Pages), CopyError> {
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
    let copy = SignedCopy {
        path: output.to_path_buf(),
        incomplete: exported.incomplete,
        pages: exported.pages,
    };
    Ok((copy, exported.layout))
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
    /// The print system draws pages (Windows) and the file is not a copy whose pages this
    /// version can draw again.
    NotACopy(ReprintError),
    /// No printer was named and the system has no default one.
    NoDefaultPrinter,
    /// The print system failed (`printer`: the one asked for, empty while listing them).
    Print { printer: String, error: PrintError },
}

/// Prints `file` on `printer`, else on the system's default printer; `title` names the job;
/// `output`: write the printer's data there instead ([`Job::output`]). A system that draws pages
/// gets the copy's pages, laid out again from the file ([`pages_of_copy`]).
pub fn print_file(
    system: &dyn Printer,
    file: &Path,
    printer: Option<&str>,
    title: &str,
    output: Option<&Path>,
) -> Result<Printed, PrintFileError> {
    std::fs::metadata(file).map_err(PrintFileError::Unreadable)?;
    let pages = if system.draws_pages() {
        let bytes = super::verify::read_copy(file).map_err(|e| match e {
            super::verify::VerifyError::Io(e) => PrintFileError::Unreadable(e),
            e => PrintFileError::NotACopy(ReprintError::NotACopy(e)),
        })?;
        Some(pages_of_copy(&bytes).map_err(PrintFileError::NotACopy)?)
    } else {
        None
    };
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
    let job = Job {
        file,
        pages: pages.as_ref(),
        title,
        output,
    };
    match system.print(&printer, &job) {
        Ok(job) => Ok(Printed { printer, job }),
        Err(error) => Err(PrintFileError::Print { printer, error }),
    }
}

/// Why a copy was not printed: not made, or not printed (`printer`: the one asked for).
#[derive(Debug)]
pub enum PrintCopyError {
    Copy(CopyError),
    Print { printer: String, error: PrintError },
}

/// "Imprimer…": makes the signed copy in the data folder's `impressions` folder (kept, so that
/// what was printed can be found again), then prints it on `printer`. The job is named after the
/// copy's file, as `print FILE` names it: it says which designation and which day in the queue,
/// and it is plain ASCII without spaces (under Wine, a job title with a space made Debian 12's
/// cupsd crash, measured).
pub fn print_copy(
    request: &CopyRequest<'_>,
    data_dir: &Path,
    system: &dyn Printer,
    printer: &str,
) -> Result<Printed, PrintCopyError> {
    let dir = data_dir.join(PRINTED_COPIES_DIR);
    // A folder that cannot be made shows as the file that cannot be written, just after. The
    // copies kept there hold personal data and stay on this computer: owner only.
    let _ = crate::fsutil::create_private_dir(&dir);
    let name = super::default_file_name(request.draft, request.now.date());
    let (copy, pages) =
        write_copy(request, &dir.join(&name), Access::Private).map_err(PrintCopyError::Copy)?;
    let job = Job {
        file: &copy.path,
        pages: Some(&pages),
        title: &name,
        output: None,
    };
    match system.print(printer, &job) {
        Ok(job) => Ok(Printed {
            printer: printer.to_string(),
            job,
        }),
        Err(error) => Err(PrintCopyError::Print {
            printer: printer.to_string(),
            error,
        }),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::pdf::print::PrinterInfo;

    /// A job as the stand-in received it: printer, file, title, number of pages drawn.
    type Received = (String, PathBuf, String, Option<usize>);

    /// A print system with two queues, `B` the default, that records what it is given; `draws`:
    /// it prints pages, as Windows does, rather than files.
    #[derive(Default)]
    struct TwoQueues {
        draws: bool,
        jobs: Mutex<Vec<Received>>,
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

        fn draws_pages(&self) -> bool {
            self.draws
        }

        fn print(&self, printer: &str, job: &Job<'_>) -> Result<PrintJob, PrintError> {
            if printer != "A" && printer != "B" {
                return Err(PrintError::UnknownPrinter(printer.into()));
            }
            let mut jobs = self.jobs.lock().unwrap();
            jobs.push((
                printer.into(),
                job.file.into(),
                job.title.into(),
                job.pages.map(|p| p.pages.len()),
            ));
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
        let printed = print_file(&system, &file, Some("A"), "titre", None).unwrap();
        assert_eq!(printed.printer, "A");
        let printed = print_file(&system, &file, None, "titre", None).unwrap();
        assert_eq!(printed.printer, "B", "the default one");
        assert_eq!(printed.job.id, "B-2");
        let jobs = system.jobs.lock().unwrap();
        assert_eq!(jobs[1], ("B".into(), file.clone(), "titre".into(), None));
    }

    #[test]
    fn a_missing_file_or_an_unknown_printer_prints_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let system = TwoQueues::default();
        let missing = dir.path().join("absent.pdf");
        assert!(matches!(
            print_file(&system, &missing, None, "t", None),
            Err(PrintFileError::Unreadable(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
        let file = dir.path().join("copie.pdf");
        std::fs::write(&file, b"%PDF-1.7").unwrap();
        assert!(matches!(
            print_file(&system, &file, Some("C"), "t", None),
            Err(PrintFileError::Print { printer, error: PrintError::UnknownPrinter(_) }) if printer == "C"
        ));
        assert!(system.jobs.lock().unwrap().is_empty());
    }

    fn request<'a>(d: &'a Designation, data_dir: &Path) -> CopyRequest<'a> {
        CopyRequest {
            draft: d,
            paper: Paper::Letter,
            lang: Lang::Fr,
            now: time::macros::datetime!(2026-11-24 14:32:05 -05:00),
            signer: Signer::Installed {
                data_dir: data_dir.to_path_buf(),
                password: None,
            },
        }
    }

    #[test]
    fn a_system_that_draws_pages_gets_those_of_the_copy_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = Designation::new(time::OffsetDateTime::UNIX_EPOCH);
        let file = dir.path().join("copie.pdf");
        let copy = make_copy(&request(&d, dir.path()), &file).unwrap();
        let system = TwoQueues {
            draws: true,
            ..TwoQueues::default()
        };
        print_file(&system, &file, None, "t", None).unwrap();
        let jobs = system.jobs.lock().unwrap();
        assert_eq!(jobs[0].3, Some(copy.pages));
    }

    #[test]
    fn a_system_that_draws_pages_refuses_a_pdf_that_is_not_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("autre.pdf");
        std::fs::write(&file, b"%PDF-1.7\n").unwrap();
        let system = TwoQueues {
            draws: true,
            ..TwoQueues::default()
        };
        assert!(matches!(
            print_file(&system, &file, Some("A"), "t", None),
            Err(PrintFileError::NotACopy(ReprintError::NotACopy(_)))
        ));
        assert!(system.jobs.lock().unwrap().is_empty());
    }

    #[test]
    fn imprimer_gives_the_printer_the_copy_and_its_pages() {
        let dir = tempfile::tempdir().unwrap();
        let d = Designation::new(time::OffsetDateTime::UNIX_EPOCH);
        let system = TwoQueues::default();
        let printed = print_copy(&request(&d, dir.path()), dir.path(), &system, "A").unwrap();
        assert_eq!(printed.printer, "A");
        let jobs = system.jobs.lock().unwrap();
        assert!(jobs[0].1.starts_with(dir.path().join(PRINTED_COPIES_DIR)));
        assert_eq!(
            jobs[0].2, "designation-2026-11-24.pdf",
            "named after its file"
        );
        assert!(jobs[0].3.is_some_and(|n| n >= 1));
    }
}
