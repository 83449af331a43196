//! `satz suggest [FILE|-] [--segmented] [--min N] [--top K] [--matched-only]`

use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use clap::Args;
use rayon::prelude::*;
use serde::Serialize;

use super::input::{Sentences, progress, read_lines_unjudged, read_sentences, with_index};
use super::language::check_one_scores;
use super::terms_found::{Matcher, TermFound, find_terms, load_matcher_at};
use super::wrap::Wrap;
use super::{Context, Outcome};
use crate::error::Result;
use crate::glossary::WordCaches;
use crate::langid::Scores;
use crate::text::words::words_of_tokens;
use crate::tm::analyze::{BANDS, band};
use crate::tm::fuzzy::Prepared;
use crate::tm::fuzzy::diff::Piece;
use crate::tm::index::View;
use crate::tm::suggest::{Query, Suggestion, suggest_prepared};

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
  satz suggest --matched-only article.txt
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
    /// Show only sentences with a match, and end with a summary line
    /// counting the sentences per match band (on stderr for --format json).
    #[arg(long)]
    pub matched_only: bool,
}

/// One input sentence with its matches and terms.
#[derive(Debug, Serialize)]
pub struct SuggestionOut {
    /// The sentence's number in the text, from 1.
    pub number: usize,
    /// The input sentence.
    pub query: String,
    /// Best first.
    pub matches: Vec<Suggestion>,
    /// Glossary terms in the sentence.
    pub terms: Vec<TermFound>,
}

/// The input's sentences, whether their language is still to be judged
/// from the look-ups' tokens, and the glossary compiled for term look-ups.
/// The glossary is compiled on a thread of its own while the input is read
/// (a millisecond each for the shipped glossary and 2,000 lines); an input
/// that cannot be read is reported first.
fn read_and_compile(
    ctx: &Context,
    args: &SuggestArgs,
    input: &Path,
) -> Result<(Sentences, bool, Option<Matcher>)> {
    let glossary = &ctx.global.glossary;
    std::thread::scope(|scope| {
        // A thread the system refuses: the glossary is compiled after the
        // input instead.
        let compiling = std::thread::Builder::new()
            .spawn_scoped(scope, || load_matcher_at(glossary))
            .ok();
        // One sentence per line: the language is judged from the words the
        // look-ups split anyway, on every core, instead of in a pass of its own.
        let read = if args.segmented && !ctx.global.no_language_check {
            read_lines_unjudged(ctx, input)
        } else {
            read_sentences(ctx, input, args.segmented).map(|s| (s, false))
        };
        // Joined before anything returns: a scope ends in a panic of its
        // own when a thread it holds panicked unjoined.
        let compiled = compiling.map(|thread| thread.join());
        // An input that cannot be read is reported first, whatever became
        // of the glossary (a panic there has been printed already).
        let (sentences, judge_lines) = read?;
        let matcher = match compiled {
            Some(Ok(matcher)) => matcher,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => load_matcher_at(glossary),
        }?;
        Ok((sentences, judge_lines, matcher))
    })
}

/// Every sentence's matches, glossary terms and language evidence (when
/// `judge_lines`), on every core.
fn look_up(
    ctx: &Context,
    view: &View<'_>,
    args: &SuggestArgs,
    (sentences, judge_lines): (&Sentences, bool),
    matcher: Option<&Matcher>,
) -> Vec<(SuggestionOut, Scores)> {
    let pair = ctx.pair();
    // Word caches lent to rayon's jobs: the sentences' words repeat.
    let caches = WordCaches::new();
    let bar = progress(ctx, sentences.texts.len(), "matching");
    let results: Vec<(SuggestionOut, Scores)> = sentences
        .texts
        .par_iter()
        .enumerate()
        .map_init(
            || caches.take(),
            |cache, (i, query)| {
                bar.inc(1);
                let (prev, next) = sentences.neighbours(i);
                let q = Query {
                    text: query,
                    prev,
                    next,
                };
                // The sentence is split into words once, for the look-up,
                // adaptation, the diff and the terms.
                let prepared = Prepared::new(query.as_str());
                let matches = suggest_prepared(view, &pair, q, &prepared, args.min, args.top);
                let words = words_of_tokens(&prepared.text, &prepared.tokens);
                let terms = find_terms(matcher, &prepared.text, &words, cache);
                let evidence = match judge_lines {
                    true => Scores::of_tokens(&prepared.text, prepared.tokens.iter().copied()),
                    false => Scores::default(),
                };
                let out = SuggestionOut {
                    number: i + 1,
                    query: query.clone(),
                    matches,
                    terms,
                };
                (out, evidence)
            },
        )
        .collect();
    bar.finish_and_clear();
    results
}

