//! The command line: the same services as the window, for scripts, support and CI. `main`
//! reads the line with [`parse`]: no command opens the window (which this module knows
//! nothing of); a command runs with [`execute`].
//!
//! Exit codes: 0 all is well; 1 the designation has problems; 2 a file cannot be read or parsed
//! (or the command line is wrong).

mod args;
mod check;
mod drafts;
mod pdf;
mod send;
mod verify;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::FromArgMatches;

use crate::i18n::{Lang, Localizer};
use args::{Cli, Command, IdentityCommand, localized_command, requested_lang};

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

/// What the command line asks for.
pub enum Parsed {
    /// No command: open the window, with these choices.
    Window(WindowChoices),
    /// A command, to run with [`execute`].
    Command(Box<Line>),
    /// Help or the version was shown, or the line was refused: exit with this code.
    Exit(u8),
}

/// The command line's choices for the window.
#[derive(Debug, Clone, Default)]
pub struct WindowChoices {
    /// `--lang`, which wins over the settings.
    pub lang: Option<Lang>,
    pub config: Option<PathBuf>,
    /// `--data-dir` / `PIQM_DATA_DIR`, else the usual place.
    pub data_dir: Option<PathBuf>,
    /// `--endpoint` / `PIQM_ENDPOINT`, which wins over the settings.
    pub endpoint: Option<String>,
}

/// A parsed command line with a command, and the language its messages are in.
pub struct Line {
    cli: Cli,
    command: Command,
    l: Localizer,
}

/// The whole grammar, every help text in `lang`: what `--help` shows, for the manual page
/// (examples/manpage.rs writes it with clap_mangen, so the binary does not carry it).
pub fn command(lang: Lang) -> clap::Command {
    localized_command(&Localizer::new(lang))
}

/// Reads the command line (help and errors in the language asked for).
pub fn parse(args: &[OsString], out: &mut dyn Write, err: &mut dyn Write) -> Parsed {
    let l = Localizer::new(requested_lang(args));
    let matches = match localized_command(&l).try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) if e.use_stderr() => {
            let _ = write!(err, "{}", e.render());
            return Parsed::Exit(exit::UNREADABLE);
        }
        Err(e) => {
            // --help and --version
            let _ = write!(out, "{}", e.render());
            return Parsed::Exit(exit::OK);
        }
    };
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = write!(err, "{}", e.render());
            return Parsed::Exit(exit::UNREADABLE);
        }
    };
    let l = match cli.lang {
        Some(lang) => Localizer::new(lang.into()),
        None => l,
    };
    match cli.command.take() {
        None => Parsed::Window(WindowChoices {
            lang: cli.lang.map(Lang::from),
            config: cli.config,
            data_dir: crate::paths::data_dir(cli.data_dir.as_deref()),
            endpoint: cli.endpoint,
        }),
        Some(command) => Parsed::Command(Box::new(Line { cli, command, l })),
    }
}

/// Runs a command; returns the process exit code.
pub fn execute(line: Box<Line>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Line { cli, command, l } = *line;
    // A settings file named on the line that cannot be read (a folder, a pipe, /dev/zero, too
    // large) stops every command, rather than leave the user believing it was used.
    if let Some(path) = cli.config.as_deref()
        && let Some(refusal) = send::unusable_settings(path, &l)
    {
        let _ = writeln!(err, "{refusal}");
        return exit::UNREADABLE;
    }
    let data_dir = cli.data_dir.as_deref();
    let ctx = send::Context {
        l: &l,
        data_dir,
        config: cli.config.as_deref(),
        endpoint: cli.endpoint.as_deref(),
    };
    match command {
        Command::Check { file } => check::check(&file, &l, out, err),
        Command::Submit { file } => send::submit(&file, &ctx, out, err),
        Command::Send => send::send(&ctx, out, err),
        Command::Lookup { username } => send::lookup(&username, &ctx, out, err),
        Command::Drafts { command } => drafts::run(command, data_dir, &l, out, err),
        Command::Export {
            file,
            output,
            paper,
            p12,
        } => {
            let request = pdf::ExportRequest {
                file: &file,
                output: &output,
                paper: paper.into(),
                p12: p12.as_deref(),
                data_dir,
            };
            pdf::export(&request, &l, out, err)
        }
        Command::Print {
            file,
            printer,
            to_file,
        } => pdf::print(&file, printer.as_deref(), to_file.as_deref(), &l, out, err),
        Command::Printers => pdf::printers(&l, out, err),
        Command::Verify { file, json } => verify::run(&file, json, data_dir, &l, out, err),
        Command::Identity { command } => match command {
            IdentityCommand::Show => pdf::identity_show(data_dir, &l, out, err),
            IdentityCommand::Import { file } => pdf::identity_import(&file, data_dir, &l, out, err),
        },
    }
}

/// Says on the terminal that the window could not open (no graphical session, …).
pub fn window_failed(reason: &str, lang: Option<Lang>, err: &mut dyn Write) -> u8 {
    let l = Localizer::new(lang.unwrap_or_else(Lang::from_system));
    let _ = writeln!(
        err,
        "{}",
        l.t_args("cli-gui-failed", &[("reason", reason.to_string().into())])
    );
    exit::UNREADABLE
}
