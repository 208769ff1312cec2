//! Printing a copy and opening it in the default viewer. CUPS (`lpstat`, `lp`) on Linux and
//! macOS prints the PDF file; Windows, which has no built-in way to print a PDF, draws the copy's
//! pages through its printing API (`gdi.rs`), so that no PDF reader is needed. Behind a small
//! trait so that the GUI can be tested with a stand-in, while the tests of this module print to a
//! real CUPS queue.

use std::path::Path;
use std::process::Command;

use super::page::Pages;

#[cfg(windows)]
mod gdi;
#[cfg(windows)]
pub use gdi::WindowsPrinter;

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
    /// Writing the printer's data to a file is not offered by this print system.
    ToFileUnsupported,
}

impl std::fmt::Display for PrintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrintError::NoPrintSystem(d) => write!(f, "no print system: {d}"),
            PrintError::UnknownPrinter(p) => write!(f, "unknown printer {p}"),
            PrintError::Failed(d) => write!(f, "printing failed: {d}"),
            PrintError::ToFileUnsupported => write!(f, "printing to a file is not offered here"),
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
            PrintError::ToFileUnsupported => "pdf-print-to-file-unsupported",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            PrintError::NoPrintSystem(d)
            | PrintError::UnknownPrinter(d)
            | PrintError::Failed(d) => d.clone(),
            PrintError::ToFileUnsupported => String::new(),
        }
    }
}

/// What to print: a signed copy, as its file and, for a system that draws pages, as its pages.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    pub file: &'a Path,
    /// The copy's pages; needed when the system [draws pages](Printer::draws_pages).
    pub pages: Option<&'a Pages>,
    /// Names the job in the queue.
    pub title: &'a str,
    /// Writes what the printer would receive (its driver's PostScript, PCL…) to this file
    /// instead of printing, where the system offers it.
    pub output: Option<&'a Path>,
}

/// The print system.
pub trait Printer {
    /// The printers, the default one marked.
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError>;
    /// Whether this system prints the copy's pages rather than its PDF file.
    fn draws_pages(&self) -> bool {
        false
    }
    /// Hands the job to a printer.
    fn print(&self, printer: &str, job: &Job<'_>) -> Result<PrintJob, PrintError>;
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

    fn print(&self, printer: &str, job: &Job<'_>) -> Result<PrintJob, PrintError> {
        if job.output.is_some() {
            return Err(PrintError::ToFileUnsupported);
        }
        if !self.printers()?.iter().any(|p| p.name == printer) {
            return Err(PrintError::UnknownPrinter(printer.to_string()));
        }
        let out = run(Command::new("lp")
            .arg("-d")
            .arg(printer)
            .arg("-t")
            .arg(job.title)
            .arg("--")
            .arg(job.file))?;
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
