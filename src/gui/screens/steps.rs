//! The question steps: choice of form, organisme, demandeur, gestionnaire.

use fluent_bundle::FluentValue;
use iced::widget::{Column, column, container, row, space, text};
use iced::{Alignment, Element, Length};

use super::widgets::{
    BODY_SIZE, error_summary, hint, link_button, paragraph, picker_field, primary_button,
    read_only, secondary_button_maybe, text_field, title,
};
use crate::designation::Field;
use crate::designation::{FormKind, STEP_COUNT, Step};
use crate::gui::{App, LookupStatus, Message};
use crate::lookup::LookupError;
use crate::wizard::Wizard;

const WIDE: f32 = 480.0;
const NARROW: f32 = 200.0;

pub fn view<'a>(app: &'a App, w: &'a Wizard) -> Element<'a, Message> {
    let l = &app.l;
    let step = w.step();
    let mut page = Column::new().spacing(18);
    page = page.push(link_button(l.t("back"), Message::Back));
    if let Some(number) = step.number() {
        page = page.push(hint(l.t_args(
            "step-progress",
            &[
                ("number", FluentValue::from(number)),
                ("count", FluentValue::from(STEP_COUNT)),
                ("title", l.t(step.title_id()).into()),
            ],
        )));
    }
    page = page.push(title(l.t(step.title_id())));
    // The saved line and the error summary always hold their place (empty when there is
    // nothing to say): iced keeps a field's focus by its position in the widget tree, and a
    // line appearing above the fields would take the focus away in mid-word.
    let saved = app
        .drafts
        .saved_at
        .map(|at| l.t_args("saved-at", &[("time", l.time_of_day(at).into())]))
        .unwrap_or_default();
    // Together, so that while both are empty they leave one line's room, not three.
    let summary = error_summary(app, w.problems())
        .map(|s| container(s).padding(iced::Padding::ZERO.top(12)).into());
    page = page.push(column![super::widgets::status(hint(saved)), slot(summary)]);
    let fields = match step {
        Step::Choice => choice(app, w),
        Step::Organization => organization(app, w),
        Step::Requester => requester(app),
        _ => manager(app, w),
    };
    page = page.push(fields.spacing(22));
    let continue_label = if w.returning_to_review() {
        "continue-to-review"
    } else {
        "continue"
    };
    page.push(primary_button(l.t(continue_label), Message::Continue))
        .into()
}

/// A place in the page that is always there, filled or not.
fn slot(content: Option<Element<'_, Message>>) -> Element<'_, Message> {
    container(content.unwrap_or_else(|| space::horizontal().height(0).into()))
        .width(Length::Fill)
        .into()
}

/// Fields side by side when the page is wide enough, one under the other otherwise.
fn pair<'a>(first: Element<'a, Message>, second: Element<'a, Message>) -> Element<'a, Message> {
    // Inputs on one line: their labels may wrap to different heights.
    row![first, second]
        .spacing(16)
        .align_y(Alignment::End)
        .wrap()
        .vertical_spacing(22)
        .into()
}

fn choice<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let mut c = column![
        paragraph(app.l.t("choice-intro")),
        picker_field(app, Field::FormKind, None),
    ];
    match w.draft().form.kind {
        Some(FormKind::Municipality) => {
            c = c.push(picker_field(app, Field::MunicipalCategory, None));
        }
        Some(FormKind::Organization) => {
            c = c.push(picker_field(app, Field::OrganizationCategory, None));
        }
        None => {}
    }
    c
}

fn organization<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let d = w.draft();
    let mut c = column![
        paragraph(app.l.t("organization-intro")),
        text_field(app, Field::OrgName, None, WIDE),
        pair(
            text_field(app, Field::CivicNumber, None, NARROW),
            text_field(app, Field::Street, None, 360.0),
        ),
        picker_field(app, Field::Municipality, Some("hint-municipality")),
        text_field(app, Field::PostalCode, Some("hint-postal-code"), NARROW),
        picker_field(app, Field::Region, Some("hint-region")),
        picker_field(app, Field::ProvincialRiding, Some("hint-provincial-riding")),
        picker_field(app, Field::FederalRiding, None),
    ];
    if d.identification_code_applies() {
        c = c.push(text_field(
            app,
            Field::IdentificationCode,
            Some("hint-identification-code"),
            NARROW,
        ));
    }
    c
}

fn requester(app: &App) -> Column<'_, Message> {
    column![
        paragraph(app.l.t("hint-requester")),
        picker_field(app, Field::Civility, None),
        text_field(app, Field::RequesterLastName, None, WIDE),
        text_field(app, Field::RequesterFirstName, None, WIDE),
        text_field(app, Field::RequesterFunction, None, WIDE),
        pair(
            text_field(
                app,
                Field::RequesterPhone,
                Some("hint-requester-phone"),
                260.0
            ),
            text_field(
                app,
                Field::RequesterExtension,
                Some("hint-requester-extension"),
                NARROW
            ),
        ),
        text_field(
            app,
            Field::RequesterEmail,
            Some("hint-requester-email"),
            WIDE
        ),
    ]
}

fn manager<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let l = &app.l;
    let m = &w.draft().manager;
    let search = if app.lookup_status == LookupStatus::Searching {
        secondary_button_maybe(l.t("lookup-searching"), None)
    } else {
        secondary_button_maybe(l.t("lookup-button"), Some(Message::LookUp))
    };
    let status: Option<Element<'a, Message>> = match &app.lookup_status {
        LookupStatus::Idle | LookupStatus::Searching | LookupStatus::Found => None,
        LookupStatus::NotFound => Some(
            text(l.t("lookup-not-found"))
                .size(BODY_SIZE)
                .style(crate::gui::theme::danger)
                .into(),
        ),
        LookupStatus::Unavailable(LookupError::NotConfigured) => {
            Some(hint(l.t("lookup-not-configured")))
        }
        LookupStatus::Unavailable(LookupError::Unauthorized(_)) => {
            Some(hint(l.t("lookup-unauthorized")))
        }
        LookupStatus::Unavailable(_) => Some(hint(l.t("lookup-unavailable"))),
    };
    let username = row![
        text_field(
            app,
            Field::ManagerUsername,
            Some("hint-manager-username"),
            260.0
        ),
        search,
    ]
    .spacing(12)
    .align_y(Alignment::End)
    .wrap()
    .vertical_spacing(8);
    let to_confirm = l.t("to-confirm");
    let shown = |value: &str| {
        if m.confirmed {
            value.to_string()
        } else {
            to_confirm.clone()
        }
    };
    let details = column![
        read_only(l.t("field-manager-last-name"), shown(&m.last_name)),
        read_only(l.t("field-manager-first-name"), shown(&m.first_name)),
        read_only(l.t("field-manager-function"), shown(&m.function)),
        read_only(l.t("field-manager-phone"), shown(&m.phone)),
        read_only(l.t("field-manager-extension"), shown(&m.extension)),
        read_only(l.t("field-manager-email"), shown(&m.email)),
    ]
    .spacing(6);
    column![
        paragraph(l.t("manager-intro")),
        username,
        slot(status),
        details,
        hint(l.t("manager-modify"))
    ]
}
