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
        Step::Requester => requester(app, w),
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
    let d = w.draft();
    let mut c = column![
        paragraph(app.l.t("choice-intro")),
        picker_field(app, Field::FormKind, Field::FormKind.is_optional(d), None),
    ];
    match d.form.kind {
        Some(FormKind::Municipality) => {
            c = c.push(picker_field(
                app,
                Field::MunicipalCategory,
                Field::MunicipalCategory.is_optional(d),
                None,
            ));
        }
        Some(FormKind::Organization) => {
            c = c.push(picker_field(
                app,
                Field::OrganizationCategory,
                Field::OrganizationCategory.is_optional(d),
                None,
            ));
        }
        None => {}
    }
    c
}

fn organization<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let d = w.draft();
    let mut c = column![
        paragraph(app.l.t("organization-intro")),
        text_field(
            app,
            Field::OrgName,
            Field::OrgName.is_optional(d),
            None,
            WIDE
        ),
        row![
            text_field(
                app,
                Field::CivicNumber,
                Field::CivicNumber.is_optional(d),
                None,
                NARROW
            ),
            text_field(
                app,
                Field::Street,
                Field::Street.is_optional(d),
                None,
                Length::Fixed(360.0)
            ),
        ]
        .spacing(16),
        picker_field(
            app,
            Field::Municipality,
            Field::Municipality.is_optional(d),
            Some("hint-municipality")
        ),
        text_field(
            app,
            Field::PostalCode,
            Field::PostalCode.is_optional(d),
            Some("hint-postal-code"),
            NARROW
        ),
        picker_field(
            app,
            Field::Region,
            Field::Region.is_optional(d),
            Some("hint-region")
        ),
        picker_field(
            app,
            Field::ProvincialRiding,
            Field::ProvincialRiding.is_optional(d),
            Some("hint-provincial-riding")
        ),
        picker_field(
            app,
            Field::FederalRiding,
            Field::FederalRiding.is_optional(d),
            None
        ),
    ];
    if Field::IdentificationCode.applies_to(d) {
        c = c.push(text_field(
            app,
            Field::IdentificationCode,
            Field::IdentificationCode.is_optional(d),
            Some("hint-identification-code"),
            NARROW,
        ));
    }
    c
}

fn requester<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let d = w.draft();
    column![
        paragraph(app.l.t("hint-requester")),
        picker_field(app, Field::Civility, Field::Civility.is_optional(d), None),
        text_field(
            app,
            Field::RequesterLastName,
            Field::RequesterLastName.is_optional(d),
            None,
            WIDE
        ),
        text_field(
            app,
            Field::RequesterFirstName,
            Field::RequesterFirstName.is_optional(d),
            None,
            WIDE
        ),
        text_field(
            app,
            Field::RequesterFunction,
            Field::RequesterFunction.is_optional(d),
            None,
            WIDE
        ),
        row![
            text_field(
                app,
                Field::RequesterPhone,
                Field::RequesterPhone.is_optional(d),
                Some("hint-requester-phone"),
                Length::Fixed(260.0)
            ),
            text_field(
                app,
                Field::RequesterExtension,
                Field::RequesterExtension.is_optional(d),
                Some("hint-requester-extension"),
                NARROW
            ),
        ]
        .spacing(16),
        text_field(
            app,
            Field::RequesterEmail,
            Field::RequesterEmail.is_optional(d),
            Some("hint-requester-email"),
            WIDE
        ),
    ]
}

fn manager<'a>(app: &'a App, w: &'a Wizard) -> Column<'a, Message> {
    let l = &app.l;
    let d = w.draft();
    let m = &d.manager;
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
            Field::ManagerUsername.is_optional(d),
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
