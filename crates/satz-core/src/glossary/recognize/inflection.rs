//! Which German words are a term inflected and which are other words made
//! from it.
//!
//! Snowball's German stemmer cuts endings, so a derived word can get the
//! term's stem: `Gewerkschafter` (a unionist) stems like `Gewerkschaft`
//! (a union), `Ermittler` (an investigator) like `Ermittlung` (an
//! investigation). German nouns in `-schaft`, `-ung`, `-heit`, `-keit`,
//! `-ion`, `-tät`, `-ik`, `-ur`, `-ei`, `-enz`, `-anz`, `-ie` are feminine
//! and inflect only with `-en`/`-n` in the plural, so for such a term a
//! noun (a capitalised word) must be the term, or the term plus `-en` or
//! `-n` ([`ending_ok`]); a verb stays free to match (`aufrüsten` for
//! `Aufrüstung`).
//!
//! Snowball also misses endings: the plural `-s` after a vowel or `y`
//! (`Handys`, `Autos`) and the feminine `-in`, `-innen` of person nouns
//! (`Bürgermeisterin`, `Polizistinnen`, `Chefin`, `Kollegin` for
//! `Kollege`). [`inflected_variants`] adds them to a one-word noun term.

use super::matcher::{Pat, Variant};
use crate::glossary::stem::Stemmers;

/// Suffixes of feminine German nouns that inflect with `-en`/`-n` only.
const FEMININE_SUFFIXES: [&str; 13] = [
    "schaft", "ung", "heit", "keit", "ion", "tät", "ik", "ur", "ei", "enz", "anz", "ie", "tion",
];

/// Whether the text word `text_key` may be the term word `term_key`
/// inflected (see the module documentation); both are keys.
pub(crate) fn ending_ok(term_key: &str, text_key: &str) -> bool {
    if !FEMININE_SUFFIXES.iter().any(|s| term_key.ends_with(s)) {
        return true;
    }
    match text_key.strip_prefix(term_key) {
        Some(rest) => matches!(rest, "" | "en" | "n"),
        None => false,
    }
}

/// The plural `-s` and feminine variants of a one-word noun term in
/// `stem` mode (`main`, written `cased`), as exact keys reported as
/// inflected.
pub(super) fn inflected_variants(
    stemmers: &Stemmers,
    main: &Variant,
    cased: &[String],
) -> Vec<Variant> {
    let ([Pat::Stem { key, stem, .. }], [word], None) = (main.pats.as_slice(), cased, &main.cased)
    else {
        return Vec::new();
    };
    let noun = word.chars().next().is_some_and(char::is_uppercase);
    if !noun || FEMININE_SUFFIXES.iter().any(|s| key.ends_with(s)) || key.chars().count() < 3 {
        return Vec::new();
    }
    let base = key.strip_suffix('e').unwrap_or(key);
    let mut keys = vec![format!("{base}in"), format!("{base}innen")];
    let plural = format!("{key}s");
    if stemmers.de_key(&plural) != *stem {
        keys.push(plural);
    }
    keys.into_iter()
        .map(|k| Variant {
            term: main.term,
            pats: vec![Pat::Exact(k)],
            keys: main.keys.clone(),
            cased: None,
            form: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feminine_suffix_terms_take_only_plural_endings() {
        assert!(ending_ok("gewerkschaft", "gewerkschaften"));
        assert!(ending_ok("gewerkschaft", "gewerkschaft"));
        assert!(!ending_ok("gewerkschaft", "gewerkschafter"));
        assert!(!ending_ok("ermittlung", "ermittler"));
        assert!(ending_ok("diktatur", "diktaturen"));
        assert!(ending_ok("rezession", "rezessionen"));
        // Other nouns: whatever the stemmer accepts.
        assert!(ending_ok("abgeordneter", "abgeordnete"));
        assert!(ending_ok("kanonenfutter", "kanonenfutters"));
    }
}
