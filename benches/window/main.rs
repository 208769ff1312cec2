//! The real window, measured: the release build under its own Xvfb, driven through XTest and
//! watched through the X server's own copy of its pixels; and the ministry's form as a web page
//! in Chromium, measured the same way in the same run.
//!
//! `cargo bench --bench window` prints, as medians and ranges:
//! - launch → window mapped, → first content on screen, → settled (no pixel changed for 1 s,
//!   a caret's blink aside), and the PSS of every process of the launch after 3 s idle, over
//!   `PIQM_BENCH_LAUNCHES` launches (default 5), with 0, 500 and 5,000 drafts in the data folder;
//! - a keystroke → pixels changed, in a text field, in the municipality picker and in the home
//!   screen's filter with 5,000 drafts, over `PIQM_BENCH_KEYS` keystrokes (default 30) each;
//! - a wheel notch → pixels changed, on the home screen with 5,000 drafts;
//! - on a complete designation: Tab on its review page (the focus ring moves from control to
//!   control), and a letter in the organisme's name reached by the review's "Modifier";
//! - when `/usr/bin/chromium` exists (`apt-get install chromium`), the same launch figures for
//!   `webform/index.html` in Chromium (`--app`, a fresh profile each launch), and keystrokes in
//!   its first text field and its municipality `<input list>`, with the ratio Chromium ÷
//!   piqm-acces.
//!
//! `PIQM_BENCH_ONLY` runs some groups only, a comma-separated list of `launch` (the app's
//! launches), `keys` (the app's first four keystroke cases), `review` (the two on a complete
//! designation) and `chromium`; a ratio is printed when both of its sides ran.
//!
//! Only a band of the window around the field is read while waiting for a keystroke's answer
//! (a read costs a fraction of a millisecond), and a change counts only when it spans several
//! pixel columns, so the caret's blink (one column) is never taken for an answer.

#[path = "../../tests/window_support/mod.rs"]
mod window_support;

mod chromium;
mod procs;
mod x;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use window_support::Xvfb;
use x::{Band, Screen};

/// The screen: the window opens at 1024×768 in it.
const SCREEN: (u32, u32) = (1280, 1024);
/// No pixel changed for this long: the screen has settled.
const QUIET: Duration = Duration::from_secs(1);
const IDLE_BEFORE_MEMORY: Duration = Duration::from_secs(3);
/// Between two timed inputs: past the blink of the caret and any settling, so each input starts
/// from calm.
const BETWEEN_INPUTS: Duration = Duration::from_millis(250);
/// Column widths of the tables.
const LABEL: usize = 44;
const FIGURE: usize = 22;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and only builds.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let launches = env_count("PIQM_BENCH_LAUNCHES", 5);
    let keys = env_count("PIQM_BENCH_KEYS", 30);
    let only = Only::from_env();
    println!("piqm-acces window benchmark: {launches} launches, {keys} keystrokes per case");
    println!("binary: {}", window_support::bin().display());
    let web = if only.chromium {
        chromium_or_note()
    } else {
        None
    };
    println!();
    launch_table(&only, web.as_ref(), launches);
    println!();
    keystroke_table(&only, web.as_ref(), keys);
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// Which groups of figures to measure (`PIQM_BENCH_ONLY`; all when unset).
struct Only {
    launch: bool,
    keys: bool,
    review: bool,
    chromium: bool,
}

impl Only {
    fn from_env() -> Only {
        let value = std::env::var("PIQM_BENCH_ONLY").unwrap_or_default();
        let groups: Vec<&str> = value.split(',').map(str::trim).collect();
        let all = value.trim().is_empty();
        let has = |g: &str| all || groups.contains(&g);
        Only {
            launch: has("launch"),
            keys: has("keys"),
            review: has("review"),
            chromium: has("chromium"),
        }
    }
}

