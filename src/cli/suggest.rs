//! `satz suggest [FILE|-] [--segmented] [--min N] [--top K]`

use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use clap::Args;
use rayon::prelude::*;
use serde::Serialize;

use super::input::{progress, read_sentences, with_index};
use super::terms_found::{TermFound, find_terms, load_matcher};
use super::wrap::Wrap;
use super::{Context, Outcome};
use crate::error::Result;
use crate::tm::fuzzy::diff::Piece;
use crate::tm::suggest::{Query, Suggestion, suggest};

/// `suggest`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Matches per sentence for the terminal, with a coloured diff.
    Table,
    /// One object per sentence and line.
    Json,
    /// Markdown.
    Md,
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz suggest examples/kim-putin-followup.de.txt
  satz suggest --min 50 --top 5 article.txt
  satz suggest --format json article.txt | jq '.matches[0].score'
  echo 'Nordkorea schickte 30'\\''000 Soldaten.' | satz suggest -")]
pub struct SuggestArgs {
    /// The text (`-` or nothing reads stdin).
    pub file: Option<PathBuf>,
    /// The input holds one sentence per line.
    #[arg(long)]
    pub segmented: bool,
    /// Lowest match percentage shown.
    #[arg(long, default_value_t = 70, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=101))]
    pub min: u32,
    /// Matches per sentence at most.
    #[arg(long, default_value_t = 3, value_name = "K")]
    pub top: usize,
}

/// One input sentence with its matches and terms.
#[derive(Debug, Serialize)]
pub struct SuggestionOut {
    /// The input sentence.
    pub query: String,
    /// Best first.
    pub matches: Vec<Suggestion>,
    /// Glossary terms in the sentence.
    pub terms: Vec<TermFound>,
}

/// Runs `suggest`.
pub fn run(ctx: &mut Context, args: &SuggestArgs) -> Result<Outcome> {
    let format: Format = ctx.format("suggest")?;
    let input = args.file.clone().unwrap_or_else(|| PathBuf::from("-"));
    let sentences = read_sentences(ctx, &input, args.segmented)?;
    let matcher = load_matcher(ctx)?;
    let pair = ctx.pair();
    let results = with_index(ctx, |view| {
        let bar = progress(ctx, sentences.texts.len(), "matching");
        let results: Vec<SuggestionOut> = sentences
            .texts
            .par_iter()
            .enumerate()
            .map(|(i, query)| {
                bar.inc(1);
                let query = query.clone();
                let (prev, next) = sentences.neighbours(i);
                let q = Query {
                    text: &query,
                    prev,
                    next,
                };
                let matches = suggest(view, &pair, q, args.min, args.top);
                let terms = find_terms(matcher.as_ref(), &query);
                SuggestionOut {
                    query,
                    matches,
                    terms,
                }
            })
            .collect();
        bar.finish_and_clear();
        results
    })?;
    let text = match format {
        Format::Json => json(&results),
        Format::Md => markdown(&results),
        Format::Table => table(&results, ctx.out.wrap()),
    };
    ctx.out.write_str(&text)?;
    Ok(Outcome::Clean)
}

fn json(results: &[SuggestionOut]) -> String {
    let mut out = String::new();
    for r in results {
        #[allow(
            clippy::expect_used,
            reason = "a struct of strings, numbers and enums with derived Serialize always serialises"
        )]
        let line = serde_json::to_string(r).expect("SuggestionOut serialises");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn markdown(results: &[SuggestionOut]) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::new();
    for (i, r) in results.iter().enumerate() {
        out.push_str(&format!("## {}. {}\n\n", i + 1, esc(&r.query)));
        if r.matches.is_empty() {
            out.push_str("No match.\n\n");
        } else {
            out.push_str("| score | memory source (~~removed~~ **added**) | translation | origin |\n|---:|---|---|---|\n");
            for m in &r.matches {
                let mut src = String::new();
                for p in &m.diff {
                    match p {
                        Piece::Same(t) => src.push_str(&esc(t)),
                        Piece::Removed(t) => wrap(&mut src, &esc(t), "~~"),
                        Piece::Added(t) => wrap(&mut src, &esc(t), "**"),
                    }
                }
                let score = if m.penalties.is_empty() {
                    format!("{}%", m.score)
                } else {
                    format!("{}% ({})", m.score, m.penalties.join(", "))
                };
                out.push_str(&format!(
                    "| {score} | {src} | {} | {} |\n",
                    esc(m.adapted.as_deref().unwrap_or(&m.target)),
                    esc(&m.origin)
                ));
            }
            out.push('\n');
        }
        if !r.terms.is_empty() {
            let terms: Vec<String> = r
                .terms
                .iter()
                .map(|t| format!("**{}**: {}", esc(&t.de), esc(&t.en.join(", "))))
                .collect();
            out.push_str(&format!("Terms: {}\n\n", terms.join("; ")));
        }
    }
    // Sections are separated by one blank line; the page ends with one newline.
    out.truncate(out.trim_end_matches('\n').len());
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn wrap(out: &mut String, t: &str, mark: &str) {
    // `trim_start` leaves a suffix, so the split is on a char boundary.
    let (space, trimmed) = t.split_at(t.len() - t.trim_start().len());
    out.push_str(space);
    out.push_str(mark);
    out.push_str(trimmed);
    out.push_str(mark);
}

/// Leading whitespace, then the marked and styled text.
fn styled(out: &mut String, t: &str, style: Style, open: &str, close: &str) {
    // `trim_start` leaves a suffix, so the split is on a char boundary.
    let (space, trimmed) = t.split_at(t.len() - t.trim_start().len());
    out.push_str(space);
    out.push_str(&format!("{style}{open}{trimmed}{close}{style:#}"));
}

fn table(results: &[SuggestionOut], wrap: Wrap) -> String {
    let bold = Style::new().bold();
    let removed = Style::new()
        .fg_color(Some(AnsiColor::Red.into()))
        .strikethrough();
    let added = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
    let dim = Style::new().dimmed();
    let term_style = Style::new().fg_color(Some(AnsiColor::Cyan.into()));
    let mut out = String::new();
    for (i, r) in results.iter().enumerate() {
        out.push_str(&wrap.line(
            &format!("{bold}{:>3}. ", i + 1),
            &format!("{}{bold:#}", r.query),
        ));
        if r.matches.is_empty() {
            out.push_str(&format!("     {dim}no match{dim:#}\n"));
        }
        for m in &r.matches {
            // `(penalties)  origin`, or ` origin`: two spaces after the score.
            let pen = if m.penalties.is_empty() {
                String::new()
            } else {
                format!("({}) ", m.penalties.join(", "))
            };
            out.push_str(&wrap.line(
                &format!("   {bold}{:>3}%{bold:#} ", m.score),
                &format!("{pen} {dim}{}{dim:#}", m.origin),
            ));
            let mut diff = String::new();
            for p in &m.diff {
                match p {
                    Piece::Same(t) => diff.push_str(t),
                    Piece::Removed(t) => styled(&mut diff, t, removed, "[-", "-]"),
                    Piece::Added(t) => styled(&mut diff, t, added, "{+", "+}"),
                }
            }
            out.push_str(&wrap.line("     ", &diff));
            out.push_str(&wrap.line("     → ", m.adapted.as_deref().unwrap_or(&m.target)));
        }
        for t in &r.terms {
            out.push_str(&wrap.line(
                &format!("     {term_style}term{term_style:#} "),
                &format!("{} → {}", t.de, t.en.join(" | ")),
            ));
        }
        out.push('\n');
    }
    out
}
