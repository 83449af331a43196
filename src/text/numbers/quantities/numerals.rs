//! Digit numerals read together: a numeral is merged with the one before
//! it where the two form one quantity (`2½`, `14:30`, `1/2`, `2 1/2`), a
//! two-digit range end after a year also reads as a year (`2023-24`), the
//! month of a German numeric date is optional (`18.05.1956`), and a decade
//! (`90er`, `90s`, `'90s`) also reads as 1990 and 2090.

use super::number_words::vulgar;
use super::times::clock;
use super::{DateOrder, Quantity, QuantityKind};
use crate::text::numbers::NumLang;

/// The text between two quantities, if `a` ends before `b` starts.
fn gap<'a>(text: &'a str, a: &Quantity, b: &Quantity) -> Option<&'a str> {
    text.get(a.end..b.start)
}

/// Appends `q`, merging it with the previous quantity where they form one:
/// a time `14:30`, a fraction `2 1/2`, `2½`; marks range ends and dates.
pub(super) fn merge_or_push(
    text: &str,
    lang: NumLang,
    order: DateOrder,
    out: &mut Vec<Quantity>,
    mut q: Quantity,
) {
    let Some(prev) = out.last_mut() else {
        out.push(q);
        return;
    };
    let between = gap(text, prev, &q).unwrap_or("\u{0}");
    if merge_vulgar(text, between, prev, &q) || merge_colon_time(text, between, prev, &q) {
        return;
    }
    if merge_fraction(text, between, out, &q) {
        return;
    }
    let Some(prev) = out.last_mut() else {
        out.push(q);
        return;
    };
    mark_range_end(between, prev, &mut q);
    if lang == NumLang::En && merge_feet_inches(text, between, prev, &q) {
        return;
    }
    // Month of a numeric date with dots: 18.05.1956, 18.5.
    if prev.ordinal && q.ordinal && prev.end == q.start && prev.text.ends_with('.') {
        prev.day = true;
        prev.ordinal = false;
        q.kind = QuantityKind::Month;
        q.ordinal = false;
    }
    // An English numeric date with slashes: 6/1/2024, 31/10/2013.
    if lang == NumLang::En
        && between == "/"
        && let Some(month) = slash_date(text, order, out, &q)
    {
        q.kind = QuantityKind::Month;
        q.values = month;
        if let Some(first) = out.last_mut() {
            first.day = true;
        }
    }
    out.push(q);
}

/// A vulgar fraction right after an integer (`2½`, `2 ½`) joins it.
fn merge_vulgar(text: &str, between: &str, prev: &mut Quantity, q: &Quantity) -> bool {
    let joins = q.text.chars().count() == 1
        && q.text.chars().all(|c| vulgar(c).is_some())
        && (between.is_empty() || between == " ")
        && prev.kind == QuantityKind::Number
        && prev.int_value().is_some()
        && prev.scaled.is_none();
    if joins {
        let add = q.values.first().copied().unwrap_or(0.0);
        for v in &mut prev.values {
            *v += add;
        }
        prev.end = q.end;
        prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
    }
    joins
}

/// A clock time with a colon (`14:30`) becomes one quantity; so does a
/// race time with seconds (`2:21:31`, written `2:21.31` in English), as
/// the seconds it adds up to.
fn merge_colon_time(text: &str, between: &str, prev: &mut Quantity, q: &Quantity) -> bool {
    if between != ":" {
        return false;
    }
    if let Some(seconds) = race_time(prev, q) {
        prev.kind = QuantityKind::Number;
        prev.values = vec![seconds];
        prev.scaled = None;
        prev.end = q.end;
        prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
        return true;
    }
    if !prev.is_plain_digits() || !q.is_plain_digits() || q.text.len() != 2 {
        return false;
    }
    let (Some(h), Some(m)) = (prev.int_value(), q.int_value()) else {
        return false;
    };
    if h > 24 || m >= 60 {
        return false;
    }
    prev.kind = QuantityKind::Time;
    prev.values = vec![clock(h, m)];
    prev.scaled = None;
    prev.end = q.end;
    prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
    true
}

/// The seconds of `h:mm:ss` (`prev` the `h:mm` time, `q` the seconds) or
/// `h:mm.ss` (`prev` the hours, `q` the `mm.ss`).
fn race_time(prev: &Quantity, q: &Quantity) -> Option<f64> {
    let two = |s: &str| {
        (s.len() == 2 && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<f64>().ok())?
    };
    if prev.kind == QuantityKind::Time && q.is_plain_digits() {
        let (h, m) = prev.text.split_once(':')?;
        let h: f64 = h.parse().ok()?;
        return Some(h * 3600.0 + two(m)? * 60.0 + two(&q.text)?);
    }
    if prev.is_plain_digits() {
        let (m, s) = q.text.split_once('.')?;
        let h: f64 = prev.text.parse().ok()?;
        return Some(h * 3600.0 + two(m)? * 60.0 + two(s)?);
    }
    None
}

