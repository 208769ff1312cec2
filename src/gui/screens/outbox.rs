//! "File d'envoi": what waits, what was refused and why, when the next try is; "Envoyer maintenant".

use fluent_bundle::FluentValue;
use iced::widget::{Column, column, container, row, text};
use iced::{Alignment, Element, Length};
use time::OffsetDateTime;

use super::widgets::{
    BODY_SIZE, heading, hint, link_button, note, paragraph, primary_button_maybe, title,
};
use crate::designation::{Designation, Status};
use crate::gui::{App, FONT_BOLD_FACE, Message};
use crate::i18n::Localizer;
use crate::submit::words::{field_error_words, refusal_message};

pub fn view(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    let s = &app.sending;
    let mut page = Column::new().spacing(18);
    page = page.push(link_button(l.t("back"), Message::Back));
    page = page.push(title(l.t("outbox-title")));
    page = page.push(paragraph(l.t("outbox-intro")));
    if let Some(e) = &s.store_error {
        page = page.push(note(e.message(l), true));
    } else if s.store.as_ref().is_some_and(|store| store.is_read_only()) {
        page = page.push(note(l.t("outbox-read-only"), true));
    }
    if s.client.is_none() {
        page = page.push(note(l.t("outbox-no-endpoint"), true));
        page = page.push(link_button(l.t("settings-open"), Message::OpenSettings));
    }
    let waiting = s.waiting();
    let send_now = primary_button_maybe(
        l.t("outbox-send-now"),
        (waiting > 0 && s.client.is_some()).then_some(Message::SendNow),
    );
    let mut actions = row![send_now].spacing(16).align_y(Alignment::Center);
    if !s.in_flight.is_empty() {
        actions = actions.push(paragraph(l.t_args(
            "outbox-sending",
            &[("count", FluentValue::from(s.in_flight.len()))],
        )));
    }
    page = page.push(actions.wrap().vertical_spacing(8));
    // After "Envoyer maintenant" (or a timed try): what happened to each one.
    if !s.last_run.is_empty() {
        let mut run = column![heading(l.t("outbox-run-title"))].spacing(8);
        for line in &s.last_run {
            run = run.push(note(line.text.clone(), line.warning));
        }
        page = page.push(run);
    }
    if s.items.is_empty() {
        page = page.push(hint(l.t("outbox-empty")));
    }
    let now = OffsetDateTime::now_utc();
    for d in &s.items {
        page = page.push(item(app, d, now));
    }
    page.into()
}

fn item<'a>(app: &'a App, d: &'a Designation, now: OffsetDateTime) -> Element<'a, Message> {
    let l = &app.l;
    let name = if d.organization.name.trim().is_empty() {
        l.t("draft-unnamed")
    } else {
        d.organization.name.clone()
    };
    let mut c = column![heading(name)].spacing(8);
    let entry = d.outbox.as_ref();
    let attempts = entry.map_or(0, |o| o.attempts);
    if app.sending.in_flight.contains(&d.id) {
        c = c.push(paragraph(l.t("outbox-item-sending")));
    } else if d.status == Status::Queued {
        c = c.push(paragraph(l.t_args(
            "outbox-item-waiting",
            &[("attempts", FluentValue::from(attempts))],
        )));
        if let Some(f) = entry.and_then(|o| o.last_failure.as_ref()) {
            c = c.push(
                text(l.t_args(
                    "outbox-item-failure",
                    &[("reason", l.t(f.code.message_id()).into())],
                ))
                .size(BODY_SIZE)
                .font(FONT_BOLD_FACE),
            );
            if !f.detail.is_empty() {
                c = c.push(hint(
                    l.t_args("failure-detail", &[("detail", f.detail.clone().into())]),
                ));
            }
        }
        c = c.push(hint(next_try(entry.and_then(|o| o.next_attempt), now, l)));
    } else if let Some(r) = &d.refusal {
        c = c.push(
            text(l.t("outbox-item-refused"))
                .size(BODY_SIZE)
                .font(FONT_BOLD_FACE)
                .style(crate::gui::theme::danger),
        );
        let message = refusal_message(r, l);
        if !message.is_empty() {
            c = c.push(paragraph(message));
        }
        for e in &r.erreurs {
            let label = crate::designation::Field::from_path(&e.champ)
                .map_or(e.champ.clone(), |f| l.t(f.label_id()));
            c = c.push(paragraph(format!(
                "{label} : {}",
                field_error_words(r, &e.message, l)
            )));
        }
        c = c.push(link_button(
            l.t("refused-fix"),
            Message::OpenFromOutbox(d.id),
        ));
    }
    container(c)
        .padding(16)
        .width(Length::Fill)
        .style(crate::gui::widgets::card)
        .into()
}

/// "Prochain essai : dès que possible" / "dans 4 min".
pub fn next_try(next: Option<OffsetDateTime>, now: OffsetDateTime, l: &Localizer) -> String {
    match next.map(|t| (t - now).whole_seconds()) {
        None => l.t("outbox-next-now"),
        Some(s) if s < 60 => l.t("outbox-next-soon"),
        Some(s) => l.t_args(
            "outbox-next-minutes",
            &[("minutes", FluentValue::from((s + 59) / 60))],
        ),
    }
}
