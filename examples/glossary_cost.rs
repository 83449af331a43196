//! Where the glossary's time goes in `suggest` (issue 17: `suggest` with
//! the shipped glossary at most 20% slower than without), for the figures
//! in BENCHMARKS.md: loading `glossary.toml`, compiling it into a
//! [`TermMatcher`], and recognising its terms in each query sentence
//! (afresh per sentence, with one [`WordCache`] across them, and with a
//! cache that knows every word already, with the words split beforehand as
//! `suggest` hands them in), each timed on one thread (median of 21 rounds).
//!
//! ```sh
//! cargo run --release --example glossary_cost -- glossary.toml QUERIES.txt
//! ```
//!
//! QUERIES.txt holds one sentence per line (the `q2000.txt` of
//! BENCHMARKS.md: the 1,000 shared queries twice).

use std::path::Path;
use std::time::{Duration, Instant};

use satz::glossary::{TermMatcher, WordCache, load};
use satz::text::words::words;

/// The median of `rounds` timings of `f`.
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times.get(rounds / 2).copied().unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, glossary, queries] = args.as_slice() else {
        return Err("usage: glossary_cost GLOSSARY.toml QUERIES.txt".into());
    };
    let path = Path::new(glossary);
    let text = std::fs::read_to_string(queries)?;
    let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let g = load(path)?;
    let load_time = median(21, || {
        std::hint::black_box(load(path).ok());
    });
    let compile_time = median(21, || {
        std::hint::black_box(TermMatcher::new(&g));
    });
    let matcher = TermMatcher::new(&g);
    let mut hits = 0;
    let recognise_time = median(21, || {
        hits = sentences
            .iter()
            .map(|s| matcher.find_source(s).len())
            .sum::<usize>();
    });
    let mut cached_hits = 0;
    let cached_time = median(21, || {
        let mut cache = WordCache::new();
        cached_hits = sentences
            .iter()
            .map(|s| matcher.find_source_cached(s, &mut cache).len())
            .sum::<usize>();
    });
    assert_eq!(hits, cached_hits, "the cache changes no hit");
    // The same cache, every word known already: the per-sentence floor.
    let mut warm = WordCache::new();
    for s in &sentences {
        matcher.find_source_cached(s, &mut warm);
    }
    let warm_time = median(21, || {
        for s in &sentences {
            std::hint::black_box(matcher.find_source_cached(s, &mut warm));
        }
    });
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "glossary: {} terms; queries: {} sentences, {hits} term hits",
        g.terms.len(),
        sentences.len()
    );
    println!("load glossary.toml:         {:>9.0} µs", us(load_time));
    println!("compile (TermMatcher::new): {:>9.0} µs", us(compile_time));
    println!(
        "recognise in all sentences: {:>9.0} µs ({:.1} µs per sentence, one thread)",
        us(recognise_time),
        us(recognise_time) / sentences.len() as f64
    );
    println!(
        "the same, one WordCache:    {:>9.0} µs ({:.1} µs per sentence, one thread)",
        us(cached_time),
        us(cached_time) / sentences.len() as f64
    );
    // And the words split beforehand, as `suggest` hands them in.
    let split: Vec<_> = sentences.iter().map(|s| words(s)).collect();
    let split_time = median(21, || {
        for (s, ws) in sentences.iter().zip(&split) {
            std::hint::black_box(matcher.find_source_in(s, ws, &mut warm));
        }
    });
    println!(
        "the same, every word known: {:>9.0} µs ({:.1} µs per sentence, one thread)",
        us(warm_time),
        us(warm_time) / sentences.len() as f64
    );
    println!(
        "the same, words split once: {:>9.0} µs ({:.1} µs per sentence, one thread)",
        us(split_time),
        us(split_time) / sentences.len() as f64
    );
    Ok(())
}
