//! The pieces every step is made of: labelled inputs with hint and error, pickers, the error
//! summary, headings, buttons.

use iced::widget::{button, column, container, radio, row, space, text, text_input};
use iced::{Element, Length, Theme};

use super::access::{Mark, mark};
use super::focus::focusable;
use super::picker::{self, MAX_SHOWN};
use super::{App, FONT_BOLD_FACE, Message, theme};
use crate::designation::{Field, Problem, Severity};

pub const TITLE_SIZE: f32 = 28.0;
pub const HEADING_SIZE: f32 = 20.0;
pub const BODY_SIZE: f32 = 16.0;
pub const SMALL_SIZE: f32 = 14.0;
/// The widest a choice list grows.
const PICKER_WIDTH: f32 = 480.0;

pub fn title(s: String) -> Element<'static, Message> {
    mark(
        Mark::Heading(1),
        text(s).size(TITLE_SIZE).font(FONT_BOLD_FACE),
    )
}

pub fn heading(s: String) -> Element<'static, Message> {
    mark(
        Mark::Heading(2),
        text(s).size(HEADING_SIZE).font(FONT_BOLD_FACE),
    )
}

/// A line that changes on its own ("Enregistré à 14 h 32"): screen readers announce it
/// without moving focus.
pub fn status<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    mark(Mark::Status, content)
}

pub fn paragraph(s: String) -> Element<'static, Message> {
    text(s).size(BODY_SIZE).into()
}

pub fn hint(s: String) -> Element<'static, Message> {
    text(s).size(SMALL_SIZE).style(theme::hint).into()
}

/// The three kinds of button the pages use.
#[derive(Clone, Copy)]
enum Kind {
    Primary,
    Secondary,
    Link,
}

/// A button that takes focus (Tab) and runs with Enter or Space as with a click; disabled
/// (shown, reachable, doing nothing) without a message; with an id when the application gives
/// it focus.
fn focus_button(
    kind: Kind,
    label: String,
    on_press: Option<Message>,
    id: Option<iced::widget::Id>,
) -> Element<'static, Message> {
    let words = text(label).size(BODY_SIZE);
    let b = match kind {
        Kind::Primary => button(words.font(FONT_BOLD_FACE))
            .padding([10, 24])
            .style(theme::primary_button),
        Kind::Secondary => button(words)
            .padding([8, 16])
            .style(theme::secondary_button),
        Kind::Link => button(words).padding([4, 2]).style(theme::link_button),
    };
    let f = focusable(b.on_press_maybe(on_press.clone()), on_press);
    match id {
        Some(id) => f.id(id).into(),
        None => f.into(),
    }
}

pub fn primary_button(label: String, on_press: Message) -> Element<'static, Message> {
    focus_button(Kind::Primary, label, Some(on_press), None)
}

pub fn primary_button_maybe(label: String, on_press: Option<Message>) -> Element<'static, Message> {
    focus_button(Kind::Primary, label, on_press, None)
}

pub fn primary_button_with_id(
    label: String,
    on_press: Message,
    id: impl Into<iced::widget::Id>,
) -> Element<'static, Message> {
    focus_button(Kind::Primary, label, Some(on_press), Some(id.into()))
}

pub fn secondary_button(label: String, on_press: Message) -> Element<'static, Message> {
    focus_button(Kind::Secondary, label, Some(on_press), None)
}

pub fn secondary_button_with_id(
    label: String,
    on_press: Message,
    id: impl Into<iced::widget::Id>,
) -> Element<'static, Message> {
    focus_button(Kind::Secondary, label, Some(on_press), Some(id.into()))
}

pub fn secondary_button_maybe(
    label: String,
    on_press: Option<Message>,
) -> Element<'static, Message> {
    focus_button(Kind::Secondary, label, on_press, None)
}

pub fn link_button(label: String, on_press: Message) -> Element<'static, Message> {
    focus_button(Kind::Link, label, Some(on_press), None)
}

pub fn link_button_with_id(
    label: String,
    on_press: Message,
    id: impl Into<iced::widget::Id>,
) -> Element<'static, Message> {
    focus_button(Kind::Link, label, Some(on_press), Some(id.into()))
}

