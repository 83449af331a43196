//! `terms`' tables for the terminal. The term table has seven columns;
//! when the terminal leaves the Example column too little room it switches
//! to stacked records: the term on its own line, then one labelled line per
//! filled field. Either way examples are cut to a window around the term
//! (`…` on each cut side), so a term takes a handful of lines rather than
//! dozens, and no word is ever broken.

use anstyle::Style;
use comfy_table::{ColumnConstraint, Table, Width, presets};

use super::wrap::{Wrap, fit_table, longest_word, text_width};
use crate::glossary::{Glossary, Rendering, TermMatcher};
use crate::terms::{Flavour, TableData, TermUsage, render};

/// The Example column needs at least this many columns, else records are
/// stacked.
const MIN_EXAMPLE: usize = 40;

/// The other columns take up to this many columns each (more if a word is
/// longer), when the layout is chosen.
const COLUMN_CAP: usize = 24;

/// Lines an example side may take in the Example column; a stacked record
/// gives each side one line.
const EXAMPLE_LINES: usize = 2;

/// The term table for a terminal `width` columns wide.
pub(super) fn terms(glossary: &Glossary, usage: &[TermUsage], width: usize) -> String {
    let mut data = render::term_table(glossary, usage, Flavour::Terminal);
    let matcher = TermMatcher::new(glossary);
    let example_width = example_column(&data, width);
    let budget = budget(&data, width, example_width);
    for (i, row) in data.rows.iter_mut().enumerate() {
        let Some(e) = usage.get(i).and_then(|u| u.example.as_ref()) else {
            continue;
        };
        let de_span = matcher
            .find_source(&e.source)
            .into_iter()
            .find(|h| h.term == i)
            .map(|h| (h.start, h.end));
        let renderings = matcher.find_renderings(&e.target);
        let mine = renderings.iter().filter(|r| r.term == i);
        let en_span = mine
            .clone()
            .find(|r| r.rendering == Rendering::Approved && Some(r.index) == e.en_index)
            .or_else(|| mine.clone().next())
            .map(|r| (r.start, r.end));
        if let Some(cell) = row.last_mut() {
            *cell = format!(
                "{}\n→ {}",
                window(&e.source, de_span, budget),
                window(&e.target, en_span, budget)
            );
        }
    }
    layout(&data, width, example_width)
}

/// What an example side may take: [`EXAMPLE_LINES`] lines of the Example
/// column, or one line of a stacked record, less the `→ ` before English.
fn budget(data: &TableData, width: usize, example_width: Option<usize>) -> usize {
    match example_width {
        Some(w) => w * EXAMPLE_LINES,
        None => width.saturating_sub(label_width(data)),
    }
    .saturating_sub(2)
    .max(1)
}

/// Columns with an Example column `example_width` wide, or stacked records.
fn layout(data: &TableData, width: usize, example_width: Option<usize>) -> String {
    match example_width {
        Some(w) => columns(data, width, w),
        None => stacked(data, Wrap { width }),
    }
}

/// The candidate table of `terms --extract` for a terminal `width` wide:
/// columns or stacked records as for the term table, examples cut around
/// the candidate and its first equivalent.
pub(super) fn candidates(data: &TableData, width: usize) -> String {
    let mut data = data.clone();
    let example_width = example_column(&data, width);
    let budget = budget(&data, width, example_width);
    for row in &mut data.rows {
        let de = row.first().cloned().unwrap_or_default();
        // `equivalent (0.87)`: the words before the Dice figure.
        let en = row
            .get(1)
            .and_then(|c| c.lines().next())
            .and_then(|l| l.rsplit_once(" ("))
            .map(|(en, _)| en.to_owned())
            .unwrap_or_default();
        let Some(cell) = row.last_mut() else { continue };
        let Some((source, target)) = cell.split_once("\n→ ") else {
            continue;
        };
        let find = |text: &str, what: &str| {
            (!what.is_empty())
                .then(|| text.find(what).map(|a| (a, a + what.len())))
                .flatten()
        };
        *cell = format!(
            "{}\n→ {}",
            window(source, find(source, &de), budget),
            window(target, find(target, &en), budget)
        );
    }
    layout(&data, width, example_width)
}

/// The width the Example (last) column gets when the others take what they
/// need, or `None` when that is under [`MIN_EXAMPLE`].
fn example_column(data: &TableData, width: usize) -> Option<usize> {
    let n = data.header.len();
    // Each column: a border and a space either side; one border closes.
    let frame = 3 * n + 1;
    let others: usize = (0..n.saturating_sub(1))
        .map(|c| {
            let cells = std::iter::once(&data.header).chain(&data.rows);
            let cells = cells.filter_map(|r| r.get(c));
            let (word, line) = cells.fold((0, 0), |(w, l), cell| {
                let line = cell.lines().map(text_width).max().unwrap_or(0);
                (w.max(longest_word(cell)), l.max(line))
            });
            word.max(line.min(COLUMN_CAP))
        })
        .sum();
    width
        .checked_sub(frame + others)
        .filter(|&w| w >= MIN_EXAMPLE)
}

