#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

//! Unit tests of the checks (the corpus is in `tests/check_corpus.rs`).

use std::path::Path;

use proptest::prelude::*;

use super::brackets::unmatched_brackets;
use super::quotes::unmatched_quotes;
use super::*;
use crate::glossary::{Glossary, Status, Term};

fn real() -> Glossary {
    let text = include_str!("../../../../tests/fixtures/check/glossary.toml");
    Glossary::parse(text, Path::new("glossary.toml")).unwrap()
}

/// Codes reported for one pair.
fn codes_of(g: &Glossary, de: &str, en: &str) -> Vec<Code> {
    check_pairs(&[Pair::new("u1", de, en)], g, &CheckOptions::default())
        .into_iter()
        .map(|f| f.code)
        .collect()
}

fn one(g: &Glossary, de: &str, en: &str) -> Finding {
    let fs = check_pairs(&[Pair::new("u1", de, en)], g, &CheckOptions::default());
    assert_eq!(fs.len(), 1, "{fs:#?}");
    fs.into_iter().next().unwrap()
}

#[test]
fn json_line_is_exact() {
    let f = Finding {
        code: Code::TermMissing,
        severity: Severity::Warning,
        unit: "u\"1".into(),
        source: "Zeile\n2".into(),
        target: "line".into(),
        message: "m".into(),
        source_spans: vec![(0, 1)],
        target_spans: vec![],
        evidence: "e".into(),
        related: vec![],
    };
    assert_eq!(
        to_json_line(&f),
        r#"{"code":"term-missing","severity":"warning","unit":"u\"1","source":"Zeile\n2","target":"line","message":"m","evidence":"e"}"#
    );
    let f = Finding {
        severity: Severity::Error,
        ..f
    };
    assert!(to_json_line(&f).contains(r#""severity":"error""#));
}

#[test]
fn term_missing_is_a_warning_with_how_the_term_was_found() {
    let g = real();
    let f = one(&g, "Die Diktatur fiel.", "The regime fell.");
    assert_eq!((f.code, f.severity), (Code::TermMissing, Severity::Warning));
    assert!(f.evidence.contains("as written"), "{}", f.evidence);
    assert_eq!(f.source_spans, vec![(4, 12)]);
    let f = one(&g, "Die Militärdiktatur fiel.", "The junta fell.");
    assert_eq!((f.code, f.severity), (Code::TermMissing, Severity::Warning));
    assert_eq!(
        &f.source[f.source_spans[0].0..f.source_spans[0].1],
        "diktatur"
    );
    assert!(
        codes_of(
            &g,
            "Die Militärdiktatur fiel.",
            "The military dictatorship fell."
        )
        .is_empty()
    );
}

#[test]
fn forbidden_replaces_missing_and_has_spans() {
    let g = real();
    let f = one(
        &g,
        "Für Kim ist Putin ein Goldesel.",
        "For Kim, Putin is a golden donkey.",
    );
    assert_eq!((f.code, f.severity), (Code::TermForbidden, Severity::Error));
    let (s, e) = f.target_spans[0];
    assert_eq!(&f.target[s..e], "golden donkey");
    // One-word forbidden rendering without the term in the source: not reported.
    assert!(codes_of(&g, "Er entwirft einen Plan.", "He devises a plan.").is_empty());
    // Multi-word one: a warning.
    let f = one(
        &g,
        "Das Geld kommt aus Moskau.",
        "The golden donkey is in Moscow.",
    );
    assert_eq!(
        (f.code, f.severity),
        (Code::TermForbidden, Severity::Warning)
    );
}

#[test]
fn deprecated_terms() {
    let mut g = real();
    g.terms.push(Term {
        status: Some(Status::Deprecated),
        ..Term::new("Atombombe", ["atom bomb"])
    });
    let f = one(&g, "Die Atombombe fiel.", "The atom bomb fell.");
    assert_eq!(
        (f.code, f.severity),
        (Code::TermDeprecated, Severity::Warning)
    );
    assert!(codes_of(&g, "Die Atombombe fiel.", "The nuclear bomb fell.").is_empty());
}

#[test]
fn untranslated_rules() {
    let g = real();
    assert_eq!(codes_of(&g, "Hallo Welt", " "), [Code::Untranslated]);
    assert_eq!(codes_of(&g, "Er  lacht", "er lacht"), [Code::Untranslated]);
    // Known limit: capitalised German words look like a name.
    assert!(codes_of(&g, "Hallo Welt", "Hallo Welt").is_empty());
    assert!(codes_of(&g, "", "").is_empty());
    assert!(codes_of(&g, "2024 – 1:0", "2024 – 1:0").is_empty());
    // Swiss grouping copied into English: the same number, written the
    // German way.
    assert_eq!(codes_of(&g, "10'000", "10'000"), [Code::NumberFormat]);
    assert!(codes_of(&g, "Antony Blinken", "Antony Blinken").is_empty());
    assert!(codes_of(&g, "Kursk", "Kursk").is_empty());
    assert_eq!(
        codes_of(&g, "Pulverfass", "Pulverfass"),
        [Code::Untranslated]
    );
    // Only punctuation changed: still untranslated.
    assert!(
        codes_of(
            &g,
            "Die Lage an der Grenze bleibt angespannt.",
            "Die Lage an der Grenze bleibt angespannt"
        )
        .contains(&Code::Untranslated)
    );
    assert!(codes_of(&g, "Kim Jong Un", "Kim Jong-un").is_empty());
}

#[test]
fn numbers() {
    let g = real();
    assert!(
        codes_of(
            &g,
            "Am 6. Januar kamen 10'000.",
            "On 6 January, 10,000 came."
        )
        .is_empty()
    );
    let f = one(
        &g,
        "Am 6. Januar kamen 10'000.",
        "On 6 January, 1,000 came.",
    );
    assert_eq!(f.code, Code::NumberMismatch);
    let (s, e) = f.source_spans[0];
    assert_eq!(&f.source[s..e], "10'000");
    let (s, e) = f.target_spans[0];
    assert_eq!(&f.target[s..e], "1,000");
    // A range's first end is shown without the word after it.
    let f = one(
        &g,
        "Der Umsatz stieg von 4,2 auf 4,6 Milliarden Franken.",
        "Turnover rose from CHF 4.3 billion to CHF 4.6 billion.",
    );
    assert_eq!(
        f.message,
        "numbers differ: source has \"4,2\" (4200000000) not in the target; target has \"4.3 billion\" (4300000000) not in the source"
    );
}

#[test]
fn brackets_and_quotes() {
    assert!(unmatched_brackets("a (b [c] d) e").is_empty());
    assert_eq!(unmatched_brackets("a (b"), vec![(2, 3)]);
    assert_eq!(unmatched_brackets("a) b"), vec![(1, 2)]);
    for ok in [
        "«Ja», sagte er.",
        "»Ja«, sagte er.",
        "„Ja“, sagte er.",
        "“Yes,” he said.",
        "\"Yes,\" he said.",
        "'Yes,' he said.",
        "‘Yes,’ he said.",
        "Russia's and Russia’s don't",
        "the soldiers’ families, the ’90s, the '90s",
        "‘the soldiers’ war’",
        "rock 'n' roll",
        "„Ja“ und ‚nein‘",
    ] {
        assert!(
            unmatched_quotes(ok).is_empty(),
            "{ok}: {:?}",
            unmatched_quotes(ok)
        );
    }
    for bad in [
        "«Ja, sagte er.",
        "“Yes, he said.",
        "\"Yes, he said.",
        "‘Yes, he said.",
        "Yes,” he said.",
        "„Ja, sagte er.",
    ] {
        assert!(!unmatched_quotes(bad).is_empty(), "{bad}");
    }
    let g = real();
    assert_eq!(
        codes_of(&g, "Er (Kim) lacht.", "He (Kim laughs."),
        [Code::UnbalancedBrackets]
    );
    assert!(codes_of(&g, "a) Er lacht.", "a) He laughs.").is_empty());
    assert_eq!(
        codes_of(&g, "«Ja», sagte er.", "“Yes, he said."),
        [Code::UnbalancedQuotes]
    );
    // An unbalanced source is not checked (a quote spanning segments).
    assert!(codes_of(&g, "«Ja, sagte er.", "“Yes, he said.").is_empty());
}

#[test]
fn doubled_words_spaces_and_end_punctuation() {
    let g = real();
    assert_eq!(
        codes_of(&g, "Er lacht.", "He he laughs."),
        [Code::DoubledWord]
    );
    assert!(codes_of(&g, "Er hatte genug gehabt.", "He had had enough.").is_empty());
    assert!(codes_of(&g, "Er sagte, dass das gilt.", "He said that that holds.").is_empty());
    assert!(
        codes_of(
            &g,
            "Der Sieg bescherte ihr ihren ersten Titel.",
            "The win gave her her first title."
        )
        .is_empty()
    );
    assert!(codes_of(&g, "Er flog nach Bora Bora.", "He flew to Bora Bora.").is_empty());
    assert!(
        codes_of(&g, "Es steht 10 zu 10.", "It is 10 10.")
            .iter()
            .all(|c| *c != Code::DoubledWord)
    );
    assert!(codes_of(&g, "Er lacht.", "He laughs, laughs.").is_empty());
    assert_eq!(
        codes_of(&g, "Er lacht.", "He  laughs."),
        [Code::DoubleSpace]
    );
    assert!(codes_of(&g, "Er  lacht.", "He  laughs.").is_empty());
    assert_eq!(
        codes_of(&g, "Lacht er?", "Does he laugh."),
        [Code::PunctuationEnd]
    );
    assert!(codes_of(&g, "«Lacht er?»", "“Does he laugh?”").is_empty());
    assert!(
        codes_of(
            &g,
            "Er fragte: «Lacht er?», und ging.",
            "He asked whether he laughed and left."
        )
        .is_empty()
    );
}

#[test]
fn consistency_across_pairs() {
    let g = real();
    let pairs = [
        Pair::new("a", "Er lacht.", "He laughs."),
        Pair::new("b", "Er  lacht.", "He is laughing."),
        Pair::new("c", "ER LACHT.", "he laughs."),
        Pair::new("d", "Er grinst.", "He laughs."),
    ];
    let fs = check_pairs(&pairs, &g, &CheckOptions::default());
    let got: Vec<(&str, Code)> = fs.iter().map(|f| (f.unit.as_str(), f.code)).collect();
    assert_eq!(
        got,
        vec![
            ("b", Code::InconsistentTranslation),
            ("d", Code::InconsistentSource),
        ]
    );
    assert!(fs[0].message.contains("\"a\""));
}

#[test]
fn options_ignore_and_accept() {
    let g = real();
    let pairs = [
        Pair::new("a", "Er lacht.", "He he laughs."),
        Pair::new("b", "Er lacht?", "He he laughs."),
    ];
    let all = check_pairs(&pairs, &g, &CheckOptions::default());
    // a: doubled-word; b: doubled-word, punctuation-end, inconsistent-source.
    assert_eq!(all.len(), 4);
    let opts = CheckOptions {
        ignore: vec![Code::PunctuationEnd, Code::InconsistentSource],
        accepted: vec![("a".into(), Some(Code::DoubledWord))],
    };
    let got: Vec<(String, Code)> = check_pairs(&pairs, &g, &opts)
        .into_iter()
        .map(|f| (f.unit, f.code))
        .collect();
    assert_eq!(got, vec![("b".to_string(), Code::DoubledWord)]);
    let opts = CheckOptions {
        ignore: vec![],
        accepted: vec![("b".into(), None)],
    };
    assert_eq!(check_pairs(&pairs, &g, &opts).len(), 1);
}

fn assert_spans_ok(f: &Finding) -> Result<(), TestCaseError> {
    for &(s, e) in &f.source_spans {
        prop_assert!(s < e && e <= f.source.len(), "{f:?}");
        prop_assert!(f.source.is_char_boundary(s) && f.source.is_char_boundary(e));
    }
    for &(s, e) in &f.target_spans {
        prop_assert!(s < e && e <= f.target.len(), "{f:?}");
        prop_assert!(f.target.is_char_boundary(s) && f.target.is_char_boundary(e));
    }
    Ok(())
}

proptest! {
    #[test]
    fn checks_never_panic_on_arbitrary_strings(de in "\\PC{0,60}", en in "\\PC{0,60}") {
        let g = real();
        let pairs = [Pair::new("x", &de, &en), Pair::new("y", &de, &en), Pair::new("z", &en, &de)];
        for f in check_pairs(&pairs, &g, &CheckOptions::default()) {
            assert_spans_ok(&f)?;
            prop_assert!(!to_json_line(&f).contains('\n'));
        }
    }

    #[test]
    fn checks_never_panic_on_punctuation_heavy_strings(
        de in "[a-zA-Zäöüß0-9 .,:;'’‘\"«»„“”()\\[\\]?!/½-]{0,50}",
        en in "[a-zA-Z0-9 .,:;'’‘\"“”()\\[\\]?!/½-]{0,50}",
    ) {
        let g = real();
        for f in check_pairs(&[Pair::new("x", &de, &en)], &g, &CheckOptions::default()) {
            assert_spans_ok(&f)?;
        }
    }
}

fn link<'a>(
    id: &str,
    source: &[&'a str],
    target: &[&'a str],
    omitted: &[usize],
    added: &[usize],
) -> AlignedLink<'a> {
    AlignedLink {
        id: id.into(),
        source: source.to_vec(),
        target: target.to_vec(),
        omitted: omitted.to_vec(),
        added: added.to_vec(),
    }
}

#[test]
fn a_document_reports_omissions_and_additions_in_link_order() {
    let g = Glossary::default();
    let links = [
        link(
            "1",
            &["Es waren 10'000 Soldaten."],
            &["There were 1,000 soldiers."],
            &[],
            &[],
        ),
        link("2", &["Das blieb geheim."], &[], &[0], &[]),
        link(
            "3",
            &["Kim reiste nach Moskau."],
            &["Kim travelled to Moscow.", "Nobody knew why."],
            &[],
            &[1],
        ),
        link("4", &[], &["An added line."], &[], &[0]),
    ];
    let fs = Checker::new(&g).check_document(&links, &CheckOptions::default());
    let got: Vec<(&str, Code)> = fs.iter().map(|f| (f.unit.as_str(), f.code)).collect();
    assert_eq!(
        got,
        [
            ("1", Code::NumberMismatch),
            ("2", Code::Omission),
            ("3", Code::Addition),
            ("4", Code::Addition),
        ],
        "{fs:#?}"
    );
    // The span is the absorbed sentence in the joined target.
    let f = &fs[2];
    assert_eq!(f.target, "Kim travelled to Moscow. Nobody knew why.");
    assert_eq!(f.target_spans, vec![(25, 41)]);
    assert!(f.source_spans.is_empty());
    assert_eq!(f.severity, Severity::Error);
    // Acceptance and --ignore apply to them as to every code.
    let opts = CheckOptions {
        ignore: vec![Code::Omission],
        accepted: vec![("3".into(), Some(Code::Addition))],
    };
    let got: Vec<Code> = Checker::new(&g)
        .check_document(&links, &opts)
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(got, [Code::NumberMismatch, Code::Addition]);
}
