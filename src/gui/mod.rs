//! The desktop application (iced 0.14, tiny-skia): a face over the same services as the CLI.
//!
//! `App` holds the state; `update` turns messages into changes of the wizard (the core) and
//! into tasks; the `view` modules draw one screen each. Neither touches a file, a process or the
//! network: that work is in tasks, and file or process work runs through `work.rs` on tokio's
//! blocking pool.

pub mod access;
mod autosave;
mod drafts;
mod focus;
mod icon;
mod keys;
mod pdf;
pub mod picker;
mod screens;
pub mod sending;
mod signals;
mod theme;
mod verify;
mod visible;
mod widgets;
mod work;

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::operation;
use iced::{Element, Font, Size, Subscription, Task, Theme};
use time::OffsetDateTime;

use crate::designation::{Designation, Field, ManagerDetails, Step, normalize};
use crate::i18n::{Lang, Localizer};
use crate::lookup::{LookupError, NoEndpoint, UserLookup};
use crate::reference::Reference;
use crate::settings::Settings;
use crate::store::StoreError;
use crate::wizard::{Event, Outcome, Wizard};
use picker::OpenPicker;

use crate::dialogs::{FileDialogs, SystemDialogs};
pub use drafts::{Confirm, DraftMessage, Drafts, drafts_msg, export_name};
pub use pdf::{PdfMessage, pdf_msg};

/// The bundled font, so text shows on machines without system fonts (iced bundles none). The
/// same bytes as the PDF copy's: the files are in the program once.
const FONT_REGULAR: &[u8] = crate::pdf::fonts::REGULAR_TTF;
const FONT_BOLD: &[u8] = crate::pdf::fonts::BOLD_TTF;
pub const FONT: Font = Font::with_name("Noto Sans");
pub const FONT_BOLD_FACE: Font = Font {
    weight: iced::font::Weight::Bold,
    ..FONT
};

/// What the application needs from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--lang`, which wins over the settings.
    pub lang: Option<Lang>,
    pub config: Option<PathBuf>,
    /// `--data-dir` / `PIQM_DATA_DIR`: the drafts and the outbox.
    pub data_dir: Option<PathBuf>,
    /// `--endpoint` / `PIQM_ENDPOINT`, which wins over the settings.
    pub endpoint: Option<String>,
}

