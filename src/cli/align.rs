//! `satz align DE EN [--segmented] [--save NAME] [--min-score S] [--fix EDITED.tsv] [--dict FILE]`,
//! and `satz align --batch MANIFEST.tsv` (in `align_batch.rs`).

use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use clap::Args;
use serde::Serialize;

use super::align_fix::fixed;
use super::input::{Sentences, sentences_of};
use super::language::{self, Guard, Input};
use super::{Context, Global, Outcome};
use crate::align::{AlignOptions, Granularity, Link, Sentence, align};
use crate::error::{Error, Result, Warning};
use crate::fsx;
use crate::tm::tmx::{self, Header};
use crate::tm::unit::{Annotation, Unit};

/// `align`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Format {
    /// A table for the terminal, links to review in red.
    Table,
    /// `[i,j]:[k]:score` per link.
    Beads,
    /// `score<TAB>german<TAB>english` per link.
    Tsv,
    /// One object per link and line.
    Json,
    /// The links as TMX 1.4b units.
    Tmx,
    /// A self-contained review page.
    Html,
}

/// Links scoring below this are shown as needing review.
pub const REVIEW_BELOW: f64 = crate::align::confidence::REVIEW_THRESHOLD;
/// Links scoring below this are shown as doubtful (yellow).
pub const DOUBT_BELOW: f64 = 0.8;

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz align examples/kim-putin.de.txt examples/kim-putin.en.txt
  satz align de.txt en.txt --format html > review.html
  satz align de.txt en.txt --save kim-putin --min-score 0.6
  satz align de.txt en.txt --format tsv > links.tsv   # edit by hand, then:
  satz align de.txt en.txt --fix links.tsv --save kim-putin
  satz align --batch archive/pairs.tsv --save archive   # many pairs at once

Correcting an alignment: write it as tsv, edit the lines (merge, split, move a
sentence between lines, delete lines you want satz to redo), and pass the file
with --fix. Every line left in the file is kept as a link (its score column:
a number, or any word such as 'ok' for 1.0); the sentences no line covers are
aligned again between them.

Aligning an archive: --batch reads a manifest, one pair per line,
german<TAB>english (paths relative to the manifest's folder unless absolute;
'#' comments and blank lines skipped):
  # archive/pairs.tsv
  2024/putin.de.txt	2024/putin.en.txt
  2024/kim.de.txt	2024/kim.en.txt
The pairs are aligned on every core. A pair that cannot be aligned (a file
missing or empty, the languages swapped, ...) is reported with its manifest
line and the others go on; satz then exits 1. --save writes the links of all
pairs to memory/NAME.tmx once, in manifest order. On stdout, json, tsv and
beads start each record with the pair's manifest line (json: \"pair\"), tmx
holds the links of all pairs, and html (one page per pair) is refused.")]
pub struct AlignArgs {
    /// The German text.
    #[arg(required_unless_present = "batch")]
    pub de: Option<PathBuf>,
    /// The English translation.
    #[arg(required_unless_present = "batch")]
    pub en: Option<PathBuf>,
    /// Align every pair a manifest lists (german<TAB>english per line; see
    /// below), on every core.
    #[arg(long, value_name = "MANIFEST", conflicts_with_all = ["de", "en", "fix"])]
    pub batch: Option<PathBuf>,
    /// Both files already hold one sentence per line (blank lines are skipped).
    #[arg(long)]
    pub segmented: bool,
    /// Add the links scoring at least --min-score, and with no omitted or
    /// added sentence, to memory/NAME.tmx.
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
    /// Lowest score kept by --save.
    #[arg(long, default_value_t = 0.5, value_name = "S")]
    pub min_score: f64,
    /// An edited `--format tsv` output: its lines are kept as links, the rest is re-aligned.
    #[arg(long, value_name = "EDITED.tsv")]
    pub fix: Option<PathBuf>,
    /// A bilingual dictionary (german<TAB>english per line; further columns,
    /// such as an OmegaT glossary's comment, are ignored) to help the aligner.
    #[arg(long, value_name = "FILE")]
    pub dict: Option<PathBuf>,
}

