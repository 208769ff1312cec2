//! The home screen: what the application is for, "Nouvelle désignation", the offer to resume,
//! and the drafts list with its filter, trash, import and export.

use std::ops::Range;

use iced::widget::text::Wrapping;
use iced::widget::{Column, column, container, row, space, text, text_input};
use iced::{Alignment, Element, Length};

use super::widgets::{
    BODY_SIZE, SMALL_SIZE, heading, hint, link_button, link_button_with_id, note, paragraph,
    primary_button, primary_button_with_id, secondary_button, secondary_button_with_id, title,
};
use crate::designation::{FormKind, STEP_COUNT, Step};
use crate::gui::visible::{self, List, RowFocus};
use crate::gui::{App, CONFIRM_YES, Confirm, DraftMessage, FONT_BOLD_FACE, HOME_PRIMARY, Message};
use crate::store::DraftSummary;

/// The height of one row of the drafts list, gap below included: room for the name, the
/// details and the actions (or the delete question). Every row has it, so the rows in view are
/// a computation (visible.rs).
const DRAFT_ROW: f32 = 118.0;
/// A row of the trash: the name, when it was deleted, "Restaurer".
const TRASH_ROW: f32 = 48.0;
/// Below this page width (large text, a narrow window or both: 1366 pixels at 200 % is 683)
/// a row stacks its parts, each on its own line and free to wrap, instead of cutting the name
/// beside the date.
const STACK_BELOW: f32 = 720.0;
/// A stacked draft row: the name on two lines, the details on two, the date (4 px between
/// them), the actions (or the name, the question on two lines and its answers), 10 + 10 of
/// padding, the gap: 171 px, and some room.
const DRAFT_ROW_STACKED: f32 = 176.0;
/// Above a stacked row's buttons: room for the focus ring (5 px outside them) clear of the text.
const ACTIONS_GAP: f32 = 8.0;
/// A stacked trash row: the name on two lines, then when it was deleted and "Restaurer".
const TRASH_ROW_STACKED: f32 = 88.0;
/// The gap between two rows.
const ROW_GAP: f32 = 10.0;

fn drafts(m: DraftMessage) -> Message {
    crate::gui::drafts_msg(m)
}

pub fn view(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    let mut page = column![
        title(l.t("home-title")),
        paragraph(l.t("home-intro")),
        paragraph(l.t("home-needs")),
    ]
    .spacing(18);
    if let Some(offer) = &app.drafts.resume {
        let step = l.t(offer.step.title_id());
        page = page.push(note(
            l.t_args(
                "home-resume",
                &[
                    ("name", offer.display_name(l).into()),
                    ("step", step.into()),
                ],
            ),
            false,
        ));
        page = page.push(primary_button_with_id(
            l.t("home-resume-button"),
            drafts(DraftMessage::Open(offer.id)),
            HOME_PRIMARY,
        ));
    }
    // The main action has focus when the screen opens: "Reprendre" if offered, else this.
    let new = if app.drafts.resume.is_some() {
        primary_button(l.t("home-new"), Message::NewDesignation)
    } else {
        primary_button_with_id(l.t("home-new"), Message::NewDesignation, HOME_PRIMARY)
    };
    page = page.push(
        row![
            new,
            secondary_button(l.t("home-import"), drafts(DraftMessage::Import)),
            secondary_button(l.t("home-verify"), Message::VerifyCopy),
        ]
        .spacing(12)
        .wrap()
        .vertical_spacing(8),
    );
    page = page.push(drafts_list(app));
    page.push(trash(app)).into()
}

fn drafts_list(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    let all = &app.drafts.listing.drafts;
    let mut list = Column::new()
        .spacing(ROW_GAP)
        .push(heading(l.t("home-drafts")));
    if app.drafts.store.is_none() {
        return list.push(hint(l.t("home-no-store"))).into();
    }
    if all.is_empty() {
        return list.push(hint(l.t("home-no-drafts"))).into();
    }
    list = list.push(
        container(
            text_input(&l.t("home-filter"), &app.drafts.filter)
                .style(crate::gui::widgets::input_style)
                .id("drafts-filter")
                .on_input(|s| drafts(DraftMessage::Filter(s)))
                .padding(8)
                .size(BODY_SIZE)
                .width(Length::Fill),
        )
        .max_width(360),
    );
    let shown = &app.drafts.shown;
    if shown.is_empty() {
        list = list.push(hint(l.t("home-filter-none")));
    }
    let rows = lazy_rows(app, List::Drafts, |i| draft_row(app, &all[shown[i]]));
    list.push(rows).into()
}

