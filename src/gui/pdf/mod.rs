//! The signed PDF copy from the window: "Exporter en PDF" (save dialog), "Imprimer" (choose a
//! printer), "Ouvrir" (the default viewer). The work is `crate::pdf::copy`'s use cases, run off
//! the UI thread (`work::blocking`); the password of an organisational certificate is asked in
//! the window when the use case says it is needed, and never kept.

use std::path::PathBuf;

use iced::Task;
use time::OffsetDateTime;

use super::work::blocking;
use super::{App, Message};
use crate::designation::Designation;
use crate::dialogs::{DialogOutcome, Filter};
use crate::i18n::{Lang, Localizer};
use crate::pdf::copy::{PrintCopyError, print_copy};
use crate::pdf::print::{PrintError, PrinterInfo, open_in_viewer, system_printer};
use crate::pdf::{self, CopyError, CopyRequest, IdentityStatus, IdentityStore, Paper, Signer};
use crate::store::IoProblem;

#[derive(Debug, Clone)]
pub enum PdfMessage {
    Export,
    ExportTo(DialogOutcome),
    Print,
    PrintersListed(Result<Vec<PrinterInfo>, PrintError>),
    PrintTo(String),
    Password(String),
    PasswordSubmit,
    Cancel,
    Done(Result<Done, Failed>),
    Open(PathBuf),
    /// Whether the viewer could be started.
    Opened(PathBuf, Result<(), IoProblem>),
    /// Which identity signs, read for the settings screen; or why it cannot be, in words.
    IdentityRead(Result<IdentityStatus, String>),
}

/// What a finished job tells the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Exported { path: PathBuf, incomplete: bool },
    Printed { printer: String },
}

/// Why a job did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failed {
    /// The organisational certificate needs its password: ask, then make this copy.
    PasswordNeeded(Target),
    /// Anything else, in words.
    Words(String),
}

/// Where a copy goes once made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    Printer(String),
}

#[derive(Debug, Default)]
pub struct PdfState {
    /// Printers to choose from, while choosing.
    pub printers: Option<Vec<PrinterInfo>>,
    /// A copy waiting for the certificate's password.
    pub waiting: Option<Target>,
    pub password: String,
    pub busy: bool,
    /// The last file written, for "Ouvrir".
    pub last: Option<PathBuf>,
    /// The outcome of the last job, in words.
    pub status: Option<(bool, String)>,
    /// The signing identity, in words, for the settings screen (read when it opens).
    pub identity: Option<String>,
}

pub fn pdf_msg(m: PdfMessage) -> Message {
    Message::Pdf(Box::new(m))
}

/// Makes the signed copy and sends it to its target, through the use cases; blocks (run it
/// with `work::blocking`). The outcome is put into words here, in the window's language.
fn make_copy(
    d: Designation,
    data_dir: Option<PathBuf>,
    lang: Lang,
    password: Option<String>,
    target: Target,
) -> Result<Done, Failed> {
    let l = Localizer::new(lang);
    let data_dir = data_dir.ok_or_else(|| Failed::Words(l.t("pdf-no-data-dir")))?;
    let request = CopyRequest {
        draft: &d,
        paper: Paper::Letter,
        lang,
        now: crate::clock::local(OffsetDateTime::now_utc()),
        signer: Signer::Installed {
            data_dir: data_dir.clone(),
            password,
        },
    };
    let asked = target.clone();
    let failed = |e: CopyError| {
        if e.needs_password() {
            Failed::PasswordNeeded(asked.clone())
        } else {
            Failed::Words(copy_failed(&e, &l))
        }
    };
    match target {
        Target::File(path) => pdf::make_copy(&request, &path)
            .map(|copy| Done::Exported {
                path: copy.path,
                incomplete: copy.incomplete,
            })
            .map_err(failed),
        Target::Printer(printer) => {
            let system = system_printer();
            match print_copy(&request, &data_dir, system.as_ref(), &printer) {
                Ok(printed) => Ok(Done::Printed {
                    printer: printed.printer,
                }),
                Err(PrintCopyError::Copy(e)) => Err(failed(e)),
                Err(PrintCopyError::Print { printer, error }) => {
                    Err(Failed::Words(print_error(&error, &printer, &l)))
                }
            }
        }
    }
}

