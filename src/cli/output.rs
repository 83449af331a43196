//! Where results go: stdout (buffered, colour-aware through anstream), and
//! the choice of output format and colour.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Applies `--color` to every anstream stream of the process.
pub fn set_color(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// Picks the output format; see [`super::Context::format`].
pub fn choose_format(
    asked: Option<&str>,
    command: &str,
    allowed: &[&'static str],
    terminal: bool,
) -> Result<&'static str> {
    if let Some(asked) = asked {
        return allowed
            .iter()
            .find(|f| f.eq_ignore_ascii_case(asked.trim()))
            .copied()
            .ok_or_else(|| {
                Error::Usage(format!(
                    "'{command}' has no format '{asked}'; it writes {}",
                    allowed.join(", ")
                ))
            });
    }
    let machine = allowed.iter().find(|f| **f != "table").copied();
    match (terminal && allowed.contains(&"table"), machine) {
        (true, _) | (false, None) => Ok("table"),
        (false, Some(m)) => Ok(m),
    }
}

/// The results stream.
pub struct Output {
    inner: Box<dyn Write>,
    terminal: bool,
}

impl Output {
    /// Buffered, colour-aware stdout.
    pub fn stdout() -> Output {
        let terminal = io::stdout().is_terminal();
        Output {
            inner: Box::new(io::BufWriter::new(anstream::stdout())),
            terminal,
        }
    }

    /// Any writer (tests, files).
    pub fn new(inner: Box<dyn Write>, terminal: bool) -> Output {
        Output { inner, terminal }
    }

    /// True when results go to a terminal (human formats by default).
    pub fn is_terminal(&self) -> bool {
        self.terminal
    }

    /// Writes a string.
    pub fn write_str(&mut self, s: &str) -> Result<()> {
        self.inner.write_all(s.as_bytes()).map_err(stdout_error)
    }

    /// Flushes.
    pub fn flush(&mut self) -> Result<()> {
        self.inner.flush().map_err(stdout_error)
    }

    /// The raw writer, for formats that stream.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.inner
    }
}

/// An error writing results to stdout.
pub fn stdout_error(e: io::Error) -> Error {
    Error::io(Path::new("<stdout>"), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_defaults_to_table_on_a_terminal_else_first_machine_format() {
        let allowed = ["table", "json", "md"];
        assert_eq!(choose_format(None, "x", &allowed, true).unwrap(), "table");
        assert_eq!(choose_format(None, "x", &allowed, false).unwrap(), "json");
        assert_eq!(
            choose_format(Some("MD"), "x", &allowed, false).unwrap(),
            "md"
        );
        let err = choose_format(Some("tbx"), "suggest", &allowed, false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "'suggest' has no format 'tbx'; it writes table, json, md"
        );
        assert_eq!(
            choose_format(None, "x", &["tmx", "tsv"], true).unwrap(),
            "tmx"
        );
    }
}
