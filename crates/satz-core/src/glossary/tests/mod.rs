//! Tests across parsing, editing and rendering.

use std::path::Path;

use super::*;

mod edit;
mod properties;
mod real;

const PATH: &str = "glossary.toml";

fn path() -> &'static Path {
    Path::new(PATH)
}

fn parse(text: &str) -> Result<Glossary, GlossaryError> {
    Glossary::parse(text, path())
}

/// The error's line, column and full display text.
fn parse_err(text: &str) -> (usize, usize, String) {
    match parse(text) {
        Ok(g) => (0, 0, format!("unexpectedly parsed: {g:?}")),
        Err(e) => (
            e.line().unwrap_or(0),
            e.column().unwrap_or(0),
            e.to_string(),
        ),
    }
}

fn ok(text: &str) -> Glossary {
    match parse(text) {
        Ok(g) => g,
        Err(e) => Glossary {
            source_lang: format!("ERROR {e}"),
            ..Glossary::default()
        },
    }
}

fn add(text: &str, term: &Term) -> AddResult {
    match add_term(text, path(), term) {
        Ok(r) => r,
        Err(e) => AddResult {
            text: format!("ERROR {e}"),
            outcome: AddOutcome::Unchanged,
        },
    }
}

fn remove(text: &str, de: &str) -> String {
    remove_term(text, path(), de).unwrap_or_else(|e| format!("ERROR {e}"))
}

// ---------------------------------------------------------------- parsing

#[test]
fn parses_the_documented_example() {
    let text = r#"
[glossary]                  # optional
source_lang = "de"
target_lang = "en"

[[term]]
de = "Sippenhaft"
en = ["kin liability", "collective punishment"]
forbidden = ["clan custody"]
note = "..."
pos = "noun"
status = "preferred"
forms = ["Sippenhaften"]
case_sensitive = false
match = "stem"

[[term]]
de = "Erbdiktatur"
en = "hereditary dictatorship"
match = "Erb|diktatur"
case_sensitive = true
status = "deprecated"
"#;
    let g = ok(text);
    assert_eq!(
        g,
        Glossary {
            source_lang: "de".into(),
            target_lang: "en".into(),
            terms: vec![
                Term {
                    forbidden: vec!["clan custody".into()],
                    note: Some("...".into()),
                    pos: Some("noun".into()),
                    status: Some(Status::Preferred),
                    forms: vec!["Sippenhaften".into()],
                    ..Term::new("Sippenhaft", ["kin liability", "collective punishment"])
                },
                Term {
                    status: Some(Status::Deprecated),
                    case_sensitive: true,
                    match_mode: MatchMode::CustomStem { stem: "Erb".into() },
                    ..Term::new("Erbdiktatur", ["hereditary dictatorship"])
                },
            ],
            ..Glossary::default()
        }
    );
}

#[test]
fn empty_and_comment_only_texts_are_empty_glossaries() {
    assert_eq!(ok(""), Glossary::default());
    assert_eq!(ok("# nothing yet\n\n"), Glossary::default());
    assert_eq!(
        ok("[glossary]\ntarget_lang = \"en-GB\"\n"),
        Glossary {
            target_lang: "en-GB".into(),
            ..Glossary::default()
        }
    );
    // Inline and dotted forms of the header are the same TOML.
    assert_eq!(
        ok("glossary = { source_lang = \"de-CH\" }\n").source_lang,
        "de-CH"
    );
    assert_eq!(
        ok("glossary.source_lang = \"de-AT\"\n").source_lang,
        "de-AT"
    );
}

#[test]
fn syntax_errors_have_locations() {
    let (line, col, msg) = parse_err("[[term]]\nde = \"Sippenhaft\nen = [\"x\"]\n");
    assert_eq!((line, col), (2, 17), "{msg}");
    assert!(
        msg.starts_with("glossary.toml:2:17: TOML syntax error: "),
        "{msg}"
    );

    // A key given twice is a TOML error pointing at the second one.
    let (line, col, msg) = parse_err("[[term]]\nde = \"a\"\nen = \"b\"\nde = \"c\"\n");
    assert_eq!((line, col), (4, 1), "{msg}");
    assert_eq!(msg, "glossary.toml:4:1: TOML syntax error: duplicate key");
}

