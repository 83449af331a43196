//! Which language a text is in: German, English, French, or unknown.
//!
//! satz must notice when a German file is given where the English belongs
//! (`align EN DE`), when a translation was left in German (`check`'s
//! `untranslated`) and when a memory file declares one language and holds
//! another. No model is downloaded: the evidence is what a reader sees at a
//! glance.
//!
//! * **Function words** (`src/langid/data/*.txt`): articles, pronouns,
//!   prepositions, auxiliaries. They make up about half of the words of any
//!   running text and say nothing of its topic, so a German sentence about
//!   Britain and an English one about Germany are told apart. A word in two
//!   lists (`in`, `an`, `was`, `will` are German and English; `des` German
//!   and French) counts half for each.
//! * **Letters and shapes**: `ä ö ü ß` count for German; `é è ê à ç œ ù`
//!   and elisions (`l'`, `d'`, `qu'`) for French; the English possessive
//!   `'s` and the contractions `n't`, `'re` for English.
//!
//! [`identify`] adds the evidence up per language and names the language
//! only when it is clear: enough evidence ([`Guess::MIN_SCORE`]) and at
//! least twice the runner-up's. Anything else is unknown, and callers treat
//! unknown as "no objection": a line-up of names, a list of numbers or a
//! headline of three nouns is never refused or flagged.
//!
//! Evidence from many sentences adds up ([`Scores::add`]), so a document is
//! judged on all its words at once and one quoted English sentence in a
//! German article does not change the verdict.
//!
//! [`judge_pair`] and [`Expected`] compare a verdict with the languages the
//! command line or a file names (`verdict.rs`): what `align`, `check`,
//! `suggest`, `analyze`, `segment` and `import` act on. A pair given in the
//! wrong order is both sides identified, each as the other's language; a
//! side clearly in a third language is a mismatch of that side alone;
//! unknown is never a mismatch.
//!
//! Measured on the shared data (`examples/langid_eval.rs`): of the 19,565
//! sentence pairs of `tm/tm.tsv`, 96.1% of the German sides are identified
//! as German and 94.8% of the English sides as English, the rest unknown,
//! except three named as another language: two rightly ("In anderen Worte,
//! the show goes on.", "Oh là là, c'est la vie."), one wrongly (an English
//! sentence around two Spanish titles, named French). Every document of
//! the alignment gold data is identified as its language with a margin of
//! over 15 to 1.

use std::fmt;
use std::sync::OnceLock;

use hashbrown::hash_table::{Entry, HashTable};

use crate::lang::Lang;
use crate::text::tokenize::{Token, TokenKind, tokens};

/// A language satz can identify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// German.
    German,
    /// English.
    English,
    /// French.
    French,
}

impl Language {
    /// Every language, in the order of [`Scores`]' fields.
    pub const ALL: [Language; 3] = [Language::German, Language::English, Language::French];

    /// The language a BCP 47 tag names, when it is one of these (`de-CH` is
    /// German; `deu` and `ger` too). Case and `_` for `-` do not matter.
    pub fn from_tag(tag: &str) -> Option<Language> {
        Language::of(&Lang::new(tag))
    }

    /// The language of a parsed tag, when it is one of these (Swiss German,
    /// `gsw`, counts as German).
    pub fn of(tag: &Lang) -> Option<Language> {
        match tag.primary() {
            "de" | "gsw" => Some(Language::German),
            "en" => Some(Language::English),
            "fr" => Some(Language::French),
            _ => None,
        }
    }

