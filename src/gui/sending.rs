//! The window's side of sending: the outbox (sent at once, at start-up, on a timer and on
//! "Envoyer maintenant"), the settings screen, its connection test and the settings file.
//! Every network and file call runs in a task (file work on the blocking pool); the rules and
//! the use cases live in `crate::submit`.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use iced::{Subscription, Task};
use time::OffsetDateTime;
use uuid::Uuid;

use super::work::blocking;
use super::{App, DraftMessage, Message, Screen, drafts_msg};
use crate::designation::{Designation, Status, Step};
use crate::lookup::{NoEndpoint, UserLookup};
use crate::settings::Settings;
use crate::store::{DraftStore, DraftSummary, IoProblem, StoreError};
use crate::submit::outbox::{self, CONCURRENCY};
use crate::submit::{
    Attempt, AttemptError, AttemptResult, Client, ConnectionCheck, Endpoint, Outbox, Submitted,
    submit_designation,
};
use crate::wizard::{Event, Wizard};

/// How often the window checks whether a waiting designation is due.
pub const TICK: Duration = Duration::from_secs(15);

/// Which waiting designations to send once the outbox is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sweep {
    /// None: only refresh the view.
    Nothing,
    /// Those whose next attempt has come (the timer).
    Due,
    /// All of them (start-up, "Envoyer maintenant").
    All,
}

/// What the tasks of sending come back with. This module owns them: the window's `Message`
/// only carries them to [`App::sending_update`].
#[derive(Debug, Clone)]
pub enum Reply {
    OutboxRead(Sweep, Result<Vec<Designation>, StoreError>),
    Sent(Vec<Result<Attempt, AttemptError>>),
    /// What "Envoyer la désignation" did.
    Submitted(Box<Result<Submitted, AttemptError>>),
    ConnectionTested(ConnectionCheck),
    /// The settings file was written (or why not).
    SettingsSaved(Result<(), IoProblem>),
}

fn reply(r: Reply) -> Message {
    Message::Sending(Box::new(r))
}

/// The settings screen's fields and the connection test.
#[derive(Debug, Clone, Default)]
pub struct SettingsForm {
    pub endpoint: String,
    pub token: String,
    /// The refusal of the address typed, shown under the field.
    pub endpoint_error: Option<String>,
    pub test: ConnectionTest,
    pub saved: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ConnectionTest {
    #[default]
    NotRun,
    Running,
    Done(ConnectionCheck),
}

/// What the window knows of sending.
pub struct Sending {
    pub store: Option<Arc<DraftStore>>,
    /// Why there is no store (another instance holds the folder, a disk problem).
    pub store_error: Option<StoreError>,
    pub client: Option<Client>,
    /// `--endpoint` / `PIQM_ENDPOINT`, which wins over the settings until an address is saved.
    pub endpoint_override: Option<String>,
    /// The outbox as last read: waiting and refused designations.
    pub items: Vec<Designation>,
    /// The start-up sweep waits for the drafts list: the outbox is read from it.
    pub sweep_when_listed: bool,
    /// Designations being sent right now (never two attempts of one at a time).
    pub in_flight: HashSet<Uuid>,
    pub form: SettingsForm,
    /// What the last sending did to each designation it tried, said on the outbox screen.
    pub last_run: Vec<RunLine>,
    /// Writing the settings file.
    pub saving: SettingsSaving,
}

/// One designation's result in the last sending: "Ville de Lévis : envoyée, numéro …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunLine {
    pub text: String,
    /// Refused, or still waiting: shown as a warning.
    pub warning: bool,
}

fn name_of(d: &Designation, l: &crate::i18n::Localizer) -> String {
    if d.organization.name.trim().is_empty() {
        l.t("draft-unnamed")
    } else {
        d.organization.name.clone()
    }
}

impl RunLine {
    /// Not sent: answers to correct; it is a brouillon again.
    fn problems(d: &Designation, l: &crate::i18n::Localizer) -> RunLine {
        RunLine {
            text: l.t_args("outbox-run-problems", &[("name", name_of(d, l).into())]),
            warning: true,
        }
    }

    fn of(d: &Designation, l: &crate::i18n::Localizer) -> RunLine {
        let name = name_of(d, l);
        let (id, extra, warning) = match d.status {
            Status::Sent => (
                "outbox-run-sent",
                d.receipt
                    .as_ref()
                    .map(|r| r.numero.clone())
                    .unwrap_or_default(),
                false,
            ),
            Status::Refused => ("outbox-run-refused", String::new(), true),
            _ => (
                "outbox-run-waiting",
                d.outbox
                    .as_ref()
                    .and_then(|o| o.last_failure.as_ref())
                    .map(|f| l.t(f.code.message_id()))
                    .unwrap_or_else(|| l.t("outbox-run-no-answer")),
                true,
            ),
        };
        RunLine {
            text: l.t_args(id, &[("name", name.into()), ("detail", extra.into())]),
            warning,
        }
    }
}

