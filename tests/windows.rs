//! The Windows build as municipal IT and a secretary meet it: the MSI made by
//! `resources/packaging/windows/build-msi`, installed silently into a Wine prefix, then the
//! installed program used from its `C:\Program Files` folder — the command line on `C:\` paths,
//! a signed copy that pdfsig accepts, sending to the reference intake server on loopback, the
//! window under Xvfb — and uninstalled.
//!
//! Wine 8 (Debian 12) lacks `ProcessPrng`, which Rust's standard library asks Windows 10 for:
//! the prefix gets the ten-line stand-in of `tests/windows/processprng.c` (tests only; never in
//! the MSI). `bash tests/run` builds the MSI before the tests.

mod support;
#[path = "window_support/mod.rs"]
mod window_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use support::Intake;

const INSTALLED_EXE: &str = r"C:\Program Files\Acces PIQM\piqm-acces.exe";

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The MSI built by build-msi (or `PIQM_MSI`).
fn msi() -> PathBuf {
    if let Some(path) = std::env::var_os("PIQM_MSI") {
        return PathBuf::from(path);
    }
    let path = target_dir().join(format!(
        "packages/piqm-acces-{}-x64.msi",
        env!("CARGO_PKG_VERSION")
    ));
    assert!(
        path.is_file(),
        "{} is missing: build it with `bash resources/packaging/windows/build-msi` \
         (bash tests/run does it before the tests)",
        path.display()
    );
    path
}

/// A Wine prefix of its own (removed at the end), with the ProcessPrng stand-in.
struct Prefix {
    dir: tempfile::TempDir,
    /// The X display of every program of this prefix. Wine picks its display driver once per
    /// wineserver session, from the first program: a prefix whose programs ran without one
    /// never shows a window.
    display: Option<String>,
}

impl Prefix {
    fn new() -> Prefix {
        Prefix::on_display(None)
    }

    fn on_display(display: Option<String>) -> Prefix {
        let dir = tempfile::Builder::new()
            .prefix("piqm-wine-")
            .tempdir()
            .unwrap();
        let prefix = Prefix { dir, display };
        let out = prefix.wine(&["wineboot", "--init"]).output().unwrap();
        assert!(
            out.status.success(),
            "wineboot failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        prefix.wait_server();
        let shim = prefix
            .c_drive()
            .join("windows/system32/bcryptprimitives.dll");
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/windows/processprng.c");
        let out = Command::new("x86_64-w64-mingw32-gcc")
            .args(["-shared", "-O2", "-o"])
            .arg(&shim)
            .arg(&source)
            .arg("-ladvapi32")
            .output()
            .expect("x86_64-w64-mingw32-gcc (Debian's gcc-mingw-w64-x86-64) runs");
        assert!(
            out.status.success(),
            "the ProcessPrng stand-in did not build: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        prefix
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn c_drive(&self) -> PathBuf {
        self.path().join("drive_c")
    }

    /// `wine <args>` in this prefix, French Windows (its locale comes from LANG), no display.
    fn wine(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("wine");
        cmd.args(args)
            .env("WINEPREFIX", self.path())
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko installer at the prefix's creation: nothing here needs them.
            .env("WINEDLLOVERRIDES", "mscoree=;mshtml=")
            .env("LANG", "fr_CA.UTF-8")
            .env("LC_ALL", "fr_CA.UTF-8")
            .env_remove("PIQM_DATA_DIR")
            .env_remove("PIQM_ENDPOINT")
            .stdin(Stdio::null());
        match &self.display {
            Some(display) => cmd.env("DISPLAY", display),
            None => cmd.env_remove("DISPLAY"),
        };
        cmd
    }

    /// Waits for this prefix's wineserver to end: the registry is then on disk.
    fn wait_server(&self) {
        let _ = Command::new("wineserver")
            .arg("-w")
            .env("WINEPREFIX", self.path())
            .status();
    }

    fn install(&self) {
        self.msiexec("/i", &msi());
    }

    /// `msiexec <action> <msi> /qn` (silent, as IT runs it), then the registry on disk.
    fn msiexec(&self, action: &str, msi: &Path) {
        let out = self
            .wine(&["msiexec", action])
            .arg(msi)
            .arg("/qn")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "msiexec {action} {} /qn: {:?} {}",
            msi.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        self.wait_server();
    }

    /// The installed program with `args`.
    fn app(&self, args: &[&str]) -> Output {
        let mut all = vec![INSTALLED_EXE];
        all.extend_from_slice(args);
        self.wine(&all).output().unwrap()
    }

    /// A file of the prefix's C: drive, from its Windows path (`C:\a\b` → `drive_c/a/b`).
    fn unix_path(&self, windows: &str) -> PathBuf {
        let rest = windows
            .strip_prefix("C:\\")
            .expect("a path on C:")
            .replace('\\', "/");
        self.c_drive().join(rest)
    }
}

impl Drop for Prefix {
    fn drop(&mut self) {
        let _ = Command::new("wineserver")
            .arg("-k")
            .env("WINEPREFIX", self.path())
            .status();
    }
}

/// One prefix with the MSI installed, for the tests that use the installed program.
fn installed() -> &'static Prefix {
    static PREFIX: OnceLock<Prefix> = OnceLock::new();
    PREFIX.get_or_init(|| {
        let prefix = Prefix::new();
        prefix.install();
        prefix
    })
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_code(out: &Output, code: i32, what: &str) -> (String, String) {
    let (stdout, stderr) = text(out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}\nstdout: {stdout}\nstderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    (stdout, stderr)
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("resources/examples/{name}.json"))
}

/// Copies an example into the prefix's C: drive, optionally edited; returns its Windows path.
fn put_example(
    prefix: &Prefix,
    name: &str,
    windows: &str,
    edit: impl FnOnce(&mut serde_json::Value),
) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example(name)).unwrap()).unwrap();
    edit(&mut value);
    let path = prefix.unix_path(windows);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    windows.to_string()
}

