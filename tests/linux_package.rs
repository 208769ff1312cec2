//! The Debian package that `resources/packaging/linux/build-deb` makes, checked as a
//! distribution would: every file in its place and owned by root, the control fields, the
//! .desktop entry and the AppStream metadata through their validators, the manual page through
//! man and groff; then installed for real with dpkg, run (the command line, and the window under
//! Xvfb, whose WM_CLASS must match the .desktop entry and whose libraries must all come from the
//! package's Depends), and removed, leaving nothing behind.
//!
//! It does not build the package (a release build takes minutes): tests/run runs build-deb
//! before `cargo test`. As root (CI) it installs onto the machine; otherwise into a throwaway
//! dpkg root. It never touches a piqm-acces that was installed before it.

mod tools;
mod window_support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use piqm_acces::APP_ID;
use piqm_acces::i18n::Lang;
use window_support::{Xvfb, eventually};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const BUILD_HINT: &str = "run `bash resources/packaging/linux/build-deb` first (tests/run does)";
const HICOLOR_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];
/// The libraries the window opens with dlopen, which build-deb adds to what dpkg-shlibdeps finds.
const LOADED_AT_RUN_TIME: [&str; 8] = [
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcursor1",
    "libxi6",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libwayland-client0",
];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs a program to its end; a failure to start or a non-zero exit fails the test with its
/// output.
fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?} cannot start: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8_lossy(&run(cmd).stdout).into_owned()
}

fn arch() -> String {
    stdout(Command::new("dpkg").arg("--print-architecture"))
        .trim()
        .to_string()
}

/// The package build-deb wrote: in `$CARGO_TARGET_DIR/packages/`, else `target/packages/`.
fn deb() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { repo().join(t) })
        .unwrap_or_else(|| repo().join("target"));
    let deb = target
        .join("packages")
        .join(format!("piqm-acces_{VERSION}_{}.deb", arch()));
    assert!(deb.is_file(), "{} is missing: {BUILD_HINT}", deb.display());
    deb
}

/// The package's files, unpacked into a temporary folder.
fn unpacked() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    run(Command::new("dpkg-deb")
        .arg("-x")
        .arg(deb())
        .arg(dir.path()));
    dir
}

