//! `satz check [DE EN] [--segmented] [--ignore CODE]... [--fail-on WHAT] [--changed REV]`
//!
//! The checks are the library's ([`crate::check`]), and so are the CI
//! formats ([`crate::report::github`], [`crate::report::junit`]); this
//! file reads the inputs, says where each checked unit is ([`UnitPlace`]:
//! the memory file and its `<tu>`'s line, or the German file and the
//! sentence's line), and with `--changed` keeps what involves a unit new
//! since the revision ([`crate::check::changed`], the files from git
//! through [`super::git`]).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use clap::Args;

use super::align::LinkText;
use super::check_changed as changed;
use super::input::{Sentences, read_sentences_of};
use super::wrap::Wrap;
use super::{Context, Outcome};
use crate::check::changed::{Baseline, involving_new};
use crate::check::{
    AlignedLink, CheckOptions, Checker, Code, FailOn, FailPolicy, Finding, Pair, Severity,
    to_json_line,
};
use crate::error::{Error, Location, Result};
use crate::glossary::Glossary;
use crate::report::{self, UnitPlace};

/// `check`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Format {
    /// Findings grouped by unit, spans highlighted.
    Table,
    /// One finding per line, with its evidence.
    Json,
    /// GitHub Actions workflow commands: an annotation per finding on its
    /// file and line.
    Github,
    /// JUnit XML (GitLab, Jenkins): a test per unit, a failure per unit
    /// that fails the check.
    Junit,
}

pub use crate::check::ACCEPT_PROP;

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz check                                         the whole memory
  satz check article.de.txt article.en.txt           a translation, aligned first
  satz check de.txt en.txt --segmented --format json
  satz check --ignore double-space --ignore doubled-word
  satz check --fail-on error,term-missing            errors and missing terms fail the build
  satz check --changed origin/main --format github   a pull request's new units, as annotations
  satz check --format junit > satz-check.xml         a test report for GitLab or Jenkins

Codes: untranslated, term-forbidden, term-missing, term-deprecated, number-mismatch,
date-mismatch, number-format, date-format, unbalanced-brackets, unbalanced-quotes,
doubled-word, double-space, punctuation-end, inconsistent-translation,
inconsistent-source, omission, addition. omission and addition need DE EN: a German
sentence the alignment finds no translation for, an English sentence with no German
source, also inside a merged link. Each finding is an error (satz is confident a
reviewer must act) or a warning (uncertain evidence); docs/commands.md says which,
and the JSON's evidence field says why. Exit 1 when a finding fails the check
(--fail-on, default: errors). Accept a finding for one memory unit with
<prop type=\"x-satz-accept\">number-mismatch</prop> (codes comma-separated, * for all).")]
pub struct CheckArgs {
    /// The German text (with EN); without files the whole memory is checked.
    #[arg(requires = "en")]
    pub de: Option<PathBuf>,
    /// The English translation.
    pub en: Option<PathBuf>,
    /// Both files hold one sentence per line.
    #[arg(long)]
    pub segmented: bool,
    /// Do not report this code (repeatable).
    #[arg(long, value_name = "CODE", value_parser = parse_code)]
    pub ignore: Vec<Code>,
    /// Which findings fail the check (exit 1): `error` (the default),
    /// `warning` (any finding), `none`, or codes; comma-separated or
    /// repeated, they add up (`error,term-missing`). Overrides `fail_on` in
    /// the glossary's [check] table.
    #[arg(long, value_name = "WHAT", value_delimiter = ',', value_parser = parse_fail_on)]
    pub fail_on: Vec<FailOn>,
    /// Only the memory units added or changed since the git revision REV
    /// (HEAD, origin/main, a tag): a unit whose text or acceptance differs
    /// from every unit of the memory at REV. A finding that involves
    /// several units (inconsistent-*) counts when one of them is new.
    #[arg(long, value_name = "REV", conflicts_with = "de")]
    pub changed: Option<String>,
}

/// What a check found, and in which units.
struct Checked {
    /// The findings reported.
    findings: Vec<Finding>,
    /// The units checked, in order (with `--changed`, the new ones).
    places: Vec<UnitPlace>,
}

