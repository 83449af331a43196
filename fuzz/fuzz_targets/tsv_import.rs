//! Import parsing: any bytes as a file on disk through
//! `satz::tm::import::parse_file`. The first byte picks the file name (so
//! format detection by extension and by content are both reached); the
//! rest is the file. No input may panic, and every unit read has only
//! characters XML can hold and, from TSV or CSV, both sides.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use satz::tm::LangPair;
use satz::tm::import::{InputFormat, detect_format, parse_file};

const NAMES: [&str; 4] = ["in.tsv", "in.csv", "in", "in.txt"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(body))
        .expect("write input");
    let Ok(parsed) = parse_file(&path, &LangPair::default(), None) else {
        return;
    };
    assert_eq!(parsed.read, parsed.units.len());
    // TMX may hold an empty segment; a TSV or CSV line without both sides
    // is skipped.
    let tmx = satz::fsx::decode(body, &path)
        .is_ok_and(|text| detect_format(&path, &text) == InputFormat::Tmx);
    for u in &parsed.units {
        let (s, t) = (u.source_text(), u.target_text());
        assert!(
            tmx || (!s.trim().is_empty() && !t.trim().is_empty()),
            "a unit with an empty side: {s:?} / {t:?}"
        );
        for c in s.chars().chain(t.chars()) {
            assert!(satz::tm::tmx::write::is_xml_char(c), "{c:?} kept");
        }
    }
});
