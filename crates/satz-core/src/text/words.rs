//! Words of a text and the keys they are compared by.
//!
//! [`words`] keeps the word and number tokens of
//! [`crate::text::tokenize::tokens`] (UAX #29 word boundaries, via
//! `unicode-segmentation`): the segments that contain a letter or a digit,
//! so `Kim-Diktatur` is the two words `Kim` and `Diktatur`, `Russia's` and
//! `10'000` stay one word each, and punctuation and spaces are dropped. Every word carries its byte span, always on char boundaries.
//!
//! [`key`] is the case-insensitive comparison key used by term recognition:
//! lower case, `ß` written `ss` (Swiss spelling) and the typographic
//! apostrophe `’` written `'`. [`swiss`] does the `ß` part only, for
//! case-sensitive comparisons.

use crate::text::tokenize::{Token, TokenKind, tokens};

/// A word of a text: a UAX #29 word segment containing at least one letter
/// or digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `&text[start..end]`.
    pub text: &'a str,
}

/// The words of `text`, in order (see the module documentation).
pub fn words(text: &str) -> Vec<Word<'_>> {
    tokens(text)
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| Word {
            start: t.start,
            end: t.end,
            text: t.text(text),
        })
        .collect()
}

/// [`words`] of `text` from its tokens, already split (the
/// [`crate::text::tokenize::tokenize`] of `text`): a caller that needs
/// both splits the text once. The same words as [`words`] for those
/// tokens; a token that does not fit `text` (not its tokens) is left out.
pub fn words_of_tokens<'a>(text: &'a str, tokens: &[Token]) -> Vec<Word<'a>> {
    tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .filter_map(|t| {
            Some(Word {
                start: t.start,
                end: t.end,
                text: text.get(t.start..t.end)?,
            })
        })
        .collect()
}

/// The letters that end `text` (`Absatz` of `gemäß § 5 Absatz`, empty when
/// it ends in anything else).
pub fn trailing_letters(text: &str) -> &str {
    // What trim_end_matches keeps is a prefix, so it ends on a char boundary.
    let (_, letters) = text.split_at(text.trim_end_matches(char::is_alphabetic).len());
    letters
}

/// Whether `c` joins the parts of a hyphenated word (`-`, U+2010, U+2011).
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether the text between two words lets them belong to one phrase:
/// non-empty, only whitespace and at most one hyphen. So `self-propelled`,
/// `self propelled` and `self - propelled` join; `self, propelled` does not.
pub fn is_phrase_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().all(|c| c.is_whitespace() || is_hyphen(c))
        && gap.chars().filter(|&c| is_hyphen(c)).count() <= 1
}

/// Whether the gap is exactly one hyphen, as in `Kim-Diktatur`.
pub fn is_hyphen_gap(gap: &str) -> bool {
    let mut cs = gap.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if is_hyphen(c))
}

/// The case-insensitive key of a word: lower case, `ß`/`ẞ` as `ss`, `’` as `'`.
pub fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    key_into(word, &mut out);
    out
}

/// [`key`] written into `out` (emptied first): a buffer reused across words
/// saves an allocation per word.
pub fn key_into(word: &str, out: &mut String) {
    out.clear();
    out.reserve(word.len());
    let mut rest = word;
    while !rest.is_empty() {
        // A run of ASCII characters (most of a German text) is copied and
        // lower-cased in one pass over its bytes, as `push_key` lower-cases
        // every ASCII character; the character after it goes through
        // `push_key`.
        let run = rest.bytes().take_while(u8::is_ascii).count();
        let (ascii, after) = rest.split_at_checked(run).unwrap_or((rest, ""));
        let from = out.len();
        out.push_str(ascii);
        if let Some(pushed) = out.get_mut(from..) {
            pushed.make_ascii_lowercase();
        }
        let mut chars = after.chars();
        if let Some(c) = chars.next() {
            push_key(out, c);
        }
        rest = chars.as_str();
    }
}