/// Runs `suggest`.
pub fn run(ctx: &mut Context, args: &SuggestArgs) -> Result<Outcome> {
    let format: Format = ctx.format("suggest")?;
    let input = args.file.clone().unwrap_or_else(|| PathBuf::from("-"));
    let (sentences, judge_lines, matcher) = read_and_compile(ctx, args, &input)?;
    let results = with_index(ctx, |view| {
        look_up(ctx, view, args, (&sentences, judge_lines), matcher.as_ref())
    });
    let judge = |evidence: &mut dyn Iterator<Item = Scores>| {
        if judge_lines {
            let all = evidence.fold(Scores::default(), |mut all, e| {
                all.add(&e);
                all
            });
            let tag = &ctx.global.source_lang;
            check_one_scores(ctx, &input, &all, tag, "--source-lang");
        }
    };
    let results = match results {
        Ok(results) => results,
        // A look-up that failed still says what language the text is in.
        Err(e) => {
            judge(&mut sentences.texts.iter().map(|t| Scores::of(t)));
            return Err(e);
        }
    };
    let (results, evidence): (Vec<SuggestionOut>, Vec<Scores>) = results.into_iter().unzip();
    judge(&mut evidence.into_iter());
    let summary = summary(&results);
    let results: Vec<SuggestionOut> = if args.matched_only {
        results
            .into_iter()
            .filter(|r| !r.matches.is_empty())
            .collect()
    } else {
        results
    };
    let mut text = match format {
        Format::Json => json(&results),
        Format::Md => markdown(&results),
        Format::Table => table(&results, ctx.out.wrap()),
    };
    if args.matched_only {
        match format {
            // JSON lines stay pure: the summary is a report on stderr.
            Format::Json => ctx.report(&summary),
            Format::Md => text.push_str(&format!("\n{summary}\n")),
            Format::Table => text.push_str(&ctx.out.wrap().line("", &summary)),
        }
    }
    ctx.out.write_str(&text)?;
    Ok(Outcome::Clean)
}

/// `12 sentences: 3 × 100%, 2 × 95-99%, 7 × no match`: the sentences per
/// band of their best match (the bands of `analyze`, empty ones left out).
fn summary(results: &[SuggestionOut]) -> String {
    let mut counts = [0usize; BANDS.len()];
    for r in results {
        let best = r.matches.first().map(|m| m.score);
        if let Some(c) = counts.get_mut(band(best)) {
            *c += 1;
        }
    }
    let parts: Vec<String> = BANDS
        .iter()
        .zip(counts)
        .filter(|&(_, n)| n > 0)
        .map(|(b, n)| match b.chars().next() {
            Some(c) if c.is_ascii_digit() && !b.ends_with('%') => format!("{n} × {b}%"),
            _ => format!("{n} × {b}"),
        })
        .collect();
    let n = results.len();
    let noun = if n == 1 { "sentence" } else { "sentences" };
    if parts.is_empty() {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}: {}", parts.join(", "))
    }
}

/// `text` with the byte ranges `spans` written between `open` and `close`
/// by `mark` (pieces outside and inside the spans go through `each`).
fn marked(
    text: &str,
    spans: &[[usize; 2]],
    each: &dyn Fn(&str) -> String,
    mark: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    let mut done = 0;
    for &[start, end] in spans {
        match (text.get(done..start), text.get(start..end)) {
            (Some(before), Some(inside)) => {
                out.push_str(&each(before));
                out.push_str(&mark(&each(inside)));
                done = end;
            }
            // Spans come from adaptation and always fit; never mark a misfit.
            _ => break,
        }
    }
    out.push_str(&each(text.get(done..).unwrap_or_default()));
    out
}

/// The translation shown with a match: the adapted one with its changed
/// parts marked by `mark`, else the memory's.
fn translation(
    m: &Suggestion,
    each: &dyn Fn(&str) -> String,
    mark: &dyn Fn(&str) -> String,
) -> String {
    match &m.adapted {
        Some(a) => marked(a, &m.adapted_spans, each, mark),
        None => each(&m.target),
    }
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
    for r in results {
        out.push_str(&format!("## {}. {}\n\n", r.number, esc(&r.query)));
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
                let mark = |t: &str| format!("<mark>{t}</mark>");
                out.push_str(&format!(
                    "| {score} | {src} | {} | {} |\n",
                    translation(m, &esc, &mark),
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
    // What adaptation changed in the translation: ⟦…⟧, yellow and underlined.
    let changed = Style::new()
        .fg_color(Some(AnsiColor::Yellow.into()))
        .underline();
    let mut out = String::new();
    for r in results {
        out.push_str(&wrap.line(
            &format!("{bold}{:>3}. ", r.number),
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
            let mark = |t: &str| format!("{changed}⟦{t}⟧{changed:#}");
            out.push_str(&wrap.line("     → ", &translation(m, &|t| t.to_owned(), &mark)));
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