/// The rows of a long list near the view, with empty space of the same height for the others
/// (visible.rs), in a container whose id lets the list's place in the page be measured.
fn lazy_rows<'a>(
    app: &'a App,
    list: List,
    row: impl Fn(usize) -> Element<'a, Message>,
) -> Element<'a, Message> {
    let (count, pitch) = (row_count(app, list), pitch(app, list));
    let range = built_rows(app, list);
    let above = range.start as f32 * pitch;
    let below = (count - range.end) as f32 * pitch;
    let rows = Column::new()
        .push(space::vertical().height(above))
        .extend(range.map(|i| {
            // Named, so a test can check that nothing spills out of its row.
            container(row(i))
                .id(format!("{}_row_{i}", list.id()))
                .height(Length::Fixed(pitch))
                .padding(iced::Padding::ZERO.bottom(ROW_GAP))
                .clip(true)
                .into()
        }))
        .push(space::vertical().height(below));
    container(rows).id(list.id()).width(Length::Fill).into()
}

/// One draft: name, form, step, status, last change; its actions, or the delete question.
fn draft_row<'a>(app: &'a App, s: &'a DraftSummary) -> Element<'a, Message> {
    let l = &app.l;
    // "Formulaire organisme · étape 2 sur 5 · brouillon": the step by its number, since its
    // title ("Organisme") would repeat the form's name.
    let kind = match s.form_kind {
        Some(FormKind::Municipality) => l.t("draft-form-municipality"),
        Some(FormKind::Organization) => l.t("draft-form-organization"),
        None => l.t("draft-kind-unknown"),
    };
    let step = match s.step.number() {
        Some(number) if s.step.is_question() => l.t_args(
            "draft-at-step",
            &[("number", number.into()), ("count", STEP_COUNT.into())],
        ),
        _ if s.step == Step::Review => l.t("draft-at-review"),
        _ => String::new(),
    };
    let details = [kind, step, s.status.label(l)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let modified = l.t_args(
        "draft-modified",
        &[("when", l.date_time(s.updated_at).into())],
    );
    let asking = app.drafts.confirm == Some(Confirm::Delete(s.id));
    let stacked = stacked(app);
    let actions: Element<'a, Message> = if asking {
        let question = text(l.t("draft-delete-question")).size(BODY_SIZE);
        let answers = row![
            secondary_button_with_id(
                l.t("draft-delete-yes"),
                drafts(DraftMessage::Delete(s.id)),
                CONFIRM_YES
            ),
            link_button(l.t("cancel"), drafts(DraftMessage::CancelConfirm)),
        ]
        .spacing(12)
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(8);
        if stacked {
            column![question, answers].spacing(ACTIONS_GAP).into()
        } else {
            row![question, answers]
                .spacing(12)
                .align_y(Alignment::Center)
                .into()
        }
    } else {
        let open = if s.is_editable() {
            "draft-open"
        } else {
            "draft-view"
        };
        let action = |label: &str, message: DraftMessage, name: &str| {
            link_button_with_id(
                l.t(label),
                drafts(message),
                row_control("draft", s.id, name),
            )
        };
        row![
            action(open, DraftMessage::Open(s.id), DRAFT_ACTIONS[0]),
            action(
                "draft-duplicate",
                DraftMessage::Duplicate(s.id),
                DRAFT_ACTIONS[1]
            ),
            action("draft-export", DraftMessage::Export(s.id), DRAFT_ACTIONS[2]),
            action(
                "draft-delete",
                DraftMessage::AskDelete(s.id),
                DRAFT_ACTIONS[3]
            ),
        ]
        .spacing(18)
        .into()
    };
    let name = text(s.display_name(l)).size(BODY_SIZE).font(FONT_BOLD_FACE);
    let content: Element<'a, Message> = if stacked {
        // Each part on its own line, wrapping; the question takes the details' room.
        if asking {
            column![name, actions].spacing(4).into()
        } else {
            let about = column![
                name,
                text(details).size(SMALL_SIZE),
                text(modified).size(SMALL_SIZE),
            ]
            .spacing(4);
            column![about, actions].spacing(ACTIONS_GAP).into()
        }
    } else {
        column![
            // A row has one height (visible.rs): a name too long for its line is cut at the
            // edge of its own room, never the date beside it.
            row![
                container(name.wrapping(Wrapping::None))
                    .width(Length::Fill)
                    .clip(true),
                text(modified).size(SMALL_SIZE).wrapping(Wrapping::None),
            ]
            .spacing(12),
            text(details).size(SMALL_SIZE).wrapping(Wrapping::None),
            actions,
        ]
        .spacing(4)
        .into()
    };
    container(content)
        .padding([10, 14])
        .width(Length::Fill)
        .height(Length::Fill)
        .style(crate::gui::widgets::card)
        .into()
}