fn push_key(out: &mut String, c: char) {
    match c {
        // Most letters: no case-mapping tables, no iterator.
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        'ß' | 'ẞ' => out.push_str("ss"),
        '’' | 'ʼ' => out.push('\''),
        _ => out.extend(c.to_lowercase()),
    }
}

/// `word` with `ß` as `ss` and `ẞ` as `SS`, case kept, `’` as `'`.
pub fn swiss(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ẞ' => out.push_str("SS"),
            '’' | 'ʼ' => out.push('\''),
            _ => out.push(c),
        }
    }
    out
}

/// `text` with German umlauts folded to their base vowels (`ä` → `a`, also
/// upper case), keeping the char count.
pub fn fold_umlauts(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'Ä' => 'A',
            'Ö' => 'O',
            'Ü' => 'U',
            _ => c,
        })
        .collect()
}

/// The byte offset in `surface` of the char that produced char number `n`
/// of [`key`]`(surface)`; `surface.len()` when `n` is past the end.
pub fn surface_offset(surface: &str, n: usize) -> usize {
    let mut produced = 0usize;
    let mut buf = String::new();
    for (offset, c) in surface.char_indices() {
        buf.clear();
        push_key(&mut buf, c);
        produced += buf.chars().count();
        if produced > n {
            return offset;
        }
    }
    surface.len()
}

/// Whether `text` contains any letter.
pub fn has_letter(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| w.text).collect()
    }

    #[test]
    fn splits_hyphens_keeps_apostrophes_and_numbers() {
        assert_eq!(texts("die Kim-Diktatur"), ["die", "Kim", "Diktatur"]);
        assert_eq!(
            texts("Russia's 10'000 men, 5,5."),
            ["Russia's", "10'000", "men", "5,5"]
        );
        assert_eq!(texts("Russia’s «WSJ»"), ["Russia’s", "WSJ"]);
        assert!(words("  -- «» ").is_empty());
    }

    proptest::proptest! {
        /// Words from tokens split once are the words of the text.
        #[test]
        fn words_of_tokens_are_words(text in "\\PC{0,60}") {
            let toks = crate::text::tokenize::tokenize(&text);
            proptest::prop_assert_eq!(words_of_tokens(&text, &toks), words(&text));
        }

        /// The ASCII shortcut of `key_into` keys a word as its character
        /// by character definition does (ASCII words and mixed ones).
        #[test]
        fn key_into_is_key_char_by_char(word in "[A-Za-z0-9'ßẞÄäÖöÜü’İ -]{0,40}|[ -~]{0,12}") {
            let mut fast = String::from("left over");
            key_into(&word, &mut fast);
            let mut slow = String::new();
            for c in word.chars() {
                push_key(&mut slow, c);
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn gaps() {
        assert!(is_phrase_gap(" "));
        assert!(is_phrase_gap("-"));
        assert!(is_phrase_gap(" - "));
        assert!(!is_phrase_gap(""));
        assert!(!is_phrase_gap(", "));
        assert!(!is_phrase_gap("--"));
        assert!(is_hyphen_gap("-"));
        assert!(!is_hyphen_gap("- "));
    }

    #[test]
    fn keys_and_offsets() {
        assert_eq!(key("Straße"), "strasse");
        assert_eq!(key("Russia’s"), "russia's");
        assert_eq!(swiss("Straße"), "Strasse");
        assert_eq!(fold_umlauts("Rüstung"), "Rustung");
        // "Großmacht": key "grossmacht"; char 5 ('m') comes from byte 4 of the surface.
        assert_eq!(surface_offset("Großmacht", 5), 5);
        assert_eq!(surface_offset("Großmacht", 4), 3);
        assert_eq!(surface_offset("Großmacht", 3), 3);
        assert_eq!(surface_offset("Militärdiktatur", 7), 8);
        assert_eq!(surface_offset("abc", 9), 3);
    }
}
