//! The window's sending screens, headless: the real `update`, its tasks run on tokio against the
//! reference intake server on loopback, and the screens checked with iced_test's simulator.

mod gui_support;
mod support;

use futures_util::StreamExt;
use gui_support::shows_part as shows;
use iced::Task;
use iced_runtime::Action;
use piqm_acces::designation::{Status, Step};
use piqm_acces::gui::{App, Message, Options, Screen};
use piqm_acces::i18n::Lang;
use piqm_acces::wizard::Wizard;
use support::server::{Faults, FieldError};
use support::{Intake, example, free_port};

/// Runs a task to the end, as iced would, feeding every message it produces back to `update`
/// (widget operations such as focus are left out: there is no window).
async fn run(app: &mut App, task: Task<Message>) {
    let mut queue = vec![task];
    while let Some(task) = queue.pop() {
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            continue;
        };
        let outputs: Vec<Message> = stream
            .filter_map(|action| async move {
                match action {
                    Action::Output(m) => Some(m),
                    _ => None,
                }
            })
            .collect()
            .await;
        for m in outputs {
            queue.push(app.update(m));
        }
    }
}

struct Setup {
    app: App,
    _dir: tempfile::TempDir,
}

/// The application as `piqm-acces --data-dir … --endpoint …` starts it: the outbox shares the
/// drafts folder of the window (and its autosave).
fn app_with(url: Option<&str>) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(dir.path().join("config.toml")),
        data_dir: Some(dir.path().join("donnees")),
        endpoint: url.map(str::to_string),
    });
    assert!(app.notice.is_none(), "{:?}", app.notice);
    let store = app.drafts.store.clone().expect("the drafts folder");
    let client = app.sending.client.clone();
    let app = app.with_sending(Ok(store), client);
    Setup { app, _dir: dir }
}

/// The review of a complete designation, as the user reaches it.
fn at_review(app: &mut App, name: &str) {
    let w = Wizard::resume(example(name), app.refs);
    assert_eq!(w.step(), Step::Review);
    app.screen = Screen::Wizard(Box::new(w));
}

fn step(app: &App) -> Step {
    app.wizard().unwrap().step()
}

#[tokio::test]
async fn envoyer_sends_at_once_and_shows_the_numero() {
    let intake = Intake::start();
    let Setup { mut app, _dir } = app_with(Some(&intake.url()));
    at_review(&mut app, "municipalite");
    let task = app.update(Message::Submit);
    assert_eq!(step(&app), Step::Sending, "progress while the request runs");
    assert!(shows(
        &app,
        "Envoi de votre désignation à la Direction des infrastructures…"
    ));
    run(&mut app, task).await;
    assert_eq!(step(&app), Step::Confirmed);
    let numero = intake.stored()[0].numero.clone();
    assert!(shows(
        &app,
        "Merci, votre demande a été envoyée avec succès à la Direction des infrastructures."
    ));
    assert!(
        app.wizard()
            .unwrap()
            .draft()
            .receipt
            .as_ref()
            .unwrap()
            .numero
            == numero
    );
    assert!(shows(&app, "Dupliquer"));
    assert!(!app.wizard().unwrap().is_editable(), "read-only once sent");
    // The window's autosave never overwrote what the outbox wrote.
    let id = app.wizard().unwrap().draft().id;
    let file = _dir
        .path()
        .join("donnees/drafts")
        .join(format!("{id}.json"));
    let on_disk =
        piqm_acces::designation::from_json(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(on_disk.status, Status::Sent);
    assert_eq!(on_disk.receipt.unwrap().numero, numero);
    // Dupliquer: a new draft with the same answers.
    run(&mut app, Task::done(Message::Duplicate)).await;
    let w = app.wizard().unwrap();
    assert_eq!(w.draft().status, Status::Draft);
    assert!(w.is_editable());
    assert_eq!(intake.count(), 1);
}

#[tokio::test]
async fn offline_it_waits_in_the_outbox_then_envoyer_maintenant_sends_it() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let Setup { mut app, _dir } = app_with(Some(&url));
    at_review(&mut app, "organisme");
    let task = app.update(Message::Submit);
    run(&mut app, task).await;
    assert_eq!(step(&app), Step::Queued);
    assert!(shows(
        &app,
        "Le dernier essai n'a pas réussi : le service n'a pas pu être joint"
    ));
    run(&mut app, Task::done(Message::OpenOutbox)).await;
    assert_eq!(app.sending.waiting(), 1);
    assert!(shows(&app, "En attente d'envoi — 1 essai"));
    assert!(shows(&app, "File d'envoi (1)"));
    assert!(shows(&app, "Envoyer maintenant"));
    let intake = Intake::start_with(support::server::Config::default(), port);
    run(&mut app, Task::done(Message::SendNow)).await;
    assert_eq!(app.sending.waiting(), 0);
    assert!(shows(&app, "Aucune désignation n'attend d'être envoyée."));
    assert_eq!(intake.count(), 1);
    // What happened is said, with the numéro.
    assert!(shows(&app, "Résultat du dernier envoi"));
    assert!(shows(&app, ": envoyée, numéro PIQM-"));
    // The timer finds nothing more to do.
    run(&mut app, Task::done(Message::OutboxTick)).await;
    assert_eq!(intake.count(), 1);
}

