//! `satz concordance` on a memory of its own: whole words with inflection,
//! German compound parts (ranked after whole words and marked), wildcards,
//! phrases and English inflection.

use std::collections::HashSet;

use satz::tm::concordance::{Concordance, Lexicon, MatchKind};

use crate::common::Fixture;

/// A memory whose German vocabulary holds the parts of its compounds
/// (`Stadt`, `Sicherheit`, `Herr`, `Schüler`, `Flug`, `Kontrolle`) as
/// words of their own, and `Räte` (so `Rate` is no form of `Rat`).
fn fixture() -> Fixture {
    let fx = Fixture::new();
    fx.write(
        "pairs.tsv",
        "Der Stadtrat tagt.\tThe city council meets.\n\
         Der Rat der Stadt tagt.\tThe council of the city meets.\n\
         Die Stadträte und der Sicherheitsrat tagen.\tThe city councillors and the Security Council meet.\n\
         Ein Ratsherr kam.\tA councillor came.\n\
         Die Sicherheit und der Herr.\tSecurity and the gentleman.\n\
         Zwei Räte.\tTwo councils.\n\
         Der Apparat, die Rate, die Beratung; sie raten ab.\tThe device, the rate, the advice; they advise against it.\n\
         Die Fluglotsen und die Lotsenschülern halfen den Lotsen.\tThe air traffic controllers and the pilot trainees helped the pilots.\n\
         Ein Schüler auf dem Flug.\tA pupil on the flight.\n\
         Die Grenzkontrolle an der Grenze.\tThe border control at the border.\n\
         Eine Kontrolle.\tThe controller's control of the controllers.\n",
    );
    fx.satz()
        .args(["import", "pairs.tsv", "--name", "conc"])
        .assert()
        .success();
    fx
}

