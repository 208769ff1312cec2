//! The command line: the same services as the GUI, for scripts, support and CI.
//!
//! Exit codes: 0 all is well; 1 the designation has problems; 2 a file cannot be read or parsed
//! (or the command line is wrong).

mod drafts;
mod send;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use fluent_bundle::FluentValue;

use crate::designation::{self, ParseError, ParseErrorKind, Severity, validate};
use crate::i18n::{Lang, Localizer};
use crate::reference::Reference;

#[derive(Debug, Parser)]
#[command(
    name = "piqm-acces",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[arg(
        long,
        global = true,
        env = "PIQM_DATA_DIR",
        hide_env = true,
        value_name = "DIR"
    )]
    pub data_dir: Option<PathBuf>,
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(long, global = true, value_enum, hide_possible_values = true)]
    pub lang: Option<LangArg>,
    #[arg(
        long,
        global = true,
        env = "PIQM_ENDPOINT",
        hide_env = true,
        value_name = "URL"
    )]
    pub endpoint: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
    /// Validates a draft file, puts it in the outbox and tries to send it.
    Submit {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
    /// Sends everything in the outbox.
    Send,
    /// Looks up a Bureau municipal username.
    Lookup {
        #[arg(value_name = "USERNAME")]
        username: String,
    },
    /// The drafts on disk: list, import, export, delete, trash.
    Drafts {
        #[command(subcommand)]
        command: drafts::DraftsCommand,
    },
    Export {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
        output: PathBuf,
        #[arg(
            long,
            value_enum,
            default_value = "letter",
            hide_default_value = true,
            hide_possible_values = true
        )]
        paper: PaperArg,
        #[arg(long, value_name = "FILE.p12")]
        p12: Option<PathBuf>,
    },
    Print {
        #[arg(value_name = "FILE.pdf")]
        file: PathBuf,
        #[arg(long, value_name = "NAME")]
        printer: Option<String>,
    },
    Printers,
    Identity {
        #[command(subcommand)]
        command: IdentityCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum IdentityCommand {
    Show,
    Import {
        #[arg(value_name = "FILE.p12")]
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaperArg {
    Letter,
    A4,
}

impl From<PaperArg> for crate::pdf::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::Letter => crate::pdf::Paper::Letter,
            PaperArg::A4 => crate::pdf::Paper::A4,
        }
    }
}

/// Exit codes shared by every command.
pub mod exit {
    pub const OK: u8 = 0;
    pub const PROBLEMS: u8 = 1;
    pub const UNREADABLE: u8 = 2;
    /// `submit`, `send`: left in the outbox (offline, service busy, no address configured);
    /// `lookup`: the service could not be asked.
    pub const LEFT_IN_OUTBOX: u8 = 3;
    /// `submit`, `send`: refused by the ministry.
    pub const REFUSED: u8 = 4;
}

/// The language asked for with `--lang` anywhere on the line, else the system's.
/// Read before clap so that help and errors are already in the right language.
fn requested_lang(args: &[OsString]) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = it.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_code) {
            return lang;
        }
    }
    Lang::from_system()
}

