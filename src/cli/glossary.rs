//! `satz glossary list|add|remove|import|export`

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use comfy_table::{Table, presets};

use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::error::{Location, Warning};
use crate::fsx::{self, MemoryLock};
use crate::glossary::exchange::{self, ExportFormat, SkipKind};
use crate::glossary::{self, AddOutcome, Glossary, MatchMode, Status, Term};
use crate::lang::Lang;

/// Manage glossary.toml.
///
/// Edits keep the comments, order and layout of a hand-edited file; new
/// terms are appended. The file is written atomically.
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// List the terms (formats: table, json, tsv).
    #[command(after_help = "Examples:
  satz glossary list
  satz glossary list --format json | jq .de")]
    List,
    /// Add a term, or merge new translations into an existing one.
    #[command(after_help = "Examples:
  satz glossary add Sippenhaft 'collective punishment' 'kin liability' --forbidden 'clan custody'
  satz glossary add Erbdiktatur 'hereditary dictatorship' --match 'Erb|diktatur' --status preferred")]
    Add(AddArgs),
    /// Remove a term (its German form, exactly as in the file).
    Remove {
        /// The German term.
        de: String,
    },
    /// Merge a TBX, OmegaT or CSV glossary into glossary.toml.
    ///
    /// Reads TBX (TBX-Basic, TBX-Min, TBX v3 and TBX 2008 / MARTIF),
    /// OmegaT tab-separated glossaries (source<TAB>target<TAB>comment) and
    /// CSV (by position, or with a header naming the languages). Terms are
    /// matched to the glossary's languages as --source-lang says: de takes
    /// DE-ch and de_AT, en-GB takes en-GB (or plain en), never en-US;
    /// preferred translations come first, deprecated ones become forbidden. New terms are appended, existing ones extended (nothing is
    /// overwritten or removed, comments stay); the file is created when
    /// missing, with --source-lang and --target-lang as its languages.
    /// MultiTerm XML, XLIFF and TMX are refused by name.
    #[command(after_help = "Examples:
  satz glossary import termbase.tbx
  satz glossary import omegat/glossary.txt
  satz --glossary fr.toml --source-lang en --target-lang fr glossary import terms.csv")]
    Import(ImportArgs),
    /// Write the glossary as TBX-Basic, OmegaT TSV or CSV (formats: tbx,
    /// tsv, csv; default tbx).
    ///
    /// tbx: TBX-Basic (TBX v3, ISO 30042:2019); the first approved
    /// translation is preferredTerm-admn-sts, the others admittedTerm-admn-sts,
    /// forbidden ones deprecatedTerm-admn-sts. tbx2008: the same as TBX-Basic
    /// 2008 (<martif>), the TBX that OmegaT and translate-toolkit read. tsv:
    /// OmegaT's german<TAB>english<TAB>comment, one line per approved
    /// translation, the note and "[forbidden: a; b]" in the first line's
    /// comment. omegat: the same for OmegaT's glossary folder (name it .txt:
    /// OmegaT ignores .tsv), or OmegaT's CSV glossary with -o NAME.csv (no
    /// header, quoted fields). csv: a
    /// header (de,en,note,forbidden,pos,status,forms,case_sensitive,match),
    /// one row per term, every field, lists joined by "; ".
    #[command(after_help = "Examples:
  satz glossary export -o glossary.tbx
  satz glossary export --format omegat -o omegat/glossary/glossary.txt
  satz glossary export --format tbx2008 -o glossary-2008.tbx
  satz glossary export --format csv > glossary.csv")]
    Export(GlossaryExportArgs),
}

/// `glossary import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (TBX, OmegaT .txt/.tab/.tsv, CSV; - for stdin).
    pub file: PathBuf,
}

