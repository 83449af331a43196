//! The German forms of a search word: its inflected forms as a whole word
//! or as a compound's head, and the forms it takes as a compound's first or
//! middle part (with a linking element, *Fugenelement*).
//!
//! All forms are keys (lower case, `ß` as `ss`). A noun inflects with `-s`,
//! `-es`, `-e`, `-en`, `-n`, `-er`, `-ern` and with an umlauted plural
//! (`Rat` → `Räte`, `Land` → `Länder`); nouns ending in a feminine suffix
//! (`-ung`, `-heit`, `-ion`, …) only with `-en`/`-n` (the glossary's rule,
//! [`ending_ok`]). A search word of at most [`SHORT`] letters whose
//! umlauted plural the memory has takes only `-s`, `-es` and its umlauted
//! forms: beside `Räte`, `Rate` and `raten` are other words than `Rat`, and
//! so is `Ratenzahlung`; `Tag` (no `Täge`) takes `Tage` ([`Forms::prune`]).

use crate::glossary::recognize::compound::LINKS;
use crate::glossary::recognize::inflection::ending_ok;

/// A search word of at most this many letters is too ambiguous for the
/// endings `-e`, `-en`, `-n`, `-er` (see the module documentation).
pub(super) const SHORT: usize = 3;

/// The forms of one German search word.
#[derive(Debug, Clone, Default)]
pub(super) struct Forms {
    /// The whole-word forms (inflection).
    pub(super) word: Vec<String>,
    /// The forms as a compound's head: the whole-word forms less the
    /// non-umlauted `-er`, `-ern` (`Schauspieler` is not a `Spiel`).
    pub(super) head: Vec<String>,
    /// The forms as a first or middle part, linking element included
    /// (`lotsen`, `rats`, `grenz` for `Grenze`, `länder`).
    pub(super) part: Vec<String>,
    /// The search word's key and its umlauted form.
    bases: Vec<String>,
    /// For a short word: its forms with every ending, taken instead when
    /// the memory does not show an umlauted plural ([`Forms::prune`]).
    relaxed: Option<Box<Forms>>,
}

impl Forms {
    /// The forms of the search word with key `q`.
    pub(super) fn new(q: &str) -> Forms {
        let short = q.chars().count() <= SHORT;
        let mut forms = Forms::build(q, short);
        if short {
            forms.relaxed = Some(Box::new(Forms::build(q, false)));
        }
        forms
    }

    /// The forms of `q`, with few endings when `short`.
    fn build(q: &str, short: bool) -> Forms {
        let e_end = q.ends_with('e');
        let mut word = vec![q.to_owned(), format!("{q}s")];
        let mut agentive = Vec::new();
        if !e_end {
            word.push(format!("{q}es"));
        }
        if !short {
            if e_end {
                word.extend([format!("{q}n"), format!("{q}ns")]);
            } else {
                word.extend([format!("{q}e"), format!("{q}en")]);
                agentive.extend([format!("{q}er"), format!("{q}ern")]);
                if q.ends_with('l') || q.ends_with('r') {
                    word.push(format!("{q}n"));
                }
            }
        }
        let umlauted = umlaut(q);
        if let Some(u) = &umlauted {
            word.extend(["e", "en", "er", "ern", "n"].map(|e| format!("{u}{e}")));
            // `Väter`, `Gärten`, `Mäntel`: a plural by umlaut alone only
            // after an unstressed `-er`, `-en`, `-el`.
            if ["er", "en", "el"].iter().any(|x| q.ends_with(x)) {
                word.push(u.clone());
            }
        }
        word.retain(|f| ending_ok(q, f));
        agentive.retain(|f| ending_ok(q, f));
        let head = word.clone();
        word.extend(agentive);
        Forms {
            word,
            head,
            part: part_forms(q, short, e_end, umlauted.as_deref()),
            bases: std::iter::once(q.to_owned()).chain(umlauted).collect(),
            relaxed: None,
        }
    }

    /// The search word's key and its umlauted form.
    pub(super) fn bases(&self) -> &[String] {
        &self.bases
    }

    /// Drops the forms that are derived from a verb rather than inflected:
    /// where `known` (the lexicon) has the verb `base` + `-en`, `base` +
    /// `-er`/`-ern` is its agent noun (`Spieler`, `Wähler` beside
    /// `spielen`, `wählen`; `Länder` stays, there is no `länden`) and
    /// `base` + `-e` as a first part is its stem (`Landebahn` beside
    /// `landen`).
    ///
    /// A short word takes every ending unless `known` has its umlauted
    /// plural (`Räte`, `Höfe`): a noun has one plural, so beside `Räte`,
    /// `Rate` is another word, while `Tage` is `Tag`'s plural.
    pub(super) fn prune(&mut self, known: impl Fn(&str) -> bool) {
        if let Some(relaxed) = self.relaxed.take() {
            let umlaut_plural = self
                .bases
                .get(1)
                .is_some_and(|u| ["e", "en", "er"].iter().any(|x| known(&format!("{u}{x}"))));
            if !umlaut_plural {
                *self = *relaxed;
            }
        }
        for (i, b) in self.bases.clone().iter().enumerate() {
            if !known(&format!("{b}en")) {
                continue;
            }
            let agent = [format!("{b}er"), format!("{b}ern")];
            for list in [&mut self.word, &mut self.head, &mut self.part] {
                list.retain(|f| !agent.contains(f));
            }
            if i == 0 {
                let stem = format!("{b}e");
                self.part.retain(|f| *f != stem);
            }
        }
    }
}

