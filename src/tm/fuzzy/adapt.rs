//! Number placeables: when the query and the memory's source differ only in
//! numbers, the numbers of the translation are changed to fit the query,
//! as Trados does with auto-localisation.
//!
//! The i-th number of the query corresponds to the i-th number of the
//! source (both German); a source number whose value differs from its query
//! number must occur exactly once in the source and exactly once, by value,
//! in the English target, or nothing is adapted (no guessing). The new
//! number is written the English way: `10'000` and `10.000` become `10,000`,
//! `5,5` becomes `5.5`, `2024` stays `2024`.

use crate::text::numbers::{NumLang, Number, find_numbers, same_value};

/// The target with its numbers changed to fit `query`, or `None` when no
/// number differs or the mapping is ambiguous.
pub fn adapt(query: &str, source: &str, target: &str) -> Option<String> {
    let qn = find_numbers(query, NumLang::De);
    let sn = find_numbers(source, NumLang::De);
    if qn.len() != sn.len() || qn.is_empty() {
        return None;
    }
    let tn = find_numbers(target, NumLang::En);
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
        edits.push((t.start, t.end, english(&q.text)));
    }
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
    fn english_format() {
        assert_eq!(english("10'000"), "10,000");
        assert_eq!(english("10.000"), "10,000");
        assert_eq!(english("5,5"), "5.5");
        assert_eq!(english("2024"), "2024");
        assert_eq!(english("6."), "6");
    }
}
