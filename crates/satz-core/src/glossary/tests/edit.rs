//! add_term, remove_term and render on hand-edited files.

use super::*;

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
