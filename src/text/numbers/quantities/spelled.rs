//! Spelled-out numbers: `zwei`…`zwölf` and `two`…`twelve` (never `ein` or
//! `one`, which are articles), with a half (`zweieinhalb`, `two and a half`)
//! and a scale word (`zwei Millionen`), and an article before a scale word
//! (`eine Milliarde` = `a billion` = 1e9). A capitalised German number word
//! counts only at the start of a sentence (`Acht` is also a noun); one
//! joined to a hyphen (`Drei-Punkte-Plan`) is optional.

use super::number_words::{is_one_article, number_words, scale_word};
use super::{Quantity, QuantityKind};
use crate::text::numbers::NumLang;
use crate::text::words::{is_hyphen, key, words};

/// Spelled numbers (with scales, `einhalb`, `and a half`) and
/// article + scale word (`eine Milliarde`, `a billion`).
pub(super) fn spelled_quantities(text: &str, lang: NumLang) -> Vec<Quantity> {
    let ws = words(text);
    let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let Some(k) = keys.get(i) else { continue };
        let word_gap = |a: usize, b: usize| -> Option<&str> {
            let (x, y) = (ws.get(a)?, ws.get(b)?);
            text.get(x.end..y.start)
        };
        let next_key = |j: usize| -> Option<&str> {
            let g = word_gap(j, j + 1)?;
            if g.chars().all(char::is_whitespace) {
                keys.get(j + 1).map(String::as_str)
            } else {
                None
            }
        };
        let (mut value, half) = match spelled_value(lang, k) {
            Some(v) => v,
            None => {
                // Article + scale word: eine Milliarde, a billion.
                if is_one_article(lang, k)
                    && let Some(scale) = next_key(i).and_then(|n| scale_word(lang, n))
                    && let Some(next) = ws.get(i + 1)
                {
                    out.push(spelled(text, w.start, next.end, 1.0, Some(scale), false));
                }
                continue;
            }
        };
        if matches!(lang, NumLang::De | NumLang::Fr)
            && w.text.chars().next().is_some_and(char::is_uppercase)
            && !sentence_start(text, w.start)
        {
            continue;
        }
        let mut end = w.end;
        let mut last = i;
        if half {
            value += 0.5;
        } else if lang == NumLang::En
            && next_key(i) == Some("and")
            && next_key(i + 1) == Some("a")
            && next_key(i + 2) == Some("half")
            && let Some(h) = ws.get(i + 3)
        {
            value += 0.5;
            end = h.end;
            last = i + 3;
        }
        let mut scaled = None;
        if let Some(scale) = next_key(last).and_then(|n| scale_word(lang, n))
            && let Some(s) = ws.get(last + 1)
        {
            scaled = Some(value * scale);
            end = s.end;
        }
        let hyphen_before = text
            .get(..w.start)
            .and_then(|b| b.chars().next_back())
            .is_some_and(is_hyphen);
        let hyphen_after = text
            .get(w.end..)
            .and_then(|a| a.chars().next())
            .is_some_and(is_hyphen);
        let optional = (hyphen_before || hyphen_after) && scaled.is_none();
        out.push(spelled(text, w.start, end, value, scaled, optional));
    }
    out
}

/// Value of a spelled number word, and whether it was `…einhalb`.
fn spelled_value(lang: NumLang, k: &str) -> Option<(f64, bool)> {
    for &(w, v) in number_words(lang) {
        if k == w {
            return Some((v as f64, false));
        }
        if matches!(lang, NumLang::De) && k.strip_prefix(w) == Some("einhalb") {
            return Some((v as f64, true));
        }
    }
    None
}

/// A spelled quantity over `text[start..end]`.
fn spelled(
    text: &str,
    start: usize,
    end: usize,
    value: f64,
    scaled: Option<f64>,
    optional: bool,
) -> Quantity {
    Quantity {
        start,
        end,
        text: text.get(start..end).unwrap_or("").to_string(),
        values: vec![value],
        scaled,
        kind: QuantityKind::Number,
        optional,
        spelled: true,
        ordinal: false,
    }
}

/// Whether byte `at` starts a sentence: only spaces, opening quotes and
/// brackets since the text start or since `.`, `!`, `?`, `:`, `;`.
fn sentence_start(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '«' | '»' | '„' | '“' | '"' | '(' | '[' | '‹' | '›' | '‚' | '\''
            )
    });
    trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', ':', ';', '–', '—'])
}
