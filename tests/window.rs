//! The real window, used as a secretary uses it: the keyboard alone, pauses longer than the
//! autosave delay, help opened mid-field, the window closed or the session logged out right
//! after a keystroke — then the draft file on disk compared with what was typed.
//!
//! Each test starts its own Xvfb and the real binary (tests/window_support). They need
//! `xvfb xauth xdotool imagemagick` (.ci/run installs them); see `window_support::tools`.
//!
//! The keyboard path is the one issue 9 asks for, in reading order: the top band's four
//! buttons (File d'envoi, Réglages, English, Aide), then the page. Tab moves, Enter or Space
//! activates the focused button; Enter in a field is Continuer; Enter in a list's field
//! chooses the highlighted match; on the review only "Envoyer la désignation" sends.

mod support;
mod window_support;

use std::time::Duration;

use serde_json::{Value, json};
use window_support::{Launch, PAUSE_PAST_AUTOSAVE, Profile, Session, example, shots_dir, tools};

/// The window opens with focus on the home screen's main action: "Nouvelle désignation" when
/// there is no draft to resume (Enter at once opens it).
const TABS_TO_NEW_DESIGNATION: usize = 0;
/// From there, on a home screen listing drafts (no draft to resume): "Importer…", "Vérifier une
/// copie…", the filter field, then the first draft's "Ouvrir".
const TABS_TO_FIRST_DRAFT_OPEN: usize = 4;

const NAME: &str = "Coopérative de solidarité du Haut-Saint-François";
const BURSTS: [&str; 3] = ["Coopérative de solidarité", " du Haut-Saint-", "François"];

