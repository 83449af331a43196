//! Word tokens for matching: Unicode word boundaries (UAX #29, through
//! unicode-segmentation), whitespace dropped, punctuation kept as tokens.
//!
//! UAX #29 keeps numbers whole in every format news text uses (`10'000`,
//! `10.000`, `5,5`, `2024`), splits `122-mm` into `122`, `-`, `mm`, and never
//! splits inside a grapheme cluster.

use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits inside, like `MiG`).
    Word,
    /// Starts with a digit: `10'000`, `5,5`, `2024`, `1990er`.
    Number,
    /// Anything without letters or digits: `.`, `«`, `–`.
    Punct,
}

/// A token: a byte span of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text`.
    ///
    /// # Panics
    ///
    /// If `text` is not the text the token was found in (its span then need
    /// not be on char boundaries of `text`): a caller's bug, not bad input.
    #[allow(
        clippy::indexing_slicing,
        reason = "tokens() spans are word bounds of the text, so char boundaries"
    )]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokens(text).collect()
}

/// `split`, the [`tokenize`] of `text` done already by the caller, when
/// its spans fit `text` (in order, on char boundaries), so that slicing
/// `text` with them cannot fail; else `text` split afresh. Lets a caller
/// that tokenises a sentence for one purpose hand the tokens to the next
/// without any risk from tokens of another text.
pub(crate) fn reuse<'t>(text: &str, split: &'t [Token]) -> std::borrow::Cow<'t, [Token]> {
    let mut done = 0;
    let fits = split.iter().all(|t| {
        let ok = done <= t.start
            && t.start <= t.end
            && text.is_char_boundary(t.start)
            && text.is_char_boundary(t.end);
        done = t.end;
        ok
    });
    if fits {
        std::borrow::Cow::Borrowed(split)
    } else {
        std::borrow::Cow::Owned(tokenize(text))
    }
}

/// The tokens of `text`, lazily, in order: the one tokeniser behind
/// [`tokenize`] and [`crate::text::words::words`].
pub fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    text.split_word_bound_indices().filter_map(|(start, s)| {
        let kind = classify(s)?;
        Some(Token {
            start,
            end: start + s.len(),
            kind,
        })
    })
}

fn classify(s: &str) -> Option<TokenKind> {
    let first = s.chars().next()?;
    if s.chars().all(char::is_whitespace) {
        return None;
    }
    if first.is_numeric() {
        Some(TokenKind::Number)
    } else if s.chars().any(char::is_alphanumeric) {
        Some(TokenKind::Word)
    } else {
        Some(TokenKind::Punct)
    }
}

/// The comparison key of a word or number token for fuzzy matching: words
/// case-folded (with `ß` as `ss`), every number the same placeholder, so that
/// case and number differences cost a small penalty instead of an edit.
/// Punctuation has no key (it is compared separately).
pub fn match_key(token: &Token, text: &str) -> Option<String> {
    match token.kind {
        TokenKind::Word => Some(crate::text::fold_case(token.text(text))),
        TokenKind::Number => Some(NUMBER_KEY.to_owned()),
        TokenKind::Punct => None,
    }
}

/// The key all numbers share.
pub const NUMBER_KEY: &str = "\u{0}#";

/// The number of words (word and number tokens) in a text, as CAT tools
/// count for analysis.
pub fn word_count(text: &str) -> usize {
    tokenize(text)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn numbers_in_every_news_format_stay_whole() {
        assert_eq!(
            texts("etwa 10'000 Soldaten, 5,5 Milliarden, 10.000 und 3.5 am 6. Januar 2024"),
            [
                "etwa",
                "10'000",
                "Soldaten",
                ",",
                "5,5",
                "Milliarden",
                ",",
                "10.000",
                "und",
                "3.5",
                "am",
                "6",
                ".",
                "Januar",
                "2024"
            ]
        );
        assert_eq!(
            texts("122-mm-Granaten"),
            ["122", "-", "mm", "-", "Granaten"]
        );
    }

    #[test]
    fn kinds_and_keys() {
        let s = "Die «Kim-Diktatur» 1977.";
        let toks = tokenize(s);
        let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            [Word, Punct, Word, Punct, Word, Punct, Number, Punct]
        );
        assert_eq!(match_key(&toks[0], s).as_deref(), Some("die"));
        assert_eq!(match_key(&toks[6], s).as_deref(), Some(NUMBER_KEY));
        assert_eq!(match_key(&toks[1], s), None);
        assert_eq!(word_count(s), 4);
    }

    #[test]
    fn reuse_keeps_the_tokens_of_the_text_and_splits_misfits_again() {
        let text = "Die Kim-Diktatur.";
        let own = tokenize(text);
        assert!(matches!(reuse(text, &own), std::borrow::Cow::Borrowed(_)));
        // A longer text's tokens run past the end.
        let longer = tokenize("Eine viel längere Zeile als die andere.");
        assert_eq!(&*reuse(text, &longer), own.as_slice());
        // `x ä` has a token at byte 1, inside the `ä` of `äxyz`.
        assert_eq!(
            &*reuse("äxyz", &tokenize("x ä")),
            tokenize("äxyz").as_slice()
        );
    }

    #[test]
    fn graphemes_are_never_split() {
        let s = "Cafe\u{301} 👩‍👩‍👧 x";
        for t in tokenize(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
        assert_eq!(texts(s)[0], "Cafe\u{301}");
    }
}
