//! Placeables: numbers, month names and names that differ between the
//! query and the memory's source are carried into the translation, as
//! Trados does with auto-localisation. Each kind is adapted only when the
//! mapping is certain, else left alone (no guessing):
//!
//! * **Numbers.** The i-th number of the query corresponds to the i-th number
//!   of the source (both read in the source language's conventions); a
//!   source number whose value differs must occur exactly once in the source
//!   and exactly once, by value, in the target (read in the target
//!   language's conventions). The new number is written the target's way:
//!   from German into English `10'000` and `10.000` become `10,000`, `5,5`
//!   becomes `5.5`, `2024` stays `2024`; from English into German or French
//!   `5.5` becomes `5,5`; between languages with the same conventions the
//!   query's digits are kept.
//! * **Months.** From German into English only: the i-th German month name
//!   of the query corresponds to the i-th of the source; a changed one is
//!   replaced when its English name occurs exactly once in the target
//!   (`am 6. Januar` -> `am 14. Februar` turns "6 January" into
//!   "14 February", the day being a number).
//! * **Names.** When query and source have the same words but for one or
//!   two capitalised, non-initial words, and each replaced word stands
//!   verbatim exactly once in the English target (as names do, and
//!   translated nouns do not), it is replaced there (`Blinken` -> `Sullivan`).

use crate::lang::LangPair;
use crate::text::numbers::{ENGLISH_MONTHS, NumLang, Number, find_numbers, same_value};
use crate::text::tokenize::{TokenKind, tokenize};

/// A replacement in the target: byte range and new text.
type Edit = (usize, usize, String);

/// The target with its placeables changed to fit `query`, or `None` when
/// nothing differs or no difference can be mapped with certainty. `query`
/// and `source` are in `pair.source`, `target` in `pair.target`.
pub fn adapt(query: &str, source: &str, target: &str, pair: &LangPair) -> Option<String> {
    let mut edits: Vec<Edit> = Vec::new();
    // Month names are known in German and English only.
    let german_to_english = pair.source.primary() == "de" && pair.target.primary() == "en";
    let kinds = [
        numbers(query, source, target, pair),
        german_to_english
            .then(|| months(query, source, target))
            .flatten(),
        names(query, source, target),
    ];
    for mut e in kinds.into_iter().flatten() {
        // A kind whose edits overlap another's is dropped whole.
        if e.iter()
            .all(|a| edits.iter().all(|b| a.1 <= b.0 || b.1 <= a.0))
        {
            edits.append(&mut e);
        }
    }
    apply(target, edits)
}

fn apply(target: &str, mut edits: Vec<Edit>) -> Option<String> {
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = target.to_owned();
    for (start, end, text) in edits {
        if out.is_char_boundary(start) && out.is_char_boundary(end) && start <= end {
            out.replace_range(start..end, &text);
        } else {
            return None;
        }
    }
    Some(out)
}

/// Number edits, or `None` when numbers differ in a way that cannot be mapped.
fn numbers(query: &str, source: &str, target: &str, pair: &LangPair) -> Option<Vec<Edit>> {
    let (from, to) = (pair.source.numbers(), pair.target.numbers());
    let qn = find_numbers(query, from);
    let sn = find_numbers(source, from);
    if qn.len() != sn.len() || qn.is_empty() {
        return None;
    }
    let tn = find_numbers(target, to);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (q, s) in qn.iter().zip(&sn) {
        if same_value(q.value, s.value) {
            continue;
        }
        let once =
            |list: &[Number]| list.iter().filter(|n| same_value(n.value, s.value)).count() == 1;
        if !once(&sn) || !once(&tn) {
            return None;
        }
        let t = tn.iter().find(|n| same_value(n.value, s.value))?;
        if t.ordinal {
            return None;
        }
        edits.push((t.start, t.end, written_as(&q.text, from, to)));
    }
    Some(edits)
}

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// The German month numbers (0-11) of `text`, in order (`Jänner` too).
fn month_list(text: &str) -> Vec<usize> {
    tokenize(text)
        .iter()
        .filter_map(|t| {
            let w = t.text(text);
            MONTHS_DE
                .iter()
                .position(|m| *m == w)
                .or((w == "Jänner").then_some(0))
        })
        .collect()
}

