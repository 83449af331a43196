//! The aligner on any two texts, one sentence per line: every sentence of
//! both sides appears in exactly one link, in order; links are never empty
//! on both sides and their scores lie in 0..=1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satz::align::{AlignOptions, Sentence, align};

/// Keeps a run fast: the aligner is linear, but libFuzzer should explore
/// shapes, not lengths.
const MAX_LINES: usize = 120;

fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut paragraph = 0;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            paragraph += 1;
            continue;
        }
        out.push(Sentence {
            text: line,
            paragraph,
        });
        if out.len() == MAX_LINES {
            break;
        }
    }
    out
}

fn check_side(links: &[Vec<usize>], n: usize, side: &str) {
    let mut next = 0;
    for l in links {
        for &i in l {
            assert_eq!(
                i, next,
                "{side}: expected sentence {next}, got {i} in {links:?}"
            );
            next += 1;
        }
    }
    assert_eq!(next, n, "{side}: {n} sentences, {next} linked");
}

fuzz_target!(|input: (&str, &str, bool)| {
    let (de, en, paragraphs) = input;
    let (src, tgt) = (sentences(de), sentences(en));
    let opts = AlignOptions {
        use_paragraphs: paragraphs,
        ..AlignOptions::default()
    };
    let links = align(&src, &tgt, &opts);
    for l in &links {
        assert!(
            !(l.source.is_empty() && l.target.is_empty()),
            "empty link in {links:?}"
        );
        assert!(
            (0.0..=1.0).contains(&l.score),
            "score {} out of range",
            l.score
        );
    }
    let s: Vec<Vec<usize>> = links.iter().map(|l| l.source.clone()).collect();
    let t: Vec<Vec<usize>> = links.iter().map(|l| l.target.clone()).collect();
    check_side(&s, src.len(), "de");
    check_side(&t, tgt.len(), "en");
});