/// Runs `check`. The whole memory (without `--changed`) is checked as a
/// stream ([`super::check_stream`]): each chunk's findings are written as
/// they are found. JUnit needs the whole set first (its header counts the
/// failures), and so do a document and `--changed` (which keeps what
/// involves a new unit): these collect every finding.
pub fn run(ctx: &mut Context, args: &CheckArgs) -> Result<Outcome> {
    let format: Format = ctx.format("check")?;
    let glossary = load_glossary(ctx)?;
    let policy = fail_policy(ctx, args, &glossary)?;
    let checker = Checker::for_langs(&glossary, &ctx.pair());
    if args.de.is_none() && args.changed.is_none() && format != Format::Junit {
        let tally = super::check_stream::memory(ctx, &checker, args, format, &policy)?;
        return Ok(summary(ctx, args, &policy, &tally));
    }
    let Checked { findings, places } = match (&args.de, &args.en) {
        (Some(de), Some(en)) => check_document(ctx, &checker, args, de, en)?,
        _ => check_memory(ctx, &checker, args)?,
    };
    let mut tally = Tally {
        units: places.len(),
        ..Tally::default()
    };
    tally.count(&findings, &policy);
    let text = match format {
        Format::Json => findings.iter().map(|f| to_json_line(f) + "\n").collect(),
        Format::Table => table(&findings, ctx.global.verbose > 0, ctx.out.wrap()),
        Format::Github => report::github::annotations(&findings, &places, &policy),
        Format::Junit => report::junit::report(&findings, &places, &policy),
    };
    ctx.out.write_str(&text)?;
    if let (Some(rev), true) = (&args.changed, places.is_empty()) {
        ctx.report(format!(
            "nothing to check: no unit was added or changed in {} since {rev}",
            ctx.global.memory.display()
        ));
        return Ok(Outcome::Clean);
    }
    Ok(summary(ctx, args, &policy, &tally))
}

/// What the summary line and the exit code need of a check's findings.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Units checked.
    pub(super) units: usize,
    /// Findings reported.
    pub(super) findings: usize,
    /// Of which errors.
    pub(super) errors: usize,
    /// Of which fail the check.
    pub(super) failing: usize,
}

impl Tally {
    /// Counts `findings` in.
    pub(super) fn count(&mut self, findings: &[Finding], policy: &FailPolicy) {
        self.findings += findings.len();
        self.errors += findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        self.failing += findings.iter().filter(|f| policy.fails(f)).count();
    }
}