fn x_tools() -> bool {
    tools(&["Xvfb", "xdotool"])
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A municipal draft that stopped at the organisme step with nothing typed there yet.
fn draft_at_organisme() -> Value {
    let mut d = example("municipalite");
    d["etape"] = json!("organisme");
    for key in [
        "nom",
        "numero_civique",
        "rue",
        "municipalite",
        "code_postal",
    ] {
        d["organisme"][key] = json!("");
    }
    for key in [
        "region",
        "circonscription_provinciale",
        "circonscription_federale",
    ] {
        d["organisme"][key] = json!("");
    }
    d
}

/// Home → "Nouvelle désignation" → form "municipalité", category "ville" → Continuer; returns
/// the new draft's id once its file says it is at the organisme step.
fn new_municipal_designation(s: &Session) -> String {
    s.tab(TABS_TO_NEW_DESIGNATION);
    s.key(&["Return"]);
    let id = s.wait_opened(
        "Tab ×5 then Enter on the home screen should open a new designation",
        None,
    );
    // The form's field has focus: type to filter, Enter chooses; Tab to the category.
    s.type_text("mun");
    s.key(&["Return", "Tab"]);
    s.type_text("vil");
    s.key(&["Return"]);
    s.wait_draft(
        &id,
        "/formulaire/categorie_municipale",
        &json!("ville"),
        secs(5),
    );
    // Enter in a list's field with nothing typed: Continuer.
    s.key(&["Return"]);
    s.wait_draft(&id, "/etape", &json!("organisme"), secs(5));
    id
}

/// Home listing one imported draft → its "Ouvrir"; returns the draft's id once the window has
/// it on screen.
fn open_first_draft(s: &Session) -> String {
    s.tab(TABS_TO_FIRST_DRAFT_OPEN);
    s.key(&["Return"]);
    s.wait_opened(
        &format!(
            "Tab ×{TABS_TO_FIRST_DRAFT_OPEN} then Enter on the home screen should open the listed draft"
        ),
        None,
    )
}

/// A draft at the organisme step, imported, then opened from the home list with the keyboard.
fn opened_draft_at_organisme() -> (Session, String) {
    let draft = draft_at_organisme();
    let id = draft["id"].as_str().unwrap().to_string();
    let s = started_with(&draft);
    let opened = open_first_draft(&s);
    assert_eq!(opened, id);
    (s, id)
}

fn type_in_bursts(s: &Session) {
    for (i, burst) in BURSTS.iter().enumerate() {
        if i > 0 {
            // Long enough for the autosave to write the file and show "Enregistré à …".
            std::thread::sleep(PAUSE_PAST_AUTOSAVE);
        }
        s.type_text(burst);
    }
}

#[test]
fn a_name_typed_in_three_bursts_reaches_the_file_whole() {
    if !x_tools() {
        return;
    }
    let s = Session::start(Profile::new(), Launch::default());
    let id = new_municipal_designation(&s);
    type_in_bursts(&s);
    s.wait_draft(&id, "/organisme/nom", &json!(NAME), secs(5));
}

#[test]
fn a_draft_opened_from_the_home_list_takes_every_burst() {
    if !x_tools() {
        return;
    }
    let (s, id) = opened_draft_at_organisme();
    type_in_bursts(&s);
    s.wait_draft(&id, "/organisme/nom", &json!(NAME), secs(5));
}

#[test]
fn help_opened_and_closed_mid_field_lets_typing_go_on_in_the_same_field() {
    if !x_tools() {
        return;
    }
    let (s, id) = opened_draft_at_organisme();
    s.type_text(BURSTS[0]);
    s.key(&["F1"]);
    std::thread::sleep(Duration::from_millis(600));
    s.key(&["Escape"]);
    std::thread::sleep(Duration::from_millis(600));
    s.type_text(BURSTS[1]);
    s.type_text(BURSTS[2]);
    s.wait_draft(&id, "/organisme/nom", &json!(NAME), secs(5));
}

/// What the organisme step holds after a name typed and a municipality chosen in its list,
/// the window then left alone for only 100 ms.
struct LastChanges {
    id: String,
}

/// Opens the draft, types the name, Tab to the municipality, types "levis" and Enter chooses
/// Lévis; then 100 ms, and the caller ends the application.
fn type_then_choose(s: &Session) -> LastChanges {
    let id = open_first_draft(s);
    s.type_text("Ville de Lévis");
    // Civic number, street, then the municipality's list.
    s.tab(3);
    s.type_text("levis");
    s.key(&["Return"]);
    std::thread::sleep(Duration::from_millis(100));
    LastChanges { id }
}

/// The file after the application ended: both the name and the choice are there.
fn check_last_changes(s: &Session, last: &LastChanges, how: &str) {
    let draft = s
        .profile
        .draft(&last.id)
        .unwrap_or_else(|e| s.fail(&format!("{how}: no draft file"), &e));
    let name = &draft["organisme"]["nom"];
    let municipality = &draft["organisme"]["municipalite"];
    if name != "Ville de Lévis" || municipality != "25213" {
        s.fail(
            &format!("{how}: the last changes did not reach the disk"),
            &format!("organisme.nom = {name}, organisme.municipalite = {municipality}"),
        );
    }
}

fn started_with_a_draft() -> Session {
    started_with(&draft_at_organisme())
}

/// The application started on a home screen listing this one draft.
fn started_with(draft: &Value) -> Session {
    let profile = Profile::new();
    profile.import(draft);
    Session::start(profile, Launch::default())
}

#[test]
fn closing_the_window_100_ms_after_the_last_change_keeps_it() {
    if !x_tools() {
        return;
    }
    let mut s = started_with_a_draft();
    let last = type_then_choose(&s);
    s.close_window();
    // iced 0.14 can drop a window event that comes in a burst of input (its subscriptions'
    // queues hold 100 events): here the first close request, right after fast typing, was
    // ignored in about half the runs, and a second one two seconds later always closed the
    // window (measured 0 failures in 4). A person clicks again; the test does the same once,
    // and says so. What matters is checked strictly below: the last changes are on disk.
    let status = match s.wait_exit_within(secs(3)) {
        Some(status) => status,
        None => {
            eprintln!("NOTE: the first close request was not seen; asking again");
            s.close_window();
            s.wait_exit("the window should close when asked", secs(10))
        }
    };
    assert!(status.success(), "closing the window ended with {status}");
    check_last_changes(&s, &last, "closed 100 ms after the last change");
}

/// A desktop's log-out sends SIGTERM (a terminal's hang-up SIGHUP, Ctrl+C SIGINT): the draft
/// on screen is saved, then the application ends.
fn signal_keeps_the_last_change(signal: &str) {
    if !x_tools() {
        return;
    }
    let mut s = started_with_a_draft();
    let last = type_then_choose(&s);
    s.signal(signal);
    s.wait_exit(&format!("SIG{signal} should end the application"), secs(10));
    check_last_changes(
        &s,
        &last,
        &format!("SIG{signal} 100 ms after the last change"),
    );
}

#[test]
fn log_out_sigterm_100_ms_after_the_last_change_keeps_it() {
    signal_keeps_the_last_change("TERM");
}

#[test]
fn sighup_100_ms_after_the_last_change_keeps_it() {
    signal_keeps_the_last_change("HUP");
}

#[test]
fn sigint_100_ms_after_the_last_change_keeps_it() {
    signal_keeps_the_last_change("INT");
}

/// The whole way with the keyboard alone, from the window opening to "envoyée n° …" at the
/// reference intake server: not one click.
#[test]
fn keyboard_only_from_the_home_screen_to_a_sent_designation() {
    if !x_tools() {
        return;
    }
    let intake = support::Intake::start();
    let launch = Launch {
        endpoint: Some(intake.url()),
        ..Launch::default()
    };
    let s = Session::start(Profile::new(), launch);
    let id = new_municipal_designation(&s);

    // Organisme.
    s.type_text("Ville de Lévis");
    s.key(&["Tab"]);
    s.type_text("2175");
    s.key(&["Tab"]);
    s.type_text("chemin du Fleuve");
    s.key(&["Tab"]);
    s.type_text("levis");
    s.key(&["Return", "Tab"]);
    s.type_text("g6w7w9");
    // The region was filled from the municipality.
    s.key(&["Tab", "Tab"]);
    s.type_text("lev");
    s.key(&["Return", "Tab"]);
    s.type_text("levis");
    s.key(&["Return", "Tab"]);
    s.type_text("LEV2008Q417");
    s.key(&["Return"]);
    s.wait_draft(&id, "/etape", &json!("demandeur"), secs(5));

    // Demandeur.
    s.type_text("mme");
    s.key(&["Return", "Tab"]);
    s.type_text("Bélanger");
    s.key(&["Tab"]);
    s.type_text("Hélène");
    s.key(&["Tab"]);
    s.type_text("Greffière");
    s.key(&["Tab"]);
    s.type_text("418 839-2002");
    s.key(&["Tab"]);
    s.type_text("4120");
    s.key(&["Tab"]);
    s.type_text("greffe@ville.levis.qc.ca");
    s.key(&["Return"]);
    s.wait_draft(&id, "/etape", &json!("gestionnaire"), secs(5));

    // Gestionnaire: Enter in the username field runs "Chercher".
    s.type_text("gcot0417");
    s.key(&["Return"]);
    let draft = s.wait_draft(&id, "/gestionnaire/confirme", &json!(true), secs(10));
    assert_eq!(draft["gestionnaire"]["nom"], "Côté");
    assert_eq!(draft["etape"], "gestionnaire", "Enter ran Chercher only");
    // "Chercher", then "Continuer".
    s.tab(2);
    s.key(&["Return"]);
    s.wait_draft(&id, "/etape", &json!("verification"), secs(5));

    // The review: Enter with no button focused sends nothing; it takes the focus to
    // "Envoyer la désignation" (scrolled into view, beside what sending does).
    s.key(&["Return"]);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        intake.count(),
        0,
        "Enter on the review sent the designation"
    );
    // Enter on the focused button sends.
    s.key(&["Return"]);
    let sent = s.wait_draft(&id, "/statut", &json!("envoyee"), secs(15));
    let numero = sent["envoi"]["numero"].as_str().unwrap_or_default();
    assert!(numero.starts_with("PIQM-"), "envoi.numero = {numero:?}");
    assert_eq!(intake.count(), 1);
}

