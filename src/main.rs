use std::process::ExitCode;

fn main() -> ExitCode {
    // Before any thread starts: see clock.rs.
    piqm_acces::clock::init_local_offset();
    let args: Vec<_> = std::env::args_os().collect();
    let code = piqm_acces::cli::run(args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code)
}
