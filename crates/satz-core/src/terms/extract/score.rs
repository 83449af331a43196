//! The score of a candidate (see docs/commands.md, `terms --extract`): its
//! termhood `ln(1 + spread) · L · S · K · E · H · T · O · F · A · W · X ·
//! R` (length, parts, keyness, everyday frequency, free phrase, one story,
//! everyday parts, feminine form, adjective phrase, everyday kind, country
//! or body prefix, thin evidence), the shortlist of candidates worth
//! pairing with English, and the factors that read the best English
//! equivalent: `P` (cognate or missing), `N` (capitalised as a name) and
//! `G` (an ordinary made object); and the name tests.

use std::collections::HashMap;

use super::Equivalent;
use super::candidates::{Gathered, Gathering, letters};
use super::general::{feminine_form, general, ordinary_parts};
use super::kinds;
use super::lexicon::Lexicon;
use crate::glossary::{Glossary, HitKind, TermMatcher};
use crate::text::words::{fold_umlauts, key};

/// The candidates worth pairing with English, best termhood first (then by
/// key): in at least `min_freq` units, seen inside a sentence at least once,
/// not already in the glossary; at most max(3 · `top`, 50) of them.
pub(super) fn shortlist(
    found: &Gathering,
    glossary: &Glossary,
    lex: &Lexicon,
    min_freq: usize,
    (top, names): (usize, bool),
) -> Vec<(String, f64)> {
    let matcher = TermMatcher::new(glossary);
    let known = |forms: &HashMap<String, usize>| {
        forms.keys().any(|f| {
            matcher
                .find_source(f)
                .iter()
                .any(|h| h.start == 0 && h.end == f.len() && h.kind != HitKind::Compound)
        })
    };
    let mut scored: Vec<(String, f64)> = found
        .gathered
        .iter()
        .filter(|(_, g)| g.units.len() >= min_freq && g.inside > 0 && !known(&g.forms))
        .map(|(k, g)| {
            let score = if names {
                name_score(g)
            } else {
                termhood(lex, k, g, found)
            };
            (k.clone(), score)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let keep = top.saturating_mul(3).max(50);
    scored.truncate(keep);
    scored
}

/// The termhood part of the score: ln(1 + spread) · L · S · K · E · H · T ·
/// O · F · A · W · X · R of candidate `k`.
fn termhood(lex: &Lexicon, k: &str, g: &Gathered, found: &Gathering) -> f64 {
    let general = general(lex, g, &found.vocabulary);
    #[allow(clippy::cast_precision_loss)]
    let l = (g.letters as f64 / 10.0).min(2.5);
    let parts = counted_parts(lex, &g.noun_key, general.parts);
    #[allow(clippy::cast_precision_loss)]
    let s = 1.0 + 0.5 * (parts.clamp(1, 3) as f64 - 1.0);
    let kn = keyness(g.forms.values().sum(), found.tokens, general.zipf);
    let e = everyday(general.zipf);
    // A phrase whose noun mostly goes without its adjective is a free one.
    let h = match k.split_once(' ') {
        Some((_, noun)) => found
            .gathered
            .get(noun)
            .map_or(1.0, |n| ratio(g.units.len(), n.units.len()).min(1.0)),
        None => 1.0,
    };
    #[allow(clippy::cast_precision_loss)]
    let spread = spread(&g.units) as f64;
    let one_text = if stories(&g.units) < 2 { ONE_TEXT } else { 1.0 };
    let o = if ordinary_parts(lex, &g.noun_key, &found.vocabulary) {
        ORDINARY_PARTS
    } else {
        1.0
    };
    let f = if feminine_form(lex, &g.noun_key, &found.vocabulary) {
        FEMININE
    } else {
        1.0
    };
    let w = kinds::factor(kinds::everyday_kind(&g.noun_key));
    let x = if g.forms.keys().any(|f| abbreviation_prefix(f)) {
        PREFIXED
    } else {
        1.0
    };
    // `R` stacks with `T`: a word of one story seen twice is no better
    // evidence for being of one story (docs/commands.md).
    let r = thin_evidence(g.units.len());
    (1.0 + spread).ln() * l * s * kn * e * h * one_text * o * f * w * x * r * free_phrase(lex, g)
}

/// The fewest letters of a word that does not split for [`counted_parts`]
/// to count it as a compound of unknown parts.
const LONG_WORD: usize = 10;

/// The fewest letters of a listed end of a word that shows the word to be
/// a compound whose first part is unknown (`Erd|erwärmung`,
/// `Öl|bohrungen`; `lungen` in `Enthüllungen` is too short). A prefixed
/// derivation of a listed word passes as well (`Um|strukturierung`,
/// `Be|handlung`), and so does a chance end (`In|formationen`).
const KNOWN_END: usize = 7;

/// Derivational endings, folded: a long noun that ends in one and does not
/// split is mostly a derivation (`Parteilichkeit`, `Autorisierung`,
/// `Obligation`), not a compound. A compound whose first part the
/// splitter reads but whose derived head the list lacks is missed
/// (`Kredit|würdigkeit`, `Verfassungs|mäßigkeit`).
const DERIVATIONAL_SUFFIXES: &[&str] = &[
    "ung", "ungen", "keit", "keiten", "heit", "heiten", "itat", "itaten", "ion", "ionen", "ismus",
    "ismen",
];

/// The parts the factor `S` counts of a noun `head` (lower-case key) whose
/// split has `parts` ([`general`]): those parts; for a word that does not
/// split, 2 when it has at least [`LONG_WORD`] letters (a compound of
/// parts neither the list nor the memory has: `Ölgesellschaften`,
/// `Leberzirrhose`), but 1 when it also ends in a derivational ending
/// ([`DERIVATIONAL_SUFFIXES`]) and no end of it of at least [`KNOWN_END`]
/// letters after its first two is a word of the list; else 1.
pub(super) fn counted_parts(lex: &Lexicon, head: &str, parts: usize) -> usize {
    if parts > 1 {
        return parts;
    }
    if letters(head) < LONG_WORD {
        return 1;
    }
    let folded = fold_umlauts(&key(head));
    let derived = DERIVATIONAL_SUFFIXES.iter().any(|d| folded.ends_with(d));
    let listed_end = || {
        folded
            .char_indices()
            .skip(2)
            .filter_map(|(i, _)| folded.get(i..))
            .filter(|end| end.chars().count() >= KNOWN_END)
            .any(|end| lex.knows_folded(end))
    };
    if !derived || listed_end() { 2 } else { 1 }
}

/// The fewest units whose evidence is not thin (for [`thin_evidence`]).
const THIN_UNITS: usize = 3;

/// The factor `R` of the score: 0.5 for a candidate in fewer than
/// [`THIN_UNITS`] units (two, at the default `--min-freq`), else 1. A term
/// of the field recurs; two sentences are thin evidence, and most words
/// seen twice are a story's objects or phrases.
pub(super) fn thin_evidence(units: usize) -> f64 {
    if units < THIN_UNITS { 0.5 } else { 1.0 }
}

/// The factor `X` for a compound with the prefix of a country or body
/// ([`abbreviation_prefix`]): the prefix ties the concept to one country
/// or body (`US-Hypothekenkrise`), so a term base lists the concept
/// without it, and such a compound often names one body or affair
/// (`US-Repräsentantenhaus`).
const PREFIXED: f64 = 0.5;

/// The abbreviations of countries, international bodies and parties that
/// make a compound's prefix ([`abbreviation_prefix`]); an abbreviation of
/// a concept (`HIV-`, `IT-`, `DNA-`, `USB-`, `BIP-`) is not among them.
const BODY_PREFIXES: &[&str] = &[
    "US", "USA", "UK", "GB", "EU", "UN", "UNO", "NATO", "IWF", "IMF", "EZB", "EIB", "WHO", "WTO",
    "OPEC", "OSZE", "OECD", "IAEA", "IAEO", "UNESCO", "UNICEF", "G7", "G8", "G20", "ASEAN", "BRD",
    "DDR", "GUS", "CDU", "CSU", "SPD", "FDP", "AfD", "ÖVP", "SPÖ", "FPÖ", "ANC", "AKP", "CIA",
    "FBI", "NSA", "FIFA", "UEFA", "IOC", "IOK", "NRW", "BND", "BKA", "BGH", "BVerfG", "EuGH",
    "ARD", "ZDF", "DFB", "DGB", "IS",
];

/// Whether `form` starts with the abbreviation of a country or body
/// ([`BODY_PREFIXES`], as listed (`AfD-`), in capitals or with only its
/// first letter one (`Nato-`)) and a hyphen before more letters
/// (`US-Regierung`, `EU-Gipfel`; not `HIV-Infektion` nor
/// `LIVE-Übertragung`).
pub(super) fn abbreviation_prefix(form: &str) -> bool {
    form.split_once('-').is_some_and(|(prefix, rest)| {
        let upper = prefix.to_uppercase();
        let capitalised = prefix.chars().next().is_some_and(char::is_uppercase)
            && (prefix == upper || prefix.chars().skip(1).all(char::is_lowercase));
        let listed = BODY_PREFIXES.iter().any(|b| {
            *b == prefix
                || (capitalised && b.chars().flat_map(char::to_uppercase).eq(upper.chars()))
        });
        listed && rest.chars().next().is_some_and(char::is_alphabetic)
    })
}

/// The factor `F` for the feminine form of a person noun.
const FEMININE: f64 = 0.5;

/// The factor `T` for a candidate seen in one stretch of the memory only
/// (one story): a term of the field recurs across texts.
const ONE_TEXT: f64 = 0.4;

/// The factor `O` for a compound whose parts are all everyday words.
const ORDINARY_PARTS: f64 = 0.85;

/// The factor `A` of an adjective + noun phrase: 0.3 when it is in fewer
/// than [`PHRASE_MIN_UNITS`] units (a phrase of one sentence or two is a
/// free one), times 0.5 when the adjective is a general one (Zipf ≥
/// [`GENERAL_ADJECTIVE`] in general German: `erheblich`, `neu`); 1 for a
/// single word.
fn free_phrase(lex: &Lexicon, g: &Gathered) -> f64 {
    let Some(adjective) = &g.adjective_key else {
        return 1.0;
    };
    let rare = if g.units.len() < PHRASE_MIN_UNITS {
        0.3
    } else {
        1.0
    };
    let general = if lex.zipf(adjective).is_some_and(|z| z >= GENERAL_ADJECTIVE) {
        0.5
    } else {
        1.0
    };
    rare * general
}

/// The fewest units an adjective + noun phrase needs to count as fixed.
const PHRASE_MIN_UNITS: usize = 3;

/// The Zipf value from which an adjective counts as a general one.
const GENERAL_ADJECTIVE: f64 = 4.0;

/// The score of a name: ln(1 + df), of a single word or hyphenated one
/// (a phrase is no name).
fn name_score(g: &Gathered) -> f64 {
    if g.adjective_key.is_some() {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let df = g.units.len() as f64;
    (1.0 + df).ln()
}

/// Units further apart than this are in different texts (for [`spread`]).
const TEXT_GAP: usize = 25;

/// In how many stretches of the memory `units` (in memory order) lie,
/// counting units more than [`TEXT_GAP`] apart as different texts: a term
/// of the field recurs across texts, a word of one article does not.
pub(super) fn spread(units: &[usize]) -> usize {
    let gaps = units
        .windows(2)
        .filter(|w| matches!(w, [a, b] if b.saturating_sub(*a) > TEXT_GAP))
        .count();
    if units.is_empty() { 0 } else { gaps + 1 }
}

/// Units further apart than this are surely in different stories (for
/// [`stories`]): an article of the memory runs to some 60 sentences.
const STORY_GAP: usize = 60;

/// In how many stories `units` (in memory order) surely lie: like
/// [`spread`] with the wider gap [`STORY_GAP`].
pub(super) fn stories(units: &[usize]) -> usize {
    let gaps = units
        .windows(2)
        .filter(|w| matches!(w, [a, b] if b.saturating_sub(*a) > STORY_GAP))
        .count();
    if units.is_empty() { 0 } else { gaps + 1 }
}

/// `a / b`, 0 when `b` is 0.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let r = a as f64 / b as f64;
    r
}

/// The factor `K` of the score: the candidate's Zipf value in the memory
/// (`occurrences` among `tokens` words) less its value in general German,
/// at least 0.1.
pub(super) fn keyness(occurrences: usize, tokens: usize, general: f64) -> f64 {
    if tokens == 0 || occurrences == 0 {
        return 0.1;
    }
    #[allow(clippy::cast_precision_loss)]
    let per_billion = occurrences as f64 / tokens as f64 * 1e9;
    (per_billion.log10() - general).max(0.1)
}

/// The factor `E` of the score: 1 up to Zipf [`EVERYDAY_FROM`] in general
/// German, then a tenth per Zipf point more.
pub(super) fn everyday(zipf: f64) -> f64 {
    10f64.powf(-(zipf - EVERYDAY_FROM).max(0.0))
}

/// Where the everyday penalty `E` starts (Zipf).
const EVERYDAY_FROM: f64 = 3.3;

/// The factor `P` of the score: 0.3 when the best English equivalent is a
/// cognate of `de`, 0.5 when there is none, else 1.
pub(super) fn translation_factor(de: &str, best: Option<&Equivalent>) -> f64 {
    match best {
        Some(e) if cognate(de, &e.en) => 0.3,
        Some(_) => 1.0,
        None => 0.5,
    }
}

/// Whether the English equivalent is spelt nearly like the German.
pub(super) fn cognate(de: &str, en: &str) -> bool {
    similarity(de, en) >= 0.8
}

/// The factor `G` of a term's score: [`OBJECT`] when the German is a
/// compound of general words (`ordinary`: [`super::general::object_parts`],
/// `Mobil|telefone`, `Benzin|motor`) and its
/// best English equivalent names an ordinary made object
/// ([`Lexicon::is_object`]: `cellphones`, `petrol engine`), else 1.
/// Ordinary objects and products are everyday words however rare they are
/// in general German; a compound with a part of the field
/// (`Hyperschallrakete`) or an equivalent WordNet files under weapons,
/// instruments, drugs or buildings (`missile`, `telescope`, `vaccine`,
/// `embassy`) keeps its score.
pub(super) fn object_factor(lex: &Lexicon, best: Option<&Equivalent>, ordinary: bool) -> f64 {
    if ordinary && best.is_some_and(|e| lex.is_object(&e.en)) {
        OBJECT
    } else {
        1.0
    }
}

/// The factor `G` itself.
const OBJECT: f64 = 0.5;

/// The least share of capitalised occurrences of the best English
/// equivalent for a candidate to be a name.
const NAME_CAPITALISED: f64 = 0.9;

/// The factor `N` of a term's score: 0.3 when its best English equivalent
/// is mostly capitalised as a name is (`Ministry of Defence`, `House of
/// Representatives`): the German may name one body rather than a concept.
pub(super) fn proper_factor(capitalised: f64) -> f64 {
    if capitalised >= PROPER_CAPITALISED {
        PROPER_FACTOR
    } else {
        1.0
    }
}

/// The least share of capitalised occurrences for the factor `N`.
const PROPER_CAPITALISED: f64 = 0.7;

/// The factor `N` itself.
const PROPER_FACTOR: f64 = 0.3;

/// Whether candidate `de` is a name (of a place, person or organisation)
/// by its English equivalent `en` (capitalised in a share `capitalised` of
/// its occurrences): `en` is capitalised nearly always, and is spelt like
/// the German (normalised Levenshtein similarity ≥ 0.6 of the letters:
/// `Pjöngjang` / `Pyongyang`), or the German is one word that is no
/// compound of known words (`parts` = 1: `Kreml` / `Kremlin`). For an
/// equivalent other than the best (`best` false) only a spelling at least
/// 0.8 similar counts (`Cedars-Sinaï` beside `Cedars-Sinaï hospital`).
pub(super) fn is_name(de: &str, en: &str, capitalised: f64, (parts, best): (usize, bool)) -> bool {
    let alike = similarity(de, en);
    capitalised >= NAME_CAPITALISED
        && if best {
            alike >= 0.6 || (parts == 1 && !de.contains([' ', '-']))
        } else {
            alike >= 0.8
        }
}

/// Whether `de` names an organisation by the prefix of a country or body
/// (`UN-…`, `EU-…`: [`abbreviation_prefix`]) while its best
/// English equivalent is capitalised at least half the time (share
/// `capitalised`): `UN-Flüchtlingshilfswerk` / `UN refugee agency`, not
/// `US-Hypothekenkrise` / `subprime crisis`.
pub(super) fn is_prefixed_name(de: &str, capitalised: f64) -> bool {
    abbreviation_prefix(de) && capitalised >= 0.5
}

/// The normalised Levenshtein similarity of the letters of two words.
fn similarity(de: &str, en: &str) -> f64 {
    let norm = |s: &str| -> String {
        fold_umlauts(&key(s))
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    strsim::normalized_levenshtein(&norm(de), &norm(en))
}
