//! The public API: languages, user rules, spans, paragraphs.

use super::*;

#[test]
fn lang_parsing_and_display() {
    assert_eq!("de".parse::<Lang>().ok(), Some(Lang::De));
    assert_eq!("DE".parse::<Lang>().ok(), Some(Lang::De));
    assert_eq!("de-CH".parse::<Lang>().ok(), Some(Lang::De));
    assert_eq!("en_US".parse::<Lang>().ok(), Some(Lang::En));
    assert_eq!("En-gb".parse::<Lang>().ok(), Some(Lang::En));
    assert!("fr".parse::<Lang>().is_err());
    assert!("".parse::<Lang>().is_err());
    assert_eq!(Lang::De.to_string(), "de");
    assert_eq!(Lang::En.to_string(), "en");
}

#[test]
fn rules_parse_ok() {
    let r = UserRules::from_toml_str(
        "# comment\n[de]\nabbreviations = [\"Kdt.\", \"Bst.\"]\nno_break_before = [\"Jahrhundert\"]\n[en]\nabbreviations = [\"Gov.\"]\nfinal_abbreviations = [\"Bldg.\"]\n",
    )
    .unwrap();
    assert_eq!(r.de.abbreviations, vec!["Kdt.", "Bst."]);
    assert_eq!(r.de.no_break_before, vec!["Jahrhundert"]);
    assert_eq!(r.en.abbreviations, vec!["Gov."]);
    assert_eq!(r.en.final_abbreviations, vec!["Bldg."]);
    assert_eq!(UserRules::from_toml_str("").unwrap(), UserRules::default());
}

#[test]
fn rules_doc_example_parses() {
    let doc = include_str!("../mod.rs");
    let start = doc.find("//! ```toml\n").unwrap() + "//! ```toml\n".len();
    let len = doc[start..].find("//! ```\n").unwrap();
    let toml: String = doc[start..start + len]
        .lines()
        .map(|l| l.trim_start_matches("//!").trim_start())
        .collect::<Vec<_>>()
        .join("\n");
    let r = UserRules::from_toml_str(&toml).unwrap();
    assert_eq!(r.de.abbreviations, vec!["Kdt.", "Bst."]);
    assert_eq!(r.de.final_abbreviations, vec!["Ztr."]);
    assert_eq!(r.de.no_break_before, vec!["Jahrhundert", "Saison"]);
    assert_eq!(r.en.abbreviations, vec!["Gov."]);
}

#[test]
fn rules_unknown_key_has_position() {
    let e = UserRules::from_toml_str("[de]\nabbreviations = [\"Kdt.\"]\n  foo = 1\n").unwrap_err();
    assert_eq!((e.position.line, e.position.column), (3, 3), "{e}");
    assert!(e.message.contains("foo"), "{e}");
    let e = UserRules::from_toml_str("[fr]\nabbreviations = []\n").unwrap_err();
    assert_eq!((e.position.line, e.position.column), (1, 2), "{e}");
    assert!(e.to_string().starts_with("line 1, column 2: "), "{e}");
}

#[test]
fn rules_bad_entries_have_position() {
    let e = UserRules::from_toml_str("[en]\nabbreviations = [\"Gov.\", \"Bldg\"]\n").unwrap_err();
    assert_eq!((e.position.line, e.position.column), (2, 26), "{e}");
    let e = UserRules::from_toml_str("[de]\nno_break_before = [\"zwei Wörter\"]\n").unwrap_err();
    assert_eq!((e.position.line, e.position.column), (2, 20), "{e}");
    let e = UserRules::from_toml_str("[de]\nabbreviations = \"Kdt.\"\n").unwrap_err();
    assert_eq!(e.position.line, 2, "{e}");
    let e = UserRules::from_toml_str("[de\n").unwrap_err();
    assert_eq!(e.position.line, 1, "{e}");
}

#[test]
fn empty_and_whitespace_inputs() {
    let seg = Segmenter::new(Lang::De);
    assert!(seg.split("").is_empty());
    assert!(seg.split(" \n\t\r\n ").is_empty());
    assert_eq!(seg.sentences("  Hallo  "), vec!["Hallo"]);
    assert_eq!(seg.sentences("..."), vec!["..."]);
}

#[test]
fn crlf_and_lone_cr() {
    let text = "Erster Satz.\r\n\r\nZweiter Satz.\rDritter Satz.";
    let spans = Segmenter::new(Lang::De).split(text);
    let got: Vec<(&str, usize)> = spans.iter().map(|s| (s.text(text), s.paragraph)).collect();
    assert_eq!(
        got,
        vec![
            ("Erster Satz.", 0),
            ("Zweiter Satz.", 1),
            ("Dritter Satz.", 1)
        ]
    );
}

#[test]
fn eval_scores_simple_block() {
    let seg = Segmenter::new(Lang::De);
    let block = eval::GoldBlock {
        text: "Äpfel sind gut. Birnen auch. Ende".to_string(),
        offsets: vec![(0, 28), (29, 33)],
    };
    let s = eval::evaluate(&seg, std::slice::from_ref(&block));
    assert_eq!(
        (s.true_positives, s.false_positives, s.false_negatives),
        (1, 1, 0)
    );
    assert_eq!(s.exact_sentences, 1);
    assert_eq!(s.exact_blocks, 0);
    assert!((s.precision() - 0.5).abs() < 1e-9);
    assert!((s.recall() - 1.0).abs() < 1e-9);
    let d = eval::diff_block(&seg, &block);
    assert_eq!((d.missed, d.spurious), (vec![], vec![16]));
    let ok = eval::GoldBlock {
        text: "Äpfel sind gut. Birnen auch.".to_string(),
        offsets: vec![(0, 15), (16, 28)],
    };
    let s = eval::evaluate(&seg, &[ok]);
    assert_eq!((s.exact_sentences, s.exact_blocks), (2, 1));
    assert!((s.f1() - 1.0).abs() < 1e-9);
}