/// Layout evidence (issue 9, item 4): the four sizes the product must hold.
const SIZES: [(u32, u32); 4] = [(720, 520), (1024, 768), (1366, 768), (1920, 1080)];

/// Opens this draft (imported first) in each language, presses Continuer on its empty step so
/// that every field shows its error, and keeps every screenful at each size as PNGs in
/// target/window-shots/ (`STEP-errors-LANG-WxH[-PAGE].png`) for people to look at.
fn shoot_errors(step: &str, draft: &Value) {
    let out = shots_dir();
    for lang in ["fr", "en"] {
        let profile = Profile::new();
        profile.import(draft);
        let launch = Launch {
            lang,
            screen: (1920, 1080),
            ..Launch::default()
        };
        let s = Session::start(profile, launch);
        let id = open_first_draft(&s);
        s.key(&["Return"]);
        s.wait(
            &format!("Continuer on the empty {step} step stays there"),
            secs(5),
            || {
                let d = s.profile.draft(&id)?;
                (d["etape"] == step && d["modifie_le"] != draft["modifie_le"])
                    .then_some(())
                    .ok_or(format!("etape = {}", d["etape"]))
            },
        );
        for size in SIZES {
            shoot_every_page(&s, &out, &format!("{step}-errors-{lang}"), size);
        }
    }
    for lang in ["fr", "en"] {
        for (w, h) in SIZES {
            let path = out.join(format!("{step}-errors-{lang}-{w}x{h}.png"));
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(png_size(&bytes), Some((w, h)), "{}", path.display());
        }
    }
}