/// The clap command with every help text and heading taken from the Fluent files.
fn localized_command(l: &Localizer) -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}",
        l.t("cli-heading-usage")
    );
    let options = l.t("cli-heading-options");
    Cli::command()
        .help_template(template.clone())
        .subcommand_help_heading(l.t("cli-heading-commands"))
        .about(l.t("cli-about"))
        // Global: clap copies it into every subcommand.
        .mut_arg("help", |a| {
            a.help(l.t("cli-help-help")).help_heading(options.clone())
        })
        .mut_arg("version", |a| {
            a.help(l.t("cli-help-version"))
                .help_heading(options.clone())
        })
        .mut_arg("data_dir", |a| {
            a.help(l.t("cli-help-data-dir"))
                .help_heading(options.clone())
        })
        .mut_arg("config", |a| {
            a.help(l.t("cli-help-config")).help_heading(options.clone())
        })
        .mut_arg("lang", |a| {
            a.help(l.t("cli-help-lang")).help_heading(options.clone())
        })
        .mut_subcommand("check", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-check"))
                .mut_arg("file", |a| {
                    a.help(l.t("cli-help-check-file"))
                        .help_heading(l.t("cli-heading-arguments"))
                })
        })
        .mut_arg("endpoint", |a| {
            a.help(l.t("cli-help-endpoint"))
                .help_heading(options.clone())
        })
        .mut_subcommand("submit", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-submit"))
                .mut_arg("file", |a| {
                    a.help(l.t("cli-help-submit-file"))
                        .help_heading(l.t("cli-heading-arguments"))
                })
        })
        .mut_subcommand("send", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-send"))
        })
        .mut_subcommand("lookup", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-lookup"))
                .mut_arg("username", |a| {
                    a.help(l.t("cli-help-lookup-username"))
                        .help_heading(l.t("cli-heading-arguments"))
                })
        })
        .mut_subcommand("drafts", |c| drafts::localize(c, l, &template))
        .mut_subcommand("export", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-export"))
                .mut_arg("file", |a| {
                    a.help(l.t("cli-help-export-file"))
                        .help_heading(l.t("cli-heading-arguments"))
                })
                .mut_arg("output", |a| {
                    a.help(l.t("cli-help-export-output"))
                        .help_heading(options.clone())
                })
                .mut_arg("paper", |a| {
                    a.help(l.t("cli-help-export-paper"))
                        .help_heading(options.clone())
                })
                .mut_arg("p12", |a| {
                    a.help(l.t("cli-help-export-p12"))
                        .help_heading(options.clone())
                })
        })
        .mut_subcommand("print", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-print"))
                .mut_arg("file", |a| {
                    a.help(l.t("cli-help-print-file"))
                        .help_heading(l.t("cli-heading-arguments"))
                })
                .mut_arg("printer", |a| {
                    a.help(l.t("cli-help-print-printer"))
                        .help_heading(options.clone())
                })
        })
        .mut_subcommand("printers", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-printers"))
        })
        .mut_subcommand("identity", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-identity"))
                .subcommand_help_heading(l.t("cli-heading-commands"))
                .mut_subcommand("show", |c| {
                    c.help_template(template.clone())
                        .about(l.t("cli-help-identity-show"))
                })
                .mut_subcommand("import", |c| {
                    c.help_template(template.clone())
                        .about(l.t("cli-help-identity-import"))
                        .mut_arg("file", |a| {
                            a.help(l.t("cli-help-identity-import-file"))
                                .help_heading(l.t("cli-heading-arguments"))
                        })
                })
        })
}

/// Runs the command line; returns the process exit code. Without a command, opens the window.
pub fn run(args: Vec<OsString>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let l = Localizer::new(requested_lang(&args));
    let matches = match localized_command(&l).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) if e.use_stderr() => {
            let _ = write!(err, "{}", e.render());
            return exit::UNREADABLE;
        }
        Err(e) => {
            // --help and --version
            let _ = write!(out, "{}", e.render());
            return exit::OK;
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = write!(err, "{}", e.render());
            return exit::UNREADABLE;
        }
    };
    let l = match cli.lang {
        Some(lang) => Localizer::new(lang.into()),
        None => l,
    };
    let ctx = send::Context {
        l: &l,
        data_dir: cli.data_dir.as_deref(),
        config: cli.config.as_deref(),
        endpoint: cli.endpoint.as_deref(),
    };
    match cli.command {
        Some(Command::Check { file }) => check(&file, &l, out, err),
        Some(Command::Submit { file }) => send::submit(&file, &ctx, out, err),
        Some(Command::Send) => send::send(&ctx, out, err),
        Some(Command::Lookup { username }) => send::lookup(&username, &ctx, out, err),
        Some(Command::Drafts { command }) => {
            drafts::run(command, cli.data_dir.as_deref(), &l, out, err)
        }
        Some(Command::Export {
            file,
            output,
            paper,
            p12,
        }) => {
            let request = crate::cli_pdf::ExportRequest {
                file: &file,
                output: &output,
                paper: paper.into(),
                p12: p12.as_deref(),
                data_dir: cli.data_dir.as_deref(),
            };
            crate::cli_pdf::export(&request, &l, out, err)
        }
        Some(Command::Print { file, printer }) => {
            crate::cli_pdf::print(&file, printer.as_deref(), &l, out, err)
        }
        Some(Command::Printers) => crate::cli_pdf::printers(&l, out, err),
        Some(Command::Identity { command }) => {
            let data_dir = cli.data_dir.as_deref();
            match command {
                IdentityCommand::Show => crate::cli_pdf::identity_show(data_dir, &l, out, err),
                IdentityCommand::Import { file } => {
                    crate::cli_pdf::identity_import(&file, data_dir, &l, out, err)
                }
            }
        }
        None => {
            let options = crate::gui::Options {
                lang: cli.lang.map(Lang::from),
                config: cli.config.clone(),
                data_dir: crate::paths::data_dir(cli.data_dir.as_deref()),
                endpoint: cli.endpoint.clone(),
            };
            match crate::gui::run(options) {
                Ok(()) => exit::OK,
                Err(e) => {
                    let reason = e.to_string();
                    let _ = writeln!(
                        err,
                        "{}",
                        l.t_args("cli-gui-failed", &[("reason", reason.into())])
                    );
                    exit::UNREADABLE
                }
            }
        }
    }
}

