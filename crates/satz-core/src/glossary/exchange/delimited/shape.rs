//! The shape of a delimited text before its rows are read: JSON refused,
//! quotes that never close, Excel's `sep=` line, and the delimiter guessed
//! from the first rows.

use super::*;

/// Refuses text that is JSON (or JSON Lines), not delimited text: it
/// starts with `{` or `[`, and the whole text or its first line is JSON, or
/// the first line opens an object or an array of values.
pub(super) fn refuse_json(text: &str, path: &Path) -> Result<()> {
    let start = text.trim_start();
    if !start.starts_with(['{', '[']) {
        return Ok(());
    }
    let first = start
        .split_once('\n')
        .map_or(start, |(first, _)| first)
        .trim_end();
    let opens = |s: &str| {
        s.strip_prefix(['{', '['])
            .map(str::trim_start)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['"', '{', '[', '}', ']']))
    };
    let is_json = |s: &str| serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok();
    if opens(first) || is_json(first) || is_json(start) {
        return Err(Error::input(
            Location::file(path),
            "not a tab-separated or CSV glossary but JSON (satz glossary import reads TBX, \
             OmegaT tab-separated and CSV glossaries)",
        ));
    }
    Ok(())
}

/// A quote that makes the csv crate read something else than the file
/// means (it would not say so).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum BadQuote {
    /// The quote at this byte opens a field that never ends: the rest of
    /// the file would be that field.
    Unclosed(usize),
    /// The quote at `open` opens a field that runs over a line break and
    /// whose closing quote, at `close`, is followed by text: a quote is
    /// missing or extra, and the rows between would be one field.
    Unbalanced { open: usize, close: usize },
}

/// The first [`BadQuote`] of `body`, by the rules of the csv crate's
/// reader: a quote opens a quoted field only at the start of a field, `""`
/// inside one is a quote, and the first lone quote ends it.
pub(super) fn bad_quote(body: &[u8], delimiter: u8) -> Option<BadQuote> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let ends_field = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut state = State::FieldStart;
    let (mut open, mut close, mut multiline) = (0, 0, false);
    for (i, &b) in body.iter().enumerate() {
        state = match state {
            State::FieldStart if b == b'"' => {
                (open, multiline) = (i, false);
                State::Quoted
            }
            State::Quoted if b == b'"' => {
                close = i;
                State::AfterQuote
            }
            State::Quoted => {
                multiline |= b == b'\n' || b == b'\r';
                State::Quoted
            }
            State::AfterQuote if b == b'"' => State::Quoted,
            State::AfterQuote if multiline && !ends_field(b) => {
                return Some(BadQuote::Unbalanced { open, close });
            }
            _ if ends_field(b) => State::FieldStart,
            _ => State::Unquoted,
        };
    }
    (state == State::Quoted).then_some(BadQuote::Unclosed(open))
}

/// Excel's `sep=X` first line: the delimiter `X` and where the data starts.
pub(super) fn sep_line(text: &str) -> Option<(u8, usize)> {
    // A text of one line without a line end: all of it.
    let end = text.find(['\r', '\n']).unwrap_or(text.len());
    let (line, rest) = text.split_at(end);
    let line = line.trim_end_matches(' ');
    let line = line
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or(line);
    let value = line
        .get(..4)?
        .eq_ignore_ascii_case("sep=")
        .then(|| line.get(4..))??;
    let &[delimiter] = value.as_bytes() else {
        return None;
    };
    if delimiter == b'"' || delimiter.is_ascii_alphanumeric() {
        return None;
    }
    let ending = if rest.starts_with("\r\n") {
        2
    } else {
        usize::from(!rest.is_empty())
    };
    Some((delimiter, end + ending))
}

/// How many of the first rows to look at when guessing the delimiter.
pub(super) const SNIFF_ROWS: usize = 20;

/// The delimiter among `,` `;` and tab that splits most of the first
/// [`SNIFF_ROWS`] non-blank rows (quotes respected) into the same number of
/// fields, at least two; ties go to the one giving the first row most
/// fields, then to the one leaving fewer fields starting with a space
/// (`Zoll, Zölle;customs duty` is two fields by `;`), then to `,`.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (0, 0, std::cmp::Reverse(0), false);
    let mut choice = b',';
    for delimiter in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut counts: Vec<usize> = Vec::new();
        let mut spaced = 0;
        let mut record = csv::ByteRecord::new();
        while counts.len() < SNIFF_ROWS && matches!(reader.read_byte_record(&mut record), Ok(true))
        {
            if record.iter().all(|f| f.trim_ascii().is_empty()) {
                continue;
            }
            counts.push(record.len());
            spaced += record
                .iter()
                .skip(1)
                .filter(|f| f.starts_with(b" "))
                .count();
        }
        let consistent = counts
            .iter()
            .filter(|&&n| n >= 2)
            .map(|&n| counts.iter().filter(|&&m| m == n).count())
            .max()
            // No lines, or none with two fields: nothing consistent.
            .unwrap_or(0);
        let first = counts.first().copied().unwrap_or(0);
        let key = (
            consistent,
            first,
            std::cmp::Reverse(spaced),
            delimiter == b',',
        );
        if key > best {
            best = key;
            choice = delimiter;
        }
    }
    choice
}

/// A csv byte position as an offset: a position in a text held in memory,
/// so it fits in a usize and the cast is lossless.
pub(super) fn byte_offset(byte: u64) -> usize {
    byte as usize
}
