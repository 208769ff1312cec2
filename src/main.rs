use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let code = piqm_acces::cli::run(args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code)
}
