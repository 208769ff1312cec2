//! Drives the real application the way a person does: its own X server (Xvfb on a free
//! display), the real binary with a temporary home, data folder and settings file, xdotool for
//! the keyboard, and the draft files on disk read back as JSON.
//!
//! Every process is killed when its guard drops (also when a test panics), and every wait has a
//! deadline: a test fails with what it saw and the application's output, it never hangs.
#![allow(dead_code)]

use std::fs;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The binary the test profile built (the debug build: slower than the release one, which is
/// why waits are generous and typing is paced).
pub const BIN: &str = env!("CARGO_BIN_EXE_piqm-acces");

/// The binary to run: `PIQM_WINDOW_BIN` if set (a target folder shared by several checkouts
/// holds the binary of whichever built last; copy yours aside and point at it), else [`BIN`].
pub fn bin() -> PathBuf {
    std::env::var_os("PIQM_WINDOW_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(BIN))
}

/// The app on a profile folder: its home, settings (`config.toml`) and data folder (`data/`)
/// there, nothing else of the environment but `PATH`, a French (fr_CA) locale.
pub fn app_command(root: &Path) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", root.join("home"))
        .env("XDG_CONFIG_HOME", root.join("home/.config"))
        .env("XDG_DATA_HOME", root.join("home/.local/share"))
        .env("XDG_RUNTIME_DIR", root.join("runtime"))
        .env("LANG", "fr_CA.UTF-8")
        .arg("--data-dir")
        .arg(root.join("data"))
        .arg("--config")
        .arg(root.join("config.toml"));
    cmd
}

/// Longer than the window's autosave delay (one second) with room to spare: a pause this long
/// lets "Enregistré à …" appear between two bursts of typing.
pub const PAUSE_PAST_AUTOSAVE: Duration = Duration::from_millis(2500);

/// Between two keystrokes typed by xdotool: about a fast typist.
const TYPE_DELAY_MS: &str = "40";

/// One window test at a time: they type into real windows on a machine with two cores, and
/// timing (a pause past the autosave delay, a close 100 ms after a keystroke) must mean what it
/// says.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    // A test that panicked while holding it does not make the others fail.
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether the X tools are here. In CI (CI=true) a missing tool fails the test, since .ci/run
/// installs them; elsewhere it fails too, unless PIQM_ALLOW_MISSING_TOOLS=1 says skipping is
/// fine (then a loud SKIPPED line says why).
pub fn tools(names: &[&str]) -> bool {
    let missing: Vec<&str> = names.iter().copied().filter(|n| !on_path(n)).collect();
    if missing.is_empty() {
        return true;
    }
    let missing = missing.join(", ");
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{missing} missing: .ci/run must install it");
    }
    if std::env::var("PIQM_ALLOW_MISSING_TOOLS").is_ok_and(|v| v == "1") {
        eprintln!(
            "\n*** SKIPPED: {missing} missing — install it (see .ci/run) to run this test ***\n"
        );
        return false;
    }
    panic!(
        "{missing} missing: apt-get install xvfb xauth xdotool imagemagick \
         (or PIQM_ALLOW_MISSING_TOOLS=1 to skip the window tests)"
    );
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
}

/// Polls `check` until it gives a value or the time is up; then the last reason it gave.
pub fn eventually<T>(
    timeout: Duration,
    mut check: impl FnMut() -> Result<T, String>,
) -> Result<T, String> {
    let deadline = Instant::now() + timeout;
    loop {
        match check() {
            Ok(v) => return Ok(v),
            Err(why) if Instant::now() >= deadline => return Err(why),
            Err(_) => sleep(Duration::from_millis(50)),
        }
    }
}

