//! Character classes used by the scanner, and small helpers that read
//! characters around a byte position without ever panicking.

/// Sentence-final punctuation.
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Characters that may close a quotation or bracket right after a sentence
/// end ("…Grund.»", "…that.)"). Guillemets count both ways because German and
/// Swiss typography use them in opposite directions; attached to the
/// punctuation they can only be closing.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | ')' | ']' | '}' | '`'
    )
}

/// Characters that may open a quotation or bracket before a sentence.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '„'
            | '‚'
            | '“'
            | '‘'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '{'
            | '`'
            | '¿'
            | '¡'
    )
}

/// Quotation marks only (no brackets): an opening quote after a period is a
/// strong sign of a new sentence.
pub(crate) fn is_quote(c: char) -> bool {
    is_opener(c) && !matches!(c, '(' | '[' | '{' | '¿' | '¡')
}

/// Dashes and bullets that can lead a sentence (dash-led speech, lists).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '•' | '*' | '·')
}

/// A letter that can start a sentence: uppercase, or a letter without case
/// (CJK, Arabic ...).
pub(crate) fn starts_sentence_letter(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

/// The character starting at byte `pos`, if `pos` is a char boundary.
pub(crate) fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|t| t.chars().next())
}

/// The character ending at byte `pos` and its start offset.
pub(crate) fn char_before(s: &str, pos: usize) -> Option<(usize, char)> {
    s.get(..pos).and_then(|t| t.char_indices().next_back())
}

/// First byte offset at or after `pos` that is not whitespace (or `s.len()`).
pub(crate) fn skip_ws(s: &str, pos: usize) -> usize {
    match s.get(pos..) {
        Some(t) => t
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(s.len(), |(i, _)| pos + i),
        None => s.len(),
    }
}

/// Start of the whitespace-delimited token that ends at byte `end`.
pub(crate) fn token_start(s: &str, end: usize) -> usize {
    match s.get(..end) {
        Some(t) => t
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8()),
        None => end,
    }
}

/// The whitespace-delimited token before byte `pos` (skipping whitespace
/// first), with its start offset. Empty if there is none.
pub(crate) fn prev_token(s: &str, pos: usize) -> (usize, &str) {
    let end = match s.get(..pos) {
        Some(t) => t
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8()),
        None => return (pos, ""),
    };
    let start = token_start(s, end);
    // `end` follows a char of `s`, and `token_start` returns a char
    // boundary at or before it.
    (start, s.split_at(end).0.split_at(start).1)
}

/// Whether a whitespace run between `a` and `b` contains a line break.
pub(crate) fn has_newline(s: &str, a: usize, b: usize) -> bool {
    s.get(a..b)
        .is_some_and(|t| t.bytes().any(|x| x == b'\n' || x == b'\r'))
}
