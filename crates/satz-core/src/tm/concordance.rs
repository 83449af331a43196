//! Concordance search (`satz concordance`): where the memory uses a word
//! or phrase, inflected forms included.
//!
//! A phrase is found where consecutive words have the query's words'
//! Snowball stems (case-folded, ß = ss), through the stemmers the glossary
//! recognises terms with (the glossary's `stem` module).

use serde::Serialize;

use crate::glossary::stem::Stemmers;
use crate::text::fold_case;
use crate::text::tokenize::{TokenKind, tokenize};
use crate::tm::index::{Field, View};

/// A unit holding the query.
#[derive(Debug, Serialize)]
pub struct Hit {
    /// The memory's source.
    pub source: String,
    /// Its translation.
    pub target: String,
    /// The memory file.
    pub origin: String,
    /// Which side matched: `de` or `en`.
    pub side: String,
    /// Byte spans of the hits in that side.
    pub spans: Vec<(usize, usize)>,
}

/// A query prepared for one side of the memory.
pub struct Concordance {
    stemmers: Stemmers,
    /// True for the English (target) side.
    english: bool,
    /// The stems of the query's words.
    query: Vec<String>,
}

impl Concordance {
    /// Prepares `query` for the source side (German stems), or for the
    /// target side (English stems) when `english`.
    pub fn new(query: &str, english: bool) -> Concordance {
        let stemmers = Stemmers::new();
        let query = words(query)
            .map(|w| stemmers.snowball(english, &fold_case(w)))
            .collect();
        Concordance {
            stemmers,
            english,
            query,
        }
    }

    /// The byte spans of the query in `text`.
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        if self.query.is_empty() {
            return Vec::new();
        }
        let words: Vec<_> = tokenize(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .collect();
        let stems: Vec<String> = words
            .iter()
            .map(|t| {
                self.stemmers
                    .snowball(self.english, &fold_case(t.text(text)))
            })
            .collect();
        let n = self.query.len();
        let mut spans = Vec::new();
        for i in 0..stems.len() {
            if stems.get(i..i + n).is_some_and(|w| w == self.query)
                && let (Some(a), Some(b)) = (words.get(i), words.get(i + n - 1))
            {
                spans.push((a.start, b.end));
            }
        }
        spans
    }

    /// Every unit of the memory whose side holds the query, in memory order.
    pub fn search(&self, view: &View<'_>) -> Vec<Hit> {
        let field = if self.english {
            Field::Target
        } else {
            Field::Source
        };
        let mut hits = Vec::new();
        for u in 0..view.units {
            let text = view.text(u, field);
            // Cheap filter: every stem occurs in the case-folded text.
            let lower = fold_case(text);
            if !self.query.iter().all(|s| lower.contains(s.as_str())) {
                continue;
            }
            let spans = self.find(text);
            if !spans.is_empty() {
                hits.push(Hit {
                    source: view.text(u, Field::Source).to_owned(),
                    target: view.text(u, Field::Target).to_owned(),
                    origin: view.origin(u).0.to_owned(),
                    side: if self.english { "en" } else { "de" }.to_owned(),
                    spans,
                });
            }
        }
        hits
    }
}

/// The words of a text, punctuation left out.
fn words(text: &str) -> impl Iterator<Item = &str> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(move |t| t.text(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_and_phrases_are_found() {
        let c = Concordance::new("Diktatur", false);
        assert_eq!(
            c.find("Zwei Diktaturen, eine Diktatur."),
            [(5, 15), (22, 30)]
        );
        let c = Concordance::new("koreanische Halbinsel", false);
        assert_eq!(c.find("auf der Koreanischen Halbinsel"), [(8, 30)]);
        assert!(Concordance::new("", true).find("anything").is_empty());
    }
}