/// A link with its texts.
#[derive(Debug, Clone, Serialize)]
pub struct LinkText {
    /// German sentence indices (0-based).
    #[serde(rename = "de")]
    pub source: Vec<usize>,
    /// English sentence indices (0-based).
    #[serde(rename = "en")]
    pub target: Vec<usize>,
    /// Confidence in 0..1.
    pub score: f64,
    /// The German sentences joined by a space.
    #[serde(rename = "de_text")]
    pub source_text: String,
    /// The English sentences joined by a space.
    #[serde(rename = "en_text")]
    pub target_text: String,
    /// The German sentences of the link that probably have no translation
    /// (0-based, as `de`): the whole German side of a 1-0 link, or one
    /// sentence of a merged link that the English does not cover.
    pub omitted: Vec<usize>,
    /// The English sentences of the link that probably have no German
    /// source (0-based, as `en`).
    pub added: Vec<usize>,
    /// The German sentences, one by one (not serialised).
    #[serde(skip)]
    pub source_sentences: Vec<String>,
    /// The English sentences, one by one (not serialised).
    #[serde(skip)]
    pub target_sentences: Vec<String>,
    /// Whether the link's German (English) side starts a paragraph of its
    /// file after the first (not serialised).
    #[serde(skip)]
    pub starts_paragraph: (bool, bool),
}

impl LinkText {
    /// Whether a sentence of the link has no counterpart on the other side.
    pub fn has_orphan(&self) -> bool {
        !self.omitted.is_empty() || !self.added.is_empty()
    }
}

/// Options for aligning in `ctx`'s language pair, with the glossary's term
/// pairs (when there is a glossary) and `dict`'s as anchors.
///
/// Raw documents are aligned at sentence granularity (1-2, 2-1 and 2-2 links
/// where the translator split or merged sentences); pre-segmented files
/// (`--segmented`) may be recognised as segment-parallel, as files exported
/// line by line from a CAT tool are (see [`Granularity::Auto`]).
pub fn options(ctx: &Context, dict: Option<&Path>, segmented: bool) -> Result<AlignOptions> {
    let mut opts = AlignOptions {
        source_lang: ctx.global.source_lang.numbers(),
        target_lang: ctx.global.target_lang.numbers(),
        granularity: if segmented {
            Granularity::Auto
        } else {
            Granularity::Sentence
        },
        ..AlignOptions::default()
    };
    if ctx.global.glossary.exists() {
        let g = crate::glossary::load(&ctx.global.glossary)?;
        for t in &g.terms {
            for en in &t.en {
                opts.dictionary.push((t.de.clone(), en.clone()));
            }
        }
    }
    if let Some(path) = dict {
        opts.dictionary
            .extend(super::align_dict::read_dictionary(path)?);
    }
    Ok(opts)
}

/// Aligns two sentence lists with the options of `ctx`.
pub fn align_sentences(
    ctx: &Context,
    src: &Sentences,
    tgt: &Sentences,
    segmented: bool,
) -> Result<Vec<LinkText>> {
    let opts = options(ctx, None, segmented)?;
    Ok(texts(
        src,
        tgt,
        &run_aligner(src, tgt, 0..src.texts.len(), 0..tgt.texts.len(), &opts),
    ))
}

/// Aligns the sentence ranges `rs` and `rt`; links use document indices.
pub(super) fn run_aligner(
    src: &Sentences,
    tgt: &Sentences,
    rs: std::ops::Range<usize>,
    rt: std::ops::Range<usize>,
    opts: &AlignOptions,
) -> Vec<Link> {
    let (a, b) = (side(src, rs.clone()), side(tgt, rt.clone()));
    let shift = |v: &[usize], by: usize| v.iter().map(|i| i + by).collect();
    align(&a, &b, opts)
        .into_iter()
        .map(|l| Link {
            source: shift(&l.source, rs.start),
            target: shift(&l.target, rt.start),
            score: l.score,
            omitted: shift(&l.omitted, rs.start),
            added: shift(&l.added, rt.start),
        })
        .collect()
}