/// The settings file's writes, one at a time.
#[derive(Debug, Clone, Default)]
pub struct SettingsSaving {
    writing: bool,
    /// They changed during the write: write them again after it.
    again: bool,
    /// "Enregistrer" on the settings screen is among what is being written.
    form: bool,
}

impl Sending {
    pub fn none() -> Sending {
        Sending {
            store: None,
            store_error: None,
            client: None,
            endpoint_override: None,
            items: Vec::new(),
            sweep_when_listed: false,
            in_flight: HashSet::new(),
            last_run: Vec::new(),
            form: SettingsForm::default(),
            saving: SettingsSaving::default(),
        }
    }

    pub fn waiting(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.status == Status::Queued)
            .count()
    }

    /// The outbox of the drafts folder; none when there is no folder, or when another instance
    /// holds it (that one sends: a read-only folder could record no attempt).
    fn outbox(&self) -> Option<Outbox> {
        self.store
            .clone()
            .filter(|store| !store.is_read_only())
            .map(|store| Outbox::new(store, self.client.clone()))
    }
}

/// The client for these settings and the command line's `--endpoint`; the refusal in words.
pub fn client_for(
    settings: &Settings,
    overridden: Option<&str>,
) -> Result<Option<Client>, crate::submit::EndpointError> {
    match settings.endpoint(overridden) {
        None => Ok(None),
        Some(Err(e)) => Err(e),
        Some(Ok(endpoint)) => Ok(Client::new(endpoint, settings.token()).ok()),
    }
}

impl App {
    /// Connects the window to a data folder and a service (the command line's choices, the
    /// settings); `None` for the store leaves the outbox unavailable, with the reason shown.
    pub fn with_sending(
        mut self,
        store: Result<Arc<DraftStore>, StoreError>,
        client: Option<Client>,
    ) -> Self {
        match store {
            Ok(store) => self.sending.store = Some(store),
            Err(e) => self.sending.store_error = Some(e),
        }
        self.set_client(client);
        self
    }

    pub(super) fn set_client(&mut self, client: Option<Client>) {
        self.lookup = match &client {
            Some(c) => Arc::new(c.clone()) as Arc<dyn UserLookup>,
            None => Arc::new(NoEndpoint),
        };
        self.sending.client = client;
    }

    pub(super) fn sending_update(&mut self, r: Reply) -> Task<Message> {
        match r {
            Reply::OutboxRead(sweep, result) => self.outbox_read(sweep, result),
            Reply::Sent(results) => self.sent(results),
            Reply::Submitted(result) => self.submitted(*result),
            Reply::ConnectionTested(check) => {
                self.sending.form.test = ConnectionTest::Done(check);
                Task::none()
            }
            Reply::SettingsSaved(result) => self.settings_saved(result),
        }
    }

    pub(super) fn open_outbox(&mut self) -> Task<Message> {
        self.screen = Screen::Outbox;
        self.picker = None;
        // The page scrollable is the same for every screen: a new screen starts at its top.
        Task::batch([self.refresh_outbox(Sweep::Nothing), super::scroll_to_top()])
    }

    /// Reads the outbox, then sends what `sweep` asks for.
    pub fn refresh_outbox(&self, sweep: Sweep) -> Task<Message> {
        let Some(outbox) = self.sending.outbox() else {
            return Task::none();
        };
        blocking(
            move || outbox.contents(),
            move |result| reply(Reply::OutboxRead(sweep, result)),
        )
    }

    /// The outbox read from a drafts list just read (the start-up's: one listing for both).
    pub(super) fn read_outbox_among(&self, drafts: &[DraftSummary], sweep: Sweep) -> Task<Message> {
        let Some(outbox) = self.sending.outbox() else {
            return Task::none();
        };
        let candidates: Vec<DraftSummary> = drafts
            .iter()
            .filter(|s| outbox::in_outbox(s))
            .cloned()
            .collect();
        blocking(
            move || outbox.contents_among(&candidates),
            move |result| reply(Reply::OutboxRead(sweep, result)),
        )
    }

    fn outbox_read(
        &mut self,
        sweep: Sweep,
        result: Result<Vec<Designation>, StoreError>,
    ) -> Task<Message> {
        let items = match result {
            Ok(items) => items,
            Err(e) => {
                self.notice = Some(e.message(&self.l));
                return Task::none();
            }
        };
        self.sending.items = items;
        let now = OffsetDateTime::now_utc();
        let ids: Vec<Uuid> = match sweep {
            Sweep::Nothing => Vec::new(),
            Sweep::Due => outbox::due(&self.sending.items, now),
            Sweep::All => self
                .sending
                .items
                .iter()
                .filter(|d| d.status == Status::Queued)
                .map(|d| d.id)
                .collect(),
        };
        // Nothing is sent while no service is configured: the view says so.
        if self.sending.client.is_none() {
            return Task::none();
        }
        self.send(ids)
    }

