//! The `satz` binary: parse the command line, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = satz::cli::Cli::parse();
    satz::cli::set_color(cli.global.color);
    let (mut stdout, terminal) = satz::cli::stdout();
    match satz::cli::run(cli, &mut stdout, terminal) {
        Ok(satz::cli::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(satz::cli::Outcome::Findings) => ExitCode::from(1),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("satz: {e}");
            ExitCode::from(2)
        }
    }
}