/// Runs a command to its end, killing it past the timeout (xdotool's `--sync` waits forever).
fn run_bounded(mut cmd: Command, timeout: Duration) -> Result<Output, String> {
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{shown}: {e}"))?;
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline => sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{shown}: still running after {timeout:?}"));
            }
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(format!(
            "{shown}: {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A private X server on a free display, killed on drop.
pub struct Xvfb {
    child: Child,
    pub display: String,
}

impl Xvfb {
    pub fn start(width: u32, height: u32) -> Xvfb {
        // Start past the displays people use, spread by process id so that two test runs at
        // once rarely try the same numbers.
        let first = 120 + std::process::id() % 300;
        for n in first..first + 200 {
            if Path::new(&format!("/tmp/.X{n}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            {
                continue;
            }
            let mut child = Command::new("Xvfb")
                .arg(format!(":{n}"))
                .args(["-screen", "0", &format!("{width}x{height}x24")])
                .args(["-nolisten", "tcp", "-noreset"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb starts");
            let socket = format!("/tmp/.X11-unix/X{n}");
            let ready = eventually(Duration::from_secs(10), || {
                if let Ok(Some(status)) = child.try_wait() {
                    // Another server took the number first: try the next one.
                    return Ok(Err(status));
                }
                UnixStream::connect(&socket)
                    .map(|_| Ok(()))
                    .map_err(|e| e.to_string())
            });
            match ready {
                Ok(Ok(())) => {
                    let xvfb = Xvfb {
                        child,
                        display: format!(":{n}"),
                    };
                    xvfb.add_accented_letters();
                    return xvfb;
                }
                Ok(Err(_)) => continue,
                Err(why) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("Xvfb :{n} did not accept connections within 10 s: {why}");
                }
            }
        }
        panic!("no free X display found");
    }
}

/// The letters of French that a US keymap lacks, lower and upper case (Latin-1 keysyms are
/// their code points).
const ACCENTED: &str = "éèêëàâçîïôùûü";

impl Xvfb {
    /// Puts French's accented letters on unused keys, as a French-Canadian keyboard has them
    /// on keys of their own. Without this xdotool binds a spare key for each such letter just
    /// before pressing it, and the application sometimes reads the press before the new
    /// binding: letters get lost ("Cooprative") or lose their capital ("É" typed as "é").
    fn add_accented_letters(&self) {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::ConnectionExt as _;
        let (conn, _) = x11rb::connect(Some(&self.display)).expect("connect to Xvfb");
        let setup = conn.setup();
        let (min, max) = (setup.min_keycode, setup.max_keycode);
        let map = conn
            .get_keyboard_mapping(min, max - min + 1)
            .expect("get_keyboard_mapping")
            .reply()
            .expect("keyboard mapping");
        let per = usize::from(map.keysyms_per_keycode);
        let mut free = (min..=max).filter(|&code| {
            let at = usize::from(code - min) * per;
            map.keysyms[at..at + per].iter().all(|&k| k == 0)
        });
        for lower in ACCENTED.chars() {
            let upper = lower.to_uppercase().next().unwrap_or(lower);
            let code = free
                .next()
                .expect("a free keycode for each accented letter");
            let mut syms = vec![0; per];
            syms[0] = u32::from(lower);
            syms[1] = u32::from(upper);
            conn.change_keyboard_mapping(1, code, per as u8, &syms)
                .expect("change_keyboard_mapping");
        }
        // A round trip: the server has applied every change before a client starts.
        conn.get_input_focus()
            .expect("get_input_focus")
            .reply()
            .expect("the keymap is changed");
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A temporary person: home, settings file, data folder and runtime folder, all removed at the
/// end, so nothing touches the real user's files.
pub struct Profile {
    dir: tempfile::TempDir,
}

impl Default for Profile {
    fn default() -> Self {
        Profile::new()
    }
}

impl Profile {
    pub fn new() -> Profile {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "data", "runtime"] {
            fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            dir.path().join("runtime"),
            fs::Permissions::from_mode(0o700),
        )
        .unwrap();
        Profile { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    fn command(&self) -> Command {
        app_command(self.root())
    }

    /// Runs a command of the command line on this profile's data folder (before the window
    /// opens: the window holds the folder's lock).
    pub fn cli(&self, args: &[&str]) -> Output {
        let out = self.command().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "piqm-acces {args:?}: {}\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Imports a draft (written to a file first) into the data folder.
    pub fn import(&self, draft: &Value) {
        let path = self.root().join("import.json");
        fs::write(&path, serde_json::to_vec_pretty(draft).unwrap()).unwrap();
        self.cli(&["drafts", "import", path.to_str().unwrap()]);
    }

    /// The draft file of this id, as JSON, if it is there and complete.
    pub fn draft(&self, id: &str) -> Result<Value, String> {
        let path = self.data_dir().join("drafts").join(format!("{id}.json"));
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The draft the window last opened, from `state.json` ("dernier_brouillon").
    pub fn last_opened(&self) -> Option<String> {
        let text = fs::read_to_string(self.data_dir().join("state.json")).ok()?;
        let state: Value = serde_json::from_str(&text).ok()?;
        state["dernier_brouillon"].as_str().map(str::to_string)
    }
}

/// How the window is started.
#[derive(Debug, Clone)]
pub struct Launch {
    pub lang: &'static str,
    pub endpoint: Option<String>,
    /// The X screen's size (the window opens at 1024×768 in it).
    pub screen: (u32, u32),
    /// More environment (the accessibility bus of tests/screen_reader.rs).
    pub env: Vec<(&'static str, String)>,
}

impl Default for Launch {
    fn default() -> Self {
        Launch {
            lang: "fr",
            endpoint: None,
            screen: (1280, 1024),
            env: Vec::new(),
        }
    }
}

/// The application running in its own X server, with its window focused. Drop kills both.
pub struct Session {
    // Field order is drop order: the application, then the X server, then the files.
    app: Option<Child>,
    pub xvfb: Xvfb,
    pub profile: Profile,
    pub window: String,
    _serial: MutexGuard<'static, ()>,
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(mut app) = self.app.take() {
            let _ = app.kill();
            let _ = app.wait();
        }
    }
}

impl Session {
    pub fn start(profile: Profile, launch: Launch) -> Session {
        let serial = serial();
        let xvfb = Xvfb::start(launch.screen.0, launch.screen.1);
        let log = fs::File::create(profile.root().join("app.log")).unwrap();
        let mut cmd = profile.command();
        cmd.env("DISPLAY", &xvfb.display)
            .args(["--lang", launch.lang])
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        if let Some(url) = &launch.endpoint {
            cmd.args(["--endpoint", url]);
        }
        for (key, value) in &launch.env {
            cmd.env(key, value);
        }
        let app = cmd.spawn().expect("the application starts");
        let mut session = Session {
            app: Some(app),
            xvfb,
            profile,
            window: String::new(),
            _serial: serial,
        };
        session.window = session.find_window();
        session.xdotool(&["windowfocus", "--sync", &session.window.clone()]);
        // The first frame shows before the drafts list is read (in the background): let the
        // home screen settle, or the first Tabs would count without the list's controls. What
        // a test does next is checked on disk, so a slower machine fails loudly, not silently.
        sleep(Duration::from_millis(1000));
        session
    }

    fn pid(&self) -> u32 {
        self.app.as_ref().map(Child::id).unwrap_or_default()
    }

    /// The application's output so far, for failure messages.
    pub fn log(&self) -> String {
        fs::read_to_string(self.profile.root().join("app.log")).unwrap_or_default()
    }

    /// Fails the test with what it was waiting for, why, the application's output and a
    /// screenshot of the window as it was (best effort: a failure to take it is only said).
    pub fn fail(&self, what: &str, why: &str) -> ! {
        let shot = shots_dir().join(format!(
            "failure-{}-{}.png",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis())
        ));
        let _ = fs::create_dir_all(shots_dir());
        let mut cmd = Command::new("import");
        cmd.env("DISPLAY", &self.xvfb.display)
            .args(["-window", &self.window])
            .arg(&shot);
        let shot = match run_bounded(cmd, Duration::from_secs(10)) {
            Ok(_) => shot.display().to_string(),
            Err(e) => format!("none ({e})"),
        };
        panic!(
            "{what}\n  last seen: {why}\n  screenshot: {shot}\n  application output:\n{}",
            self.log()
        );
    }

    fn find_window(&mut self) -> String {
        let pid = self.pid().to_string();
        let mut cmd = Command::new("xdotool");
        cmd.env("DISPLAY", &self.xvfb.display).args([
            "search",
            "--sync",
            "--onlyvisible",
            "--pid",
            &pid,
        ]);
        match run_bounded(cmd, Duration::from_secs(30)) {
            Ok(out) => String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .unwrap_or_default()
                .trim()
                .to_string(),
            Err(why) => {
                let exited = self.app.as_mut().and_then(|a| a.try_wait().ok().flatten());
                self.fail(
                    "the window did not appear within 30 s",
                    &format!("{why}; application exited: {exited:?}"),
                )
            }
        }
    }

    /// Runs xdotool on this display; a failure fails the test.
    pub fn xdotool(&self, args: &[&str]) -> String {
        let mut cmd = Command::new("xdotool");
        cmd.env("DISPLAY", &self.xvfb.display).args(args);
        match run_bounded(cmd, Duration::from_secs(30)) {
            Ok(out) => String::from_utf8_lossy(&out.stdout).into_owned(),
            Err(why) => self.fail("xdotool failed", &why),
        }
    }

    /// Types text into whatever has the keyboard focus, as a person would (paced keystrokes).
    pub fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", TYPE_DELAY_MS, "--", text]);
    }

    /// Presses keys (xdotool names: Tab, shift+Tab, Return, space, Escape, F1).
    pub fn key(&self, keys: &[&str]) {
        let mut args = vec!["key", "--delay", "120"];
        args.extend_from_slice(keys);
        self.xdotool(&args);
    }

    /// Presses Tab `n` times.
    pub fn tab(&self, n: usize) {
        if n > 0 {
            self.key(&vec!["Tab"; n]);
        }
    }

    /// Waits for a condition, failing the test with what was last seen.
    pub fn wait<T>(
        &self,
        what: &str,
        timeout: Duration,
        check: impl FnMut() -> Result<T, String>,
    ) -> T {
        eventually(timeout, check).unwrap_or_else(|why| self.fail(what, &why))
    }

    /// Waits until the window opens a draft (`state.json` names it) other than `before`.
    pub fn wait_opened(&self, what: &str, before: Option<&str>) -> String {
        self.wait(what, Duration::from_secs(5), || {
            match self.profile.last_opened() {
                Some(id) if Some(id.as_str()) != before => Ok(id),
                other => Err(format!("state.json names {other:?}")),
            }
        })
    }

    /// Waits until the draft file says this at `pointer` (a JSON pointer such as
    /// "/organisme/nom"); returns the whole draft.
    pub fn wait_draft(
        &self,
        id: &str,
        pointer: &str,
        expected: &Value,
        timeout: Duration,
    ) -> Value {
        let what = format!("draft {id}: {pointer} should become {expected}");
        self.wait(&what, timeout, || {
            let draft = self.profile.draft(id)?;
            match draft.pointer(pointer) {
                Some(v) if v == expected => Ok(draft),
                other => Err(format!("{pointer} = {other:?}")),
            }
        })
    }

    /// Asks the window to close as a desktop's window manager does: a WM_DELETE_WINDOW client
    /// message (bare Xvfb has no window manager, and `xdotool windowclose` destroys the window
    /// without asking, which no desktop does).
    pub fn close_window(&self) {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};
        let (conn, _) = x11rb::connect(Some(&self.xvfb.display)).expect("connect to Xvfb");
        let atom = |name: &[u8]| {
            conn.intern_atom(false, name)
                .expect("intern_atom")
                .reply()
                .expect("intern_atom reply")
                .atom
        };
        let protocols = atom(b"WM_PROTOCOLS");
        let delete = atom(b"WM_DELETE_WINDOW");
        let window: u32 = self.window.parse().expect("a window id");
        let event = ClientMessageEvent::new(
            32,
            window,
            protocols,
            [delete, x11rb::CURRENT_TIME, 0, 0, 0],
        );
        conn.send_event(false, window, EventMask::NO_EVENT, event)
            .expect("send_event");
        conn.flush().expect("flush");
    }

    /// Sends a signal to the application (TERM: what a desktop's log-out sends).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("kill(1) runs");
        assert!(status.success(), "kill -{name} failed");
    }

    /// The application's exit status if it ends within `timeout`, else `None` (it goes on).
    pub fn wait_exit_within(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let status = eventually(timeout, || match self.app.as_mut().map(Child::try_wait) {
            Some(Ok(Some(status))) => Ok(status),
            other => Err(format!("still running ({other:?})")),
        })
        .ok()?;
        self.app = None;
        Some(status)
    }

    /// Waits for the application to end by itself.
    pub fn wait_exit(&mut self, what: &str, timeout: Duration) -> ExitStatus {
        match self.wait_exit_within(timeout) {
            Some(status) => status,
            None => self.fail(what, &format!("still running after {timeout:?}")),
        }
    }

    /// Resizes the window (there is no window manager to refuse) and lets it draw again.
    pub fn resize(&self, width: u32, height: u32) {
        self.xdotool(&[
            "windowsize",
            "--sync",
            &self.window,
            &width.to_string(),
            &height.to_string(),
        ]);
        sleep(Duration::from_millis(700));
    }

    /// Turns the mouse wheel over the middle of the window: positive is down, a notch is about
    /// a line. (The layout shots scroll this way; the keyboard tests never touch the mouse.)
    pub fn wheel(&self, notches: i32) {
        let button = if notches > 0 { "5" } else { "4" };
        let count = notches.unsigned_abs().to_string();
        self.xdotool(&[
            "mousemove",
            "--window",
            &self.window,
            "300",
            "300",
            "click",
            "--repeat",
            &count,
            "--delay",
            "20",
            button,
        ]);
        sleep(Duration::from_millis(400));
    }

    /// The window's size on screen, in pixels.
    pub fn window_size(&self) -> (u16, u16) {
        use x11rb::protocol::xproto::ConnectionExt as _;
        let (conn, _) = x11rb::connect(Some(&self.xvfb.display)).expect("connect to Xvfb");
        let window: u32 = self.window.parse().expect("a window id");
        let g = conn
            .get_geometry(window)
            .expect("get_geometry")
            .reply()
            .expect("the window's size");
        (g.width, g.height)
    }

    /// How many pixel rows from the window's top have the colour of its first one: the height
    /// of the top band, which grows with the text size (read from the X server's copy of the
    /// window, a column at x = 2).
    pub fn band_height(&self) -> u32 {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat};
        let (conn, screen) = x11rb::connect(Some(&self.xvfb.display)).expect("connect to Xvfb");
        let root = conn.setup().roots[screen].root;
        let window: u32 = self.window.parse().expect("a window id");
        let geometry = conn
            .get_geometry(window)
            .expect("get_geometry")
            .reply()
            .expect("the window's size");
        // From the screen at the window's place (the window's own drawable may have another
        // depth than the screen's, which GetImage refuses).
        let at = conn
            .translate_coordinates(window, root, 2, 0)
            .expect("translate_coordinates")
            .reply()
            .expect("the window's place");
        let image = conn
            .get_image(
                ImageFormat::Z_PIXMAP,
                root,
                at.dst_x,
                at.dst_y,
                1,
                geometry.height,
                !0,
            )
            .expect("get_image")
            .reply()
            .unwrap_or_else(|e| {
                self.fail(
                    "reading the window's pixels",
                    &format!(
                        "{e:?} {}x{} depth {} at {},{}",
                        geometry.width, geometry.height, geometry.depth, at.dst_x, at.dst_y
                    ),
                )
            });
        // 24-bit depth comes as 4 bytes a pixel.
        let pixels: Vec<&[u8]> = image.data.chunks_exact(4).collect();
        let first = pixels.first().copied().unwrap_or_default();
        pixels.iter().take_while(|p| **p == first).count() as u32
    }

    /// A PNG of the window as it is now.
    pub fn screenshot(&self, path: &Path) {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap();
        }
        let mut cmd = Command::new("import");
        cmd.env("DISPLAY", &self.xvfb.display)
            .args(["-window", &self.window])
            .arg(path);
        if let Err(why) = run_bounded(cmd, Duration::from_secs(30)) {
            self.fail("screenshot failed", &why);
        }
    }
}

/// One of `resources/examples/` as JSON, to change before importing.
pub fn example(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("resources/examples")
        .join(format!("{name}.json"));
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Where the screenshots are kept as test artefacts: `target/window-shots/` (next to the
/// binary under test, so a shared CARGO_TARGET_DIR is honoured).
pub fn shots_dir() -> PathBuf {
    // BIN is <target>/debug/piqm-acces (or <target>/<triple>/debug/…).
    let bin = Path::new(BIN);
    let target = bin
        .ancestors()
        .find(|p| p.join("CACHEDIR.TAG").is_file())
        .or_else(|| bin.parent().and_then(Path::parent))
        .unwrap_or_else(|| Path::new("target"));
    target.join("window-shots")
}
