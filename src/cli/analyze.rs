//! `satz analyze FILE...`: word counts per match band, the figures
//! translators quote prices from.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::Args;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use rayon::prelude::*;
use serde::Serialize;

use super::input::{progress, read_sentences, with_index};
use super::suggest::context_matches;
use super::{Context, Outcome};
use crate::error::Result;
use crate::text::tokenize::word_count;
use crate::tm::fuzzy::Prepared;
use crate::tm::index::search;

/// `analyze`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A table for the terminal, a column per file.
    Table,
    /// One object per file and line.
    Json,
    /// `file,band,segments,words`.
    Csv,
}

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

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz analyze examples/kim-putin-followup.de.txt
  satz analyze --format csv *.txt > quote.csv")]
pub struct AnalyzeArgs {
    /// The texts.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The inputs hold one sentence per line.
    #[arg(long)]
    pub segmented: bool,
}

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

/// The band of a best-match score.
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

/// Runs `analyze`.
pub fn run(ctx: &mut Context, args: &AnalyzeArgs) -> Result<Outcome> {
    let format: Format = ctx.format("analyze")?;
    // Every input is read before the index is opened: a bad file fails the
    // command before it (re)builds and writes memory/.satz-index/.
    let inputs = args
        .files
        .iter()
        .map(|path| read_sentences(ctx, path, args.segmented))
        .collect::<Result<Vec<_>>>()?;
    // The best score of every sentence, file by file.
    let best: Vec<Vec<Option<u32>>> = with_index(ctx, |view| {
        inputs
            .iter()
            .map(|sentences| {
                let bar = progress(ctx, sentences.texts.len(), "analysing");
                let best = (0..sentences.texts.len())
                    .into_par_iter()
                    .map(|i| {
                        bar.inc(1);
                        let text = sentences.texts.get(i).map_or("", String::as_str);
                        let (prev, next) = sentences.neighbours(i);
                        let context = |u: usize| context_matches(view, u, prev, next);
                        search::search(view, &Prepared::new(text), 50, 1, &context)
                            .first()
                            .map(|m| m.score)
                    })
                    .collect();
                bar.finish_and_clear();
                best
            })
            .collect()
    })?;
    let mut seen: HashSet<String> = HashSet::new();
    let mut files = Vec::new();
    let mut total = [Count::default(); 8];
    for ((path, sentences), best) in args.files.iter().zip(inputs).zip(best) {
        let mut counts = [Count::default(); 8];
        for (text, score) in sentences.texts.iter().zip(best) {
            let b = if seen.insert(crate::text::fold_whitespace(text)) {
                band(score)
            } else {
                0
            };
            let words = word_count(text);
            for c in [&mut counts, &mut total] {
                if let Some(c) = c.get_mut(b) {
                    c.segments += 1;
                    c.words += words;
                }
            }
        }
        files.push(analysis(path.display().to_string(), &counts));
    }
    if files.len() > 1 {
        files.push(analysis("total".to_owned(), &total));
    }
    let text = match format {
        Format::Json => files.iter().map(|f| json(f) + "\n").collect::<String>(),
        Format::Csv => csv(&files)?,
        Format::Table => table(&files),
    };
    ctx.out.write_str(&text)?;
    Ok(Outcome::Clean)
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

/// `{"file":..,"bands":{"repetitions":{"segments":n,"words":w},..},"total":{..}}`
fn json(f: &FileAnalysis) -> String {
    let bands: serde_json::Map<String, serde_json::Value> = f
        .bands
        .iter()
        .map(|(b, c)| {
            (
                b.clone(),
                serde_json::json!({"segments": c.segments, "words": c.words}),
            )
        })
        .collect();
    serde_json::json!({
        "file": f.file,
        "bands": bands,
        "total": {"segments": f.total.segments, "words": f.total.words},
    })
    .to_string()
}

/// `file,band,segments,words`, one row per file and band (and the total).
fn csv(files: &[FileAnalysis]) -> Result<String> {
    let mut rows = vec![["file", "band", "segments", "words"].map(str::to_owned)];
    for f in files {
        let total = ("total".to_owned(), f.total);
        for (b, c) in f.bands.iter().chain(std::iter::once(&total)) {
            rows.push([
                f.file.clone(),
                b.clone(),
                c.segments.to_string(),
                c.words.to_string(),
            ]);
        }
    }
    Ok(crate::report::csv::to_string(rows)?)
}

fn table(files: &[FileAnalysis]) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    let mut header = vec!["band".to_owned()];
    header.extend(
        files
            .iter()
            .map(|f| format!("{}\nsegments / words", f.file)),
    );
    t.set_header(header);
    for (i, band) in BANDS.iter().chain(std::iter::once(&"total")).enumerate() {
        let mut row = vec![(*band).to_owned()];
        for f in files {
            let c = f.bands.get(i).map_or(f.total, |(_, c)| *c);
            row.push(format!("{} / {}", c.segments, c.words));
        }
        t.add_row(row);
    }
    for col in t.column_iter_mut().skip(1) {
        col.set_cell_alignment(CellAlignment::Right);
    }
    format!("{t}\n")
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
}
