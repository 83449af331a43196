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
pub fn stdout() -> (io::BufWriter<Plain<io::Stdout, anstream::Stdout>>, bool) {
    let terminal = io::stdout().is_terminal();
    let stream = Plain::new(io::stdout(), anstream::stdout());
    (io::BufWriter::new(stream), terminal)
}

/// A colour-aware stream (`styled`, an [`anstream::AutoStream`]) that
/// writes plain text straight to the same stream (`raw`): text without a
/// byte the colour-aware stream could strip (escape sequences, control
/// characters other than whitespace, DEL) is written as is, which is what
/// stripping would leave, without reading it byte by byte through a
/// terminal parser (a megabyte of JSON lines). From the first write that
/// holds such a byte on, every write goes through `styled`, so an escape
/// sequence split between two writes is still parsed whole.
pub struct Plain<R, S> {
    raw: R,
    styled: S,
    /// Whether a write held a byte stripping could change.
    seen_control: bool,
    /// The start of a UTF-8 character cut by the end of a plain write,
    /// held back so that `raw` only ever ends on a character boundary and
    /// `styled` never begins inside one.
    pending: Vec<u8>,
}

impl<R: Write, S: Write> Plain<R, S> {
    /// Writes to `raw` while the text is plain, else to `styled`; both
    /// must write to the same place.
    pub fn new(raw: R, styled: S) -> Plain<R, S> {
        Plain {
            raw,
            styled,
            seen_control: false,
            pending: Vec::new(),
        }
    }
}

/// Whether stripping leaves `buf` as it is: no escape sequence can begin
/// in it and no control character but whitespace is in it (anstream keeps
/// printable bytes, UTF-8 sequences and ASCII whitespace).
fn plain(buf: &[u8]) -> bool {
    let is_plain = |b: u8| (b >= 0x20 && b != 0x7f) || matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r');
    // Blocks of 64 bytes folded without an early exit, which the compiler
    // turns into vector instructions (a suggest's JSON is megabytes).
    let mut blocks = buf.chunks_exact(64);
    let whole = blocks
        .by_ref()
        .all(|block| block.iter().fold(true, |ok, &b| ok & is_plain(b)));
    whole && blocks.remainder().iter().all(|&b| is_plain(b))
}

/// How many bytes of `b` end on a character boundary: all of them, or
/// those before a last UTF-8 sequence that `b` cuts short.
fn complete(b: &[u8]) -> usize {
    // The last character's first byte: at most three continuation bytes
    // (10xxxxxx) back.
    let start = (b.len().saturating_sub(4)..b.len())
        .rev()
        .find(|&i| b.get(i).is_some_and(|&x| x & 0xc0 != 0x80));
    let Some((start, lead)) = start.and_then(|i| Some((i, *b.get(i)?))) else {
        return b.len();
    };
    let len = match lead {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    };
    if start + len > b.len() {
        start
    } else {
        b.len()
    }
}

impl<R: Write, S: Write> Write for Plain<R, S> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.seen_control = self.seen_control || !plain(buf);
        // Usually nothing is pending and `buf` is written without a copy.
        let joined = match self.pending.is_empty() {
            true => std::borrow::Cow::Borrowed(buf),
            false => {
                let mut j = std::mem::take(&mut self.pending);
                j.extend_from_slice(buf);
                std::borrow::Cow::Owned(j)
            }
        };
        if self.seen_control {
            self.styled.write_all(&joined)?;
        } else {
            let (done, cut) = joined.split_at(complete(&joined));
            self.raw.write_all(done)?;
            self.pending = cut.to_vec();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // satz flushes whole texts; a character cut at a flush (never) is
        // written as it stands rather than lost.
        let rest = std::mem::take(&mut self.pending);
        self.raw.write_all(&rest)?;
        self.raw.flush()?;
        self.styled.flush()
    }
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

    /// Plain text passes straight through; from the first control byte on
    /// everything is stripped, so the two parts make what stripping the
    /// whole would, wherever the writes split an escape sequence.
    #[test]
    fn plain_text_passes_and_the_rest_is_stripped_whole() {
        let text = "a \u{fc}ber\tb\n\x1b[1mfett\x1b[0m c\x07d\u{7f}e\n";
        let whole = anstream::adapter::strip_str(text).to_string();
        for split in 0..=text.len() {
            let mut stream = Plain::new(Vec::new(), anstream::StripStream::new(Vec::new()));
            for part in [&text.as_bytes()[..split], &text.as_bytes()[split..]] {
                stream.write_all(part).unwrap();
            }
            stream.flush().unwrap();
            let mut out = stream.raw.clone();
            out.extend_from_slice(&stream.styled.into_inner());
            assert_eq!(String::from_utf8(out).unwrap(), whole, "split at {split}");
        }
        assert!(plain("Kim \u{e4}\u{df} « » \u{2019}\t\r\n\x0c".as_bytes()));
        for b in [0x1b, 0x07, 0x00, 0x7f, 0x0b] {
            assert!(!plain(&[b'a', b]), "{b:#x}");
        }
        // A control byte anywhere in a long buffer, in a 64-byte block or
        // in the remainder after the blocks, is found.
        let text = "Kim Jong-un l\u{e4}sst gr\u{fc}ssen. ".repeat(8);
        assert!(plain(text.as_bytes()));
        for at in 0..text.len() {
            let mut bytes = text.clone().into_bytes();
            bytes[at] = 0x1b;
            assert!(!plain(&bytes), "escape at {at}");
        }
    }

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
