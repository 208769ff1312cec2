//! "Vérifier une copie…": a file dialog, then [`crate::pdf::verify`] off the UI thread, and its
//! result in words (the same lines as `piqm-acces verify`) in the window's notice panel.

use iced::Task;

use super::work::blocking;
use super::{App, Message};
use crate::dialogs::{DialogOutcome, Filter};
use crate::pdf::verify;

impl App {
    /// Asks which copy to verify.
    pub(super) fn choose_copy_to_verify(&self) -> Task<Message> {
        let filter = Filter {
            name: self.l.t("dialog-filter-copy"),
            extensions: vec!["pdf".into()],
        };
        let future = self.dialogs.open(self.l.t("dialog-verify-title"), filter);
        Task::perform(future, Message::VerifyCopyFrom)
    }

    /// Verifies the chosen copy against this data folder's identity; the words replace the
    /// notice.
    pub(super) fn verify_copy(&mut self, outcome: DialogOutcome) -> Task<Message> {
        let path = match outcome {
            DialogOutcome::Chosen(path) => path,
            DialogOutcome::Cancelled => return Task::none(),
            DialogOutcome::Unavailable => {
                self.notice = Some(self.l.t("dialog-unavailable"));
                return Task::none();
            }
        };
        let data_dir = self.store().map(|s| s.data_dir().to_path_buf());
        let lang = self.l.lang();
        blocking(
            move || {
                let l = crate::i18n::Localizer::new(lang);
                let known = data_dir
                    .as_deref()
                    .map(verify::Known::of)
                    .unwrap_or_default();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let title = l.t_args("verify-panel-title", &[("name", name.into())]);
                let body = match verify::read_copy(&path)
                    .and_then(|bytes| verify::verify_bytes(&bytes, &known))
                {
                    Ok(report) => verify::lines(&report, &l).join("\n"),
                    Err(e) => verify::error_words(&e, &path, &l),
                };
                format!("{title}\n{body}")
            },
            Message::Notice,
        )
    }
}