/// The summary on stderr and the outcome: findings when one fails the check.
fn summary(ctx: &Context, args: &CheckArgs, policy: &FailPolicy, tally: &Tally) -> Outcome {
    let gate = if *policy == FailPolicy::default() {
        String::new()
    } else {
        format!(
            "; {} fail the check (fail-on: {})",
            tally.failing,
            policy.describe()
        )
    };
    let since = args.changed.as_ref().map_or_else(String::new, |rev| {
        format!(" (added or changed since {rev})")
    });
    ctx.report(format!(
        "{} unit(s) checked{since}: {} error(s), {} warning(s){gate}",
        tally.units,
        tally.errors,
        tally.findings - tally.errors
    ));
    if tally.failing > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// The glossary (none is an empty one), warning about tables a newer satz
/// wrote.
fn load_glossary(ctx: &Context) -> Result<Glossary> {
    let glossary = if ctx.global.glossary.exists() {
        crate::glossary::load(&ctx.global.glossary)?
    } else {
        Glossary::default()
    };
    for (name, at) in &glossary.unknown_tables {
        ctx.report(format!(
            "warning: {}:{at}: [{name}] is not known to satz {}; ignored",
            ctx.global.glossary.display(),
            env!("CARGO_PKG_VERSION")
        ));
    }
    Ok(glossary)
}

/// A translation, aligned, checked link by link.
fn check_document(
    ctx: &Context,
    checker: &Checker<'_>,
    args: &CheckArgs,
    de: &Path,
    en: &Path,
) -> Result<Checked> {
    let opts = CheckOptions {
        ignore: args.ignore.clone(),
        accepted: Vec::new(),
    };
    let (src, tgt, links) = document_links(ctx, de, en, args.segmented)?;
    let aligned = aligned_links(&src, &tgt, &links);
    let places = links
        .iter()
        .zip(&aligned)
        .map(|(l, a)| {
            let (file, line) = match (l.source.first(), l.target.first()) {
                (Some(&i), _) => (de, src.lines.get(i)),
                (None, Some(&j)) => (en, tgt.lines.get(j)),
                (None, None) => (de, None),
            };
            UnitPlace {
                unit: a.id.clone(),
                file: shown_path(file),
                line: line.copied(),
            }
        })
        .collect();
    Ok(Checked {
        findings: checker.check_document(&aligned, &opts),
        places,
    })
}

/// The memory checked (with `--changed`, only what involves its new units).
fn check_memory(ctx: &Context, checker: &Checker<'_>, args: &CheckArgs) -> Result<Checked> {
    let baseline = match &args.changed {
        Some(rev) => Some(changed::baseline(ctx, rev)?),
        None => None,
    };
    let mut opts = CheckOptions {
        ignore: args.ignore.clone(),
        accepted: Vec::new(),
    };
    let units = memory_units(ctx, &mut opts, baseline.as_ref())?;
    let pairs: Vec<Pair<'_>> = units
        .iter()
        .map(|u| Pair::new(u.place.unit.clone(), &u.source, &u.target))
        .collect();
    // Every unit is checked, so that a new unit is compared with the old.
    let findings = checker.check(&pairs, &opts);
    let (findings, units) = match baseline {
        None => (findings, units),
        Some(_) => {
            let new: HashSet<&str> = units
                .iter()
                .filter(|u| u.new)
                .map(|u| u.place.unit.as_str())
                .collect();
            let findings = involving_new(findings, |id| new.contains(id));
            // The new units, and the old ones a kept finding is reported
            // on (a new unit inconsistent with an old one): every finding
            // needs its unit's place in the JUnit and GitHub reports.
            let reported: HashSet<&str> = findings.iter().map(|f| f.unit.as_str()).collect();
            let units = units
                .into_iter()
                .filter(|u| u.new || reported.contains(u.place.unit.as_str()))
                .collect();
            (findings, units)
        }
    };
    Ok(Checked {
        findings,
        places: units.into_iter().map(|u| u.place).collect(),
    })
}

/// A memory unit to check.
pub(super) struct MemoryUnit {
    /// Its id (`file:line`) and where it is.
    pub(super) place: UnitPlace,
    /// Its source text.
    pub(super) source: String,
    /// Its target text.
    pub(super) target: String,
    /// Not in the memory at `--changed`'s revision (always, without it).
    new: bool,
}

/// The memory's units, reported as `file:line`; acceptances come from each
/// unit's `x-satz-accept` prop; with a baseline, whether each is new.
fn memory_units(
    ctx: &Context,
    opts: &mut CheckOptions,
    baseline: Option<&Baseline>,
) -> Result<Vec<MemoryUnit>> {
    let mut out = Vec::new();
    read_memory(ctx, opts, baseline, |u| out.push(u))?;
    Ok(out)
}

/// [`memory_units`], each handed to `each` as it is read (an error when
/// there is none).
pub(super) fn read_memory(
    ctx: &Context,
    opts: &mut CheckOptions,
    baseline: Option<&Baseline>,
    mut each: impl FnMut(MemoryUnit),
) -> Result<()> {
    let memory = ctx.memory();
    let mut count = 0usize;
    let mut unknown = Vec::new();
    let dir = shown_path(&memory.dir);
    let loaded = memory.for_each_unit(|u| {
        let (id, place) = match &u.origin {
            Some(o) if dir.is_empty() => (
                format!("{}:{}", o.file, o.line),
                (o.file.clone(), Some(o.line)),
            ),
            Some(o) => (
                format!("{}:{}", o.file, o.line),
                (
                    format!("{}/{}", dir.trim_end_matches('/'), o.file),
                    Some(o.line),
                ),
            ),
            None => (u.id(), (dir.clone(), None)),
        };
        if let Some(codes) = u.prop(ACCEPT_PROP) {
            for code in codes.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                match code {
                    "*" => opts.accepted.push((id.clone(), None)),
                    _ => match code.parse::<Code>() {
                        Ok(c) => opts.accepted.push((id.clone(), Some(c))),
                        Err(e) => unknown.push(format!("{id}: {ACCEPT_PROP}: {e}")),
                    },
                }
            }
        }
        count += 1;
        each(MemoryUnit {
            new: baseline.is_none_or(|b| b.is_new(&u)),
            source: u.source_text(),
            target: u.target_text(),
            place: UnitPlace {
                unit: id,
                file: place.0,
                line: place.1,
            },
        });
    })?;
    ctx.warn_all(&loaded.warnings);
    for w in unknown {
        ctx.report(format!("warning: {w}"));
    }
    if count == 0 {
        let why = if !memory.dir.is_dir() {
            "the memory folder does not exist".to_owned()
        } else if loaded.files == 0 {
            "it holds no TMX file".to_owned()
        } else {
            format!(
                "no unit of its {} TMX file(s) holds both {} and {}",
                loaded.files, memory.pair.source, memory.pair.target
            )
        };
        return Err(Error::input(
            Location::file(&memory.dir),
            format!("no units to check: {why}"),
        ));
    }
    Ok(())
}

