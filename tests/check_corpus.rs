//! The hand-made QA corpus: `tests/fixtures/check/clean.tsv` (pairs no
//! check may report) and `planted.tsv` (pairs with exactly one planted
//! error each), checked together with the project glossary
//! (`glossary.toml`, a copy of the real one) plus `extra.toml` (a
//! deprecated entry the real glossary lacks).
//!
//! The test fails on any missed planted error, on any finding on a clean
//! pair, and on any finding beyond the planted one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::Path;

use satz::check::{CheckOptions, Code, Finding, Pair, Severity, check_pairs, to_json_line};
use satz::glossary::Glossary;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check");

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(DIR).join(name)).unwrap()
}

fn glossary() -> Glossary {
    let text = format!("{}\n{}", read("glossary.toml"), read("extra.toml"));
    Glossary::parse(&text, Path::new("glossary.toml")).unwrap()
}

/// A corpus line: unit id, expected (code, severity) or none, de, en.
struct Line {
    id: String,
    expected: Option<(Code, Option<Severity>)>,
    de: String,
    en: String,
}

fn lines(name: &str, planted: bool) -> Vec<Line> {
    read(name)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            let id = format!("{name}:{}", n + 1);
            if planted {
                assert_eq!(cols.len(), 3, "{id}: expected 3 columns");
                let (code, severity) = match cols[0].split_once(':') {
                    Some((c, "error")) => (c, Some(Severity::Error)),
                    Some((c, "warning")) => (c, Some(Severity::Warning)),
                    Some((_, s)) => panic!("{id}: bad severity {s}"),
                    None => (cols[0], None),
                };
                let code: Code = code.parse().unwrap_or_else(|e| panic!("{id}: {e}"));
                Line {
                    id,
                    expected: Some((code, severity)),
                    de: cols[1].to_string(),
                    en: cols[2].to_string(),
                }
            } else {
                assert_eq!(cols.len(), 2, "{id}: expected 2 columns");
                Line {
                    id,
                    expected: None,
                    de: cols[0].to_string(),
                    en: cols[1].to_string(),
                }
            }
        })
        .collect()
}

fn corpus() -> Vec<Line> {
    let mut all = lines("clean.tsv", false);
    all.extend(lines("planted.tsv", true));
    all
}

fn run(all: &[Line], opts: &CheckOptions) -> BTreeMap<String, Vec<Finding>> {
    let pairs: Vec<Pair<'_>> = all
        .iter()
        .map(|l| Pair::new(l.id.clone(), &l.de, &l.en))
        .collect();
    let mut by_unit: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in check_pairs(&pairs, &glossary(), opts) {
        by_unit.entry(f.unit.clone()).or_default().push(f);
    }
    by_unit
}

fn show(f: &Finding) -> String {
    format!("{} {}: {}", f.code, f.severity.as_str(), f.message)
}

#[test]
fn corpus_is_big_enough_and_covers_every_code() {
    let all = corpus();
    let clean = all.iter().filter(|l| l.expected.is_none()).count();
    let planted = all.len() - clean;
    assert!(all.len() >= 60, "{} pairs", all.len());
    assert!(
        clean >= 30 && planted >= 30,
        "{clean} clean, {planted} planted"
    );
    // omission and addition need an aligned document (tests/check.rs).
    for code in Code::ALL
        .into_iter()
        .filter(|c| !Code::DOCUMENT_ONLY.contains(c))
    {
        assert!(
            all.iter()
                .any(|l| l.expected.as_ref().is_some_and(|(c, _)| *c == code)),
            "no planted {code}"
        );
    }
}

#[test]
fn clean_pairs_are_clean_and_planted_errors_are_found_alone() {
    let all = corpus();
    let found = run(&all, &CheckOptions::default());
    let mut failures = Vec::new();
    let mut per_code: BTreeMap<Code, (usize, usize)> = BTreeMap::new();
    for l in &all {
        let got = found.get(&l.id).map(Vec::as_slice).unwrap_or(&[]);
        match &l.expected {
            None => {
                for f in got {
                    failures.push(format!(
                        "{} (clean) {} | {}\n    false alarm: {}",
                        l.id,
                        l.de,
                        l.en,
                        show(f)
                    ));
                }
            }
            Some((code, severity)) => {
                let entry = per_code.entry(*code).or_default();
                entry.0 += 1;
                let hit = got
                    .iter()
                    .any(|f| f.code == *code && severity.is_none_or(|s| f.severity == s));
                if hit {
                    entry.1 += 1;
                } else {
                    failures.push(format!(
                        "{} missed {code}{}: {} | {}",
                        l.id,
                        severity
                            .map(|s| format!(" ({})", s.as_str()))
                            .unwrap_or_default(),
                        l.de,
                        l.en
                    ));
                }
                for f in got.iter().filter(|f| f.code != *code) {
                    failures.push(format!("{} extra finding beyond {code}: {}", l.id, show(f)));
                }
                if got.iter().filter(|f| f.code == *code).count() > 1 {
                    failures.push(format!("{} reported {code} more than once", l.id));
                }
            }
        }
    }
    for (code, (planted, caught)) in &per_code {
        eprintln!("{code:<26} planted {planted:>2}  caught {caught:>2}");
    }
    let clean = all.iter().filter(|l| l.expected.is_none()).count();
    eprintln!("{clean} clean pairs, {} planted", all.len() - clean);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_point_into_the_texts() {
    let all = corpus();
    for findings in run(&all, &CheckOptions::default()).values() {
        for f in findings {
            for &(s, e) in &f.source_spans {
                assert!(s < e && f.source.get(s..e).is_some(), "{f:?}");
            }
            for &(s, e) in &f.target_spans {
                assert!(s < e && f.target.get(s..e).is_some(), "{f:?}");
            }
        }
    }
}

#[test]
fn ignore_and_accept_drop_findings() {
    let all = corpus();
    let planted: Vec<&Line> = all.iter().filter(|l| l.expected.is_some()).collect();
    let first = planted[0];
    let (code, _) = first.expected.unwrap();
    let opts = CheckOptions {
        ignore: vec![Code::DoubledWord],
        accepted: vec![
            (first.id.clone(), Some(code)),
            (planted[1].id.clone(), None),
        ],
    };
    let found = run(&all, &opts);
    assert!(!found.contains_key(&first.id));
    assert!(!found.contains_key(&planted[1].id));
    assert!(
        found
            .values()
            .flatten()
            .all(|f| f.code != Code::DoubledWord)
    );
    // Others are still there.
    assert!(
        found
            .values()
            .flatten()
            .any(|f| f.code == Code::NumberMismatch)
    );
}

#[test]
fn json_lines_have_exactly_the_documented_fields() {
    let all = corpus();
    for f in run(&all, &CheckOptions::default()).values().flatten() {
        let line = to_json_line(f);
        assert!(!line.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let obj = v.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 7, "{line}");
        assert!(line.starts_with("{\"code\":"), "{line}");
        for k in [
            "code", "severity", "unit", "source", "target", "message", "evidence",
        ] {
            assert!(obj[k].is_string(), "{k} in {line}");
        }
        assert!(matches!(
            obj["severity"].as_str(),
            Some("error" | "warning")
        ));
    }
}
