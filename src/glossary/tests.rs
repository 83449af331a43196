//! Tests across parsing, editing and rendering.

use std::path::Path;

use super::*;

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

// ---------------------------------------------------------------- add_term

const HAND_EDITED: &str = r#"# Glossary for the Weimar project.
# Keep terms alphabetical.

[glossary]
source_lang = "de"   # German
target_lang = "en"

# --- Law ---

# The Nazi-era practice.
[[term]]
de = "Sippenhaft"   # core term
en = [
    "kin liability",   # preferred
    "collective punishment",
]
  note = "Not 'clan custody'."

[[term]]
de = "Bank"
en = "bank"
"#;

#[test]
fn add_to_empty_text_creates_a_file() {
    let r = add("", &Term::new("Sippenhaft", ["kin liability"]));
    assert_eq!(r.outcome, AddOutcome::Added);
    assert_eq!(
        r.text,
        "[glossary]\nsource_lang = \"de\"\ntarget_lang = \"en\"\n\n[[term]]\nde = \"Sippenhaft\"\nen = [\"kin liability\"]\n"
    );
    assert_eq!(
        add("\n  \n", &Term::new("Sippenhaft", ["kin liability"])).text,
        r.text
    );
}

#[test]
fn add_appends_and_keeps_everything_else() {
    let term = Term {
        status: Some(Status::Admitted),
        ..Term::new("Bürgergeld", ["citizen's income"])
    };
    let r = add(HAND_EDITED, &term);
    assert_eq!(r.outcome, AddOutcome::Added);
    let expected = format!(
        "{HAND_EDITED}\n[[term]]\nde = \"Bürgergeld\"\nen = [\"citizen's income\"]\nstatus = \"admitted\"\n"
    );
    assert_eq!(r.text, expected);
    let g = ok(&r.text);
    assert_eq!(g.terms.len(), 3);
    assert_eq!(g.find("Bürgergeld"), Some(&term));

    // No trailing newline, trailing comment, comment-only file.
    let r = add(
        "[[term]]\nde = \"a\"\nen = \"x\"\n# end",
        &Term::new("b", ["y"]),
    );
    assert_eq!(
        r.text,
        "[[term]]\nde = \"a\"\nen = \"x\"\n# end\n\n[[term]]\nde = \"b\"\nen = [\"y\"]\n"
    );
    let r = add("# my terms\n", &Term::new("b", ["y"]));
    assert_eq!(r.text, "# my terms\n\n[[term]]\nde = \"b\"\nen = [\"y\"]\n");
    // Already ends in a blank line: no second one.
    let r = add("# my terms\n\n", &Term::new("b", ["y"]));
    assert_eq!(r.text, "# my terms\n\n[[term]]\nde = \"b\"\nen = [\"y\"]\n");
}

#[test]
fn add_after_a_trailing_glossary_table() {
    let text = "[[term]]\nde = \"a\"\nen = \"x\"\n\n[glossary]\ntarget_lang = \"en-GB\"\n";
    let r = add(text, &Term::new("b", ["y"]));
    assert_eq!(r.outcome, AddOutcome::Added);
    let g = ok(&r.text);
    assert_eq!(g.target_lang, "en-GB");
    assert_eq!(g.terms, vec![Term::new("a", ["x"]), Term::new("b", ["y"])]);
}

#[test]
fn merge_into_existing_term() {
    let term = Term {
        forbidden: vec!["clan custody".into()],
        note: Some("ignored: a note exists".into()),
        pos: Some("noun".into()),
        status: Some(Status::Preferred),
        ..Term::new("Sippenhaft", ["kin liability", "family liability"])
    };
    let r = add(HAND_EDITED, &term);
    assert_eq!(
        r.outcome,
        AddOutcome::Merged(MergeReport {
            en: vec!["family liability".into()],
            forbidden: vec!["clan custody".into()],
            forms: vec![],
            filled: vec!["pos", "status"],
        })
    );
    let expected = HAND_EDITED.replace(
        r#"    "collective punishment",
]
  note = "Not 'clan custody'."
"#,
        r#"    "collective punishment",
    "family liability",
]
  forbidden = ["clan custody"]
  note = "Not 'clan custody'."
  pos = "noun"
  status = "preferred"