/// A fraction `1/2` (numerator below a denominator of at most 10) becomes
/// one quantity, joined to a whole number before it (`2 1/2`); not the
/// start of a date (`1/6/2024`).
fn merge_fraction(text: &str, between: &str, out: &mut Vec<Quantity>, q: &Quantity) -> bool {
    let date_follows = text.get(q.end..).is_some_and(|r| r.starts_with('/'));
    let Some(prev) = out.last() else {
        return false;
    };
    let fraction = matches!(between, "/" | "⁄")
        && !date_follows
        && prev.is_plain_digits()
        && q.is_plain_digits()
        && q.scaled.is_none();
    let (Some(num), Some(den)) = (prev.int_value(), q.int_value()) else {
        return false;
    };
    if !fraction || !(1..=9).contains(&num) || !(2..=10).contains(&den) || num >= den {
        return false;
    }
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
        out.push(Quantity::number(text, start, q.end, frac));
    }
    true
}

/// Feet and inches written `6'7"`: one length in feet.
fn merge_feet_inches(text: &str, between: &str, prev: &mut Quantity, q: &Quantity) -> bool {
    let inch_mark = text
        .get(q.end..)
        .is_some_and(|r| r.starts_with(['"', '″', '”']));
    if !matches!(between, "'" | "′" | "’") || !inch_mark {
        return false;
    }
    let (Some(feet), Some(inches)) = (prev.int_value(), q.int_value()) else {
        return false;
    };
    if feet > 10 || inches >= 12 || !prev.is_plain_digits() {
        return false;
    }
    prev.values = vec![feet as f64 + inches as f64 / 12.0];
    prev.end = q.end + 1;
    prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
    prev.unit = Some(super::units::FOOT_UNIT);
    true
}

/// The ends of a range get their other readings: a minus sign after a
/// number and a space is a dash (`(2000 -2004)`), a two-digit end after a
/// year is a year too (`2023-24`, `1954/55`), and a short first end takes
/// the thousands of the second (`50-100.000 Euro` is 50,000 to 100,000).
fn mark_range_end(between: &str, prev: &mut Quantity, q: &mut Quantity) {
    if matches!(between, "-" | "–")
        && prev.is_plain_digits()
        && let (Some(a), Some(b)) = (prev.int_value(), q.int_value())
        && a < 1000
        && b >= 1000
        && q.text.contains(['.', ',', '\'', '’', ' '])
        && a * 1000 < b
    {
        prev.values.push((a * 1000) as f64);
    }
    if q.text.starts_with(['-', '−'])
        && between.chars().all(char::is_whitespace)
        && !between.is_empty()
        && prev.kind == QuantityKind::Number
        && let Some(&v) = q.values.first()
    {
        q.values.push(-v);
    }
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
}

/// When `q` (after a `/`) and the quantity before it start a numeric
/// English date with a year (`6/1/2024`, `31/10/13`): the readings of the
/// month, the day's readings set in `out`. Day and month are told apart by
/// `order`, or by a value above 12; either order when both fit.
fn slash_date(
    text: &str,
    order: DateOrder,
    out: &mut [Quantity],
    q: &Quantity,
) -> Option<Vec<f64>> {
    let first = out.last_mut()?;
    let (a, b) = (first.int_value()?, q.int_value()?);
    let year_follows = text.get(q.end..).is_some_and(|r| {
        r.strip_prefix('/').is_some_and(|y| {
            let digits = y.chars().take_while(char::is_ascii_digit).count();
            digits == 2 || digits == 4
        })
    });
    let plain = first.is_plain_digits() && q.is_plain_digits();
    if !year_follows || !plain || !(1..=31).contains(&a) || !(1..=31).contains(&b) {
        return None;
    }
    let day_first = a > 12 || order == DateOrder::DayFirst;
    let month_first = b > 12 || order == DateOrder::MonthFirst;
    let (day, month) = match (day_first && b <= 12, month_first && a <= 12) {
        (true, false) => (vec![a], vec![b]),
        (false, true) => (vec![b], vec![a]),
        (true, true) | (false, false) if a <= 12 && b <= 12 => (vec![a, b], vec![b, a]),
        _ => return None,
    };
    first.values = day.into_iter().map(|v| v as f64).collect();
    Some(month.into_iter().map(|v| v as f64).collect())
}

