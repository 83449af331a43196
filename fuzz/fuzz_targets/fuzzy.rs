//! The fuzzy-match index against the exhaustive scan: the memory is the
//! input's lines, the query one of them (or extra text), for any threshold
//! and K. Both must return the same matches, scores and order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satz::tm::fuzzy::{Prepared, exhaustive};
use satz::tm::index::{Entry, Index, search};

const MAX_UNITS: usize = 200;

fuzz_target!(|input: (u8, u8, u8, &str, &str)| {
    let (min, top, pick, memory, extra) = input;
    let min = u32::from(min) % 102;
    let top = usize::from(top % 8) + 1;
    let entries: Vec<Entry> = memory
        .lines()
        .take(MAX_UNITS)
        .enumerate()
        .map(|(i, line)| Entry {
            source: satz::fsx::nfc(line.to_owned()),
            target: format!("T{i}"),
            file: "m.tmx".into(),
            line: i as u32 + 1,
            ..Entry::default()
        })
        .collect();
    let query = match entries.get(usize::from(pick)) {
        Some(e) if pick % 2 == 0 => e.source.clone(),
        Some(e) => format!("{} {extra}", e.source),
        None => extra.to_owned(),
    };
    let query = satz::fsx::nfc(query);
    let index = Index::from_entries(&entries).unwrap();
    let prepared: Vec<Prepared> = entries
        .iter()
        .map(|e| Prepared::new(e.source.as_str()))
        .collect();
    let q = Prepared::new(query.as_str());
    let context = |u: usize| u % 3 == usize::from(pick) % 3;
    let fast = search::search(&index.view(), &q, min, top, &context);
    let slow = exhaustive::search(&prepared, &q, min, top, &context);
    assert_eq!(fast, slow, "query {query:?}, min {min}, top {top}");
});
