//! Drafts in the window, with the application's own tasks really run (on a paused tokio clock,
//! so the one-second autosave delay passes at once) and a real data folder on disk.

use std::path::Path;
use std::sync::Arc;

mod gui_support;

use gui_support::{click, send, shows, shows_part};
use piqm_acces::designation::{Field, Step};
use piqm_acces::dialogs::FixedDialogs;
use piqm_acces::gui::{App, DraftMessage, Message, Options, drafts_msg};
use piqm_acces::i18n::Lang;

fn open(dir: &Path) -> App {
    let mut app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(dir.join("config.toml")),
        data_dir: Some(dir.join("data")),
        ..Options::default()
    });
    app.load_drafts_now();
    app
}

fn draft_files(dir: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(dir.join("data/drafts")) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Starts a designation and types its first answers.
fn start(app: &mut App) {
    send(app, Message::NewDesignation);
    send(
        app,
        Message::PickerChoose(Field::FormKind, "organisme".into()),
    );
    send(
        app,
        Message::PickerChoose(Field::OrganizationCategory, "cooperative".into()),
    );
    send(app, Message::Continue);
    send(
        app,
        Message::Edit(Field::OrgName, "Coopérative de Sainte-Flavie".into()),
    );
}

#[test]
fn every_change_is_saved_within_a_second_and_offered_again_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = open(dir.path());
        start(&mut app);
        let files = draft_files(dir.path());
        assert_eq!(files.len(), 1, "saved by the autosave");
        let text = std::fs::read_to_string(&files[0]).unwrap();
        assert!(text.contains("Coopérative de Sainte-Flavie"), "{text}");
        let at = app.drafts.saved_at.expect("saved");
        let shown = format!("Enregistré à {}", app.l.time_of_day(at));
        assert!(shows(&app, &shown), "the time of the last save is shown");
    }
    let mut app = open(dir.path());
    assert!(
        shows(&app, "Coopérative de Sainte-Flavie"),
        "in the drafts list"
    );
    assert!(shows(&app, "Reprendre ce brouillon"), "offered to resume");
    click(&mut app, "Reprendre ce brouillon");
    let w = app.wizard().expect("the draft is open");
    assert_eq!(w.step(), Step::Organization, "where the user left it");
    assert_eq!(w.draft().organization.name, "Coopérative de Sainte-Flavie");
}

#[test]
fn closing_the_window_saves_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    start(&mut app);
    // A change made just before closing, not yet autosaved.
    let _ = app.update(Message::Edit(Field::Street, "route du Fleuve".into()));
    let effects = send(
        &mut app,
        drafts_msg(DraftMessage::CloseRequested(iced::window::Id::unique())),
    );
    assert!(effects.window_closed);
    let text = std::fs::read_to_string(&draft_files(dir.path())[0]).unwrap();
    assert!(text.contains("route du Fleuve"));
}

#[test]
fn delete_asks_first_then_the_trash_restores() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    start(&mut app);
    send(&mut app, Message::Home);
    assert!(shows(&app, "Coopérative de Sainte-Flavie"));
    click(&mut app, "Supprimer");
    assert!(shows(&app, "Mettre ce brouillon à la corbeille\u{a0}?"));
    assert_eq!(
        draft_files(dir.path()).len(),
        1,
        "nothing deleted before the answer"
    );
    click(&mut app, "Oui, le mettre à la corbeille");
    assert!(draft_files(dir.path()).is_empty());
    assert!(!shows(&app, "Coopérative de Sainte-Flavie"));
    click(&mut app, "Voir la corbeille");
    assert!(shows(&app, "Coopérative de Sainte-Flavie"));
    click(&mut app, "Restaurer");
    assert_eq!(draft_files(dir.path()).len(), 1);
    click(&mut app, "Masquer la corbeille");
    assert!(
        shows(&app, "Coopérative de Sainte-Flavie"),
        "back in the list"
    );
}

#[test]
fn duplicate_then_filter() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    start(&mut app);
    send(&mut app, Message::Home);
    click(&mut app, "Dupliquer");
    assert_eq!(draft_files(dir.path()).len(), 2);
    send(&mut app, Message::Home);
    send(&mut app, drafts_msg(DraftMessage::Filter("flavie".into())));
    assert!(shows(&app, "Coopérative de Sainte-Flavie"));
    send(
        &mut app,
        drafts_msg(DraftMessage::Filter("rimouski".into())),
    );
    assert!(shows(&app, "Aucun brouillon ne correspond au filtre."));
}

