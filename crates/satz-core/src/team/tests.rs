use std::path::Path;

use super::*;
use crate::glossary::{Glossary, add_term, remove_term};
use crate::tm::tmx::{self, Header};
use crate::tm::unit::Unit;

fn tmx_of(units: &[(&str, &str)]) -> String {
    let raw: Vec<_> = units
        .iter()
        .map(|(de, en)| tmx::raw_from_unit(&Unit::new("de", de, "en", en)))
        .collect();
    tmx::write::render(&Header::default(), "de", &raw)
}

fn sources(text: &str) -> Vec<String> {
    let file = tmx::read_pair(text, Path::new("m.tmx"), &Default::default(), "m").unwrap();
    file.units.iter().map(Unit::source_text).collect()
}

const P: &str = "memory/m.tmx";

#[test]
fn tmx_union_is_symmetric_and_keeps_base_order() {
    let base = tmx_of(&[("A", "a"), ("B", "b")]);
    let ours = tmx_of(&[("A", "a"), ("B", "b"), ("C", "c"), ("D", "d")]);
    let theirs = tmx_of(&[("A", "a"), ("B", "b"), ("E", "e"), ("C", "c")]);
    let one = merge_tmx(&base, &ours, &theirs, Path::new(P)).unwrap();
    let two = merge_tmx(&base, &theirs, &ours, Path::new(P)).unwrap();
    assert_eq!(one.text, two.text);
    let got = sources(&one.text);
    assert_eq!(&got[..2], ["A", "B"]);
    let mut rest = got[2..].to_vec();
    rest.sort();
    assert_eq!(rest, ["C", "D", "E"]);
    assert_eq!(one.units, 5);
}

#[test]
fn tmx_deletion_on_one_side_stays_deleted() {
    let base = tmx_of(&[("A", "a"), ("B", "b")]);
    let ours = tmx_of(&[("A", "a")]);
    let theirs = tmx_of(&[("A", "a"), ("B", "b"), ("C", "c")]);
    let merged = merge_tmx(&base, &ours, &theirs, Path::new(P)).unwrap();
    assert_eq!(sources(&merged.text), ["A", "C"]);
    assert_eq!(merged.removed, 1);
}

#[test]
fn tmx_file_new_on_both_sides() {
    let ours = tmx_of(&[("A", "a"), ("B", "b")]);
    let theirs = tmx_of(&[("B", "b"), ("C", "c")]);
    let merged = merge_tmx("", &ours, &theirs, Path::new(P)).unwrap();
    let other = merge_tmx("", &theirs, &ours, Path::new(P)).unwrap();
    assert_eq!(merged.text, other.text);
    // Each side's additions in its own order, one run after the other.
    let got = sources(&merged.text);
    assert!(got == ["A", "B", "C"] || got == ["B", "C", "A"], "{got:?}");
}

#[test]
fn tmx_a_file_satz_cannot_reproduce_is_refused() {
    let base = tmx_of(&[("A", "a")]);
    let foreign = base.replace("<tu ", "<tu  ");
    let err = merge_tmx(&base, &foreign, &base, Path::new(P)).unwrap_err();
    assert!(err.to_string().contains("merge this file by hand"), "{err}");
    let unknown = base.replace("</tu>", "  <x-new/>\n    </tu>");
    assert!(merge_tmx(&base, &base, &unknown, Path::new(P)).is_err());
}

#[test]
fn conflict_markers_are_found_with_their_lines() {
    let text = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> other\nd\n";
    let m = conflict_marker(text).unwrap();
    assert_eq!((m.line, m.end_line), (2, Some(6)));
    assert_eq!(m.label, "HEAD");
    assert!(conflict_marker("a <<<<<<< b\n<<<<<<<<\n").is_none());
    let tmx = tmx_of(&[("A", "a")]).replace("    <tu", "<<<<<<< HEAD\n    <tu");
    let err = tmx::read_all(&tmx, Path::new(P)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("memory/m.tmx:5: unresolved merge conflict"),
        "{err}"
    );
}

const GLOSSARY: &str = "\
# The desk's glossary.
[glossary]
source_lang = \"de\"
target_lang = \"en\"

# Nazi-era legal term.
[[term]]
de = \"Sippenhaft\"
en = \"collective punishment\"   # the one we use
";

fn add(text: &str, de: &str, en: &str) -> String {
    add_term(text, Path::new("g"), &crate::glossary::Term::new(de, [en]))
        .unwrap()
        .text
}

#[test]
fn glossary_union_keeps_comments_and_is_symmetric() {
    let ours = add(GLOSSARY, "Kanonenfutter", "cannon fodder").replace(
        "[[term]]\nde = \"Kanonenfutter\"",
        "# from the Kim story\n[[term]]\nde = \"Kanonenfutter\"",
    );
    let theirs = add(GLOSSARY, "Erbdiktatur", "hereditary dictatorship");
    let one = merge_glossary(GLOSSARY, &ours, &theirs, Path::new("g")).unwrap();
    let two = merge_glossary(GLOSSARY, &theirs, &ours, Path::new("g")).unwrap();
    assert!(one.conflicts.is_empty());
    assert_eq!(one.text, two.text);
    assert!(one.text.starts_with(GLOSSARY), "{}", one.text);
    assert!(one.text.contains("# from the Kim story\n[[term]]"));
    let g = Glossary::parse(&one.text, Path::new("g")).unwrap();
    let des: Vec<&str> = g.terms.iter().map(|t| t.de.as_str()).collect();
    assert_eq!(des, ["Sippenhaft", "Erbdiktatur", "Kanonenfutter"]);
}

#[test]
fn glossary_removal_and_one_sided_change() {
    let base = add(GLOSSARY, "Kanonenfutter", "cannon fodder");
    let ours = remove_term(&base, Path::new("g"), "Kanonenfutter").unwrap();
    let theirs = add(&base, "Sippenhaft", "kin liability");
    let merged = merge_glossary(&base, &ours, &theirs, Path::new("g")).unwrap();
    let g = Glossary::parse(&merged.text, Path::new("g")).unwrap();
    assert_eq!(g.terms.len(), 1);
    assert_eq!(g.terms[0].en, ["collective punishment", "kin liability"]);
}

#[test]
fn glossary_same_term_changed_both_ways_is_a_conflict() {
    let ours = add(GLOSSARY, "Sippenhaft", "kin liability");
    let theirs = add(GLOSSARY, "Sippenhaft", "clan liability");
    let merged = merge_glossary(GLOSSARY, &ours, &theirs, Path::new("g")).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].fields, ["en"]);
    assert!(merged.text.contains("kin liability") && merged.text.contains("clan liability"));
    let err = Glossary::parse(&merged.text, Path::new("g")).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("g:6:1: unresolved merge conflict"),
        "{message}"
    );
    assert!(
        message.contains("term \"Sippenhaft\" changed on both sides (en differ)"),
        "{message}"
    );
}