    /// Sends these designations (those not already on their way), a few at a time.
    fn send(&mut self, ids: Vec<Uuid>) -> Task<Message> {
        let ids: Vec<Uuid> = ids
            .into_iter()
            .filter(|id| self.sending.in_flight.insert(*id))
            .collect();
        let Some(outbox) = self.sending.outbox().filter(|_| !ids.is_empty()) else {
            return Task::none();
        };
        Task::perform(
            async move { outbox.send_many(ids, CONCURRENCY).await },
            |results| reply(Reply::Sent(results)),
        )
    }

    /// "Envoyer la désignation": the wizard has checked it and shows "Envoi…"; the use case
    /// puts it in the outbox and tries to send it.
    pub(super) fn submit_queued(&mut self) -> Task<Message> {
        let Some(w) = self.wizard() else {
            return Task::none();
        };
        let d = w.draft().clone();
        let Some(outbox) = self.sending.outbox() else {
            // No drafts folder (another instance holds it): it cannot wait anywhere safe.
            self.apply(Event::Deferred);
            return Task::none();
        };
        self.sending.in_flight.insert(d.id);
        Task::perform(
            async move { submit_designation(&outbox, d).await },
            |result| reply(Reply::Submitted(Box::new(result))),
        )
    }

    /// What submitting did: the wizard follows the designation as now on disk.
    fn submitted(&mut self, result: Result<Submitted, AttemptError>) -> Task<Message> {
        match result {
            Ok(Submitted::Attempted(attempt)) => self.sent(vec![Ok(attempt)]),
            Err(e) => self.sent(vec![Err(e)]),
            Ok(Submitted::AlreadySent(d)) => {
                self.sending.in_flight.remove(&d.id);
                self.follow(d);
                self.refresh_outbox(Sweep::Nothing)
            }
            Ok(Submitted::Problems(_)) => {
                // The wizard checked the same rules just before: only reachable if they changed
                // in between. Back to the review, which reopens at the step to correct.
                if let Screen::Wizard(w) = &mut self.screen {
                    let mut d = w.draft().clone();
                    self.sending.in_flight.remove(&d.id);
                    d.status = Status::Draft;
                    d.step = Step::Review;
                    **w = Wizard::resume(d, self.refs);
                }
                Task::none()
            }
        }
    }

    fn sent(&mut self, results: Vec<Result<Attempt, AttemptError>>) -> Task<Message> {
        let mut lines = Vec::new();
        for result in results {
            match result {
                Ok(attempt) => {
                    self.sending.in_flight.remove(&attempt.draft.id);
                    lines.push(match &attempt.result {
                        AttemptResult::Problems(_) => RunLine::problems(&attempt.draft, &self.l),
                        _ => RunLine::of(&attempt.draft, &self.l),
                    });
                    self.follow(attempt.draft);
                }
                Err(AttemptError { id, error }) => {
                    self.sending.in_flight.remove(&id);
                    self.notice = Some(error.message(&self.l));
                    if self.wizard().is_some_and(|w| w.draft().id == id) {
                        self.apply(Event::Deferred);
                    }
                }
            }
        }
        if !lines.is_empty() {
            self.sending.last_run = lines;
        }
        self.refresh_outbox(Sweep::Nothing)
    }

    /// The wizard on screen follows its draft's new state (confirmed, waiting, refused).
    fn follow(&mut self, draft: Designation) {
        if let Screen::Wizard(w) = &mut self.screen
            && w.draft().id == draft.id
        {
            **w = Wizard::resume(draft, self.refs);
            // What is on screen is what the outbox just wrote.
            self.drafts.dirty = false;
        }
    }

    /// Opens a designation of the outbox: a refused one to correct it, a waiting one to see it.
    pub(super) fn open_from_outbox(&mut self, id: Uuid) -> Task<Message> {
        let Some(d) = self.sending.items.iter().find(|d| d.id == id).cloned() else {
            return Task::none();
        };
        self.open_wizard(d)
    }

    /// "Dupliquer" on a sent designation: a new draft with the same answers, opened once written.
    pub(super) fn duplicate(&mut self) -> Task<Message> {
        let (Some(store), Some(w)) = (self.sending.store.clone(), self.wizard()) else {
            return Task::none();
        };
        let id = w.draft().id;
        blocking(
            move || store.duplicate(id),
            |r| drafts_msg(DraftMessage::Opened(r)),
        )
    }

