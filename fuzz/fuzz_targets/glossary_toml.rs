//! `glossary.toml`: parsing any text, and the comment-keeping edits on it.
//! No input may panic, and no edit may fail its own read-back check
//! (`ErrorKind::Internal`), which would mean satz produced a glossary it
//! cannot read or that says something else than intended.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use satz::glossary::{AddOutcome, ErrorKind, Glossary, GlossaryError, Term, add_term, remove_term};

fn not_internal<T>(what: &str, r: &Result<T, GlossaryError>, text: &str) {
    if let Err(e) = r
        && matches!(e.kind, ErrorKind::Internal { .. })
    {
        panic!("{what}: internal error {e}\n--- input:\n{text}");
    }
}

fuzz_target!(|text: &str| {
    let path = Path::new("glossary.toml");
    let parsed = Glossary::parse(text, path);

    // A new term, appended.
    let fresh = Term::new("Fuzzwort", ["fuzz word"]);
    let r = add_term(text, path, &fresh);
    not_internal("add new", &r, text);
    if let Ok(res) = &r {
        let g = Glossary::parse(&res.text, path).expect("add_term's result parses");
        assert!(g.find("Fuzzwort").is_some());
    }

    let Ok(glossary) = parsed else {
        return;
    };
    // Merging into, and removing, every term that is in the file.
    for term in glossary.terms.iter().take(4) {
        let mut more = Term::new(term.de.clone(), ["another rendering"]);
        more.forbidden = vec!["a forbidden rendering".to_owned()];
        more.note = Some("fuzz note # with \"quotes\"".to_owned());
        more.forms = vec![format!("{}s", term.de)];
        let r = add_term(text, path, &more);
        not_internal("merge", &r, text);
        if let Ok(res) = &r {
            assert!(matches!(
                res.outcome,
                AddOutcome::Merged(_) | AddOutcome::Unchanged
            ));
            Glossary::parse(&res.text, path).expect("merge result parses");
        }
        let r = remove_term(text, path, &term.de);
        not_internal("remove", &r, text);
        let out = r.expect("removing a term that is there works");
        let g = Glossary::parse(&out, path).expect("remove result parses");
        assert_eq!(g.terms.len() + 1, glossary.terms.len());
    }
});