fn chromium_or_note() -> Option<chromium::WebForm> {
    let web = chromium::WebForm::prepare();
    match &web {
        Some(_) => println!("web form: {} (webform/index.html)", chromium::CHROMIUM),
        None => println!(
            "Chromium rows skipped: {} is missing (apt-get install chromium)",
            chromium::CHROMIUM
        ),
    }
    web
}

// ----- the tables -----------------------------------------------------------------------------

fn launch_table(only: &Only, web: Option<&chromium::WebForm>, launches: usize) {
    println!(
        "{:<LABEL$} {:>FIGURE$} {:>FIGURE$} {:>FIGURE$} {:>FIGURE$}",
        "launch", "window mapped (ms)", "first content (ms)", "settled (ms)", "PSS (MB)"
    );
    let mut app_home = None;
    if only.launch {
        for drafts in [0, 500, 5_000] {
            let home = app_launches(drafts, launches);
            if drafts == 0 {
                app_home = Some(home);
            }
        }
    }
    let Some(web) = web else { return };
    // Its first launch in the run reads Chromium's files from disk; shown apart, as the app's
    // first start is.
    let first = launch(web.launch(), true).1;
    let runs: Vec<LaunchFigures> = (0..launches)
        .map(|_| launch(web.launch(), true).1)
        .collect();
    let chromium = LaunchStats::of(&runs);
    chromium.print("web form in Chromium, fresh profile");
    println!(
        "{:<LABEL$} {:>FIGURE$.1} {:>FIGURE$.1} {:>FIGURE$.1} {:>FIGURE$.1}",
        "  its first launch in this run",
        first.mapped_ms,
        first.content_ms,
        first.settled_ms,
        first.pss_mb
    );
    let processes = Stats::of(runs.iter().map(|r| r.processes as f64).collect());
    println!(
        "{:<LABEL$} {:>FIGURE$}",
        "  (PSS summed over its processes)",
        format!("{:.0} processes", processes.at(0.5))
    );
    if let Some(app) = app_home {
        print_ratios(
            "  Chromium ÷ piqm-acces (home, 0 drafts)",
            &[
                (&chromium.mapped, &app.mapped),
                (&chromium.content, &app.content),
                (&chromium.settled, &app.settled),
                (&chromium.pss, &app.pss),
            ],
        );
    }
}

/// The app's launches on one data folder of `drafts` drafts; returns the figures after the
/// first start.
fn app_launches(drafts: usize, launches: usize) -> LaunchStats {
    // One data folder for every launch, as a person's: the first launch reads every draft
    // and writes the list's cache (index.json); it is shown apart, as "first start".
    let profile = Profile::new(drafts, Resume::Nothing);
    let first = launch(Launch::app(&profile), true).1;
    let runs: Vec<LaunchFigures> = (0..launches)
        .map(|_| launch(Launch::app(&profile), true).1)
        .collect();
    let stats = LaunchStats::of(&runs);
    stats.print(&format!("home, {drafts} drafts"));
    if drafts > 0 {
        println!(
            "{:<LABEL$} {:>FIGURE$.1} {:>FIGURE$.1} {:>FIGURE$.1} {:>FIGURE$.1}",
            format!("  first start, {drafts} drafts"),
            first.mapped_ms,
            first.content_ms,
            first.settled_ms,
            first.pss_mb
        );
    }
    stats
}

