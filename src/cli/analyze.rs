//! `satz analyze FILE...`: word counts per match band, the figures
//! translators quote prices from.

use std::path::PathBuf;

use clap::Args;
use comfy_table::{CellAlignment, Table, presets};
use rayon::prelude::*;

use super::input::{progress, read_sentences, with_index};
use super::{Context, Outcome};
use crate::error::Result;
use crate::tm::analyze::{Analysis, BANDS, FileAnalysis};
use crate::tm::suggest::{Query, best_score};

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
                let best = sentences
                    .texts
                    .par_iter()
                    .enumerate()
                    .map(|(i, text)| {
                        bar.inc(1);
                        let text = text.as_str();
                        let (prev, next) = sentences.neighbours(i);
                        best_score(view, Query { text, prev, next })
                    })
                    .collect();
                bar.finish_and_clear();
                best
            })
            .collect()
    })?;
    let mut analysis = Analysis::new();
    let mut files: Vec<FileAnalysis> = args
        .files
        .iter()
        .zip(inputs)
        .zip(best)
        .map(|((path, sentences), best)| {
            analysis.add_file(path.display().to_string(), &sentences.texts, &best)
        })
        .collect();
    if files.len() > 1 {
        files.push(analysis.total());
    }
    let text = match format {
        Format::Json => files.iter().map(|f| json(f) + "\n").collect::<String>(),
        Format::Csv => csv(&files)?,
        Format::Table => table(&files, ctx.out.wrap().width),
    };
    ctx.out.write_str(&text)?;
    Ok(Outcome::Clean)
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

fn table(files: &[FileAnalysis], width: usize) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
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
            #[allow(
                clippy::indexing_slicing,
                reason = "analysis builds bands from BANDS, one per band, and i < BANDS.len() here"
            )]
            let c = if i < BANDS.len() {
                f.bands[i].1
            } else {
                f.total
            };
            row.push(format!("{} / {}", c.segments, c.words));
        }
        t.add_row(row);
    }
    for col in t.column_iter_mut().skip(1) {
        col.set_cell_alignment(CellAlignment::Right);
    }
    super::wrap::fit_table(&mut t, width);
    format!("{t}\n")
}