/// The JSON objects `satz concordance ARGS --format json` prints.
fn json(fx: &Fixture, args: &[&str]) -> Vec<serde_json::Value> {
    let out = fx
        .satz()
        .arg("concordance")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (the matched words, `match`) of each hit, in output order.
fn hits(fx: &Fixture, args: &[&str]) -> Vec<(Vec<String>, String)> {
    json(fx, args)
        .iter()
        .map(|v| {
            let side = if v["side"] == "en" {
                "target"
            } else {
                "source"
            };
            let text = v[side].as_str().unwrap();
            let words = v["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let (a, b) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
                    text[a as usize..b as usize].to_owned()
                })
                .collect();
            (words, v["match"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn hit(words: &[&str], kind: &str) -> (Vec<String>, String) {
    (
        words.iter().map(|w| (*w).to_owned()).collect(),
        kind.to_owned(),
    )
}

#[test]
fn compound_parts_come_after_whole_words_and_are_marked() {
    let fx = fixture();
    assert_eq!(
        hits(&fx, &["Rat"]),
        [
            hit(&["Rat"], "word"),
            hit(&["Räte"], "word"),
            hit(&["Stadtrat"], "compound"),
            hit(&["Stadträte", "Sicherheitsrat"], "compound"),
            hit(&["Ratsherr"], "compound"),
        ]
    );
    // The existing fields stay.
    let v = &json(&fx, &["Rat"])[0];
    assert_eq!(v["origin"], "conc.tmx");
    assert_eq!(v["side"], "de");
    assert_eq!(v["target"], "The council of the city meets.");
    let out = fx
        .satz()
        .args(["concordance", "Rat", "--format", "table"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert_eq!(table.matches("[compound part]").count(), 3, "{table}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("5 unit(s), 3 of them only as a compound part"),
        "{err}"
    );
}

#[test]
fn linking_elements_and_a_dropped_e() {
    let fx = fixture();
    assert_eq!(
        hits(&fx, &["Lotse"]),
        [hit(&["Fluglotsen", "Lotsenschülern", "Lotsen"], "word")]
    );
    let v = &json(&fx, &["Lotse"])[0];
    assert_eq!(v["match"], "word");
    assert_eq!(
        hits(&fx, &["Grenze"]),
        [hit(&["Grenzkontrolle", "Grenze"], "word")]
    );
}

#[test]
fn letters_of_other_words_are_not_found() {
    let fx = fixture();
    let found = hits(&fx, &["Rat"]);
    for w in ["Apparat", "Rate", "raten", "Beratung"] {
        assert!(
            found.iter().all(|(ws, _)| !ws.iter().any(|x| x == w)),
            "{w}: {found:?}"
        );
    }
}

#[test]
fn wildcards_are_patterns_over_single_words() {
    let fx = fixture();
    assert_eq!(
        hits(&fx, &["*lotse*"]),
        [hit(&["Fluglotsen", "Lotsenschülern", "Lotsen"], "word")]
    );
    assert_eq!(
        hits(&fx, &["Lotse*"]),
        [hit(&["Lotsenschülern", "Lotsen"], "word")]
    );
    assert_eq!(
        hits(&fx, &["*lotsen"]),
        [hit(&["Fluglotsen", "Lotsen"], "word")]
    );
    // A `*` is never dropped: `*lotse` is no `Lotsen`.
    assert_eq!(hits(&fx, &["*lotse"]), []);
}

#[test]
fn phrases_match_consecutive_words() {
    let fx = fixture();
    // A phrase whose last word is a compound's first part: ranked after
    // the whole words.
    assert_eq!(
        hits(&fx, &["der Stadt"]),
        [
            hit(&["der Stadt"], "word"),
            hit(&["Der Stadtrat"], "compound")
        ]
    );
    assert_eq!(
        hits(&fx, &["die Fluglotse"]),
        [hit(&["Die Fluglotsen"], "word")]
    );
    assert_eq!(
        hits(&fx, &["die Lotse"]),
        [hit(&["Die Fluglotsen", "die Lotsenschülern"], "compound")]
    );
    assert_eq!(hits(&fx, &["den *lotse*"]), [hit(&["den Lotsen"], "word")]);
}

#[test]
fn english_matches_inflection_not_derivation() {
    let fx = fixture();
    assert_eq!(
        hits(&fx, &["--lang", "en", "controller"]),
        [
            hit(&["controllers"], "word"),
            hit(&["controller's", "controllers"], "word"),
        ]
    );
    let control = hits(&fx, &["--lang", "en", "control"]);
    assert_eq!(
        control,
        [hit(&["control"], "word"), hit(&["control"], "word")]
    );
}

#[test]
fn a_pattern_without_letters_is_a_usage_error() {
    let fx = fixture();
    for q in ["*", "**", "?", "*?*"] {
        let out = fx.satz().args(["concordance", q]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{q}: {out:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("a pattern needs at least one letter"), "{err}");
        assert!(out.stdout.is_empty(), "{q}");
    }
    // A letter is enough.
    assert_eq!(hits(&fx, &["R?t"]), [hit(&["Rat"], "word")]);
}

/// The judged development words of `tests/fixtures/audit/concordance-dev.tsv`
/// on `tm.tsv`: every form judged `ok` is a compound hit on its line, every
/// form judged `excluded-ok` is none (the rules keep what was judged).
#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn judged_development_words_on_the_news_memory() {
    let (index, _) = crate::concordance_heldout::news_memory();
    let view = index.view();
    let lexicon = Lexicon::of_memory(&view);
    let judged = std::fs::read_to_string("tests/fixtures/audit/concordance-dev.tsv").unwrap();
    let mut checked = 0;
    for row in judged.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (word, line, form, verdict) = (cols[0], cols[1], cols[2], cols[3]);
        let Ok(line) = line.parse::<u32>() else {
            continue;
        };
        let hits: HashSet<(u32, String)> = Concordance::new(word, false)
            .search_with(&view, &lexicon)
            .iter()
            .flat_map(|h| {
                h.spans
                    .iter()
                    .zip(&h.kinds)
                    .filter(|(_, k)| **k == MatchKind::Compound)
                    .map(|(&(a, b), _)| (h.line, h.source[a..b].to_owned()))
            })
            .collect();
        let hit = hits.contains(&(line, form.to_owned()));
        match verdict {
            "ok" => assert!(
                hit,
                "{word}: {form} on line {line} should be a compound hit"
            ),
            "excluded-ok" => assert!(!hit, "{word}: {form} on line {line} is no compound"),
            _ => continue,
        }
        checked += 1;
    }
    assert!(checked >= 50, "{checked}");
}
