//! The German vocabulary that tells a compound's real parts from letter
//! coincidences: the memory's own German words of at least [`MIN_PART`]
//! letters plus the shipped list of frequent German words
//! (`de-common.txt` beside this module), less particles and function words
//! ([`NOT_PARTS`]: `Vorrat`, `Beispiel`, `Auswahl` are prefixed words, not
//! compounds).
//!
//! A search word is a compound's part when what is left of the compound
//! splits into known words ([`Lexicon::splits`]): each a lexicon word, or
//! one with its final `-e` dropped (`Grenz|kontrolle`) or a verb stem
//! (`Fahr|zeug` for `fahren`), followed by a linking element or an ending
//! (`Sicherheit|s|rat`, `Lotsen|schüler|n`). The rest after a first or
//! middle part must not begin with a derivational suffix that is also a
//! word (`Land|schaft`).

use std::collections::HashSet;

use crate::text::words::key;
use crate::tm::index::View;

/// The frequent German words (one per line, `#` comments): our own list.
const DE_COMMON: &str = include_str!("de-common.txt");

/// The least number of letters of a lexicon word used as a compound part.
pub(super) const MIN_PART: usize = 4;

/// Three-letter German nouns and adjectives that may be a compound part
/// (`Gaspreis`, `Bahnhof`, `Landtag`): a short list, since three letters
/// of the memory's vocabulary are as often an English word, a name or a
/// suffix (`ing`, `los`, `ten`) as a German word.
pub(super) const SHORT_PARTS: [&str; 27] = [
    "alt", "amt", "arm", "art", "bau", "bus", "eis", "gas", "hof", "kur", "neu", "ort", "ost",
    "rad", "rat", "rot", "see", "süd", "tag", "tal", "tod", "ton", "tor", "uhr", "zoo", "zug",
    "tee",
];

/// Particles, prepositions and function words of at least [`MIN_PART`]
/// letters: never a compound part (`Vorrat`, `Gegenwahl`).
const NOT_PARTS: [&str; 40] = [
    "aber", "alle", "allem", "allen", "aller", "alles", "also", "auch", "bereits", "dann", "denn",
    "dies", "diese", "dort", "durch", "eine", "einem", "einen", "einer", "eines", "gegen",
    "hinter", "immer", "mehr", "nach", "neben", "nicht", "noch", "ohne", "schon", "sehr", "sich",
    "über", "unter", "viel", "weil", "wenn", "wider", "wieder", "zwischen",
];

/// Derivational suffixes (some also words): a rest beginning with one
/// makes a derived word, not a compound (`Landschaft`, `Rationen`,
/// `Generation`).
const SUFFIX_WORDS: [&str; 11] = [
    "schaft", "heit", "keit", "lich", "haft", "ion", "ier", "ität", "ismus", "isch", "ist",
];

/// Linking elements and endings after a part inside the rest.
const SUFFIXES: [&str; 10] = ["", "s", "es", "n", "en", "e", "er", "ern", "ns", "ens"];

/// Known German words (keys).
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashSet<String>,
}

impl Lexicon {
    /// The frequent-word list and `words` (keys or surface forms).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Lexicon {
        let mut set = HashSet::new();
        let common = DE_COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for w in common.chain(words) {
            let k = key(w);
            if k.chars().count() >= MIN_PART
                && k.chars().all(char::is_alphabetic)
                && !NOT_PARTS.contains(&k.as_str())
            {
                set.insert(k);
            }
        }
        Lexicon { words: set }
    }

    /// The frequent-word list and the German (source) vocabulary of the
    /// memory behind `view`.
    pub fn of_memory(view: &View<'_>) -> Lexicon {
        Lexicon::new((0..view.vocab).map(|id| view.key(id)))
    }

    /// Whether `w` (a key) is a known word.
    pub fn contains(&self, w: &str) -> bool {
        self.words.contains(w)
    }

    /// Whether part `w` (a key) is a known word, with a dropped `-e` or
    /// as a verb stem.
    fn part(&self, w: &str) -> bool {
        SHORT_PARTS.contains(&w)
            || w.chars().count() >= MIN_PART
                && (self.contains(w)
                    || self.contains(&format!("{w}e"))
                    || self.contains(&format!("{w}en")))
    }

    /// Whether `s` (a key) splits into known parts, each followed by a
    /// linking element or ending (see the module documentation); `rest`
    /// when `s` follows the search word (then it may not begin with a
    /// suffix word).
    pub(super) fn splits(&self, s: &str, rest: bool) -> bool {
        // The feminine `-innen` makes no compound (`Schauspielerinnen`).
        if rest && (SUFFIX_WORDS.iter().any(|x| s.starts_with(x)) || s == "innen") {
            return false;
        }
        let mut memo: Vec<Option<bool>> = vec![None; s.len() + 1];
        self.splits_from(s, 0, !rest, &mut memo)
    }

    /// Whether `s` from byte `at` splits into parts; `modifiers` lets a
    /// [`noun_modifier`] before `s` count (only before the search word:
    /// after it, `Rat|ifizierungs|prozess` would pass).
    fn splits_from(
        &self,
        s: &str,
        at: usize,
        modifiers: bool,
        memo: &mut Vec<Option<bool>>,
    ) -> bool {
        if at == s.len() {
            return true;
        }
        if let Some(Some(known)) = memo.get(at) {
            return *known;
        }
        let mut ok = false;
        let ends = s.char_indices().map(|(b, _)| b).chain([s.len()]);
        for end in ends.filter(|&e| e > at) {
            let (Some(part), Some(after)) = (s.get(at..end), s.get(end..)) else {
                continue;
            };
            let modifier = modifiers && noun_modifier(part) && after.starts_with('s');
            if !(modifier || self.part(part)) {
                continue;
            }
            ok = SUFFIXES.iter().any(|x| {
                after.starts_with(x) && self.splits_from(s, end + x.len(), modifiers, memo)
            });
            if ok {
                break;
            }
        }
        if let Some(slot) = memo.get_mut(at) {
            *slot = Some(ok);
        }
        ok
    }
}

/// Whether `part` (a key) ends in a noun suffix that takes the linking
/// `-s-` in a compound (`Akkreditierung|s|rat`, `Sicherheit|s|rat`): such
/// a part counts before an `s` even when the lexicon lacks it.
fn noun_modifier(part: &str) -> bool {
    part.chars().count() >= 7
        && ["ung", "heit", "keit", "schaft", "ion", "tät"]
            .iter()
            .any(|x| part.ends_with(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_parts_split_and_coincidences_do_not() {
        let lex = Lexicon::new([
            "Stadt",
            "Sicherheit",
            "Schüler",
            "Kontrolle",
            "Haus",
            "Gas",
            "vor",
        ]);
        assert!(lex.splits("stadt", false));
        assert!(lex.splits("sicherheits", false));
        assert!(lex.splits("schülern", true));
        assert!(lex.splits("stadthaus", true));
        assert!(!lex.splits("appa", false));
        assert!(!lex.splits("ung", true));
        assert!(!lex.splits("vor", false));
        // Three letters: only the short list.
        assert!(lex.splits("gas", false));
        assert!(lex.splits("tages", false));
        assert!(!lex.splits("ten", true));
        // A noun in `-ung` before a linking `s` needs no lexicon entry.
        assert!(lex.splits("akkreditierungs", false));
        assert!(!lex.splits("akkreditierung", false));
        // The frequent-word list counts; particles do not.
        assert!(lex.contains("land"));
        assert!(!lex.contains("unter"));
    }
}