/// The problems of one field, from the last Continuer and from the ministry's refusal.
pub(crate) fn field_messages(app: &App, field: Field) -> Vec<(Severity, String)> {
    let Some(w) = app.wizard() else {
        return Vec::new();
    };
    let mut out: Vec<_> = w
        .problems()
        .iter()
        .filter(|p| p.field == field)
        .map(|p| (p.severity, app.l.problem(p)))
        .collect();
    if let Some(refusal) = &w.draft().refusal {
        out.extend(
            refusal
                .erreurs
                .iter()
                .filter(|e| e.champ == field.path())
                .map(|e| {
                    let words =
                        crate::submit::words::field_error_words(refusal, &e.message, &app.l);
                    (Severity::Error, words)
                }),
        );
    }
    out
}

fn problem_text(severity: Severity, message: String) -> Element<'static, Message> {
    text(message)
        .size(BODY_SIZE)
        .font(FONT_BOLD_FACE)
        .style(move |t: &Theme| match severity {
            Severity::Error => theme::danger(t),
            Severity::Warning => theme::warning(t),
        })
        .into()
}

/// Label, "(facultatif)", hint and problems of a field, in the order people read them.
///
/// One element whatever it holds, so the input after it keeps its place in the widget tree
/// (iced keeps focus by position) when a problem appears or goes.
fn label_block(app: &App, field: Field, hint_id: Option<&str>) -> Element<'static, Message> {
    let mut label = app.l.t(field.label_id());
    // "(facultatif)" by the core's rule, the same one validation follows.
    if app.wizard().is_some_and(|w| field.is_optional(w.draft())) {
        label = format!("{label} {}", app.l.t("optional"));
    }
    let mut parts = vec![text(label).size(BODY_SIZE).font(FONT_BOLD_FACE).into()];
    if let Some(id) = hint_id {
        parts.push(hint(app.l.t(id)));
    }
    for (severity, message) in field_messages(app, field) {
        parts.push(problem_text(severity, message));
    }
    // The field's name and description for screen readers (access/tree.rs).
    mark(
        Mark::FieldLabel(field),
        column(parts).spacing(4).width(Length::Fill),
    )
}

/// A text field of the current step, `max_width` wide or the page's width if less (large text
/// in a narrow window); its label, hint and messages wrap within that width instead of
/// squeezing a neighbour.
pub fn text_field(
    app: &App,
    field: Field,
    hint_id: Option<&str>,
    max_width: f32,
) -> Element<'static, Message> {
    let value = app
        .wizard()
        .map(|w| field.get(w.draft()))
        .unwrap_or_default();
    // Enter in the username runs the look-up (the details come from it); elsewhere, Continuer.
    let submit = if field == Field::ManagerUsername {
        Message::LookUp
    } else {
        Message::Continue
    };
    column![
        label_block(app, field, hint_id),
        text_input("", &value)
            .id(field.path())
            .on_input(move |s| Message::Edit(field, s))
            .on_submit(submit)
            .style(input_style)
            .padding(8)
            .size(BODY_SIZE)
            .width(Length::Fill),
    ]
    .spacing(4)
    .width(Length::Fill)
    .max_width(max_width)
    .into()
}

/// A text input's look (theme.rs).
pub fn input_style(theme: &Theme, status: text_input::Status) -> text_input::Style {
    theme::input(theme, status)
}

/// A read-only line: label and value (or "à confirmer").
pub fn read_only(label: String, value: String) -> Element<'static, Message> {
    row![
        text(label).size(BODY_SIZE).width(Length::Fixed(160.0)),
        text(value).size(BODY_SIZE).font(FONT_BOLD_FACE),
    ]
    .spacing(12)
    .into()
}

