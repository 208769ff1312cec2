//! The home screen with thousands of drafts builds only the rows near the view (gui/visible.rs):
//! the first screenful at start, the rows around the page's position once scrolled, and the
//! filter over every draft, not over the rows built.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod gui_support;

use gui_support::{send, settings};
use iced::Size;
use iced_test::Simulator;
use iced_test::selector::Candidate;
use piqm_acces::designation::{Designation, from_json};
use piqm_acces::gui::{App, DraftMessage, Options, drafts_msg};
use piqm_acces::i18n::Lang;
use uuid::Uuid;

const DRAFTS: usize = 5_000;

/// `DRAFTS` drafts named "… n", written straight into a data folder.
fn fill(data_dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/examples");
    let example: Designation =
        from_json(&std::fs::read_to_string(root.join("organisme.json")).unwrap()).unwrap();
    let drafts = data_dir.join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    for i in 0..DRAFTS {
        let mut d = example.clone();
        d.id = Uuid::new_v4();
        d.organization.name = format!("Régie numéro {i}");
        // The newest first in the list: draft 0 is the newest.
        d.updated_at -= time::Duration::minutes(i as i64);
        let path = drafts.join(format!("{}.json", d.id));
        std::fs::write(path, serde_json::to_vec(&d).unwrap()).unwrap();
    }
}

fn open(dir: &Path) -> App {
    let mut app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(dir.join("config.toml")),
        data_dir: Some(dir.to_path_buf()),
        ..Options::default()
    });
    app.load_drafts_now();
    app
}

/// The names of the drafts whose rows are built on the home screen, in a 1024×768 window.
fn rows_built(app: &App) -> Vec<usize> {
    let seen = Arc::new(AtomicUsize::new(0));
    let names = Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut ui = Simulator::with_size(settings(), Size::new(1024.0, 768.0), app.view());
    let (s, n) = (seen.clone(), names.clone());
    let _ = ui.find(move |c: Candidate<'_>| -> Option<()> {
        if let Candidate::Text { content, .. } = c
            && let Some(number) = content.strip_prefix("Régie numéro ")
        {
            s.fetch_add(1, Ordering::Relaxed);
            n.lock().unwrap().push(number.parse::<usize>().unwrap());
        }
        None
    });
    let names = names.lock().unwrap().clone();
    assert_eq!(names.len(), seen.load(Ordering::Relaxed));
    names
}

#[test]
fn thousands_of_drafts_build_only_the_rows_near_the_view() {
    let dir = tempfile::tempdir().unwrap();
    fill(dir.path());
    let mut app = open(dir.path());
    assert_eq!(app.drafts.listing.drafts.len(), DRAFTS);

    // At start: the first rows, in order, and not many more than a screenful.
    let first = rows_built(&app);
    assert!(
        (3..=20).contains(&first.len()),
        "{} rows built at start: {first:?}",
        first.len()
    );
    assert_eq!(first, (0..first.len()).collect::<Vec<_>>());

    // Scrolled far down (as the page reports it, list measured 600 px from the top): the rows
    // there, consecutive, none of the first ones.
    app.list_tops.drafts = Some(600.0);
    app.page.top = 600.0 + 300_000.0;
    app.page.height = 768.0;
    let middle = rows_built(&app);
    assert!((3..=20).contains(&middle.len()), "{middle:?}");
    assert!(middle[0] > 1_000, "{middle:?}");
    assert!(
        middle.windows(2).all(|w| w[1] == w[0] + 1),
        "consecutive rows: {middle:?}"
    );
    // The page keeps its full length: the rows not built are replaced by space.
    let ui_height = |app: &App| {
        let mut ui = Simulator::with_size(settings(), Size::new(1024.0, 768.0), app.view());
        ui.find("Voir la corbeille")
            .map(|t| t.bounds().y)
            .unwrap_or_default()
    };
    let end = ui_height(&app);
    assert!(
        end > 500_000.0,
        "the trash link stays below every row: {end}"
    );

    // The filter runs over every draft, whatever is built.
    send(&mut app, drafts_msg(DraftMessage::Filter("4321".into())));
    app.page.top = 0.0;
    assert_eq!(rows_built(&app), vec![4321]);
    send(&mut app, drafts_msg(DraftMessage::Filter(String::new())));
    app.list_tops.drafts = None;
    assert_eq!(rows_built(&app), first);
}