#[test]
fn unknown_keys_everywhere() {
    assert_eq!(
        parse_err("titel = \"x\"\n"),
        (
            1,
            1,
            "glossary.toml:1:1: unknown key `titel` at top level".into()
        )
    );
    assert_eq!(
        parse_err("# terms\nde = \"x\"\n"),
        (
            2,
            1,
            "glossary.toml:2:1: unknown key `de` at top level (term keys go after a [[term]] line)"
                .into()
        )
    );
    assert_eq!(
        parse_err("[glossary]\nsource_lang = \"de\"\n  targt_lang = \"en\"\n"),
        (
            3,
            3,
            "glossary.toml:3:3: unknown key `targt_lang` in [glossary] (did you mean `target_lang`?)"
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"Sippenhaft\"\nen = [\"kin liability\"]\nforbiden = [\"x\"]\n"),
        (
            4,
            1,
            "glossary.toml:4:1: unknown key `forbiden` in [[term]] (did you mean `forbidden`?)"
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = \"b\"\nsource_lang = \"de\"\n"),
        (
            4,
            1,
            "glossary.toml:4:1: unknown key `source_lang` in [[term]] (it belongs in [glossary])"
                .into()
        )
    );
    // A sub-table of a term is an unknown key of that term.
    let (line, col, msg) = parse_err("[[term]]\nde = \"a\"\nen = \"b\"\n[term.extra]\nx = 1\n");
    assert_eq!((line, col), (4, 7), "{msg}");
    assert!(msg.contains("unknown key `extra` in [[term]]"), "{msg}");
}

#[test]
fn key_suggestions_are_within_two_edits_counted_in_characters() {
    use super::parse::suggest;
    let allowed = ["forbidden", "forms", "note"];
    assert_eq!(
        suggest("Forbiden", &allowed),
        " (did you mean `forbidden`?)"
    );
    assert_eq!(suggest("fobiden", &allowed), " (did you mean `forbidden`?)");
    // `ö` is one edit, though two bytes.
    assert_eq!(suggest("förms", &allowed), " (did you mean `forms`?)");
    assert_eq!(suggest("fbidn", &allowed), "");
    assert_eq!(suggest("", &allowed), "");
}

#[test]
fn missing_and_empty_required_keys() {
    assert_eq!(
        parse_err("[[term]]\nen = [\"x\"]\n\n  [[term]]\nde = \"b\"\n"),
        (
            1,
            1,
            "glossary.toml:1:1: [[term]] is missing required key `de`".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = \"x\"\n\n  [[term]]\nde = \"b\"\n"),
        (
            5,
            3,
            "glossary.toml:5:3: [[term]] is missing required key `en`".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"\"\nen = \"x\"\n"),
        (2, 6, "glossary.toml:2:6: `de` must not be empty".into())
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"   \"\nen = \"x\"\n"),
        (2, 6, "glossary.toml:2:6: `de` must not be empty".into())
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = []\n"),
        (
            3,
            6,
            "glossary.toml:3:6: `en` must list at least one translation".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = [\"x\", \"\"]\n"),
        (3, 12, "glossary.toml:3:12: `en` must not be empty".into())
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = \"x\"\nnote = \"\"\n"),
        (4, 8, "glossary.toml:4:8: `note` must not be empty".into())
    );
}