/// The uninstall entries of the registry (`system.reg`, as Wine writes it) for Accès PIQM:
/// each key's lines.
fn uninstall_entries(prefix: &Prefix) -> Vec<String> {
    let Ok(reg) = std::fs::read(prefix.path().join("system.reg")) else {
        return Vec::new();
    };
    let reg = String::from_utf8_lossy(&reg);
    reg.split("\n[")
        .filter(|section| {
            section
                .starts_with("Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\")
        })
        // Wine writes non-ASCII letters as \x escapes.
        .filter(|section| section.contains("\"DisplayName\"=\"Acc\\xe8s PIQM\""))
        .map(str::to_string)
        .collect()
}

fn uninstall_entry(prefix: &Prefix) -> Option<String> {
    let entries = uninstall_entries(prefix);
    assert!(entries.len() <= 1, "one entry, not {entries:#?}");
    entries.into_iter().next()
}

/// A table of the MSI, as `msiinfo export` prints it.
fn msi_table(msi: &Path, table: &str) -> String {
    let out = Command::new("msiinfo")
        .args(["export"])
        .arg(msi)
        .arg(table)
        .output()
        .expect("msiinfo (msitools) runs");
    assert!(out.status.success(), "msiinfo export {table}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The same program packed as the next version (what a newer release's MSI is), from the files
/// build-msi staged.
fn next_version_msi(dir: &Path) -> (PathBuf, String) {
    let (major_minor, patch) = env!("CARGO_PKG_VERSION").rsplit_once('.').unwrap();
    let next = format!("{major_minor}.{}", patch.parse::<u32>().unwrap() + 1);
    let stage = target_dir().join("packages/windows-stage");
    let msi = dir.join(format!("piqm-acces-{next}-x64.msi"));
    let out = Command::new("wixl")
        .current_dir(&stage)
        .args(["--arch", "x64", "-D", &format!("Version={next}")])
        .args([
            "-D",
            "ExePath=piqm-acces.exe",
            "-D",
            "IconPath=piqm-acces.ico",
            "-o",
        ])
        .arg(&msi)
        .arg("piqm-acces.wxs")
        .output()
        .expect("wixl runs");
    assert!(
        out.status.success(),
        "wixl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (msi, next)
}

/// The `.lnk` files of these Start menu folders (`*` standing for every user).
fn start_menu_entries(prefix: &Prefix, menus: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for menu in menus {
        let folders: Vec<PathBuf> = match menu.split_once("/*/") {
            Some((users, rest)) => std::fs::read_dir(prefix.c_drive().join(users))
                .into_iter()
                .flatten()
                .flatten()
                .map(|user| user.path().join(rest))
                .collect(),
            None => vec![prefix.c_drive().join(menu)],
        };
        for folder in folders {
            found.extend(
                walk(&folder)
                    .into_iter()
                    .filter(|p| p.extension().is_some_and(|e| e == "lnk"))
                    .filter(|p| p.to_string_lossy().contains("PIQM")),
            );
        }
    }
    found
}

#[test]
fn the_msi_installs_silently_for_the_machine_with_a_start_menu_entry_and_uninstalls_cleanly() {
    let prefix = Prefix::new();
    prefix.install();
    let program = prefix.unix_path(INSTALLED_EXE);
    assert!(program.is_file(), "{} installed", program.display());
    // The Start menu entry: Windows puts a machine-wide install's in the common Start menu;
    // Wine 8's msiexec puts it in the installing user's.
    let menus = [
        "ProgramData/Microsoft/Windows/Start Menu/Programs",
        "users/*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs",
    ];
    let shortcut = start_menu_entries(&prefix, &menus)
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == "Accès PIQM.lnk"))
        .expect("a Start menu entry \"Accès PIQM\"");
    let entry = uninstall_entry(&prefix).expect("an entry in Applications et fonctionnalités");
    for expected in [
        "\"Publisher\"=\"Projet piqm-acces\"",
        &format!("\"DisplayVersion\"=\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"NoModify\"=dword:00000001",
        "\"Language\"=dword:0000040c",
    ] {
        assert!(entry.contains(expected), "{expected} in\n{entry}");
    }
    // What Windows shows in "Applications et fonctionnalités" and the Start menu beside the
    // name: the icon (Wine writes no DisplayIcon, so it is read in the package).
    let properties = msi_table(&msi(), "Property");
    for expected in [
        "ProductName\tAccès PIQM",
        "Manufacturer\tProjet piqm-acces",
        "ARPPRODUCTICON\tPiqmIcon.ico",
        "UpgradeCode\t{58245B60-ADA1-409A-89AA-56F236195457}",
        "ALLUSERS\t1",
    ] {
        assert!(properties.contains(expected), "{expected} in\n{properties}");
    }
    assert!(msi_table(&msi(), "Icon").contains("PiqmIcon.ico"));
    assert!(msi_table(&msi(), "Shortcut").contains("PiqmIcon.ico"));
    // Its icon and version details, as Explorer's Properties and inventory tools read them.
    let out = Command::new("x86_64-w64-mingw32-windres")
        .arg("-i")
        .arg(&program)
        .args(["-O", "rc"])
        .output()
        .expect("windres (binutils-mingw-w64-x86-64) runs");
    let resources = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "RT_GROUP_ICON",
        "VALUE \"CompanyName\", \"Projet piqm-acces\"",
        "VALUE \"ProductName\", L\"Acc\\350s PIQM\"",
        &format!(
            "VALUE \"ProductVersion\", \"{}\"",
            env!("CARGO_PKG_VERSION")
        ),
        "VALUE \"Translation\", 0xc0c, 1252",
    ] {
        assert!(resources.contains(expected), "{expected} in\n{resources}");
    }
    // The installed program runs.
    let (stdout, _) = assert_code(&prefix.app(&["--version"]), 0, "--version");
    assert!(stdout.contains(env!("CARGO_PKG_VERSION")), "{stdout}");

    // A newer MSI upgrades in place: one entry, the new version, the program still there.
    let later = tempfile::tempdir().unwrap();
    let (next_msi, next) = next_version_msi(later.path());
    prefix.msiexec("/i", &next_msi);
    let entry = uninstall_entry(&prefix).expect("the entry of the new version");
    assert!(
        entry.contains(&format!("\"DisplayVersion\"=\"{next}\"")),
        "{entry}"
    );
    assert!(program.is_file());

    prefix.msiexec("/x", &next_msi);
    assert!(!program.exists(), "the program is removed");
    assert!(
        !prefix.unix_path(r"C:\Program Files\Acces PIQM").exists(),
        "its folder is removed"
    );
    assert!(!shortcut.exists(), "the Start menu entry is removed");
    assert_eq!(start_menu_entries(&prefix, &menus), Vec::<PathBuf>::new());
    assert_eq!(
        uninstall_entry(&prefix),
        None,
        "the uninstall entry is removed"
    );
}

#[test]
fn check_answers_in_french_with_its_exit_codes_on_c_drive_paths() {
    let prefix = installed();
    for name in ["municipalite", "organisme"] {
        let file = put_example(prefix, name, &format!(r"C:\dossiers\{name}.json"), |_| {});
        let (stdout, _) = assert_code(&prefix.app(&["check", &file]), 0, name);
        assert!(
            stdout.contains("la désignation est complète et valide"),
            "{stdout}"
        );
    }
    let broken = put_example(
        prefix,
        "municipalite",
        r"C:\dossiers\à corriger.json",
        |v| {
            v["demandeur"]["courriel"] = "".into();
        },
    );
    let (stdout, stderr) = assert_code(&prefix.app(&["check", &broken]), 1, "broken");
    assert!(
        stdout.contains("demandeur.courriel: Entrez l'adresse courriel du demandeur"),
        "{stdout}"
    );
    assert!(stderr.contains("1 problème à corriger"), "{stderr}");
    let garbage = prefix.unix_path(r"C:\dossiers\illisible.json");
    std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x9f]).unwrap();
    let (_, stderr) = assert_code(
        &prefix.app(&["check", r"C:\dossiers\illisible.json"]),
        2,
        "not UTF-8",
    );
    assert!(
        stderr.contains("n'est pas un fichier texte UTF-8"),
        "{stderr}"
    );
    // The message names the file as Windows does.
    assert!(stderr.contains(r"C:\dossiers\illisible.json"), "{stderr}");
    let (_, stderr) = assert_code(
        &prefix.app(&["check", r"C:\dossiers\absent.json"]),
        2,
        "missing",
    );
    assert!(stderr.contains("ce fichier n'existe pas"), "{stderr}");
}

