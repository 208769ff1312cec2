//! After "Envoyer": sending, waiting in the outbox, confirmed with the numéro, or refused.

use iced::Element;
use iced::widget::Column;

use super::widgets::{hint, note, paragraph, primary_button, secondary_button, title};
use crate::designation::Step;
use crate::gui::{App, Message};
use crate::wizard::Wizard;

pub fn view<'a>(app: &'a App, w: &'a Wizard) -> Element<'a, Message> {
    let l = &app.l;
    let d = w.draft();
    let mut page = Column::new().spacing(18);
    page = page.push(title(l.t(w.step().title_id())));
    match w.step() {
        Step::Sending => {
            page = page.push(paragraph(l.t("sending-body")));
        }
        Step::Queued => {
            page = page.push(paragraph(l.t("queued-body")));
            page = page.push(hint(l.t("queued-no-endpoint")));
        }
        Step::Confirmed => {
            page = page.push(note(l.t("confirmed-thanks"), false));
            if let Some(receipt) = &d.receipt {
                let date = receipt
                    .recu_le
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
                page = page.push(paragraph(l.t_args(
                    "confirmed-number",
                    &[
                        ("numero", receipt.numero.clone().into()),
                        ("date", date.into()),
                    ],
                )));
            }
            page = page.push(paragraph(l.t("confirmed-next")));
        }
        _ => {
            if let Some(refusal) = &d.refusal {
                page = page.push(note(refusal.message.clone(), true));
            }
            page = page.push(paragraph(l.t("refused-body")));
            page = page.push(secondary_button(l.t("refused-fix"), Message::Back));
        }
    }
    page.push(primary_button(l.t("home-return"), Message::Home))
        .into()
}
