//! Tests of the term tables and extraction.

use super::*;
use crate::glossary::{Glossary, Term};

fn unit(de: &str, en: &str) -> UnitText {
    UnitText {
        source: de.to_owned(),
        target: en.to_owned(),
        origin: None,
    }
}

fn glossary() -> Glossary {
    Glossary {
        terms: vec![
            Term {
                forbidden: vec!["cannon feed".into()],
                ..Term::new("Kanonenfutter", ["cannon fodder", "fodder"])
            },
            Term::new("Erbdiktatur", ["hereditary dictatorship"]),
        ],
        ..Glossary::default()
    }
}

#[test]
fn usage_counts_units_by_class_and_picks_the_best_example() {
    let units = [
        unit(
            "Kanonenfutter, nichts als Kanonenfutter.",
            "Cannon fodder, nothing but cannon fodder.",
        ),
        unit(
            "Das lange Kanonenfutter des Kremls kommt.",
            "The cannon feed of the Kremlin, fodder.",
        ),
        unit("Kanonenfutter!", "Fodder!"),
        unit("Des Kanonenfutters wegen.", "Because of the soldiers."),
        unit("Nichts davon.", "None of it."),
    ];
    let usage = usage_of(&glossary(), &units);
    let k = &usage[0];
    assert_eq!(k.units, 4, "a unit counts once, inflected forms count");
    assert_eq!(k.approved, [1, 2]);
    assert_eq!(k.forbidden, [1]);
    assert_eq!(
        (k.units_approved, k.units_forbidden, k.units_other),
        (2, 1, 1)
    );
    let ex = k.example.as_ref().unwrap();
    assert_eq!(ex.source, "Kanonenfutter, nichts als Kanonenfutter.");
    assert_eq!(ex.en_index, Some(0), "the preferred translation wins");
    assert_eq!((usage[1].units, usage[1].approved.clone()), (0, vec![0]));
    assert!(usage[1].example.is_none());
    let g = glossary();
    assert_eq!(
        render::distribution(&g.terms[0], k, ""),
        [
            "cannon fodder: 1",
            "fodder: 2",
            "cannon feed (forbidden): 1",
            "other: 1"
        ]
    );
}

#[test]
fn markdown_cells_are_escaped() {
    assert_eq!(
        render::md_cell(" a | b \\ <c>\nd "),
        "a \\| b \\\\ &lt;c><br>d"
    );
    let t = TableData {
        header: vec!["a".into(), "b".into()],
        rows: vec![vec!["x|y".into(), String::new()]],
    };
    assert_eq!(t.to_markdown(), "| a | b |\n|---|---|\n| x\\|y |  |\n");
    assert_eq!(t.to_csv().unwrap(), "a,b\nx|y,\n");
}

fn fixture_units() -> Vec<UnitText> {
    include_str!("../../../../tests/fixtures/terms-extract.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(de, en)| unit(de, en))
        .collect()
}

#[test]
fn extraction_puts_the_memorys_terms_on_top() {
    let units = fixture_units();
    assert_eq!(units.len(), 30);
    let found = extract(&units, &Glossary::default(), ExtractOptions::default());
    let mut top: Vec<(String, String)> = found
        .iter()
        .take(4)
        .map(|c| (c.de.clone(), c.equivalents[0].en.clone()))
        .collect();
    top.sort();
    assert_eq!(
        top,
        [
            (
                "Erbdiktatur".to_owned(),
                "hereditary dictatorship".to_owned()
            ),
            ("Hyperschallrakete".into(), "hypersonic missile".into()),
            ("Kanonenfutter".into(), "cannon fodder".into()),
            ("Sippenhaft".into(), "collective punishment".into()),
        ]
    );
    // Frequent general words and names rank far below.
    let score = |de: &str| found.iter().find(|c| c.de == de).map(|c| c.score);
    let lowest_term = found
        .iter()
        .take(4)
        .map(|c| c.score)
        .fold(f64::MAX, f64::min);
    for general in ["Nordkorea", "Soldaten", "Regierung", "Krieg"] {
        if let Some(s) = score(general) {
            assert!(s < lowest_term / 4.0, "{general}: {s} vs {lowest_term}");
        }
    }
    // Deterministic.
    assert_eq!(
        extract(&units, &Glossary::default(), ExtractOptions::default()),
        found
    );
}

#[test]
fn extraction_skips_glossary_terms_in_any_form() {
    let units = fixture_units();
    let found = extract(&units, &glossary(), ExtractOptions::default());
    assert!(
        found
            .iter()
            .all(|c| c.de != "Erbdiktatur" && c.de != "Kanonenfutter")
    );
    assert!(found.iter().any(|c| c.de == "Sippenhaft"));
    let few = extract(
        &units,
        &glossary(),
        ExtractOptions {
            min_freq: 7,
            top: 20,
            names: false,
        },
    );
    assert!(few.is_empty(), "no candidate is in 7 units: {few:?}");
    assert!(extract(&[], &glossary(), ExtractOptions::default()).is_empty());
}