/// Every file (not folder) the package must install, as absolute paths.
fn expected_files() -> BTreeSet<String> {
    let mut files: BTreeSet<String> = [
        "/usr/bin/piqm-acces".to_string(),
        format!("/usr/share/applications/{APP_ID}.desktop"),
        format!("/usr/share/metainfo/{APP_ID}.metainfo.xml"),
        format!("/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
        "/usr/share/man/man1/piqm-acces.1.gz".to_string(),
        "/usr/share/man/en/man1/piqm-acces.1.gz".to_string(),
        "/usr/share/doc/piqm-acces/copyright".to_string(),
        "/usr/share/doc/piqm-acces/third-party-crates.txt".to_string(),
        "/usr/share/doc/piqm-acces/changelog.gz".to_string(),
    ]
    .into();
    for size in HICOLOR_SIZES {
        files.insert(format!(
            "/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        ));
    }
    files
}

#[test]
fn the_package_holds_every_file_and_root_owns_them() {
    let deb = deb();
    let listing = stdout(Command::new("dpkg-deb").arg("--contents").arg(&deb));
    let mut files = BTreeMap::new();
    for line in listing.lines() {
        // drwxr-xr-x root/root         0 2026-12-03 10:00 ./usr/
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(cols.len() >= 6, "unexpected line in the listing: {line}");
        assert_eq!(cols[1], "root/root", "not owned by root: {line}");
        let path = cols[5].trim_start_matches('.');
        if !cols[0].starts_with('d') {
            files.insert(path.to_string(), cols[0].to_string());
        }
    }
    let found: BTreeSet<String> = files.keys().cloned().collect();
    assert_eq!(
        found,
        expected_files(),
        "the package's files differ from what it must hold"
    );
    for (path, mode) in &files {
        let want = if path == "/usr/bin/piqm-acces" {
            "-rwxr-xr-x"
        } else {
            "-rw-r--r--"
        };
        assert_eq!(mode, want, "{path}");
    }
}

#[test]
fn the_control_file_names_the_package_and_what_it_needs() {
    let deb = deb();
    let info = stdout(Command::new("dpkg-deb").arg("--info").arg(&deb));
    for field in [
        "Package:",
        "Version:",
        "Architecture:",
        "Maintainer:",
        "Installed-Size:",
        "Depends:",
        "Section:",
        "Priority:",
        "Description:",
    ] {
        assert!(
            info.contains(field),
            "no {field} in dpkg-deb --info:\n{info}"
        );
    }
    let field = |name: &str| {
        stdout(Command::new("dpkg-deb").arg("--field").arg(&deb).arg(name))
            .trim_end()
            .to_string()
    };
    assert_eq!(field("Package"), "piqm-acces");
    assert_eq!(field("Version"), VERSION);
    assert_eq!(field("Architecture"), arch());
    assert_eq!(field("Section"), "misc");
    assert_eq!(field("Priority"), "optional");
    let maintainer = field("Maintainer");
    assert!(
        maintainer.contains(" <") && maintainer.ends_with('>') && maintainer.contains('@'),
        "Maintainer is not \"Name <address>\": {maintainer}"
    );
    let description = field("Description");
    assert!(
        description.starts_with("designate the local access rights manager"),
        "{description}"
    );
    assert!(description.contains("Accès PIQM replaces"), "{description}");
    assert!(description.contains("Accès PIQM remplace"), "{description}");

    let depends = depends(&deb);
    for package in ["libc6"].iter().chain(&LOADED_AT_RUN_TIME) {
        assert!(
            depends.contains(*package),
            "Depends lacks {package}: {depends:?}"
        );
    }

    // Installed-Size counts what the files take, in KiB, as dpkg-gencontrol does.
    let dir = unpacked();
    let mut kib = 0u64;
    for entry in walk(dir.path()) {
        let meta = fs::symlink_metadata(&entry).unwrap();
        kib += if meta.is_file() {
            meta.len().div_ceil(1024)
        } else {
            1
        };
    }
    let declared: u64 = field("Installed-Size").parse().expect("a number of KiB");
    assert_eq!(declared, kib, "Installed-Size against the unpacked files");

    // Every library the binary links comes from Depends or what they depend on.
    let bin = dir.path().join("usr/bin/piqm-acces");
    let ldd = stdout(Command::new("ldd").arg(&bin));
    let linked: Vec<PathBuf> = ldd
        .lines()
        .filter_map(|l| l.split("=> ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(PathBuf::from)
        .collect();
    assert!(!linked.is_empty(), "ldd found no library:\n{ldd}");
    assert_libraries_come_from(&linked, &depends, "linked (ldd)");
}

/// The package names of Depends (versions and alternatives dropped: every alternative counts).
fn depends(deb: &Path) -> BTreeSet<String> {
    let field = stdout(
        Command::new("dpkg-deb")
            .arg("--field")
            .arg(deb)
            .arg("Depends"),
    );
    package_names(&field)
}

fn package_names(field: &str) -> BTreeSet<String> {
    field
        .split([',', '|'])
        .filter_map(|dep| dep.split_whitespace().next())
        .map(|name| name.split(':').next().unwrap_or(name).to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// Every file and folder under `dir` (`dir` itself left out), depth first.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        out.push(path.clone());
        if meta.is_dir() {
            out.extend(walk(&path));
        }
    }
    out
}

/// The installed packages that `packages` bring, themselves included.
fn closure(packages: &BTreeSet<String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = packages.iter().cloned().collect();
    while let Some(package) = todo.pop() {
        if !seen.insert(package.clone()) {
            continue;
        }
        // Not installed (an alternative not taken, a virtual package): nothing to follow.
        let Ok(out) = Command::new("dpkg-query")
            .args(["-W", "-f", "${Depends}, ${Pre-Depends}"])
            .arg(&package)
            .output()
        else {
            continue;
        };
        if out.status.success() {
            todo.extend(package_names(&String::from_utf8_lossy(&out.stdout)));
        }
    }
    seen
}

/// The package that installed `file` (the merged /usr makes /lib and /usr/lib one folder, and
/// dpkg knows each file under one of the two names).
fn owner(file: &Path) -> Option<String> {
    let real = fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let mut names = vec![file.to_path_buf(), real.clone()];
    for path in [file, real.as_path()] {
        if let Ok(rest) = path.strip_prefix("/usr") {
            names.push(Path::new("/").join(rest));
        } else {
            names.push(Path::new("/usr").join(path.strip_prefix("/").unwrap_or(path)));
        }
    }
    names.into_iter().find_map(|name| {
        let out = Command::new("dpkg-query")
            .arg("-S")
            .arg(&name)
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text.lines().next().filter(|_| out.status.success())?;
        let package = line.split(':').next()?.trim();
        Some(package.to_string())
    })
}

fn assert_libraries_come_from(libraries: &[PathBuf], depends: &BTreeSet<String>, what: &str) {
    let brought = closure(depends);
    let mut strays = Vec::new();
    for library in libraries {
        match owner(library) {
            Some(package) if brought.contains(&package) => {}
            Some(package) => strays.push(format!("{} (from {package})", library.display())),
            None => strays.push(format!("{} (from no package)", library.display())),
        }
    }
    assert!(
        strays.is_empty(),
        "libraries {what} that Depends does not bring: {strays:?}\nDepends: {depends:?}"
    );
}

#[test]
fn the_desktop_entry_and_the_metainfo_pass_their_validators_and_agree() {
    let dir = unpacked();
    let desktop = dir
        .path()
        .join(format!("usr/share/applications/{APP_ID}.desktop"));
    let metainfo = dir
        .path()
        .join(format!("usr/share/metainfo/{APP_ID}.metainfo.xml"));

    if let Some(validate) = tools::tool("desktop-file-validate") {
        let out = run(Command::new(validate).arg(&desktop));
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.trim().is_empty(), "desktop-file-validate: {said}");
    }
    if let Some(appstreamcli) = tools::tool("appstreamcli") {
        let out = run(Command::new(appstreamcli)
            .args(["validate", "--no-net", "--no-color"])
            .arg(&metainfo));
        let said = String::from_utf8_lossy(&out.stdout);
        let issues: Vec<&str> = said
            .lines()
            .filter(|l| ["E:", "W:", "I:"].iter().any(|p| l.starts_with(p)))
            .collect();
        assert!(issues.is_empty(), "appstreamcli validate: {said}");
    }

    // The entry starts the installed binary, and the window's WM_CLASS / app id (APP_ID) is
    // what ties the running window to it and to its icon.
    let entry = fs::read_to_string(&desktop).unwrap();
    let key = |k: &str| {
        entry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .unwrap_or_else(|| panic!("no {k}= in the .desktop entry"))
            .to_string()
    };
    assert_eq!(key("Name"), "Accès PIQM");
    assert_eq!(key("Name[en]"), "PIQM Access");
    assert_eq!(key("Exec"), "piqm-acces");
    assert_eq!(key("Icon"), APP_ID);
    assert_eq!(key("StartupWMClass"), APP_ID);
    assert_eq!(key("Categories"), "Office;");
    for k in ["Comment", "Comment[en]", "GenericName", "GenericName[en]"] {
        assert!(!key(k).is_empty(), "{k} is empty");
    }
    assert!(key("Keywords").contains("désignation"));
    assert!(key("Keywords[en]").contains("designation"));

    let xml = fs::read_to_string(&metainfo).unwrap();
    for part in [
        format!("<id>{APP_ID}</id>"),
        format!("<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"),
        "<binary>piqm-acces</binary>".to_string(),
        format!("<release version=\"{VERSION}\""),
        "<content_rating type=\"oars-1.1\"/>".to_string(),
        "<summary xml:lang=\"en\">".to_string(),
    ] {
        assert!(xml.contains(&part), "the metainfo lacks {part}");
    }
    // Each screenshot is one of the repository's.
    let shots: Vec<&str> = xml
        .split("<image")
        .skip(1)
        .filter_map(|s| s.split('>').nth(1))
        .filter_map(|s| s.split('<').next())
        .collect();
    assert!(shots.len() >= 3, "only {} screenshots", shots.len());
    for url in shots {
        let local = url
            .split_once("/resources/screenshots/")
            .map(|(_, name)| repo().join("resources/screenshots").join(name))
            .unwrap_or_else(|| panic!("{url} is not one of resources/screenshots/"));
        assert!(local.is_file(), "{url}: no {}", local.display());
    }
}

#[test]
fn the_icons_are_the_window_icon_at_every_size() {
    let dir = unpacked();
    let svg = dir.path().join(format!(
        "usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"
    ));
    assert_eq!(
        fs::read(&svg).unwrap(),
        fs::read(repo().join("resources/packaging/icons/piqm-acces.svg")).unwrap()
    );
    for size in HICOLOR_SIZES {
        let png = dir.path().join(format!(
            "usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        ));
        let bytes = fs::read(&png).unwrap();
        assert_eq!(
            &bytes[..8],
            b"\x89PNG\r\n\x1a\n",
            "{} is no PNG",
            png.display()
        );
        // IHDR: width and height, big-endian, right after the chunk's length and name.
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((width, height), (size, size), "{}", png.display());
    }
    // The 64 px one against src/gui/icon.rs's drawing: transparent corner, Québec blue inside,
    // white on the check mark's corner (27, 45).
    let Some(convert) = tools::tool("convert") else {
        return;
    };
    let png = dir
        .path()
        .join(format!("usr/share/icons/hicolor/64x64/apps/{APP_ID}.png"));
    let pixel = |x: u32, y: u32| {
        stdout(Command::new(&convert).arg(&png).args([
            "-format",
            &format!("%[pixel:p{{{x},{y}}}]"),
            "info:",
        ]))
    };
    assert!(pixel(0, 0).ends_with(",0)"), "corner: {}", pixel(0, 0));
    assert_eq!(pixel(8, 32), "srgba(9,87,151,1)");
    assert_eq!(pixel(27, 44), "srgba(255,255,255,1)");
    assert_eq!(pixel(40, 50), "srgba(9,87,151,1)");
}

/// Every command's full name ("piqm-acces drafts list"), from the grammar itself.
fn command_names(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
    for sub in cmd.get_subcommands() {
        let name = format!("{prefix} {}", sub.get_name());
        command_names(sub, &name, out);
        out.push(name);
    }
}

/// The page as man shows it, wide enough that no command name is broken across lines, and
/// groff's warnings (none expected).
fn man(page: &Path) -> (String, String) {
    let man = tools::tool("man").expect("man (man-db)");
    let out = run(Command::new(man)
        .env("MANWIDTH", "200")
        .env("LC_ALL", "C.UTF-8")
        .args(["--warnings", "-E", "UTF-8", "-l"])
        .arg(page));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_manual_page_renders_and_names_every_command() {
    let dir = unpacked();
    let fr = dir.path().join("usr/share/man/man1/piqm-acces.1.gz");
    let (text, warnings) = man(&fr);
    assert!(warnings.trim().is_empty(), "groff warnings: {warnings}");
    for heading in [
        "NOM",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDES",
        "ENVIRONNEMENT",
        "CODES DE SORTIE",
        "VERSION",
    ] {
        assert!(
            text.lines().any(|l| l == heading),
            "no {heading} section:\n{text}"
        );
    }
    let mut names = Vec::new();
    command_names(
        &piqm_acces::cli::command(Lang::Fr),
        "piqm-acces",
        &mut names,
    );
    assert!(names.len() > 10, "{names:?}");
    for name in &names {
        assert!(
            text.lines().any(|l| l.trim() == name),
            "the manual page has no section for {name}"
        );
    }
    for text_of_help in [
        "--data-dir <DIR>",
        "Dossier des brouillons et de la file d'envoi",
        "Vérifie un brouillon",
        "PIQM_P12_PASSWORD",
        format!("v{VERSION}").as_str(),
    ] {
        assert!(text.contains(text_of_help), "no {text_of_help:?}:\n{text}");
    }
    // whatis and apropos read the NAME line through lexgrog.
    if let Some(lexgrog) = tools::tool("lexgrog") {
        let out = stdout(Command::new(lexgrog).arg(&fr));
        assert!(
            out.contains("\"piqm-acces - Désignation d'un gestionnaire local"),
            "lexgrog: {out}"
        );
    }

    let en = dir.path().join("usr/share/man/en/man1/piqm-acces.1.gz");
    let (text, warnings) = man(&en);
    assert!(warnings.trim().is_empty(), "groff warnings: {warnings}");
    for line in [
        "NAME",
        "COMMANDS",
        "EXIT STATUS",
        "   piqm-acces drafts list",
    ] {
        assert!(text.lines().any(|l| l == line), "no {line:?}:\n{text}");
    }
    assert!(text.contains("Checks a draft"), "{text}");
}

/// Where the test installs the package. As root (CI): the machine itself, with `dpkg -i`, as a
/// person would. Otherwise a throwaway root (`dpkg --root`, its own empty database), the same
/// dpkg doing the same unpacking and removal — dependencies are then not checked by dpkg, and
/// this test checks them itself against the machine's packages (the libraries the window loads).
enum Place {
    System,
    Throwaway(tempfile::TempDir),
}

impl Place {
    fn choose() -> Place {
        if stdout(Command::new("id").arg("-u")).trim() == "0" {
            return Place::System;
        }
        let dir = tempfile::tempdir().unwrap();
        let admin = dir.path().join("var/lib/dpkg");
        for sub in ["info", "updates", "triggers"] {
            fs::create_dir_all(admin.join(sub)).unwrap();
        }
        fs::write(admin.join("status"), "").unwrap();
        eprintln!(
            "linux_package: not root, so the package goes into a throwaway dpkg root ({}), not \
             onto this machine; CI (root) installs it for real",
            dir.path().display()
        );
        Place::Throwaway(dir)
    }

    /// "/" or the throwaway root.
    fn root(&self) -> &Path {
        match self {
            Place::System => Path::new("/"),
            Place::Throwaway(dir) => dir.path(),
        }
    }

    /// A path of the installed system ("/usr/bin/piqm-acces") where it is here.
    fn path(&self, installed: &str) -> PathBuf {
        self.root().join(installed.trim_start_matches('/'))
    }

    fn dpkg(&self) -> Command {
        let mut cmd = Command::new("dpkg");
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        if let Place::Throwaway(dir) = self {
            cmd.arg(format!("--root={}", dir.path().display())).args([
                "--force-not-root",
                "--force-depends",
                "--log=/dev/null",
            ]);
        }
        cmd
    }

    /// dpkg's word on the package: "install ok installed", …; None when it never heard of it.
    fn status(&self) -> Option<String> {
        let mut cmd = Command::new("dpkg-query");
        if let Place::Throwaway(dir) = self {
            cmd.arg(format!(
                "--admindir={}",
                dir.path().join("var/lib/dpkg").display()
            ));
        }
        let out = cmd
            .args(["-W", "-f", "${Status}", "piqm-acces"])
            .output()
            .expect("dpkg-query runs");
        let status = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (out.status.success() && !status.ends_with("not-installed") && !status.is_empty())
            .then_some(status)
    }
}

/// Removes the package when the test ends, passed or failed: it installed it, so it takes it
/// away (and only then: it is made after the checks that nothing was there before).
struct Installed<'a>(&'a Place);

impl Drop for Installed<'_> {
    fn drop(&mut self) {
        if self.0.status().is_some() {
            let _ = self.0.dpkg().args(["--purge", "piqm-acces"]).output();
        }
    }
}

#[test]
fn it_installs_runs_and_removes_cleanly() {
    let deb = deb();
    let place = Place::choose();
    // Never replace nor remove an installation that was there before.
    assert!(
        place.status().is_none(),
        "piqm-acces is already known to dpkg ({}): this test installs and removes it, so it \
         leaves such a machine alone — remove it first (dpkg --purge piqm-acces) or run the \
         test elsewhere",
        place.status().unwrap_or_default()
    );
    for path in expected_files() {
        assert!(
            !place.path(&path).exists(),
            "{path} exists though piqm-acces is not installed: this test would overwrite it"
        );
    }

    let installed = Installed(&place);
    let out = place.dpkg().arg("-i").arg(&deb).output().unwrap();
    assert!(
        out.status.success(),
        "dpkg -i {}: {}\n{}{}\n(missing dependencies? tests/run installs them)",
        deb.display(),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(place.status().as_deref(), Some("install ok installed"));
    let listed: BTreeSet<String> = stdout(place.dpkg().args(["-L", "piqm-acces"]))
        .lines()
        .map(str::to_string)
        .collect();
    for path in expected_files() {
        assert!(listed.contains(&path), "dpkg -L does not list {path}");
        assert!(
            place.path(&path).is_file(),
            "{path} is not installed (a path-exclude in /etc/dpkg/dpkg.cfg.d/?)"
        );
    }

    // Every installed file as the package's md5sums say.
    let verify = stdout(place.dpkg().args(["--verify", "piqm-acces"]));
    assert!(verify.trim().is_empty(), "dpkg --verify: {verify}");

    let bin = place.path("/usr/bin/piqm-acces");
    let version = stdout(Command::new(&bin).arg("--version"));
    assert_eq!(version.trim(), format!("piqm-acces {VERSION}"));
    let data = tempfile::tempdir().unwrap();
    let out = run(Command::new(&bin)
        .env("PIQM_DATA_DIR", data.path())
        .args(["--lang", "fr", "check"])
        .arg(repo().join("resources/examples/municipalite.json")));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("la désignation est complète et valide"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    if let Some(man) = tools::tool("man") {
        match place {
            // Found on PATH and by man as a person finds them: French by default, English
            // when asked.
            Place::System => {
                let on_path = stdout(Command::new("piqm-acces").arg("--version"));
                assert_eq!(on_path, version);
                let fr = stdout(
                    Command::new(&man)
                        .env("LC_ALL", "C")
                        .args(["-w", "piqm-acces"]),
                );
                assert_eq!(fr.trim(), "/usr/share/man/man1/piqm-acces.1.gz");
                let en = stdout(Command::new(&man).args(["-L", "en", "-w", "piqm-acces"]));
                assert_eq!(en.trim(), "/usr/share/man/en/man1/piqm-acces.1.gz");
            }
            Place::Throwaway(_) => {
                let pages = place.path("/usr/share/man");
                let fr = stdout(
                    Command::new(&man)
                        .env("LC_ALL", "C")
                        .arg("-M")
                        .arg(&pages)
                        .args(["-w", "piqm-acces"]),
                );
                assert_eq!(Path::new(fr.trim()), pages.join("man1/piqm-acces.1.gz"));
            }
        }
    }

    the_installed_window_belongs_to_its_desktop_entry(&bin, &deb);

    run(place.dpkg().args(["-r", "piqm-acces"]));
    drop(installed);
    assert_eq!(
        place.status(),
        None,
        "dpkg still knows piqm-acces after dpkg -r"
    );
    for path in &listed {
        let path = place.path(path);
        // Folders shared with other packages (/usr/share/man, …) stay, and must.
        if !path.is_dir() {
            assert!(!path.exists(), "{} is left after dpkg -r", path.display());
        }
    }
}

/// The installed binary opens its window on a private X server: its WM_CLASS is APP_ID (the
/// .desktop entry's StartupWMClass, so docks show the right name and icon), and every library
/// it loaded, dlopen included, comes from the package's Depends.
fn the_installed_window_belongs_to_its_desktop_entry(bin: &Path, deb: &Path) {
    if !window_support::tools(&["Xvfb"]) {
        return;
    }
    let xvfb = Xvfb::start(1280, 1024);
    let home = tempfile::tempdir().unwrap();
    let runtime = home.path().join("runtime");
    fs::create_dir_all(&runtime).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&runtime, fs::Permissions::from_mode(0o700)).unwrap();
    let ld_log = home.path().join("ld");
    let app = Command::new(bin)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("DISPLAY", &xvfb.display)
        .env("LANG", "fr_CA.UTF-8")
        .env("PIQM_DATA_DIR", home.path().join("data"))
        // Every library the dynamic loader maps, also the ones opened with dlopen.
        .env("LD_DEBUG", "files")
        .env("LD_DEBUG_OUTPUT", &ld_log)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the installed application starts");
    let mut app = Running(app);

    let classes = eventually(Duration::from_secs(60), || {
        if let Ok(Some(status)) = app.0.try_wait() {
            return Ok(Err(format!("the application exited: {status}")));
        }
        mapped_window_classes(&xvfb.display).map(Ok)
    })
    .unwrap_or_else(|why| panic!("no window mapped within 60 s: {why}"))
    .unwrap_or_else(|why| panic!("{why}"));
    assert!(
        classes
            .iter()
            .any(|(instance, class)| instance == APP_ID && class == APP_ID),
        "no window with WM_CLASS {APP_ID}: {classes:?}"
    );
    // What it loads while drawing its first screens (fonts, the cursor theme, input), then
    // a keystroke's worth of time.
    std::thread::sleep(Duration::from_secs(2));
    app.stop();

    let mut libraries = BTreeSet::new();
    for entry in fs::read_dir(home.path()).unwrap() {
        let path = entry.unwrap().path();
        if !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("ld.")
        {
            continue;
        }
        for line in fs::read_to_string(&path).unwrap().lines() {
            if let Some(lib) = line.split("calling init: ").nth(1) {
                libraries.insert(PathBuf::from(lib.trim()));
            }
        }
    }
    let x11: Vec<_> = libraries
        .iter()
        .filter(|l| l.to_string_lossy().contains("libX11"))
        .collect();
    assert!(
        !x11.is_empty(),
        "the loader's log names no X11 library: {libraries:?}"
    );
    let libraries: Vec<PathBuf> = libraries.into_iter().collect();
    assert_libraries_come_from(&libraries, &depends(deb), "the window loaded (LD_DEBUG)");
}

/// Kills the application when the test ends, however it ends.
struct Running(Child);

impl Running {
    fn stop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

/// (instance, class) of each mapped top-level window; an error while there is none.
fn mapped_window_classes(display: &str) -> Result<Vec<(String, String)>, String> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{AtomEnum, ConnectionExt as _, MapState};
    let (conn, screen) = x11rb::connect(Some(display)).map_err(|e| e.to_string())?;
    let root = conn.setup().roots[screen].root;
    let tree = conn
        .query_tree(root)
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?;
    let mut classes = Vec::new();
    for window in tree.children {
        let attrs = conn
            .get_window_attributes(window)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        if attrs.map_state != MapState::VIEWABLE {
            continue;
        }
        let prop = conn
            .get_property(false, window, AtomEnum::WM_CLASS, AtomEnum::STRING, 0, 256)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&prop.value).into_owned();
        let mut parts = text.split('\0');
        let instance = parts.next().unwrap_or_default().to_string();
        let class = parts.next().unwrap_or_default().to_string();
        classes.push((instance, class));
    }
    if classes.is_empty() {
        Err("no mapped window yet".to_string())
    } else {
        Ok(classes)
    }
}