/// A path as CI systems want it: relative to the working folder when it
/// is inside it, without `./`, `/` between folders.
fn shown_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = cwd
        .as_deref()
        .and_then(|d| path.strip_prefix(d).ok())
        .unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if rel.has_root() {
        // `/` then the rest: the root component is already a `/`.
        format!("/{}", parts.get(1..).unwrap_or_default().join("/"))
    } else {
        parts.join("/")
    }
}

/// A translated document pair, split into sentences and aligned.
fn document_links(
    ctx: &Context,
    de: &std::path::Path,
    en: &std::path::Path,
    segmented: bool,
) -> Result<(Sentences, Sentences, Vec<LinkText>)> {
    let de_text = ctx.read_input(de)?;
    let en_text = ctx.read_input(en)?;
    let src = read_sentences_of(ctx, de, &de_text, segmented, &ctx.global.source_lang)?;
    let tgt = read_sentences_of(ctx, en, &en_text, segmented, &ctx.global.target_lang)?;
    super::language::check_pair(
        ctx,
        "check",
        super::language::Input {
            path: de,
            text: &de_text,
        },
        super::language::Input {
            path: en,
            text: &en_text,
        },
        super::language::Guard::Show,
    )?;
    let links = super::align::align_sentences(ctx, &src, &tgt, segmented)?;
    Ok((src, tgt, links))
}

/// The links as the checks see them, reported by link number (1-based).
fn aligned_links<'a>(
    src: &'a Sentences,
    tgt: &'a Sentences,
    links: &[LinkText],
) -> Vec<AlignedLink<'a>> {
    let texts = |s: &'a Sentences, idx: &[usize]| -> Vec<&'a str> {
        idx.iter()
            .filter_map(|&i| s.texts.get(i).map(String::as_str))
            .collect()
    };
    let positions = |side: &[usize], which: &[usize]| -> Vec<usize> {
        which
            .iter()
            .filter_map(|w| side.iter().position(|i| i == w))
            .collect()
    };
    links
        .iter()
        .enumerate()
        .map(|(i, l)| AlignedLink {
            id: (i + 1).to_string(),
            source: texts(src, &l.source),
            target: texts(tgt, &l.target),
            omitted: positions(&l.source, &l.omitted),
            added: positions(&l.target, &l.added),
        })
        .collect()
}