/// Whole-word occurrences of `word` in `text`: byte ranges.
fn occurrences(text: &str, word: &str) -> Vec<(usize, usize)> {
    tokenize(text)
        .iter()
        .filter(|t| t.text(text) == word)
        .map(|t| (t.start, t.end))
        .collect()
}

fn months(query: &str, source: &str, target: &str) -> Option<Vec<Edit>> {
    let (qm, sm) = (month_list(query), month_list(source));
    if qm.len() != sm.len() {
        return None;
    }
    let mut edits = Vec::new();
    for (&q, &s) in qm.iter().zip(&sm) {
        if q == s {
            continue;
        }
        let old = occurrences(target, ENGLISH_MONTHS.get(s)?);
        let [(a, b)] = old.as_slice() else {
            return None;
        };
        edits.push((*a, *b, (*ENGLISH_MONTHS.get(q)?).to_owned()));
    }
    Some(edits)
}

fn names(query: &str, source: &str, target: &str) -> Option<Vec<Edit>> {
    let words = |t: &str| -> Vec<String> {
        tokenize(t)
            .iter()
            .filter(|k| k.kind == TokenKind::Word)
            .map(|k| k.text(t).to_owned())
            .collect()
    };
    let (qw, sw) = (words(query), words(source));
    if qw.len() != sw.len() {
        return None;
    }
    let changed: Vec<(usize, &String, &String)> = qw
        .iter()
        .zip(&sw)
        .enumerate()
        .filter(|(_, (q, s))| q != s)
        .map(|(i, (q, s))| (i, q, s))
        .collect();
    if changed.is_empty() || changed.len() > 2 {
        return None;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut edits = Vec::new();
    for (i, q, s) in changed {
        let is_month = MONTHS_DE.contains(&s.as_str()) || MONTHS_DE.contains(&q.as_str());
        if i == 0 || !capital(q) || !capital(s) || is_month {
            return None;
        }
        let old = occurrences(target, s);
        let [(a, b)] = old.as_slice() else {
            return None;
        };
        edits.push((*a, *b, q.clone()));
    }
    Some(edits)
}

/// A number written in the conventions of `from` rewritten in those of
/// `to`, without an ordinal dot (a date's day in the target is no ordinal).
pub fn written_as(number: &str, from: NumLang, to: NumLang) -> String {
    match (from, to) {
        (NumLang::De | NumLang::Fr, NumLang::En) => english(number),
        (NumLang::En, NumLang::De | NumLang::Fr) => continental(number),
        _ => number.trim_end_matches('.').to_owned(),
    }
}

/// An English number written the German way: `10,000.5` becomes `10.000,5`.
fn continental(english: &str) -> String {
    english
        .chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        })
        .collect()
}

