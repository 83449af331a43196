//! The `satz` binary: parse the command line, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = satz::cli::Cli::parse();
    match satz::cli::run(cli) {
        Ok(satz::cli::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(satz::cli::Outcome::Findings) => ExitCode::from(1),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("satz: {e}");
            ExitCode::from(2)
        }
    }
}
