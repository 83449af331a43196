//! Shapes of the token before a candidate boundary that decide a period:
//! roman numerals, dotted abbreviations, and the opening quotes and
//! brackets to strip first.

use super::chars::{is_dash, is_opener};

/// Canonical roman numeral for 1..=39 (I, V, X only).
#[allow(
    clippy::indexing_slicing,
    reason = "the loop leaves n below 10, the length of ONES"
)]
fn roman(mut n: u32) -> String {
    let mut s = String::new();
    while n >= 10 {
        s.push('X');
        n -= 10;
    }
    const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    s.push_str(ONES[n as usize]);
    s
}

/// Whether `tok` is a roman numeral II..XXXIX (I alone counts as an initial).
pub(super) fn is_roman(tok: &str) -> bool {
    tok.len() >= 2
        && tok.len() <= 7
        && tok.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && (2..40).any(|n| roman(n) == tok)
}

/// Dotted short token like "a.k.a", "Ph.D", "o.ä": every part 1-3 letters,
/// at least one single letter, not a host name.
pub(super) fn is_dotted_abbrev(tok: &str) -> bool {
    if !tok.contains('.') || tok.to_ascii_lowercase().starts_with("www") {
        return false;
    }
    let mut single = false;
    for part in tok.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        single |= n == 1;
    }
    single
}

/// Strips leading opening quotes, brackets and dashes from a token.
pub(super) fn strip_openers(tok: &str) -> (usize, &str) {
    let t = tok.trim_start_matches(|c: char| is_opener(c) || is_dash(c));
    (tok.len() - t.len(), t)
}
