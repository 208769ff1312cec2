//! The signed PDF copy from the window: "Exporter en PDF" (save dialog), "Imprimer" (choose a
//! printer), "Ouvrir" (the default viewer). The work runs in tasks; the password of an
//! organisational certificate is asked in the window and never kept.

use std::path::PathBuf;

use iced::Task;
use time::OffsetDateTime;

use super::{App, Message};
use crate::designation::Designation;
use crate::dialogs::{DialogOutcome, Filter};
use crate::i18n::Localizer;
use crate::pdf::print::{PrintError, PrinterInfo, open_in_viewer, system_printer};
use crate::pdf::{self, ExportOptions, IdentityStore, Paper, Subject};

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
    Done(Result<Done, String>),
    Open(PathBuf),
}

/// What a finished job tells the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Exported { path: PathBuf, incomplete: bool },
    Printed { printer: String },
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

/// Makes the signed copy and sends it to its target; runs off the UI thread.
fn make_copy(
    d: Designation,
    data_dir: Option<PathBuf>,
    lang: crate::i18n::Lang,
    password: Option<String>,
    target: Target,
) -> Result<Done, String> {
    let l = Localizer::new(lang);
    let data_dir = data_dir.ok_or_else(|| l.t("cli-no-data-dir"))?;
    let now = crate::clock::local(OffsetDateTime::now_utc());
    let identity = IdentityStore::new(&data_dir)
        .signing_identity(&Subject::of(&d), now, password.as_deref())
        .map_err(|e| e.message(&l, None))?;
    let options = ExportOptions {
        paper: Paper::Letter,
        lang,
        now,
    };
    let exported = pdf::export(&d, &options, &identity)
        .map_err(|e| l.t_args(e.message_id(), &[("detail", e.to_string().into())]))?;
    let path = match &target {
        Target::File(path) => path.clone(),
        Target::Printer(_) => {
            let name = pdf::default_file_name(&d, now.date());
            data_dir.join("impressions").join(name)
        }
    };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    pdf::write_file(&path, &exported.bytes).map_err(|e| {
        l.t_args(
            "cli-export-unwritable",
            &[
                ("path", path.display().to_string().into()),
                ("reason", e.to_string().into()),
            ],
        )
    })?;
    match target {
        Target::File(path) => Ok(Done::Exported {
            path,
            incomplete: exported.incomplete,
        }),
        Target::Printer(printer) => {
            let title = l.t("app-title");
            system_printer()
                .print(&printer, &path, &title)
                .map_err(|e| {
                    l.t_args(
                        e.message_id(),
                        &[
                            ("printer", printer.clone().into()),
                            ("detail", e.detail().into()),
                        ],
                    )
                })?;
            Ok(Done::Printed { printer })
        }
    }
}

impl App {
    /// Reads which identity signs the copies, for the settings screen.
    pub(super) fn read_identity(&mut self) {
        use crate::pdf::IdentityStatus;
        let l = &self.l;
        let line = match self.data_dir().map(|dir| IdentityStore::new(&dir).status()) {
            None => l.t("cli-no-data-dir"),
            Some(Ok(IdentityStatus::None)) => l.t("settings-identity-none"),
            Some(Ok(IdentityStatus::SelfSigned(info) | IdentityStatus::Organization(info))) => l
                .t_args(
                    "settings-identity",
                    &[
                        ("name", info.common_name.into()),
                        ("issuer", info.issuer.into()),
                        ("fingerprint", info.fingerprint.into()),
                    ],
                ),
            Some(Err(e)) => e.message(l, None),
        };
        self.pdf.identity = Some(line);
    }

    fn data_dir(&self) -> Option<PathBuf> {
        self.drafts
            .store
            .as_ref()
            .map(|s| s.data_dir().to_path_buf())
    }

    fn needs_password(&self) -> bool {
        self.data_dir()
            .is_some_and(|dir| IdentityStore::new(&dir).needs_password())
    }

