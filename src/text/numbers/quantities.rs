//! Quantities for the QA number check: [`find_quantities`] and
//! [`compare_quantities`].
//!
//! [`find_numbers`] reads numerals one by one; a translator's number check
//! needs a little more, so that what a careful translation writes
//! differently is not reported (every rule below answers a false alarm):
//!
//! * **Scales**: `5,5 Milliarden` and `5.5 billion` both read as 5.5e9
//!   ([`Quantity::scaled`]); German `Billion` is 10^12, English `billion`
//!   10^9. Spelled numbers and articles take scales too: `zwei Millionen`,
//!   `eine Milliarde` = `a billion` = 1e9. When both sides are scaled, only
//!   the scaled values are compared (`5,5 Milliarden` ≠ `5.5 million`).
//! * **Spelled-out numbers** `zwei`…`zwölf` and `two`…`twelve` count as
//!   2…12 ([`Quantity::spelled`]); `ein`/`eine`/`one`/`a` never do (they are
//!   articles). A capitalised German number word counts only at the start of
//!   a sentence, since `Acht` (attention) and `Elf` (a team) are nouns.
//!   `zweieinhalb` and `two and a half` read as 2.5.
//! * **Optional quantities** ([`Quantity::optional`]) need no counterpart but
//!   pair with one if there is: the month of a German numeric date
//!   (`18.05.1956` against `18 May 1956`), and a spelled number joined to a
//!   hyphen (`Drei-Punkte-Plan`, `three-year-old`, since German writes
//!   `dreijährig` as one word).
//! * **Times**: `14.30 Uhr`, `14:30`, `2.30pm`, `8 a.m.`, `20 Uhr` are
//!   [`QuantityKind::Time`] in minutes on a 12-hour clock (so `20 Uhr` =
//!   `8pm` = `8 o'clock`), compared only with times.
//! * **Fractions**: `1/2` = 0.5, `2 1/2` = `2½` = 2.5 (numerator smaller
//!   than a denominator of at most 10, so `1954/55` and `24/7` stay two
//!   numbers).
//! * **Ranges and decades**: a two-digit end after a year also reads as a
//!   year (`2023-24` and `1954/55` match `2024` and `1955`); a decade
//!   `90er`, `90s`, `'90s` also reads as 1990 and as 2090 (both centuries
//!   are offered, since `20er` may be the 1920s or the 2020s).
//! * Ordinals compare by value (`6.` = `6th` = `6`), so `6. Januar` =
//!   `January 6` = `6 January`; `1990er` = `1990s` by value.
//!
//! [`compare_quantities`] matches the two sides as multisets and returns
//! what is left over. A full-hour time also matches the plain hour (`9 Uhr`
//! = `at 9 in the morning`). An unmatched quantity of value 2…12 is excused
//! when the other text has a word *starting with* that number's name
//! (`dreijährige` excuses `three`, `zweimal` excuses `two times`); 2 also by
//! `beide`/`both`; an ordinal 1st…12th by the ordinal word (`1. Liga` =
//! `first division`, `zweite` = `2nd`).

use crate::text::words::{has_letter, is_hyphen, key, words};

use super::{NumLang, find_numbers, same_value};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityKind {
    /// A plain number (amount, year, percentage, date part).
    Number,
    /// A clock time, in minutes after 0:00 or 12:00.
    Time,
}

/// A number as the QA check compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte offset of the start (on a char boundary).
    pub start: usize,
    /// Byte offset one past the end (on a char boundary).
    pub end: usize,
    /// `&text[start..end]`.
    pub text: String,
    /// The readings, any of which may match (first the plain value).
    pub values: Vec<f64>,
    /// The value times a following scale word (`Milliarden`, `billion`).
    pub scaled: Option<f64>,
    /// Number or time.
    pub kind: QuantityKind,
    /// Needs no counterpart on the other side (see the module documentation).
    pub optional: bool,
    /// Spelled out as a word (`drei`, `three`).
    pub spelled: bool,
    /// An ordinal (`6.`, `6th`).
    pub ordinal: bool,
}

impl Quantity {
    /// The first reading, scaled if there is a scale word: the value a
    /// message shows.
    pub fn shown_value(&self) -> f64 {
        self.scaled
            .or_else(|| self.values.first().copied())
            .unwrap_or(0.0)
    }

    fn matches(&self, other: &Quantity) -> bool {
        if self.kind != other.kind {
            return self.full_hour_matches(other) || other.full_hour_matches(self);
        }
        if let (Some(a), Some(b)) = (self.scaled, other.scaled) {
            return same_value(a, b);
        }
        self.readings()
            .any(|a| other.readings().any(|b| same_value(a, b)))
    }

