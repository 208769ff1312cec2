//! The same figures for the ministry's form as a web page (`webform/index.html`) in Chromium,
//! launched as an app window on its own X server like the application.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use piqm_acces::reference::Reference;

use crate::Launch;

/// Debian's package `chromium`.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Chromium is told this size; its helper windows (10×10, 1×1) are never near it.
const WINDOW: (u16, u16) = (1024, 768);

/// The page with its lists and fonts, in a folder of its own for the whole run.
pub struct WebForm {
    dir: tempfile::TempDir,
}

impl WebForm {
    /// The page, ready to open; `None` when Chromium is not installed.
    pub fn prepare() -> Option<WebForm> {
        if !Path::new(CHROMIUM).exists() {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let source = repo().join("benches/window/webform/index.html");
        let template = std::fs::read_to_string(&source).expect("webform/index.html");
        std::fs::write(dir.path().join("index.html"), fill(&template)).unwrap();
        let fonts = dir.path().join("fonts");
        std::fs::create_dir(&fonts).unwrap();
        for font in ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"] {
            std::fs::copy(repo().join("resources/fonts").join(font), fonts.join(font)).unwrap();
        }
        Some(WebForm { dir })
    }

    fn url(&self) -> String {
        format!("file://{}", self.dir.path().join("index.html").display())
    }

    /// Chromium on the page, with a fresh profile (a new user-data-dir and home) each time, as
    /// a person's first visit; the flags keep it off this machine's closed network.
    pub fn launch(&self) -> Launch {
        let root = tempfile::tempdir().unwrap();
        let home = root.path().join("home");
        std::fs::create_dir(&home).unwrap();
        let log = std::fs::File::create(root.path().join("chromium.log")).unwrap();
        let mut command = Command::new(CHROMIUM);
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("LANG", "fr_CA.UTF-8")
            .arg(format!("--app={}", self.url()))
            .arg(format!(
                "--user-data-dir={}",
                root.path().join("profile").display()
            ))
            .args([
                "--no-first-run",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-default-browser-check",
            ])
            .arg(format!("--window-size={},{}", WINDOW.0, WINDOW.1));
        // Chromium refuses to start as root with its sandbox on.
        if is_root() {
            command.arg("--no-sandbox");
        }
        command
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        Launch {
            command,
            min_window: (WINDOW.0 - 24, WINDOW.1 - 24),
            // The crash handler's database is under the home, the rest names the profile.
            owned_path: Some(root.path().to_path_buf()),
            log: root.path().join("chromium.log"),
            keep: Some(root),
        }
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The template with each `<!-- options:NAME -->` marker replaced by the reference list the
/// application offers for that field, so both pick from the same 1,100-odd municipalities.
fn fill(template: &str) -> String {
    let refs = Reference::get();
    let lists = [
        (
            "municipalites",
            refs.municipalities()
                .iter()
                // The datalist proposes the value; the MRC tells namesakes apart, as the
                // application's picker does.
                .map(|m| (m.name.as_str(), m.mrc_name.as_str()))
                .collect::<Vec<_>>(),
        ),
        (
            "categories",
            refs.organization_categories()
                .iter()
                .map(|c| (c.code.as_str(), c.name_fr.as_str()))
                .collect(),
        ),
        (
            "regions",
            refs.regions()
                .iter()
                .map(|r| (r.code.as_str(), r.name.as_str()))
                .collect(),
        ),
        (
            "provinciales",
            refs.provincial_ridings()
                .iter()
                .map(|r| (r.code.as_str(), r.name.as_str()))
                .collect(),
        ),
        (
            "federales",
            refs.federal_ridings()
                .iter()
                .map(|r| (r.code.as_str(), r.name_fr.as_str()))
                .collect(),
        ),
    ];
    let mut page = template.to_string();
    for (name, options) in lists {
        let marker = format!("<!-- options:{name} -->");
        assert!(page.contains(&marker), "webform/index.html lacks {marker}");
        page = page.replace(&marker, &options_html(&options));
    }
    page
}

fn options_html(options: &[(&str, &str)]) -> String {
    let mut html = String::new();
    for (value, label) in options {
        let _ = write!(
            html,
            "<option value=\"{}\">{}</option>",
            escape(value),
            escape(label)
        );
    }
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
