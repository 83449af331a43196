//! The match percentage: word-token edit distance in the spirit of OmegaT,
//! with small named penalties for differences a translator fixes in a
//! second.
//!
//! ```text
//! tokens  = Unicode word tokens of the plain text (inline codes ignored)
//! keys    = word tokens case-folded (ß = ss), every number the same key
//!           (digits and unambiguous number words such as `vier`, `twenty`:
//!           see crate::text::numbers::placeables); punctuation has no key
//! d       = Levenshtein distance between the key sequences of query and source
//! L       = the longer key sequence's length
//! base    = floor(100 * (L - d) / L)              (100 when both have no keys)
//! score   = base - penalties, at least 0; at most 99 unless the texts are identical
//! ```
//!
//! Penalties, each applied once and listed by name with the match:
//! `-2 numbers` (the numbers differ, digits or words: `vier` -> `drei`
//! costs the same as `4` -> `3`), `-1 case` (a word differs only in case
//! or ß/ss), `-1 punctuation` (the punctuation differs), `-1 whitespace`
//! (only the spacing differs). 100 means identical after NFC; a unit that
//! differs only in a number scores 98.

use crate::text::numbers::placeables::is_number_word;
use crate::text::tokenize::{NUMBER_KEY, Token, TokenKind, match_key, tokenize, tokens};

/// A named deduction from the base score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Penalty {
    /// The numbers differ (2 points).
    Numbers,
    /// A word differs only in case or ß/ss (1 point).
    Case,
    /// The punctuation differs (1 point).
    Punctuation,
    /// Only the spacing differs (1 point).
    Whitespace,
}

impl Penalty {
    /// Points deducted.
    pub fn points(self) -> u32 {
        match self {
            Penalty::Numbers => 2,
            Penalty::Case | Penalty::Punctuation | Penalty::Whitespace => 1,
        }
    }

    /// The name shown to translators.
    pub fn name(self) -> &'static str {
        match self {
            Penalty::Numbers => "numbers",
            Penalty::Case => "case",
            Penalty::Punctuation => "punctuation",
            Penalty::Whitespace => "whitespace",
        }
    }

    /// `-2 numbers`.
    pub fn label(self) -> String {
        format!("-{} {}", self.points(), self.name())
    }
}

/// A text prepared for matching.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The plain text (NFC).
    pub text: String,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Per token: a number (digits or a number word).
    numeric: Vec<bool>,
}

impl Prepared {
    /// Tokenises `text`.
    pub fn new(text: impl Into<String>) -> Prepared {
        let text = text.into();
        let tokens = tokenize(&text);
        let first = tokens.iter().position(|t| t.kind != TokenKind::Punct);
        let numeric = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| match t.kind {
                TokenKind::Number => true,
                TokenKind::Word => is_number_word(t.text(&text), first == Some(i)),
                TokenKind::Punct => false,
            })
            .collect();
        Prepared {
            text,
            tokens,
            numeric,
        }
    }

    /// The numbers' texts (digits and number words), in order.
    fn numbers(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .zip(&self.numeric)
            .filter(|(_, n)| **n)
            .map(|(t, _)| t.text(&self.text))
            .collect()
    }

    /// The match keys (word and number tokens), in order.
    pub fn keys(&self) -> Vec<String> {
        self.tokens
            .iter()
            .zip(&self.numeric)
            .filter_map(|(t, &n)| {
                if n {
                    Some(NUMBER_KEY.to_owned())
                } else {
                    match_key(t, &self.text)
                }
            })
            .collect()
    }

    /// Calls `f` with each of [`Prepared::keys`], in order, written into
    /// `buf` (emptied first each time) rather than into a `String` each.
    pub fn each_key(&self, buf: &mut String, mut f: impl FnMut(&str)) {
        for (t, &n) in self.tokens.iter().zip(&self.numeric) {
            match t.kind {
                _ if n => f(NUMBER_KEY),
                TokenKind::Number => f(NUMBER_KEY),
                TokenKind::Word => {
                    buf.clear();
                    crate::text::fold_case_into(t.text(&self.text), buf);
                    f(buf);
                }
                TokenKind::Punct => {}
            }
        }
    }

    /// [`Prepared::each_key`] of `text` without preparing it: the tokens
    /// read as they come, no vector of them or of their number flags (what
    /// an index build does for every source).
    pub fn each_key_of(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
        // Whether no word or number came yet (a number word may begin
        // the sentence, capitalised).
        let mut first = true;
        for t in tokens(text) {
            match t.kind {
                TokenKind::Punct => {}
                TokenKind::Number => {
                    first = false;
                    f(NUMBER_KEY);
                }
                TokenKind::Word => {
                    let word = t.text(text);
                    if is_number_word(word, std::mem::take(&mut first)) {
                        f(NUMBER_KEY);
                    } else {
                        buf.clear();
                        crate::text::fold_case_into(word, buf);
                        f(buf);
                    }
                }
            }
        }
    }

    fn surfaces(&self, kind: TokenKind) -> Vec<&str> {
        self.tokens
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.text(&self.text))
            .collect()
    }
}