    /// A full-hour time against a plain hour: `9 Uhr` = `at 9 in the morning`.
    fn full_hour_matches(&self, plain: &Quantity) -> bool {
        let (Some(&t), Some(h)) = (self.values.first(), plain.int_value()) else {
            return false;
        };
        self.kind == QuantityKind::Time
            && plain.kind == QuantityKind::Number
            && plain.scaled.is_none()
            && h <= 24
            && same_value(t, clock(h, 0))
    }

    fn readings(&self) -> impl Iterator<Item = f64> + '_ {
        self.values.iter().copied().chain(self.scaled)
    }

    fn int_value(&self) -> Option<u64> {
        let v = *self.values.first()?;
        (v >= 0.0 && v.fract() == 0.0 && v < 1e15).then_some(v as u64)
    }

    fn is_plain_digits(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(|c| c.is_ascii_digit())
    }
}

/// German number words 2–12 (keys: lower case, `ß` as `ss`).
const DE_WORDS: [(&str, u64); 11] = [
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
];

/// English number words 2–12.
const EN_WORDS: [(&str, u64); 11] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

fn number_words(lang: NumLang) -> &'static [(&'static str, u64)] {
    match lang {
        NumLang::En => &EN_WORDS,
        NumLang::De | NumLang::Fr => &DE_WORDS,
    }
}

/// Scale words after a spelled number or an article (keys).
fn scale_word(lang: NumLang, k: &str) -> Option<f64> {
    let table: &[(&str, f64)] = match lang {
        NumLang::De | NumLang::Fr => &[
            ("hundert", 1e2),
            ("tausend", 1e3),
            ("million", 1e6),
            ("millionen", 1e6),
            ("mio", 1e6),
            ("milliarde", 1e9),
            ("milliarden", 1e9),
            ("mrd", 1e9),
            ("billion", 1e12),
            ("billionen", 1e12),
        ],
        NumLang::En => &[
            ("hundred", 1e2),
            ("thousand", 1e3),
            ("million", 1e6),
            ("billion", 1e9),
            ("trillion", 1e12),
        ],
    };
    table.iter().find(|(w, _)| *w == k).map(|&(_, s)| s)
}

/// Articles that make a singular scale word a quantity of 1 (`eine Milliarde`).
fn is_one_article(lang: NumLang, k: &str) -> bool {
    match lang {
        NumLang::De | NumLang::Fr => {
            matches!(
                k,
                "ein" | "eine" | "einer" | "einen" | "einem" | "un" | "une"
            )
        }
        NumLang::En => matches!(k, "a" | "one"),
    }
}

/// Unicode vulgar fractions.
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// The quantities of `text` (see the module documentation), sorted by start.
///
/// Never panics; spans are on char boundaries and inside `text`.
pub fn find_quantities(text: &str, lang: NumLang) -> Vec<Quantity> {
    let mut raw: Vec<Quantity> = find_numbers(text, lang)
        .into_iter()
        .map(|n| Quantity {
            start: n.start,
            end: n.end,
            text: n.text,
            values: vec![n.value],
            scaled: n.scaled,
            kind: QuantityKind::Number,
            optional: false,
            spelled: false,
            ordinal: n.ordinal,
        })
        .collect();
    for (start, c) in text.char_indices() {
        if let Some(v) = vulgar(c) {
            raw.push(Quantity {
                start,
                end: start + c.len_utf8(),
                text: c.to_string(),
                values: vec![v],
                scaled: None,
                kind: QuantityKind::Number,
                optional: false,
                spelled: false,
                ordinal: false,
            });
        }
    }
    raw.sort_by_key(|q| q.start);

    let mut out: Vec<Quantity> = Vec::with_capacity(raw.len());
    for q in raw {
        merge_or_push(text, lang, &mut out, q);
    }
    for q in &mut out {
        mark_time(text, lang, q);
        mark_decade(text, lang, q);
    }
    out.extend(spelled_quantities(text, lang));
    out.sort_by_key(|q| q.start);
    out
}

fn gap<'a>(text: &'a str, a: &Quantity, b: &Quantity) -> Option<&'a str> {
    text.get(a.end..b.start)
}

