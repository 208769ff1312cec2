//! The help panel, reachable from every screen (F1, Escape closes it): how the form works and
//! whom to call, as the ministry's page gives it.

use iced::widget::{column, container, scrollable, text};
use iced::{Element, Length};

use super::widgets::{BODY_SIZE, SMALL_SIZE, heading, paragraph, secondary_button};
use crate::gui::{App, FONT_BOLD_FACE, Message};

/// The panel, `width` wide (beside the page, or in its place).
pub fn view(app: &App, width: Length) -> Element<'_, Message> {
    let l = &app.l;
    let content = column![
        heading(l.t("help-title")),
        paragraph(l.t("help-how")),
        text(l.t("help-contact-title"))
            .size(BODY_SIZE)
            .font(FONT_BOLD_FACE),
        text(crate::contact::Contact::get().text(l)).size(SMALL_SIZE),
        text(l.t("help-keys-title"))
            .size(BODY_SIZE)
            .font(FONT_BOLD_FACE),
        text(l.t("help-keys")).size(SMALL_SIZE),
        secondary_button(l.t("help-close"), Message::ToggleHelp),
    ]
    .spacing(12);
    container(scrollable(container(content).padding(20)))
        .width(width)
        .height(Length::Fill)
        .style(crate::gui::theme::help_panel)
        .into()
}
