//! Fuzzy look-up: index build and queries per second on the shared German-English
//! news TM (`$SATZ_SHARED_DATA/tm/tm.tsv`, 19.6k pairs; its 1,000 perturbed and
//! unseen queries), one thread and all cores. Without the data it runs on the
//! shipped example memory. `SATZ_BENCH_TSV=FILE` benches a memory of your own
//! instead (german<TAB>english lines, e.g. the million-unit memory made by
//! `examples/gen_memory.rs`), with the same queries.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use satz::tm::fuzzy::Prepared;
use satz::tm::index::{Entry, Index, build, search};

fn tsv_entries(path: &std::path::Path) -> Vec<Entry> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(de, en)| Entry {
            source: de.to_owned(),
            target: en.to_owned(),
            ..Entry::default()
        })
        .collect()
}

fn data() -> (Vec<Entry>, Vec<String>) {
    let (entries, queries) = shared_or_example();
    match std::env::var_os("SATZ_BENCH_TSV") {
        Some(path) => (tsv_entries(std::path::Path::new(&path)), queries),
        None => (entries, queries),
    }
}

fn shared_or_example() -> (Vec<Entry>, Vec<String>) {
    let dir = std::env::var_os("SATZ_SHARED_DATA").map(std::path::PathBuf::from);
    if let Some(dir) = dir {
        let entries = tsv_entries(&dir.join("tm/tm.tsv"));
        let mut queries = Vec::new();
        for f in ["tm/queries_perturbed.tsv", "tm/queries_unseen.tsv"] {
            let text = std::fs::read_to_string(dir.join(f)).unwrap_or_default();
            queries.extend(
                text.lines()
                    .skip(1)
                    .filter_map(|l| l.split('\t').nth(1))
                    .map(str::to_owned),
            );
        }
        if !entries.is_empty() {
            return (entries, queries);
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let memory = satz::tm::Memory::new(root.join("memory"), satz::tm::LangPair::default());
    let entries =
        build::entries(&memory.load().map(|l| l.units).unwrap_or_default()).unwrap_or_default();
    let queries = entries.iter().map(|e| e.source.clone()).collect();
    (entries, queries)
}

fn bench(c: &mut Criterion) {
    let (entries, queries) = data();
    println!(
        "fuzzy bench: {} units, {} queries",
        entries.len(),
        queries.len()
    );
    let mut g = c.benchmark_group("fuzzy");
    g.sample_size(10);
    g.throughput(Throughput::Elements(entries.len() as u64));
    g.bench_function("index_build", |b| {
        b.iter(|| black_box(build::build(&entries, 0, &|| {}).map(|(bytes, _)| bytes.len())))
    });

    let Ok(index) = Index::from_entries(&entries) else {
        eprintln!("fuzzy bench: the memory is too large for an index");
        return;
    };
    let view = index.view();
    let prepared: Vec<Prepared> = queries.iter().map(|q| Prepared::new(q.as_str())).collect();
    g.throughput(Throughput::Elements(prepared.len() as u64));
    g.bench_function("lookup_min70_top3_one_thread", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|q| search::search(&view, q, 70, 3, &|_| false).len())
                .sum::<usize>()
        })
    });
    g.bench_function("lookup_min70_top3_all_cores", |b| {
        b.iter(|| {
            prepared
                .par_iter()
                .map(|q| search::search(&view, q, 70, 3, &|_| false).len())
                .sum::<usize>()
        })
    });
    g.bench_function("lookup_min50_top1_one_thread", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|q| search::search(&view, q, 50, 1, &|_| false).len())
                .sum::<usize>()
        })
    });
    g.bench_function("lookup_min50_top1_all_cores", |b| {
        b.iter(|| {
            prepared
                .par_iter()
                .map(|q| search::search(&view, q, 50, 1, &|_| false).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
