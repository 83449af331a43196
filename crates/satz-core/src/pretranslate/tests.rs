//! The XLIFF writers on a document with every kind of segment.

use super::*;

fn candidate(score: u32, target: &str) -> Candidate {
    Candidate {
        score,
        source: format!("Quelle {score}"),
        target: target.to_owned(),
        origin: "memory/kim-putin.tmx".to_owned(),
        penalties: if score < 100 {
            vec!["-2 numbers".to_owned()]
        } else {
            Vec::new()
        },
    }
}

/// Four segments in two paragraphs: a context match, an exact match, a
/// fuzzy match with a glossary term, nothing.
fn document(fuzzy: FuzzyAs) -> Pretranslation {
    let seg = |source: &str, matches: Vec<Candidate>| Segment {
        source: source.to_owned(),
        matches,
        ..Segment::default()
    };
    let mut first = vec![
        seg(
            "Putin verliert sein Gesicht",
            vec![candidate(101, "Putin loses face")],
        ),
        seg(
            "Kim schickt 30'000 Soldaten.",
            vec![candidate(100, "Kim sends 30,000 soldiers.")],
        ),
    ];
    let mut fuzzy_one = seg(
        "Das ist Sippenhaft & <Kanonenfutter>.",
        vec![
            candidate(87, "That is collective punishment."),
            candidate(72, "Other."),
        ],
    );
    fuzzy_one.terms = vec![TermHint {
        term: "Sippenhaft".to_owned(),
        translations: vec!["collective punishment".to_owned()],
        forbidden: vec!["clan custody".to_owned()],
    }];
    let mut second = vec![fuzzy_one, seg("Neu.", Vec::new())];
    // Neighbours as the builder records them.
    first[0].next = Some(first[1].source.clone());
    first[1].prev = Some(first[0].source.clone());
    first[1].next = Some(second[0].source.clone());
    second[0].prev = Some(first[1].source.clone());
    second[0].next = Some(second[1].source.clone());
    second[1].prev = Some(second[0].source.clone());
    Pretranslation {
        original: "kim \"putin\".txt".to_owned(),
        source_lang: "de".to_owned(),
        target_lang: "en".to_owned(),
        paragraphs: vec![first, second],
        fuzzy,
    }
}

#[test]
fn fill_follows_the_score_and_the_fuzzy_choice() {
    let doc = document(FuzzyAs::Target);
    let fills: Vec<Fill<'_>> = doc.numbered().map(|(_, _, s)| s.fill(doc.fuzzy)).collect();
    assert!(matches!(fills[0], Fill::Exact(c) if c.score == 101));
    assert!(matches!(fills[1], Fill::Exact(c) if c.score == 100));
    assert!(matches!(fills[2], Fill::Fuzzy(c) if c.score == 87));
    assert_eq!(fills[3], Fill::Empty);
    let doc = document(FuzzyAs::Candidate);
    assert_eq!(doc.paragraphs[1][0].fill(doc.fuzzy), Fill::Empty);
    assert!(matches!(
        doc.paragraphs[0][1].fill(doc.fuzzy),
        Fill::Exact(_)
    ));
}

#[test]
fn ids_run_through_the_paragraphs() {
    let doc = document(FuzzyAs::Target);
    let ids: Vec<(usize, usize)> = doc.numbered().map(|(i, p, _)| (i, p)).collect();
    assert_eq!(ids, [(1, 1), (2, 1), (3, 2), (4, 2)]);
}

#[test]
fn xliff_12_states_matches_notes_and_neighbours() {
    let x = xliff12::write(&document(FuzzyAs::Target), "9.9.9");
    assert!(x.contains("<file original=\"kim &quot;putin&quot;.txt\" source-language=\"de\" target-language=\"en\" datatype=\"plaintext\""), "{x}");
    assert!(x.contains("tool-version=\"9.9.9\""));
    assert_eq!(x.matches("<group id=").count(), 2);
    assert_eq!(x.matches("<trans-unit id=").count(), 4);
    assert!(x.contains(
        "<target state=\"translated\" state-qualifier=\"exact-match\">Putin loses face</target>"
    ));
    assert!(x.contains("<target state=\"translated\" state-qualifier=\"leveraged-tm\">Kim sends 30,000 soldiers.</target>"));
    assert!(x.contains("<target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">That is collective punishment.</target>"));
    assert!(x.contains("<source>Das ist Sippenhaft &amp; &lt;Kanonenfutter&gt;.</source>"));
    assert!(x.contains(
        "<alt-trans match-quality=\"87\" origin=\"memory/kim-putin.tmx\" tool-id=\"satz\">"
    ));
    assert!(x.contains("<alt-trans match-quality=\"72\""));
    assert!(x.contains("<note from=\"satz\">-2 numbers</note>"));
    assert!(x.contains("Glossary: Sippenhaft: collective punishment; not: clan custody"));
    assert!(
        x.contains("<context context-type=\"x-satz-prev\">Kim schickt 30'000 Soldaten.</context>")
    );
    // The last segment has no match: no target at all.
    let last = x.rsplit("<trans-unit id=\"4\">").next().unwrap();
    assert!(!last.contains("<target"), "{last}");

    let candidates = xliff12::write(&document(FuzzyAs::Candidate), "9.9.9");
    assert_eq!(
        candidates.matches("<target state=").count(),
        2,
        "{candidates}"
    );
    assert!(candidates.contains("<alt-trans match-quality=\"87\""));
}

#[test]
fn xliff_20_states_modules_and_references() {
    let x = xliff20::write(&document(FuzzyAs::Target));
    assert!(
        x.contains("version=\"2.0\" srcLang=\"de\" trgLang=\"en\""),
        "{x}"
    );
    assert_eq!(x.matches("<unit id=").count(), 4);
    assert!(x.contains("<segment id=\"s1\" state=\"translated\" subState=\"satz:context-match\">"));
    assert!(x.contains("<segment id=\"s2\" state=\"translated\" subState=\"satz:exact-match\">"));
    assert!(x.contains("<segment id=\"s3\" state=\"initial\" subState=\"satz:fuzzy-match\">"));
    assert!(x.contains("<segment id=\"s4\" state=\"initial\">"));
    assert!(x.contains("<mtc:match ref=\"#m1\" similarity=\"100\" type=\"icm\" origin=\"memory/kim-putin.tmx\" satz:score=\"101\">"));
    assert!(x.contains("<mtc:match ref=\"#m3\" similarity=\"87\" type=\"tm\" origin=\"memory/kim-putin.tmx\" satz:score=\"87\" satz:penalties=\"-2 numbers\">"));
    assert!(x.contains("<source><mrk id=\"m3\" type=\"mtc:match\">Das ist Sippenhaft &amp; &lt;Kanonenfutter&gt;.</mrk></source>"));
    assert!(x.contains("<gls:glossEntry ref=\"#m3\">"));
    assert!(x.contains("<gls:translation satz:forbidden=\"yes\">clan custody</gls:translation>"));
    assert!(x.contains("<mda:meta type=\"prev\">Kim schickt 30'000 Soldaten.</mda:meta>"));
    // No match, no term: no mrk, no target.
    let last = x.rsplit("<unit id=\"u4\">").next().unwrap();
    assert!(
        last.contains("<source>Neu.</source>") && !last.contains("<target>"),
        "{last}"
    );
}

#[test]
fn writing_is_deterministic() {
    let doc = document(FuzzyAs::Target);
    assert_eq!(xliff12::write(&doc, "1"), xliff12::write(&doc, "1"));
    assert_eq!(xliff20::write(&doc), xliff20::write(&doc));
}
