//! `satz align --batch MANIFEST.tsv`: aligns every document pair a manifest
//! lists (an archive of past translations), the pairs spread over every
//! core with rayon.
//!
//! Each pair is aligned exactly as `satz align DE EN` would align it, with
//! the same options, so the results do not depend on the number of threads
//! or on the other pairs. A pair that fails (a file missing or empty, the
//! languages swapped, ...) is reported on stderr with its manifest line and
//! the others go on; the command then ends with exit code 1.
//!
//! Output keeps the single-pair formats and adds the pair to every record:
//! json gains `"pair"` (the manifest line) and the two paths, tsv and beads
//! a leading `LINE<TAB>` column, tmx holds the links of all pairs, table a
//! heading per pair. html is one review page per pair and is refused.
//! `--save NAME` writes the links of all pairs into memory/NAME.tmx once,
//! in manifest order (one atomic write under the memory's lock, as
//! [`crate::tm::Memory::add`] does it).
//!
//! Pairs are aligned [`CHUNK`] at a time, each chunk's results written
//! before the next starts (except tmx, one document of all pairs; `--save`
//! writes its file once at the end):
//! memory stays bounded on a large archive, and a failure is reported soon
//! after its pair, not at the end.

use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use super::align::{
    AlignArgs, Format, LinkText, REVIEW_BELOW, documents, options, read_pair, render, run_aligner,
    save, texts, tmx_document, units,
};
use super::input::Sentences;
use super::language::Guard;
use super::{Context, Global, Outcome};
use crate::align::AlignOptions;
use crate::align::batch::{ManifestPair, read_manifest};
use crate::error::{Error, Result, Warning};

/// A pair that was read and aligned.
struct Aligned {
    pair: ManifestPair,
    src: Sentences,
    tgt_sentences: usize,
    links: Vec<LinkText>,
    /// The language warnings of its texts.
    warnings: Vec<Warning>,
}

/// One record of `--batch --format json`: the link with its pair.
#[derive(Serialize)]
struct JsonRecord<'a> {
    /// The manifest line of the pair.
    pair: usize,
    /// The German file, as the manifest names it joined to its folder.
    de_file: &'a str,
    /// The English file, likewise.
    en_file: &'a str,
    #[serde(flatten)]
    link: &'a LinkText,
}

/// Pairs aligned at a time: enough to keep every core busy, few enough
/// that a large archive is never held in memory whole (without `--save`
/// and `tmx`, whose single output needs every pair, the results are
/// written chunk by chunk, in manifest order).
const CHUNK: usize = 64;

/// What the summary line counts.
#[derive(Default)]
struct Tally {
    pairs: usize,
    links: usize,
    low: usize,
    orphans: usize,
    de: usize,
    en: usize,
    failed: Vec<usize>,
}