#[test]
fn export_then_import_the_same_draft_asks_replace_or_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copie.json");
    let mut app = open(dir.path()).with_dialogs(Arc::new(FixedDialogs(Some(copy.clone()))));
    start(&mut app);
    send(&mut app, Message::Home);
    click(&mut app, "Exporter…");
    assert!(copy.is_file(), "exported through the (fixed) save dialog");
    click(&mut app, "Importer un brouillon…");
    assert!(shows(&app, "Garder les deux"), "same id: the user chooses");
    assert_eq!(
        draft_files(dir.path()).len(),
        1,
        "nothing replaced silently"
    );
    click(&mut app, "Garder les deux");
    assert_eq!(draft_files(dir.path()).len(), 2);
}

/// A file that says it was sent comes in as a brouillon: the window says what the file claimed,
/// lists a draft, and shows no numéro.
#[test]
fn importing_a_copy_that_says_sent_shows_its_past_in_words_and_adds_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/examples/organisme.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    v["statut"] = "envoyee".into();
    v["etape"] = "confirmee".into();
    v["envoi"] =
        serde_json::json!({"numero": "PIQM-2026-999999", "recu_le": "2026-11-20T15:00:00Z"});
    let file = dir.path().join("envoyee.json");
    std::fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
    let mut app = open(dir.path()).with_dialogs(Arc::new(FixedDialogs(Some(file))));
    click(&mut app, "Importer un brouillon…");
    let notice = app.notice.clone().expect("a notice");
    assert!(
        notice.contains("copie d'une désignation envoyée n° PIQM-2026-999999"),
        "{notice}"
    );
    assert!(notice.contains("qui n'a pas été envoyé"), "{notice}");
    assert!(shows_part(
        &app,
        "copie d'une désignation envoyée n° PIQM-2026-999999"
    ));
    let files = draft_files(dir.path());
    assert_eq!(files.len(), 1);
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(stored["statut"], "brouillon");
    assert_eq!(stored.get("envoi"), None);
    assert_ne!(
        stored["id"], v["id"],
        "a copy of a sent designation gets a new id"
    );
}

#[test]
fn a_second_window_says_the_drafts_are_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    let second = open(dir.path());
    assert!(first.notice.is_none());
    let notice = second.notice.clone().expect("a notice");
    assert!(
        notice.contains("déjà utilisé par une autre fenêtre"),
        "{notice}"
    );
}

#[test]
fn the_review_exports_a_signed_pdf_copy_through_the_save_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copie.pdf");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("resources/examples/municipalite.json");
    let app = open(dir.path());
    let id = app
        .drafts
        .store
        .as_ref()
        .unwrap()
        .import(&example, None)
        .unwrap()
        .draft
        .id;
    let mut app = app.with_dialogs(Arc::new(FixedDialogs(Some(copy.clone()))));
    send(&mut app, drafts_msg(DraftMessage::Open(id)));
    assert_eq!(app.wizard().unwrap().step(), Step::Review);
    click(&mut app, "Exporter en PDF…");
    let bytes = std::fs::read(&copy).expect("the copy was written where the dialog said");
    assert!(bytes.starts_with(b"%PDF"));
    let back = piqm_acces::pdf::extract_designation(&bytes).unwrap();
    assert_eq!(back.id, id, "the designation travels inside the copy");
    let shown = format!(
        "Copie signée enregistrée dans «\u{a0}{}\u{a0}».",
        copy.display()
    );
    assert!(shows(&app, &shown), "the user is told where it went");
    assert!(shows(&app, "Ouvrir la copie"));
}

/// `update` writes nothing itself: the save runs in the task it returns, and the wizard is left
/// only once the draft is on disk.
#[test]
fn leaving_the_wizard_waits_for_the_save_which_runs_in_a_task() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    start(&mut app);
    let _ = app.update(Message::Edit(Field::Street, "route du Fleuve".into()));
    let task = app.update(Message::Home);
    let on_disk = std::fs::read_to_string(&draft_files(dir.path())[0]).unwrap();
    assert!(
        !on_disk.contains("route du Fleuve"),
        "not written by update"
    );
    assert!(app.wizard().is_some(), "still on screen until it is saved");
    gui_support::drive(&mut app, task, &mut gui_support::Effects::default());
    let on_disk = std::fs::read_to_string(&draft_files(dir.path())[0]).unwrap();
    assert!(on_disk.contains("route du Fleuve"));
    assert!(app.wizard().is_none(), "home once saved");
    assert!(shows(&app, "Coopérative de Sainte-Flavie"), "listed again");
}

