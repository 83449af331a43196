//! Fitting human output to the terminal: the width rule, lines wrapped at
//! spaces with a hanging indent, and comfy-table tables that never break a
//! word.
//!
//! The width is `COLUMNS` when it holds a number, else the terminal's width
//! when stdout is a terminal, else [`DEFAULT_WIDTH`]. Lines break only at
//! spaces (textwrap, display width through unicode-width, so wide and
//! combining characters count as they show); a word longer than the width
//! stands alone on its line, whole. Colour escape codes take no width, and
//! a style open at a line break is closed at the end of the line and opened
//! again after the next line's indent, so the indent is never underlined or
//! struck through.

use std::borrow::Cow;
use std::io::IsTerminal;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm, core::display_width};

/// The width off a terminal when `COLUMNS` does not say.
pub const DEFAULT_WIDTH: usize = 100;

/// The width human output fits: `COLUMNS` if it is a number above 0, else
/// the terminal's width when stdout (`terminal`) is one, else
/// [`DEFAULT_WIDTH`].
pub fn width(terminal: bool) -> usize {
    let columns = std::env::var("COLUMNS").ok();
    let tty = if terminal && std::io::stdout().is_terminal() {
        terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
    } else {
        None
    };
    width_from(columns.as_deref(), tty)
}

/// For report lines on stderr: a wrap to `COLUMNS` or stderr's width when
/// stderr is a terminal; `None` off a terminal, where a report line stays
/// one line for logs and scripts.
pub fn stderr_wrap() -> Option<Wrap> {
    let stderr = std::io::stderr();
    if !stderr.is_terminal() {
        return None;
    }
    let tty = terminal_size::terminal_size_of(&stderr).map(|(w, _)| usize::from(w.0));
    let columns = std::env::var("COLUMNS").ok();
    Some(Wrap {
        width: width_from(columns.as_deref(), tty),
    })
}

/// [`width`] from the value of `COLUMNS` and the terminal's width.
pub fn width_from(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .or(terminal.filter(|&w| w > 0))
        .unwrap_or(DEFAULT_WIDTH)
}

/// Wraps lines to a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrap {
    /// Columns of the terminal (or what stands for it).
    pub width: usize,
}

impl Wrap {
    /// `prefix` then `text`, wrapped at spaces: continuation lines (and the
    /// lines after a line break in `text`) start at the column after the
    /// prefix. Ends with a line break.
    pub fn line(&self, prefix: &str, text: &str) -> String {
        let indent = " ".repeat(display_width(prefix));
        self.hanging(prefix, &indent, text)
    }

    /// `text` after `first` on its first line, after `indent` on the
    /// others. Ends with a line break.
    pub fn hanging(&self, first: &str, indent: &str, text: &str) -> String {
        let options = Options::new(self.width.max(1))
            .initial_indent(first)
            .subsequent_indent(indent)
            .break_words(false)
            // Each line as full as it goes, as a reader expects.
            .wrap_algorithm(WrapAlgorithm::FirstFit)
            .word_separator(WordSeparator::AsciiSpace)
            .word_splitter(WordSplitter::NoHyphenation);
        let lines = textwrap::wrap(text, options);
        carry_styles(&lines, indent.len())
    }
}

/// The escape code that ends every style (anstyle's `{style:#}`).
const RESET: &str = "\x1b[0m";

/// Joins wrapped lines; a style still open at a line's end is reset there
/// and set again after the next line's indent (`indent` bytes).
fn carry_styles(lines: &[Cow<'_, str>], indent: usize) -> String {
    let mut out = String::new();
    let mut open = String::new();
    for (i, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        match line.split_at_checked(indent) {
            Some((head, rest)) if i > 0 && !open.is_empty() => {
                out.push_str(head);
                out.push_str(&open);
                out.push_str(rest);
            }
            _ => out.push_str(line),
        }
        for code in escape_codes(line) {
            if code == RESET {
                open.clear();
            } else if code.ends_with('m') {
                open.push_str(code);
            }
        }
        if !open.is_empty() {
            out.push_str(RESET);
        }
        out.push('\n');
    }
    if lines.is_empty() {
        out.push('\n');
    }
    out
}

/// The CSI escape sequences (`ESC [ … final`) in `s`, in order.
fn escape_codes(s: &str) -> Vec<&str> {
    let mut codes = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find("\x1b[") {
        let (_, tail) = rest.split_at(at);
        // The final byte of a CSI sequence is in 0x40..=0x7e.
        let end = tail
            .char_indices()
            .skip(2)
            .find(|(_, c)| ('\x40'..='\x7e').contains(c))
            .map_or(tail.len(), |(i, c)| i + c.len_utf8());
        let (code, after) = tail.split_at(end);
        codes.push(code);
        rest = after;
    }
    codes
}

/// The display width of `s`, escape codes not counted.
pub fn text_width(s: &str) -> usize {
    display_width(s)
}

/// The widest word (run of non-spaces) of `s`.
pub fn longest_word(s: &str) -> usize {
    s.split_whitespace().map(display_width).max().unwrap_or(0)
}

/// Fits a comfy-table table to `width`: the columns share the width, and
/// no column is narrower than its longest word (header included), so no
/// word is ever broken; a table whose words cannot fit is wider than
/// `width` rather than breaking one.
pub fn fit_table(table: &mut Table, width: usize) {
    let widest: Vec<usize> = (0..table.column_count())
        .map(|c| {
            let header = table
                .header()
                .and_then(|h| h.cell_iter().nth(c))
                .map_or(0, |cell| longest_word(&cell.content()));
            table
                .column_cells_iter(c)
                .flatten()
                .map(|cell| longest_word(&cell.content()))
                .fold(header, usize::max)
        })
        .collect();
    table
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX));
    for (column, widest) in table.column_iter_mut().zip(widest) {
        let padding = column.padding_width();
        let lower = u16::try_from(widest)
            .unwrap_or(u16::MAX)
            .saturating_add(padding);
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(lower)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_wins_then_the_terminal_then_100() {
        assert_eq!(width_from(Some("72"), Some(120)), 72);
        assert_eq!(width_from(Some("wide"), Some(120)), 120);
        assert_eq!(width_from(Some("0"), None), DEFAULT_WIDTH);
        assert_eq!(width_from(None, None), DEFAULT_WIDTH);
    }

    #[test]
    fn wraps_at_spaces_under_the_text_after_the_marker() {
        let w = Wrap { width: 20 };
        let out = w.line(
            "  3. ",
            "Die Flughafengesellschaft meldete Luftverkehrschaos",
        );
        assert_eq!(
            out,
            "  3. Die\n     Flughafengesellschaft\n     meldete\n     Luftverkehrschaos\n"
        );
    }

    #[test]
    fn a_style_open_at_a_break_is_reset_and_set_again_after_the_indent() {
        let red = "\x1b[31m";
        let text = format!("aa {red}bb cc{RESET} dd");
        let out = Wrap { width: 8 }.line("→ ", &text);
        assert_eq!(out, format!("→ aa {red}bb{RESET}\n  {red}cc{RESET} dd\n"));
    }

    #[test]
    fn escape_codes_take_no_width_and_wide_characters_take_two() {
        assert_eq!(text_width("\x1b[1mab\x1b[0m"), 2);
        assert_eq!(text_width("北京"), 4);
        let out = Wrap { width: 6 }.line("", "北京 北京 x");
        assert_eq!(out, "北京\n北京 x\n");
    }
}