#[test]
fn wrong_types() {
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = 5\n"),
        (
            3,
            6,
            "glossary.toml:3:6: `en` must be a string or an array of strings, found an integer"
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = [\"x\",\n  5]\n"),
        (
            4,
            3,
            "glossary.toml:4:3: `en` must be an array of strings, found an integer".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = [\"a\"]\nen = \"x\"\n"),
        (
            2,
            6,
            "glossary.toml:2:6: `de` must be a string, found an array".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = \"x\"\ncase_sensitive = \"yes\"\n"),
        (
            4,
            18,
            "glossary.toml:4:18: `case_sensitive` must be true or false, found a string".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = \"x\"\nnote = { text = \"n\" }\n"),
        (
            4,
            8,
            "glossary.toml:4:8: `note` must be a string, found an inline table".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = \"x\"\nforms = 1979-05-27\n"),
        (
            4,
            9,
            "glossary.toml:4:9: `forms` must be a string or an array of strings, found a date-time"
                .into()
        )
    );
    assert_eq!(
        parse_err("glossary = 5\n"),
        (
            1,
            12,
            "glossary.toml:1:12: `glossary` must be a table written as [glossary], found an integer"
                .into()
        )
    );
    assert_eq!(
        parse_err("[glossary]\nsource_lang = 1\n"),
        (
            2,
            15,
            "glossary.toml:2:15: `source_lang` must be a string, found an integer".into()
        )
    );
    assert_eq!(
        parse_err("[term]\nde = \"a\"\nen = \"b\"\n"),
        (
            1,
            1,
            "glossary.toml:1:1: `term` must be written as [[term]] tables, found a table".into()
        )
    );
    assert_eq!(
        parse_err("term = [{ de = \"a\", en = \"b\" }]\n"),
        (
            1,
            8,
            "glossary.toml:1:8: `term` must be written as [[term]] tables, found an array".into()
        )
    );
}

#[test]
fn bad_values() {
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = \"x\"\nstatus = \"pref\"\n"),
        (
            4,
            10,
            "glossary.toml:4:10: invalid `status` \"pref\": expected \"preferred\", \"admitted\" or \"deprecated\""
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"Erbdiktatur\"\nen = \"x\"\nmatch = \"Erb|\"\n"),
        (
            4,
            9,
            "glossary.toml:4:9: invalid `match` \"Erb|\": without the `|` it must spell the term \"Erbdiktatur\" exactly (e.g. \"Erbdikta|tur\")"
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"Erbdiktatur\"\nen = \"x\"\nmatch = \"Erbdiktatur|\"\n"),
        (
            4,
            9,
            "glossary.toml:4:9: invalid `match` \"Erbdiktatur|\": nothing after `|`; to match words beginning with the whole term use \"prefix\""
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"Erbdiktatur\"\nen = \"x\"\nmatch = \"fuzzy\"\n"),
        (
            4,
            9,
            "glossary.toml:4:9: invalid `match` \"fuzzy\": expected \"stem\", \"exact\", \"prefix\" or the term with `|` after a custom stem (e.g. \"Erbdikta|tur\")"
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \" Sippenhaft\"\nen = \"x\"\n"),
        (
            2,
            6,
            "glossary.toml:2:6: `de` value \" Sippenhaft\" has leading or trailing whitespace"
                .into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"a\"\nen = [\"x\", \"y\", \"x\"]\n"),
        (
            3,
            17,
            "glossary.toml:3:17: `en` lists \"x\" more than once".into()
        )
    );
    assert_eq!(
        parse_err("[[term]]\nde = \"Sippenhaft\"\nen = [\"x\", \"y\"]\nforbidden = [\"z\", \"y\"]\n"),
        (
            4,
            19,
            "glossary.toml:4:19: \"y\" is listed in both `en` and `forbidden` of term \"Sippenhaft\""
                .into()
        )
    );
    assert_eq!(
        parse_err("[glossary]\nsource_lang = \"German\"\ntarget_lang = \"en US\"\n"),
        (
            3,
            15,
            "glossary.toml:3:15: invalid `target_lang` \"en US\": expected a language tag such as \"de\" or \"en-GB\""
                .into()
        )
    );
}