/// The aligner's view of a range of sentences.
fn side(s: &Sentences, r: std::ops::Range<usize>) -> Vec<Sentence<'_>> {
    debug_assert_eq!(
        s.texts.len(),
        s.paragraphs.len(),
        "a paragraph per sentence"
    );
    s.texts
        .iter()
        .zip(&s.paragraphs)
        .skip(r.start)
        .take(r.len())
        .map(|(text, &paragraph)| Sentence {
            text: text.as_str(),
            paragraph,
        })
        .collect()
}

pub(super) fn texts(src: &Sentences, tgt: &Sentences, links: &[Link]) -> Vec<LinkText> {
    let each = |s: &Sentences, idx: &[usize]| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| s.texts.get(i).cloned())
            .collect()
    };
    let starts = |s: &Sentences, idx: &[usize]| -> bool {
        idx.first()
            .is_some_and(|&i| i > 0 && s.paragraphs.get(i) != s.paragraphs.get(i - 1))
    };
    links
        .iter()
        .map(|l| {
            let source_sentences = each(src, &l.source);
            let target_sentences = each(tgt, &l.target);
            LinkText {
                source: l.source.clone(),
                target: l.target.clone(),
                // Three decimals in every format (json too), so what a script
                // reads, what --save keeps and what the table shows agree.
                score: (l.review_score() * 1000.0).round() / 1000.0,
                source_text: source_sentences.join(" "),
                target_text: target_sentences.join(" "),
                omitted: l.omitted.clone(),
                added: l.added.clone(),
                starts_paragraph: (starts(src, &l.source), starts(tgt, &l.target)),
                source_sentences,
                target_sentences,
            }
        })
        .collect()
}

/// Runs `align`.
pub fn run(ctx: &mut Context, args: &AlignArgs) -> Result<Outcome> {
    let format: Format = ctx.format("align")?;
    let (de, en) = match (&args.batch, &args.de, &args.en) {
        (Some(manifest), _, _) => return super::align_batch::run(ctx, args, manifest, format),
        (None, Some(de), Some(en)) => (de.as_path(), en.as_path()),
        // clap requires both unless --batch.
        _ => return Err(Error::Usage("align needs DE and EN, or --batch".into())),
    };
    let guard = if args.save.is_some() {
        Guard::Save
    } else {
        Guard::Show
    };
    let opts = options(ctx, args.dict.as_deref(), args.segmented);
    let files = (de, en);
    // Aligned while the language check runs; its errors still come
    // first, then those of the options.
    let (src, tgt, warnings, links) = read_pair_with(
        &ctx.global,
        ctx.encoding,
        files,
        args.segmented,
        guard,
        |src, tgt| match (&opts, &args.fix) {
            (Err(_), _) => Ok(Vec::new()),
            (Ok(opts), Some(fix)) => fixed(src, tgt, fix, opts),
            (Ok(opts), None) => Ok(run_aligner(
                src,
                tgt,
                0..src.texts.len(),
                0..tgt.texts.len(),
                opts,
            )),
        },
    )?;
    ctx.warn_all(&warnings);
    opts?;
    let links = texts(&src, &tgt, &links?);
    if let Some(name) = &args.save {
        let units = units(ctx, &documents(de, en), &src, &links, args.min_score, true);
        let orphans = links.iter().filter(|l| l.has_orphan()).count();
        save(ctx, (name, args.min_score), (links.len(), orphans), units)?;
    }
    let out = render(ctx, format, (de, en), &src, &links);
    ctx.out.write_str(&out)?;
    let low = links.iter().filter(|l| l.score < REVIEW_BELOW).count();
    ctx.report(format!(
        "{} links ({} German, {} English sentences); {low} below {REVIEW_BELOW} to review",
        links.len(),
        src.texts.len(),
        tgt.texts.len()
    ));
    Ok(Outcome::Clean)
}

