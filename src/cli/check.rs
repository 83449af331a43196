//! `satz check [DE EN] [--segmented] [--ignore CODE]...`

use std::collections::BTreeMap;
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use clap::Args;

use super::align::LinkText;
use super::input::{Sentences, read_sentences_of};
use super::{Context, Outcome};
use crate::check::{
    AlignedLink, CheckOptions, Checker, Finding, Pair, Severity, codes, to_json_line,
};
use crate::error::{Error, Result};
use crate::fsx;
use crate::glossary::Glossary;

const FORMATS: &[&str] = &["table", "json"];

/// The `<prop>` type on a TMX unit that accepts findings for that unit.
pub const ACCEPT_PROP: &str = "x-satz-accept";

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz check                                         the whole memory
  satz check article.de.txt article.en.txt           a translation, aligned first
  satz check de.txt en.txt --segmented --format json
  satz check --ignore double-space --ignore doubled-word

Codes: untranslated, term-missing, term-forbidden, term-deprecated, number-mismatch,
omission, addition (errors where noted in the README), unbalanced-brackets,
unbalanced-quotes, doubled-word, double-space, punctuation-end,
inconsistent-translation, inconsistent-source. omission and addition need DE EN:
a German sentence the alignment finds no translation for, an English sentence
with no German source, also inside a merged link. Accept a finding for one memory unit with
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
    #[arg(long, value_name = "CODE")]
    pub ignore: Vec<String>,
}

/// Runs `check`.
pub fn run(ctx: &mut Context, args: &CheckArgs) -> Result<Outcome> {
    let format = ctx.format("check", FORMATS)?;
    for code in &args.ignore {
        if !codes::ALL.contains(&code.as_str()) {
            return Err(Error::Usage(format!(
                "--ignore: unknown code '{code}'; codes are {}",
                codes::ALL.join(", ")
            )));
        }
    }
    let glossary = if ctx.global.glossary.exists() {
        crate::glossary::load(&ctx.global.glossary)?
    } else {
        Glossary::default()
    };
    let mut opts = CheckOptions {
        ignore: args.ignore.clone(),
        accepted: Vec::new(),
    };
    let checker = Checker::new(&glossary);
    let (findings, units) = match (&args.de, &args.en) {
        (Some(de), Some(en)) => {
            let (src, tgt, links) = document_links(ctx, de, en, args.segmented)?;
            let aligned = aligned_links(&src, &tgt, &links);
            (checker.check_document(&aligned, &opts), aligned.len())
        }
        _ => {
            let owned = memory_pairs(ctx, &mut opts)?;
            let pairs: Vec<Pair<'_>> = owned
                .iter()
                .map(|(id, s, t)| Pair::new(id.clone(), s, t))
                .collect();
            (checker.check(&pairs, &opts), pairs.len())
        }
    };
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let text = if format == "json" {
        findings.iter().map(|f| to_json_line(f) + "\n").collect()
    } else {
        table(&findings)
    };
    ctx.out.write_str(&text)?;
    ctx.report(format!(
        "{units} unit(s) checked: {errors} error(s), {} warning(s)",
        findings.len() - errors
    ));
    Ok(if errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// The memory's units as pairs, reported as `file:line`; acceptances come
/// from each unit's `x-satz-accept` prop.
fn memory_pairs(ctx: &Context, opts: &mut CheckOptions) -> Result<Vec<(String, String, String)>> {
    let memory = ctx.memory();
    let mut out = Vec::new();
    let loaded = memory.for_each_unit(|u| {
        let id = u
            .origin
            .as_ref()
            .map_or_else(|| u.id(), |o| format!("{}:{}", o.file, o.line));
        if let Some(codes) = u.prop(ACCEPT_PROP) {
            for code in codes.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                opts.accepted.push((id.clone(), code.to_owned()));
            }
        }
        out.push((id, u.source_text(), u.target_text()));
    })?;
    ctx.warn_all(&loaded.warnings);
    Ok(out)
}

/// A translated document pair, split into sentences and aligned.
fn document_links(
    ctx: &Context,
    de: &std::path::Path,
    en: &std::path::Path,
    segmented: bool,
) -> Result<(Sentences, Sentences, Vec<LinkText>)> {
    let de_text = fsx::read_text(de)?;
    let en_text = fsx::read_text(en)?;
    let src = read_sentences_of(ctx, &de_text, segmented, &ctx.global.source_lang)?;
    let tgt = read_sentences_of(ctx, &en_text, segmented, &ctx.global.target_lang)?;
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

fn table(findings: &[Finding]) -> String {
    let mut by_unit: BTreeMap<(usize, &str), Vec<&Finding>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        let first = by_unit
            .keys()
            .find(|(_, u)| *u == f.unit)
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
        out.push_str(&format!("{unit}\n"));
        out.push_str(&format!(
            "  de: {}\n",
            highlight(&first.source, &spans(|f| &f.source_spans), hl)
        ));
        out.push_str(&format!(
            "  en: {}\n",
            highlight(&first.target, &spans(|f| &f.target_spans), hl)
        ));
        for f in &list {
            let (style, word) = match f.severity {
                Severity::Error => (err, "error"),
                Severity::Warning => (warn, "warning"),
            };
            out.push_str(&format!(
                "  {style}{word}{style:#} [{}] {}\n",
                f.code, f.message
            ));
        }
        out.push('\n');
    }
    out
}

/// Marks the spans (sorted, possibly overlapping) in `text`.
fn highlight(text: &str, spans: &[(usize, usize)], style: Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in spans {
        if a < at || !text.is_char_boundary(a) || !text.is_char_boundary(b) || b < a {
            continue;
        }
        out.push_str(text.get(at..a).unwrap_or_default());
        out.push_str(&format!(
            "{style}{}{style:#}",
            text.get(a..b).unwrap_or_default()
        ));
        at = b;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}
