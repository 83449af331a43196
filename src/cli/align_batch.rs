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

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::align::{
    AlignArgs, Format, LinkText, REVIEW_BELOW, documents, options, read_pair, render, run_aligner,
    save, texts, tmx_document, units,
};
use super::input::{Sentences, progress};
use super::language::Guard;
use super::{Context, Outcome};
use crate::align::AlignOptions;
use crate::align::batch::{ManifestPair, read_manifest};
use crate::error::{Error, Result, Warning};

/// A pair that was read and aligned.
struct Aligned {
    pair: ManifestPair,
    src: Sentences,
    tgt_sentences: usize,
    links: Vec<LinkText>,
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
    let guard = if args.save.is_some() {
        Guard::Save
    } else {
        Guard::Show
    };
    // Reading and segmenting first (cheap), so the progress bar can count
    // the sentences to align, the slow part.
    let read: Vec<_> = pairs
        .par_iter()
        .map(|p| {
            let files = (p.source.as_path(), p.target.as_path());
            read_pair(&ctx.global, ctx.encoding, files, args.segmented, guard)
        })
        .collect();
    let (done, failed, warnings) = align_all(ctx, pairs, read, &opts);
    ctx.warn_all(&warnings);
    for (pair, e) in &failed {
        eprintln!("error: {}:{}: {e}", manifest.display(), pair.line);
    }
    if let Some(name) = &args.save {
        save_all(ctx, (name, args.min_score), &done)?;
    }
    ctx.out.write_str(&render_all(ctx, format, &done))?;
    report(ctx, manifest, &done, &failed);
    Ok(if failed.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

type ReadPair = Result<(Sentences, Sentences, Vec<Warning>)>;

/// Aligns the pairs that were read, in parallel; returns them in manifest
/// order, the failures with their errors, and the language warnings.
fn align_all(
    ctx: &Context,
    pairs: Vec<ManifestPair>,
    read: Vec<ReadPair>,
    opts: &AlignOptions,
) -> (Vec<Aligned>, Vec<(ManifestPair, Error)>, Vec<Warning>) {
    let mut todo = Vec::new();
    let mut failed = Vec::new();
    let mut warnings = Vec::new();
    for (pair, r) in pairs.into_iter().zip(read) {
        match r {
            Ok((src, tgt, w)) => {
                warnings.extend(w);
                todo.push((pair, src, tgt));
            }
            Err(e) => failed.push((pair, e)),
        }
    }
    let total: usize = todo.iter().map(|(_, src, _)| src.texts.len()).sum();
    let bar = progress(ctx, total, "aligning");
    let done = todo
        .into_par_iter()
        .map(|(pair, src, tgt)| {
            let links = run_aligner(&src, &tgt, 0..src.texts.len(), 0..tgt.texts.len(), opts);
            let links = texts(&src, &tgt, &links);
            bar.inc(src.texts.len() as u64);
            Aligned {
                pair,
                tgt_sentences: tgt.texts.len(),
                src,
                links,
            }
        })
        .collect();
    bar.finish_and_clear();
    failed.sort_by_key(|(p, _)| p.line);
    (done, failed, warnings)
}

/// The file names a memory unit records for `pair`.
fn docs(pair: &ManifestPair) -> String {
    documents(&pair.source, &pair.target)
}

/// Adds the links of every pair to memory/NAME.tmx in one write.
fn save_all(ctx: &Context, name_min: (&str, f64), done: &[Aligned]) -> Result<()> {
    let mut all = Vec::new();
    let (mut links, mut orphans) = (0, 0);
    for a in done {
        all.extend(units(
            ctx,
            &docs(&a.pair),
            &a.src,
            &a.links,
            name_min.1,
            true,
        ));
        links += a.links.len();
        orphans += a.links.iter().filter(|l| l.has_orphan()).count();
    }
    save(ctx, name_min, (links, orphans), all)
}

/// The links of all pairs in `format` (not html), pair by pair.
fn render_all(ctx: &Context, format: Format, done: &[Aligned]) -> String {
    let mut out = String::new();
    match format {
        Format::Tmx => {
            let all: Vec<_> = done
                .iter()
                .flat_map(|a| units(ctx, &docs(&a.pair), &a.src, &a.links, 0.0, false))
                .collect();
            out = tmx_document(ctx, &all);
        }
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
        Format::Table | Format::Html => {
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
fn report(ctx: &Context, manifest: &Path, done: &[Aligned], failed: &[(ManifestPair, Error)]) {
    let links: usize = done.iter().map(|a| a.links.len()).sum();
    let low: usize = done
        .iter()
        .map(|a| a.links.iter().filter(|l| l.score < REVIEW_BELOW).count())
        .sum();
    let (de, en): (usize, usize) = done
        .iter()
        .map(|a| (a.src.texts.len(), a.tgt_sentences))
        .fold((0, 0), |(x, y), (a, b)| (x + a, y + b));
    let mut line = format!(
        "{}: {} pair(s) aligned, {links} links ({de} German, {en} English sentences); {low} below {REVIEW_BELOW} to review",
        manifest.display(),
        done.len()
    );
    if !failed.is_empty() {
        let lines: Vec<String> = failed.iter().map(|(p, _)| p.line.to_string()).collect();
        line.push_str(&format!(
            "; {} pair(s) failed (line {})",
            failed.len(),
            lines.join(", ")
        ));
    }
    ctx.report(line);
}