"#,
    );
    assert_eq!(r.text, expected);

    // A single-string `en` becomes an array.
    let r = add(HAND_EDITED, &Term::new("Bank", ["bench"]));
    assert_eq!(
        r.text,
        HAND_EDITED.replace("en = \"bank\"\n", "en = [\"bank\", \"bench\"]\n")
    );

    // Nothing new: unchanged, same text.
    let r = add(
        HAND_EDITED,
        &Term::new("Sippenhaft", ["collective punishment"]),
    );
    assert_eq!(r.outcome, AddOutcome::Unchanged);
    assert_eq!(r.text, HAND_EDITED);
}

#[test]
fn merge_into_single_line_arrays() {
    let text = "[[term]]\nde = \"a\"\nen = [\"x\"]  # c\nforms = [ \"a1\" , \"a2\" ]\n";
    let term = Term {
        forms: vec!["a3".into()],
        match_mode: MatchMode::Exact,
        case_sensitive: true,
        ..Term::new("a", ["y", "z"])
    };
    let r = add(text, &term);
    assert_eq!(
        r.text,
        "[[term]]\nde = \"a\"\nen = [\"x\", \"y\", \"z\"]  # c\nforms = [ \"a1\" , \"a2\", \"a3\" ]\ncase_sensitive = true\nmatch = \"exact\"\n"
    );
}

#[test]
fn add_errors() {
    let e = add_term(HAND_EDITED, path(), &Term::new("sippenhaft", ["x"])).err();
    assert_eq!(
        e.map(|e| e.to_string()),
        Some(
            "glossary.toml: cannot add \"sippenhaft\": it differs only in case from \"Sippenhaft\" at line 12 (set case_sensitive = true on both terms to keep them apart)"
                .into()
        )
    );
    let e = add_term(
        HAND_EDITED,
        path(),
        &Term::new("Sippenhaft", Vec::<String>::new()),
    )
    .err();
    assert_eq!(
        e.map(|e| e.to_string()),
        Some("glossary.toml: `en` must list at least one translation".into())
    );
    let bad = Term {
        forbidden: vec!["collective punishment".into()],
        ..Term::new("Sippenhaft", ["kin liability"])
    };
    let e = add_term(HAND_EDITED, path(), &bad).err();
    assert_eq!(
        e.map(|e| e.to_string()),
        Some(
            "glossary.toml: \"collective punishment\" is listed in both `en` and `forbidden` of term \"Sippenhaft\""
                .into()
        )
    );
    // A broken file is reported, not edited.
    let e = add_term("[[term]]\nde = 1\n", path(), &Term::new("a", ["b"])).err();
    assert_eq!(
        e.map(|e| e.to_string()),
        Some("glossary.toml:2:6: `de` must be a string, found an integer".into())
    );
    // Case-sensitive terms may differ only in case.
    let arm = Term {
        case_sensitive: true,
        ..Term::new("arm", ["poor"])
    };
    let text = "[[term]]\nde = \"Arm\"\nen = \"arm\"\ncase_sensitive = true\n";
    assert_eq!(add(text, &arm).outcome, AddOutcome::Added);
}

// ---------------------------------------------------------------- remove_term

#[test]
fn remove_keeps_detached_comments() {
    let out = remove(HAND_EDITED, "Sippenhaft");
    assert_eq!(
        out,
        r#"# Glossary for the Weimar project.
# Keep terms alphabetical.

[glossary]
source_lang = "de"   # German
target_lang = "en"

# --- Law ---

[[term]]
de = "Bank"
en = "bank"
"#
    );
    let out = remove(HAND_EDITED, "Bank");
    assert_eq!(
        out,
        r#"# Glossary for the Weimar project.
# Keep terms alphabetical.

[glossary]
source_lang = "de"   # German
target_lang = "en"

# --- Law ---

# The Nazi-era practice.
[[term]]
de = "Sippenhaft"   # core term
en = [
    "kin liability",   # preferred
    "collective punishment",
]
  note = "Not 'clan custody'."
"#
    );
    let out = remove(&out, "Sippenhaft");
    assert_eq!(
        out,
        r#"# Glossary for the Weimar project.
# Keep terms alphabetical.

[glossary]
source_lang = "de"   # German
target_lang = "en"

# --- Law ---
"#
    );
}

