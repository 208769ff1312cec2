//! The real window, measured: the release build under its own Xvfb, driven through XTest and
//! watched through the X server's own copy of its pixels.
//!
//! `cargo bench --bench window` prints, as medians and ranges:
//! - launch → window mapped, → first content on screen, → settled (no pixel changed for 1 s),
//!   and the process's PSS after 3 s idle, over `PIQM_BENCH_LAUNCHES` launches (default 5),
//!   with 0, 500 and 5,000 drafts in the data folder;
//! - a keystroke → pixels changed, in a text field, in the municipality picker and in the home
//!   screen's filter with 5,000 drafts, over `PIQM_BENCH_KEYS` keystrokes (default 30) each;
//! - a wheel notch → pixels changed, on the home screen with 5,000 drafts.
//!
//! Only a band of the window around the field is read while waiting for a keystroke's answer
//! (a read costs a fraction of a millisecond), and a change counts only when it spans several
//! pixel columns, so the caret's blink (one column) is never taken for an answer.

#[path = "../../tests/window_support/mod.rs"]
mod window_support;

mod x;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use window_support::Xvfb;
use x::{Band, Screen};

const BIN: &str = env!("CARGO_BIN_EXE_piqm-acces");
/// The screen: the window opens at 1024×768 in it.
const SCREEN: (u32, u32) = (1280, 1024);
/// No pixel changed for this long: the screen has settled.
const QUIET: Duration = Duration::from_secs(1);
const IDLE_BEFORE_MEMORY: Duration = Duration::from_secs(3);

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and only builds.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let launches = env_count("PIQM_BENCH_LAUNCHES", 5);
    let keys = env_count("PIQM_BENCH_KEYS", 30);
    println!("piqm-acces window benchmark: {launches} launches, {keys} keystrokes per case");
    println!("binary: {BIN}");
    println!();
    println!(
        "{:<34} {:>22} {:>22} {:>22} {:>14}",
        "launch", "window mapped (ms)", "first content (ms)", "settled (ms)", "PSS (MB)"
    );
    for drafts in [0, 500, 5_000] {
        // One data folder for every launch, as a person's: the first launch reads every draft
        // and writes the list's cache (index.json); it is shown apart, as "first start".
        let profile = Profile::new(drafts, false);
        let first = launch(&profile, true).1;
        let runs: Vec<LaunchFigures> = (0..launches).map(|_| launch(&profile, true).1).collect();
        let col = |f: fn(&LaunchFigures) -> f64| Stats::of(runs.iter().map(f).collect());
        println!(
            "{:<34} {:>22} {:>22} {:>22} {:>14}",
            format!("home, {drafts} drafts"),
            col(|r| r.mapped_ms).to_string(),
            col(|r| r.content_ms).to_string(),
            col(|r| r.settled_ms).to_string(),
            col(|r| r.pss_mb).short(),
        );
        if drafts > 0 {
            println!(
                "{:<34} {:>22.1} {:>22.1} {:>22.1} {:>14.1}",
                format!("  first start, {drafts} drafts"),
                first.mapped_ms,
                first.content_ms,
                first.settled_ms,
                first.pss_mb
            );
        }
    }
    println!();
    println!(
        "{:<34} {:>22}",
        "keystroke → pixels changed", "median [min–p90–max] (ms)"
    );
    let field = keystrokes(Case::TextField, keys);
    println!(
        "{:<34} {:>22}",
        "text field (organisme's name)",
        field.to_string()
    );
    let picker = keystrokes(Case::Picker, keys);
    println!("{:<34} {:>22}", "municipality picker", picker.to_string());
    let filter = keystrokes(Case::Filter, keys);
    println!(
        "{:<34} {:>22}",
        "home filter, 5,000 drafts",
        filter.to_string()
    );
    let wheel = keystrokes(Case::Wheel, keys);
    println!(
        "{:<34} {:>22}",
        "wheel notch, 5,000 drafts",
        wheel.to_string()
    );
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

// ----- a data folder --------------------------------------------------------------------------

/// A temporary home and data folder with `drafts` drafts; with `resume`, one draft stopped at the
/// organisme step is the one last opened, so Enter on the home screen resumes it.
struct Profile {
    dir: tempfile::TempDir,
    resume: Option<String>,
}