/// A score with the penalties that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// The percentage, 0 to 100.
    pub percent: u32,
    /// The penalties applied.
    pub penalties: Vec<Penalty>,
}

/// The base score for key sequences of lengths `n` and `m` at distance `d`.
pub fn base_score(n: usize, m: usize, d: usize) -> u32 {
    let l = n.max(m);
    if l == 0 {
        return 100;
    }
    let same = l.saturating_sub(d) as u64;
    // same ≤ l, so the quotient is at most 100 and the cast is lossless.
    (same * 100 / l as u64) as u32
}

/// The largest distance at which key sequences of lengths `n` and `m` can
/// still reach `min` percent: `floor(L * (100 - min) / 100)`.
pub fn max_distance(n: usize, m: usize, min: u32) -> usize {
    let l = n.max(m) as u64;
    let slack = u64::from(100u32.saturating_sub(min.min(100)));
    // slack ≤ 100, so the quotient is at most l, which came from a usize.
    (l * slack / 100) as usize
}

/// The full score of `source` against `query`, given the key distance `d`.
pub fn score(query: &Prepared, source: &Prepared, d: usize) -> Score {
    if query.text == source.text {
        return Score {
            percent: 100,
            penalties: Vec::new(),
        };
    }
    let n = query
        .tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    let m = source
        .tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    let base = base_score(n, m, d);
    let mut penalties = Vec::new();
    if query.numbers() != source.numbers() {
        penalties.push(Penalty::Numbers);
    }
    let q_words = query.surfaces(TokenKind::Word);
    let s_words = source.surfaces(TokenKind::Word);
    // A query word the source lacks as written but has in another case;
    // the source's words are case-folded only when some query word is
    // missing as written.
    let missing: Vec<&str> = q_words
        .iter()
        .copied()
        .filter(|w| !s_words.contains(w))
        .collect();
    let case_differs = !missing.is_empty() && {
        let s_folded: std::collections::HashSet<String> =
            s_words.iter().map(|w| crate::text::fold_case(w)).collect();
        missing
            .iter()
            .any(|w| s_folded.contains(&crate::text::fold_case(w)))
    };
    if case_differs {
        penalties.push(Penalty::Case);
    }
    if query.surfaces(TokenKind::Punct) != source.surfaces(TokenKind::Punct) {
        penalties.push(Penalty::Punctuation);
    }
    let same_tokens = query.tokens.len() == source.tokens.len()
        && (query.tokens.iter().zip(&source.tokens))
            .all(|(a, b)| a.text(&query.text) == b.text(&source.text));
    if penalties.is_empty() && same_tokens {
        penalties.push(Penalty::Whitespace);
    }
    let deducted: u32 = penalties.iter().map(|p| p.points()).sum();
    Score {
        percent: base.saturating_sub(deducted).min(99),
        penalties,
    }
}