#[test]
fn remove_first_last_and_only() {
    let text = "[[term]]\nde = \"a\"\nen = \"x\"\n# commented = \"out\"\n\n[[term]]\nde = \"b\"\nen = \"y\"\n";
    assert_eq!(
        remove(text, "a"),
        "# commented = \"out\"\n\n[[term]]\nde = \"b\"\nen = \"y\"\n"
    );
    assert_eq!(
        remove(text, "b"),
        "[[term]]\nde = \"a\"\nen = \"x\"\n# commented = \"out\"\n"
    );
    let text = "[[term]]\nde = \"a\"\nen = \"x\"\n\n[[term]]\nde = \"b\"\nen = \"y\"\n";
    assert_eq!(remove(text, "a"), "[[term]]\nde = \"b\"\nen = \"y\"\n");
    assert_eq!(remove(&remove(text, "a"), "b"), "");
    // A term before a trailing [glossary] table.
    let text = "[[term]]\nde = \"a\"\nen = \"x\"\n\n[glossary]\ntarget_lang = \"en-GB\"\n";
    assert_eq!(remove(text, "a"), "[glossary]\ntarget_lang = \"en-GB\"\n");
}

#[test]
fn remove_errors() {
    assert_eq!(
        remove(HAND_EDITED, "sippenhaft"),
        "ERROR glossary.toml: no term \"sippenhaft\" in the glossary (did you mean \"Sippenhaft\"?)"
    );
    assert_eq!(
        remove("", "x"),
        "ERROR glossary.toml: no term \"x\" in the glossary"
    );
    assert_eq!(
        remove("[[term]]\nde = \"a\"\n", "a"),
        "ERROR glossary.toml:1:1: [[term]] is missing required key `en`"
    );
}

#[test]
fn add_then_remove_restores_the_text() {
    let r = add(HAND_EDITED, &Term::new("Bürgergeld", ["citizen's income"]));
    assert_eq!(remove(&r.text, "Bürgergeld"), HAND_EDITED);
}

#[test]
fn merge_into_array_with_comment_before_bracket() {
    let text = "[[term]]\nde = \"a\"\nen = [\n    \"x\", # first\n    \"y\" # second\n]\n";
    let r = add(text, &Term::new("a", ["z"]));
    assert_eq!(
        r.text,
        "[[term]]\nde = \"a\"\nen = [\n    \"x\", # first\n    \"y\",\n    \"z\" # second\n]\n"
    );
}

#[test]
fn merge_keeps_hand_ordered_keys() {
    let text = "[[term]]\n  en = [\"x\"]\n  # the term\n  de = \"a\"\n  match = \"exact\"\n";
    let term = Term {
        note: Some("n".into()),
        ..Term::new("a", ["x"])
    };
    let r = add(text, &term);
    assert_eq!(
        r.text,
        "[[term]]\n  en = [\"x\"]\n  # the term\n  de = \"a\"\n  note = \"n\"\n  match = \"exact\"\n"
    );
}

#[test]
fn remove_hands_section_comment_to_glossary_table() {
    let text = "# Section\n\n[[term]]\nde = \"a\"\nen = \"x\"\n\n[glossary]\nsource_lang = \"de\"\n\n[[term]]\nde = \"b\"\nen = \"y\"\n";
    assert_eq!(
        remove(text, "a"),
        "# Section\n\n[glossary]\nsource_lang = \"de\"\n\n[[term]]\nde = \"b\"\nen = \"y\"\n"
    );
    assert_eq!(
        remove(text, "b"),
        "# Section\n\n[[term]]\nde = \"a\"\nen = \"x\"\n\n[glossary]\nsource_lang = \"de\"\n"
    );
}

