//! TMX reading: any bytes through the decoder (BOM, UTF-16, declared
//! encodings) and both readers. No input may panic, and a file that reads
//! must survive satz's own rewrite, since `Memory::add` rewrites foreign
//! files that way: the rewrite reads back with the same units, languages
//! and texts (less the characters XML cannot hold, which the writer drops),
//! and rewriting that again changes nothing.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use satz::tm::LangPair;
use satz::tm::tmx::{self, RawUnit};
use satz::tm::unit::Inline;

fn flatten(items: &[Inline], out: &mut String) {
    for item in items {
        match item {
            Inline::Text(t) => out.extend(t.chars().filter(|&c| tmx::write::is_xml_char(c))),
            Inline::Code { content, .. } => {
                out.push('\u{FFFC}');
                flatten(content, out);
                out.push('\u{FFFC}');
            }
        }
    }
}

/// What a rewrite must keep: per unit, each variant's language and text.
fn essence(units: &[RawUnit]) -> Vec<Vec<(String, String)>> {
    units
        .iter()
        .map(|u| {
            u.variants
                .iter()
                .map(|v| {
                    let mut text = String::new();
                    flatten(&v.seg.0, &mut text);
                    (
                        v.lang
                            .chars()
                            .filter(|&c| tmx::write::is_xml_char(c))
                            .collect(),
                        text,
                    )
                })
                .collect()
        })
        .collect()
}

fn reread(rendered: &str, path: &Path, input: &str) -> (tmx::Header, Vec<RawUnit>) {
    match tmx::read_all(rendered, path) {
        Ok(r) => r,
        Err(e) => panic!(
            "satz cannot read the TMX it wrote: {e}\n--- input:\n{input}\n--- written:\n{rendered}"
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.tmx");
    let Ok(text) = satz::fsx::decode(data, path) else {
        return;
    };
    let text = satz::fsx::nfc(text);
    let _ = tmx::read_pair(&text, path, &LangPair::default(), "fuzz.tmx");
    let Ok((header, units)) = tmx::read_all(&text, path) else {
        return;
    };
    let once = tmx::write::render(&header, "de", &units);
    let (header1, units1) = reread(&once, path, &text);
    assert_eq!(
        essence(&units),
        essence(&units1),
        "the rewrite changed the units:\n{once}"
    );
    let twice = tmx::write::render(&header1, "de", &units1);
    let (header2, units2) = reread(&twice, path, &once);
    assert_eq!(units1.len(), units2.len());
    let thrice = tmx::write::render(&header2, "de", &units2);
    assert_eq!(twice, thrice, "rewriting is not stable");
});
