//! TBX 2008 (`<martif>`), TBX-Basic's part-of-speech picklist, the
//! language sections of a term without English, and OmegaT's file names.

use std::path::Path;

use super::*;

#[test]
fn tbx_2008_round_trip_keeps_everything() {
    for original in [shipped(), hand_made()] {
        let tbx = export(&original, ExportFormat::Tbx2008).unwrap();
        assert!(tbx.contains("<martif type=\"TBX-Basic\""), "{tbx}");
        let (back, out) = import(tbx.as_bytes(), "g.tbx", "de", "en");
        assert_eq!(back, original, "{tbx}");
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
    }
}

#[test]
fn tbx_2008_uses_the_martif_names_and_nothing_of_v3() {
    let v2 = export(&hand_made(), ExportFormat::Tbx2008).unwrap();
    let v3 = export(&hand_made(), ExportFormat::Tbx).unwrap();
    for (v2_name, v3_name) in [
        ("<martifHeader>", "<tbxHeader>"),
        ("<termEntry id=", "<conceptEntry id="),
        ("<langSet xml:lang=", "<langSec xml:lang="),
        ("<tig>", "<termSec>"),
    ] {
        assert!(v2.contains(v2_name) && !v2.contains(v3_name), "{v2}");
        assert!(v3.contains(v3_name) && !v3.contains(v2_name), "{v3}");
    }
    assert!(!v2.contains("urn:iso:std:iso:30042"), "{v2}");
    assert!(v2.contains("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">"));
    // The same content: once the element names are mapped, only the
    // prologue and the header differ.
    let body = |t: &str| t.split_once("<body>").unwrap().1.to_owned();
    let mapped = body(&v2)
        .replace("termEntry", "conceptEntry")
        .replace("langSet", "langSec")
        .replace("tig>", "termSec>")
        .replace("</martif>", "</tbx>");
    assert_eq!(mapped, body(&v3));
}

#[test]
fn part_of_speech_is_a_tbx_basic_value_and_what_it_loses_is_kept() {
    let g = |pos: &str| Glossary {
        terms: vec![Term {
            pos: Some(pos.into()),
            ..Term::new("Pjöngjang", ["Pyongyang"])
        }],
        ..Glossary::default()
    };
    for (pos, tbx, kept) in [
        ("properNoun", "noun", true),
        ("proper noun", "noun", true),
        ("phrase", "other", true),
        ("n", "noun", false),
        ("Adj.", "adjective", false),
        ("other", "other", false),
    ] {
        for format in [ExportFormat::Tbx, ExportFormat::Tbx2008] {
            let text = export(&g(pos), format).unwrap();
            assert!(
                text.contains(&format!("<termNote type=\"partOfSpeech\">{tbx}</termNote>")),
                "{pos}: {text}"
            );
            assert_eq!(text.contains("<?satz pos="), kept, "{pos}: {text}");
            let (back, _) = import(text.as_bytes(), "g.tbx", "de", "en");
            let expected = if kept { pos } else { tbx };
            assert_eq!(back.terms[0].pos.as_deref(), Some(expected), "{pos}");
        }
    }
}

#[test]
fn a_term_without_english_has_no_english_language_section() {
    let g = Glossary {
        terms: vec![Term::new("Luftverkehrschaos", [] as [&str; 0])],
        ..Glossary::default()
    };
    for format in [ExportFormat::Tbx, ExportFormat::Tbx2008] {
        let text = export(&g, format).unwrap();
        let sections = |lang: &str| {
            text.matches(&format!("<langSec xml:lang=\"{lang}\""))
                .count()
                + text
                    .matches(&format!("<langSet xml:lang=\"{lang}\""))
                    .count()
        };
        assert_eq!((sections("de"), sections("en")), (1, 0), "{text}");
    }
}

#[test]
fn omegat_loads_only_its_file_names() {
    for (name, loads) in [
        ("glossary.txt", true),
        ("Glossary.TAB", true),
        ("g.utf8", true),
        ("g.tsv", false),
        ("g.csv", false),
        ("glossary", false),
    ] {
        assert_eq!(omegat_loads(Path::new(name)), loads, "{name}");
    }
}