/// Appends `q`, merging it with the previous quantity where they form one:
/// a time `14:30`, a fraction `2 1/2`, `2½`; marks range ends and date months.
fn merge_or_push(text: &str, lang: NumLang, out: &mut Vec<Quantity>, mut q: Quantity) {
    let Some(prev) = out.last_mut() else {
        out.push(q);
        return;
    };
    let between = gap(text, prev, &q).unwrap_or("\u{0}");

    // Vulgar fraction right after an integer: 2½, 2 ½.
    if q.text.chars().count() == 1
        && q.text.chars().all(|c| vulgar(c).is_some())
        && (between.is_empty() || between == " ")
        && prev.kind == QuantityKind::Number
        && prev.int_value().is_some()
        && prev.scaled.is_none()
    {
        let add = q.values.first().copied().unwrap_or(0.0);
        for v in &mut prev.values {
            *v += add;
        }
        prev.end = q.end;
        prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
        return;
    }

    // Clock time with a colon: 14:30.
    if between == ":"
        && prev.is_plain_digits()
        && prev.int_value().is_some_and(|h| h <= 24)
        && q.text.len() == 2
        && q.is_plain_digits()
        && q.int_value().is_some_and(|m| m < 60)
    {
        let h = prev.int_value().unwrap_or(0);
        let m = q.int_value().unwrap_or(0);
        prev.kind = QuantityKind::Time;
        prev.values = vec![clock(h, m)];
        prev.scaled = None;
        prev.end = q.end;
        prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
        return;
    }

    // Fraction 1/2, and 2 1/2.
    if matches!(between, "/" | "⁄")
        && prev.is_plain_digits()
        && q.is_plain_digits()
        && q.scaled.is_none()
        && let (Some(num), Some(den)) = (prev.int_value(), q.int_value())
        && (1..=9).contains(&num)
        && (2..=10).contains(&den)
        && num < den
    {
        let frac = num as f64 / den as f64;
        let start = prev.start;
        out.pop();
        let whole = match out.last() {
            Some(w)
                if w.is_plain_digits()
                    && w.kind == QuantityKind::Number
                    && text.get(w.end..start) == Some(" ") =>
            {
                w.int_value()
            }
            _ => None,
        };
        if let (Some(whole), Some(w)) = (whole, out.last_mut()) {
            w.values = vec![whole as f64 + frac];
            w.end = q.end;
            w.text = text.get(w.start..w.end).unwrap_or("").to_string();
        } else {
            out.push(Quantity {
                start,
                end: q.end,
                text: text.get(start..q.end).unwrap_or("").to_string(),
                values: vec![frac],
                scaled: None,
                kind: QuantityKind::Number,
                optional: false,
                spelled: false,
                ordinal: false,
            });
        }
        return;
    }

    // Two-digit end of a year range: 2023-24, 1954/55.
    if matches!(between, "-" | "–" | "/")
        && prev.is_plain_digits()
        && prev.text.len() == 4
        && q.is_plain_digits()
        && q.text.len() == 2
        && let (Some(y), Some(e)) = (prev.int_value(), q.int_value())
        && (1000..=2999).contains(&y)
    {
        let mut full = y / 100 * 100 + e;
        if full <= y {
            full += 100;
        }
        q.values.push(full as f64);
    }

    // Month of a German numeric date: 18.05.1956, 18.5.
    if matches!(lang, NumLang::De | NumLang::Fr)
        && prev.ordinal
        && q.ordinal
        && prev.end == q.start
        && prev.text.ends_with('.')
    {
        q.optional = true;
    }
    out.push(q);
}

/// Minutes on a 12-hour clock.
fn clock(h: u64, m: u64) -> f64 {
    ((h % 12) * 60 + m) as f64
}

/// Hours and minutes of `14`, `14.30`, `14:30`, `2.30`.
fn hours_minutes(text: &str) -> Option<(u64, u64)> {
    let mut parts = text.split(['.', ':']);
    let h: u64 = parts.next()?.parse().ok()?;
    let m: u64 = match parts.next() {
        Some(m) if m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() || h > 24 || m >= 60 {
        return None;
    }
    Some((h, m))
}

/// Turns `14.30 Uhr`, `8 Uhr`, `2.30pm`, `8 a.m.`, `8 o'clock` into times.
fn mark_time(text: &str, lang: NumLang, q: &mut Quantity) {
    if q.kind == QuantityKind::Time {
        return;
    }
    let Some(rest) = text.get(q.end..) else {
        return;
    };
    let after = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '.' || *c == '\'' || *c == '’')
        .collect::<String>()
        .to_lowercase();
    let next = next.trim_end_matches('.');
    let is_clock = match lang {
        NumLang::De => next == "uhr",
        NumLang::Fr => next == "h",
        NumLang::En => matches!(next, "am" | "pm" | "a.m" | "p.m" | "o'clock" | "o’clock"),
    };
    if !is_clock || q.ordinal {
        return;
    }
    if let Some((h, m)) = hours_minutes(&q.text) {
        q.kind = QuantityKind::Time;
        q.values = vec![clock(h, m)];
        q.scaled = None;
    }
}

