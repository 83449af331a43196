//! `satz glossary list|add|remove|import|export`

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use comfy_table::{ContentArrangement, Table, presets};

use super::{Context, Outcome, pending};
use crate::error::{Error, Result};
use crate::fsx::{self, MemoryLock};
use crate::glossary::{self, AddOutcome, MatchMode, Status, Term};

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
    /// Merge a TBX, OmegaT or CSV glossary into glossary.toml (not built yet).
    Import {
        /// The file to import.
        file: PathBuf,
    },
    /// Write the glossary as TBX, TSV or CSV (not built yet).
    Export,
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

const LIST_FORMATS: &[&str] = &["table", "json", "tsv"];

/// Runs a glossary command.
pub fn run(ctx: &mut Context, cmd: &GlossaryCommand) -> Result<Outcome> {
    let path = ctx.global.glossary.clone();
    match cmd {
        GlossaryCommand::List => list(ctx, &path),
        GlossaryCommand::Add(args) => add(ctx, &path, args),
        GlossaryCommand::Remove { de } => remove(ctx, &path, de),
        GlossaryCommand::Import { .. } => pending::not_built("glossary import"),
        GlossaryCommand::Export => pending::not_built("glossary export"),
    }
}

fn list(ctx: &mut Context, path: &Path) -> Result<Outcome> {
    let format = ctx.format("glossary list", LIST_FORMATS)?;
    let glossary = glossary::load(path)?;
    let mut out = String::new();
    match format {
        "json" => {
            for term in &glossary.terms {
                out.push_str(&glossary::to_json_line(term));
                out.push('\n');
            }
        }
        "tsv" => {
            for term in &glossary.terms {
                out.push_str(&format!(
                    "{}\t{}\t{}\n",
                    one_line(&term.de),
                    one_line(&term.en.join("; ")),
                    one_line(term.note.as_deref().unwrap_or_default())
                ));
            }
        }
        _ => {
            let mut table = Table::new();
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header([
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
    let _lock = MemoryLock::acquire(&parent(path))?;
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
    let _lock = MemoryLock::acquire(&parent(path))?;
    let text = fsx::read_text(path)?;
    let new = glossary::remove_term(&text, path, de.trim())?;
    fsx::write_atomic(path, new.as_bytes())?;
    ctx.report(format!("{}: {} removed", path.display(), de.trim()));
    Ok(Outcome::Clean)
}

fn read_or_empty(path: &Path) -> Result<String> {
    if path.exists() {
        fsx::read_text(path)
    } else {
        Ok(String::new())
    }
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}
