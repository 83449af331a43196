//! Word counts per match band (`satz analyze`), the figures translators
//! quote prices from.
//!
//! Each sentence falls into the band of its best match in the memory
//! ([`crate::tm::suggest::best_score`]); a sentence seen before in the
//! same analysis (whitespace folded), in this file or an earlier one, is a
//! repetition instead, as CAT tools count them.

use std::collections::HashSet;

use serde::Serialize;

use crate::text::fold_whitespace;
use crate::text::tokenize::word_count;

/// The bands, in the order CAT tools print them. `101%` is a context match
/// (a 100% match whose neighbouring sentences match too).
pub const BANDS: [&str; 8] = [
    "repetitions",
    "101%",
    "100%",
    "95-99",
    "85-94",
    "75-84",
    "50-74",
    "no match",
];

/// Segments and words of one band.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Count {
    /// Sentences.
    pub segments: usize,
    /// Words.
    pub words: usize,
}

/// The analysis of one file (or the total).
#[derive(Debug, Clone, Serialize)]
pub struct FileAnalysis {
    /// The file, or `total`.
    pub file: String,
    /// Per band, in [`BANDS`] order.
    pub bands: Vec<(String, Count)>,
    /// All segments and words.
    pub total: Count,
}

/// The band of a best-match score (an index into [`BANDS`]).
pub fn band(score: Option<u32>) -> usize {
    match score {
        Some(101..) => 1,
        Some(100) => 2,
        Some(95..=99) => 3,
        Some(85..=94) => 4,
        Some(75..=84) => 5,
        Some(50..=74) => 6,
        _ => 7,
    }
}

/// An analysis of several files: repetitions are counted across them, and
/// the total sums them.
#[derive(Debug, Default)]
pub struct Analysis {
    seen: HashSet<String>,
    total: [Count; 8],
}

impl Analysis {
    /// An analysis with no file yet.
    pub fn new() -> Analysis {
        Analysis::default()
    }

    /// Counts the sentences `texts` of `file`, `best[i]` being the best
    /// score of `texts[i]`.
    pub fn add_file(
        &mut self,
        file: String,
        texts: &[String],
        best: &[Option<u32>],
    ) -> FileAnalysis {
        let mut counts = [Count::default(); 8];
        for (text, score) in texts.iter().zip(best) {
            let b = if self.seen.insert(fold_whitespace(text)) {
                band(*score)
            } else {
                0
            };
            let words = word_count(text);
            for c in [&mut counts, &mut self.total] {
                if let Some(c) = c.get_mut(b) {
                    c.segments += 1;
                    c.words += words;
                }
            }
        }
        analysis(file, &counts)
    }

    /// The total over the files added so far, as a file named `total`.
    pub fn total(&self) -> FileAnalysis {
        analysis("total".to_owned(), &self.total)
    }
}

fn analysis(file: String, counts: &[Count; 8]) -> FileAnalysis {
    let total = Count {
        segments: counts.iter().map(|c| c.segments).sum(),
        words: counts.iter().map(|c| c.words).sum(),
    };
    FileAnalysis {
        file,
        bands: BANDS
            .iter()
            .zip(counts)
            .map(|(b, c)| ((*b).to_owned(), *c))
            .collect(),
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_cat_conventions() {
        assert_eq!(BANDS[band(Some(101))], "101%");
        assert_eq!(BANDS[band(Some(100))], "100%");
        assert_eq!(BANDS[band(Some(95))], "95-99");
        assert_eq!(BANDS[band(Some(94))], "85-94");
        assert_eq!(BANDS[band(Some(75))], "75-84");
        assert_eq!(BANDS[band(Some(50))], "50-74");
        assert_eq!(BANDS[band(Some(49))], "no match");
        assert_eq!(BANDS[band(None)], "no match");
    }

    #[test]
    fn repetitions_count_across_files() {
        let mut a = Analysis::new();
        let texts = ["Ein Satz.".to_owned(), "Ein  Satz.".to_owned()];
        let f = a.add_file("a".into(), &texts, &[Some(100), None]);
        assert_eq!(f.total.segments, 2);
        assert_eq!(f.bands.first().map(|b| b.1.segments), Some(1));
        let g = a.add_file("b".into(), &texts[..1], &[Some(100)]);
        assert_eq!(g.bands.first().map(|b| b.1.segments), Some(1));
        assert_eq!(a.total().total.words, 6);
    }
}