#[test]
fn duplicate_terms_name_both_lines() {
    let text = "[[term]]\nde = \"Sippenhaft\"\nen = \"a\"\n\n[[term]]\nde = \"Bank\"\nen = \"b\"\n\n[[term]]\nde = \"Sippenhaft\"\nen = \"c\"\n";
    assert_eq!(
        parse_err(text),
        (
            10,
            6,
            "glossary.toml:10:6: duplicate term \"Sippenhaft\": already defined at line 2".into()
        )
    );
    let text = "[[term]]\nde = \"Arm\"\nen = \"arm\"\ncase_sensitive = true\n\n[[term]]\nde = \"arm\"\nen = \"poor\"\n";
    assert_eq!(
        parse_err(text),
        (
            7,
            6,
            "glossary.toml:7:6: duplicate term \"arm\": same as \"Arm\" at line 2 ignoring case (set case_sensitive = true on both terms to keep them apart)"
                .into()
        )
    );
    // Both case-sensitive: two different terms.
    let text = "[[term]]\nde = \"Arm\"\nen = \"arm\"\ncase_sensitive = true\n\n[[term]]\nde = \"arm\"\nen = \"poor\"\ncase_sensitive = true\n";
    assert_eq!(ok(text).terms.len(), 2);
    // ... but the same spelling twice is still a duplicate.
    let text = "[[term]]\nde = \"Arm\"\nen = \"arm\"\ncase_sensitive = true\n\n[[term]]\nde = \"Arm\"\nen = \"x\"\ncase_sensitive = true\n";
    assert_eq!(parse_err(text).0, 7);
}

#[test]
fn single_strings_and_empty_optional_lists() {
    let g = ok("[[term]]\nde = \"a\"\nen = \"x\"\nforbidden = \"y\"\nforms = []\n");
    assert_eq!(
        g.terms,
        vec![Term {
            forbidden: vec!["y".into()],
            ..Term::new("a", ["x"])
        }]
    );
}

// ---------------------------------------------------------------- render

#[test]
fn render_is_deterministic_and_ordered() {
    let g = Glossary {
        terms: vec![
            Term {
                forbidden: vec!["clan custody".into()],
                note: Some("Nazi-era \"Sippenhaftung\"\nsee also # notes".into()),
                pos: Some("noun".into()),
                status: Some(Status::Preferred),
                forms: vec!["Sippenhaften".into()],
                case_sensitive: true,
                match_mode: MatchMode::Exact,
                ..Term::new("Sippenhaft", ["kin liability", "collective punishment"])
            },
            Term {
                match_mode: MatchMode::CustomStem { stem: "Erb".into() },
                ..Term::new("Erbdiktatur", ["hereditary dictatorship"])
            },
        ],
        ..Glossary::default()
    };
    let expected = r#"[glossary]
source_lang = "de"
target_lang = "en"

[[term]]
de = "Sippenhaft"
en = ["kin liability", "collective punishment"]
forbidden = ["clan custody"]
note = "Nazi-era \"Sippenhaftung\"\nsee also # notes"
pos = "noun"
status = "preferred"
forms = ["Sippenhaften"]
case_sensitive = true
match = "exact"

[[term]]
de = "Erbdiktatur"
en = ["hereditary dictatorship"]
match = "Erb|diktatur"
"#;
    assert_eq!(render(&g), expected);
    assert_eq!(ok(expected), g);
    assert_eq!(
        render(&Glossary::default()),
        "[glossary]\nsource_lang = \"de\"\ntarget_lang = \"en\"\n"
    );
}

#[test]
fn render_escapes_control_characters() {
    let g = Glossary {
        terms: vec![Term::new("a\u{0}b\u{7f}c\td\\e'f", ["x\r\ny"])],
        ..Glossary::default()
    };
    let text = render(&g);
    assert!(text.contains(r#"de = "a\u0000b\u007Fc\td\\e'f""#), "{text}");
    assert!(text.contains(r#"en = ["x\r\ny"]"#), "{text}");
    assert_eq!(ok(&text), g);
}
