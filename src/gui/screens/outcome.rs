//! After "Envoyer": sending, waiting in the outbox, confirmed with the numéro, or refused.

use iced::Element;
use iced::widget::Column;

use super::widgets::{hint, note, paragraph, primary_button, secondary_button, status, title};
use crate::designation::Step;
use crate::gui::{App, Message};
use crate::submit::outbox::KEY_REUSED;
use crate::submit::words::refusal_lines;
use crate::wizard::Wizard;

pub fn view<'a>(app: &'a App, w: &'a Wizard) -> Element<'a, Message> {
    let l = &app.l;
    let d = w.draft();
    let mut page = Column::new().spacing(18);
    page = page.push(title(l.t(w.step().title_id())));
    match w.step() {
        Step::Sending => {
            page = page.push(status(paragraph(l.t("sending-body"))));
            page = page.push(hint(l.t("sending-wait")));
        }
        Step::Queued => {
            page = page.push(status(paragraph(l.t("queued-body"))));
            if app.sending.client.is_none() {
                page = page.push(hint(l.t("queued-no-endpoint")));
            }
            let entry = d.outbox.as_ref();
            if let Some(f) = entry.and_then(|o| o.last_failure.as_ref()) {
                page = page.push(note(
                    l.t_args(
                        "outbox-item-failure",
                        &[("reason", l.t(f.code.message_id()).into())],
                    ),
                    true,
                ));
                if !f.detail.is_empty() {
                    page = page.push(hint(
                        l.t_args("failure-detail", &[("detail", f.detail.clone().into())]),
                    ));
                }
                page = page.push(hint(super::outbox::next_try(
                    entry.and_then(|o| o.next_attempt),
                    time::OffsetDateTime::now_utc(),
                    l,
                )));
            }
            page = page.push(secondary_button(l.t("outbox-open"), Message::OpenOutbox));
        }
        Step::Confirmed => {
            page = page.push(status(note(l.t("confirmed-thanks"), false)));
            if let Some(receipt) = &d.receipt {
                let date = l.long_date_time(receipt.recu_le);
                page = page.push(paragraph(l.t_args(
                    "confirmed-number",
                    &[
                        ("numero", receipt.numero.clone().into()),
                        ("date", date.into()),
                    ],
                )));
            }
            page = page.push(paragraph(l.t("confirmed-next")));
            page = page.push(hint(l.t("confirmed-read-only")));
            page = page.push(secondary_button(l.t("duplicate"), Message::Duplicate));
        }
        _ => {
            if let Some(refusal) = &d.refusal {
                let lines = refusal_lines(refusal, l)
                    .into_iter()
                    .map(|line| note(line, true));
                page = page.push(status(Column::with_children(lines).spacing(18)));
            }
            if d.refusal.as_ref().is_some_and(|r| r.code == KEY_REUSED) {
                // These answers can only go under a new id: the way out is a copy.
                page = page.push(secondary_button(l.t("duplicate"), Message::Duplicate));
            } else {
                page = page.push(paragraph(l.t("refused-body")));
                page = page.push(secondary_button(l.t("refused-fix"), Message::Back));
            }
        }
    }
    if w.step() != Step::Sending {
        // A copy to keep or to sign by hand, also once sent (it then shows the numéro).
        page = page.push(crate::gui::pdf::view::actions(app));
    }
    page.push(primary_button(l.t("home-return"), Message::Home))
        .into()
}
