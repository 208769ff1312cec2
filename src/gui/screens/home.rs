//! The home screen: what the application is for, "Nouvelle désignation", and the drafts.

use iced::Element;
use iced::widget::column;

use super::widgets::{heading, hint, paragraph, primary_button, title};
use crate::gui::{App, Message};

pub fn view(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    column![
        title(l.t("home-title")),
        paragraph(l.t("home-intro")),
        paragraph(l.t("home-needs")),
        primary_button(l.t("home-new"), Message::NewDesignation),
        heading(l.t("home-drafts")),
        hint(l.t("home-no-drafts")),
    ]
    .spacing(18)
    .into()
}