    /// The English name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Language::German => "German",
            Language::English => "English",
            Language::French => "French",
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Language::German => "de",
            Language::English => "en",
            Language::French => "fr",
        }
    }

    /// This language's bit in a set of languages.
    fn bit(self) -> u8 {
        1 << self.index()
    }

    fn index(self) -> usize {
        match self {
            Language::German => 0,
            Language::English => 1,
            Language::French => 2,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The evidence for each language found in a text, and how many words it
/// had. Scores of several texts add up, exactly and in any order: the
/// evidence is counted in sixths of a word (a function word of one, two or
/// three lists counts 6, 3 or 2 for each; a telling letter 3), integers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Evidence per language in sixths, indexed as [`Language::ALL`].
    per_language: [u64; 3],
    /// Words seen (letters only).
    pub words: usize,
}

/// Evidence is counted in these parts of a word.
const PARTS: u64 = 6;

impl Scores {
    /// The evidence of `text`.
    pub fn of(text: &str) -> Scores {
        Scores::of_tokens(text, tokens(text))
    }

    /// The evidence of `text` from its tokens, split already (its
    /// [`tokens`]): what [`Scores::of`]
    /// finds, for a caller that has them.
    pub fn of_tokens(text: &str, tokens: impl IntoIterator<Item = Token>) -> Scores {
        let lists = lists();
        let mut s = Scores::default();
        let mut lower = String::new();
        for t in tokens {
            // A token that does not fit `text` (not its tokens) is left out.
            let Some(word) = text.get(t.start..t.end) else {
                continue;
            };
            if t.kind == TokenKind::Punct || !word.chars().any(char::is_alphabetic) {
                continue;
            }
            s.words += 1;
            // Lower case, with the typographic apostrophe as `'`.
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                for c in word.chars() {
                    match c {
                        '’' => lower.push('\''),
                        c => lower.extend(c.to_lowercase()),
                    }
                }
            }
            if let Some(&(_, langs)) = lists.find(hash(&lower), |(w, _)| *w == lower) {
                let share = PARTS / u64::from(langs.count_ones());
                for l in Language::ALL {
                    if langs & l.bit() != 0 {
                        s.bump(l, share);
                    }
                }
            }
            s.shapes(&lower);
        }
        s
    }

    /// Letters and word shapes (see the module documentation).
    fn shapes(&mut self, lower: &str) {
        // Every shape holds an apostrophe or a letter beyond ASCII.
        if lower.is_ascii() && !lower.contains('\'') {
            return;
        }
        if lower.contains(['ä', 'ö', 'ü', 'ß']) {
            self.bump(Language::German, PARTS / 2);
        }
        if lower.contains(['é', 'è', 'ê', 'à', 'ç', 'œ', 'ù', 'û', 'î', 'ô']) {
            self.bump(Language::French, PARTS / 2);
        }
        if ["l'", "d'", "qu'", "n'", "j'", "s'", "c'"]
            .iter()
            .any(|p| lower.starts_with(p) && lower.len() > p.len())
        {
            self.bump(Language::French, PARTS);
        }
        if lower.ends_with("'s") || lower.ends_with("n't") || lower.ends_with("'re") {
            self.bump(Language::English, PARTS / 2);
        }
    }

    #[allow(
        clippy::indexing_slicing,
        reason = "index() maps the three languages to 0..3, the array's length"
    )]
    fn bump(&mut self, lang: Language, parts: u64) {
        self.per_language[lang.index()] += parts;
    }

    #[allow(
        clippy::indexing_slicing,
        reason = "index() maps the three languages to 0..3, the array's length"
    )]
    fn parts(&self, lang: Language) -> u64 {
        self.per_language[lang.index()]
    }

    /// Adds another text's evidence.
    pub fn add(&mut self, other: &Scores) {
        for (a, b) in self.per_language.iter_mut().zip(other.per_language) {
            *a += b;
        }
        self.words += other.words;
    }

    /// The evidence for `lang`.
    #[allow(
        clippy::indexing_slicing,
        reason = "index() maps the three languages to 0..3, the array's length"
    )]
    pub fn score(&self, lang: Language) -> f64 {
        self.per_language[lang.index()] as f64 / PARTS as f64
    }

    /// The verdict on this evidence (see [`identify`]), compared in exact
    /// sixths.
    pub fn guess(&self) -> Guess {
        let mut ranked: [(Language, u64); 3] = Language::ALL.map(|l| (l, self.parts(l)));
        // Stable: of two languages with the same evidence the first in
        // `ALL` ranks first (neither is then named: the margin fails).
        ranked.sort_by_key(|&(_, parts)| std::cmp::Reverse(parts));
        let [(best, top), (_, second), _] = ranked;
        let language = (top >= Guess::MIN_PARTS && top >= Guess::MARGIN * second).then_some(best);
        Guess {
            language,
            scores: *self,
        }
    }
}

/// The verdict of [`identify`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    /// The language, or `None` when the evidence is too thin or mixed.
    pub language: Option<Language>,
    /// The evidence it rests on.
    pub scores: Scores,
}

impl Guess {
    /// The least evidence that names a language: two function words, or
    /// one and a telling letter.
    pub const MIN_SCORE: f64 = 2.0;
    /// [`Guess::MIN_SCORE`] in sixths.
    const MIN_PARTS: u64 = 2 * PARTS;
    /// The winner's evidence must be at least this many times the
    /// runner-up's.
    pub const MARGIN: u64 = 2;

    /// Whether the text is clearly `lang`.
    pub fn is(&self, lang: Language) -> bool {
        self.language == Some(lang)
    }

    /// A short account of the evidence, for messages and JSON:
    /// `German 7.5, English 1.0, French 0.5 over 14 words`.
    pub fn evidence(&self) -> String {
        let parts: Vec<String> = Language::ALL
            .iter()
            .map(|&l| format!("{} {}", l.name(), self.scores.score(l)))
            .collect();
        format!("{} over {} words", parts.join(", "), self.scores.words)
    }
}

/// The language of `text`, or unknown (see the module documentation).
pub fn identify(text: &str) -> Guess {
    Scores::of(text).guess()
}

/// The hash of a word in [`lists`].
fn hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// Word -> the languages whose function-word list holds it, as a set of
/// [`Language::bit`]s.
fn lists() -> &'static HashTable<(&'static str, u8)> {
    static LISTS: OnceLock<HashTable<(&'static str, u8)>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut map: HashTable<(&'static str, u8)> = HashTable::new();
        for (lang, data) in [
            (Language::German, include_str!("data/de.txt")),
            (Language::English, include_str!("data/en.txt")),
            (Language::French, include_str!("data/fr.txt")),
        ] {
            for word in data
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                match map.entry(hash(word), |(w, _)| *w == word, |(w, _)| hash(w)) {
                    Entry::Occupied(mut e) => e.get_mut().1 |= lang.bit(),
                    Entry::Vacant(e) => {
                        e.insert((word, lang.bit()));
                    }
                }
            }
        }
        map
    })
}

mod verdict;

pub use verdict::{Expected, PairVerdict, judge_pair};

#[cfg(test)]
mod tests;