/// Whether the rows stack their parts (the page is narrow for its text).
pub fn stacked(app: &App) -> bool {
    app.page.width < STACK_BELOW
}

fn pitch(app: &App, list: List) -> f32 {
    match (list, stacked(app)) {
        (List::Drafts, false) => DRAFT_ROW,
        (List::Drafts, true) => DRAFT_ROW_STACKED,
        (List::Trash, false) => TRASH_ROW,
        (List::Trash, true) => TRASH_ROW_STACKED,
    }
}

pub fn row_count(app: &App, list: List) -> usize {
    match list {
        List::Drafts => app.drafts.shown.len(),
        List::Trash => app.drafts.trash.as_ref().map_or(0, |t| t.drafts.len()),
    }
}

/// The rows of `list` the home screen builds now.
pub fn built_rows(app: &App, list: List) -> Range<usize> {
    let top = app.list_tops.get(list).unwrap_or(0.0);
    visible::rows_in_view(
        row_count(app, list),
        pitch(app, list),
        top,
        app.page,
        visible::MARGIN_ROWS,
    )
}

/// How many controls each row of `list` has, in order.
pub fn controls_per_row(list: List) -> usize {
    match list {
        List::Drafts => DRAFT_ACTIONS.len(),
        List::Trash => 1,
    }
}

/// The id of a row's control, if the row exists.
pub fn row_control_id(app: &App, f: RowFocus) -> Option<iced::widget::Id> {
    match f.list {
        List::Drafts => {
            let s = app
                .drafts
                .listing
                .drafts
                .get(*app.drafts.shown.get(f.row)?)?;
            Some(row_control("draft", s.id, DRAFT_ACTIONS.get(f.control)?))
        }
        List::Trash => Some(trash_control(app.drafts.trash.as_ref()?.drafts.get(f.row)?)),
    }
}

/// Every row control built now, with its place.
fn built_controls(app: &App) -> impl Iterator<Item = (RowFocus, iced::widget::Id)> + '_ {
    List::ALL.into_iter().flat_map(move |list| {
        built_rows(app, list).flat_map(move |row| {
            (0..controls_per_row(list)).filter_map(move |control| {
                let f = RowFocus { list, row, control };
                row_control_id(app, f).map(|id| (f, id))
            })
        })
    })
}

/// Which row control this is, if it is one of those built now.
pub fn find_row_control(app: &App, id: &iced::widget::Id) -> Option<RowFocus> {
    built_controls(app).find(|(_, c)| c == id).map(|(f, _)| f)
}

/// The ids of the controls in the rows built now.
pub fn row_controls(app: &App) -> Vec<iced::widget::Id> {
    built_controls(app).map(|(_, id)| id).collect()
}

/// Where the page must go to show a row, if it does not show now.
pub fn reveal_row(app: &App, f: RowFocus) -> Option<f32> {
    let top = app.list_tops.get(f.list)?;
    visible::reveal_row(f.row, pitch(app, f.list), top, app.page, ROW_REVEAL_MARGIN)
}