/// Adds the year readings of `90er`, `90s`, `'90s`.
fn mark_decade(text: &str, lang: NumLang, q: &mut Quantity) {
    if q.kind != QuantityKind::Number || q.text.len() != 2 || !q.is_plain_digits() {
        return;
    }
    let after = text.get(q.end..).unwrap_or("");
    let before = text.get(..q.start).unwrap_or("");
    let decade = match lang {
        NumLang::De | NumLang::Fr => after.starts_with("er"),
        NumLang::En => {
            let s_then_end = after
                .strip_prefix('s')
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric));
            s_then_end || before.ends_with(['\'', '’'])
        }
    };
    if let (true, Some(v)) = (decade, q.int_value())
        && v % 10 == 0
    {
        q.values.push((1900 + v) as f64);
        q.values.push((2000 + v) as f64);
    }
}

/// Spelled numbers (with scales, `einhalb`, `and a half`) and
/// article + scale word (`eine Milliarde`, `a billion`).
fn spelled_quantities(text: &str, lang: NumLang) -> Vec<Quantity> {
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

/// What is left when two sides' quantities are matched (see
/// [`compare_quantities`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuantityDiff {
    /// Source quantities without a counterpart.
    pub source: Vec<Quantity>,
    /// Target quantities without a counterpart.
    pub target: Vec<Quantity>,
}

impl QuantityDiff {
    /// Whether both sides matched completely.
    pub fn is_empty(&self) -> bool {
        self.source.is_empty() && self.target.is_empty()
    }
}

/// Finds the quantities of both texts and matches them as multisets (any
/// reading may match; times only times; optional quantities need no
/// partner); returns the non-optional ones left over, minus those excused
/// by a number word at the start of a word of the other text.
pub fn compare_quantities(
    source: &str,
    source_lang: NumLang,
    target: &str,
    target_lang: NumLang,
) -> QuantityDiff {
    let src = find_quantities(source, source_lang);
    let tgt = find_quantities(target, target_lang);
    let mut src_used = vec![false; src.len()];
    let mut tgt_used = vec![false; tgt.len()];

    // Pass 1: required source quantities; pass 2: optional ones. Each takes
    // a required target quantity before an optional one.
    for pass_optional in [false, true] {
        for (i, s) in src.iter().enumerate() {
            if s.optional != pass_optional {
                continue;
            }
            let pick = [false, true].into_iter().find_map(|want_optional| {
                tgt.iter().enumerate().position(|(j, t)| {
                    t.optional == want_optional
                        && !tgt_used.get(j).copied().unwrap_or(true)
                        && s.matches(t)
                })
            });
            if let Some(j) = pick {
                if let Some(u) = tgt_used.get_mut(j) {
                    *u = true;
                }
                if let Some(u) = src_used.get_mut(i) {
                    *u = true;
                }
            }
        }
    }

    let left = |qs: &[Quantity], used: &[bool], other: &str, other_lang: NumLang| {
        qs.iter()
            .zip(used)
            .filter(|(q, used)| !**used && !q.optional && !excused(q, other, other_lang))
            .map(|(q, _)| q.clone())
            .collect::<Vec<_>>()
    };
    QuantityDiff {
        source: left(&src, &src_used, target, target_lang),
        target: left(&tgt, &tgt_used, source, source_lang),
    }
}

/// German ordinal stems 1st–12th (`erste`, `zweiten`, …).
const DE_ORDINALS: [&str; 12] = [
    "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt",
    "elft", "zwölft",
];

/// English ordinals 1st–12th.
const EN_ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// Whether an unmatched quantity is excused by a word of `other`: for 2…12
/// a word starting with that number's name (`dreijährige` for `three`), for
/// 2 also `beide`/`both`; for an ordinal 1st…12th a word starting with the
/// ordinal (`1. Liga` = `first division`).
fn excused(q: &Quantity, other: &str, other_lang: NumLang) -> bool {
    if q.kind != QuantityKind::Number || q.scaled.is_some() {
        return false;
    }
    let Some(v) = q.int_value() else {
        return false;
    };
    let mut prefixes: Vec<&str> = number_words(other_lang)
        .iter()
        .filter(|&&(_, n)| n == v)
        .map(|&(name, _)| name)
        .collect();
    if v == 2 {
        prefixes.push(match other_lang {
            NumLang::En => "both",
            NumLang::De | NumLang::Fr => "beid",
        });
    }
    if q.ordinal {
        let ordinals: &[&str] = match other_lang {
            NumLang::En => &EN_ORDINALS,
            NumLang::De | NumLang::Fr => &DE_ORDINALS,
        };
        if let Some(o) = usize::try_from(v)
            .ok()
            .and_then(|v| v.checked_sub(1))
            .and_then(|i| ordinals.get(i))
        {
            prefixes.push(o);
        }
    }
    !prefixes.is_empty()
        && words(other).iter().any(|w| {
            let k = key(w.text);
            has_letter(w.text) && prefixes.iter().any(|p| k.starts_with(p))
        })
}

#[cfg(test)]
#[path = "quantities_tests.rs"]
mod tests;