/// The table drawn with box lines, fitted to `width`, the last column at
/// least `example` wide.
fn columns(data: &TableData, width: usize, example: usize) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(data.header.clone());
    for row in &data.rows {
        table.add_row(row.clone());
    }
    fit_table(&mut table, width);
    // The examples get `example` columns, or what their longest line needs.
    let natural = std::iter::once(&data.header)
        .chain(&data.rows)
        .filter_map(|r| r.last())
        .flat_map(|c| c.lines().map(text_width))
        .max()
        .unwrap_or(0);
    if let Some(last) = table.column_iter_mut().last() {
        let lower = example.min(natural) + usize::from(last.padding_width());
        let lower = u16::try_from(lower).unwrap_or(u16::MAX);
        last.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(lower)));
    }
    format!("{table}\n")
}

/// Columns up to a stacked record's values: two spaces, the longest
/// label, two spaces.
fn label_width(data: &TableData) -> usize {
    let longest = data.header.iter().skip(1).map(|h| text_width(h));
    longest.max().unwrap_or(0) + 4
}

/// One record per row: the first cell in bold, then `  Label      value`
/// for every other filled cell, wrapped under the value. A cell's lines
/// are joined by `; ` except the last cell's (the example, its `→ ` line
/// wrapped under its text).
fn stacked(data: &TableData, wrap: Wrap) -> String {
    let bold = Style::new().bold();
    let label_width = label_width(data);
    let mut out = String::new();
    for row in &data.rows {
        let mut cells = row.iter().zip(&data.header);
        if let Some((first, _)) = cells.next() {
            out.push_str(&wrap.line(&format!("{bold}"), &format!("{first}{bold:#}")));
        }
        let example = data.header.last();
        for (cell, label) in cells.filter(|(c, _)| !c.trim().is_empty()) {
            let joined;
            let cell = if Some(label) != example {
                joined = cell.lines().collect::<Vec<_>>().join("; ");
                &joined
            } else {
                cell
            };
            for (j, line) in cell.lines().enumerate() {
                let mut prefix = if j == 0 {
                    format!("  {label:<w$}", w = label_width - 2)
                } else {
                    " ".repeat(label_width)
                };
                let body = match line.strip_prefix("→ ") {
                    Some(rest) => {
                        prefix.push_str("→ ");
                        rest
                    }
                    None => line,
                };
                out.push_str(&wrap.line(&prefix, body));
            }
        }
        out.push('\n');
    }
    out
}

/// `text` cut at spaces to at most `budget` columns around `span` (byte
/// offsets; the start of the text without one), `…` on each side cut off.
/// The words of the span are always kept, even past the budget.
fn window(text: &str, span: Option<(usize, usize)>, budget: usize) -> String {
    let text = text.trim();
    if text_width(text) <= budget {
        return text.to_owned();
    }
    let words = word_spans(text);
    let last = words.len().saturating_sub(1);
    let (a, b) = span.unwrap_or((0, 0));
    let lo = words.iter().position(|&(_, e)| e > a).unwrap_or(0);
    let hi = words
        .iter()
        .rposition(|&(s, _)| s < b.max(a.saturating_add(1)))
        .unwrap_or(lo)
        .max(lo);
    let piece = |lo: usize, hi: usize| -> &str {
        let start = words.get(lo).map_or(0, |w| w.0);
        let end = words.get(hi).map_or(text.len(), |w| w.1);
        text.get(start..end).unwrap_or_default()
    };
    // Room for the marks on the sides that will be cut.
    let cost = |lo: usize, hi: usize| {
        text_width(piece(lo, hi)) + if lo > 0 { 2 } else { 0 } + if hi < last { 2 } else { 0 }
    };
    let (mut lo, mut hi) = (lo, hi);
    loop {
        let left = lo > 0 && cost(lo - 1, hi) <= budget;
        if left {
            lo -= 1;
        }
        let right = hi < last && cost(lo, hi + 1) <= budget;
        if right {
            hi += 1;
        }
        if !left && !right {
            break;
        }
    }
    // A no-break space binds each mark to its word: a mark never stands
    // alone on a wrapped line.
    let mut out = String::new();
    if lo > 0 {
        out.push_str("…\u{a0}");
    }
    out.push_str(piece(lo, hi));
    if hi < last {
        out.push_str("\u{a0}…");
    }
    out
}

/// Byte ranges of the runs of non-whitespace in `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "Wegen des Luftverkehrschaos am Flughafen Zürich warteten am Montag Tausende Reisende stundenlang auf ihre Flüge.";

    #[test]
    fn a_cut_example_keeps_the_term_with_an_ellipsis_on_each_cut_side() {
        let at = SENTENCE.find("Tausende").unwrap();
        let out = window(SENTENCE, Some((at, at + "Tausende".len())), 40);
        assert!(text_width(&out) <= 40, "{out}");
        assert!(
            out.starts_with("…\u{a0}") && out.ends_with("\u{a0}…"),
            "{out}"
        );
        assert!(out.contains("Tausende"), "{out}");
        let plain = out
            .trim_start_matches("…\u{a0}")
            .trim_end_matches("\u{a0}…");
        assert!(SENTENCE.contains(plain), "{out}");
    }

    #[test]
    fn without_the_term_the_example_starts_at_the_beginning() {
        let out = window(SENTENCE, None, 30);
        assert!(
            out.starts_with("Wegen des") && out.ends_with("\u{a0}…"),
            "{out}"
        );
        assert_eq!(window("kurz", None, 30), "kurz");
    }

    #[test]
    fn a_term_wider_than_the_budget_stays_whole() {
        let at = SENTENCE.find("Luftverkehrschaos").unwrap();
        let out = window(SENTENCE, Some((at, at + 17)), 10);
        assert_eq!(out, "…\u{a0}Luftverkehrschaos\u{a0}…");
    }
}
