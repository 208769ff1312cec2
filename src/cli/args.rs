//! The command line's grammar: every command and option (clap), with its help texts taken from
//! the Fluent files, and the language asked for, read before clap so that help and errors are
//! already in that language.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, Parser, Subcommand, ValueEnum};

use super::drafts;
use crate::i18n::{Lang, Localizer};

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
        #[arg(long, value_name = "OUT")]
        to_file: Option<PathBuf>,
    },
    Printers,
    /// Checks a signed copy: whole, as signed, by whom.
    Verify {
        #[arg(value_name = "COPIE.pdf")]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
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

/// The language asked for with `--lang` anywhere on the line, else the system's.
/// Read before clap so that help and errors are already in the right language.
pub(super) fn requested_lang(args: &[OsString]) -> Lang {
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
pub(super) fn localized_command(l: &Localizer) -> clap::Command {
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
                .mut_arg("to_file", |a| {
                    a.help(l.t("cli-help-print-to-file"))
                        .help_heading(options.clone())
                })
        })
        .mut_subcommand("printers", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-printers"))
        })
        .mut_subcommand("verify", |c| {
            c.help_template(template.clone())
                .about(l.t("cli-help-verify"))
                .mut_arg("file", |a| {
                    a.help(l.t("cli-help-verify-file"))
                        .help_heading(l.t("cli-heading-arguments"))
                })
                .mut_arg("json", |a| {
                    a.help(l.t("cli-help-verify-json"))
                        .help_heading(options.clone())
                })
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