#[test]
fn screenshots_of_the_organisme_step_with_every_error() {
    if !tools(&["Xvfb", "xdotool", "import"]) {
        return;
    }
    let mut draft = draft_at_organisme();
    draft["code_identification"] = json!("");
    shoot_errors("organisme", &draft);
}

#[test]
fn screenshots_of_the_demandeur_step_with_every_error() {
    if !tools(&["Xvfb", "xdotool", "import"]) {
        return;
    }
    // The organisme complete, the demandeur empty (no civility at all: an empty one is not a
    // draft file's value).
    let mut draft = example("municipalite");
    draft["etape"] = json!("demandeur");
    let requester = draft["demandeur"].as_object_mut().unwrap();
    requester.remove("civilite");
    for value in requester.values_mut() {
        *value = json!("");
    }
    shoot_errors("demandeur", &draft);
}

/// The window at this size from the top of the page down, one PNG a screenful
/// (`NAME-WxH.png`, then `NAME-WxH-2.png`, …), until the page no longer moves.
fn shoot_every_page(s: &Session, out: &std::path::Path, name: &str, (w, h): (u32, u32)) {
    s.resize(w, h);
    s.wheel(-60);
    let first = out.join(format!("{name}-{w}x{h}.png"));
    s.screenshot(&first);
    let mut previous = std::fs::read(&first).unwrap();
    // A notch scrolls about 110 px here: a screenful less the band, with some overlap.
    let notches = ((h as i32 - 160) / 130).max(1);
    for page in 2..=12 {
        s.wheel(notches);
        let path = out.join(format!("{name}-{w}x{h}-{page}.png"));
        s.screenshot(&path);
        let now = std::fs::read(&path).unwrap();
        if now == previous {
            // The bottom was already on screen.
            std::fs::remove_file(&path).unwrap();
            return;
        }
        previous = now;
    }
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.get(..24)?;
    if !header.starts_with(b"\x89PNG") {
        return None;
    }
    let word = |at: usize| u32::from_be_bytes(header[at..at + 4].try_into().unwrap());
    Some((word(16), word(20)))
}

/// The home screen builds only the rows near the view (gui/visible.rs). Tab must still walk
/// every row in order, the page following it, and Enter open the row that has focus — not a
/// row that took its place in the widget tree as the page scrolled.
#[test]
fn tab_walks_a_long_drafts_list_past_the_first_screenful() {
    if !x_tools() {
        return;
    }
    const COUNT: usize = 60;
    const ROW: usize = 25;
    let profile = Profile::new();
    let drafts = profile.data_dir().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    let mut ids = Vec::new();
    for i in 0..COUNT {
        let mut d = example("organisme");
        let id = uuid::Uuid::new_v4().to_string();
        d["id"] = json!(id);
        d["organisme"]["nom"] = json!(format!("Régie numéro {i}"));
        // Draft 0 is the newest: the list shows them in this order.
        d["modifie_le"] = json!(format!("2026-11-26T16:{:02}:00-05:00", 59 - i));
        std::fs::write(
            drafts.join(format!("{id}.json")),
            serde_json::to_vec(&d).unwrap(),
        )
        .unwrap();
        ids.push(id);
    }
    let s = Session::start(profile, Launch::default());
    // Each row has four links: Ouvrir, Dupliquer, Exporter…, Mettre à la corbeille.
    s.tab(TABS_TO_FIRST_DRAFT_OPEN + 4 * ROW);
    s.key(&["Return"]);
    let opened = s.wait_opened(
        &format!("Tab to row {ROW}'s Ouvrir, then Enter, should open that draft"),
        None,
    );
    let row = ids.iter().position(|id| *id == opened);
    assert_eq!(row, Some(ROW), "the draft opened is row {row:?}");
}

