//! Measures `satz::langid` on the shared data, for the figures in
//! BENCHMARKS.md.
//!
//! ```sh
//! SATZ_SHARED_DATA=../shared/data cargo run --release --example langid_eval
//! ```
//!
//! 1. Every side of `tm/tm.tsv` alone (one news sentence or headline): how
//!    many are identified as German, English, French or unknown. A sentence
//!    named as the wrong language is what could make satz warn wrongly; the
//!    misidentified ones are printed.
//! 2. Every document of `align/` as a whole, the way `align` and `check`
//!    judge their inputs: the language of each file.

use std::path::PathBuf;

use satz::langid::{Language, Scores, identify};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(root) = std::env::var_os("SATZ_SHARED_DATA") else {
        return Err("set SATZ_SHARED_DATA to the shared data folder".into());
    };
    let root = PathBuf::from(root);
    let tm = std::fs::read_to_string(root.join("tm/tm.tsv"))?;
    let mut wrong: Vec<(usize, &str, Language, &str)> = Vec::new();
    for (side, want) in [("de", Language::German), ("en", Language::English)] {
        let mut counts = [0usize; 4];
        let mut total = 0;
        for (n, line) in tm.lines().enumerate() {
            let mut cols = line.split('\t');
            let text = if side == "de" {
                cols.next()
            } else {
                cols.nth(1)
            };
            let Some(text) = text else { continue };
            total += 1;
            let slot = match identify(text).language {
                Some(Language::German) => 0,
                Some(Language::English) => 1,
                Some(Language::French) => 2,
                None => 3,
            };
            if let Some(c) = counts.get_mut(slot) {
                *c += 1;
            }
            if let Some(l) = identify(text).language
                && l != want
            {
                wrong.push((n + 1, side, l, text));
            }
        }
        let [de, en, fr, unknown] = counts;
        let pct = |x: usize| 100.0 * x as f64 / total.max(1) as f64;
        println!(
            "tm.tsv {side} sides: {total}; German {de} ({:.1}%), English {en} ({:.1}%), French {fr}, unknown {unknown} ({:.1}%)",
            pct(de),
            pct(en),
            pct(unknown)
        );
    }
    println!("misidentified: {}", wrong.len());
    for (line, side, lang, text) in &wrong {
        println!("  tm.tsv:{line} {side} as {lang}: {text}");
    }
    for (set, doc, files) in [
        ("sao-deen", "KA_06_03", ["de.txt", "en.txt"]),
        ("sao-deen", "KA_09_11_OCR", ["de.txt", "en.txt"]),
        ("textberg-defr", "dev", ["de.txt", "fr.txt"]),
    ] {
        for file in files {
            let text = std::fs::read_to_string(root.join("align").join(set).join(doc).join(file))?;
            let mut scores = Scores::default();
            for line in text.lines() {
                scores.add(&Scores::of(line));
            }
            let guess = scores.guess();
            println!(
                "align/{set}/{doc}/{file}: {} ({})",
                guess.language.map_or("unknown", Language::name),
                guess.evidence()
            );
        }
    }
    Ok(())
}