/// Room kept above and below a row brought into view by Tab.
const ROW_REVEAL_MARGIN: f32 = 48.0;

/// The names of a draft row's actions, in the ids of their links.
const DRAFT_ACTIONS: [&str; 4] = ["open", "duplicate", "export", "delete"];

/// "Restaurer" of one deleted version (a draft deleted twice has two).
fn trash_control(t: &crate::store::TrashedDraft) -> iced::widget::Id {
    iced::widget::Id::from(format!("trash_{}_{}", t.summary.id.simple(), t.version))
}

/// The id of a control in a row: rows are built and dropped as the page scrolls, so focus is
/// given back to a control by this id when its row moves in the widget tree (visible.rs).
fn row_control(list: &str, id: uuid::Uuid, action: &str) -> iced::widget::Id {
    iced::widget::Id::from(format!("{list}_{}_{action}", id.simple()))
}

/// The import conflict question, and the trash: restore, or empty it after a confirmation.
fn trash(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    let mut c = Column::new().spacing(10);
    if let Some(Confirm::ImportConflict { path, existing }) = &app.drafts.confirm {
        c = c.push(note(
            l.t_args(
                "import-conflict",
                &[
                    ("file", path.display().to_string().into()),
                    ("name", existing.clone().into()),
                ],
            ),
            true,
        ));
        c = c.push(
            row![
                secondary_button_with_id(
                    l.t("import-replace"),
                    drafts(DraftMessage::ImportAs(
                        path.clone(),
                        crate::store::OnConflict::Replace
                    )),
                    CONFIRM_YES,
                ),
                secondary_button(
                    l.t("import-keep-both"),
                    drafts(DraftMessage::ImportAs(
                        path.clone(),
                        crate::store::OnConflict::KeepBoth
                    )),
                ),
                link_button(l.t("cancel"), drafts(DraftMessage::CancelConfirm)),
            ]
            .spacing(12)
            .wrap()
            .vertical_spacing(8),
        );
    }
    if app.drafts.store.is_none() {
        return c.into();
    }
    let Some(trash) = &app.drafts.trash else {
        return c
            .push(link_button(
                l.t("trash-show"),
                drafts(DraftMessage::ToggleTrash),
            ))
            .into();
    };
    c = c.push(heading(l.t("trash-title")));
    if trash.drafts.is_empty() {
        c = c.push(hint(l.t("trash-empty")));
    }
    let deleted = &trash.drafts;
    c = c.push(lazy_rows(app, List::Trash, |i| {
        let t = &deleted[i];
        let name = text(t.summary.display_name(l)).size(BODY_SIZE);
        let when = text(l.t_args(
            "trash-deleted",
            &[("when", l.date_time(t.deleted_at).into())],
        ))
        .size(SMALL_SIZE)
        .wrapping(Wrapping::None);
        let restore = link_button_with_id(
            l.t("trash-restore"),
            drafts(DraftMessage::Restore(t.summary.id, t.version.clone())),
            trash_control(t),
        );
        if stacked(app) {
            column![
                name,
                row![when, restore].spacing(12).align_y(Alignment::Center)
            ]
            .spacing(4)
            .into()
        } else {
            row![
                container(name.wrapping(Wrapping::None))
                    .width(Length::Fill)
                    .clip(true),
                when,
                restore,
            ]
            .spacing(12)
            .align_y(Alignment::Center)
            .into()
        }
    }));
    if app.drafts.confirm == Some(Confirm::EmptyTrash) {
        c = c.push(
            row![
                text(l.t("trash-empty-question")).size(BODY_SIZE),
                secondary_button_with_id(
                    l.t("trash-empty-yes"),
                    drafts(DraftMessage::EmptyTrash),
                    CONFIRM_YES
                ),
                link_button(l.t("cancel"), drafts(DraftMessage::CancelConfirm)),
            ]
            .spacing(12)
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(8),
        );
    } else if !trash.drafts.is_empty() {
        c = c.push(secondary_button(
            l.t("trash-empty-button"),
            drafts(DraftMessage::AskEmptyTrash),
        ));
    }
    c.push(link_button(
        l.t("trash-hide"),
        drafts(DraftMessage::ToggleTrash),
    ))
    .into()
}