/// Adds the year readings of `90er`, `90s`, `'90s`.
pub(super) fn mark_decade(text: &str, lang: NumLang, q: &mut Quantity) {
    let four = q.text.len() == 4;
    if q.kind != QuantityKind::Number || !(q.text.len() == 2 || four) || !q.is_plain_digits() {
        return;
    }
    let after = text.get(q.end..).unwrap_or("");
    let before = text.get(..q.start).unwrap_or("");
    let suffixed = match lang {
        NumLang::De | NumLang::Fr => after.starts_with("er") || after.starts_with("-er"),
        NumLang::En => ["s", "'s", "’s"].iter().any(|s| {
            after
                .strip_prefix(s)
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
        }),
    };
    // `'90` alone is a year written short, not a decade.
    let short_year = lang == NumLang::En && before.ends_with(['\'', '’']) && !four;
    let Some(v) = q.int_value().filter(|v| v % 10 == 0) else {
        return;
    };
    if (suffixed || short_year) && !four {
        q.values.push((1900 + v) as f64);
        q.values.push((2000 + v) as f64);
    }
    q.decade = suffixed;
}

/// Marks codes and glosses (see [`Quantity::code`] and [`Quantity::gloss`]).
///
/// A code: digits with a letter right before them (`MP3`, `CO2`, `G20`,
/// `@jemb123`) or after a letter and a hyphen (`MiG-29`, `F-16`), or in a
/// word where digits touch letters that are no unit or suffix (`300ER`
/// makes `777-300ER` a code). A gloss: a number in brackets that open
/// right after another amount (`1.800 Pfund (2.000 Euro)`, `$1 million
/// (£480,000)`).
pub(super) fn mark_codes_and_glosses(text: &str, qs: &mut [Quantity]) {
    let mut prev_end: Option<usize> = None;
    for q in qs.iter_mut() {
        if !q.spelled && q.kind == QuantityKind::Number {
            q.code = in_code(text, q);
            q.gloss = prev_end.is_some_and(|p| is_gloss(text, p, q.start))
                || after_unit_word(text, q.start);
        }
        if q.kind == QuantityKind::Number {
            prev_end = Some(q.end);
        }
    }
}

/// Whether the word around `q` makes it part of a name or code.
fn in_code(text: &str, q: &Quantity) -> bool {
    let before = text.get(..q.start).unwrap_or_default();
    let mut back = before.chars().rev();
    let prev = back.next();
    if prev.is_some_and(char::is_alphabetic) {
        return true;
    }
    if prev.is_some_and(crate::text::words::is_hyphen)
        && back.next().is_some_and(char::is_alphabetic)
    {
        // `MiG-29`, `F-16`, `Su-27`, but not a suspended compound.
        return true;
    }
    if index_name_before(before)
        || reference_before(before)
        || footnote_before(before)
        || text.get(q.start..).is_some_and(|r| r.starts_with("24/7"))
    {
        return true;
    }
    // The whitespace-delimited word holding q: digits glued to letters that
    // are no unit or suffix (`300ER`).
    let start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8)
    });
    let after = text.get(q.end..).unwrap_or_default();
    let end = q.end + after.find(char::is_whitespace).unwrap_or(after.len());
    has_model_number(text.get(start..end).unwrap_or_default())
}

/// Currency codes, which an amount follows (`USD 1,300`): no name.
const CURRENCY_CODES: [&str; 26] = [
    "USD", "EUR", "CHF", "GBP", "JPY", "CNY", "HUF", "CZK", "SEK", "NOK", "DKK", "PLN", "RUB",
    "INR", "BRL", "CAD", "AUD", "MXN", "TRY", "ZAR", "KRW", "HKD", "SGD", "NZD", "ILS", "AED",
];

/// Whether `before` (the text before a number) ends with an acronym and
/// one space, so the number is part of a name (`CAC 40`, `FTSE 100`, `DAX
/// 30`, `BBC 2`); a currency code is no name (`USD 1,300`).
fn index_name_before(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    word.chars().count() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !CURRENCY_CODES.contains(&word.as_str())
}

/// Words after which a number is an identifier, not an amount: legal
/// references (`§ 117 Absatz 2` = `Article 117.2`), numbered items (`Nr.
/// 5`, `No. 5`).
const REFERENCE_WORDS: [&str; 13] = [
    "§",
    "art",
    "artikel",
    "article",
    "absatz",
    "abs",
    "section",
    "paragraph",
    "ziffer",
    "nr",
    "nummer",
    "kapitel",
    "chapter",
];

/// Whether `before` ends with a reference word (`§`, `Artikel`, `Nr.`) or a
/// lone capital (`A 17`, `D 8`: roads) and a space or dot.
fn reference_before(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\u{a0}', '.']);
    if trimmed.len() == before.len() && !before.ends_with('§') {
        return false;
    }
    if trimmed.ends_with('§') {
        return true;
    }
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // `No.` only with its dot (`no 5-star hotels` is no reference); `A`
    // and `I` are words, not road names.
    if word == "No" && before.trim_end().ends_with("No.") {
        return true;
    }
    let lone_capital = word.chars().count() == 1
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() && c != 'A' && c != 'I')
        && trimmed
            .chars()
            .rev()
            .nth(1)
            .is_none_or(|c| !c.is_alphanumeric());
    lone_capital || REFERENCE_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether `before` ends with closing punctuation glued to the number: a
