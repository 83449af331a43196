//! `satz concordance QUERY [--lang de|en]`: where the memory uses a word or
//! phrase, inflected forms included.

use anstyle::{AnsiColor, Style};
use clap::Args;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use super::input::with_index;
use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::text::fold_case;
use crate::text::tokenize::{TokenKind, tokenize};
use crate::tm::index::Field;

/// `concordance`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Hits highlighted, with the other side below.
    Table,
    /// One object per unit and line, with byte spans.
    Json,
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz concordance Diktatur                 also Diktaturen, der Diktatur
  satz concordance 'koreanische Halbinsel'
  satz concordance --lang en 'cannon fodder' --format json")]
pub struct ConcordanceArgs {
    /// The word or phrase; inflected forms count.
    pub query: String,
    /// Which side to search: de (source) or en (target).
    #[arg(long, default_value = "de", value_name = "de|en")]
    pub lang: String,
}

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

/// Finds `query` in `text`: consecutive words with the same stems
/// (Snowball, case-folded, ß = ss). Returns byte spans.
pub fn find(stemmer: &Stemmer, query: &[String], text: &str) -> Vec<(usize, usize)> {
    if query.is_empty() {
        return Vec::new();
    }
    let words: Vec<_> = tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .collect();
    let stems: Vec<String> = words
        .iter()
        .map(|t| stemmer.stem(&fold_case(t.text(text))).into_owned())
        .collect();
    let mut spans = Vec::new();
    for i in 0..stems.len() {
        if stems.get(i..i + query.len()).is_some_and(|w| w == query)
            && let (Some(a), Some(b)) = (words.get(i), words.get(i + query.len() - 1))
        {
            spans.push((a.start, b.end));
        }
    }
    spans
}

/// The stems of a query.
pub fn query_stems(stemmer: &Stemmer, query: &str) -> Vec<String> {
    tokenize(query)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| stemmer.stem(&fold_case(t.text(query))).into_owned())
        .collect()
}

/// Runs `concordance`.
pub fn run(ctx: &mut Context, args: &ConcordanceArgs) -> Result<Outcome> {
    let format: Format = ctx.format("concordance")?;
    let (field, algorithm) = match args.lang.to_ascii_lowercase().as_str() {
        "de" => (Field::Source, Algorithm::German),
        "en" => (Field::Target, Algorithm::English),
        other => return Err(Error::Usage(format!("--lang: '{other}' is not de or en"))),
    };
    let stemmer = Stemmer::create(algorithm);
    let query = query_stems(&stemmer, &crate::fsx::nfc(args.query.clone()));
    let folded: Vec<String> = query.clone();
    let hits = with_index(ctx, |view| {
        let mut hits = Vec::new();
        for u in 0..view.units {
            let text = view.text(u, field);
            // Cheap filter: every stem occurs in the case-folded text.
            let lower = fold_case(text);
            if !folded.iter().all(|s| lower.contains(s.as_str())) {
                continue;
            }
            let spans = find(&stemmer, &query, text);
            if !spans.is_empty() {
                hits.push(Hit {
                    source: view.text(u, Field::Source).to_owned(),
                    target: view.text(u, Field::Target).to_owned(),
                    origin: view.origin(u).0.to_owned(),
                    side: args.lang.to_ascii_lowercase(),
                    spans,
                });
            }
        }
        hits
    })?;
    let mut out = String::new();
    match format {
        Format::Json => {
            for h in &hits {
                out.push_str(&serde_json::to_string(h).unwrap_or_default());
                out.push('\n');
            }
        }
        Format::Table => {
            let hl = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
            let dim = Style::new().dimmed();
            for h in &hits {
                let (side, other) = if field == Field::Source {
                    (&h.source, &h.target)
                } else {
                    (&h.target, &h.source)
                };
                let mut at = 0;
                let mut line = String::new();
                for &(a, b) in &h.spans {
                    line.push_str(side.get(at..a).unwrap_or_default());
                    line.push_str(&format!("{hl}{}{hl:#}", side.get(a..b).unwrap_or_default()));
                    at = b;
                }
                line.push_str(side.get(at..).unwrap_or_default());
                out.push_str(&format!(
                    "{line}\n  {other}\n  {dim}{}{dim:#}\n\n",
                    h.origin
                ));
            }
            ctx.report(format!("{} unit(s)", hits.len()));
        }
    }
    ctx.out.write_str(&out)?;
    Ok(Outcome::Clean)
}