fn copy_failed(e: &CopyError, l: &Localizer) -> String {
    match e {
        CopyError::Identity { error, path } => error.message(l, path.as_deref()),
        CopyError::Pdf(e) => l.t_args(e.message_id(), &[("detail", e.to_string().into())]),
        CopyError::Write { path, error } => {
            let problem = IoProblem::from(error);
            let sentence = l.t_args(
                "pdf-unwritable",
                &[
                    ("path", path.display().to_string().into()),
                    ("reason", problem.reason(l).into()),
                ],
            );
            l.with_detail(sentence, &problem.detail)
        }
    }
}

fn print_error(e: &PrintError, printer: &str, l: &Localizer) -> String {
    l.t_args(
        e.message_id(),
        &[
            ("printer", printer.to_string().into()),
            ("detail", e.detail().into()),
        ],
    )
}

/// Which identity signs the copies, for the settings screen; blocks.
fn identity_status(data_dir: Option<PathBuf>, lang: Lang) -> Result<IdentityStatus, String> {
    let l = Localizer::new(lang);
    let dir = data_dir.ok_or_else(|| l.t("pdf-no-data-dir"))?;
    IdentityStore::new(&dir)
        .status()
        .map_err(|e| e.message(&l, None))
}

impl App {
    /// Reads which identity signs the copies, for the settings screen.
    pub(super) fn read_identity(&mut self) -> Task<Message> {
        self.pdf.identity = None;
        let (dir, lang) = (self.data_dir(), self.l.lang());
        blocking(
            move || identity_status(dir, lang),
            |r| pdf_msg(PdfMessage::IdentityRead(r)),
        )
    }

    fn identity_read(&mut self, result: Result<IdentityStatus, String>) {
        let l = &self.l;
        let line = match result {
            Ok(IdentityStatus::None) => l.t("settings-identity-none"),
            Ok(IdentityStatus::SelfSigned(info)) => l.t_args(
                "settings-identity-self-signed",
                &[
                    ("name", info.common_name.into()),
                    ("fingerprint", info.fingerprint.into()),
                ],
            ),
            Ok(IdentityStatus::Organization(info)) => {
                let problem = info.validity_problem(time::OffsetDateTime::now_utc());
                let line = l.t_args(
                    "settings-identity",
                    &[
                        ("name", info.common_name.into()),
                        ("issuer", info.issuer.into()),
                        ("fingerprint", info.fingerprint.into()),
                    ],
                );
                match problem {
                    Some(e) => format!("{line} {}", e.message(l, None)),
                    None => line,
                }
            }
            Err(message) => message,
        };
        self.pdf.identity = Some(line);
    }

    fn data_dir(&self) -> Option<PathBuf> {
        self.drafts
            .store
            .as_ref()
            .map(|s| s.data_dir().to_path_buf())
    }

    /// Starts the copy; the use case says when the certificate's password must be asked first.
    fn copy_to(&mut self, target: Target) -> Task<Message> {
        let Some(d) = self.wizard().map(|w| w.draft().clone()) else {
            return Task::none();
        };
        let password = self
            .pdf
            .waiting
            .take()
            .map(|_| std::mem::take(&mut self.pdf.password));
        let (dir, lang) = (self.data_dir(), self.l.lang());
        self.pdf.busy = true;
        self.pdf.status = None;
        blocking(
            move || make_copy(d, dir, lang, password, target),
            |r| pdf_msg(PdfMessage::Done(r)),
        )
    }

