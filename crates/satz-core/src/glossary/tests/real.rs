//! The project's own glossary.toml.

use super::*;

// ---------------------------------------------------------------- the project's real file

/// A snapshot of the project's `glossary.toml`.
const REAL: &str = include_str!("../../../../../glossary.toml");

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