/// Reads the German and English texts as sentences and checks that they
/// are in the pair's languages (an error when swapped, or with
/// [`Guard::Save`] when either is clearly in another language); returns
/// the language warnings to print. Needs only the global options, so that
/// `--batch` reads pairs on several threads.
pub(super) fn read_pair(
    global: &Global,
    encoding: Option<&'static encoding_rs::Encoding>,
    files: (&Path, &Path),
    segmented: bool,
    guard: Guard,
) -> Result<(Sentences, Sentences, Vec<Warning>)> {
    let (src, tgt, warnings, ()) =
        read_pair_with(global, encoding, files, segmented, guard, |_, _| ())?;
    Ok((src, tgt, warnings))
}

/// [`read_pair`], doing `work` on the sentences while the language check
/// runs (it reads both texts whole); returns what `work` gave as well,
/// after any error of the check.
fn read_pair_with<T: Send>(
    global: &Global,
    encoding: Option<&'static encoding_rs::Encoding>,
    (de, en): (&Path, &Path),
    segmented: bool,
    guard: Guard,
    work: impl FnOnce(&Sentences, &Sentences) -> T + Send,
) -> Result<(Sentences, Sentences, Vec<Warning>, T)> {
    let de_text = fsx::read_input(de, encoding)?;
    let en_text = fsx::read_input(en, encoding)?;
    let src = sentences_of(global, de, &de_text, segmented, &global.source_lang)?;
    let tgt = sentences_of(global, en, &en_text, segmented, &global.target_lang)?;
    let de = Input {
        path: de,
        text: &de_text,
    };
    let en = Input {
        path: en,
        text: &en_text,
    };
    let (warnings, done) = rayon::join(
        || language::pair_warnings(global, "align", de, en, guard),
        || work(&src, &tgt),
    );
    Ok((src, tgt, warnings?, done))
}

/// The links of the pair of files `de` and `en` in `format`.
pub(super) fn render(
    ctx: &Context,
    format: Format,
    (de, en): (&Path, &Path),
    src: &Sentences,
    links: &[LinkText],
) -> String {
    match format {
        Format::Beads => beads(links),
        Format::Tsv => links
            .iter()
            .map(|l| {
                format!(
                    "{:.3}\t{}\t{}\n",
                    l.score,
                    tab_free(&l.source_text),
                    tab_free(&l.target_text)
                )
            })
            .collect(),
        Format::Json => links
            .iter()
            .map(|l| {
                #[allow(
                    clippy::expect_used,
                    reason = "a struct of strings, numbers and index lists with derived Serialize always serialises"
                )]
                let line = serde_json::to_string(l).expect("a link serialises");
                line + "\n"
            })
            .collect(),
        Format::Tmx => {
            let docs = documents(de, en);
            tmx_document(ctx, &units(ctx, &docs, src, links, 0.0, false))
        }
        Format::Html => super::align_html::page(de, en, links),
        Format::Table => table(links, ctx.out.wrap()),
    }
}

