//! `piqm-acces`: with no command, the window; with one, the command line.

use std::process::ExitCode;

use piqm_acces::cli::{self, Parsed, WindowChoices};
#[cfg(feature = "gui")]
use piqm_acces::gui;

fn main() -> ExitCode {
    // Before any thread starts: see clock.rs.
    piqm_acces::clock::init_local_offset();
    let args: Vec<_> = std::env::args_os().collect();
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let code = match cli::parse(&args, &mut out, &mut err) {
        Parsed::Window(choices) => window(choices, &mut err),
        Parsed::Command(line) => cli::execute(line, &mut out, &mut err),
        Parsed::Exit(code) => code,
    };
    ExitCode::from(code)
}

/// Opens the window and runs until it is closed.
#[cfg(feature = "gui")]
fn window(choices: WindowChoices, err: &mut dyn std::io::Write) -> u8 {
    let lang = choices.lang;
    let options = gui::Options {
        lang: choices.lang,
        config: choices.config,
        data_dir: choices.data_dir,
        endpoint: choices.endpoint,
    };
    piqm_acces::console::release_if_own();
    match gui::run(options) {
        Ok(()) => cli::exit::OK,
        Err(e) => cli::window_failed(&e.to_string(), lang, err),
    }
}

/// A build without the window (`--no-default-features`): says so, and how to get help.
#[cfg(not(feature = "gui"))]
fn window(choices: WindowChoices, err: &mut dyn std::io::Write) -> u8 {
    cli::window_failed(
        "this build has no window (built without the `gui` feature)",
        choices.lang,
        err,
    )
}