/// The fail-on policy: `--fail-on`, else the glossary's `[check] fail_on`
/// (an unknown value there is an error at its line and column), else
/// errors.
fn fail_policy(ctx: &Context, args: &CheckArgs, glossary: &Glossary) -> Result<FailPolicy> {
    if !args.fail_on.is_empty() {
        return Ok(FailPolicy::new(args.fail_on.clone()));
    }
    let Some(list) = &glossary.check.fail_on else {
        return Ok(FailPolicy::default());
    };
    let mut items = Vec::new();
    for (value, at) in list {
        let item = value.parse::<FailOn>().map_err(|_| {
            Error::input(
                crate::error::Location::at(&ctx.global.glossary, *at),
                format!("[check] fail_on: {}", fail_on_help(value)),
            )
        })?;
        items.push(item);
    }
    Ok(FailPolicy::new(items))
}

/// What a fail-on value may be, for a message about `value`.
fn fail_on_help(value: &str) -> String {
    format!(
        "'{}' is not error, warning, none or a code; codes are {}",
        value.trim(),
        Code::list()
    )
}

/// `--fail-on`'s value parser.
fn parse_fail_on(s: &str) -> std::result::Result<FailOn, String> {
    s.parse::<FailOn>().map_err(|_| fail_on_help(s))
}

/// `--ignore`'s value parser.
fn parse_code(s: &str) -> std::result::Result<Code, String> {
    s.parse::<Code>().map_err(|e| e.to_string())
}

/// Findings grouped by unit, spans highlighted; with `why`, each
/// finding's evidence under it.
pub(super) fn table(findings: &[Finding], why: bool, wrap: Wrap) -> String {
    let mut by_unit: BTreeMap<(usize, &str), Vec<&Finding>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        let first = by_unit
            .keys()
            .find(|(_, u)| *u == f.unit)
            // The unit's first finding: this one, unless one came before.
            .map_or(i, |(n, _)| *n);
        by_unit.entry((first, f.unit.as_str())).or_default().push(f);
    }
    let err = Style::new().bold().fg_color(Some(AnsiColor::Red.into()));
    let warn = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
    let hl = Style::new().underline().bold();
    let mut out = String::new();
    for ((_, unit), list) in by_unit {
        let Some(first) = list.first() else { continue };
        let spans = |pick: fn(&Finding) -> &Vec<(usize, usize)>| -> Vec<(usize, usize)> {
            let mut v: Vec<(usize, usize)> =
                list.iter().flat_map(|f| pick(f).iter().copied()).collect();
            v.sort_unstable();
            v
        };
        out.push_str(&wrap.line("", unit));
        out.push_str(&wrap.line(
            "  de: ",
            &highlight(&first.source, &spans(|f| &f.source_spans), hl),
        ));
        out.push_str(&wrap.line(
            "  en: ",
            &highlight(&first.target, &spans(|f| &f.target_spans), hl),
        ));
        for f in &list {
            let (style, word) = match f.severity {
                Severity::Error => (err, "error"),
                Severity::Warning => (warn, "warning"),
            };
            out.push_str(&wrap.line(
                &format!("  {style}{word}{style:#} [{}] ", f.code),
                &f.message,
            ));
            if why {
                let dim = Style::new().dimmed();
                out.push_str(&wrap.line(
                    &format!("    {dim}why: "),
                    &format!("{}{dim:#}", f.evidence),
                ));
            }
        }
        out.push('\n');
    }
    out
}

/// Marks the spans (sorted, possibly overlapping) in `text`; a span that
/// overlaps the one before or is not on char boundaries is left unmarked.
#[allow(
    clippy::indexing_slicing,
    reason = "the guard keeps at ≤ a ≤ b ≤ len on char boundaries (at is 0 or an earlier b)"
)]
pub(super) fn highlight(text: &str, spans: &[(usize, usize)], style: Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in spans {
        if a < at || !text.is_char_boundary(a) || !text.is_char_boundary(b) || b < a {
            continue;
        }
        out.push_str(&text[at..a]);
        out.push_str(&format!("{style}{}{style:#}", &text[a..b]));
        at = b;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_spans_print_the_text_once() {
        // The concordance finds `a a` twice in `a a a` (its hits overlap):
        // the text is printed once, the first hit marked.
        let mark = Style::new().bold();
        let out = highlight("a a a", &[(0, 3), (2, 5)], mark);
        assert_eq!(out, format!("{mark}a a{mark:#} a"));
    }
}
