//! `satz concordance QUERY [--lang de|en]`: where the memory uses a word or
//! phrase, inflected forms, German compounds and wildcards included (the
//! rules are in [`crate::tm::concordance`]).

use anstyle::{AnsiColor, Style};
use clap::Args;

use super::input::with_index;
use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::tm::concordance::{Concordance, MatchKind};

/// `concordance`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Hits highlighted, with the other side below.
    Table,
    /// One object per unit and line, with byte spans and `match`.
    Json,
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz concordance Diktatur                 also Diktaturen, Militärdiktatur
  satz concordance 'koreanische Halbinsel'
  satz concordance '*lotse*'                any word holding 'lotse'
  satz concordance --lang en 'cannon fodder' --format json")]
pub struct ConcordanceArgs {
    /// The word or phrase; inflected forms and German compounds count; `*`
    /// and `?` make a letter pattern over one word.
    pub query: String,
    /// Which side to search: de (source) or en (target).
    #[arg(long, default_value = "de", value_name = "de|en")]
    pub lang: String,
}

/// Runs `concordance`.
pub fn run(ctx: &mut Context, args: &ConcordanceArgs) -> Result<Outcome> {
    let format: Format = ctx.format("concordance")?;
    let english = match args.lang.to_ascii_lowercase().as_str() {
        "de" => false,
        "en" => true,
        other => return Err(Error::Usage(format!("--lang: '{other}' is not de or en"))),
    };
    let concordance = Concordance::new(&crate::fsx::nfc(args.query.clone()), english);
    if concordance.letterless() {
        return Err(Error::Usage(format!(
            "'{}': a pattern needs at least one letter; '*' or '?' alone would list the whole memory",
            args.query
        )));
    }
    let hits = with_index(ctx, |view| concordance.search(view))?;
    let mut out = String::new();
    match format {
        Format::Json => {
            for h in &hits {
                #[allow(
                    clippy::expect_used,
                    reason = "a struct of strings and spans with derived Serialize always serialises"
                )]
                let line = serde_json::to_string(h).expect("a hit serialises");
                out.push_str(&line);
                out.push('\n');
            }
        }
        Format::Table => {
            let hl = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
            let dim = Style::new().dimmed();
            let wrap = ctx.out.wrap();
            for h in &hits {
                let (side, other) = if !english {
                    (&h.source, &h.target)
                } else {
                    (&h.target, &h.source)
                };
                // Spans overlap where the query repeats (`a a` in `a a a`):
                // highlight marks the first and never prints text twice.
                let line = super::check::highlight(side, &h.spans, hl);
                let mark = match h.kind {
                    MatchKind::Word => "",
                    MatchKind::Compound => "  [compound part]",
                };
                // The hit's side from the margin, the other side and the
                // origin indented, each wrapped under itself.
                out.push_str(&wrap.line("", &line));
                out.push_str(&wrap.line("  ", other));
                out.push_str(
                    &wrap.line(&format!("  {dim}"), &format!("{}{dim:#}{mark}", h.origin)),
                );
                out.push('\n');
            }
            let compound = hits
                .iter()
                .filter(|h| h.kind == MatchKind::Compound)
                .count();
            ctx.report(format!(
                "{} unit(s), {compound} of them only as a compound part",
                hits.len()
            ));
        }
    }
    ctx.out.write_str(&out)?;
    Ok(Outcome::Clean)
}