/// footnote mark (`Rechnungshöfe.12`, `verarbeitet werden“.12`, `(EG)17`).
fn footnote_before(before: &str) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        Some(')' | '”' | '“' | '"' | '»' | '«') => true,
        Some('.' | ';' | ',') => back
            .next()
            .is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace()),
        _ => false,
    }
}

/// Letters glued after digits that keep them a number: ordinal and decade
/// suffixes, units, scale and clock abbreviations.
const NUMBER_SUFFIXES: [&str; 38] = [
    "st",
    "nd",
    "rd",
    "th",
    "s",
    "er",
    "ern",
    "e",
    "h",
    "m",
    "km",
    "cm",
    "mm",
    "kg",
    "g",
    "t",
    "ft",
    "l",
    "ml",
    "ha",
    "bn",
    "mn",
    "k",
    "tn",
    "mio",
    "mrd",
    "pm",
    "am",
    "mph",
    "kmh",
    "jährig",
    "jährige",
    "jährigen",
    "fach",
    "fache",
    "fachen",
    "mal",
    "x",
];

/// Whether a word has digits glued to letters that are no number suffix
/// (`300ER`), or to two or more capitals (`4GT`): a model number.
fn has_model_number(word: &str) -> bool {
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let Some(&(_, n)) = chars.peek() else { break };
        if c.is_ascii_digit() && n.is_alphabetic() {
            let letters: String = word
                .get(i + c.len_utf8()..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let known = NUMBER_SUFFIXES.contains(&letters.to_lowercase().as_str());
            // Capitals are a model name (`300ER`, `4GT`), not `90er`.
            let capitals = letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase);
            if !known || capitals {
                return true;
            }
        }
    }
    false
}

/// Whether the number at `start` sits in brackets opened just after an
/// amount that ended at `prev_end`.
/// A few words may stand between (`17 billion dollars (almost 300 billion
/// crowns)`, `3.000 Singapur-Dollar (ca 1.730 Euro)`).
fn is_gloss(text: &str, prev_end: usize, start: usize) -> bool {
    let Some(between) = text.get(prev_end..start) else {
        return false;
    };
    let Some(open) = between.rfind('(') else {
        return false;
    };
    let (before, inside) = between.split_at(open);
    before.chars().count() <= 30
        && !before.contains([')', '.', ';', ':'])
        && inside.chars().count() <= 16
        && !inside.contains(char::is_numeric)
}

/// Whether the number at `start` sits in brackets right after a unit word
/// (`ein Zoll (2,54 cm)`, `a mile (1.6 km)`): a conversion for the reader.
fn after_unit_word(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let (head, inside) = before.split_at(open);
    let inside = inside.trim_start_matches('(');
    if inside.chars().count() > 8 || inside.contains(char::is_numeric) {
        return false;
    }
    let word: String = head
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    !word.is_empty() && super::units::unit_after(&format!("1 {word}"), 1).is_some()
}

/// Roman numerals (`XXII. Bezirk` = `District 22`, `World War II`, `Louis
/// XIV`): optional quantities, so they pair with a figure the other side
/// writes in digits but are never missed. Only capitals in the canonical
/// form, two letters or more (or one after `War`), up to 3999.
pub(super) fn roman_numerals(text: &str) -> Vec<Quantity> {
    let ws = crate::text::words::words(text);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let after_war = i
            .checked_sub(1)
            .and_then(|j| ws.get(j))
            .is_some_and(|p| p.text == "War");
        if w.text.len() < 2 && !after_war {
            continue;
        }
        let Some(v) = roman_value(w.text) else {
            continue;
        };
        let mut end = w.end;
        if text.get(end..).is_some_and(|r| r.starts_with(". ")) {
            end += 1;
        }
        out.push(Quantity {
            optional: true,
            ..Quantity::number(text, w.start, end, f64::from(v))
        });
    }
    out
}

/// The value of a Roman numeral in canonical form (`XIV` 14, not `IIII`).
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<i64> {
        Some(match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        })
    };
    let vals: Vec<i64> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (k, &v) in vals.iter().enumerate() {
        match vals.get(k + 1) {
            Some(&next) if next > v => total -= v,
            _ => total += v,
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..=3999).contains(t))?;
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut v: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, r) in TABLE {
        while v >= n {
            out.push_str(r);
            v -= n;
        }
    }
    out
}