/// Levenshtein distance between two sequences, or `None` when it exceeds
/// `max`. Only a band of width `2 * max + 1` around the diagonal is
/// computed, and the computation stops as soon as every cell of a row
/// exceeds `max`: O(max * len) time, O(len) memory.
#[allow(
    clippy::indexing_slicing,
    reason = "prev and cur have m + 1 cells and b has m; 1 ≤ lo ≤ j ≤ hi ≤ m"
)]
pub fn distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    const INF: usize = usize::MAX / 2;
    let mut prev: Vec<usize> = (0..=m).map(|j| if j <= max { j } else { INF }).collect();
    let mut cur = vec![INF; m + 1];
    for (i, ai) in a.iter().enumerate() {
        let i = i + 1;
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(m);
        cur.fill(INF);
        cur[0] = if i <= max { i } else { INF };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(b[j - 1] != *ai);
            let del = prev[j] + 1;
            let ins = cur[j - 1] + 1;
            let v = sub.min(del).min(ins);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[m]).filter(|&d| d <= max)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pct(q: &str, s: &str) -> Score {
        let (q, s) = (Prepared::new(q), Prepared::new(s));
        let d = distance(&q.keys(), &s.keys(), usize::MAX / 4).unwrap();
        score(&q, &s, d)
    }

    proptest! {
        /// The keys through one buffer are the keys one `String` each.
        #[test]
        fn each_key_gives_the_keys(t in "[A-Za-zÄÖÜäöüßẞİΣσ0-9 .,'-]{0,40}|Vier und zwanzig Straße 3,5 ΣΑΣ|[-.„' ]{0,3}(Vier|vier|Zwei|zwei|Hundert|eins|Eins|One|two)( [A-Za-z0-9]{1,6}| (Vier|zwei|One)){0,3}") {
            let p = Prepared::new(t);
            let mut seen = Vec::new();
            p.each_key(&mut String::from("junk"), |k| seen.push(k.to_owned()));
            prop_assert_eq!(&seen, &p.keys());
            let mut streamed = Vec::new();
            Prepared::each_key_of(&p.text, &mut String::from("junk"), |k| streamed.push(k.to_owned()));
            prop_assert_eq!(streamed, seen);
        }
    }

    #[test]
    fn identical_is_100_and_only_identical() {
        assert_eq!(
            pct(
                "Putin verliert sein Gesicht.",
                "Putin verliert sein Gesicht."
            )
            .percent,
            100
        );
        assert_eq!(
            pct(
                "Putin verliert  sein Gesicht.",
                "Putin verliert sein Gesicht."
            )
            .percent,
            99
        );
    }

    #[test]
    fn a_number_change_is_a_high_fuzzy_match() {
        let s = pct(
            "Nordkorea hat im Dezember 2024 20'000 Container geschickt.",
            "Nordkorea hat im Dezember 2023 15'000 Container geschickt.",
        );
        assert_eq!(s.percent, 98);
        assert_eq!(s.penalties, [Penalty::Numbers]);
        assert_eq!(s.penalties[0].label(), "-2 numbers");
    }

    #[test]
    fn a_spelled_out_number_change_costs_like_a_digit_change() {
        let words = pct(
            "Die Sanktionen gelten vier bis fünf Jahre.",
            "Die Sanktionen gelten drei bis fünf Jahre.",
        );
        let digits = pct(
            "Die Sanktionen gelten 4 bis 5 Jahre.",
            "Die Sanktionen gelten 3 bis 5 Jahre.",
        );
        assert_eq!(words.penalties, [Penalty::Numbers]);
        assert_eq!(words.percent, 98);
        assert_eq!(words, digits);
        // Without the change the pair is identical.
        assert_eq!(
            pct("Sie gelten vier Jahre.", "Sie gelten vier Jahre.").percent,
            100
        );
        // An article is no number: `ein` -> `kein` is an edit, no penalty.
        let article = pct("Es gibt ein Problem.", "Es gibt kein Problem.");
        assert!(article.penalties.is_empty());
        assert_eq!(article.percent, 75);
        // A capitalised noun inside the sentence is no number either.
        let noun = pct("Er ließ das außer Acht.", "Er ließ das außer Sicht.");
        assert!(noun.penalties.is_empty());
    }

    #[test]
    fn case_and_punctuation_cost_a_point_each() {
        let s = pct("Die Diktatur ist stark.", "die Diktatur ist stark!");
        assert_eq!(s.percent, 98);
        assert_eq!(s.penalties, [Penalty::Case, Penalty::Punctuation]);
        assert_eq!(pct("Strasse", "Straße").penalties, [Penalty::Case]);
    }

    #[test]
    fn one_word_of_ten_changed_is_90() {
        let s = pct(
            "Kim opfert also zehntausend Soldaten und erhält dafür viel Prestige zurück",
            "Kim opfert also zehntausend Soldaten und erhält dafür viel Geld zurück",
        );
        assert_eq!(s.percent, 90);
        assert!(s.penalties.is_empty());
    }

    #[test]
    fn distance_is_levenshtein() {
        let a: Vec<char> = "kitten".chars().collect();
        let b: Vec<char> = "sitting".chars().collect();
        assert_eq!(distance(&a, &b, 10), Some(3));
        assert_eq!(distance(&a, &b, 3), Some(3));
        assert_eq!(distance(&a, &b, 2), None);
        assert_eq!(distance::<char>(&[], &b, 9), Some(7));
    }

    #[test]
    fn max_distance_is_the_exact_bound() {
        // base >= min  <=>  d <= max_distance
        for n in 0..40 {
            for m in 0..40 {
                for min in [0, 50, 70, 75, 85, 95, 99, 100] {
                    let k = max_distance(n, m, min);
                    for d in n.abs_diff(m)..=n.max(m) {
                        assert_eq!(
                            base_score(n, m, d) >= min,
                            d <= k,
                            "n={n} m={m} d={d} min={min}"
                        );
                    }
                }
            }
        }
    }

    /// The whole edit-distance table, the definition the banded and
    /// bit-parallel distances are checked against.
    pub(in crate::tm::fuzzy) fn full_levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, x) in a.iter().enumerate() {
            let mut cur = vec![i + 1];
            for (j, y) in b.iter().enumerate() {
                cur.push(
                    (prev[j] + usize::from(x != y))
                        .min(prev[j + 1] + 1)
                        .min(cur[j] + 1),
                );
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest! {
        #[test]
        fn banded_distance_agrees_with_the_full_table(
            a in proptest::collection::vec(0u8..4, 0..20),
            b in proptest::collection::vec(0u8..4, 0..20),
            max in 0usize..25,
        ) {
            let full = full_levenshtein(&a, &b);
            prop_assert_eq!(distance(&a, &b, max), (full <= max).then_some(full));
        }

        #[test]
        fn scores_stay_in_range(q in "\\PC{0,40}", s in "\\PC{0,40}") {
            let sc = pct(&q, &s);
            prop_assert!(sc.percent <= 100);
            prop_assert_eq!(sc.percent == 100, q == s);
        }
    }
}