/// Opens the window and runs until it is closed.
pub fn run(options: Options) -> iced::Result {
    // The drafts folder is opened and its list read while iced starts (fonts, window): with
    // thousands of drafts the list is there for the first frame instead of arriving after it.
    let (app, listing) = App::from_options(&options).listing_early();
    let scale = app.scale_factor();
    let early = std::sync::Mutex::new(Some((app, listing)));
    let boot = move || {
        let taken = early.lock().ok().and_then(|mut e| e.take());
        let (app, listing) = taken.unwrap_or_else(|| (App::from_options(&options), None));
        App::boot(app, listing)
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        // The text size scales the whole window, text, room and rows alike: the layout reflows
        // as it would in a window that much smaller, and nothing drawn at a fixed size overlaps.
        .scale_factor(App::scale_factor)
        .subscription(App::subscription)
        .font(FONT_REGULAR)
        .font(FONT_BOLD)
        .default_font(FONT)
        .window(window_settings_at(scale))
        .run()
}

/// The window for a text size: iced opens it at its size times the scale, so the size asked
/// is divided by it, and the window opens as large on screen at 200 % as at 100 % (twice as
/// large, it would pass the edges of a 1366×768 screen). The minimum is not scaled by iced.
pub fn window_settings_at(scale: f32) -> iced::window::Settings {
    let settings = window_settings();
    iced::window::Settings {
        size: Size::new(settings.size.width / scale, settings.size.height / scale),
        ..settings
    }
}

/// The window. Closing it only asks: the draft on screen is saved first (drafts.rs), then the
/// window closes. (Set here, not with the builder's `exit_on_close_request`, which `.window()`
/// would overwrite.)
pub fn window_settings() -> iced::window::Settings {
    iced::window::Settings {
        size: Size::new(1024.0, 768.0),
        min_size: Some(Size::new(720.0, 520.0)),
        icon: icon::window_icon(),
        exit_on_close_request: false,
        // Windows and macOS: shown once the screen readers' adapter is in place (access/).
        visible: !access::OPENS_HIDDEN,
        // Without it iced sets an empty WM_CLASS and Wayland app id: the dock would show no icon
        // and could not match the window to the installed .desktop entry.
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: crate::APP_ID.to_string(),
            ..Default::default()
        },
        ..Default::default()
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    NewDesignation,
    Home,
    ToggleHelp,
    Escape,
    SwitchLanguage(Lang),
    SystemTheme(iced::theme::Mode),
    /// Ctrl+=, Ctrl+-, Ctrl+0, or the same buttons in Réglages.
    Zoom(crate::settings::Zoom),
    /// A theme chosen in Réglages (`None`: follow the system).
    ChooseTheme(Option<crate::settings::Theme>),
    /// The window's new size, in the window's units at the text size of the moment.
    WindowResized(Size),
    Edit(Field, String),
    PickerInput(Field, String),
    PickerChoose(Field, String),
    PickerMove(isize),
    PickerSubmit(Field),
    Continue,
    Back,
    Change(Step),
    Submit,
    FocusField(Field),
    FocusNext,
    FocusPrevious,
    /// After a focus move: what has focus now (for giving it back after Escape).
    Focused(Option<iced::widget::Id>),
    LookUp,
    LookedUp(String, Result<ManagerDetails, LookupError>),
    Drafts(Box<DraftMessage>),
    Notice(String),
    OpenSettings,
    SettingsEndpoint(String),
    SettingsToken(String),
    SaveSettings,
    TestConnection,
    OpenOutbox,
    /// "Envoyer maintenant": every waiting designation, due or not.
    SendNow,
    /// The timer: send what is due.
    OutboxTick,
    /// What a task of sending (outbox, settings, connection test) came back with.
    Sending(Box<sending::Reply>),
    OpenFromOutbox(uuid::Uuid),
    /// A new draft with the answers of the (sent) designation on screen.
    Duplicate,
    Pdf(Box<PdfMessage>),
    /// "Vérifier une copie…", then the file chosen (verify.rs).
    VerifyCopy,
    VerifyCopyFrom(crate::dialogs::DialogOutcome),
    /// SIGTERM, SIGINT or SIGHUP: save the draft on screen, then end (signals.rs).
    Terminate,
    /// The page scrolled or changed size: long lists measure again what is in view.
    PageScrolled,
    /// Where the page is and where its long lists begin (visible.rs).
    Measured(Option<visible::PageView>, visible::ListTops),
    /// News from the screen reader's side (access/).
    Access(access::Event),
    /// What is on screen now, read for the accessibility tree.
    Described(Arc<access::Snapshot>),
}

/// What the screen shows.
#[derive(Debug)]
pub enum Screen {
    Home,
    Wizard(Box<Wizard>),
    Settings,
    Outbox,
}

/// The state of the username look-up, shown under the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupStatus {
    Idle,
    Searching,
    Found,
    NotFound,
    Unavailable(LookupError),
}