    /// Starts the copy, or first asks for the certificate's password.
    fn copy_to(&mut self, target: Target) -> Task<Message> {
        if self.needs_password() && self.pdf.waiting.is_none() {
            self.pdf.waiting = Some(target);
            self.pdf.password.clear();
            return Task::none();
        }
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
        Task::perform(
            async move { make_copy(d, dir, lang, password, target) },
            |r| pdf_msg(PdfMessage::Done(r)),
        )
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
                Task::perform(async { system_printer().printers() }, |r| {
                    pdf_msg(PdfMessage::PrintersListed(r))
                })
            }
            PdfMessage::PrintersListed(result) => {
                self.pdf.busy = false;
                match result {
                    Ok(list) if !list.is_empty() => self.pdf.printers = Some(list),
                    Ok(_) => self.pdf.status = Some((false, self.l.t("print-none"))),
                    Err(e) => {
                        let message = self.l.t_args(
                            e.message_id(),
                            &[
                                ("printer", String::new().into()),
                                ("detail", e.detail().into()),
                            ],
                        );
                        self.pdf.status = Some((false, message));
                    }
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
                self.pdf.busy = false;
                self.pdf.status = Some(match result {
                    Ok(Done::Exported { path, incomplete }) => {
                        let id = if incomplete {
                            "pdf-saved-draft"
                        } else {
                            "pdf-saved"
                        };
                        let text = self
                            .l
                            .t_args(id, &[("path", path.display().to_string().into())]);
                        self.pdf.last = Some(path);
                        (true, text)
                    }
                    Ok(Done::Printed { printer }) => (
                        true,
                        self.l.t_args("print-sent", &[("printer", printer.into())]),
                    ),
                    Err(message) => (false, message),
                });
                Task::none()
            }
            PdfMessage::Open(path) => {
                if let Err(e) = open_in_viewer(&path) {
                    let text = self.l.t_args(
                        "pdf-open-failed",
                        &[
                            ("path", path.display().to_string().into()),
                            ("reason", e.to_string().into()),
                        ],
                    );
                    self.pdf.status = Some((false, text));
                }
                Task::none()
            }
        }
    }
}

/// The copy's actions and their state, for the review and the outcome screens.
pub mod view {
    use iced::widget::{Column, row, text, text_input};
    use iced::{Alignment, Element};

    use super::{PdfMessage, pdf_msg};
    use crate::gui::App;
    use crate::gui::Message;
    use crate::gui::widgets::{
        BODY_SIZE, hint, link_button, note, secondary_button, secondary_button_maybe,
    };

    pub fn actions(app: &App) -> Element<'_, Message> {
        let l = &app.l;
        let state = &app.pdf;
        let mut c = Column::new().spacing(10);
        let mut buttons = row![].spacing(12).align_y(Alignment::Center);
        // The buttons stay while the copy is made (disabled), so the one with focus keeps it.
        let idle = |m: PdfMessage| (!state.busy).then(|| pdf_msg(m));
        buttons = buttons
            .push(secondary_button_maybe(
                l.t("pdf-export-button"),
                idle(PdfMessage::Export),
            ))
            .push(secondary_button_maybe(
                l.t("pdf-print-button"),
                idle(PdfMessage::Print),
            ));
        if state.busy {
            buttons = buttons.push(text(l.t("pdf-working")).size(BODY_SIZE));
        }
        if let Some(path) = &state.last {
            buttons = buttons.push(link_button(
                l.t("pdf-open-button"),
                pdf_msg(PdfMessage::Open(path.clone())),
            ));
        }
        c = c.push(buttons);
        if state.waiting.is_some() {
            c = c.push(hint(l.t("pdf-password-label")));
            c = c.push(
                row![
                    text_input("", &state.password)
                        .id("p12_password")
                        .secure(true)
                        .on_input(|p| pdf_msg(PdfMessage::Password(p)))
                        .on_submit(pdf_msg(PdfMessage::PasswordSubmit))
                        .padding(8)
                        .size(BODY_SIZE)
                        .width(260),
                    secondary_button(
                        l.t("pdf-password-submit"),
                        pdf_msg(PdfMessage::PasswordSubmit)
                    ),
                    link_button(l.t("cancel"), pdf_msg(PdfMessage::Cancel)),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
            );
        }
        if let Some(printers) = &state.printers {
            c = c.push(hint(l.t("print-choose")));
            let mut list = Column::new().spacing(4);
            for p in printers {
                let label = if p.is_default {
                    l.t_args("print-default", &[("printer", p.name.clone().into())])
                } else {
                    p.name.clone()
                };
                list = list.push(link_button(
                    label,
                    pdf_msg(PdfMessage::PrintTo(p.name.clone())),
                ));
            }
            c = c
                .push(list)
                .push(link_button(l.t("cancel"), pdf_msg(PdfMessage::Cancel)));
        }
        if let Some((ok, message)) = &state.status {
            c = c.push(note(message.clone(), !ok));
        }
        c.into()
    }
}
