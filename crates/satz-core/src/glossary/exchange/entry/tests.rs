//! Tests of the neutral entry and its conversion into terms.

use super::*;

fn group(tag: &str, terms: &[(&str, Option<TermStatus>)]) -> LangGroup {
    LangGroup::new(
        LangKey::Tag(tag.into()),
        terms
            .iter()
            .map(|(t, s)| EntryTerm {
                status: *s,
                ..EntryTerm::new(*t)
            })
            .collect(),
    )
}

#[test]
fn statuses_of_every_tbx_flavour() {
    use TermStatus::*;
    for (v, want) in [
        ("preferredTerm-admn-sts", Some(Preferred)),
        ("admittedTerm-admn-sts", Some(Admitted)),
        ("deprecatedTerm-admn-sts", Some(Deprecated)),
        ("supersededTerm-admn-sts", Some(Deprecated)),
        ("standardizedTerm", Some(Preferred)),
        ("notRecommended", Some(Deprecated)),
        ("obsolete", Some(Deprecated)),
        (" Preferred ", Some(Preferred)),
        ("fullForm", None),
    ] {
        assert_eq!(TermStatus::parse(v), want, "{v}");
    }
}

#[test]
fn languages_match_by_primary_subtag_exact_first() {
    let entry = Entry {
        line: 1,
        groups: vec![
            group("DE-ch", &[("Sippenhaft", None)]),
            group("en-US", &[("kin liability", None)]),
            group("EN_gb", &[("collective punishment", None)]),
        ],
        ..Entry::default()
    };
    let terms = convert(&entry, "de", "en").unwrap();
    assert_eq!(terms[0].en, ["kin liability", "collective punishment"]);
    let terms = convert(&entry, "de", "en-GB").unwrap();
    assert_eq!(terms[0].en, ["collective punishment"]);
    assert_eq!(convert(&entry, "fr", "en"), Err(SkipReason::NoSource));
    assert_eq!(convert(&entry, "de", "fr"), Err(SkipReason::NoTarget));
    // A glossary in plain de takes every de group, regions included.
    let both = Entry {
        groups: vec![
            group("de", &[("Strassenbahn", None)]),
            group("de-CH", &[("Tram", None)]),
            group("en", &[("tram", None)]),
        ],
        ..entry.clone()
    };
    let terms = convert(&both, "de", "en").unwrap();
    let de: Vec<&str> = terms.iter().map(|t| t.de.as_str()).collect();
    assert_eq!(de, ["Strassenbahn", "Tram"]);
    // A region matches that region only (docs/contract.md), or a tag without one.
    let us_only = Entry {
        groups: vec![
            group("de-DE", &[("Angriffskrieg", None)]),
            group("en-US", &[("war of aggression", None)]),
        ],
        ..entry.clone()
    };
    assert_eq!(
        convert(&us_only, "de-CH", "en-GB"),
        Err(SkipReason::NoSource)
    );
    assert_eq!(convert(&us_only, "de", "en-GB"), Err(SkipReason::NoTarget));
    let plain = Entry {
        groups: vec![
            group("deu", &[("Angriffskrieg", None)]),
            group("en", &[("war of aggression", None)]),
        ],
        ..entry.clone()
    };
    assert_eq!(
        convert(&plain, "de-CH", "en-GB").unwrap()[0].en,
        ["war of aggression"]
    );
    let three_letter = Entry {
        groups: vec![
            group("ger-DE", &[("Angriffskrieg", None)]),
            group("eng", &[("war of aggression", None)]),
        ],
        ..entry
    };
    assert_eq!(
        convert(&three_letter, "de-DE", "en").unwrap()[0].de,
        "Angriffskrieg"
    );
}

#[test]
fn preferred_first_deprecated_forbidden_synonyms_separate() {
    use TermStatus::*;
    let mut de = group(
        "de",
        &[
            ("Atommacht", Some(Preferred)),
            ("Nuklearmacht", Some(Admitted)),
        ],
    );
    de.terms.push(EntryTerm {
        variant: true,
        ..EntryTerm::new("Atommächte")
    });
    let entry = Entry {
        line: 3,
        groups: vec![
            de,
            group(
                "en",
                &[
                    ("atomic power", Some(Deprecated)),
                    ("nuclear-armed state", None),
                    ("nuclear power", Some(Preferred)),
                ],
            ),
        ],
        notes: vec!["A state with nuclear weapons.".into()],
        ..Entry::default()
    };
    let terms = convert(&entry, "de", "en").unwrap();
    assert_eq!(terms.len(), 2);
    assert_eq!(terms[0].de, "Atommacht");
    assert_eq!(terms[0].en, ["nuclear power", "nuclear-armed state"]);
    assert_eq!(terms[0].forbidden, ["atomic power"]);
    assert_eq!(terms[0].forms, ["Atommächte"]);
    assert_eq!(terms[0].status, Some(Status::Preferred));
    assert_eq!(
        terms[0].note.as_deref(),
        Some("A state with nuclear weapons.")
    );
    assert_eq!(terms[1].de, "Nuklearmacht");
    assert!(terms[1].forms.is_empty());
    assert_eq!(terms[1].status, Some(Status::Admitted));
}

#[test]
fn only_forbidden_translations_are_skipped() {
    let entry = Entry {
        line: 1,
        groups: vec![
            group("de", &[("X", None)]),
            group("en", &[("y", Some(TermStatus::Deprecated))]),
        ],
        ..Entry::default()
    };
    assert_eq!(convert(&entry, "de", "en"), Err(SkipReason::OnlyForbidden));
}