pub struct App {
    pub l: Localizer,
    pub refs: &'static Reference,
    pub screen: Screen,
    pub picker: Option<OpenPicker>,
    pub help_open: bool,
    /// The window's width on screen, whatever the text size (iced reports sizes divided by
    /// the scale); until the window reports, the size it opens at.
    pub window_width: f32,
    pub theme_mode: iced::theme::Mode,
    pub lookup_status: LookupStatus,
    /// The control that had focus last, to give it back when a list or the help closes (a
    /// text input drops its focus on Escape).
    last_focus: Option<iced::widget::Id>,
    /// The row control that had focus last: given back after its row moves in the widget tree.
    focused_row: Option<visible::RowFocus>,
    /// The part of the page on screen and where its long lists begin (visible.rs).
    pub page: visible::PageView,
    pub list_tops: visible::ListTops,
    /// A one-line message at the top of the window (settings problems, saving errors).
    pub notice: Option<String>,
    pub drafts: Drafts,
    /// The outbox, the service and the settings screen.
    pub sending: sending::Sending,
    /// The signed PDF copy: export, print, open.
    pub pdf: pdf::PdfState,
    /// What screen readers are told (access/).
    pub access: access::Access,
    lookup: Arc<dyn UserLookup>,
    dialogs: Arc<dyn FileDialogs>,
    settings: Settings,
    settings_path: Option<PathBuf>,
}

impl App {
    /// A fresh application with no side effects (tests build it directly).
    pub fn new(lang: Lang, lookup: Arc<dyn UserLookup>) -> Self {
        App {
            l: Localizer::new(lang),
            refs: Reference::get(),
            screen: Screen::Home,
            picker: None,
            help_open: false,
            window_width: window_settings().size.width,
            theme_mode: iced::theme::Mode::Light,
            lookup_status: LookupStatus::Idle,
            last_focus: None,
            focused_row: None,
            page: visible::PageView::default(),
            list_tops: visible::ListTops::default(),
            notice: None,
            drafts: Drafts::default(),
            sending: sending::Sending::none(),
            pdf: pdf::PdfState::default(),
            access: access::Access::default(),
            lookup,
            dialogs: Arc::new(SystemDialogs),
            settings: Settings::default(),
            settings_path: None,
        }
    }

    /// Starts reading the drafts list on a thread of its own, before the window exists.
    fn listing_early(self) -> (Self, Option<drafts::EarlyListing>) {
        let early = self.drafts.store.clone().map(drafts::EarlyListing::start);
        (self, early)
    }

    fn boot(app: App, listing: Option<drafts::EarlyListing>) -> (Self, Task<Message>) {
        let list = match listing {
            Some(early) => early.task(),
            None => app.refresh_drafts(),
        };
        // The outbox works on the same drafts folder (one lock per process).
        let store = app.drafts.store.clone().ok_or(StoreError::NoDataFolder);
        let client = app.sending.client.clone();
        let mut app = app.with_sending(store, client);
        // At start-up, everything that waits is tried once, from the drafts list being read.
        app.sending.sweep_when_listed = app.drafts.store.is_some();
        (
            app,
            Task::batch([
                list,
                iced::system::theme().map(Message::SystemTheme),
                focus_on(HOME_PRIMARY.into()),
            ]),
        )
    }

    /// What the window does as it opens, without the early listing: the drafts list read, and
    /// from it the outbox and its start-up sweep (tests run it through their own executor).
    pub fn started(self) -> (Self, Task<Message>) {
        Self::boot(self, None)
    }

    /// The application as the command line asks for it: settings read (never failing),
    /// language from `--lang`, else the settings, else the system; the service from
    /// `--endpoint`, else the settings. No file is opened for writing here.
    pub fn from_options(options: &Options) -> Self {
        let settings_path = crate::paths::config_file(options.config.as_deref());
        let (settings, warnings) = match &settings_path {
            Some(path) => Settings::load(path),
            None => (Settings::default(), Vec::new()),
        };
        let lang = options
            .lang
            .or_else(|| settings.lang())
            .unwrap_or_else(Lang::from_system);
        let mut app = App::new(lang, Arc::new(NoEndpoint));
        let mut notices: Vec<String> = warnings.iter().map(|w| w.message(&app.l)).collect();
        match sending::client_for(&settings, options.endpoint.as_deref()) {
            Ok(client) => app.set_client(client),
            // A bad address from the settings is already among the warnings.
            Err(e) if options.endpoint.is_some() => notices.push(e.message(&app.l)),
            Err(_) => {}
        }
        app.notice = (!notices.is_empty()).then(|| notices.join("\n"));
        app.sending.endpoint_override = options.endpoint.clone();
        app.settings = settings;
        app.settings_path = settings_path;
        let (drafts, problem) = Drafts::open(options.data_dir.clone());
        app.drafts = drafts;
        if let Some(e) = problem {
            app.notice = Some(e.message(&app.l));
        }
        app
    }

