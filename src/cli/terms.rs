//! `satz terms [--format table|md|csv|tbx|html] [--extract [--min-freq N] [--top K] [--names]]`

use std::path::Path;

use clap::Args;

use super::{Context, Outcome};
use crate::error::Result;
use crate::glossary::Glossary;
use crate::terms::{self, ExtractOptions, Flavour, UnitText, UsageCounter, render};

/// `terms`' output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A table for the terminal.
    Table,
    /// A Markdown pipe table.
    Md,
    /// CSV with a header row.
    Csv,
    /// TBX-Basic with example contexts.
    Tbx,
    /// A self-contained page.
    Html,
}

/// `terms --extract`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExtractFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown pipe table.
    Md,
    /// CSV with a header row.
    Csv,
    /// TBX-Basic, unreviewed.
    Tbx,
}

/// The table `terms` writes, in the format asked for.
enum Chosen {
    /// The term table.
    Terms(Format),
    /// The candidates of `--extract`.
    Extract(ExtractFormat),
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz terms                                  the term table on the terminal
  satz terms --format html > terms.html       a page to search, print or share
  satz terms --format csv > terms.csv         for a spreadsheet
  satz terms --extract --top 30               candidates for new glossary entries
  satz terms --extract --names                the names (places, people, bodies) apart
  satz terms --extract --format tbx > new.tbx && satz glossary import new.tbx")]
pub struct TermsArgs {
    /// Propose new term candidates from memory instead of the term table.
    #[arg(long)]
    pub extract: bool,
    /// With --extract: the least number of units a candidate occurs in.
    #[arg(long, default_value_t = 2, value_name = "N", requires = "extract")]
    pub min_freq: usize,
    /// With --extract: at most K candidates.
    #[arg(long, default_value_t = 20, value_name = "K", requires = "extract")]
    pub top: usize,
    /// With --extract: the names (places, people, organisations) instead
    /// of the terms.
    #[arg(long, requires = "extract")]
    pub names: bool,
}

/// Runs `terms`.
pub fn run(ctx: &mut Context, args: &TermsArgs) -> Result<Outcome> {
    let chosen = if args.extract {
        Chosen::Extract(ctx.format("terms --extract")?)
    } else {
        Chosen::Terms(ctx.format("terms")?)
    };
    let path = ctx.global.glossary.clone();
    let glossary = if path.exists() {
        crate::glossary::load(&path)?
    } else {
        ctx.report(format!("{}: not found; no glossary terms", path.display()));
        Glossary {
            source_lang: ctx.global.source_lang.as_str().to_owned(),
            target_lang: ctx.global.target_lang.as_str().to_owned(),
            terms: Vec::new(),
            ..Glossary::default()
        }
    };
    let text = match chosen {
        Chosen::Extract(format) => extract(ctx, args, &glossary, format)?,
        Chosen::Terms(format) => term_table(ctx, &path, &glossary, format)?,
    };
    ctx.out.write_str(&text)?;
    Ok(Outcome::Clean)
}

/// `file:line` of a unit, when known.
fn origin(u: &crate::tm::Unit) -> Option<String> {
    u.origin.as_ref().map(|o| format!("{}:{}", o.file, o.line))
}

/// `terms --extract`: candidates from the memory in `format`.
fn extract(
    ctx: &Context,
    args: &TermsArgs,
    glossary: &Glossary,
    format: ExtractFormat,
) -> Result<String> {
    let memory = ctx.memory();
    // Extraction reads the units several times: hold their text.
    let mut units: Vec<UnitText> = Vec::new();
    let loaded = memory.for_each_unit(|u| {
        units.push(UnitText {
            source: u.source_text(),
            target: u.target_text(),
            origin: origin(&u),
        });
    })?;
    ctx.warn_all(&loaded.warnings);
    let candidates = terms::extract(
        &units,
        glossary,
        ExtractOptions {
            min_freq: args.min_freq,
            top: args.top,
            names: args.names,
        },
    );
    ctx.report(format!(
        "{} {}(s) from {} unit(s) in {}",
        candidates.len(),
        if args.names { "name" } else { "candidate" },
        units.len(),
        memory.dir.display()
    ));
    let table = |flavour| {
        table_text(
            &render::candidate_table(&candidates, glossary, flavour),
            flavour,
        )
    };
    Ok(match format {
        ExtractFormat::Table => super::terms_table::candidates(
            &render::candidate_table(&candidates, glossary, Flavour::Terminal),
            ctx.out.wrap().width,
        ),
        ExtractFormat::Md => table(Flavour::Markdown)?,
        ExtractFormat::Csv => table(Flavour::Csv)?,
        ExtractFormat::Tbx => render::candidate_tbx(&candidates, glossary),
    })
}

/// `terms`: the glossary's terms with their use in the memory, in
/// `format`; `path` is the glossary's, for the HTML page's title.
fn term_table(ctx: &Context, path: &Path, glossary: &Glossary, format: Format) -> Result<String> {
    let memory = ctx.memory();
    // The term table streams the memory: one unit at a time.
    let mut counter = UsageCounter::new(glossary);
    let loaded = memory.for_each_unit(|u| {
        counter.add(&u.source_text(), &u.target_text(), origin(&u));
    })?;
    ctx.warn_all(&loaded.warnings);
    let units = counter.units_seen();
    let usage = counter.finish();
    let found = usage.iter().filter(|u| u.units > 0).count();
    ctx.report(format!(
        "{} term(s), {found} found in memory ({units} unit(s) read)",
        glossary.terms.len(),
    ));
    let table = |flavour| table_text(&render::term_table(glossary, &usage, flavour), flavour);
    Ok(match format {
        Format::Table => super::terms_table::terms(glossary, &usage, ctx.out.wrap().width),
        Format::Md => table(Flavour::Markdown)?,
        Format::Csv => table(Flavour::Csv)?,
        Format::Tbx => render::term_tbx(glossary, &usage),
        Format::Html => terms::html::page(&path.display().to_string(), glossary, &usage, units),
    })
}

/// A Markdown or CSV table (the terminal's are drawn by
/// [`super::terms_table`]).
fn table_text(table: &terms::TableData, flavour: Flavour) -> Result<String> {
    Ok(match flavour {
        Flavour::Csv => table.to_csv()?,
        Flavour::Markdown | Flavour::Terminal => table.to_markdown(),
    })
}