// ---------------------------------------------------------------- CRLF

#[test]
fn crlf_files_stay_crlf() {
    let text = HAND_EDITED.replace('\n', "\r\n");
    let added = add(&text, &Term::new("Bürgergeld", ["citizen's income"]));
    assert_eq!(
        added.text,
        format!("{text}\r\n[[term]]\r\nde = \"Bürgergeld\"\r\nen = [\"citizen's income\"]\r\n")
    );
    let merged = add(&text, &Term::new("Bank", ["bench"]));
    assert_eq!(
        merged.text,
        text.replace("en = \"bank\"", "en = [\"bank\", \"bench\"]")
    );
    let removed = remove(&text, "Bank");
    assert_eq!(removed, remove(HAND_EDITED, "Bank").replace('\n', "\r\n"));
}

// ---------------------------------------------------------------- properties

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Characters that stress quoting and escaping, plus anything at all.
    fn any_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => proptest::char::range('a', 'z'),
            1 => Just('"'),
            1 => Just('\''),
            1 => Just('\\'),
            1 => Just('\n'),
            1 => Just('\r'),
            1 => Just('\t'),
            1 => Just('#'),
            1 => Just('|'),
            1 => Just(' '),
            1 => Just('['),
            1 => Just('='),
            1 => Just('ü'),
            1 => Just('ß'),
            1 => Just('\u{7f}'),
            1 => Just('\u{0}'),
            1 => Just('\u{1F600}'),
            2 => any::<char>(),
        ]
    }

    fn any_string(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(any_char(), 0..max).prop_map(|cs| cs.into_iter().collect())
    }

    /// A non-empty string without surrounding whitespace.
    fn term_text() -> impl Strategy<Value = String> {
        any_string(12).prop_map(|s| {
            let t = s.trim();
            if t.is_empty() {
                "Wort".to_owned()
            } else {
                t.to_owned()
            }
        })
    }

    fn unique(values: Vec<String>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for v in values {
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    prop_compose! {
        fn arb_term()(
            de in term_text(),
            en in proptest::collection::vec(term_text(), 1..4),
            forbidden in proptest::collection::vec(term_text(), 0..3),
            note in proptest::option::of(any_string(20).prop_filter("blank", |s| !s.trim().is_empty())),
            pos in proptest::option::of(term_text()),
            status in proptest::option::of(proptest::sample::select(Status::ALL.to_vec())),
            forms in proptest::collection::vec(term_text(), 0..3),
            case_sensitive in any::<bool>(),
            mode in 0..4u8,
            cut in any::<proptest::sample::Index>(),
        ) -> Term {
            let en = unique(en);
            let forbidden = unique(forbidden).into_iter().filter(|f| !en.contains(f)).collect();
            let chars: Vec<char> = de.chars().collect();
            let match_mode = match mode {
                1 => MatchMode::Exact,
                2 => MatchMode::Prefix,
                3 if chars.len() >= 2 && !de.contains('|') => {
                    let n = 1 + cut.index(chars.len() - 1);
                    MatchMode::CustomStem { stem: chars.iter().take(n).collect() }
                }
                _ => MatchMode::Stem,
            };
            Term { de, en, forbidden, note, pos, status, forms: unique(forms), case_sensitive, match_mode }
        }
    }

    /// Terms that may share one file (no two are the same entry).
    fn distinct_terms(terms: Vec<Term>) -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for t in terms {
            if !out.iter().any(|o| o.same_term_as(&t)) {
                out.push(t);
            }
        }
        out
    }

    proptest! {
        #[test]
        fn generated_terms_are_valid(term in arb_term()) {
            prop_assert_eq!(term.validate(), Ok(()));
        }

        #[test]
        fn render_then_parse_is_identity(terms in proptest::collection::vec(arb_term(), 0..5)) {
            let glossary = Glossary { terms: distinct_terms(terms), ..Glossary::default() };
            let text = render(&glossary);
            prop_assert_eq!(Glossary::parse(&text, path()), Ok(glossary.clone()));
            // The `toml` crate reads the same strings back.
            let table: toml::Table = toml::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let des: Vec<String> = table
                .get("term")
                .and_then(toml::Value::as_array)
                .map(|a| a.iter().filter_map(|t| t.get("de")?.as_str().map(str::to_owned)).collect())
                .unwrap_or_default();
            let expected: Vec<String> = glossary.terms.iter().map(|t| t.de.clone()).collect();
            prop_assert_eq!(des, expected);
        }

        #[test]
        fn add_then_parse_finds_the_term(
            base in proptest::collection::vec(arb_term(), 0..4),
            term in arb_term(),
            crlf in any::<bool>(),
        ) {
            let base = Glossary { terms: distinct_terms(base), ..Glossary::default() };
            let mut text = if base.terms.is_empty() { String::new() } else { render(&base) };
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            let result = add_term(&text, path(), &term);
            match base.terms.iter().find(|t| t.same_term_as(&term)) {
                None => {
                    let r = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(&r.outcome, &AddOutcome::Added);
                    let parsed = Glossary::parse(&r.text, path()).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(parsed.find(&term.de), Some(&term));
                    prop_assert_eq!(parsed.terms.len(), base.terms.len() + 1);
                    prop_assert!(r.text.starts_with(&text));
                    if !text.is_empty() {
                        prop_assert_eq!(remove_term(&r.text, path(), &term.de), Ok(text.clone()));
                    }
                }
                Some(existing) if existing.de == term.de => {
                    // Merging: succeeds unless it would make a value both
                    // approved and forbidden.
                    let (merged, _) = model::merge_terms(existing, &term);
                    match merged.validate() {
                        Ok(()) => {
                            let r = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
                            let parsed = Glossary::parse(&r.text, path()).map_err(|e| TestCaseError::fail(e.to_string()))?;
                            prop_assert_eq!(parsed.find(&term.de), Some(&merged));
                        }
                        Err(kind) => prop_assert_eq!(result.err().map(|e| e.kind), Some(kind)),
                    }
                }
                Some(_) => {
                    let is_case_conflict = matches!(
                        result.as_ref().map_err(|e| &e.kind),
                        Err(ErrorKind::CaseConflict { .. })
                    );
                    prop_assert!(is_case_conflict);
                }
            }
        }

        #[test]
        fn merge_into_rendered_term(term in arb_term(), extra in arb_term()) {
            let text = render(&Glossary { terms: vec![term.clone()], ..Glossary::default() });
            let mut new = extra;
            new.de = term.de.clone();
            if let MatchMode::CustomStem { .. } = new.match_mode {
                new.match_mode = MatchMode::Exact;
            }
            let (merged, report) = model::merge_terms(&term, &new);
            let result = add_term(&text, path(), &new);
            if merged.validate().is_ok() {
                let r = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(r.outcome.clone(), if report.is_empty() { AddOutcome::Unchanged } else { AddOutcome::Merged(report) });
                prop_assert_eq!(Glossary::parse(&r.text, path()).map(|g| g.terms), Ok(vec![merged]));
            } else {
                prop_assert!(result.is_err());
            }
        }

        #[test]
        fn parse_never_panics_on_any_text(text in any::<String>()) {
            let _ = Glossary::parse(&text, path());
            let _ = remove_term(&text, path(), "a");
            let _ = add_term(&text, path(), &Term::new("a", ["b"]));
        }

        #[test]
        fn parse_never_panics_on_toml_like_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("[[term]]\n"), Just("[glossary]\n"), Just("[term]\n"), Just("[term.x]\n"),
                    Just("de = "), Just("en = "), Just("forbidden = "), Just("match = "),
                    Just("status = "), Just("forms = "), Just("note = "), Just("pos = "),
                    Just("case_sensitive = "), Just("source_lang = "), Just("glossary = "),
                    Just("term = "), Just("\"a\""), Just("\"A\""), Just("\"a|b\""), Just("\"ab|c\""),
                    Just("\"preferred\""), Just("\"exact\""), Just("[\"x\", \"y\"]"), Just("[]"),
                    Just("[1]"), Just("{}"), Just("{ de = \"a\" }"), Just("true"), Just("5"),
                    Just("\n"), Just("\r\n"), Just("# c\n"), Just(" "), Just("["), Just("\""),
                    Just("'''"), Just("\"\"\"\n"), Just("é"), Just("\u{feff}"),
                ],
                0..40,
            ),
            de in prop_oneof![Just("a"), Just("A"), Just("ab"), Just("x")],
        ) {
            let text: String = parts.concat();
            let _ = Glossary::parse(&text, path());
            let _ = remove_term(&text, path(), de);
            let r = add_term(&text, path(), &Term::new(de, ["b"]));
            // Edits never return text that does not parse.
            if let Ok(r) = r {
                prop_assert!(Glossary::parse(&r.text, path()).is_ok());
            }
        }
    }
}