fn keystroke_table(only: &Only, web: Option<&chromium::WebForm>, keys: usize) {
    println!(
        "{:<LABEL$} {:>FIGURE$}",
        "input → pixels changed", "median [min–p90–max] (ms)"
    );
    let row =
        |label: &str, stats: &Stats| println!("{label:<LABEL$} {:>FIGURE$}", stats.to_string());
    let (mut field, mut picker) = (None, None);
    if only.keys {
        let f = keystrokes(Case::TextField, keys);
        row("text field (organisme's name)", &f);
        let p = keystrokes(Case::Picker, keys);
        row("municipality picker", &p);
        row("home filter, 5,000 drafts", &keystrokes(Case::Filter, keys));
        row("wheel notch, 5,000 drafts", &keystrokes(Case::Wheel, keys));
        (field, picker) = (Some(f), Some(p));
    }
    if only.review {
        row(
            "Tab on the review, complete designation",
            &keystrokes(Case::ReviewTab, keys),
        );
        row(
            "text field, complete designation",
            &keystrokes(Case::CompleteField, keys),
        );
    }
    let Some(web) = web else { return };
    let web_field = chromium_keystrokes(web, WebCase::TextField, keys);
    row("Chromium: text field (organisme's name)", &web_field);
    let web_list = chromium_keystrokes(web, WebCase::Datalist, keys);
    row("Chromium: municipality <input list>", &web_list);
    if let Some(field) = &field {
        print_ratios(
            "  Chromium ÷ piqm-acces, text field",
            &[(&web_field, field)],
        );
    }
    if let Some(picker) = &picker {
        print_ratios(
            "  Chromium ÷ piqm-acces, municipality",
            &[(&web_list, picker)],
        );
    }
}

/// One line of medians' ratios, each under its column.
fn print_ratios(label: &str, pairs: &[(&Stats, &Stats)]) {
    let mut line = format!("{label:<LABEL$}");
    for (web, app) in pairs {
        line.push_str(&format!(
            " {:>FIGURE$}",
            format!("{:.1}×", web.at(0.5) / app.at(0.5))
        ));
    }
    println!("{line}");
}

// ----- a data folder --------------------------------------------------------------------------

/// The draft the home screen offers to resume (the one last opened), if any.
#[derive(Clone, Copy, PartialEq)]
enum Resume {
    Nothing,
    /// Stopped at the organisme step, its name and municipality empty.
    Blank,
    /// Every answer given (resources/examples/organisme.json), stopped at the review.
    Complete,
}

/// A temporary home and data folder with `drafts` drafts, and maybe one to resume: Enter on the
/// home screen resumes it.
struct Profile {
    dir: tempfile::TempDir,
    resume: Option<String>,
}

impl Profile {
    fn new(drafts: usize, resume: Resume) -> Profile {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("drafts")).unwrap();
        for sub in ["home", "runtime"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.path().join("runtime"),
            std::fs::Permissions::from_mode(0o700),
        )
        .unwrap();
        let example = example("organisme");
        for i in 0..drafts {
            let mut d = example.clone();
            d["id"] = json!(uuid::Uuid::new_v4().to_string());
            d["organisme"]["nom"] = json!(format!("Régie intermunicipale numéro {i}"));
            write_draft(&data, &d);
        }
        let resume = match resume {
            Resume::Nothing => None,
            Resume::Blank => {
                let mut d = example.clone();
                d["etape"] = json!("organisme");
                d["organisme"]["nom"] = json!("");
                d["organisme"]["municipalite"] = json!("");
                Some(d)
            }
            // The example is complete and at "verification", the review's step.
            Resume::Complete => Some(example),
        };
        let resume = resume.map(|mut d| {
            let id = uuid::Uuid::new_v4().to_string();
            d["id"] = json!(id);
            write_draft(&data, &d);
            let state = json!({ "dernier_brouillon": id });
            std::fs::write(data.join("state.json"), state.to_string()).unwrap();
            id
        });
        Profile { dir, resume }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The resumed draft's file as it is on disk now.
    fn resumed_draft(&self) -> Option<Value> {
        let id = self.resume.as_ref()?;
        let path = self.root().join(format!("data/drafts/{id}.json"));
        serde_json::from_slice(&std::fs::read(path).ok()?).ok()
    }
}

fn write_draft(data: &Path, d: &Value) {
    let path = data
        .join("drafts")
        .join(format!("{}.json", d["id"].as_str().unwrap()));
    std::fs::write(path, serde_json::to_vec_pretty(d).unwrap()).unwrap();
}