impl Profile {
    fn new(drafts: usize, resume: bool) -> Profile {
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
        let resume = resume.then(|| {
            let mut d = example.clone();
            let id = uuid::Uuid::new_v4().to_string();
            d["id"] = json!(id);
            d["etape"] = json!("organisme");
            d["organisme"]["nom"] = json!("");
            d["organisme"]["municipalite"] = json!("");
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

struct LaunchFigures {
    mapped_ms: f64,
    content_ms: f64,
    settled_ms: f64,
    pss_mb: f64,
}

/// The application running on its own X server; both end on drop.
struct Running {
    app: Child,
    screen: Screen,
    _xvfb: Xvfb,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.app.kill();
        let _ = self.app.wait();
    }
}

/// Starts the application and times its first moments; with `memory`, also waits idle and reads
/// its PSS.
fn launch(profile: &Profile, memory: bool) -> (Running, LaunchFigures) {
    let xvfb = Xvfb::start(SCREEN.0, SCREEN.1);
    let screen = Screen::connect(&xvfb.display);
    let root = profile.root();
    let log = std::fs::File::create(root.join("app.log")).unwrap();
    let start = Instant::now();
    let app = Command::new(BIN)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DISPLAY", &xvfb.display)
        .env("HOME", root.join("home"))
        .env("XDG_CONFIG_HOME", root.join("home/.config"))
        .env("XDG_DATA_HOME", root.join("home/.local/share"))
        .env("XDG_RUNTIME_DIR", root.join("runtime"))
        .env("LANG", "fr_CA.UTF-8")
        .arg("--data-dir")
        .arg(root.join("data"))
        .arg("--config")
        .arg(root.join("config.toml"))
        .args(["--lang", "fr"])
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("the application starts");
    let running = Running {
        app,
        screen,
        _xvfb: xvfb,
    };
    let window = running
        .screen
        .wait_for_map(Duration::from_secs(20))
        .unwrap_or_else(|| panic!("no window within 20 s; log:\n{}", app_log(root)));
    let mapped = start.elapsed();
    let watch = running
        .screen
        .watch(window, start, QUIET, Duration::from_secs(15));
    let figures = LaunchFigures {
        mapped_ms: ms(mapped),
        content_ms: ms(watch.first_content.unwrap_or_default()),
        settled_ms: ms(watch.last_change),
        pss_mb: if memory {
            std::thread::sleep(IDLE_BEFORE_MEMORY);
            pss_kb(running.app.id()) as f64 / 1024.0
        } else {
            0.0
        },
    };
    (running, figures)
}

fn app_log(root: &Path) -> String {
    std::fs::read_to_string(root.join("app.log")).unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Proportional set size of a process and its children, in KiB (smaps_rollup).
fn pss_kb(pid: u32) -> u64 {
    let own = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .unwrap_or(0);
    let children: u64 = std::fs::read_dir(format!("/proc/{pid}/task"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|c| {
            c.split_whitespace()
                .filter_map(|p| p.parse::<u32>().ok())
                .collect::<Vec<_>>()
        })
        .map(pss_kb)
        .sum();
    own + children
}

// ----- keystrokes -----------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Case {
    TextField,
    Picker,
    Filter,
    Wheel,
}

/// Launches once, brings focus where the case types, then times `count` answers.
fn keystrokes(case: Case, count: usize) -> Stats {
    let profile = match case {
        Case::TextField | Case::Picker => Profile::new(0, true),
        Case::Filter | Case::Wheel => Profile::new(5_000, false),
    };
    let (running, _) = launch(&profile, false);
    let s = &running.screen;
    let window = s.window();
    s.focus(window);
    s.settle(window, QUIET);
    match case {
        Case::TextField | Case::Picker => {
            assert!(profile.resume.is_some());
            // "Reprendre ce brouillon" has focus: Enter opens it at the organisme step, with
            // focus in the organisme's name.
            s.key("Return");
            s.settle(window, QUIET);
            if matches!(case, Case::Picker) {
                // Name, civic number, street, then the municipality.
                for _ in 0..3 {
                    s.key("Tab");
                }
                s.settle(window, QUIET);
            }
        }
        Case::Filter => {
            // "Nouvelle désignation" has focus; then "Importer…", "Vérifier une copie…", then
            // the filter.
            for _ in 0..3 {
                s.key("Tab");
            }
            s.settle(window, QUIET);
        }
        Case::Wheel => {
            s.pointer_to(window, 512, 500);
            s.settle(window, QUIET);
        }
    }
    // Where the answer shows: the band of the window the first keystroke changes.
    let (letters, band): (Vec<&str>, Band) = match case {
        // Letters that match many municipalities, so the picker keeps a list open.
        Case::Picker => (
            vec!["s", "a", "BackSpace", "BackSpace"],
            s.find_band(window, || s.key("s")),
        ),
        Case::Filter => (vec!["1", "BackSpace"], s.find_band(window, || s.key("1"))),
        Case::TextField => (
            vec!["a", "e", "i", "o", "u", "r", "s", "t"],
            s.find_band(window, || s.key("a")),
        ),
        // A band across the list: everything in it moves with the page.
        Case::Wheel => (vec![], Band::across(s.size(window), 420, 48)),
    };
    s.settle(window, Duration::from_millis(600));
    let mut times = Vec::with_capacity(count);
    for i in 0..count {
        let answered = match case {
            Case::Wheel => {
                // Down, then back up: the page stays within the list.
                let down = i % 2 == 0;
                s.time_answer(window, band, || s.wheel(down))
            }
            _ => {
                let key = letters[i % letters.len()];
                s.time_answer(window, band, || s.key(key))
            }
        };
        match answered {
            Some(d) => times.push(ms(d)),
            None => eprintln!("  no answer within 2 s to input {i}"),
        }
        // Past the blink of the caret and any settling: each keystroke starts from calm.
        s.settle(window, Duration::from_millis(250));
    }
    drop(running);
    Stats::of(times)
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
