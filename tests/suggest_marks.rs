//! `satz suggest`: what adaptation changed (`adapted_spans`, the marks in
//! table and Markdown), spelled-out numbers as placeables, and
//! `--matched-only` with its summary line.

use crate::common::{Fixture, succeed};

/// A memory of four units about sanctions and troops.
fn fixture() -> Fixture {
    let fx = Fixture::new();
    fx.write(
        "pairs.tsv",
        "Nordkorea schickte 120 Raketen und 10'000 Soldaten nach Russland.\tNorth Korea sent 120 missiles and 10,000 soldiers to Russia.\n\
         Die Sanktionen gelten vier bis fünf Jahre.\tThe sanctions apply for four to five years.\n\
         Vier Minister traten am Montag zurück.\tFour ministers resigned on Monday.\n\
         Der Gipfel endete ohne eine gemeinsame Erklärung.\tThe summit ended without a joint statement.\n",
    );
    fx.satz()
        .args(["import", "pairs.tsv", "--name", "news"])
        .assert()
        .success();
    fx
}

fn run(fx: &Fixture, input: &str, args: &[&str]) -> (String, String) {
    let colour: &[&str] = if args.contains(&"--color") {
        &[]
    } else {
        &["--color", "never"]
    };
    succeed(
        fx.satz()
            .args(["suggest", "--segmented"])
            .args(colour)
            .args(args)
            .arg("-")
            .write_stdin(input),
    )
}

fn json(fx: &Fixture, input: &str, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    run(fx, input, &all)
        .0
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The substrings of `adapted` at the match's `adapted_spans`.
fn marked(m: &serde_json::Value) -> Vec<String> {
    let adapted = m["adapted"].as_str().unwrap();
    m["adapted_spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (a, b) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
            adapted[a as usize..b as usize].to_owned()
        })
        .collect()
}

#[test]
fn adapted_spans_are_exactly_the_changed_numbers() {
    let fx = fixture();
    let res = json(
        &fx,
        "Nordkorea schickte 150 Raketen und 12'000 Soldaten nach Russland.\n",
        &[],
    );
    let m = &res[0]["matches"][0];
    assert_eq!(
        m["adapted"],
        "North Korea sent 150 missiles and 12,000 soldiers to Russia."
    );
    assert_eq!(marked(m), ["150", "12,000"]);
    // Only one of the two numbers changed: only that one is marked.
    let res = json(
        &fx,
        "Nordkorea schickte 150 Raketen und 10'000 Soldaten nach Russland.\n",
        &[],
    );
    assert_eq!(marked(&res[0]["matches"][0]), ["150"]);
}

#[test]
fn adapted_spans_are_empty_when_nothing_was_adapted() {
    let fx = fixture();
    let res = json(
        &fx,
        "Der Gipfel endete ohne eine gemeinsame Erklärung.\n",
        &[],
    );
    let m = &res[0]["matches"][0];
    assert_eq!(m["score"], 100);
    assert!(m["adapted"].is_null());
    assert_eq!(m["adapted_spans"], serde_json::json!([]));
}

#[test]
fn a_spelled_out_number_change_is_penalised_and_adapted() {
    let fx = fixture();
    let res = json(
        &fx,
        "Die Sanktionen gelten drei bis fünf Jahre.\n\
         Die Sanktionen gelten vier bis fünf Jahre.\n\
         Drei Minister traten am Montag zurück.\n",
        &[],
    );
    let changed = &res[0]["matches"][0];
    let same = &res[1]["matches"][0];
    assert_eq!(same["score"], 100);
    assert!(changed["score"].as_u64().unwrap() < same["score"].as_u64().unwrap());
    assert_eq!(changed["score"], 98);
    assert_eq!(changed["penalties"], serde_json::json!(["-2 numbers"]));
    assert_eq!(
        changed["adapted"],
        "The sanctions apply for three to five years."
    );
    assert_eq!(marked(changed), ["three"]);
    // A capitalised word stays capitalised.
    let capital = &res[2]["matches"][0];
    assert_eq!(capital["adapted"], "Three ministers resigned on Monday.");
    assert_eq!(capital["penalties"], serde_json::json!(["-2 numbers"]));
}

#[test]
fn table_and_markdown_mark_the_adapted_parts() {
    let fx = fixture();
    let input = "Die Sanktionen gelten drei bis fünf Jahre.\n";
    let (table, _) = run(&fx, input, &["--format", "table"]);
    assert!(
        table.contains("→ The sanctions apply for ⟦three⟧ to five years.\n"),
        "{table}"
    );
    // No colour codes with --color never; the diff keeps its own markers.
    assert!(!table.contains('\u{1b}'), "{table}");
    assert!(table.contains("[-vier-] {+drei+}"), "{table}");
    let (md, _) = run(&fx, input, &["--format", "md"]);
    assert!(
        md.contains("| The sanctions apply for <mark>three</mark> to five years. |"),
        "{md}"
    );
    // With colour the mark is styled too.
    let (coloured, _) = run(&fx, input, &["--format", "table", "--color", "always"]);
    assert!(
        coloured.contains("\u{1b}[4m\u{1b}[33m⟦three⟧"),
        "{coloured:?}"
    );
}

#[test]
fn matched_only_hides_sentences_without_a_match_and_counts_the_bands() {
    let fx = fixture();
    let input = "Die Sanktionen gelten vier bis fünf Jahre.\n\
                 Ein völlig neuer Satz ohne jedes Vorbild im Speicher.\n\
                 Die Sanktionen gelten drei bis fünf Jahre.\n\
                 Noch ein ganz anderer Satz über das Wetter.\n\
                 Der Gipfel endete ohne eine gemeinsame Erklärung.\n";
    let (table, _) = run(&fx, input, &["--format", "table", "--matched-only"]);
    assert!(!table.contains("no match\n     "), "{table}");
    assert!(!table.contains("völlig"), "{table}");
    assert!(!table.contains("Wetter"), "{table}");
    // Sentences keep their numbers in the text.
    assert!(table.contains("  1. Die Sanktionen gelten vier"), "{table}");
    assert!(table.contains("  3. Die Sanktionen gelten drei"), "{table}");
    assert!(table.contains("  5. Der Gipfel"), "{table}");
    assert!(
        table.ends_with("\n5 sentences: 2 × 100%, 1 × 95-99%, 2 × no match\n"),
        "{table}"
    );
    let (md, _) = run(&fx, input, &["--format", "md", "--matched-only"]);
    assert!(md.contains("## 3. Die Sanktionen gelten drei"), "{md}");
    assert!(!md.contains("No match."), "{md}");
    assert!(
        md.ends_with("\n\n5 sentences: 2 × 100%, 1 × 95-99%, 2 × no match\n"),
        "{md}"
    );
    // JSON lines stay JSON lines; the summary goes to stderr.
    let (out, err) = run(&fx, input, &["--format", "json", "--matched-only"]);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines
            .iter()
            .all(|l| !l["matches"].as_array().unwrap().is_empty())
    );
    // Each line says which sentence of the text it is.
    let numbers: Vec<u64> = lines
        .iter()
        .map(|l| l["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 3, 5]);
    assert!(
        err.contains("5 sentences: 2 × 100%, 1 × 95-99%, 2 × no match"),
        "{err}"
    );
    // Without the flag every sentence is shown and there is no summary.
    let (all, _) = run(&fx, input, &["--format", "table"]);
    assert!(
        all.contains("Wetter") && !all.contains("5 sentences"),
        "{all}"
    );
}