#[test]
fn the_language_follows_windows_and_data_lives_in_appdata() {
    let prefix = installed();
    let file = put_example(prefix, "organisme", r"C:\dossiers\langue.json", |v| {
        v["demandeur"]["nom"] = "".into();
    });
    let english = prefix
        .wine(&[INSTALLED_EXE, "check", &file])
        .env("LANG", "en_CA.UTF-8")
        .env("LC_ALL", "en_CA.UTF-8")
        .output()
        .unwrap();
    let (stdout, _) = assert_code(&english, 1, "English Windows");
    assert!(
        stdout.contains("Enter the requester's last name"),
        "{stdout}"
    );
    let (stdout, _) = assert_code(&prefix.app(&["check", &file]), 1, "French Windows");
    assert!(stdout.contains("Entrez le nom du demandeur"), "{stdout}");

    // Without --data-dir, drafts go to the user's roaming application data.
    let good = put_example(prefix, "municipalite", r"C:\dossiers\appdata.json", |_| {});
    assert_code(
        &prefix.app(&["drafts", "import", &good]),
        0,
        "import to AppData",
    );
    let users = prefix.c_drive().join("users");
    let found = std::fs::read_dir(&users)
        .unwrap()
        .flatten()
        .map(|user| user.path().join("AppData/Roaming/MAMH/piqm-acces/data"))
        .find(|data| data.is_dir());
    let data = found
        .unwrap_or_else(|| panic!("no data folder under {}/*/AppData/Roaming", users.display()));
    let drafts: Vec<_> = walk(&data)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert!(!drafts.is_empty(), "a draft under {}", data.display());
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn drafts_are_imported_listed_and_exported_in_a_c_drive_data_folder() {
    let prefix = installed();
    let data = r"C:\Données PIQM";
    let file = put_example(prefix, "organisme", r"C:\dossiers\à importer.json", |v| {
        v["organisme"]["nom"] = "Régie intermunicipale de l'Érable".into();
    });
    let (stdout, _) = assert_code(
        &prefix.app(&["--data-dir", data, "drafts", "import", &file]),
        0,
        "import",
    );
    assert!(!stdout.trim().is_empty());
    let (listing, _) = assert_code(
        &prefix.app(&["--data-dir", data, "drafts", "list"]),
        0,
        "list",
    );
    assert!(
        listing.contains("Régie intermunicipale de l'Érable"),
        "{listing}"
    );
    let id = listing
        .split_whitespace()
        .find(|w| w.len() >= 8 && w.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
        .unwrap_or_else(|| panic!("an id in {listing}"))
        .to_string();
    let out_path = r"C:\dossiers\exporté.json";
    assert_code(
        &prefix.app(&[
            "--data-dir",
            data,
            "drafts",
            "export",
            &id,
            "--output",
            out_path,
        ]),
        0,
        "drafts export",
    );
    let exported = std::fs::read_to_string(prefix.unix_path(out_path)).unwrap();
    assert!(exported.contains("Régie intermunicipale de l'Érable"));
    assert!(prefix.unix_path(data).is_dir());
}

/// pdfsig's report of a file.
fn pdfsig(path: &Path) -> String {
    let out = Command::new("pdfsig")
        .arg(path)
        .output()
        .expect("pdfsig runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_signed_copy_is_valid_and_the_signing_key_is_sealed_for_the_user() {
    let prefix = installed();
    let data = r"C:\copies";
    let file = put_example(
        prefix,
        "municipalite",
        r"C:\copies\municipalite.json",
        |_| {},
    );
    let first = r"C:\copies\désignation.pdf";
    assert_code(
        &prefix.app(&["--data-dir", data, "export", &file, "-o", first]),
        0,
        "export",
    );
    let report = pdfsig(&prefix.unix_path(first));
    assert!(report.contains("Signature is Valid."), "{report}");
    assert!(report.contains("Total document signed"), "{report}");

    // DPAPI: the key file holds no key in clear, and is read back by the next export.
    let key_file = prefix.unix_path(r"C:\copies\identite\identite.pem");
    let stored = std::fs::read(&key_file).unwrap();
    assert!(stored.starts_with(piqm_acces::secret::MAGIC), "sealed");
    assert!(
        !String::from_utf8_lossy(&stored).contains("PRIVATE KEY"),
        "no key in clear"
    );
    let (before, _) = assert_code(
        &prefix.app(&["--data-dir", data, "identity", "show"]),
        0,
        "show",
    );
    let second = r"C:\copies\deuxième.pdf";
    assert_code(
        &prefix.app(&["--data-dir", data, "export", &file, "-o", second]),
        0,
        "second export",
    );
    assert_eq!(
        std::fs::read(&key_file).unwrap(),
        stored,
        "the same sealed key"
    );
    let (after, _) = assert_code(
        &prefix.app(&["--data-dir", data, "identity", "show"]),
        0,
        "show",
    );
    assert_eq!(before, after, "the same identity signs");
    assert!(pdfsig(&prefix.unix_path(second)).contains("Signature is Valid."));
    // The Windows build's own verification agrees.
    assert_code(&prefix.app(&["verify", second]), 0, "verify");
}

/// The words of each page of a PDF, in reading order, as pdftotext reads them (its non-breaking
/// spaces as plain ones).
fn words_per_page(pdf: &Path) -> Vec<Vec<String>> {
    let info = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo {}: {info}", pdf.display()));
    (1..=pages)
        .map(|page| {
            let n = page.to_string();
            let out = Command::new("pdftotext")
                .args(["-f", &n, "-l", &n])
                .arg(pdf)
                .arg("-")
                .output()
                .expect("pdftotext runs");
            String::from_utf8_lossy(&out.stdout)
                .split(|c: char| c.is_whitespace() || c == '\u{a0}')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The folder cups-pdf writes into (`Out` of /etc/cups/cups-pdf.conf, `${HOME}/PDF` by default).
fn cups_pdf_output() -> PathBuf {
    let conf = std::fs::read_to_string("/etc/cups/cups-pdf.conf").unwrap_or_default();
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    conf.lines()
        .find_map(|l| l.trim().strip_prefix("Out "))
        .map(|out| PathBuf::from(out.trim().replace("${HOME}", &home)))
        .unwrap_or_else(|| PathBuf::from(home).join("PDF"))
}

/// Windows cannot print a PDF by itself: the copy's pages are drawn through its printing API
/// (GDI). Wine's PostScript driver writes them to a file (`print --to-file`), and Wine's
/// winspool hands a job to CUPS, to the queue "PDF" of cups-pdf that tests/run makes. Both come
/// back as the copy's own words, page for page, accents and all.
#[test]
fn print_draws_the_copys_pages_through_the_windows_printing_api() {
    let prefix = installed();
    let data = r"C:\impression";
    let file = put_example(
        prefix,
        "municipalite",
        r"C:\impression\municipalite.json",
        |_| {},
    );
    // The job is named after the file: no space in it (under Wine, a job title with a space
    // makes Debian 12's cupsd crash).
    let token = format!("impression-{}", std::process::id());
    let copy = format!(r"C:\impression\{token}.pdf");
    assert_code(
        &prefix.app(&["--data-dir", data, "export", &file, "-o", &copy]),
        0,
        "export",
    );
    let expected = words_per_page(&prefix.unix_path(&copy));
    assert_eq!(expected.len(), 2, "the copy has two pages");
    assert!(
        expected[0]
            .join(" ")
            .contains("Désignation d'un gestionnaire local des droits d'accès")
    );

    let (stdout, _) = assert_code(&prefix.app(&["printers"]), 0, "printers");
    assert!(stdout.lines().any(|l| l.starts_with("PDF")), "{stdout}");

    // To a file: PostScript from Wine's driver, made a PDF again by ghostscript.
    let ps = r"C:\impression\copie.ps";
    let (stdout, _) = assert_code(
        &prefix.app(&["print", &copy, "--printer", "PDF", "--to-file", ps]),
        0,
        "print --to-file",
    );
    let stdout = stdout.replace('\u{a0}', " ");
    assert!(
        stdout.contains(
            r"pages écrites dans « C:\impression\copie.ps » par le pilote de l'imprimante « PDF »"
        ),
        "{stdout}"
    );
    let ps = prefix.unix_path(ps);
    assert!(std::fs::read(&ps).unwrap().starts_with(b"%!PS-Adobe-3.0"));
    let printed = prefix.unix_path(r"C:\impression\imprime.pdf");
    let out = Command::new("ps2pdf")
        .arg(&ps)
        .arg(&printed)
        .output()
        .expect("ps2pdf runs");
    assert!(
        out.status.success(),
        "ps2pdf: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        words_per_page(&printed),
        expected,
        "the printed words, page for page"
    );

    // A PDF that is not one of its copies: said so, nothing printed.
    let (_, stderr) = assert_code(
        &prefix.app(&["print", r"C:\impression\imprime.pdf", "--printer", "PDF"]),
        2,
        "print of another PDF",
    );
    assert!(
        stderr.contains("ne contient pas de désignation"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ouvrez ce fichier dans un lecteur PDF"),
        "{stderr}"
    );

    // To the CUPS queue: cups-pdf names its file after the job.
    let (stdout, _) = assert_code(
        &prefix.app(&["print", &copy, "--printer", "PDF"]),
        0,
        "print to CUPS",
    );
    let stdout = stdout.replace('\u{a0}', " ");
    assert!(stdout.contains("envoyé à l'imprimante « PDF »"), "{stdout}");
    let out_dir = cups_pdf_output();
    let found = window_support::eventually(Duration::from_secs(60), || {
        std::fs::read_dir(&out_dir)
            .map_err(|e| format!("{}: {e}", out_dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.to_string_lossy().contains(&token)
                    && std::fs::metadata(p).is_ok_and(|m| m.len() > 1000)
            })
            .ok_or_else(|| format!("no file of job {token} in {}", out_dir.display()))
    });
    let from_cups = found.unwrap_or_else(|why| panic!("{why}"));
    // cups-pdf may still be writing it.
    std::thread::sleep(Duration::from_secs(1));
    let words = words_per_page(&from_cups);
    let _ = std::fs::remove_file(&from_cups);
    assert_eq!(
        words, expected,
        "the words that came out of CUPS, page for page"
    );
}

#[test]
fn submit_and_send_reach_the_intake_server_on_loopback() {
    let prefix = installed();
    let intake = Intake::start();
    let data = r"C:\envoi";
    let file = put_example(prefix, "organisme", r"C:\envoi\organisme.json", |v| {
        v["id"] = uuid::Uuid::new_v4().to_string().into();
    });
    let (stdout, _) = assert_code(
        &prefix.app(&[
            "--data-dir",
            data,
            "submit",
            "--endpoint",
            &intake.url(),
            &file,
        ]),
        0,
        "submit",
    );
    assert_eq!(intake.count(), 1, "{stdout}");
    // Offline: it waits in the outbox, then `send` delivers it once.
    let port = support::free_port();
    let offline = format!("http://127.0.0.1:{port}");
    let other = put_example(prefix, "municipalite", r"C:\envoi\municipalite.json", |v| {
        v["id"] = uuid::Uuid::new_v4().to_string().into();
    });
    assert_code(
        &prefix.app(&["--data-dir", data, "submit", "--endpoint", &offline, &other]),
        3,
        "offline submit",
    );
    let later = Intake::start_with(support::server::Config::default(), port);
    assert_code(
        &prefix.app(&["--data-dir", data, "send", "--endpoint", &offline]),
        0,
        "send",
    );
    assert_eq!(later.count(), 1);
    assert_code(
        &prefix.app(&["--data-dir", data, "send", "--endpoint", &offline]),
        0,
        "send again",
    );
    assert_eq!(later.count(), 1, "exactly once");
}

#[test]
fn the_window_opens_in_french() {
    let xvfb = window_support::Xvfb::start(1024, 768);
    let prefix = Prefix::on_display(Some(xvfb.display.clone()));
    prefix.install();
    let mut child = prefix
        .wine(&[INSTALLED_EXE])
        .arg("--data-dir")
        .arg(r"C:\fenetre")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let shots = target_dir().join("window-shots");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("windows-home.png");
    // The window is mapped, titled in French, and draws the home screen.
    let found = window_support::eventually(Duration::from_secs(60), || {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "PIQM"])
            .env("DISPLAY", &xvfb.display)
            .output()
            .map_err(|e| e.to_string())?;
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if id.is_empty() {
            return Err("no window yet".into());
        }
        std::thread::sleep(Duration::from_secs(2));
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(&shot)
            .env("DISPLAY", &xvfb.display)
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err("import failed".into());
        }
        let ocr = Command::new("tesseract")
            .arg(&shot)
            .args(["-", "-l", "fra"])
            .output()
            .map_err(|e| e.to_string())?;
        let words = String::from_utf8_lossy(&ocr.stdout).into_owned();
        if words.contains("désignation") || words.contains("Désignation") {
            Ok(words)
        } else {
            Err(format!("not yet the home screen: {words:?}"))
        }
    });
    let _ = child.kill();
    let _ = child.wait();
    prefix.wait_server();
    let words =
        found.unwrap_or_else(|why| panic!("the window under Wine ({}): {why}", shot.display()));
    for expected in ["Vos brouillons", "Réglages", "File d'envoi", "Aide"] {
        assert!(words.contains(expected), "{expected} in {words}");
    }
}