// ---------------------------------------------------------------- the project's real file

/// A snapshot of the project's `glossary.toml`.
const REAL: &str = include_str!("../../glossary.toml");

#[test]
fn real_glossary_parses() {
    let g = ok(REAL);
    assert_eq!(g.source_lang, "de");
    assert_eq!(g.terms.len(), 33);
    let atom = g.find("Atomsprengkopf");
    assert_eq!(
        atom.map(|t| t.forms.clone()),
        Some(vec![
            "Atomsprengköpfe".to_string(),
            "Atomsprengköpfen".to_string()
        ])
    );
    assert!(g.terms.iter().all(|t| t.status == Some(Status::Preferred)));
}

#[test]
fn real_glossary_remove_each_term_cuts_exactly_its_block() {
    let g = ok(REAL);
    // The file is a header followed by blocks "\n[[term]]\n...".
    let mut starts: Vec<usize> = REAL.match_indices("\n[[term]]\n").map(|(i, _)| i).collect();
    starts.push(REAL.len());
    for (i, term) in g.terms.iter().enumerate() {
        let (start, end) = (starts[i], starts[i + 1]);
        let expected = format!("{}{}", &REAL[..start], &REAL[end..]);
        assert_eq!(remove(REAL, &term.de), expected, "removing {}", term.de);
    }
}

