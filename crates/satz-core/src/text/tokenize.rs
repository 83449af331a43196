//! Word tokens for matching: Unicode word boundaries (UAX #29, through
//! unicode-segmentation), whitespace dropped, punctuation kept as tokens.
//!
//! UAX #29 keeps numbers whole in every format news text uses (`10'000`,
//! `10.000`, `5,5`, `2024`), splits `122-mm` into `122`, `-`, `mm`, and never
//! splits inside a grapheme cluster.
//!
//! Most of news text is ASCII, where the rules' outcome is known without
//! their tables: a run of ASCII letters and digits is one word unless what
//! follows may join it (`.`, `'`, `:`, `,`, `;` before a letter or digit,
//! `_`, or a character beyond ASCII), a run of ASCII whitespace ends where
//! ASCII follows, and other ASCII characters stand alone. Everything else
//! goes through the Unicode segmenter, one segment at a time. A property
//! test compares the two on text built from the characters that matter to
//! the rules (marks, joiners, flags, Hebrew, Katakana, quotes).

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
/// that tokenises a sentence for one purpose hand the tokens to the next.
/// It rules out panics only: tokens of another text that happen to fit
/// are used as they are, so callers must pass the tokens of `text`.
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
    Tokens { text, at: 0 }
}

/// The iterator of [`tokens`]: `at` is a word boundary of `text`.
struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            let rest = self.text.get(self.at..)?;
            let (len, kind) = match ascii_segment(rest.as_bytes()) {
                Some(known) => known,
                None => {
                    let s = rest.split_word_bounds().next()?;
                    (s.len(), classify(s))
                }
            };
            let start = self.at;
            self.at += len;
            if let Some(kind) = kind {
                return Some(Token {
                    start,
                    end: self.at,
                    kind,
                });
            }
        }
    }
}

/// The first word-bound segment of `rest` (which starts at a word
/// boundary) when ASCII decides it: its length in bytes and its kind (none
/// for whitespace); `None` when the Unicode rules must decide. The
/// segment is always whole characters: it ends before ASCII or at the end.
fn ascii_segment(rest: &[u8]) -> Option<(usize, Option<TokenKind>)> {
    let (&first, after) = rest.split_first()?;
    if first.is_ascii_alphanumeric() {
        // Letters and digits never break between them (UAX #29 WB5, WB8-10).
        let n = 1 + after
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let kind = if first.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        word_ends(rest.get(n..).unwrap_or_default()).then_some((n, Some(kind)))
    } else if is_space(first) {
        // Whitespace gives no token; only a mark after it (not ASCII) would
        // join it (WB4).
        let n = 1 + after.iter().take_while(|&&b| is_space(b)).count();
        let next = rest.get(n..).unwrap_or_default();
        if next.first().is_none_or(u8::is_ascii) {
            return Some((n, None));
        }
        whitespace_before_other(rest.get(..n).unwrap_or_default()).map(|cut| (cut, None))
    } else if first.is_ascii() && first != b'_' {
        // Other ASCII stands alone, unless a mark follows or it may join
        // letters or digits around it (WB6-7, WB11-12, WB13a-b).
        let alone = match after.first() {
            None => true,
            Some(&next) => next.is_ascii() && !(is_mid(first) && next.is_ascii_alphanumeric()),
        };
        alone.then_some((1, Some(TokenKind::Punct)))
    } else {
        None
    }
}

/// Where to cut `run`, a run of ASCII whitespace that something not ASCII
/// follows, so that the Unicode rules decide only its last piece (which a
/// mark after it may join, WB4): before its last character, or before the
/// CR of a final CR LF (WB3), or before a final run of spaces (WB3d);
/// every other cut between two ASCII whitespace characters is a word
/// boundary. `None` when that piece is the whole run. Handing the Unicode
/// rules the whole run instead would cost time quadratic in its length:
/// they give back one newline at a time.
fn whitespace_before_other(run: &[u8]) -> Option<usize> {
    let mut cut = run.len().checked_sub(1)?;
    match run.get(cut) {
        Some(b'\n') if cut > 0 && run.get(cut - 1) == Some(&b'\r') => cut -= 1,
        Some(b' ') => {
            while cut > 0 && run.get(cut - 1) == Some(&b' ') {
                cut -= 1;
            }
        }
        _ => {}
    }
    (cut > 0).then_some(cut)
}

