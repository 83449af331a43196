//! Tokenisation of sentences into the typed tokens the lexical scorer matches:
//! case- and accent-folded words, normalised numbers ([`crate::text::numbers`])
//! and punctuation classes.
//!
//! The token classes follow the dictionary-free anchors of hunalign (Varga et
//! al. 2005: numbers and identical tokens) and the punctuation cues that Gale &
//! Church (1993) list as obvious extensions of their length model.
//!
//! Words here end at every character that is not a letter or digit, unlike
//! the UAX #29 tokens of [`crate::text::tokenize`] that fuzzy matching and
//! term recognition use: an anchor must be comparable across languages, so
//! French `l'alpinisme` gives `alpinisme` (the cognate of `Alpinismus`) and
//! `Russia's` gives `russia`, where UAX #29 keeps each whole.

use crate::text::numbers::{NumLang, find_numbers};

/// A token type, shared between the two sides where types can be identical.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Key {
    /// A folded word (lower case, accents stripped), never a pure digit run.
    Word(String),
    /// A number, by the bits of its normalised value.
    Num(u64),
    /// A punctuation class (`?`, `!`, `:`, `;`, `"` for all quotes, `(` for brackets, `%`, `§`).
    Punct(char),
    /// A dictionary entry (index into `AlignOptions::dictionary`).
    Dict(u32),
}

/// The tokens of one sentence, in order (words keep duplicates for phrase matching).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    /// Folded words in text order.
    pub words: Vec<String>,
    /// Whether the word at the same index is an all-capitals acronym of 2–3 letters.
    pub acronym: Vec<bool>,
    /// Non-word keys (numbers, punctuation).
    pub other: Vec<Key>,
}

/// Lower-cases `word` and strips the accents of Latin letters (`ä` → `a`, `ß` → `ss`).
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for l in c.to_lowercase() {
            match l {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
                'ç' | 'ć' | 'č' => out.push('c'),
                'ď' => out.push('d'),
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
                'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
                'ł' => out.push('l'),
                'ñ' | 'ń' | 'ň' => out.push('n'),
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
                'ř' => out.push('r'),
                'ś' | 'š' | 'ş' => out.push('s'),
                'ť' | 'ţ' => out.push('t'),
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
                'ý' | 'ÿ' => out.push('y'),
                'ź' | 'ż' | 'ž' => out.push('z'),
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                other => out.push(other),
            }
        }
    }
    out
}

/// Punctuation class of `c`, if it is a cue worth matching.
fn punct_class(c: char) -> Option<char> {
    match c {
        '?' | '¿' => Some('?'),
        '!' | '¡' => Some('!'),
        ':' => Some(':'),
        ';' => Some(';'),
        '"' | '«' | '»' | '„' | '“' | '”' | '‹' | '›' | '‚' => Some('"'),
        '(' | ')' | '[' | ']' => Some('('),
        '%' => Some('%'),
        '§' => Some('§'),
        _ => None,
    }
}

/// Splits `text` into folded words, numbers and punctuation classes.
pub(crate) fn tokenize(text: &str, lang: NumLang) -> Tokens {
    let mut t = Tokens::default();
    let mut start: Option<usize> = None;
    let push_word = |t: &mut Tokens, w: &str| {
        if w.chars().all(|c| c.is_ascii_digit()) {
            return;
        }
        let upper = w.chars().count() <= 3
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        t.words.push(fold(w));
        t.acronym.push(upper);
    };
    for (b, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(b);
            }
            continue;
        }
        if let Some(s) = start.take()
            && let Some(w) = text.get(s..b)
        {
            push_word(&mut t, w);
        }
        if let Some(p) = punct_class(c) {
            t.other.push(Key::Punct(p));
        }
    }
    if let Some(s) = start
        && let Some(w) = text.get(s..)
    {
        push_word(&mut t, w);
    }
    for n in find_numbers(text, lang) {
        t.other.push(Key::Num(num_bits(n.value)));
        if let Some(s) = n.scaled {
            t.other.push(Key::Num(num_bits(s)));
        }
    }
    t
}

/// Canonical bits of a number value (`-0.0` folded into `0.0`).
fn num_bits(v: f64) -> u64 {
    if v == 0.0 {
        0.0f64.to_bits()
    } else {
        v.to_bits()
    }
}

/// Number of characters of `text` after collapsing whitespace runs (the
/// Gale–Church length unit).
pub(crate) fn char_len(text: &str) -> usize {
    let mut n = 0usize;
    let mut in_space = true;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{feff}' {
            if !in_space {
                n += 1;
                in_space = true;
            }
        } else {
            n += 1;
            in_space = false;
        }
    }
    if in_space && n > 0 { n - 1 } else { n }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents() {
        assert_eq!(fold("Expédition"), "expedition");
        assert_eq!(fold("Kangchendzönga"), "kangchendzonga");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn tokenizes() {
        let t = tokenize("Der Lhotse ( 8501 m ) ist « hoch » ?", NumLang::De);
        assert_eq!(t.words, vec!["der", "lhotse", "m", "ist", "hoch"]);
        assert!(t.other.contains(&Key::Punct('?')));
        assert!(t.other.contains(&Key::Punct('(')));
        assert!(t.other.contains(&Key::Punct('"')));
        assert!(t.other.contains(&Key::Num(8501f64.to_bits())));
    }

    #[test]
    fn lengths() {
        assert_eq!(char_len("  a  b "), 3);
        assert_eq!(char_len(""), 0);
        assert_eq!(char_len("äöü"), 3);
    }
}