/// A choice list that can be used with the keyboard alone: type to filter, arrows to move,
/// Enter to choose. Short lists also show every choice as radio buttons.
pub fn picker_field(app: &App, field: Field, hint_id: Option<&str>) -> Element<'static, Message> {
    let Some(w) = app.wizard() else {
        return space::horizontal().into();
    };
    let d = w.draft();
    let open = app.picker.as_ref().filter(|p| p.field == field);
    let shown_text = match open {
        Some(p) => p.query.clone(),
        None => picker::current_label(field, d, app.refs, &app.l),
    };
    let mut parts = vec![label_block(app, field, hint_id)];
    let placeholder = app.l.t(if picker::is_short(field) {
        "picker-placeholder-short"
    } else {
        "picker-placeholder"
    });
    parts.push(
        text_input(&placeholder, &shown_text)
            .id(field.path())
            .on_input(move |s| Message::PickerInput(field, s))
            .on_submit(Message::PickerSubmit(field))
            .style(input_style)
            .padding(8)
            .size(BODY_SIZE)
            .width(Length::Fill)
            .into(),
    );
    if picker::is_short(field) {
        let current = field.get(d);
        let list = match open {
            Some(p) => app.picker_matches(field, &p.query),
            None => picker::choices(field, d, app.refs, &app.l),
        };
        if list.is_empty() {
            // What was typed matches no choice: said, not left to be guessed.
            parts.push(status(hint(app.l.t("picker-no-match"))));
        }
        let highlighted = open.map(|p| p.highlight);
        let radios = list.into_iter().enumerate().map(|(i, c)| {
            let selected = (c.code == current).then_some(i);
            let code = c.code.clone();
            let label = if highlighted == Some(i) {
                format!("{} ←", c.label)
            } else {
                c.label
            };
            radio(label, i, selected, move |_| {
                Message::PickerChoose(field, code.clone())
            })
            .size(18)
            .text_size(BODY_SIZE)
            .style(theme::radio_button)
            .into()
        });
        parts.push(column(radios).spacing(8).padding([6, 4]).into());
    } else if let Some(p) = open {
        parts.push(match_list(app, field, &p.query, p.highlight));
    }
    column(parts)
        .spacing(4)
        .width(Length::Fill)
        .max_width(PICKER_WIDTH)
        .into()
}

/// The matches under a long list's input, the highlighted one in the primary style.
fn match_list(app: &App, field: Field, query: &str, highlight: usize) -> Element<'static, Message> {
    let found = app.picker_matches(field, query);
    if found.is_empty() {
        return status(hint(app.l.t("picker-no-match")));
    }
    let items = found.into_iter().take(MAX_SHOWN).enumerate().map(|(i, c)| {
        button(text(c.label).size(BODY_SIZE))
            .width(Length::Fill)
            .padding([6, 10])
            .style(theme::match_item(i == highlight))
            .on_press(Message::PickerChoose(field, c.code))
            .into()
    });
    // Screen readers get these as the options of the field's list (access/tree.rs).
    mark(
        Mark::Skip,
        container(column(items).spacing(2))
            .padding(4)
            .width(Length::Fill)
            .style(theme::match_box),
    )
}

/// "Il y a un problème", listing each problem; each line leads to its field.
pub fn error_summary(app: &App, problems: &[Problem]) -> Option<Element<'static, Message>> {
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    if errors.is_empty() {
        return None;
    }
    let mut lines: Vec<Element<'static, Message>> = vec![heading(app.l.t("error-summary-title"))];
    for p in errors {
        let go = Message::FocusField(p.field);
        lines.push(
            focusable(
                button(text(app.l.problem(p)).size(BODY_SIZE))
                    .padding([2, 2])
                    .style(theme::error_link)
                    .on_press(go.clone()),
                Some(go),
            )
            .into(),
        );
    }
    Some(mark(
        Mark::Alert,
        container(column(lines).spacing(6))
            .padding(16)
            .width(Length::Fill)
            .style(theme::error_summary),
    ))
}

/// A framed note (information, or a warning).
pub fn note(message: String, warning: bool) -> Element<'static, Message> {
    mark(
        Mark::Note,
        container(text(message).size(BODY_SIZE))
            .padding(12)
            .width(Length::Fill)
            .style(move |t: &Theme| theme::note(t, warning)),
    )
}

/// A framed card (a review section, a draft, an outbox item).
pub fn card(t: &Theme) -> container::Style {
    theme::card(t)
}