    /// Answers file dialogs another way (tests, scripted runs).
    pub fn with_dialogs(mut self, dialogs: Arc<dyn FileDialogs>) -> Self {
        self.dialogs = dialogs;
        self
    }

    /// The window's title names the screen ("Accès PIQM — Étape 2 sur 5 — Organisme"): the
    /// taskbar and screen readers say where the user is.
    pub fn title(&self) -> String {
        access::tree::window_title(self)
    }

    pub fn theme(&self) -> Theme {
        theme::for_choice(self.settings.theme, self.theme_mode)
    }

    /// The window's scale: the text size of the settings (1.0 to 2.0).
    pub fn scale_factor(&self) -> f32 {
        self.settings.text_size().factor()
    }

    /// The window's width in the units the screens are laid out in (683 for 1366 pixels at
    /// 200 %).
    pub fn layout_width(&self) -> f32 {
        self.window_width / self.scale_factor()
    }

    /// The settings in force (what the settings screen shows).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn wizard(&self) -> Option<&Wizard> {
        match &self.screen {
            Screen::Wizard(w) => Some(w),
            _ => None,
        }
    }

    fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            iced::event::listen_with(keys::on_event),
            iced::window::close_requests().map(|id| drafts_msg(DraftMessage::CloseRequested(id))),
            iced::system::theme_changes().map(Message::SystemTheme),
            iced::window::resize_events().map(|(_, size)| Message::WindowResized(size)),
            self.outbox_subscription(),
            signals::subscription(),
            access::subscription(),
        ])
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        // Neither measuring nor reading the screen for screen readers changes it: the one
        // must not set off the other, or they would go on for ever.
        let measure = !matches!(message, Message::Measured(..) | Message::Described(_));
        let look = access::looks_again(&message);
        let task = self.handle(message);
        // A screen reader listening: the tree follows every change.
        let task = if look && self.access.is_active() {
            Task::batch([task, access::snapshot()])
        } else {
            task
        };
        // Whatever changed on the home screen may have moved its long lists.
        let task = if measure && matches!(self.screen, Screen::Home) {
            Task::batch([task, visible::measure_lists(Message::Measured)])
        } else {
            task
        };
        if self.drafts.dirty {
            // Every change to the draft on screen reaches the disk within a second.
            Task::batch([task, self.changed()])
        } else {
            task
        }
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::NewDesignation => {
                let remember = self.open_wizard(Designation::new(OffsetDateTime::now_utc()));
                Task::batch([remember, self.focus_first_field()])
            }
            Message::Home => self.leave_wizard().chain(focus_on(HOME_PRIMARY.into())),
            Message::Drafts(m) => {
                // A question replaces the row's actions: its answer takes the focus.
                let conflict =
                    |app: &Self| matches!(app.drafts.confirm, Some(Confirm::ImportConflict { .. }));
                let asks = matches!(*m, DraftMessage::AskDelete(_) | DraftMessage::AskEmptyTrash);
                let had_conflict = conflict(self);
                let task = self.drafts_update(*m);
                if asks || (!had_conflict && conflict(self)) {
                    task.chain(focus_on(CONFIRM_YES.into()))
                } else {
                    task
                }
            }
            Message::Notice(text) => {
                self.notice = Some(text);
                Task::none()
            }
            Message::ToggleHelp => {
                self.help_open = !self.help_open;
                Task::none()
            }
            Message::Escape => {
                if let Some(p) = self.picker.take() {
                    self.last_focus = Some(p.field.path().into());
                } else {
                    self.help_open = false;
                }
                // The text input that had focus dropped it on Escape: give it back.
                match self.last_focus.clone() {
                    Some(id) => focus_on(id),
                    None => Task::none(),
                }
            }
            Message::SwitchLanguage(lang) => {
                self.l = Localizer::new(lang);
                self.settings.langue = Some(lang);
                self.save_settings()
            }
            Message::SystemTheme(mode) => {
                self.theme_mode = mode;
                Task::none()
            }
            Message::Zoom(zoom) => {
                let size = self.settings.text_size().zoom(zoom);
                if size == self.settings.text_size() {
                    return Task::none();
                }
                self.settings.set_text_size(size);
                self.save_settings()
            }
            Message::WindowResized(size) => {
                self.window_width = size.width * self.scale_factor();
                Task::none()
            }
            Message::ChooseTheme(theme) => {
                if theme == self.settings.theme {
                    return Task::none();
                }
                self.settings.theme = theme;
                self.save_settings()
            }
            Message::Edit(field, value) => {
                self.last_focus = Some(field.path().into());
                self.apply(Event::Edit(field, value));
                if field == Field::ManagerUsername {
                    self.lookup_status = LookupStatus::Idle;
                }
                Task::none()
            }
            Message::PickerInput(field, query) => {
                self.last_focus = Some(field.path().into());
                self.picker = Some(OpenPicker {
                    field,
                    query,
                    highlight: 0,
                });
                Task::none()
            }
            Message::PickerChoose(field, code) => {
                self.picker = None;
                self.apply(Event::Edit(field, code));
                Task::none()
            }
            Message::PickerMove(delta) => {
                if let Some(p) = &self.picker {
                    let count = self
                        .picker_matches(p.field, &p.query)
                        .len()
                        .min(picker::MAX_SHOWN);
                    if let Some(p) = self.picker.as_mut().filter(|_| count > 0) {
                        let next = p.highlight as isize + delta;
                        p.highlight = next.rem_euclid(count as isize) as usize;
                    }
                }
                Task::none()
            }
            Message::PickerSubmit(field) => self.picker_submit(field),
            Message::Continue => self.continue_(),
            Message::Back => self.back(),
            Message::Change(step) => {
                self.picker = None;
                self.apply(Event::Change(step));
                self.focus_first_field()
            }
            Message::Submit => {
                self.picker = None;
                self.apply(Event::Submit);
                if self.wizard().is_some_and(|w| w.step() == Step::Sending) {
                    self.submit_queued()
                } else {
                    self.focus_first_problem()
                }
            }
            Message::FocusField(field) => focus_on(field.path().into()),
            Message::FocusNext => self
                .step_row_focus(1)
                .unwrap_or_else(|| focus::step(1).chain(reveal())),
            Message::FocusPrevious => self
                .step_row_focus(-1)
                .unwrap_or_else(|| focus::step(-1).chain(reveal())),
            Message::Focused(id) => {
                // A row control reported after a Tab: the row focus set by that Tab (or a later
                // one, whose report is still to come) stays; anything else ends row focus.
                let on_a_row = id
                    .as_ref()
                    .and_then(|id| screens::find_row_control(self, id));
                if self.focused_row.is_none() || on_a_row.is_none() {
                    self.focused_row = on_a_row;
                }
                self.last_focus = id;
                Task::none()
            }
            Message::PageScrolled => Task::none(),
            Message::Measured(page, tops) => self.measured(page, tops),
            Message::LookUp => self.look_up(),
            Message::LookedUp(username, result) => {
                self.lookup_status = match &result {
                    Ok(_) => LookupStatus::Found,
                    Err(LookupError::NotFound) => LookupStatus::NotFound,
                    Err(e) => LookupStatus::Unavailable(e.clone()),
                };
                match result {
                    Ok(details) => self.apply(Event::LookedUp { username, details }),
                    Err(LookupError::NotFound) => self.apply(Event::UsernameUnknown { username }),
                    Err(_) => Outcome::Ignored,
                };
                Task::none()
            }
            Message::OpenSettings => self.open_settings(),
            Message::SettingsEndpoint(s) => self.settings_endpoint(s),
            Message::SettingsToken(s) => self.settings_token(s),
            Message::SaveSettings => self.save_settings_form(),
            Message::TestConnection => self.test_connection(),
            Message::OpenOutbox => self.open_outbox(),
            Message::SendNow => self.refresh_outbox(sending::Sweep::All),
            Message::OutboxTick => self.refresh_outbox(sending::Sweep::Due),
            Message::Sending(reply) => self.sending_update(*reply),
            Message::OpenFromOutbox(id) => self.open_from_outbox(id),
            Message::Duplicate => self.duplicate(),
            Message::Pdf(m) => self.pdf_update(*m),
            Message::VerifyCopy => self.choose_copy_to_verify(),
            Message::VerifyCopyFrom(outcome) => self.verify_copy(outcome),
            Message::Terminate => self.terminate(),
            Message::Access(event) => {
                let activated = matches!(event, access::Event::Activated);
                let task = self.access.handle(event);
                if activated {
                    Task::batch([task, access::snapshot()])
                } else {
                    task
                }
            }
            Message::Described(snapshot) => {
                let built = access::tree::build(self, &snapshot);
                self.access.apply(built);
                Task::none()
            }
        }
    }

    /// Keeps what is measured; when other rows are built (or the same rows laid out another
    /// way, the page's width having changed), the focused row control keeps its focus (iced
    /// keeps focus by position in the widget tree, and the rows moved).
    fn measured(
        &mut self,
        page: Option<visible::PageView>,
        tops: visible::ListTops,
    ) -> Task<Message> {
        let built = |app: &Self| {
            (
                visible::List::ALL.map(|list| screens::built_rows(app, list)),
                screens::stacked(app),
            )
        };
        let before = built(self);
        if let Some(page) = page {
            self.page = page;
        }
        self.list_tops = tops;
        let target = self
            .focused_row
            .and_then(|f| screens::row_control_id(self, f));
        match target {
            Some(target) if built(self) != before => {
                visible::keep_focus(target, screens::row_controls(self))
            }
            _ => Task::none(),
        }
    }

    /// Tab and Shift+Tab among the rows of a long list go by row and control, not by widget
    /// position (rows are built and dropped as the page moves): the next row is built and
    /// brought into view first, then focused by its id. Past either end of the list, focus
    /// moves on as usual.
    fn step_row_focus(&mut self, delta: isize) -> Option<Task<Message>> {
        let f = self.focused_row?;
        let rows = screens::row_count(self, f.list);
        let next = f.step(delta, rows, screens::controls_per_row(f.list))?;
        let id = screens::row_control_id(self, next)?;
        self.focused_row = Some(next);
        let scroll = match screens::reveal_row(self, next) {
            Some(top) => {
                self.page.top = top;
                operation::scroll_to(
                    focus::PAGE,
                    iced::widget::scrollable::AbsoluteOffset {
                        x: None,
                        y: Some(top),
                    },
                )
            }
            None => Task::none(),
        };
        Some(scroll.chain(focus_on(id)))
    }

    fn apply(&mut self, event: Event) -> Outcome {
        let outcome = match &mut self.screen {
            Screen::Wizard(w) => w.apply(event, self.refs),
            _ => Outcome::Ignored,
        };
        // Continuer also normalizes answers when it is blocked: save whatever moved.
        if outcome != Outcome::Ignored {
            self.drafts.dirty = true;
        }
        outcome
    }

    fn continue_(&mut self) -> Task<Message> {
        self.picker = None;
        match self.wizard().map(Wizard::step) {
            // Sending cannot be undone: Enter sends only from the button itself (which takes
            // the key when it has focus); elsewhere on the review it leads to that button.
            Some(Step::Review) => focus_on(SUBMIT_BUTTON.into()),
            Some(_) => match self.apply(Event::Next) {
                Outcome::Blocked => self.focus_first_problem(),
                Outcome::Moved { .. } => self.focus_first_field(),
                _ => Task::none(),
            },
            None => Task::none(),
        }
    }

    fn back(&mut self) -> Task<Message> {
        self.picker = None;
        match self.wizard().map(Wizard::step) {
            Some(Step::Choice) | None => self.leave_wizard(),
            Some(_) => {
                self.apply(Event::Back);
                self.focus_first_field()
            }
        }
    }

    fn picker_submit(&mut self, field: Field) -> Task<Message> {
        match self.picker.take() {
            Some(p) if p.field == field => {
                let found = self.picker_matches(field, &p.query);
                match found.get(p.highlight).or(found.first()) {
                    Some(choice) => {
                        self.apply(Event::Edit(field, choice.code.clone()));
                        Task::none()
                    }
                    None => {
                        // Nothing matches: keep what was typed on screen.
                        self.picker = Some(p);
                        Task::none()
                    }
                }
            }
            // Enter on a picker that is not being typed into: Continuer.
            _ => self.continue_(),
        }
    }

    pub fn picker_matches(&self, field: Field, query: &str) -> Vec<picker::Choice> {
        match self.wizard() {
            Some(w) => picker::matches(field, query, w.draft(), self.refs, &self.l),
            None => Vec::new(),
        }
    }

    fn look_up(&mut self) -> Task<Message> {
        let Some(w) = self.wizard() else {
            return Task::none();
        };
        let Some(username) = normalize::username(&w.draft().manager.username) else {
            // The format problem shows like any other: through Continuer's validation.
            return Task::done(Message::Continue);
        };
        self.lookup_status = LookupStatus::Searching;
        let future = self.lookup.lookup(&username);
        Task::perform(future, move |result| {
            Message::LookedUp(username.clone(), result)
        })
    }

    fn focus_first_problem(&self) -> Task<Message> {
        match self.wizard().and_then(|w| w.problems().first()) {
            Some(p) => focus_on(p.field.path().into()),
            None => Task::none(),
        }
    }

    pub(crate) fn focus_first_field(&self) -> Task<Message> {
        let first = self
            .wizard()
            .and_then(|w| Field::of_step(w.step()).find(|f| !f.is_looked_up()));
        match first {
            Some(f) => focus_on(f.path().into()),
            // The review and the outcome pages: the top of the page, nothing focused (iced
            // keeps focus by position in the widget tree: the last step's Continuer would
            // become whatever the new page has there — "Envoyer", for Enter to send).
            None => iced::advanced::widget::operate(
                iced::advanced::widget::operation::focusable::unfocus(),
            )
            .chain(scroll_to_top()),
        }
    }

    /// Where the settings are kept, if anywhere.
    pub fn settings_file(&self) -> Option<&std::path::Path> {
        self.settings_path.as_deref()
    }

    pub fn view(&self) -> Element<'_, Message> {
        screens::view(self)
    }
}

/// The id of "Envoyer la désignation" on the review.
pub const SUBMIT_BUTTON: &str = "submit";
/// The id of the answer that goes ahead in a question ("Oui, le mettre à la corbeille").
pub const CONFIRM_YES: &str = "confirm_yes";
/// The id of the home screen's main action ("Reprendre", else "Nouvelle désignation").
pub const HOME_PRIMARY: &str = "home_primary";

/// Brings the page to its top.
fn scroll_to_top() -> Task<Message> {
    operation::scroll_to(
        focus::PAGE,
        iced::widget::scrollable::AbsoluteOffset {
            x: None,
            y: Some(0.0),
        },
    )
}

/// Gives focus to a control and scrolls the page to it.
pub(crate) fn focus_on(id: iced::widget::Id) -> Task<Message> {
    operation::focus(id).chain(reveal())
}

/// Scrolls the page to the focused control and remembers it.
pub(crate) fn reveal() -> Task<Message> {
    focus::reveal(Message::Focused)
}
