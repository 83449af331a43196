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

/// The name `--format` gives a format of a command's format enum (a
/// [`clap::ValueEnum`], variants in the order the command lists them).
pub fn format_name<F: clap::ValueEnum>(format: &F) -> String {
    #[allow(
        clippy::expect_used,
        reason = "format enums skip no variant, so every variant has a possible value"
    )]
    let value = format
        .to_possible_value()
        .expect("format variants are not skipped");
    value.get_name().to_owned()
}

/// Picks the output format of a command whose formats are the variants of
/// `F`; see [`super::Context::format`]. A `table` variant is the human
/// format; the first other variant is the default off a terminal.
pub fn choose_format<F: clap::ValueEnum + Copy>(
    asked: Option<&str>,
    command: &str,
    terminal: bool,
) -> Result<F> {
    let formats = F::value_variants();
    if let Some(asked) = asked {
        return formats
            .iter()
            .find(|f| format_name(*f).eq_ignore_ascii_case(asked.trim()))
            .copied()
            .ok_or_else(|| {
                let names: Vec<String> = formats.iter().map(format_name).collect();
                Error::Usage(format!(
                    "'{command}' has no format '{asked}'; it writes {}",
                    names.join(", ")
                ))
            });
    }
    let table = formats.iter().find(|f| format_name(*f) == "table");
    let machine = formats.iter().find(|f| format_name(*f) != "table");
    match (terminal, table, machine) {
        (true, Some(t), _) | (false, Some(t), None) => Ok(*t),
        (_, _, Some(m)) => Ok(*m),
        (_, None, None) => Err(Error::Usage(format!("'{command}' has no output format"))),
    }
}

/// Buffered, colour-aware stdout (colour as `--color` says: call
/// [`set_color`] first), and whether it is a terminal: what `main` hands
/// to [`super::run`].
pub fn stdout() -> (io::BufWriter<anstream::AutoStream<io::Stdout>>, bool) {
    let terminal = io::stdout().is_terminal();
    (io::BufWriter::new(anstream::stdout()), terminal)
}

/// The results stream.
pub struct Output<'w> {
    inner: &'w mut dyn Write,
    terminal: bool,
    width: usize,
}

impl<'w> Output<'w> {
    /// Results go to `inner`; `terminal` says whether that is a terminal
    /// (human formats by default).
    pub fn new(inner: &'w mut dyn Write, terminal: bool) -> Output<'w> {
        Output {
            inner,
            terminal,
            width: super::wrap::width(terminal),
        }
    }

    /// Wraps human output to the width the output has (see
    /// [`super::wrap::width`]).
    pub fn wrap(&self) -> super::wrap::Wrap {
        super::wrap::Wrap { width: self.width }
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
        self.inner
    }
}

/// An error writing results to stdout.
pub fn stdout_error(e: io::Error) -> Error {
    Error::io(Path::new("<stdout>"), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
    enum Human {
        Table,
        Json,
        Md,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
    enum Machine {
        Tmx,
        Tsv,
    }

    #[test]
    fn format_defaults_to_table_on_a_terminal_else_first_machine_format() {
        assert_eq!(choose_format(None, "x", true).ok(), Some(Human::Table));
        assert_eq!(choose_format(None, "x", false).ok(), Some(Human::Json));
        assert_eq!(choose_format(Some("MD "), "x", false).ok(), Some(Human::Md));
        let err = choose_format::<Human>(Some("tbx"), "suggest", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "'suggest' has no format 'tbx'; it writes table, json, md"
        );
        assert_eq!(choose_format(None, "x", true).ok(), Some(Machine::Tmx));
        assert_eq!(choose_format(None, "x", false).ok(), Some(Machine::Tmx));
        assert_eq!(format_name(&Machine::Tsv), "tsv");
    }
}
