//! Printing a file and opening it in the default viewer: CUPS (`lpstat`, `lp`) on Linux and
//! macOS, the shell's print verb on Windows. Behind a small trait so that the GUI can be tested
//! with a stand-in, while the tests of this module print to a real CUPS queue.

use std::path::Path;
use std::process::Command;

/// A printer the user can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterInfo {
    pub name: String,
    pub is_default: bool,
}

/// A job handed to the print system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    /// The system's job id ("PDF-12"), empty when the system gives none.
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// The print system's commands are not installed (no CUPS).
    NoPrintSystem(String),
    /// No printer of that name.
    UnknownPrinter(String),
    /// The print system refused the job or failed; its own words.
    Failed(String),
}

impl std::fmt::Display for PrintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrintError::NoPrintSystem(d) => write!(f, "no print system: {d}"),
            PrintError::UnknownPrinter(p) => write!(f, "unknown printer {p}"),
            PrintError::Failed(d) => write!(f, "printing failed: {d}"),
        }
    }
}

impl std::error::Error for PrintError {}

impl PrintError {
    /// The Fluent id of the message for the user; variables `$printer` and `$detail`.
    pub fn message_id(&self) -> &'static str {
        match self {
            PrintError::NoPrintSystem(_) => "pdf-print-no-system",
            PrintError::UnknownPrinter(_) => "pdf-print-unknown-printer",
            PrintError::Failed(_) => "pdf-print-failed",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            PrintError::NoPrintSystem(d)
            | PrintError::UnknownPrinter(d)
            | PrintError::Failed(d) => d.clone(),
        }
    }
}

/// The print system.
pub trait Printer {
    /// The printers, the default one marked.
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError>;
    /// Sends a PDF file to a printer; `title` names the job in the queue.
    fn print(&self, printer: &str, file: &Path, title: &str) -> Result<PrintJob, PrintError>;
}

/// The machine's print system.
pub fn system_printer() -> Box<dyn Printer + Send + Sync> {
    #[cfg(windows)]
    {
        Box::new(WindowsPrinter)
    }
    #[cfg(not(windows))]
    {
        Box::new(Cups)
    }
}

fn run(cmd: &mut Command) -> Result<std::process::Output, PrintError> {
    // The print system's messages are parsed: ask for them untranslated.
    cmd.env("LC_ALL", "C").env("LANG", "C");
    let program = cmd.get_program().to_string_lossy().into_owned();
    cmd.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            PrintError::NoPrintSystem(format!("{program}: {e}"))
        } else {
            PrintError::Failed(format!("{program}: {e}"))
        }
    })
}

/// CUPS, through its command-line tools.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cups;

impl Cups {
    fn default_printer() -> Option<String> {
        let out = run(Command::new("lpstat").arg("-d")).ok()?;
        let text = String::from_utf8_lossy(&out.stdout);
        // "system default destination: PDF"
        text.lines()
            .find_map(|l| {
                l.split_once("destination:")
                    .map(|(_, n)| n.trim().to_string())
            })
            .filter(|n| !n.is_empty())
    }
}

impl Printer for Cups {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        let out = run(Command::new("lpstat").arg("-e"))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            // No scheduler, or no printers: an empty list, unless the tool itself failed.
            if err.contains("No destinations") || out.stdout.is_empty() && err.is_empty() {
                return Ok(Vec::new());
            }
            return Err(PrintError::Failed(err.trim().to_string()));
        }
        let default = Self::default_printer();
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|name| PrinterInfo {
                is_default: default.as_deref() == Some(name),
                name: name.to_string(),
            })
            .collect())
    }

    fn print(&self, printer: &str, file: &Path, title: &str) -> Result<PrintJob, PrintError> {
        if !self.printers()?.iter().any(|p| p.name == printer) {
            return Err(PrintError::UnknownPrinter(printer.to_string()));
        }
        let out = run(Command::new("lp")
            .arg("-d")
            .arg(printer)
            .arg("-t")
            .arg(title)
            .arg("--")
            .arg(file))?;
        let text = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(PrintError::Failed(format!(
                "{} {}",
                text.trim(),
                err.trim()
            )));
        }
        // "request id is PDF-12 (1 file(s))"
        let id = text
            .split_whitespace()
            .skip_while(|w| *w != "is")
            .nth(1)
            .unwrap_or_default()
            .to_string();
        Ok(PrintJob { id })
    }
}

/// Windows: the printers from PowerShell, the file sent with the shell's `PrintTo` verb (the
/// default PDF reader prints it). Names and paths travel in environment variables, never
/// spliced into the command.
#[cfg(windows)]
#[derive(Debug, Clone, Copy, Default)]
pub struct WindowsPrinter;

#[cfg(windows)]
impl Printer for WindowsPrinter {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        let script =
            "Get-CimInstance Win32_Printer | ForEach-Object { \"$($_.Default)`t$($_.Name)\" }";
        let out = run(Command::new("powershell").args(["-NoProfile", "-Command", script]))?;
        if !out.status.success() {
            return Err(PrintError::Failed(
                String::from_utf8_lossy(&out.stderr).trim().to_string(),
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(default, name)| PrinterInfo {
                name: name.trim().to_string(),
                is_default: default.trim().eq_ignore_ascii_case("true"),
            })
            .collect())
    }

    fn print(&self, printer: &str, file: &Path, _title: &str) -> Result<PrintJob, PrintError> {
        let script = "Start-Process -FilePath $env:PIQM_PRINT_FILE -Verb PrintTo \
                      -ArgumentList ('\"' + $env:PIQM_PRINT_PRINTER + '\"') -WindowStyle Hidden";
        let out = run(Command::new("powershell")
            .args(["-NoProfile", "-Command", script])
            .env("PIQM_PRINT_FILE", file)
            .env("PIQM_PRINT_PRINTER", printer))?;
        if !out.status.success() {
            return Err(PrintError::Failed(
                String::from_utf8_lossy(&out.stderr).trim().to_string(),
            ));
        }
        Ok(PrintJob { id: String::new() })
    }
}

/// Opens a file in the system's default application (the PDF viewer).
pub fn open_in_viewer(path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "macos")]
    let mut cmd = {
        let mut c = Command::new("open");
        c.arg(path);
        c
    };
    #[cfg(windows)]
    let mut cmd = {
        let mut c = Command::new("explorer");
        c.arg(path);
        c
    };
    #[cfg(not(any(target_os = "macos", windows)))]
    let mut cmd = {
        let mut c = Command::new("xdg-open");
        c.arg(path);
        c
    };
    let mut child = cmd.spawn()?;
    // Reap it when it exits, without making the caller wait.
    std::thread::spawn(move || child.wait());
    Ok(())
}