#[tokio::test]
async fn a_422_reopens_the_wizard_at_the_field_with_the_servers_words() {
    let intake = Intake::start();
    intake.set_faults(Faults {
        refuser_champ: Some(FieldError {
            champ: "organisme.code_postal".into(),
            message: "Ce code postal n'est pas celui de l'adresse.".into(),
        }),
        ..Faults::default()
    });
    let Setup { mut app, _dir } = app_with(Some(&intake.url()));
    at_review(&mut app, "municipalite");
    let task = app.update(Message::Submit);
    run(&mut app, task).await;
    assert_eq!(step(&app), Step::Organization);
    assert!(app.wizard().unwrap().is_editable());
    assert!(shows(&app, "Ce code postal n'est pas celui de l'adresse."));
    assert!(shows(&app, "Continuer vers la vérification"));
    // The outbox shows it as refused, with the field named.
    run(&mut app, Task::done(Message::OpenOutbox)).await;
    assert!(shows(&app, "Refusée par la Direction des infrastructures"));
    assert!(shows(
        &app,
        "Code postal : Ce code postal n'est pas celui de l'adresse."
    ));
}

#[tokio::test]
async fn a_409_is_shown_in_the_servers_words() {
    let intake = Intake::start();
    let Setup { mut app, _dir } = app_with(Some(&intake.url()));
    for _ in 0..2 {
        at_review(&mut app, "municipalite");
        let task = app.update(Message::Submit);
        run(&mut app, task).await;
    }
    assert_eq!(step(&app), Step::Refused);
    let message = app
        .wizard()
        .unwrap()
        .draft()
        .refusal
        .clone()
        .unwrap()
        .message;
    assert!(shows(&app, &message), "{message}");
    assert_eq!(intake.count(), 1);
}

#[tokio::test]
async fn chercher_fills_the_details_or_says_unknown() {
    let intake = Intake::start();
    let Setup { mut app, _dir } = app_with(Some(&intake.url()));
    at_review(&mut app, "municipalite");
    run(&mut app, Task::done(Message::Change(Step::Manager))).await;
    assert_eq!(step(&app), Step::Manager);
    run(
        &mut app,
        Task::done(Message::Edit(
            piqm_acces::designation::Field::ManagerUsername,
            "abcd0001".into(),
        )),
    )
    .await;
    assert!(!app.wizard().unwrap().draft().manager.confirmed);
    assert!(shows(&app, "à confirmer"));
    run(&mut app, Task::done(Message::LookUp)).await;
    let m = &app.wizard().unwrap().draft().manager;
    assert!(m.confirmed);
    assert_eq!(m.last_name, "Gagnon");
    assert!(shows(&app, "Gagnon"));
    run(
        &mut app,
        Task::done(Message::Edit(
            piqm_acces::designation::Field::ManagerUsername,
            "zzzz9999".into(),
        )),
    )
    .await;
    run(&mut app, Task::done(Message::LookUp)).await;
    assert!(shows(
        &app,
        "Aucune personne n'a ce nom d'utilisateur au Bureau municipal. Vérifiez-le auprès de la personne désignée."
    ));
}

#[tokio::test]
async fn the_settings_screen_saves_privately_and_tests_the_connection() {
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let mut app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(config.clone()),
        ..Options::default()
    });
    run(&mut app, Task::done(Message::OpenSettings)).await;
    assert!(shows(&app, "Tester la connexion"));
    run(
        &mut app,
        Task::done(Message::SettingsEndpoint("http://piqm.example.com".into())),
    )
    .await;
    run(&mut app, Task::done(Message::SaveSettings)).await;
    assert!(
        shows(&app, "doit commencer par https://"),
        "refused before any connection"
    );
    assert!(!config.exists());
    run(
        &mut app,
        Task::done(Message::SettingsEndpoint(intake.url())),
    )
    .await;
    run(&mut app, Task::done(Message::TestConnection)).await;
    assert!(shows(&app, "et accepte ce poste"));
    run(
        &mut app,
        Task::done(Message::SettingsToken("mon-jeton".into())),
    )
    .await;
    run(&mut app, Task::done(Message::SaveSettings)).await;
    assert!(shows(&app, "Réglages enregistrés."));
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains(&intake.url()) && text.contains("mon-jeton"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&config).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(app.sending.client.is_some());
    // Unreachable: said in words.
    run(
        &mut app,
        Task::done(Message::SettingsEndpoint(format!(
            "http://127.0.0.1:{}",
            free_port()
        ))),
    )
    .await;
    run(&mut app, Task::done(Message::TestConnection)).await;
    assert!(shows(
        &app,
        "La connexion n'a pas réussi : le service n'a pas pu être joint"
    ));
}

