//! Figures that are not amounts, or not amounts of their own: parts of
//! names and codes (`MP3`, `CO2`, `777-300ER`, `CAC 40`, `A 8`), legal
//! references and numbered items (`§ 117 Absatz 2`, `Nr. 5`), footnote
//! marks glued to text (`(EG)17`), conversions in brackets for the reader
//! (`1.800 Pfund (2.000 Euro)`, `ein Zoll (2,54 cm)`), and Roman numerals
//! (`XXII. Bezirk` = `District 22`).

use super::{Quantity, QuantityKind};
use crate::text::words::trailing_letters;

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
    let before = q.before(text);
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
    let not_space = |c: char| !c.is_whitespace();
    let start = before.trim_end_matches(not_space).len();
    let after = q.after(text);
    let end = q.end + (after.len() - after.trim_start_matches(not_space).len());
    #[allow(
        clippy::indexing_slicing,
        reason = "start and end move from q's span over whole chars: char boundaries"
    )]
    let word = &text[start..end];
    has_model_number(word)
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
    // Letters only: an acronym made of other characters is no index name.
    let word = trailing_letters(rest);
    word.len() == rest.len() - rest.trim_end_matches(|c: char| !c.is_whitespace()).len()
        && word.chars().count() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !CURRENCY_CODES.contains(&word)
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
    let word = trailing_letters(trimmed);
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
            #[allow(
                clippy::indexing_slicing,
                reason = "i is a char index of word, so i + c.len_utf8() is the next boundary"
            )]
            let rest = &word[i + c.len_utf8()..];
            let letters: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
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
    let word = trailing_letters(head.trim_end());
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
