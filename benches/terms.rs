//! Term recognition throughput: the project glossary plus 300 synthetic
//! terms (stem, exact, prefix, custom-stem, multi-word, with forms) against
//! about 1 MB of German text (the check corpus's German sentences mixed
//! with sentences that use the synthetic terms inflected, in compounds and
//! hyphenated), 1 MB of random syllable words (almost no word repeats, the
//! worst case for the per-word stem cache), and the English side against
//! about 1 MB of English; one German word of 40,000 characters (a closed
//! compound search must not cost time quadratic in a word's length);
//! finally `check_pairs` over the corpus pairs.
//!
//! Run: `cargo bench --bench terms`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use satz::check::{CheckOptions, Pair, check_pairs};
use satz::glossary::{Glossary, MatchMode, Term, TermMatcher};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check");
const TARGET_BYTES: usize = 1 << 20;

/// A small deterministic generator (no dependency on `rand`).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const SYLLABLES: [&str; 24] = [
    "wal", "ber", "kon", "stra", "lin", "mar", "fel", "gor", "han", "tes", "rü", "bau", "schaft",
    "dor", "ken", "lau", "mis", "pol", "quen", "sä", "tur", "vin", "zel", "ö",
];
const HEADS: [&str; 12] = [
    "rakete",
    "vertrag",
    "gipfel",
    "abkommen",
    "behörde",
    "konflikt",
    "grenze",
    "truppe",
    "lieferung",
    "ministerium",
    "reform",
    "strasse",
];

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap()
}

fn glossary_with_synthetic(rng: &mut Lcg) -> (Glossary, Vec<String>) {
    let mut g = Glossary::parse(&read("glossary.toml"), Path::new("glossary.toml")).unwrap();
    let mut words = Vec::new();
    while words.len() < 300 {
        let mut w = String::new();
        for _ in 0..(2 + rng.next() % 2) {
            w.push_str(rng.pick(&SYLLABLES));
        }
        w.push_str(rng.pick(&HEADS));
        let mut cs = w.chars();
        let de: String = cs
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default()
            + cs.as_str();
        if words.contains(&de) {
            continue;
        }
        words.push(de);
    }
    for (i, de) in words.iter().enumerate() {
        let en = format!("synthetic term {i}");
        let mut t = Term::new(de.clone(), [en]);
        match i % 10 {
            0 => t.match_mode = MatchMode::Exact,
            1 => t.match_mode = MatchMode::Prefix,
            2 => {
                let stem: String = de.chars().take(5).collect();
                t.match_mode = MatchMode::CustomStem { stem };
            }
            3 => t.de = format!("neue {de}"),
            4 => t.forms = vec![format!("{de}n"), format!("{de}s")],
            5 => t.forbidden = vec![format!("bad synthetic {i}")],
            _ => {}
        }
        g.terms.push(t);
    }
    (g, words)
}

fn german_text(rng: &mut Lcg, words: &[String]) -> String {
    let corpus: Vec<String> = read("clean.tsv")
        .lines()
        .chain(read("planted.tsv").lines())
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').rev().nth(1).map(str::to_string))
        .collect();
    let mut text = String::with_capacity(TARGET_BYTES + 1024);
    while text.len() < TARGET_BYTES {
        if rng.next().is_multiple_of(3) {
            let w = &words[rng.next() % words.len()];
            let sentence = match rng.next() % 4 {
                0 => format!("Die {w}n der Regierung wurden am 6. Januar bekannt. "),
                1 => format!("Der Streit um die Kim-{w} dauert an. "),
                2 => format!("Die Gross{} sorgt für 10'000 Fragen. ", w.to_lowercase()),
                _ => format!("Laut Angaben der {w} sind 5,5 Milliarden Franken betroffen. "),
            };
            text.push_str(&sentence);
        } else {
            text.push_str(&corpus[rng.next() % corpus.len()]);
            text.push(' ');
        }
    }
    text
}

