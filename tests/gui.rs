//! The application's screens driven like a user would, headless with iced_test's simulator:
//! clicks and typing produce messages, which go through the application's own `update`.

mod gui_support;

use gui_support::{
    click_text, fill_municipal, interact, new_app, pick, settings, shows, step, type_into,
};
use iced::Size;
use iced_test::Simulator;
use piqm_acces::designation::{Field, Status, Step};
use piqm_acces::gui::{App, Message, Options};
use piqm_acces::i18n::Lang;

#[test]
fn a_complete_municipal_designation_from_the_first_step_to_the_review() {
    let mut app = new_app(Lang::Fr);
    fill_municipal(&mut app);
    assert_eq!(step(&app), Step::Review);
    let d = app.wizard().unwrap().draft();
    assert_eq!(d.organization.municipality, "25213");
    assert_eq!(d.organization.region, "12", "filled from the municipality");
    assert_eq!(d.organization.provincial_riding, "818");
    assert_eq!(d.organization.federal_riding, "24040");
    assert_eq!(d.organization.postal_code, "G6W 7W9");
    assert_eq!(d.requester.phone, "418 839-2002");
    assert_eq!(d.requester.extension, "4120");
    for text in [
        "Vérifiez vos réponses",
        "Lévis—Lotbinière",
        "Chaudière-Appalaches (12)",
        "G6W 7W9",
        "Envoyer la désignation",
    ] {
        assert!(shows(&app, text), "review shows {text}");
    }
}

#[test]
fn a_complete_organisme_designation_with_an_optional_answer_skipped() {
    let mut app = new_app(Lang::Fr);
    click_text(&mut app, "Nouvelle désignation");
    pick(&mut app, Field::FormKind, "org");
    pick(&mut app, Field::OrganizationCategory, "regie");
    click_text(&mut app, "Continuer");
    type_into(
        &mut app,
        Field::OrgName,
        "Régie intermunicipale de l'eau potable",
    );
    type_into(&mut app, Field::Street, "avenue de la Cathédrale");
    pick(&mut app, Field::Municipality, "rimouski");
    type_into(&mut app, Field::PostalCode, "G5L 7C7");
    pick(&mut app, Field::ProvincialRiding, "rimouski");
    pick(&mut app, Field::FederalRiding, "rimouski");
    assert!(
        !shows(&app, "Code d'identification de la municipalité"),
        "not for an organisme"
    );
    click_text(&mut app, "Continuer");
    pick(&mut app, Field::Civility, "m.");
    type_into(&mut app, Field::RequesterLastName, "Gagnon");
    type_into(&mut app, Field::RequesterFirstName, "François");
    type_into(&mut app, Field::RequesterFunction, "Secrétaire-trésorier");
    type_into(&mut app, Field::RequesterPhone, "418.724.3103");
    type_into(
        &mut app,
        Field::RequesterEmail,
        "secretariat@regie-eau-rn.qc.ca",
    );
    click_text(&mut app, "Continuer");
    type_into(&mut app, Field::ManagerUsername, "mlav0002");
    click_text(&mut app, "Continuer");
    assert_eq!(
        step(&app),
        Step::Review,
        "{:?}",
        app.wizard().unwrap().problems()
    );
    assert!(shows(&app, "Non fourni"), "the skipped civic number");
    assert!(shows(&app, "Régie intermunicipale"));
    assert!(shows(&app, "à confirmer"), "details not looked up offline");
    // Sending without an endpoint leaves it in the outbox, said plainly.
    click_text(&mut app, "Envoyer la désignation");
    assert_eq!(step(&app), Step::Queued);
    assert_eq!(app.wizard().unwrap().draft().status, Status::Queued);
    assert!(shows(&app, "En attente d'envoi"));
}