#[test]
fn a_settings_file_with_unknown_and_broken_values_still_opens_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "langue = \"fr\"\nadresse_service = \"http://piqm.example.com\"\ncouleur = 3\n",
    )
    .unwrap();
    let app = App::from_options(&Options {
        config: Some(config),
        ..Options::default()
    });
    let notice = app.notice.clone().unwrap();
    assert!(notice.contains("« couleur »"), "{notice}");
    assert!(notice.contains("« adresse_service »"), "{notice}");
    assert!(app.sending.client.is_none());
    assert!(shows(&app, "Nouvelle désignation"));
}

/// The start-up sweep and "Envoyer maintenant" check every designation before it leaves: one
/// that breaks the form's rules (a file written by hand into the drafts folder) is not sent and
/// comes back to the user as a brouillon.
#[tokio::test]
async fn an_invalid_designation_in_the_outbox_is_not_sent_and_says_why() {
    let intake = Intake::start();
    let Setup { mut app, _dir } = app_with(Some(&intake.url()));
    let mut d = example("municipalite");
    d.organization.postal_code = "ZZZ".into();
    d.requester.email = "not-an-email".into();
    piqm_acces::submit::outbox::mark_queued(&mut d, time::OffsetDateTime::now_utc());
    d.step = Step::Queued;
    let store = app.sending.store.clone().unwrap();
    store.write(&d).unwrap();
    run(&mut app, Task::done(Message::OpenOutbox)).await;
    assert_eq!(app.sending.waiting(), 1);
    run(&mut app, Task::done(Message::SendNow)).await;
    assert_eq!(intake.count(), 0);
    assert_eq!(store.load(d.id).unwrap().status, Status::Draft);
    assert!(shows(
        &app,
        "Ville de Lévis : n'a pas été envoyée, car des réponses sont à corriger."
    ));
    assert_eq!(app.sending.waiting(), 0);
}

/// The same id with other answers (one model file filled in two offices): refused in words that
/// point to Dupliquer, never "envoyée"; Dupliquer makes the new designation.
#[tokio::test]
async fn the_same_id_with_other_answers_is_refused_and_dupliquer_is_offered() {
    let intake = Intake::start();
    let first = example("organisme");
    let mut other = first.clone();
    other.organization.name = "Régie de l'eau de Matane".into();
    for (office, d) in [first, other].into_iter().enumerate() {
        let Setup { mut app, _dir } = app_with(Some(&intake.url()));
        let w = Wizard::resume(d, app.refs);
        app.screen = Screen::Wizard(Box::new(w));
        let task = app.update(Message::Submit);
        run(&mut app, task).await;
        if office == 0 {
            assert_eq!(step(&app), Step::Confirmed);
            continue;
        }
        assert_eq!(step(&app), Step::Refused);
        assert!(shows(
            &app,
            "a déjà reçu une désignation portant le même identifiant, avec d'autres réponses"
        ));
        assert!(!shows(&app, "envoyée avec succès"));
        assert!(shows(&app, "Dupliquer"));
        let refused_id = app.wizard().unwrap().draft().id;
        run(&mut app, Task::done(Message::Duplicate)).await;
        let w = app.wizard().unwrap();
        assert_ne!(w.draft().id, refused_id);
        assert_eq!(w.draft().organization.name, "Régie de l'eau de Matane");
        assert!(w.is_editable());
    }
    assert_eq!(intake.count(), 1);
}

/// As the window opens, the drafts folder is read once, for the list and for the outbox: what
/// waits is sent, what was refused stays in the outbox, and the other drafts are only listed.
#[tokio::test]
async fn opening_the_window_sends_what_waits_from_the_one_listing() {
    let intake = Intake::start();
    let Setup { app, _dir } = app_with(Some(&intake.url()));
    let store = app.sending.store.clone().unwrap();
    let mut waiting = example("municipalite");
    piqm_acces::submit::outbox::mark_queued(&mut waiting, time::OffsetDateTime::now_utc());
    waiting.step = Step::Queued;
    store.write(&waiting).unwrap();
    let mut refused = example("organisme");
    refused.status = Status::Refused;
    refused.step = Step::Refused;
    store.write(&refused).unwrap();
    let draft = example("organisme");
    store.write(&draft).unwrap();

    let (mut app, opening) = app.started();
    run(&mut app, opening).await;

    assert_eq!(intake.count(), 1, "the waiting designation, once");
    assert_eq!(store.load(waiting.id).unwrap().status, Status::Sent);
    assert_eq!(store.load(draft.id).unwrap().status, Status::Draft);
    let in_outbox: Vec<_> = app.sending.items.iter().map(|d| d.id).collect();
    assert!(in_outbox.contains(&refused.id), "{in_outbox:?}");
    assert!(!in_outbox.contains(&draft.id), "{in_outbox:?}");
    assert_eq!(app.drafts.listing.drafts.len(), 3);
}
