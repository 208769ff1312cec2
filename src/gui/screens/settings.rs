//! "Réglages": the text size and the colours, the address of the sending service, the token,
//! and "Tester la connexion".

use iced::widget::{Column, column, container, row, text, text_input};
use iced::{Element, Length};

use super::widgets::{
    BODY_SIZE, heading, hint, link_button, note, paragraph, primary_button, secondary_button,
    secondary_button_maybe, title,
};
use crate::gui::sending::ConnectionTest;
use crate::gui::{App, FONT_BOLD_FACE, Message};
use crate::settings::{TextSize, Theme, Zoom};
use crate::submit::ConnectionCheck;
use crate::submit::words::failure_sentence;

/// The inputs' width, or the page's if less.
const INPUT_WIDTH: f32 = 560.0;

pub fn view(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    let form = &app.sending.form;
    let mut page = Column::new().spacing(18);
    page = page.push(link_button(l.t("back"), Message::Back));
    page = page.push(title(l.t("settings-title")));
    page = page.push(display(app));
    page = page.push(heading(l.t("settings-service")));
    page = page.push(paragraph(l.t("settings-intro")));

    let mut endpoint = column![
        text(l.t("settings-endpoint"))
            .size(BODY_SIZE)
            .font(FONT_BOLD_FACE),
        hint(l.t("settings-endpoint-hint")),
    ]
    .spacing(4);
    if let Some(error) = &form.endpoint_error {
        endpoint = endpoint.push(
            text(error.clone())
                .size(BODY_SIZE)
                .font(FONT_BOLD_FACE)
                .style(crate::gui::theme::danger),
        );
    }
    endpoint = endpoint.push(
        container(
            text_input("https://", &form.endpoint)
                .style(crate::gui::widgets::input_style)
                .id("settings.endpoint")
                .on_input(Message::SettingsEndpoint)
                .on_submit(Message::SaveSettings)
                .padding(8)
                .size(BODY_SIZE)
                .width(Length::Fill),
        )
        .max_width(INPUT_WIDTH),
    );
    page = page.push(endpoint);
    if let Some(address) = &app.sending.endpoint_override {
        page = page.push(note(
            l.t_args(
                "settings-endpoint-override",
                &[("address", address.clone().into())],
            ),
            false,
        ));
    }

    let token = column![
        text(format!("{} {}", l.t("settings-token"), l.t("optional")))
            .size(BODY_SIZE)
            .font(FONT_BOLD_FACE),
        hint(l.t("settings-token-hint")),
        container(
            text_input("", &form.token)
                .style(crate::gui::widgets::input_style)
                .id("settings.token")
                .secure(true)
                .on_input(Message::SettingsToken)
                .on_submit(Message::SaveSettings)
                .padding(8)
                .size(BODY_SIZE)
                .width(Length::Fill)
        )
        .max_width(INPUT_WIDTH),
    ]
    .spacing(4);
    page = page.push(token);

    page = page.push(
        row![
            primary_button(l.t("settings-save"), Message::SaveSettings),
            secondary_button(l.t("settings-test"), Message::TestConnection),
        ]
        .spacing(16)
        .wrap()
        .vertical_spacing(8),
    );
    if form.saved {
        page = page.push(note(l.t("settings-saved"), false));
    }
    match &form.test {
        ConnectionTest::NotRun => {}
        ConnectionTest::Running => page = page.push(paragraph(l.t("settings-testing"))),
        ConnectionTest::Done(ConnectionCheck::Ok { elapsed }) => {
            let ms = elapsed.as_millis() as u64;
            page = page.push(note(
                l.t_args("settings-test-ok", &[("ms", ms.into())]),
                false,
            ));
        }
        ConnectionTest::Done(ConnectionCheck::Unauthorized { detail }) => {
            page = page.push(note(
                l.t_args(
                    "settings-test-unauthorized",
                    &[("detail", detail.clone().into())],
                ),
                true,
            ));
        }
        ConnectionTest::Done(ConnectionCheck::Failed(f)) => {
            page = page.push(note(failure_sentence("settings-test-failed", f, l), true));
        }
    }
    page = page.push(heading(l.t("settings-identity-title")));
    if let Some(identity) = &app.pdf.identity {
        page = page.push(paragraph(identity.clone()));
    }
    page = page.push(hint(l.t("settings-identity-hint")));
    if let Some(path) = app.settings_file() {
        page = page.push(hint(l.t_args(
            "settings-file",
            &[("path", path.display().to_string().into())],
        )));
    }
    page.into()
}

/// "Affichage": the text size with its keys, and the colours. Each choice applies and is kept
/// at once, as the keys do.
fn display(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    let settings = app.settings();
    let size = settings.text_size();
    let zoom = |zoom: Zoom| (size.zoom(zoom) != size).then_some(Message::Zoom(zoom));
    let sizes = row![
        secondary_button_maybe(l.t("settings-text-smaller"), zoom(Zoom::Smaller)),
        secondary_button_maybe(l.t("settings-text-larger"), zoom(Zoom::Larger)),
        secondary_button_maybe(
            l.t("settings-text-normal"),
            (size != TextSize::NORMAL).then_some(Message::Zoom(Zoom::Reset))
        ),
    ]
    .spacing(12)
    .wrap()
    .vertical_spacing(8);
    let theme_name = |theme: Option<Theme>| {
        l.t(match theme {
            None => "settings-theme-system",
            Some(Theme::Light) => "settings-theme-light",
            Some(Theme::Dark) => "settings-theme-dark",
            Some(Theme::Contrast) => "settings-theme-contrast",
        })
    };
    // The one in force is said in words above the buttons and shown as the main action.
    let themes = [
        None,
        Some(Theme::Light),
        Some(Theme::Dark),
        Some(Theme::Contrast),
    ]
    .map(|t| {
        if t == settings.theme {
            primary_button(theme_name(t), Message::ChooseTheme(t))
        } else {
            secondary_button(theme_name(t), Message::ChooseTheme(t))
        }
    });
    column![
        heading(l.t("settings-display")),
        column![
            bold(l.t_args("settings-text-size", &[("percent", size.percent().into())])),
            hint(l.t("settings-text-size-hint")),
        ]
        .spacing(4),
        sizes,
        column![
            bold(l.t_args(
                "settings-theme",
                &[("theme", theme_name(settings.theme).into())]
            )),
            hint(l.t("settings-theme-hint")),
        ]
        .spacing(4),
        iced::widget::Row::with_children(themes)
            .spacing(12)
            .wrap()
            .vertical_spacing(8),
    ]
    .spacing(12)
    .into()
}

fn bold(s: String) -> Element<'static, Message> {
    text(s).size(BODY_SIZE).font(FONT_BOLD_FACE).into()
}
