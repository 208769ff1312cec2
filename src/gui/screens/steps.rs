//! The question steps: choice of form, organisme, demandeur, gestionnaire.

use fluent_bundle::FluentValue;
use iced::widget::{Column, button, column, row, text};
use iced::{Alignment, Element, Length};

use super::widgets::{
    BODY_SIZE, error_summary, hint, link_button, paragraph, picker_field, primary_button,
    read_only, text_field, title,
};
use crate::designation::Field;
use crate::designation::{FormKind, STEP_COUNT, Step};
use crate::gui::{App, LookupStatus, Message};
use crate::lookup::LookupError;
use crate::wizard::Wizard;

const WIDE: Length = Length::Fixed(480.0);
const NARROW: Length = Length::Fixed(200.0);

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
    if let Some(at) = app.drafts.saved_at {
        page = page.push(hint(
            l.t_args("saved-at", &[("time", l.time_of_day(at).into())]),
        ));
    }
    if let Some(summary) = error_summary(app, w.problems()) {
        page = page.push(summary);
    }
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

fn choice<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let mut c = column![
        paragraph(app.l.t("choice-intro")),
        picker_field(app, Field::FormKind, false, None),
    ];
    match w.draft().form.kind {
        Some(FormKind::Municipality) => {
            c = c.push(picker_field(app, Field::MunicipalCategory, false, None));
        }
        Some(FormKind::Organization) => {
            c = c.push(picker_field(app, Field::OrganizationCategory, false, None));
        }
        None => {}
    }
    c
}

fn organization<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let d = w.draft();
    let mut c = column![
        paragraph(app.l.t("organization-intro")),
        text_field(app, Field::OrgName, false, None, WIDE),
        row![
            text_field(app, Field::CivicNumber, true, None, NARROW),
            text_field(app, Field::Street, false, None, Length::Fixed(360.0)),
        ]
        .spacing(16),
        picker_field(app, Field::Municipality, false, Some("hint-municipality")),
        text_field(
            app,
            Field::PostalCode,
            false,
            Some("hint-postal-code"),
            NARROW
        ),
        picker_field(app, Field::Region, true, Some("hint-region")),
        picker_field(
            app,
            Field::ProvincialRiding,
            false,
            Some("hint-provincial-riding")
        ),
        picker_field(app, Field::FederalRiding, false, None),
    ];
    if d.identification_code_applies() {
        c = c.push(text_field(
            app,
            Field::IdentificationCode,
            !d.requires_identification_code(),
            Some("hint-identification-code"),
            NARROW,
        ));
    }
    c
}

fn requester(app: &App) -> Column<'_, Message> {
    column![
        paragraph(app.l.t("hint-requester")),
        picker_field(app, Field::Civility, false, None),
        text_field(app, Field::RequesterLastName, false, None, WIDE),
        text_field(app, Field::RequesterFirstName, false, None, WIDE),
        text_field(app, Field::RequesterFunction, false, None, WIDE),
        row![
            text_field(
                app,
                Field::RequesterPhone,
                false,
                Some("hint-requester-phone"),
                Length::Fixed(260.0)
            ),
            text_field(
                app,
                Field::RequesterExtension,
                true,
                Some("hint-requester-extension"),
                NARROW
            ),
        ]
        .spacing(16),
        text_field(
            app,
            Field::RequesterEmail,
            false,
            Some("hint-requester-email"),
            WIDE
        ),
    ]
}

fn manager<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let l = &app.l;
    let m = &w.draft().manager;
    let search = if app.lookup_status == LookupStatus::Searching {
        button(text(l.t("lookup-searching")).size(BODY_SIZE)).padding([8, 16])
    } else {
        button(text(l.t("lookup-button")).size(BODY_SIZE))
            .padding([8, 16])
            .style(iced::widget::button::secondary)
            .on_press(Message::LookUp)
    };
    let status: Option<Element<'a, Message>> = match &app.lookup_status {
        LookupStatus::Idle | LookupStatus::Searching | LookupStatus::Found => None,
        LookupStatus::NotFound => Some(
            text(l.t("lookup-not-found"))
                .size(BODY_SIZE)
                .style(iced::widget::text::danger)
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
            false,
            Some("hint-manager-username"),
            NARROW
        ),
        search,
    ]
    .spacing(12)
    .align_y(Alignment::End);
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
    let mut c = column![paragraph(l.t("manager-intro")), username];
    if let Some(status) = status {
        c = c.push(status);
    }
    c.push(details).push(hint(l.t("manager-modify")))
}