#[test]
fn an_error_blocks_continuer_and_shows_the_summary_and_keeps_what_was_typed() {
    let mut app = new_app(Lang::Fr);
    click_text(&mut app, "Nouvelle désignation");
    pick(&mut app, Field::FormKind, "org");
    pick(&mut app, Field::OrganizationCategory, "coop");
    click_text(&mut app, "Continuer");
    type_into(&mut app, Field::PostalCode, "G1D 4J3");
    click_text(&mut app, "Continuer");
    assert_eq!(step(&app), Step::Organization);
    assert!(shows(&app, "Il y a un problème"));
    assert!(shows(&app, "Entrez le nom de l'organisme."));
    assert!(shows(
        &app,
        "Le code postal ne peut pas contenir les lettres D, F, I, O, Q ou U, ni commencer par W ou Z. Vérifiez-le, par exemple G1R 4J3."
    ));
    assert_eq!(
        app.wizard().unwrap().draft().organization.postal_code,
        "G1D 4J3"
    );
    // A line of the summary leads to its field.
    let mut ui = Simulator::with_size(settings(), Size::new(1024.0, 3000.0), app.view());
    ui.click("Entrez le nom de l'organisme.").unwrap();
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::FocusField(Field::OrgName)]),
        "{messages:?}"
    );
}

#[test]
fn back_from_the_review_keeps_every_value_and_modifier_returns_to_it() {
    let mut app = new_app(Lang::Fr);
    fill_municipal(&mut app);
    let before = app.wizard().unwrap().draft().clone();
    click_text(&mut app, "‹ Retour");
    assert_eq!(step(&app), Step::Manager);
    click_text(&mut app, "‹ Retour");
    click_text(&mut app, "‹ Retour");
    assert_eq!(step(&app), Step::Organization);
    assert!(
        shows(&app, "Lévis"),
        "the picker shows the chosen municipality"
    );
    click_text(&mut app, "Continuer");
    click_text(&mut app, "Continuer");
    click_text(&mut app, "Continuer");
    assert_eq!(step(&app), Step::Review);
    let mut after = app.wizard().unwrap().draft().clone();
    after.step = before.step;
    assert_eq!(after, before);

    // "Modifier" on a section, a change, and straight back to the review.
    interact(&mut app, |ui| {
        let _ = ui.click("Modifier");
    });
    assert_eq!(step(&app), Step::Choice);
    assert!(shows(&app, "Continuer vers la vérification"));
    click_text(&mut app, "Continuer vers la vérification");
    assert_eq!(step(&app), Step::Review);
}

#[test]
fn the_language_switches_at_run_time_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let options = Options {
        lang: None,
        config: Some(config.clone()),
        ..Options::default()
    };
    std::fs::write(&config, "langue = \"fr\"\n").unwrap();
    let mut app = App::from_options(&options);
    assert!(shows(&app, "Nouvelle désignation"));
    // The settings file is written by a task, off the window's thread: run it.
    gui_support::click(&mut app, "English");
    assert!(shows(&app, "New designation"));
    assert!(
        std::fs::read_to_string(&config)
            .unwrap()
            .contains("langue = \"en\"")
    );
    let app = App::from_options(&options);
    assert!(
        shows(&app, "New designation"),
        "remembered at the next start"
    );
    // --lang wins over the settings.
    let app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(config),
        ..Options::default()
    });
    assert!(shows(&app, "Nouvelle désignation"));
}

#[test]
fn a_broken_settings_file_still_opens_with_a_visible_warning() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "langue = [\n").unwrap();
    let app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(config),
        ..Options::default()
    });
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("n'a pas pu être lu")
    );
    assert!(shows(&app, "Nouvelle désignation"));
}

#[test]
fn the_help_panel_opens_and_escape_closes_it() {
    let mut app = new_app(Lang::Fr);
    click_text(&mut app, "Aide");
    assert!(shows(&app, "Pour joindre la Direction des infrastructures"));
    let _ = app.update(Message::Escape);
    assert!(!shows(
        &app,
        "Pour joindre la Direction des infrastructures"
    ));
}

/// The home screen looks the same from one build to the next (tiny-skia renders the same
/// pixels everywhere; the baseline is created on the first run and committed).
#[test]
fn the_home_screen_matches_its_snapshot() {
    let app = new_app(Lang::Fr);
    let mut ui = Simulator::with_size(settings(), Size::new(1024.0, 768.0), app.view());
    let snapshot = ui.snapshot(&app.theme()).unwrap();
    assert!(snapshot.matches_hash("tests/snapshots/home-fr").unwrap());
}
