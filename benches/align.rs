//! Benchmark: aligning a 5,000- and a 10,000-sentence document pair, built by
//! concatenating the development documents (read from `$SATZ_SHARED_DATA`,
//! e.g. `/work/shared/data`) until the source side has the wanted length.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use satz::align::{AlignOptions, Sentence, align};
use satz::text::numbers::NumLang;

fn read_lines(p: PathBuf) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}').to_string())
        .collect()
}

/// (source, target) lines of all development documents, or `None` without data.
fn corpus() -> Option<(Vec<String>, Vec<String>)> {
    let root = PathBuf::from(std::env::var_os("SATZ_SHARED_DATA")?).join("align");
    let docs = [
        ("textberg-defr/dev", "fr.txt"),
        ("sao-deen/KA_06_03", "en.txt"),
        ("sao-deen/KA_09_11_OCR", "en.txt"),
    ];
    let mut s = Vec::new();
    let mut t = Vec::new();
    for (d, tf) in docs {
        s.extend(read_lines(root.join(d).join("de.txt")));
        t.extend(read_lines(root.join(d).join(tf)));
    }
    (!s.is_empty()).then_some((s, t))
}

fn repeat_to(n: usize, s: &[String], t: &[String]) -> (Vec<String>, Vec<String>) {
    let copies = n.div_ceil(s.len());
    let mut a: Vec<String> = s.iter().cycle().take(copies * s.len()).cloned().collect();
    let mut b: Vec<String> = t.iter().cycle().take(copies * t.len()).cloned().collect();
    let keep_b = (n * b.len()) / a.len();
    a.truncate(n);
    b.truncate(keep_b);
    (a, b)
}

fn bench(c: &mut Criterion) {
    let Some((s, t)) = corpus() else {
        println!("skipped: SATZ_SHARED_DATA not set");
        return;
    };
    let opts = AlignOptions {
        target_lang: NumLang::En,
        ..AlignOptions::default()
    };
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    for n in [5_000usize, 10_000] {
        let (a, b) = repeat_to(n, &s, &t);
        let sa: Vec<Sentence> = a
            .iter()
            .map(|x| Sentence {
                text: x,
                paragraph: 0,
            })
            .collect();
        let sb: Vec<Sentence> = b
            .iter()
            .map(|x| Sentence {
                text: x,
                paragraph: 0,
            })
            .collect();
        group.bench_function(format!("{}x{}", sa.len(), sb.len()), |bn| {
            bn.iter(|| black_box(align(&sa, &sb, &opts)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
