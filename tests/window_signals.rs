//! SIGTERM, SIGINT and SIGHUP reach the application as `Message::Terminate` (src/gui/signals.rs;
//! the real signals are sent to the real window in tests/window.rs). Here, at the message
//! level: the change made just before is on disk, without waiting for the autosave.

mod gui_support;

use gui_support::send;
use piqm_acces::designation::Field;
use piqm_acces::gui::{App, Message, Options};
use piqm_acces::i18n::Lang;

#[test]
fn terminate_saves_the_change_made_just_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(dir.path().join("config.toml")),
        data_dir: Some(dir.path().join("data")),
        ..Options::default()
    });
    send(&mut app, Message::NewDesignation);
    send(
        &mut app,
        Message::PickerChoose(Field::FormKind, "organisme".into()),
    );
    send(
        &mut app,
        Message::PickerChoose(Field::OrganizationCategory, "cooperative".into()),
    );
    send(&mut app, Message::Continue);
    // `update` only, so the one-second autosave has not run.
    let _ = app.update(Message::Edit(Field::OrgName, "Coopérative du Haut".into()));
    send(&mut app, Message::Terminate);
    let drafts: Vec<_> = std::fs::read_dir(dir.path().join("data/drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(drafts.len(), 1);
    let text = std::fs::read_to_string(&drafts[0]).unwrap();
    assert!(text.contains("Coopérative du Haut"), "{text}");
}
