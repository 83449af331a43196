//! XLIFF reading and what is built on it: any bytes through the decoder and
//! the XLIFF reader, then the import's selection of confirmed segments
//! (with their neighbours) and `merge`'s text. No input may panic; a merged
//! text has one paragraph per non-empty group or unit at most, and every
//! unit the import keeps has a source and a target.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use satz::lang::LangPair;
use satz::xliff;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.xlf");
    let Ok(text) = satz::fsx::decode_input(data.to_vec(), path, None) else {
        return;
    };
    let Ok(doc) = xliff::parse(&text, path) else {
        return;
    };
    let merged = xliff::merge::merge(&doc);
    assert_eq!(
        merged.segments,
        doc.units().filter(|u| u.translate).map(|u| u.segments.len()).sum::<usize>()
    );
    let parsed = xliff::import::units_of(doc, path, &LangPair::new("de", "en"));
    for unit in &parsed.units {
        assert!(!unit.source_text().trim().is_empty());
        assert!(!unit.target_text().trim().is_empty());
    }
});
