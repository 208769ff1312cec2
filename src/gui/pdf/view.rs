//! The copy's actions and their state, for the review and the outcome screens.

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
    // Onto a second line rather than squeezed, in a narrow window or with large text.
    c = c.push(buttons.wrap().vertical_spacing(8));
    if state.waiting.is_some() {
        c = c.push(hint(l.t("pdf-password-label")));
        c = c.push(
            row![
                text_input("", &state.password)
                    .style(crate::gui::widgets::input_style)
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
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(8),
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
