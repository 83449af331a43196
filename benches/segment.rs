//! Throughput of the sentence segmenter on ~5 MB of German text.
//!
//! Uses the German dev text (`$SATZ_SHARED_DATA/segment/dev/de.txt`)
//! repeated to ~5 MB, or a built-in sample paragraph when the variable is not
//! set. Criterion reports the throughput in MiB/s.

#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use satz::segment::{Lang, Segmenter};

const TARGET_BYTES: usize = 5 * 1024 * 1024;

const SAMPLE: &str = "US-Aussenminister Antony Blinken warnte am 6. Januar: «Nordkorea erhält \
bereits russische Militärausrüstung», sagte er. Das Flugzeug wurde im Jahr 1977 entwickelt. \
Im 19. Jahrhundert lebten z. B. rund 10'000 Menschen in der Stadt, d. h. etwa 3.5 Prozent \
mehr als heute. Prof. Dr. Müller (vgl. S. 5) sieht das anders … Die Zahlen stammen vom \
2. Weltkrieg usw. Wer hat recht? Mehr dazu auf www.example.ch.\n\n";

fn corpus() -> (String, &'static str) {
    let dev = std::env::var_os("SATZ_SHARED_DATA")
        .map(|d| std::path::PathBuf::from(d).join("segment/dev/de.txt"))
        .and_then(|p| std::fs::read_to_string(p).ok())
        .filter(|t| !t.trim().is_empty());
    let (unit, source) = match dev {
        Some(t) => (t, "German dev text"),
        None => (SAMPLE.to_string(), "built-in sample"),
    };
    let mut text = String::with_capacity(TARGET_BYTES + unit.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&unit);
        text.push_str("\n\n");
    }
    (text, source)
}

fn bench(c: &mut Criterion) {
    let (text, source) = corpus();
    let seg = Segmenter::new(Lang::De);
    let n = seg.split(&text).len();
    println!(
        "segment bench: {source}, {} bytes, {n} sentences",
        text.len()
    );
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("de_split_5MB", |b| {
        b.iter(|| black_box(seg.split(black_box(&text))).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
