//! Property tests: any term survives render, add_term and remove_term; nothing panics.

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