fn tab_free(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// `[i,j]:[k]:score` per link.
pub fn beads(links: &[LinkText]) -> String {
    let list = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    links
        .iter()
        .map(|l| {
            format!(
                "[{}]:[{}]:{:.3}\n",
                list(&l.source),
                list(&l.target),
                l.score
            )
        })
        .collect()
}

fn table(links: &[LinkText], wrap: super::wrap::Wrap) -> String {
    let low = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    let mid = Style::new().fg_color(Some(AnsiColor::Yellow.into()));
    let ok = Style::new().dimmed();
    let mut out = String::new();
    for (i, l) in links.iter().enumerate() {
        let style = if l.score < REVIEW_BELOW {
            low
        } else if l.score < DOUBT_BELOW {
            mid
        } else {
            ok
        };
        let kind = format!("{}-{}", l.source.len(), l.target.len());
        out.push_str(&format!(
            "{style}{:>4} {kind} {:.2}{}{style:#}\n",
            i + 1,
            l.score,
            orphan_label(l)
        ));
        out.push_str(&wrap.line("     de: ", &l.source_text));
        out.push_str(&wrap.line("     en: ", &l.target_text));
        if !l.source.is_empty() && !l.target.is_empty() {
            for (which, side, text, lang, what) in [
                (
                    &l.omitted,
                    &l.source,
                    &l.source_sentences,
                    "German",
                    "has no translation",
                ),
                (
                    &l.added,
                    &l.target,
                    &l.target_sentences,
                    "English",
                    "has no German source",
                ),
            ] {
                for &k in which {
                    // An omitted (added) sentence is one of the link's own,
                    // and each of them has its text.
                    let found = side
                        .iter()
                        .zip(text)
                        .enumerate()
                        .find(|(_, (x, _))| **x == k);
                    debug_assert!(found.is_some(), "sentence {k} is not the link's");
                    let Some((nth, (_, quote))) = found else {
                        continue;
                    };
                    out.push_str(&wrap.line(
                        &format!(
                            "{low}     {lang} sentence {} of {} {what}: ",
                            nth + 1,
                            side.len()
                        ),
                        &format!("{quote}{low:#}"),
                    ));
                }
            }
        }
    }
    out
}

/// `" omission"`, `" addition"`, both or nothing.
fn orphan_label(l: &LinkText) -> String {
    match (l.omitted.is_empty(), l.added.is_empty()) {
        (false, false) => " omission, addition".to_owned(),
        (false, true) => " omission".to_owned(),
        (true, false) => " addition".to_owned(),
        (true, true) => String::new(),
    }
}

/// The links with both sides scoring at least `min` as memory units, with
/// context props (the German sentences before and after), the documents and
/// the score; `for_memory` also leaves out links with an omission or
/// addition inside.
pub(super) fn units(
    ctx: &Context,
    docs: &str,
    src: &Sentences,
    links: &[LinkText],
    min: f64,
    for_memory: bool,
) -> Vec<Unit> {
    let langs = (
        ctx.global.source_lang.as_str(),
        ctx.global.target_lang.as_str(),
    );
    links
        .iter()
        .filter(|l| {
            let two_sided = !l.source.is_empty() && !l.target.is_empty();
            let orphan_kept_out = for_memory && l.has_orphan();
            two_sided && l.score >= min && !orphan_kept_out
        })
        .map(|l| {
            let mut u = Unit::new(langs.0, &l.source_text, langs.1, &l.target_text);
            let prev = l
                .source
                .first()
                .and_then(|&i| i.checked_sub(1))
                .and_then(|i| src.texts.get(i));
            let next = l.source.last().and_then(|&i| src.texts.get(i + 1));
            u.set_context(prev.map(String::as_str), next.map(String::as_str));
            u.props
                .push(Annotation::prop("x-satz-align-documents", docs));
            u.props.push(Annotation::prop(
                "x-satz-align-score",
                format!("{:.3}", l.score),
            ));
            u
        })
        .collect()
}

/// Units as one TMX document.
pub(super) fn tmx_document(ctx: &Context, units: &[Unit]) -> String {
    let raw: Vec<_> = units.iter().map(tmx::raw_from_unit).collect();
    tmx::write::render(&Header::default(), ctx.global.source_lang.as_str(), &raw)
}

/// `de.txt | en.txt`: the pair's file names, as a memory unit records them.
pub(super) fn documents(de: &Path, en: &Path) -> String {
    format!("{} | {}", file_name(de), file_name(en))
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Adds `units` to memory/`NAME`.tmx (`name_min`: NAME and --min-score)
/// and reports it; `links_orphans` counts the links they were chosen from
/// and those of them with an omission or addition.
pub(super) fn save(
    ctx: &Context,
    (name, min_score): (&str, f64),
    (links, orphans): (usize, usize),
    units: Vec<Unit>,
) -> Result<()> {
    let kept_out = links - units.len();
    let added = ctx.memory().add(name, units)?;
    ctx.report(format!(
        "{}: {} link(s) added, {} already there, {kept_out} kept out ({} scoring below {min_score}, {orphans} with an omission or addition)",
        added.path.display(),
        added.added,
        added.duplicates,
        kept_out - orphans,
    ));
    Ok(())
}