fn example(name: &str) -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("resources/examples/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

// ----- one launch -----------------------------------------------------------------------------

/// A program to start on its own X server, and what belongs to it.
pub struct Launch {
    command: Command,
    /// Its window is the first mapped at least this large.
    min_window: (u16, u16),
    /// Processes whose command line names this path are its own too, wherever they are in the
    /// process tree; they are ended with it.
    owned_path: Option<PathBuf>,
    log: PathBuf,
    /// A temporary folder to keep while it runs.
    keep: Option<tempfile::TempDir>,
}

impl Launch {
    fn app(profile: &Profile) -> Launch {
        let root = profile.root();
        let log = std::fs::File::create(root.join("app.log")).unwrap();
        // As the window tests start it (`PIQM_WINDOW_BIN`, else this build's binary).
        let mut command = window_support::app_command(root);
        command
            .args(["--lang", "fr"])
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        Launch {
            command,
            min_window: (200, 200),
            owned_path: None,
            log: root.join("app.log"),
            keep: None,
        }
    }
}

struct LaunchFigures {
    mapped_ms: f64,
    content_ms: f64,
    settled_ms: f64,
    pss_mb: f64,
    processes: usize,
}

struct LaunchStats {
    mapped: Stats,
    content: Stats,
    settled: Stats,
    pss: Stats,
}

impl LaunchStats {
    fn of(runs: &[LaunchFigures]) -> LaunchStats {
        let col = |f: fn(&LaunchFigures) -> f64| Stats::of(runs.iter().map(f).collect());
        LaunchStats {
            mapped: col(|r| r.mapped_ms),
            content: col(|r| r.content_ms),
            settled: col(|r| r.settled_ms),
            pss: col(|r| r.pss_mb),
        }
    }

    fn print(&self, label: &str) {
        println!(
            "{label:<LABEL$} {:>FIGURE$} {:>FIGURE$} {:>FIGURE$} {:>FIGURE$}",
            self.mapped.to_string(),
            self.content.to_string(),
            self.settled.to_string(),
            self.pss.short(),
        );
    }
}

/// The program running on its own X server; all of it ends on drop.
struct Running {
    app: Child,
    screen: Screen,
    owned_path: Option<PathBuf>,
    _keep: Option<tempfile::TempDir>,
    _xvfb: Xvfb,
}

impl Running {
    /// Every process of the launch: the tree under the one started, and those naming its path.
    fn processes(&self) -> BTreeSet<u32> {
        let mut all = procs::tree(self.app.id());
        if let Some(path) = &self.owned_path {
            all.extend(procs::naming(path));
        }
        all
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.app.kill();
        let _ = self.app.wait();
        if let Some(path) = &self.owned_path {
            procs::end_naming(path);
        }
    }
}

/// Starts the program and times its first moments; with `memory`, also waits idle and reads
/// its PSS.
fn launch(spec: Launch, memory: bool) -> (Running, LaunchFigures) {
    let Launch {
        mut command,
        min_window,
        owned_path,
        log,
        keep,
    } = spec;
    let xvfb = Xvfb::start(SCREEN.0, SCREEN.1);
    let screen = Screen::connect(&xvfb.display);
    let start = Instant::now();
    let app = command
        .env("DISPLAY", &xvfb.display)
        .spawn()
        .expect("the program starts");
    let running = Running {
        app,
        screen,
        owned_path,
        _keep: keep,
        _xvfb: xvfb,
    };
    let window = running
        .screen
        .wait_for_map(Duration::from_secs(20), min_window)
        .unwrap_or_else(|| panic!("no window within 20 s; log:\n{}", read_log(&log)));
    let mapped = start.elapsed();
    let watch = running
        .screen
        .watch(window, start, QUIET, Duration::from_secs(15));
    let (pss_mb, processes) = if memory {
        std::thread::sleep(IDLE_BEFORE_MEMORY);
        let processes = running.processes();
        let kb: u64 = processes.iter().map(|&p| procs::pss_kb(p)).sum();
        (kb as f64 / 1024.0, processes.len())
    } else {
        (0.0, 0)
    };
    let figures = LaunchFigures {
        mapped_ms: ms(mapped),
        content_ms: ms(watch.first_content.unwrap_or_default()),
        settled_ms: ms(watch.last_change),
        pss_mb,
        processes,
    };
    (running, figures)
}

fn read_log(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

// ----- keystrokes -----------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Case {
    TextField,
    Picker,
    Filter,
    Wheel,
    /// Tab on the review page of a complete designation.
    ReviewTab,
    /// A letter in the organisme's name of a complete designation, reached from its review.
    CompleteField,
}

impl Case {
    fn profile(self) -> Profile {
        match self {
            Case::TextField | Case::Picker => Profile::new(0, Resume::Blank),
            Case::Filter | Case::Wheel => Profile::new(5_000, Resume::Nothing),
            Case::ReviewTab | Case::CompleteField => Profile::new(0, Resume::Complete),
        }
    }

    /// The key whose answer finds the band, then the keys timed in turn.
    fn keys(self) -> (&'static str, &'static [&'static str]) {
        match self {
            // Letters that match many municipalities, so the picker keeps a list open.
            Case::Picker => ("s", &["s", "a", "BackSpace", "BackSpace"]),
            Case::Filter => ("1", &["1", "BackSpace"]),
            Case::TextField => ("a", &["a", "e", "i", "o", "u", "r", "s", "t"]),
            // The name stays about as long as it was, the designation complete throughout.
            Case::CompleteField => ("a", &["e", "BackSpace", "i", "BackSpace"]),
            Case::ReviewTab => ("Tab", &["Tab"]),
            Case::Wheel => ("", &[]),
        }
    }
}

/// Launches once, brings focus where the case types, then times `count` answers.
fn keystrokes(case: Case, count: usize) -> Stats {
    let profile = case.profile();
    let (running, _) = launch(Launch::app(&profile), false);
    let s = &running.screen;
    let window = s.window();
    s.focus(window);
    s.settle(window, QUIET);
    go_to(case, s, &profile);
    let stats = match case {
        Case::Wheel => {
            // A band across the list: everything in it moves with the page.
            let band = Band::across(s.size(window), 420, 48);
            // Down, then back up: the page stays within the list.
            time_inputs(s, band, count, |i| s.wheel(i % 2 == 0))
        }
        Case::ReviewTab => time_tabs_following_focus(s, count),
        _ => {
            let (first, keys) = case.keys();
            // Where the answer shows: the band of the window the first keystroke changes.
            let band = s.find_band(window, || s.key(first));
            time_inputs(s, band, count, |i| s.key(keys[i % keys.len()]))
        }
    };
    drop(running);
    stats
}

/// From the home screen to where the case types.
fn go_to(case: Case, s: &Screen, profile: &Profile) {
    let window = s.window();
    match case {
        Case::TextField | Case::Picker | Case::ReviewTab | Case::CompleteField => {
            assert!(profile.resume.is_some());
            // "Reprendre ce brouillon" has focus: Enter opens the draft where it stopped (the
            // organisme step with focus in its name, or the review with nothing focused).
            s.key("Return");
            s.settle(window, QUIET);
            if matches!(case, Case::Picker) {
                // Name, civic number, street, then the municipality.
                tabs(s, 3);
            }
            if matches!(case, Case::CompleteField) {
                // The header's four buttons (File d'envoi, Réglages, English, Aide),
                // "Retour", "Modifier" of the choice, then "Modifier" of the organisme.
                tabs(s, 7);
                s.key("Return");
                s.settle(window, QUIET);
                assert_step(profile, "organisme");
            }
        }
        Case::Filter => {
            // "Nouvelle désignation" has focus; then "Importer…", "Vérifier une copie…", then
            // the filter.
            tabs(s, 3);
        }
        Case::Wheel => {
            s.pointer_to(window, 512, 500);
            s.settle(window, QUIET);
        }
    }
}

fn tabs(s: &Screen, n: usize) {
    for _ in 0..n {
        s.key("Tab");
    }
    s.settle(s.window(), QUIET);
}

/// The keys went where they were meant to: the draft's file says which step is open.
fn assert_step(profile: &Profile, step: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    let at = || profile.resumed_draft().map(|d| d["etape"].clone());
    while at() != Some(json!(step)) {
        assert!(
            Instant::now() < deadline,
            "the draft is at {:?}, not {step}",
            at()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Times `count` inputs, `act(i)` each, to the first change of `band`.
fn time_inputs(s: &Screen, band: Band, count: usize, act: impl Fn(usize)) -> Stats {
    let window = s.window();
    s.settle(window, Duration::from_millis(600));
    let mut times = Vec::with_capacity(count);
    for i in 0..count {
        match s.time_answer(window, band, || act(i)) {
            Some(d) => times.push(ms(d)),
            None => eprintln!("  no answer within 2 s to input {i}"),
        }
        s.settle(window, BETWEEN_INPUTS);
    }
    Stats::of(times)
}

/// Times Tab on a page where the focus ring moves from control to control, so no one band
/// holds every answer: each Tab is watched in the rows the previous Tab changed (where the
/// ring it drew now is, which this Tab takes away), found again after each.
fn time_tabs_following_focus(s: &Screen, count: usize) -> Stats {
    let window = s.window();
    let mut band = s.find_band(window, || s.key("Tab"));
    s.settle(window, Duration::from_millis(600));
    let mut times = Vec::with_capacity(count);
    for i in 0..count {
        let before = s.snapshot(window);
        match s.time_answer(window, band, || s.key("Tab")) {
            Some(d) => times.push(ms(d)),
            None => eprintln!("  no answer within 2 s to Tab {i}"),
        }
        s.settle(window, BETWEEN_INPUTS);
        band = s
            .band_since(window, &before)
            .unwrap_or_else(|| Band::whole(s.size(window)));
    }
    Stats::of(times)
}

// ----- Chromium's keystrokes ------------------------------------------------------------------

#[derive(Clone, Copy)]
enum WebCase {
    /// The organisme's name, focused by `autofocus`.
    TextField,
    /// The municipality, an `<input list>` of every municipality.
    Datalist,
}

fn chromium_keystrokes(web: &chromium::WebForm, case: WebCase, count: usize) -> Stats {
    let (running, _) = launch(web.launch(), false);
    let s = &running.screen;
    let window = s.window();
    s.focus(window);
    s.settle(window, QUIET);
    // The same keys as in the application's fields.
    let (first, keys) = match case {
        WebCase::TextField => Case::TextField.keys(),
        WebCase::Datalist => {
            // Name, civic number, street, then the municipality: as in the application.
            tabs(s, 3);
            Case::Picker.keys()
        }
    };
    let band = s.find_band(window, || s.key(first));
    let stats = time_inputs(s, band, count, |i| s.key(keys[i % keys.len()]));
    drop(running);
    stats
}

// ----- figures --------------------------------------------------------------------------------

struct Stats {
    sorted: Vec<f64>,
}

impl Stats {
    fn of(mut values: Vec<f64>) -> Stats {
        values.sort_by(f64::total_cmp);
        Stats { sorted: values }
    }

    fn at(&self, q: f64) -> f64 {
        if self.sorted.is_empty() {
            return f64::NAN;
        }
        let i = ((self.sorted.len() - 1) as f64 * q).round() as usize;
        self.sorted[i]
    }

    fn short(&self) -> String {
        format!(
            "{:.1} [{:.1}–{:.1}]",
            self.at(0.5),
            self.at(0.0),
            self.at(1.0)
        )
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.sorted.len() >= 10 {
            write!(
                f,
                "{:.1} [{:.1}–{:.1}–{:.1}]",
                self.at(0.5),
                self.at(0.0),
                self.at(0.9),
                self.at(1.0)
            )
        } else {
            write!(f, "{}", self.short())
        }
    }
}
