//! Scores variants of the aligner on the shared gold alignments (dev split),
//! for the figures in BENCHMARKS.md.
//!
//! ```sh
//! SATZ_SHARED_DATA=../shared/data cargo run --release --example align_eval
//! ```
//!
//! For each variant and gold set: strict and lax F1 (`satz::align::eval`) and
//! how well the confidence separates right links from wrong ones (share of
//! correct links at or above 0.5 and below it, Brier score). The files are
//! read as `satz align --segmented` reads them: one sentence per line, blank
//! lines skipped. The default variant is what the gold tests in
//! `tests/align.rs` measure through the command line.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use satz::align::eval::{Bead, Prf, lax, parse_gold, strict};
use satz::align::{AlignOptions, BeadSet, Granularity, Link, Sentence, align};
use satz::text::numbers::NumLang;

/// A gold set: name, documents, translation file, its language.
type GoldSet = (&'static str, &'static [&'static str], &'static str, NumLang);

const SETS: [GoldSet; 2] = [
    ("textberg-defr", &["dev"], "fr.txt", NumLang::Fr),
    (
        "sao-deen",
        &["KA_06_03", "KA_09_11_OCR"],
        "en.txt",
        NumLang::En,
    ),
];

/// Correct links at or above 0.5, links there, correct below, links below,
/// and the summed squared error of the score.
#[derive(Default)]
struct Calibration {
    high_ok: usize,
    high: usize,
    low_ok: usize,
    low: usize,
    brier: f64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(root) = std::env::var_os("SATZ_SHARED_DATA") else {
        return Err("set SATZ_SHARED_DATA to the shared data folder".into());
    };
    let root = PathBuf::from(root).join("align");
    let variants: [(&str, AlignOptions); 5] = [
        ("default", AlignOptions::default()),
        (
            "links of at most 1-3/3-1",
            AlignOptions {
                beads: BeadSet::WithThree,
                ..AlignOptions::default()
            },
        ),
        (
            "Gale & Church's six link types",
            AlignOptions {
                beads: BeadSet::Standard,
                ..AlignOptions::default()
            },
        ),
        (
            "no realign pass",
            AlignOptions {
                realign_passes: 0,
                ..AlignOptions::default()
            },
        ),
        (
            "sentence granularity forced",
            AlignOptions {
                granularity: Granularity::Sentence,
                ..AlignOptions::default()
            },
        ),
    ];
    for (name, opts) in &variants {
        println!("{name}");
        for (set, docs, other, lang) in SETS {
            let opts = AlignOptions {
                target_lang: lang,
                ..opts.clone()
            };
            let (mut st, mut lx, mut cal) =
                (Prf::default(), Prf::default(), Calibration::default());
            for doc in docs {
                let dir = root.join(set).join(doc);
                let (links, gold) = run(&dir, other, &opts)?;
                let pred: Vec<Bead> = links
                    .iter()
                    .map(|l| Bead {
                        source: l.source.clone(),
                        target: l.target.clone(),
                    })
                    .collect();
                st = st.add(&strict(&pred, &gold));
                lx = lx.add(&lax(&pred, &gold));
                let gold: HashSet<&Bead> = gold.iter().collect();
                for (link, bead) in links.iter().zip(&pred) {
                    let ok = gold.contains(bead);
                    cal.brier += (link.score - f64::from(u8::from(ok))).powi(2);
                    if link.score >= 0.5 {
                        cal.high += 1;
                        cal.high_ok += usize::from(ok);
                    } else {
                        cal.low += 1;
                        cal.low_ok += usize::from(ok);
                    }
                }
            }
            let links = cal.high + cal.low;
            println!(
                "  {set}: strict F1 {:.4} (P {:.4} R {:.4}), lax F1 {:.4}; \
                 correct >= 0.5: {}/{}, < 0.5: {}/{}, Brier {:.3}",
                st.f1(),
                st.precision(),
                st.recall(),
                lx.f1(),
                cal.high_ok,
                cal.high,
                cal.low_ok,
                cal.low,
                cal.brier / links.max(1) as f64
            );
        }
    }
    Ok(())
}

/// Aligns one gold document; returns the links and the gold beads.
fn run(
    dir: &Path,
    other: &str,
    opts: &AlignOptions,
) -> Result<(Vec<Link>, Vec<Bead>), Box<dyn std::error::Error>> {
    let a = satz::fsx::read_text(&dir.join("de.txt"))?;
    let b = satz::fsx::read_text(&dir.join(other))?;
    let lines = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (la, lb) = (lines(&a), lines(&b));
    let (sa, sb) = (sentences(&la), sentences(&lb));
    let links = align(&sa, &sb, opts);
    let gold = parse_gold(&std::fs::read_to_string(dir.join("gold.txt"))?)?;
    Ok((links, gold))
}

fn sentences(lines: &[String]) -> Vec<Sentence<'_>> {
    lines
        .iter()
        .map(|t| Sentence {
            text: t,
            paragraph: 0,
        })
        .collect()
}