/// The forms of `q` as a first or middle part of a compound: `q` with each
/// of the glossary's linking elements ([`LINKS`]; after a word in `-e`
/// only `-n`, `-ns` or the `-e` dropped: `Grenzkontrolle`), and the
/// umlauted plural (`Länderspiel`, `Kräfteverhältnis`). A short word takes
/// only `-s`, `-es` or nothing.
fn part_forms(q: &str, short: bool, e_end: bool, umlauted: Option<&str>) -> Vec<String> {
    let mut part = Vec::new();
    if e_end {
        part.extend([q.to_owned(), format!("{q}n"), format!("{q}ns")]);
        if let Some(stem) = q.strip_suffix('e')
            && stem.chars().count() > SHORT
        {
            part.push(stem.to_owned());
        }
    } else {
        for link in LINKS {
            if !short || matches!(link, "" | "s" | "es") {
                part.push(format!("{q}{link}"));
            }
        }
    }
    if let Some(u) = umlauted {
        part.extend([format!("{u}e"), format!("{u}er")]);
    }
    part.retain(|f| ending_ok(q, f) || f.len() <= q.len() || f.ends_with('s'));
    part
}

/// `q` with the vowel of its last full syllable umlauted (`rat` → `rät`,
/// `haus` → `häus`, `vater` → `väter`), or `None` when that vowel has no
/// umlaut (`spiel`, `krieg`, `lotse`).
pub(super) fn umlaut(q: &str) -> Option<String> {
    let chars: Vec<char> = q.chars().collect();
    let vowel = |c: char| "aeiouäöüy".contains(c);
    // A final unstressed `-e`, `-el`, `-er`, `-en` is skipped.
    let mut end = chars.len();
    if let Some(p) = chars.iter().rposition(|&c| vowel(c))
        && chars.get(p) == Some(&'e')
        && chars.len() - p <= 2
        && p > 0
        && chars.get(p - 1).is_some_and(|&c| !vowel(c))
    {
        end = p;
    }
    let p = chars.get(..end)?.iter().rposition(|&c| vowel(c))?;
    let prev = p.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let (at, with) = match (prev, chars.get(p).copied()?) {
        (Some('a'), 'u') => (p - 1, 'ä'),
        (Some('e' | 'i'), 'u') => return None,
        (Some('a'), 'a') => (p - 1, 'ä'),
        (_, 'a') => (p, 'ä'),
        (_, 'o') => (p, 'ö'),
        (_, 'u') => (p, 'ü'),
        _ => return None,
    };
    let mut out = chars;
    *out.get_mut(at)? = with;
    if with == 'ä' && out.get(at + 1) == Some(&'a') {
        out.remove(at + 1);
    }
    Some(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_of_the_last_full_syllable() {
        assert_eq!(umlaut("rat").as_deref(), Some("rät"));
        assert_eq!(umlaut("haus").as_deref(), Some("häus"));
        assert_eq!(umlaut("vater").as_deref(), Some("väter"));
        assert_eq!(umlaut("kraft").as_deref(), Some("kräft"));
        assert_eq!(umlaut("saal").as_deref(), Some("säl"));
        assert_eq!(umlaut("spiel"), None);
        assert_eq!(umlaut("lotse").as_deref(), Some("lötse"));
        assert_eq!(umlaut("kreuz"), None);
    }

    #[test]
    fn short_words_take_few_endings() {
        let mut rat = Forms::new("rat");
        rat.prune(|w| w == "räte");
        for f in ["rat", "rats", "rates", "räte", "räten"] {
            assert!(rat.word.contains(&f.to_owned()), "{f}");
        }
        for f in ["rate", "raten", "rater"] {
            assert!(!rat.word.contains(&f.to_owned()), "{f}");
        }
        assert!(!rat.part.contains(&"raten".to_owned()));
        // Without an umlauted plural, a short word takes every ending.
        let mut tag = Forms::new("tag");
        assert!(!tag.word.contains(&"tage".to_owned()));
        tag.prune(|_| false);
        assert!(tag.word.contains(&"tage".to_owned()));
        assert!(tag.part.contains(&"tages".to_owned()));
        let krieg = Forms::new("krieg");
        assert!(krieg.word.contains(&"kriege".to_owned()));
        assert!(krieg.part.contains(&"kriegs".to_owned()));
        let spiel = Forms::new("spiel");
        assert!(spiel.word.contains(&"spieler".to_owned()));
        assert!(!spiel.head.contains(&"spieler".to_owned()));
        assert!(Forms::new("grenze").part.contains(&"grenz".to_owned()));
        assert!(Forms::new("lotse").part.contains(&"lotsen".to_owned()));
        let sanktion = Forms::new("sanktion");
        assert!(sanktion.word.contains(&"sanktionen".to_owned()));
        assert!(!sanktion.word.contains(&"sanktioner".to_owned()));
    }
}