/// Random syllable words: nearly every word distinct (the worst case for the
/// per-word stem cache).
fn diverse_german_text(rng: &mut Lcg) -> String {
    let mut text = String::with_capacity(TARGET_BYTES + 1024);
    while text.len() < TARGET_BYTES {
        for _ in 0..(1 + rng.next() % 4) {
            text.push_str(rng.pick(&SYLLABLES));
        }
        text.push_str(if rng.next().is_multiple_of(8) {
            ". "
        } else {
            " "
        });
    }
    text
}

/// One capitalised word of `chars` characters made of syllables, ending in
/// a compound head of the glossary (`...diktatur`).
fn long_word(rng: &mut Lcg, chars: usize) -> String {
    let mut w = String::from("Wal");
    let mut n = 3;
    while n < chars - "diktatur".len() {
        let s = rng.pick(&SYLLABLES);
        w.push_str(s);
        n += s.chars().count();
    }
    w.push_str("diktatur");
    w
}

fn english_text(rng: &mut Lcg) -> String {
    let corpus: Vec<String> = read("clean.tsv")
        .lines()
        .chain(read("planted.tsv").lines())
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next_back().map(str::to_string))
        .collect();
    let mut text = String::with_capacity(TARGET_BYTES + 1024);
    while text.len() < TARGET_BYTES {
        text.push_str(&corpus[rng.next() % corpus.len()]);
        text.push(' ');
    }
    text
}

fn bench(c: &mut Criterion) {
    let mut rng = Lcg(42);
    let (glossary, words) = glossary_with_synthetic(&mut rng);
    let de = german_text(&mut rng, &words);
    let en = english_text(&mut rng);
    let diverse = diverse_german_text(&mut rng);
    let matcher = TermMatcher::new(&glossary);
    eprintln!(
        "{} terms; German {} bytes, {} hits; English {} bytes, {} renderings",
        glossary.terms.len(),
        de.len(),
        matcher.find_source(&de).len(),
        en.len(),
        matcher.find_renderings(&en).len()
    );

    let mut group = c.benchmark_group("terms");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("build matcher (333 terms)", |b| {
        b.iter(|| TermMatcher::new(black_box(&glossary)))
    });
    group.throughput(Throughput::Bytes(de.len() as u64));
    group.bench_function("find_source 1 MB German", |b| {
        b.iter(|| matcher.find_source(black_box(&de)))
    });
    group.throughput(Throughput::Bytes(diverse.len() as u64));
    group.bench_function("find_source 1 MB random words", |b| {
        b.iter(|| matcher.find_source(black_box(&diverse)))
    });
    group.throughput(Throughput::Bytes(en.len() as u64));
    group.bench_function("find_renderings 1 MB English", |b| {
        b.iter(|| matcher.find_renderings(black_box(&en)))
    });
    let long = long_word(&mut rng, 40_000);
    eprintln!(
        "long word: {} characters, {} hits",
        long.chars().count(),
        matcher.find_source(&long).len()
    );
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("find_source one 40k-character word", |b| {
        b.iter(|| matcher.find_source(black_box(&long)))
    });

    // The whole check over the corpus's pairs, many times over.
    let lines: Vec<(String, String)> = read("clean.tsv")
        .lines()
        .chain(read("planted.tsv").lines())
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t').rev();
            let en = cols.next()?.to_string();
            let de = cols.next()?.to_string();
            Some((de, en))
        })
        .collect();
    let pairs: Vec<Pair<'_>> = (0..20)
        .flat_map(|round| {
            lines.iter().enumerate().map(move |(i, (de, en))| {
                Pair::new(format!("{round}-{i}"), de.as_str(), en.as_str())
            })
        })
        .collect();
    let bytes: usize = pairs.iter().map(|p| p.source.len() + p.target.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("check_pairs {} pairs", pairs.len()), |b| {
        b.iter(|| check_pairs(black_box(&pairs), &glossary, &CheckOptions::default()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