/// Whether a word of ASCII letters and digits ends before `next`.
fn word_ends(next: &[u8]) -> bool {
    match next {
        [] => true,
        [b, ..] if !b.is_ascii() || *b == b'_' => false,
        [b, then @ ..] if is_mid(*b) => then
            .first()
            .is_none_or(|c| c.is_ascii() && !c.is_ascii_alphanumeric()),
        _ => true,
    }
}

/// ASCII whitespace as `char::is_whitespace` has it (with the vertical
/// tab, which `u8::is_ascii_whitespace` leaves out).
fn is_space(b: u8) -> bool {
    char::from(b).is_whitespace()
}

/// The ASCII characters that may sit inside a word or number (UAX #29
/// MidLetter, MidNum, MidNumLet and Single_Quote): `a.b`, `can't`, `5,5`.
fn is_mid(b: u8) -> bool {
    matches!(b, b'.' | b'\'' | b':' | b',' | b';')
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

    /// The tokens straight from the Unicode segmenter: what [`tokens`]
    /// gives with its ASCII shortcut.
    fn tokens_unicode(text: &str) -> Vec<Token> {
        text.split_word_bound_indices()
            .filter_map(|(start, s)| {
                Some(Token {
                    start,
                    end: start + s.len(),
                    kind: classify(s)?,
                })
            })
            .collect()
    }

    /// Pieces of text that matter to the word-boundary rules.
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            4 => proptest::sample::select(vec![
                "a", "Z", "0", "9", "ab", "12", "x1", ".", "'", ":", ",", ";",
                "_", "-", "\"", "%", "(", "!", "/", "\u{1}", " ", "  ", "\t",
                "\n", "\r", "\r\n", "\u{b}", "\u{c}", "\u{85}", "\u{a0}",
                "\u{3000}", "\u{1680}", "\u{2028}", "\u{202f}", "ü", "ß", "É",
                "\u{301}", "\u{200d}", "\u{ad}", "\u{2060}", "\u{feff}",
                "\u{e0020}", "🇩", "🇪", "👩", "😀", "\u{5d0}", "カ", "ー", "中",
                "\u{2019}", "\u{2018}", "\u{2024}", "\u{ff0e}", "\u{b7}",
                "\u{37e}", "\u{ff10}", "\u{660}", "\u{203f}", "«", "–",
            ]).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The ASCII shortcut gives the segmenter's tokens, exactly.
        #[test]
        fn the_ascii_shortcut_gives_the_segmenters_tokens(
            parts in proptest::collection::vec(piece(), 0..16)
        ) {
            let s = parts.concat();
            proptest::prop_assert_eq!(tokenize(&s), tokens_unicode(&s));
        }

        /// The same on text that is mostly ASCII words and punctuation.
        #[test]
        fn the_ascii_shortcut_holds_on_plain_text(s in "[a-cA0-9.,:;'_\" \t\n\r-]{0,24}(ü|\u{301}|)[a-c0-9., ]{0,6}") {
            proptest::prop_assert_eq!(tokenize(&s), tokens_unicode(&s));
        }
    }

    /// A long run of whitespace before a character that is not ASCII is
    /// cut where the segmenter cuts it, and in one pass (the segmenter
    /// alone gives back one newline at a time: handing it the run again
    /// and again took seconds for 80 KB).
    #[test]
    fn long_whitespace_runs_before_other_characters() {
        for unit in ["\n", "\t", "\r\n", " \n", "\n ", "  ", "\r", "\u{b}"] {
            for after in ["ü", "\u{301}", "\u{a0}", "„x"] {
                let s = format!("a{}{after}", unit.repeat(50_000));
                assert_eq!(tokenize(&s), tokens_unicode(&s), "{unit:?} {after:?}");
            }
        }
    }

    /// Every line of the shared memory `tm.tsv` gets the segmenter's
    /// tokens.
    #[test]
    #[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
    fn the_ascii_shortcut_changes_no_token_of_the_shared_memory() {
        let Ok(dir) = std::env::var("SATZ_SHARED_DATA") else {
            panic!("this test reads the shared data: set SATZ_SHARED_DATA (.ci/run sets it)");
        };
        let text = std::fs::read_to_string(std::path::Path::new(&dir).join("tm/tm.tsv")).unwrap();
        let mut lines = 0;
        for line in text.lines() {
            assert_eq!(tokenize(line), tokens_unicode(line), "{line}");
            lines += 1;
        }
        assert!(lines > 10_000, "{lines}");
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
