//! The window through a screen reader's eyes: a private D-Bus session, the accessibility bus
//! (at-spi-bus-launcher) turned on as Orca turns it on, the application in Xvfb, and a Python
//! AT-SPI client (tests/a11y/screen_reader.py, python3-pyatspi) that reads the tree and drives
//! the application through AT-SPI's actions — then the draft on disk says what it did.

mod support;
mod window_support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use window_support::{Launch, Profile, Session, tools};

const LAUNCHER: &str = "/usr/libexec/at-spi-bus-launcher";

/// A session bus of our own with the accessibility bus on it; dropped, both end.
struct A11yBus {
    daemon: Child,
    launcher: Child,
    address: String,
    _runtime: tempfile::TempDir,
}

impl Drop for A11yBus {
    fn drop(&mut self) {
        for child in [&mut self.launcher, &mut self.daemon] {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl A11yBus {
    fn start() -> A11yBus {
        let runtime = tempfile::tempdir().unwrap();
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .env("XDG_RUNTIME_DIR", runtime.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_string();
        assert!(!address.is_empty(), "dbus-daemon printed no address");
        let launcher = Command::new(LAUNCHER)
            .arg("--launch-immediately")
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("XDG_RUNTIME_DIR", runtime.path())
            .env("HOME", runtime.path())
            .env_remove("DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("at-spi-bus-launcher starts");
        let bus = A11yBus {
            daemon,
            launcher,
            address,
            _runtime: runtime,
        };
        // Accessibility on, as a screen reader turns it on (the launcher may take a moment
        // to own its name).
        let start = Instant::now();
        loop {
            let set = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.a11y.Bus",
                    "/org/a11y/bus",
                    "org.freedesktop.DBus.Properties.Set",
                    "string:org.a11y.Status",
                    "string:IsEnabled",
                    "variant:boolean:true",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
                .output()
                .unwrap();
            if set.status.success() {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the accessibility bus did not answer: {}",
                String::from_utf8_lossy(&set.stderr)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        bus
    }
}

fn a11y_tools() -> bool {
    tools(&["Xvfb", "xdotool", "dbus-daemon", "dbus-send"])
        && (Path::new(LAUNCHER).exists() || tools(&["at-spi-bus-launcher"]))
        && python_has_pyatspi()
}

fn python_has_pyatspi() -> bool {
    let ok = Command::new("/usr/bin/python3")
        .args(["-c", "import pyatspi"])
        .output()
        .is_ok_and(|o| o.status.success());
    // Same rule as the X tools: in CI a missing piece fails.
    ok || tools(&["python3-pyatspi (import pyatspi)"])
}

#[test]
fn a_screen_reader_user_fills_and_sends_a_designation() {
    if !a11y_tools() {
        return;
    }
    let bus = A11yBus::start();
    let intake = support::Intake::start();
    let launch = Launch {
        endpoint: Some(intake.url()),
        env: vec![("DBUS_SESSION_BUS_ADDRESS", bus.address.clone())],
        ..Launch::default()
    };
    let s = Session::start(Profile::new(), launch);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y/screen_reader.py");
    let ftl = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/fr-CA/piqm-acces.ftl");
    let out = Command::new("/usr/bin/python3")
        .arg(&script)
        .arg(s.profile.data_dir())
        .arg(&ftl)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("DISPLAY", &s.xvfb.display)
        .env("PYTHONUNBUFFERED", "1")
        .output()
        .expect("python3 runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if !out.status.success() {
        s.fail("the screen reader's walk", &said);
    }
    assert!(said.contains("PASSED"), "{said}");
    eprintln!("{said}");

    // What the walk did is in the draft, as typed by AT-SPI.
    let drafts: Vec<_> = std::fs::read_dir(s.profile.data_dir().join("drafts"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(drafts.len(), 1, "one draft");
    let id = drafts[0]
        .path()
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let draft = s.wait_draft(&id, "/statut", &json!("envoyee"), Duration::from_secs(5));
    assert_eq!(intake.count(), 1, "sent once");
    assert_eq!(draft["organisme"]["municipalite"], "25213");
    assert_eq!(draft["organisme"]["code_postal"], "G6W 7W9");
    assert_eq!(draft["demandeur"]["civilite"], "Mme");
    assert_eq!(draft["demandeur"]["courriel"], "greffe@ville.levis.qc.ca");
    assert_eq!(draft["gestionnaire"]["nom"], "Côté");
}
