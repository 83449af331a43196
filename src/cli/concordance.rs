//! `satz concordance QUERY [--lang de|en]`: where the memory uses a word or
//! phrase, inflected forms included.

use anstyle::{AnsiColor, Style};
use clap::Args;

use super::input::with_index;
use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::tm::concordance::Concordance;

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

/// Runs `concordance`.
pub fn run(ctx: &mut Context, args: &ConcordanceArgs) -> Result<Outcome> {
    let format: Format = ctx.format("concordance")?;
    let english = match args.lang.to_ascii_lowercase().as_str() {
        "de" => false,
        "en" => true,
        other => return Err(Error::Usage(format!("--lang: '{other}' is not de or en"))),
    };
    let concordance = Concordance::new(&crate::fsx::nfc(args.query.clone()), english);
    let hits = with_index(ctx, |view| concordance.search(view))?;
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
                let (side, other) = if !english {
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