#[test]
fn real_glossary_add_merge_and_undo() {
    let new = Term {
        pos: Some("noun".into()),
        ..Term::new("Zeitenwende", ["turning point", "watershed moment"])
    };
    let added = add(REAL, &new);
    assert_eq!(added.outcome, AddOutcome::Added);
    assert_eq!(
        added.text,
        format!(
            "{REAL}\n[[term]]\nde = \"Zeitenwende\"\nen = [\"turning point\", \"watershed moment\"]\npos = \"noun\"\n"
        )
    );
    assert_eq!(remove(&added.text, "Zeitenwende"), REAL);

    // Atomsprengkopf writes `forms` before `forbidden`; both are extended in place.
    let merged = add(
        REAL,
        &Term {
            forms: vec!["Atomsprengkopfes".into()],
            forbidden: vec!["A-bomb head".into()],
            ..Term::new("Atomsprengkopf", ["nuclear warhead"])
        },
    );
    assert_eq!(
        merged.text,
        REAL.replace(
            "forms = [\"Atomsprengköpfe\", \"Atomsprengköpfen\"]\nforbidden = [\"atomic explosive head\", \"nuclear explosive head\"]\n",
            "forms = [\"Atomsprengköpfe\", \"Atomsprengköpfen\", \"Atomsprengkopfes\"]\nforbidden = [\"atomic explosive head\", \"nuclear explosive head\", \"A-bomb head\"]\n",
        )
    );
    // A term without `forbidden` gets it after `en`.
    let merged = add(
        REAL,
        &Term {
            forbidden: vec!["munitions depot".into()],
            ..Term::new("Munition", ["ammunition"])
        },
    );
    assert_eq!(
        merged.text,
        REAL.replace(
            "de = \"Munition\"\nen = [\"ammunition\", \"munitions\"]\n",
            "de = \"Munition\"\nen = [\"ammunition\", \"munitions\"]\nforbidden = [\"munitions depot\"]\n",
        )
    );
}