    pub(super) fn open_settings(&mut self) -> Task<Message> {
        self.sending.form = SettingsForm {
            endpoint: self.settings.adresse_service.clone().unwrap_or_default(),
            token: self.settings.jeton.clone().unwrap_or_default(),
            ..SettingsForm::default()
        };
        self.screen = Screen::Settings;
        Task::batch([self.read_identity(), super::scroll_to_top()])
    }

    pub(super) fn settings_endpoint(&mut self, typed: String) -> Task<Message> {
        let form = &mut self.sending.form;
        form.endpoint = typed;
        form.endpoint_error = None;
        form.saved = false;
        form.test = ConnectionTest::NotRun;
        Task::none()
    }

    pub(super) fn settings_token(&mut self, typed: String) -> Task<Message> {
        let form = &mut self.sending.form;
        form.token = typed;
        form.saved = false;
        form.test = ConnectionTest::NotRun;
        Task::none()
    }

    /// The address typed, checked; `Ok(None)` when empty (sending turned off).
    fn typed_endpoint(&self) -> Result<Option<Endpoint>, String> {
        let typed = self.sending.form.endpoint.trim();
        if typed.is_empty() {
            return Ok(None);
        }
        Endpoint::parse(typed)
            .map(Some)
            .map_err(|e| e.message(&self.l))
    }

    pub(super) fn save_settings_form(&mut self) -> Task<Message> {
        let endpoint = match self.typed_endpoint() {
            Ok(e) => e,
            Err(message) => {
                self.sending.form.endpoint_error = Some(message);
                return Task::none();
            }
        };
        self.sending.form.endpoint_error = None;
        let token = self.sending.form.token.trim().to_string();
        let typed = self.sending.form.endpoint.trim().to_string();
        self.settings.adresse_service = endpoint.as_ref().map(|_| typed);
        self.settings.jeton = (!token.is_empty()).then_some(token);
        self.sending.form.saved = false;
        self.sending.saving.form = true;
        let save = self.save_settings();
        self.sending.endpoint_override = None;
        let client = endpoint.and_then(|e| Client::new(e, self.settings.token()).ok());
        self.set_client(client);
        // A new address may be the one that answers: try what waits.
        Task::batch([save, self.refresh_outbox(Sweep::All)])
    }

    /// Writes the settings as they are now, in the background, one write at a time (so an
    /// older one never lands after a newer one). They apply at once either way.
    pub(super) fn save_settings(&mut self) -> Task<Message> {
        let Some(path) = self.settings_path.clone() else {
            return Task::done(reply(Reply::SettingsSaved(Ok(()))));
        };
        if self.sending.saving.writing {
            self.sending.saving.again = true;
            return Task::none();
        }
        self.sending.saving.writing = true;
        let settings = self.settings.clone();
        blocking(
            move || settings.save(&path).map_err(IoProblem::from),
            |result| reply(Reply::SettingsSaved(result)),
        )
    }

    /// A write of the settings ended: the next one if they changed meanwhile, else the outcome.
    fn settings_saved(&mut self, result: Result<(), IoProblem>) -> Task<Message> {
        self.sending.saving.writing = false;
        if std::mem::take(&mut self.sending.saving.again) {
            return self.save_settings();
        }
        let form = std::mem::take(&mut self.sending.saving.form);
        match result {
            Ok(()) => {
                self.notice = None;
                self.sending.form.saved = form;
            }
            Err(problem) => {
                let path = self.settings_path.clone().unwrap_or_default();
                let sentence = self.l.t_args(
                    "notice-settings-unsaved",
                    &[
                        ("path", path.display().to_string().into()),
                        ("reason", problem.reason(&self.l).into()),
                    ],
                );
                self.notice = Some(self.l.with_detail(sentence, &problem.detail));
            }
        }
        Task::none()
    }

    pub(super) fn test_connection(&mut self) -> Task<Message> {
        let endpoint = match self.typed_endpoint() {
            Ok(Some(e)) => e,
            Ok(None) => {
                self.sending.form.endpoint_error =
                    Some(crate::submit::EndpointError::Empty.message(&self.l));
                return Task::none();
            }
            Err(message) => {
                self.sending.form.endpoint_error = Some(message);
                return Task::none();
            }
        };
        self.sending.form.endpoint_error = None;
        let token = Some(self.sending.form.token.trim().to_string());
        let Ok(client) = Client::new(endpoint, token) else {
            return Task::none();
        };
        self.sending.form.test = ConnectionTest::Running;
        Task::perform(async move { client.test_connection().await }, |check| {
            reply(Reply::ConnectionTested(check))
        })
    }

    /// The timer runs while something waits: it checks every 15 s what is due.
    pub(super) fn outbox_subscription(&self) -> Subscription<Message> {
        if self.sending.waiting() > 0 && self.sending.client.is_some() {
            iced::time::every(TICK).map(|_| Message::OutboxTick)
        } else {
            Subscription::none()
        }
    }
}