/// `glossary export`.
#[derive(Debug, Args)]
pub struct GlossaryExportArgs {
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `glossary add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The German term in its dictionary form.
    pub de: String,
    /// Approved English translations, preferred first.
    #[arg(required = true)]
    pub en: Vec<String>,
    /// A translation that must not be used (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub forbidden: Vec<String>,
    /// A note for translators.
    #[arg(long)]
    pub note: Option<String>,
    /// Part of speech (noun, verb, adj, ...).
    #[arg(long)]
    pub pos: Option<String>,
    /// preferred, admitted or deprecated.
    #[arg(long)]
    pub status: Option<String>,
    /// An extra German surface form inflection rules would not find (repeatable).
    #[arg(long, value_name = "FORM")]
    pub form: Vec<String>,
    /// Match case exactly.
    #[arg(long)]
    pub case_sensitive: bool,
    /// stem (default), exact, prefix, or a custom stem such as 'Erb|diktatur'.
    #[arg(long = "match", value_name = "MODE")]
    pub match_mode: Option<String>,
}

/// `glossary list`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// A table for the terminal.
    Table,
    /// One object per term and line.
    Json,
    /// `german<TAB>english; english<TAB>note` per term.
    Tsv,
}

/// Runs a glossary command.
pub fn run(ctx: &mut Context, cmd: &GlossaryCommand) -> Result<Outcome> {
    let path = ctx.global.glossary.clone();
    match cmd {
        GlossaryCommand::List => list(ctx, &path),
        GlossaryCommand::Add(args) => add(ctx, &path, args),
        GlossaryCommand::Remove { de } => remove(ctx, &path, de),
        GlossaryCommand::Import(args) => import(ctx, &path, &args.file),
        GlossaryCommand::Export(args) => export(ctx, &path, args.output.as_deref()),
    }
}

fn list(ctx: &mut Context, path: &Path) -> Result<Outcome> {
    let format: ListFormat = ctx.format("glossary list")?;
    let glossary = glossary::load(path)?;
    let mut out = String::new();
    match format {
        ListFormat::Json => {
            for term in &glossary.terms {
                out.push_str(&glossary::to_json_line(term));
                out.push('\n');
            }
        }
        ListFormat::Tsv => {
            for term in &glossary.terms {
                out.push_str(&format!(
                    "{}\t{}\t{}\n",
                    one_line(&term.de),
                    one_line(&term.en.join("; ")),
                    one_line(term.note.as_deref().unwrap_or_default())
                ));
            }
        }
        ListFormat::Table => {
            let mut table = Table::new();
            table.load_style(presets::UTF8_FULL_CONDENSED).set_header([
                "German",
                "English (preferred first)",
                "Forbidden",
                "Status",
                "Note",
            ]);
            for t in &glossary.terms {
                table.add_row([
                    t.de.clone(),
                    t.en.join("\n"),
                    t.forbidden.join("\n"),
                    t.status.map(|s| s.to_string()).unwrap_or_default(),
                    t.note.clone().unwrap_or_default(),
                ]);
            }
            super::wrap::fit_table(&mut table, ctx.out.wrap().width);
            out.push_str(&table.to_string());
            out.push('\n');
        }
    }
    ctx.out.write_str(&out)?;
    Ok(Outcome::Clean)
}

fn add(ctx: &mut Context, path: &Path, args: &AddArgs) -> Result<Outcome> {
    let mut term = Term::new(args.de.trim(), args.en.iter().map(|s| s.trim().to_owned()));
    term.forbidden = args.forbidden.iter().map(|s| s.trim().to_owned()).collect();
    term.note = args.note.clone();
    term.pos = args.pos.clone();
    term.forms = args.form.clone();
    term.case_sensitive = args.case_sensitive;
    if let Some(s) = &args.status {
        term.status = Some(
            s.parse::<Status>()
                .map_err(|e| Error::Usage(format!("--status: {e}")))?,
        );
    }
    if let Some(m) = &args.match_mode {
        term.match_mode =
            MatchMode::from_toml(m, &term.de).map_err(|e| Error::Usage(format!("--match: {e}")))?;
    }
    let _lock = MemoryLock::for_file(path)?;
    let text = read_or_empty(path)?;
    let result = glossary::add_term(&text, path, &term)?;
    let what = match &result.outcome {
        AddOutcome::Added => "added",
        AddOutcome::Merged(_) => "merged into the existing entry",
        AddOutcome::Unchanged => "already there, unchanged",
    };
    if result.outcome != AddOutcome::Unchanged {
        fsx::write_atomic(path, result.text.as_bytes())?;
    }
    ctx.report(format!("{}: {} {what}", path.display(), term.de));
    Ok(Outcome::Clean)
}

fn remove(ctx: &mut Context, path: &Path, de: &str) -> Result<Outcome> {
    let _lock = MemoryLock::for_file(path)?;
    let text = fsx::read_text(path)?;
    let new = glossary::remove_term(&text, path, de.trim())?;
    fsx::write_atomic(path, new.as_bytes())?;
    ctx.report(format!("{}: {} removed", path.display(), de.trim()));
    Ok(Outcome::Clean)
}

/// `glossary export`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportAs {
    /// TBX-Basic, TBX v3 (the default).
    Tbx,
    /// TBX-Basic 2008 (`<martif>`): what OmegaT and translate-toolkit read.
    Tbx2008,
    /// OmegaT's `german<TAB>english<TAB>comment`.
    Tsv,
    /// OmegaT's glossary file (tab-separated; with -o, name it .txt).
    Omegat,
    /// A header row, then a row per term.
    Csv,
}

/// `glossary import FILE`: reads the file first (nothing is written when it
/// is broken), then merges under the lock of the glossary's folder.
fn import(ctx: &mut Context, path: &Path, file: &Path) -> Result<Outcome> {
    let imported = exchange::read_file(file, ctx.encoding)?;
    let _lock = MemoryLock::for_file(path)?;
    let text = read_or_empty(path)?;
    let (source, target) = import_languages(ctx, path, &text)?;
    let outcome = exchange::merge_entries(&text, path, &source, &target, &imported.entries)?;
    let langs = imported.languages();
    let imported_any =
        !outcome.added.is_empty() || !outcome.merged.is_empty() || outcome.unchanged > 0;
    // When no entry holds the pair, one summary line says so instead of a
    // warning per entry.
    let no_pair = !imported_any && !langs.is_empty();
    let mut warnings = imported.warnings.clone();
    warnings.extend(
        outcome
            .skipped
            .iter()
            .filter(|s| !(no_pair && s.kind != SkipKind::Invalid))
            .map(|s| Warning {
                location: Location::line(file, s.line),
                message: format!("skipped: {}", s.reason),
            }),
    );
    ctx.warn_all(&warnings);
    if outcome.changed {
        fsx::write_atomic(path, outcome.text.as_bytes())?;
    }
    let count = |k: SkipKind| outcome.skipped.iter().filter(|s| s.kind == k).count();
    let mut why = Vec::new();
    for (kind, label) in [
        (SkipKind::NoSource, format!("without {source}")),
        (SkipKind::NoTarget, format!("without {target}")),
        (SkipKind::Invalid, "invalid or conflicting".to_owned()),
    ] {
        let n = count(kind);
        if n > 0 {
            why.push(format!("{n} {label}"));
        }
    }
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(" ({})", why.join(", "))
    };
    ctx.report(format!(
        "{}: {} entries read ({}); {}: {} added, {} merged, {} unchanged, {} skipped{why}",
        file.display(),
        outcome.entries,
        imported.format,
        path.display(),
        outcome.added.len(),
        outcome.merged.len(),
        outcome.unchanged,
        outcome.skipped.len(),
    ));
    if no_pair {
        ctx.report(format!(
            "{}: no entry holds both {source} and {target}: the file holds {} (choose the pair with --source-lang and --target-lang for a new glossary)",
            file.display(),
            langs.join(", ")
        ));
    }
    Ok(Outcome::Clean)
}

/// The glossary's languages: its own `[glossary]` pair when the file has
/// content, else --source-lang and --target-lang. Options that name another
/// pair than an existing glossary's are refused.
fn import_languages(ctx: &Context, path: &Path, text: &str) -> Result<(String, String)> {
    let (cli_source, cli_target) = (&ctx.global.source_lang, &ctx.global.target_lang);
    if text.trim().is_empty() {
        return Ok((
            cli_source.as_str().to_owned(),
            cli_target.as_str().to_owned(),
        ));
    }
    let existing = Glossary::parse(text, path)?;
    let defaults = cli_source.as_str() == "de" && cli_target.as_str() == "en";
    let matches = cli_source.same(&Lang::new(&existing.source_lang))
        && cli_target.same(&Lang::new(&existing.target_lang));
    if !(defaults || matches) {
        return Err(Error::Usage(format!(
            "{} is a {} -> {} glossary; --source-lang {cli_source} --target-lang {cli_target} name another pair",
            path.display(),
            existing.source_lang,
            existing.target_lang
        )));
    }
    Ok((existing.source_lang, existing.target_lang))
}

/// What OmegaT will not read as written: a file name it ignores, terms
/// starting with `#` (see [`exchange::omegat_hash_terms`]).
fn omegat_warnings(ctx: &Context, path: &Path, glossary: &Glossary, output: Option<&Path>) {
    let mut warnings = Vec::new();
    if let Some(o) = output
        && !exchange::omegat_loads(o)
    {
        warnings.push(Warning {
            location: Location::file(o),
            message: "OmegaT loads a glossary only from a file named .txt, .tab, .utf8 (tab-separated) or .csv; it ignores this one".to_owned(),
        });
    }
    let hash = exchange::omegat_hash_terms(glossary);
    if !hash.is_empty() {
        warnings.push(Warning {
            location: Location::file(path),
            message: format!(
                "{} written after a space, because OmegaT reads a line starting with # as a comment: OmegaT 4 and later drop the space, OmegaT 3.6 keeps it (a .csv output name writes OmegaT's CSV glossary, which every version reads right)",
                hash.join(", ")
            ),
        });
    }
    ctx.warn_all(&warnings);
}

/// `glossary export [-o FILE]`.
fn export(ctx: &mut Context, path: &Path, output: Option<&Path>) -> Result<Outcome> {
    let format = match ctx.format("glossary export")? {
        ExportAs::Tbx => ExportFormat::Tbx,
        ExportAs::Tbx2008 => ExportFormat::Tbx2008,
        ExportAs::Tsv => ExportFormat::Tsv,
        ExportAs::Omegat => exchange::omegat_format_for(output),
        ExportAs::Csv => ExportFormat::Csv,
    };
    let glossary = glossary::load(path)?;
    if format == ExportFormat::Omegat {
        // The tab-separated layout (OmegaT's CSV layout has no pitfalls).
        omegat_warnings(ctx, path, &glossary, output);
    }
    let text = exchange::export(&glossary, format)?;
    match output {
        Some(o) => fsx::write_atomic(o, text.as_bytes())?,
        None => ctx.out.write_str(&text)?,
    }
    ctx.report(format!(
        "{}: {} terms exported",
        path.display(),
        glossary.terms.len()
    ));
    Ok(Outcome::Clean)
}

fn read_or_empty(path: &Path) -> Result<String> {
    if path.exists() {
        fsx::read_text(path)
    } else {
        Ok(String::new())
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}