/// The settings file's text, or "" when there is none yet.
fn settings_text(profile: &Profile) -> String {
    std::fs::read_to_string(profile.root().join("config.toml")).unwrap_or_default()
}

/// Asks the window to close and waits for it to end (a second request if the first was lost
/// in a burst of input: see the test above).
fn close_and_wait(s: &mut Session) {
    s.close_window();
    if s.wait_exit_within(secs(3)).is_none() {
        eprintln!("NOTE: the first close request was not seen; asking again");
        s.close_window();
        s.wait_exit("the window should close when asked", secs(10));
    }
}

/// Low vision (issue 13): Ctrl+= three times, typed in the middle of a field, makes the text
/// 150 % at once and writes it to the settings file, and the field gets none of those keys;
/// the window opens again at 150 % (its top band half again as tall: the whole window scales);
/// Ctrl+0 brings it back to 100 % and takes the size out of the file.
#[test]
fn ctrl_equals_enlarges_the_text_the_size_is_kept_and_ctrl_0_resets_it() {
    if !x_tools() {
        return;
    }
    let (mut s, id) = opened_draft_at_organisme();
    let normal = s.band_height();
    assert!(
        (40..80).contains(&normal),
        "the band at 100 % is {normal} px high"
    );
    // The name field has focus: a letter, the keys, another letter.
    s.type_text("V");
    s.key(&["ctrl+equal", "ctrl+equal", "ctrl+equal"]);
    s.type_text("ille");
    s.wait(
        "the settings file should say taille_texte = 150",
        secs(5),
        || {
            let text = settings_text(&s.profile);
            text.contains("taille_texte = 150")
                .then_some(())
                .ok_or(text)
        },
    );
    s.wait_draft(&id, "/organisme/nom", &json!("Ville"), secs(5));
    let larger = s.wait("the band should grow by half", secs(5), || {
        let h = s.band_height();
        (h.abs_diff(normal * 3 / 2) <= 2)
            .then_some(h)
            .ok_or(format!("{h} px, was {normal} px at 100 %"))
    });
    let out = shots_dir();
    std::fs::create_dir_all(&out).unwrap();
    s.screenshot(&out.join("text-size-150.png"));

    // Started again: the size is the file's.
    close_and_wait(&mut s);
    let profile = std::mem::take(&mut s.profile);
    drop(s);
    let mut s = Session::start(profile, Launch::default());
    // As large on screen as at 100 % (iced would open it 150 % as large: 1536×1152).
    assert_eq!(s.window_size(), (1024, 768));
    let again = s.band_height();
    assert!(
        again.abs_diff(larger) <= 1,
        "after a restart the band is {again} px high, {larger} px before it (100 %: {normal} px)"
    );
    assert!(settings_text(&s.profile).contains("taille_texte = 150"));

    // Ctrl+0: the normal size, and nothing about it left in the file.
    s.key(&["ctrl+0"]);
    s.wait(
        "Ctrl+0 should take the size out of the settings file",
        secs(5),
        || {
            let text = settings_text(&s.profile);
            (!text.contains("taille_texte")).then_some(()).ok_or(text)
        },
    );
    s.wait(
        "the band should be back to its height at 100 %",
        secs(5),
        || {
            let h = s.band_height();
            (h.abs_diff(normal) <= 1)
                .then_some(())
                .ok_or(format!("{h} px"))
        },
    );
    close_and_wait(&mut s);
}