/// `check FILE.json`: every problem as `field.path: message`.
fn check(path: &Path, l: &Localizer, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let d = match read_draft(path, l) {
        Ok(d) => d,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            return exit::UNREADABLE;
        }
    };
    let problems = validate(&d, Reference::get());
    for p in &problems {
        let line = match p.severity {
            Severity::Error => format!("{}: {}", p.field.path(), l.problem(p)),
            Severity::Warning => format!(
                "{}: {} — {}",
                p.field.path(),
                l.t("cli-warning"),
                l.problem(p)
            ),
        };
        let _ = writeln!(out, "{line}");
    }
    let shown = path.display().to_string();
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if errors == 0 {
        let _ = writeln!(
            out,
            "{}",
            l.t_args("cli-check-valid", &[("path", shown.into())])
        );
        exit::OK
    } else {
        let count = FluentValue::from(errors);
        let summary = l.t_args(
            "cli-check-invalid",
            &[("path", shown.into()), ("count", count)],
        );
        let _ = writeln!(err, "{summary}");
        exit::PROBLEMS
    }
}

/// Reads and parses a draft file, or says in words what is wrong with it.
pub fn read_draft(path: &Path, l: &Localizer) -> Result<designation::Designation, String> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        l.t_args(
            "cli-file-unreadable",
            &[
                ("path", shown.clone().into()),
                ("reason", io_reason(&e, l).into()),
            ],
        )
    })?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(l.t_args("cli-file-not-utf8", &[("path", shown.into())]));
    };
    designation::from_json(&text).map_err(|e| parse_message(&shown, &e, l))
}

pub(crate) fn io_reason(e: &std::io::Error, l: &Localizer) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => l.t("io-not-found"),
        std::io::ErrorKind::PermissionDenied => l.t("io-permission-denied"),
        std::io::ErrorKind::IsADirectory => l.t("io-is-a-directory"),
        _ => e.to_string(),
    }
}

fn parse_message(path: &str, e: &ParseError, l: &Localizer) -> String {
    let args = |extra: Vec<(&'static str, FluentValue<'static>)>| {
        let mut all: Vec<(&str, FluentValue)> = vec![
            ("path", path.to_string().into()),
            ("line", e.line.into()),
            ("column", e.column.into()),
            ("detail", e.detail.clone().into()),
        ];
        all.extend(extra);
        all
    };
    match &e.kind {
        ParseErrorKind::Syntax => l.t_args("cli-parse-syntax", &args(vec![])),
        ParseErrorKind::Truncated => l.t_args("cli-parse-truncated", &args(vec![])),
        ParseErrorKind::Content => l.t_args("cli-parse-content", &args(vec![])),
        ParseErrorKind::NoVersion => l.t_args("cli-parse-no-version", &args(vec![])),
        ParseErrorKind::NewerVersion { found } => l.t_args(
            "cli-parse-newer-version",
            &args(vec![("found", (*found).into())]),
        ),
    }
}
