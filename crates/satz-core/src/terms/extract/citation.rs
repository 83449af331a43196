//! The form a term base lists, and genitives the stemmer keys apart.
//!
//! The form shown is the one seen most often, but a compound's genitive
//! `-s`/`-es` or dative plural `-n` is taken off when that is what the
//! ending is (`Bandscheibenvorfalls` is shown as `Bandscheibenvorfall`,
//! `Computerbildschirmen` as `Computerbildschirme`); a candidate whose most
//! frequent form is such a genitive of another candidate's form joins that
//! candidate when the Snowball stemmer keys the two apart (`Finanzsystems`,
//! key `finanzsystem`, and `Finanzsystem`, key `finanzsyst`).
//!
//! Only a compound's head is read so: the part before it must be a word
//! (`Bandscheiben|vorfall`, `Finanz|system`), and the head must be a noun
//! the memory has on its own (`Vorfall`), or, for a dative plural, one
//! the reference list has with and without the `-n` (`Schauplätze`,
//! `Schauplätzen`) after a first part that is a listed word of four
//! letters or more (`Kriegs|schauplätzen`; not `Be|fragten`). The list
//! does not tell nouns apart, so such a head may be an adjective or verb
//! form (`Wahl|berechtigten`, even `Ange|klagten`); the form shown is then
//! still the headword, since nouns made of adjectives are cited in `-e`
//! (`Wahlberechtigte`, `Angeklagte`). A simple word ending in `-s` may be
//! a word of its own or a name (`Nichts`, `Jeans`, `Times`, `Peters`,
//! `Morales`), so it keeps its form; a single `-s` after `s`, `ß`, `z` or
//! `x` is never a genitive (`Kompromiss`, `Haushaltskompromiss`).
//!
//! Only the form shown changes: the score, the name test and the cognate
//! test read the form seen most often.

use std::collections::{HashMap, HashSet};

use super::candidates::Gathered;
use super::general::linked_zipf;
use super::lexicon::Lexicon;
use crate::text::words::{fold_umlauts, key};

/// How much more frequent in general German (Zipf) the bare head must be
/// than the head with the genitive ending, if the list has the latter:
/// `Vorfall` 4.08 against `Vorfalls` 3.07, while `Kurs` is more frequent
/// than `Kur`. For the dative plural `-n` the bare plural must be at least
/// as frequent (`Bildschirme` 3.24 against `Bildschirmen` 3.09; not `Koste`
/// against `Kosten`).
const CASE_MARGIN: f64 = 0.3;

/// The fewest letters of the known head a genitive is recognised by.
const MIN_HEAD: usize = 4;

/// The fewest letters of the known plural head a dative is recognised by
/// (no `Lunge` in `Enthüllungen`, no `Rinne` in `Sängerinnen`).
const MIN_PLURAL_HEAD: usize = 6;

/// The least Zipf value of that head (a real word, not a fragment).
const MIN_HEAD_ZIPF: f64 = 3.0;

/// The form seen most often (then the shortest, then the first in order).
pub(super) fn most_frequent_form(forms: &HashMap<String, usize>) -> String {
    let mut v: Vec<(&String, &usize)> = forms.iter().collect();
    v.sort_by(|a, b| {
        b.1.cmp(a.1)
            .then(a.0.chars().count().cmp(&b.0.chars().count()))
            .then_with(|| a.0.cmp(b.0))
    });
    v.first().map(|(f, _)| (*f).clone()).unwrap_or_default()
}

/// The form to show for a candidate seen in `forms`: the most frequent,
/// without its case ending where [`case_base`] finds one (`nouns`: the
/// folded nouns of the memory).
pub(super) fn citation_form(
    lex: &Lexicon,
    forms: &HashMap<String, usize>,
    nouns: &HashSet<String>,
) -> String {
    let best = most_frequent_form(forms);
    if best.contains(' ') {
        return best;
    }
    case_base(lex, &best, nouns).unwrap_or(best)
}

