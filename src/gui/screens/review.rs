//! "Vérifiez vos réponses": every answer by section, "Modifier" on each, nothing sent before
//! the user confirms.

use iced::widget::{Column, column, container, row, text};
use iced::{Alignment, Element, Length};

use super::widgets::{BODY_SIZE, heading, link_button, note, primary_button_with_id, title};
use crate::designation::{Field, Severity, Step, validate};
use crate::gui::access::{Mark, mark};
use crate::gui::{App, Message, picker};
use crate::wizard::Wizard;

pub fn view<'a>(app: &'a App, w: &'a Wizard) -> Element<'a, Message> {
    let l = &app.l;
    let d = w.draft();
    let problems = validate(d, app.refs);
    let mut page = Column::new().spacing(20);
    page = page.push(link_button(l.t("back"), Message::Back));
    page = page.push(title(l.t("step-review")));
    for p in problems.iter().filter(|p| p.severity == Severity::Warning) {
        page = page.push(note(l.problem(p), true));
    }
    let mut sections = Column::new().spacing(20);
    for step in Step::QUESTIONS {
        let mut rows = Column::new().spacing(8);
        for field in Field::of_step(step) {
            // The other form's answers stay in the draft, unshown (`Field::applies_to`).
            if !field.applies_to(d) {
                continue;
            }
            let value = display_value(app, w, field);
            let mut cell = column![text(value).size(BODY_SIZE).font(crate::gui::FONT_BOLD_FACE)];
            for p in problems.iter().filter(|p| p.field == field && p.is_error()) {
                cell = cell.push(
                    text(l.problem(p))
                        .size(BODY_SIZE)
                        .style(crate::gui::theme::danger),
                );
            }
            rows = rows.push(
                row![
                    text(l.t(field.label_id()))
                        .size(BODY_SIZE)
                        .width(Length::FillPortion(2)),
                    cell.width(Length::FillPortion(3)),
                ]
                .spacing(16),
            );
        }
        let section = column![
            row![
                heading(l.t(step.title_id())),
                iced::widget::space::horizontal(),
                link_button(l.t("change"), Message::Change(step)),
            ]
            .align_y(Alignment::Center),
            rows,
        ]
        .spacing(10);
        sections = sections.push(mark(
            Mark::Section,
            container(section)
                .padding(16)
                .width(Length::Fill)
                .style(crate::gui::widgets::card),
        ));
    }
    page = page.push(mark(Mark::List, sections));
    page = page.push(crate::gui::pdf::view::actions(app));
    // What sending does, said right before the button that does it.
    page = page.push(note(l.t("review-what-sending-does"), false));
    page.push(primary_button_with_id(
        l.t("submit"),
        Message::Submit,
        crate::gui::SUBMIT_BUTTON,
    ))
    .into()
}

fn display_value(app: &App, w: &Wizard, field: Field) -> String {
    let d = w.draft();
    if field.is_looked_up() && !d.manager.confirmed {
        return app.l.t("to-confirm");
    }
    let value = if picker::is_picker(field) {
        picker::current_label(field, d, app.refs, &app.l)
    } else {
        field.get(d).trim().to_string()
    };
    if value.is_empty() {
        app.l.t("not-provided")
    } else {
        value
    }
}