/// A German number written the English way.
pub fn english(german: &str) -> String {
    let body = german.trim_end_matches('.');
    let mut out = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '\'' | '’' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}' | ' ' => out.push(','),
            ',' => out.push('.'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adapt(query: &str, source: &str, target: &str) -> Option<String> {
        super::adapt(query, source, target, &LangPair::default())
    }

    #[test]
    fn numbers_follow_the_language_pair() {
        let en_de = LangPair::new("en-GB", "de-CH");
        assert_eq!(
            super::adapt(
                "They paid 7.5 million.",
                "They paid 5.5 million.",
                "Sie zahlten 5,5 Millionen.",
                &en_de
            )
            .as_deref(),
            Some("Sie zahlten 7,5 Millionen.")
        );
        let de_fr = LangPair::new("deu", "fra");
        assert_eq!(
            super::adapt(
                "Es kamen 12,5 Tonnen.",
                "Es kamen 10,5 Tonnen.",
                "Il est venu 10,5 tonnes.",
                &de_fr
            )
            .as_deref(),
            Some("Il est venu 12,5 tonnes.")
        );
        // Month names are German-to-English only.
        assert_eq!(super::adapt("im Mai", "im Juni", "en juin", &de_fr), None);
    }

    #[test]
    fn swiss_and_german_numbers_are_carried_over_in_english_format() {
        assert_eq!(
            adapt(
                "Nordkorea schickte im Dezember 2024 30'000 Container.",
                "Nordkorea schickte im Dezember 2024 20'000 Container.",
                "In December 2024 North Korea sent 20,000 containers.",
            )
            .as_deref(),
            Some("In December 2024 North Korea sent 30,000 containers.")
        );
        assert_eq!(
            adapt(
                "Pjöngjang soll bis zu 7,5 Milliarden Dollar verdient haben.",
                "Pjöngjang soll bis zu 5,5 Milliarden Dollar verdient haben.",
                "Pyongyang is said to have earned up to $5.5 billion.",
            )
            .as_deref(),
            Some("Pyongyang is said to have earned up to $7.5 billion.")
        );
    }

    #[test]
    fn years_keep_their_form() {
        assert_eq!(
            adapt(
                "Im Jahr 1953 endete der Krieg.",
                "Im Jahr 1950 endete der Krieg.",
                "The war ended in 1950."
            )
            .as_deref(),
            Some("The war ended in 1953.")
        );
    }

    #[test]
    fn ambiguous_or_unchanged_numbers_are_not_adapted() {
        // 10 occurs twice in the target: which one?
        assert_eq!(
            adapt(
                "Es waren 12 von 10.",
                "Es waren 10 von 10.",
                "It was 10 out of 10."
            ),
            None
        );
        // nothing differs
        assert_eq!(
            adapt("Es waren 10.", "Es waren 10.", "There were 10."),
            None
        );
        // the translation lacks the number
        assert_eq!(
            adapt("Es waren 12.", "Es waren 10.", "There were ten."),
            None
        );
        // counts differ
        assert_eq!(adapt("12 und 13", "12", "12"), None);
    }

    #[test]
    fn dates_carry_over_day_and_month() {
        assert_eq!(
            adapt(
                "Blinken warnte am 14. Februar vor Russland.",
                "Blinken warnte am 6. Januar vor Russland.",
                "Blinken warned about Russia on 6 January.",
            )
            .as_deref(),
            Some("Blinken warned about Russia on 14 February.")
        );
    }

    #[test]
    fn names_that_stand_verbatim_in_the_translation_carry_over() {
        assert_eq!(
            adapt(
                "US-Sicherheitsberater Sullivan warnte Pjöngjang.",
                "US-Sicherheitsberater Blinken warnte Pjöngjang.",
                "US security adviser Blinken warned Pyongyang.",
            )
            .as_deref(),
            Some("US security adviser Sullivan warned Pyongyang.")
        );
        // A translated noun is not a name: "Soldaten" is not in the English.
        assert_eq!(
            adapt(
                "Die Truppen kamen.",
                "Die Soldaten kamen.",
                "The soldiers came."
            ),
            None
        );
        // The first word is capitalised anyway: never taken for a name.
        assert_eq!(adapt("Kim kam.", "Putin kam.", "Putin came."), None);
    }

    #[test]
    fn written_in_the_target_format() {
        assert_eq!(written_as("10.000,5", NumLang::De, NumLang::En), "10,000.5");
        assert_eq!(written_as("10,000.5", NumLang::En, NumLang::De), "10.000,5");
        assert_eq!(written_as("6.", NumLang::De, NumLang::De), "6");
        assert_eq!(written_as("2024", NumLang::En, NumLang::En), "2024");
    }

    #[test]
    fn english_format() {
        assert_eq!(english("10'000"), "10,000");
        assert_eq!(english("10.000"), "10,000");
        assert_eq!(english("5,5"), "5.5");
        assert_eq!(english("2024"), "2024");
        assert_eq!(english("6."), "6");
    }
}