/// Ctrl+S while a save is being written: the latest answers reach the disk, after the older.
#[test]
fn ctrl_s_during_a_save_writes_the_latest_answers_last() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    start(&mut app);
    let _ = app.update(Message::Edit(Field::Street, "rue A".into()));
    let first = app.update(drafts_msg(DraftMessage::SaveNow));
    let _ = app.update(Message::Edit(Field::Street, "rue B".into()));
    let second = app.update(drafts_msg(DraftMessage::SaveNow));
    let mut effects = gui_support::Effects::default();
    gui_support::drive(&mut app, second, &mut effects);
    gui_support::drive(&mut app, first, &mut effects);
    let on_disk = std::fs::read_to_string(&draft_files(dir.path())[0]).unwrap();
    assert!(on_disk.contains("rue B"), "{on_disk}");
    assert!(app.drafts.saved_at.is_some());
}

/// Opening a draft remembers it for the resume offer, in a task: `update` itself writes nothing.
#[test]
fn opening_a_draft_remembers_it_off_the_window_thread() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    let state = dir.path().join("data/state.json");
    let task = app.update(Message::NewDesignation);
    assert!(!state.exists(), "not written by update");
    gui_support::drive(&mut app, task, &mut gui_support::Effects::default());
    let id = app.wizard().unwrap().draft().id.to_string();
    let text = std::fs::read_to_string(&state).unwrap();
    assert!(text.contains(&id), "{text}");
}

/// With the organisation's certificate imported, "Exporter en PDF…" first asks for its
/// password (the copy's use case says so), then signs with it; a wrong one is said and asked
/// again.
#[test]
fn an_organisational_certificate_asks_its_password_in_the_window() {
    use piqm_acces::gui::{PdfMessage, pdf_msg};
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copie.pdf");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let app = open(dir.path());
    let p12 = std::fs::read(root.join("tests/fixtures/organisation-aes.p12")).unwrap();
    piqm_acces::pdf::IdentityStore::new(&dir.path().join("data"))
        .import_pkcs12(&p12, "piqm-test", time::OffsetDateTime::now_utc())
        .unwrap();
    let id = app
        .drafts
        .store
        .as_ref()
        .unwrap()
        .import(&root.join("resources/examples/municipalite.json"), None)
        .unwrap()
        .draft
        .id;
    let mut app = app.with_dialogs(Arc::new(FixedDialogs(Some(copy.clone()))));
    send(&mut app, drafts_msg(DraftMessage::Open(id)));
    click(&mut app, "Exporter en PDF…");
    assert!(!copy.exists(), "nothing signed without the password");
    assert!(shows(
        &app,
        "Mot de passe du certificat de l'organisation (il n'est jamais conservé)"
    ));
    send(&mut app, pdf_msg(PdfMessage::Password("pas-le-bon".into())));
    send(&mut app, pdf_msg(PdfMessage::PasswordSubmit));
    assert!(!copy.exists());
    assert!(
        app.pdf.status.as_ref().is_some_and(
            |(ok, text)| !ok && text.contains("mot de passe du certificat est incorrect")
        ),
        "{:?}",
        app.pdf.status
    );
    click(&mut app, "Exporter en PDF…");
    send(&mut app, pdf_msg(PdfMessage::Password("piqm-test".into())));
    send(&mut app, pdf_msg(PdfMessage::PasswordSubmit));
    let bytes = std::fs::read(&copy).expect("signed with the organisation's certificate");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(app.pdf.password.is_empty(), "the password is not kept");
    assert!(app.pdf.waiting.is_none());
}

/// Closing the window must reach `CloseRequested` (and so the last save) instead of closing at
/// once: iced's default would close without asking.
#[test]
fn the_window_asks_before_it_closes() {
    assert!(!piqm_acces::gui::window_settings().exit_on_close_request);
}
