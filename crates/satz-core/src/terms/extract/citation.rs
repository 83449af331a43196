//! The form a term base lists: the form seen most often, but never a
//! genitive `-s`/`-es` or dative plural `-n` form where the bare form is
//! the word (`Bandscheibenvorfalls` is listed as `Bandscheibenvorfall`,
//! `Finanzsystems` as `Finanzsystem`, `Computerbildschirmen` as
//! `Computerbildschirme`), and the genitive spelling of one word merged into
//! the candidate of its bare form when the Snowball stemmer keys the two
//! apart (`finanzsystem` / `finanzsyst`).

use std::collections::HashMap;

use super::candidates::Gathered;
use super::lexicon::Lexicon;
use crate::text::words::{fold_umlauts, key};

/// How much more frequent in general German (Zipf) the bare head must be
/// than the head with the genitive ending for the ending to be taken as one:
/// `Vorfall` 3.5 against `Vorfalls` about 2.6, while `Kurs` is more
/// frequent than `Kur`. For the dative plural `-n` the bare plural must be
/// at least as frequent (`Bildschirme` 3.24 against `Bildschirmen` 3.09;
/// not `Koste` against `Kosten`).
const CASE_MARGIN: f64 = 0.3;

/// The fewest letters of the known head a genitive is recognised by.
const MIN_HEAD: usize = 4;

/// The fewest letters of the known plural head a dative is recognised by
/// (no `Lunge` in `Enthüllungen`, no `Rinne` in `Sängerinnen`).
const MIN_PLURAL_HEAD: usize = 6;

/// The least Zipf value of that head (a real word, not a fragment).
const MIN_HEAD_ZIPF: f64 = 3.0;

/// The form to show for a candidate seen in `forms`: the most frequent
/// (then the shortest, then the first in order); when it ends in `-s` or
/// `-es`, the bare form if it was seen too; else what [`case_base`] finds.
/// (A seen bare form is trusted for the genitive only: `Kost` and
/// `Kosten` share a stem.)
pub(super) fn citation_form(lex: &Lexicon, forms: &HashMap<String, usize>) -> String {
    let mut v: Vec<(&String, &usize)> = forms.iter().collect();
    v.sort_by(|a, b| {
        b.1.cmp(a.1)
            .then(a.0.chars().count().cmp(&b.0.chars().count()))
            .then_with(|| a.0.cmp(b.0))
    });
    let Some(best) = v.first().map(|(f, _)| (*f).clone()) else {
        return String::new();
    };
    if best.contains(' ') {
        return best;
    }
    let seen_bare = ["es", "s"]
        .iter()
        .filter_map(|e| best.strip_suffix(e))
        .find(|b| forms.contains_key(*b));
    match seen_bare {
        Some(b) => b.to_owned(),
        None => case_base(lex, &best).unwrap_or(best),
    }
}

/// `word` without its genitive `-es` or `-s`, or the dative plural `-n`
/// of a plural in `-e`, `-er` or `-el`, when that is what the ending is:
/// the word's last hyphenated part, without the ending, ends in a word
/// that general German knows (Zipf ≥ [`MIN_HEAD_ZIPF`]) and uses more than
/// the same word with the ending, by [`CASE_MARGIN`] (by 0 for `-n`), or
/// does not list with it at all. Of the endings, the one leaving the most
/// frequent head wins.
///
/// The genitive's head has at least [`MIN_HEAD`] letters, and after `s`,
/// `ß`, `z` or `x` only `-es` is the ending (`Gasthauses` is `Gasthaus`,
/// not `Gasthause`). The dative's head has at least [`MIN_PLURAL_HEAD`]
/// letters and follows nothing or a known word (`Computer|bildschirme`, not
/// `Enthül|lunge`); `-innen` and `-ungen` are plurals themselves (no
/// `Sängerinne`, `Kürzunge`); a bare `-en` is never taken off
/// (`Kongressabgeordneten` is no `abgeordnet`, and umlauts are folded in
/// the list, so `Kriegsschauplätzen` would become `Kriegsschauplätz`).
pub(super) fn case_base(lex: &Lexicon, word: &str) -> Option<String> {
    let last = word.rsplit(['-', '\u{2010}', '\u{2011}']).next()?;
    let sibilant_es = last
        .strip_suffix("es")
        .is_some_and(|b| b.ends_with(['s', 'ß', 'z', 'x']));
    let mut best: Option<(f64, &str)> = None;
    for ending in ["es", "s", "n"] {
        let Some(bare) = last.strip_suffix(ending) else {
            continue;
        };
        let dative = ending == "n";
        if (ending == "s" && sibilant_es)
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
        if dative && !known_modifier(lex, bare.strip_suffix(head).unwrap_or(bare)) {
            continue;
        }
        let with_ending = lex.zipf(&format!("{head}{ending}"));
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
/// value.
fn known_head<'a>(lex: &Lexicon, bare: &'a str, min: usize) -> Option<(&'a str, f64)> {
    bare.char_indices()
        .map(|(i, _)| bare.get(i..).unwrap_or_default())
        .filter(|h| h.chars().count() >= min)
        .find_map(|h| lex.zipf(h).filter(|z| *z >= MIN_HEAD_ZIPF).map(|z| (h, z)))
}

/// Whether `modifier`, the front of a compound before its head, is empty
/// or a word of the reference list, also behind a linking element.
fn known_modifier(lex: &Lexicon, modifier: &str) -> bool {
    modifier.is_empty()
        || ["", "s", "es", "n", "en", "e"].iter().any(|link| {
            modifier
                .strip_suffix(link)
                .is_some_and(|m| m.chars().count() >= 3 && lex.zipf(m).is_some())
        })
}

/// The keys of single-word candidates to merge into another because their
/// most frequent form is the other's genitive (`Finanzsystems` into the
/// candidate that has `Finanzsystem`), as `(from, into)` pairs in key
/// order. Folded forms are compared, so case and umlaut spelling do not
/// matter.
pub(super) fn genitive_merges(gathered: &HashMap<String, Gathered>) -> Vec<(String, String)> {
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
        let mut forms: Vec<(&String, &usize)> = g.forms.iter().collect();
        forms.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let Some((top, _)) = forms.first() else {
            continue;
        };
        let folded = fold_umlauts(&key(top));
        let into = ["es", "s"]
            .iter()
            .filter_map(|e| folded.strip_suffix(e))
            .find_map(|b| owner.get(b).filter(|o| **o != k.as_str()));
        if let Some(into) = into {
            merges.push((k.clone(), (*into).to_owned()));
        }
    }
    merges
}