    /// A copy finished: say where it went, or why not; or ask for the certificate's password.
    fn done(&mut self, result: Result<Done, Failed>) {
        self.pdf.busy = false;
        let l = &self.l;
        self.pdf.status = match result {
            Ok(Done::Exported { path, incomplete }) => {
                let id = if incomplete {
                    "pdf-saved-draft"
                } else {
                    "pdf-saved"
                };
                let text = l.t_args(id, &[("path", path.display().to_string().into())]);
                self.pdf.last = Some(path);
                Some((true, text))
            }
            Ok(Done::Printed { printer }) => {
                Some((true, l.t_args("print-sent", &[("printer", printer.into())])))
            }
            Err(Failed::PasswordNeeded(target)) => {
                self.pdf.waiting = Some(target);
                self.pdf.password.clear();
                None
            }
            Err(Failed::Words(message)) => Some((false, message)),
        };
    }

    pub(super) fn pdf_update(&mut self, message: PdfMessage) -> Task<Message> {
        match message {
            PdfMessage::Export => {
                let Some(w) = self.wizard() else {
                    return Task::none();
                };
                let today = crate::clock::local(OffsetDateTime::now_utc()).date();
                let name = pdf::default_file_name(w.draft(), today);
                let filter = Filter {
                    name: self.l.t("dialog-filter-pdf"),
                    extensions: vec!["pdf".into()],
                };
                let future = self
                    .dialogs
                    .save(self.l.t("dialog-pdf-title"), name, filter);
                Task::perform(future, |o| pdf_msg(PdfMessage::ExportTo(o)))
            }
            PdfMessage::ExportTo(DialogOutcome::Chosen(path)) => self.copy_to(Target::File(path)),
            PdfMessage::ExportTo(DialogOutcome::Unavailable) => {
                self.pdf.status = Some((false, self.l.t("dialog-pdf-unavailable")));
                Task::none()
            }
            PdfMessage::ExportTo(DialogOutcome::Cancelled) => Task::none(),
            PdfMessage::Print => {
                self.pdf.busy = true;
                blocking(
                    || system_printer().printers(),
                    |r| pdf_msg(PdfMessage::PrintersListed(r)),
                )
            }
            PdfMessage::PrintersListed(result) => {
                self.pdf.busy = false;
                match result {
                    Ok(list) if !list.is_empty() => self.pdf.printers = Some(list),
                    Ok(_) => self.pdf.status = Some((false, self.l.t("print-none"))),
                    Err(e) => self.pdf.status = Some((false, print_error(&e, "", &self.l))),
                }
                Task::none()
            }
            PdfMessage::PrintTo(printer) => {
                self.pdf.printers = None;
                self.copy_to(Target::Printer(printer))
            }
            PdfMessage::Password(p) => {
                self.pdf.password = p;
                Task::none()
            }
            PdfMessage::PasswordSubmit => match self.pdf.waiting.clone() {
                Some(target) => self.copy_to(target),
                None => Task::none(),
            },
            PdfMessage::Cancel => {
                self.pdf.waiting = None;
                self.pdf.printers = None;
                self.pdf.password.clear();
                Task::none()
            }
            PdfMessage::Done(result) => {
                self.done(result);
                Task::none()
            }
            PdfMessage::Open(path) => blocking(
                move || {
                    let result = open_in_viewer(&path).map_err(IoProblem::from);
                    (path, result)
                },
                |(path, result)| pdf_msg(PdfMessage::Opened(path, result)),
            ),
            PdfMessage::Opened(_, Ok(())) => Task::none(),
            PdfMessage::Opened(path, Err(problem)) => {
                let sentence = self.l.t_args(
                    "pdf-open-failed",
                    &[("path", path.display().to_string().into())],
                );
                self.pdf.status = Some((false, self.l.with_detail(sentence, &problem.detail)));
                Task::none()
            }
            PdfMessage::IdentityRead(result) => {
                self.identity_read(result);
                Task::none()
            }
        }
    }
}

pub mod view;