/// Runs `align --batch manifest`.
pub fn run(
    ctx: &mut Context,
    args: &AlignArgs,
    manifest: &Path,
    format: Format,
) -> Result<Outcome> {
    if format == Format::Html {
        return Err(Error::Usage(
            "align --batch cannot write html: a review page shows one pair; \
             use --format json, tsv, beads, tmx or table, or align a pair on its own \
             (satz align DE EN --format html)"
                .into(),
        ));
    }
    let pairs = read_manifest(manifest)?;
    let opts = options(ctx, args.dict.as_deref(), args.segmented)?;
    let bar = bar(ctx, &pairs);
    let (mut tally, mut saved, mut tmx) = (Tally::default(), Vec::new(), Vec::new());
    for chunk in pairs.chunks(CHUNK) {
        let results: Vec<Result<Aligned>> = chunk
            .par_iter()
            .map(|pair| {
                let aligned = align_one((&ctx.global, ctx.encoding), args, &opts, pair);
                bar.inc(file_bytes(pair));
                aligned
            })
            .collect();
        let mut done = Vec::new();
        for (pair, result) in chunk.iter().zip(results) {
            match result {
                Ok(a) => {
                    bar.suspend(|| ctx.warn_all(&a.warnings));
                    done.push(a);
                }
                Err(e) => {
                    bar.suspend(|| eprintln!("error: {}:{}: {e}", manifest.display(), pair.line));
                    tally.failed.push(pair.line);
                }
            }
        }
        for a in &done {
            let docs = docs(&a.pair);
            if args.save.is_some() {
                saved.extend(units(ctx, &docs, &a.src, &a.links, args.min_score, true));
            }
            if format == Format::Tmx {
                tmx.extend(units(ctx, &docs, &a.src, &a.links, 0.0, false));
            }
            tally.add(a);
        }
        if format != Format::Tmx {
            let text = render_chunk(ctx, format, &done);
            bar.suspend(|| ctx.out.write_str(&text))?;
        }
    }
    bar.finish_and_clear();
    if let Some(name) = &args.save {
        save(
            ctx,
            (name, args.min_score),
            (tally.links, tally.orphans),
            saved,
        )?;
    }
    if format == Format::Tmx {
        ctx.out.write_str(&tmx_document(ctx, &tmx))?;
    }
    report(ctx, manifest, &tally);
    Ok(if tally.failed.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Reads, checks and aligns one pair, as `satz align DE EN` would (with
/// the global options and `--encoding`: what may cross threads).
fn align_one(
    (global, encoding): (&Global, Option<&'static encoding_rs::Encoding>),
    args: &AlignArgs,
    opts: &AlignOptions,
    pair: &ManifestPair,
) -> Result<Aligned> {
    let guard = if args.save.is_some() {
        Guard::Save
    } else {
        Guard::Show
    };
    let files = (pair.source.as_path(), pair.target.as_path());
    let (src, tgt, warnings) = read_pair(global, encoding, files, args.segmented, guard)?;
    let links = run_aligner(&src, &tgt, 0..src.texts.len(), 0..tgt.texts.len(), opts);
    Ok(Aligned {
        pair: pair.clone(),
        links: texts(&src, &tgt, &links),
        tgt_sentences: tgt.texts.len(),
        src,
        warnings,
    })
}

/// The size of a pair's two files (0 for a file that cannot be read: the
/// pair fails anyway).
fn file_bytes(pair: &ManifestPair) -> u64 {
    [&pair.source, &pair.target]
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// The progress bar on stderr, in bytes of the pairs' files: shown on a
/// terminal for archives of 200 KiB or more (about 1,500 sentences, a
/// second's work), hidden with --quiet, as other commands' bars are.
fn bar(ctx: &Context, pairs: &[ManifestPair]) -> ProgressBar {
    let total: u64 = pairs.iter().map(file_bytes).sum();
    if ctx.global.quiet || total < 200 * 1024 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("aligning {bar:30} {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

impl Tally {
    /// Counts an aligned pair.
    fn add(&mut self, a: &Aligned) {
        self.pairs += 1;
        self.links += a.links.len();
        self.low += a.links.iter().filter(|l| l.score < REVIEW_BELOW).count();
        self.orphans += a.links.iter().filter(|l| l.has_orphan()).count();
        self.de += a.src.texts.len();
        self.en += a.tgt_sentences;
    }
}

/// The file names a memory unit records for `pair`.
fn docs(pair: &ManifestPair) -> String {
    documents(&pair.source, &pair.target)
}

/// The links of `done` in `format`, pair by pair (tmx, one document for
/// all pairs, and html are not written by chunk).
fn render_chunk(ctx: &Context, format: Format, done: &[Aligned]) -> String {
    let mut out = String::new();
    match format {
        Format::Tmx | Format::Html => {}
        Format::Json => {
            for a in done {
                // Displayed, not serialised as paths: a path that is not
                // UTF-8 (the manifest's folder can be) does not serialise.
                let de_file = a.pair.source.display().to_string();
                let en_file = a.pair.target.display().to_string();
                for link in &a.links {
                    let record = JsonRecord {
                        pair: a.pair.line,
                        de_file: &de_file,
                        en_file: &en_file,
                        link,
                    };
                    #[allow(
                        clippy::expect_used,
                        reason = "a struct of strings, numbers and index lists with derived Serialize always serialises"
                    )]
                    let line = serde_json::to_string(&record).expect("a link serialises");
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
        Format::Tsv | Format::Beads => {
            for a in done {
                let files = (a.pair.source.as_path(), a.pair.target.as_path());
                for line in render(ctx, format, files, &a.src, &a.links).lines() {
                    out.push_str(&format!("{}\t{line}\n", a.pair.line));
                }
            }
        }
        Format::Table => {
            for a in done {
                let files = (a.pair.source.as_path(), a.pair.target.as_path());
                out.push_str(&format!(
                    "== line {}: {} | {}\n",
                    a.pair.line,
                    a.pair.source.display(),
                    a.pair.target.display()
                ));
                out.push_str(&render(ctx, format, files, &a.src, &a.links));
            }
        }
    }
    out
}

/// The summary line on stderr.
fn report(ctx: &Context, manifest: &Path, t: &Tally) {
    let mut line = format!(
        "{}: {} pair(s) aligned, {} links ({} German, {} English sentences); {} below {REVIEW_BELOW} to review",
        manifest.display(),
        t.pairs,
        t.links,
        t.de,
        t.en,
        t.low,
    );
    if !t.failed.is_empty() {
        let lines: Vec<String> = t.failed.iter().map(usize::to_string).collect();
        line.push_str(&format!(
            "; {} pair(s) failed (line {})",
            t.failed.len(),
            lines.join(", ")
        ));
    }
    ctx.report(line);
}