/// `word` without its genitive `-es` or `-s`, or the dative plural `-n` of
/// a plural in `-e`, `-er` or `-el`, when the word's last hyphenated part
/// is a compound whose head, without the ending, is a noun of the memory
/// (`nouns`, folded; for the dative, also a word the list has with the
/// ending too, after a first part of [`listed_first_part`]) that general
/// German knows (Zipf ≥ [`MIN_HEAD_ZIPF`])
/// and, if the list has the head with the ending, uses more than that by
/// [`CASE_MARGIN`] (by 0 for `-n`); the part before the head is a word of
/// the list (maybe with a linking element, or a clipped first part such
/// as `Finanz-` of `Finanzen`). Of the endings, the one leaving the most
/// frequent head wins.
///
/// The genitive's head has at least [`MIN_HEAD`] letters, and after `s`,
/// `ß`, `z` or `x` only `-es` is the ending (`Gasthauses` is `Gasthaus`;
/// `Kompromiss` keeps its `s`). The dative's head has at least
/// [`MIN_PLURAL_HEAD`] letters; `-innen` and `-ungen` are plurals
/// themselves (no `Sängerinne`, `Kürzunge`); a bare `-en` is never taken
/// off (`Kongressabgeordneten` is no `abgeordnet`, and umlauts are folded
/// in the list, so `Kriegsschauplätzen` would become `Kriegsschauplätz`).
pub(super) fn case_base(lex: &Lexicon, word: &str, nouns: &HashSet<String>) -> Option<String> {
    let last = word.rsplit(['-', '\u{2010}', '\u{2011}']).next()?;
    let mut best: Option<(f64, &str)> = None;
    for ending in ["es", "s", "n"] {
        let Some(bare) = last.strip_suffix(ending) else {
            continue;
        };
        let dative = ending == "n";
        let after_sibilant = bare.ends_with(['s', 'ß', 'z', 'x']);
        if (ending == "s" && after_sibilant)
            || (dative
                && (!["e", "er", "el"].iter().any(|e| bare.ends_with(e))
                    || bare.ends_with("inne")
                    || bare.ends_with("unge")))
        {
            continue;
        }
        let min = if dative { MIN_PLURAL_HEAD } else { MIN_HEAD };
        let Some((head, z)) = known_head(lex, bare, min) else {
            continue;
        };
        let modifier = bare.strip_suffix(head).unwrap_or_default();
        let with_ending = lex.zipf(&format!("{head}{ending}"));
        // The head is a noun the memory has on its own; or, for a dative,
        // the list has the head with and without the `-n` (`Schauplätze`,
        // `Schauplätzen`) and the first part is a whole word of the list
        // (`Kriegs-`; not `Be-` of `Befragten`).
        let noun = nouns.contains(&fold_umlauts(&key(head)))
            || (dative && with_ending.is_some() && listed_first_part(lex, modifier));
        if !known_modifier(lex, modifier) || !noun {
            continue;
        }
        // A dative plural is about as frequent as its nominative plural.
        let margin = if dative { 0.0 } else { CASE_MARGIN };
        let is_case = with_ending.is_none_or(|zo| z >= zo + margin);
        if is_case && best.is_none_or(|(bz, _)| z > bz) {
            best = Some((z, ending));
        }
    }
    let (_, ending) = best?;
    word.strip_suffix(ending).map(str::to_owned)
}

/// The longest end of `bare` of at least `min` letters that the reference
/// list has with a Zipf value of at least [`MIN_HEAD_ZIPF`], and that
/// value; never the whole of `bare` (a compound has a first part).
fn known_head<'a>(lex: &Lexicon, bare: &'a str, min: usize) -> Option<(&'a str, f64)> {
    bare.char_indices()
        .skip(1)
        .map(|(i, _)| bare.get(i..).unwrap_or_default())
        .filter(|h| h.chars().count() >= min)
        .find_map(|h| lex.zipf(h).filter(|z| *z >= MIN_HEAD_ZIPF).map(|z| (h, z)))
}

/// Whether `modifier`, the front of a compound before its head, is a word
/// of the reference list of at least three letters, also behind a linking
/// element (`kriegs`, `bandscheiben`) or clipped (`finanz` of `finanzen`,
/// `schul` of `schule`).
fn known_modifier(lex: &Lexicon, modifier: &str) -> bool {
    linked_zipf(lex, modifier, 3).is_some()
        || ["e", "en", "n"].iter().any(|end| {
            let whole = format!("{modifier}{end}");
            whole.chars().count() >= 3 && lex.zipf(&whole).is_some()
        })
}

/// Whether `modifier` is a word of the reference list of at least four
/// letters, maybe behind a linking element (`kriegs`, `selbstmord`), not
/// clipped nor short (`be`, `all`).
fn listed_first_part(lex: &Lexicon, modifier: &str) -> bool {
    linked_zipf(lex, modifier, 4).is_some()
}

/// The keys of single-word candidates to merge into another because their
/// most frequent form is, by [`case_base`], the genitive of the other's
/// form (`Finanzsystems` into the candidate that has `Finanzsystem`), as
/// `(from, into)` pairs in key order. Folded forms are compared, so case
/// and umlaut spelling do not matter.
pub(super) fn genitive_merges(
    gathered: &HashMap<String, Gathered>,
    lex: &Lexicon,
    nouns: &HashSet<String>,
) -> Vec<(String, String)> {
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut keys: Vec<&String> = gathered.keys().filter(|k| !k.contains(' ')).collect();
    keys.sort();
    for k in &keys {
        if let Some(g) = gathered.get(*k) {
            for f in g.forms.keys() {
                owner.entry(fold_umlauts(&key(f))).or_insert(k.as_str());
            }
        }
    }
    let mut merges = Vec::new();
    for k in keys {
        let Some(g) = gathered.get(k) else { continue };
        let top = most_frequent_form(&g.forms);
        // Only a genitive merges: no need to read other words' endings.
        if !top.ends_with('s') {
            continue;
        }
        let Some(bare) = case_base(lex, &top, nouns) else {
            continue;
        };
        let into = owner
            .get(&fold_umlauts(&key(&bare)))
            .filter(|o| **o != k.as_str());
        if let Some(into) = into {
            merges.push((k.clone(), (*into).to_owned()));
        }
    }
    merges
}

/// The folded forms of every single-word noun candidate: the nouns the
/// memory has (for [`case_base`]'s head).
pub(super) fn noun_forms(gathered: &HashMap<String, Gathered>) -> HashSet<String> {
    gathered
        .iter()
        .filter(|(k, _)| !k.contains(' '))
        .flat_map(|(_, g)| g.forms.keys().map(|f| fold_umlauts(&key(f))))
        .collect()
}
