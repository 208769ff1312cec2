//! One module per screen; `view` frames the current one with the header and the help panel.

mod help;
mod home;
pub(super) use home::{
    built_rows, controls_per_row, find_row_control, reveal_row, row_control_id, row_controls,
    row_count, stacked,
};
mod outbox;
mod outcome;
mod review;
mod settings;
mod steps;

use iced::widget::{button, column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length};

use super::widgets::{self, BODY_SIZE};
use super::{App, FONT_BOLD_FACE, Message, Screen, focus, theme};
use crate::designation::Step;
use crate::i18n::Lang;

/// The readable width of the page: long lines are hard to read.
const PAGE_WIDTH: f32 = 760.0;
/// The help panel's width beside the page.
const HELP_WIDTH: f32 = 340.0;
/// Below this width the help takes the page's place instead of squeezing it beside itself
/// (a 1366-pixel screen at 200 % is 683 wide, which would leave the page 343).
const HELP_BESIDE_MIN: f32 = 900.0;

pub fn view(app: &App) -> Element<'_, Message> {
    let notice: Element<'_, Message> = match &app.notice {
        Some(notice) => {
            widgets::status(container(widgets::note(notice.clone(), true)).padding([8, 16]))
        }
        None => space::horizontal().height(0).into(),
    };
    super::keys::zoom_keys(column![header(app), notice, frame(app, app.layout_width())]).into()
}

/// The page and, when open, the help: beside it in a wide window; in a narrow one in its
/// place (the page is built again when the help closes, and Escape gives the focus back to
/// the field that had it, by its id).
fn frame(app: &App, width: f32) -> Element<'_, Message> {
    if app.help_open && width < HELP_BESIDE_MIN {
        return row![help::view(app, Length::Fill), space::horizontal().width(0)]
            .height(Length::Fill)
            .into();
    }
    let page: Element<'_, Message> = match &app.screen {
        Screen::Home => home::view(app),
        Screen::Wizard(w) => match w.step() {
            Step::Review => review::view(app, w),
            s if s.is_question() => steps::view(app, w),
            _ => outcome::view(app, w),
        },
        Screen::Settings => settings::view(app),
        Screen::Outbox => outbox::view(app),
    };
    let page = container(container(page).max_width(PAGE_WIDTH).padding([24, 32]))
        .width(Length::Fill)
        .center_x(Length::Fill);
    let body = scrollable(page)
        .id(focus::PAGE)
        // Long lists build the rows in view (visible.rs): they follow the page's position.
        .on_scroll(|_| Message::PageScrolled)
        .height(Length::Fill)
        .width(Length::Fill);
    // Every part keeps its place whether it shows or not (the notice, the help panel): iced
    // keeps focus, cursors and the scroll offset by position in the widget tree.
    let help: Element<'_, Message> = if app.help_open {
        help::view(app, Length::Fixed(HELP_WIDTH))
    } else {
        space::horizontal().width(0).into()
    };
    row![body, help].height(Length::Fill).into()
}

/// The dark-blue band: the application's name, the language switch and the help button.
fn header(app: &App) -> Element<'_, Message> {
    let other = match app.l.lang() {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    let band_button = |label: String, message: Message| {
        let b = button(text(label).size(BODY_SIZE))
            .padding([6, 12])
            .style(theme::band_button)
            .on_press(message.clone());
        focus::focusable(b, Some(message)).ring(focus::Ring::Band)
    };
    // The buttons go onto a second line rather than past the window's edge (large text in a
    // narrow window).
    let buttons = row![
        band_button(outbox_label(app), Message::OpenOutbox),
        band_button(app.l.t("settings-open"), Message::OpenSettings),
        band_button(app.l.t("switch-language"), Message::SwitchLanguage(other)),
        band_button(app.l.t("help-button"), Message::ToggleHelp),
    ]
    .spacing(12)
    .wrap()
    .vertical_spacing(8)
    .align_x(iced::alignment::Horizontal::Right);
    let content = row![
        text(app.l.t("app-name"))
            .size(20)
            .font(FONT_BOLD_FACE)
            .color(iced::Color::WHITE),
        space::horizontal(),
        buttons,
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    super::access::mark(
        super::access::Mark::Banner,
        container(content)
            .padding([12, 24])
            .width(Length::Fill)
            .style(theme::band_container),
    )
}

/// "File d'envoi", with how many wait and whether some are on their way.
fn outbox_label(app: &App) -> String {
    let waiting = app.sending.waiting();
    let id = if !app.sending.in_flight.is_empty() {
        "outbox-button-sending"
    } else if waiting > 0 {
        "outbox-button-waiting"
    } else {
        "outbox-button"
    };
    app.l.t_args(id, &[("count", waiting.into())])
}
