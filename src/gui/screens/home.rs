//! The home screen: what the application is for, "Nouvelle désignation", the offer to resume,
//! and the drafts list with its filter, trash, import and export.

use iced::widget::{Column, column, container, row, space, text, text_input};
use iced::{Alignment, Element, Length};

use super::widgets::{
    BODY_SIZE, SMALL_SIZE, heading, hint, link_button, note, paragraph, primary_button,
    primary_button_with_id, secondary_button, secondary_button_with_id, title,
};
use crate::designation::{FormKind, STEP_COUNT, Step};
use crate::gui::{App, CONFIRM_YES, Confirm, DraftMessage, FONT_BOLD_FACE, HOME_PRIMARY, Message};
use crate::store::{DraftFilter, DraftSummary};

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
        .spacing(12),
    );
    page = page.push(drafts_list(app));
    page.push(trash(app)).into()
}

fn drafts_list(app: &App) -> Element<'_, Message> {
    let l = &app.l;
    let all = &app.drafts.listing.drafts;
    let mut list = Column::new().spacing(10).push(heading(l.t("home-drafts")));
    if app.drafts.store.is_none() {
        return list.push(hint(l.t("home-no-store"))).into();
    }
    if all.is_empty() {
        return list.push(hint(l.t("home-no-drafts"))).into();
    }
    list = list.push(
        text_input(&l.t("home-filter"), &app.drafts.filter)
            .style(crate::gui::widgets::input_style)
            .id("drafts-filter")
            .on_input(|s| drafts(DraftMessage::Filter(s)))
            .padding(8)
            .size(BODY_SIZE)
            .width(Length::Fixed(360.0)),
    );
    let filter = DraftFilter::new(&app.drafts.filter);
    let shown: Vec<_> = all.iter().filter(|s| filter.matches(s)).collect();
    if shown.is_empty() {
        list = list.push(hint(l.t("home-filter-none")));
    }
    for s in shown {
        list = list.push(draft_row(app, s));
    }
    list.into()
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
    let actions: Element<'a, Message> = if app.drafts.confirm == Some(Confirm::Delete(s.id)) {
        row![
            text(l.t("draft-delete-question")).size(BODY_SIZE),
            secondary_button_with_id(
                l.t("draft-delete-yes"),
                drafts(DraftMessage::Delete(s.id)),
                CONFIRM_YES
            ),
            link_button(l.t("cancel"), drafts(DraftMessage::CancelConfirm)),
        ]
        .spacing(12)
        .align_y(Alignment::Center)
        .into()
    } else {
        let open = if s.is_editable() {
            "draft-open"
        } else {
            "draft-view"
        };
        row![
            link_button(l.t(open), drafts(DraftMessage::Open(s.id))),
            link_button(
                l.t("draft-duplicate"),
                drafts(DraftMessage::Duplicate(s.id))
            ),
            link_button(l.t("draft-export"), drafts(DraftMessage::Export(s.id))),
            link_button(l.t("draft-delete"), drafts(DraftMessage::AskDelete(s.id))),
        ]
        .spacing(18)
        .into()
    };
    container(
        column![
            row![
                text(s.display_name(l)).size(BODY_SIZE).font(FONT_BOLD_FACE),
                space::horizontal(),
                text(modified).size(SMALL_SIZE),
            ],
            text(details).size(SMALL_SIZE),
            actions,
        ]
        .spacing(4),
    )
    .padding([10, 14])
    .width(Length::Fill)
    .style(crate::gui::widgets::card)
    .into()
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
            .spacing(12),
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
    for t in &trash.drafts {
        c = c.push(
            row![
                text(t.summary.display_name(l)).size(BODY_SIZE),
                text(l.t_args(
                    "trash-deleted",
                    &[("when", l.date_time(t.deleted_at).into())]
                ))
                .size(SMALL_SIZE),
                space::horizontal(),
                link_button(
                    l.t("trash-restore"),
                    drafts(DraftMessage::Restore(t.summary.id, t.version.clone()))
                ),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
        );
    }
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
            .align_y(Alignment::Center),
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
