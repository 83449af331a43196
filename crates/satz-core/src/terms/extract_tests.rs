//! Tests of the term-candidate extraction.
use std::collections::HashSet;

use super::candidates::{gather, is_adjective, is_noun, tokens};
use super::citation::{case_base, citation_form};
use super::equivalents::ngrams;
use super::general::{compound_split, feminine_form, ordinary_parts};
use super::kinds::{Everyday, everyday_kind};
use super::lexicon::Lexicon;
use super::score::cognate;
use super::score::{everyday, is_name, is_prefixed_name, keyness, spread, stories};
use super::{ExtractOptions, Kind, UnitText, extract};
use crate::glossary::Glossary;
use crate::text::words::words;

#[test]
fn nouns_adjectives_and_compounds() {
    assert!(is_noun("Erbdiktatur"));
    assert!(is_noun("UN-Sanktionen"));
    assert!(!is_noun("UN"));
    assert!(!is_noun("Kim"));
    assert!(!is_noun("sprengen"));
    assert!(!is_noun("G7-Staaten"));
    assert!(is_adjective("koreanische"));
    assert!(!is_adjective("schickt"));
    let lex = Lexicon::new();
    let vocab: HashSet<String> = HashSet::new();
    let split = |w: &str| compound_split(w, &vocab, &lex);
    assert_eq!(
        split("Kanonenfutter"),
        Some(vec!["kanonen".to_owned(), "futter".to_owned()])
    );
    assert_eq!(
        split("Hyperschallrakete").map(|p| p.len()),
        Some(3),
        "{:?}",
        split("Hyperschallrakete")
    );
    assert_eq!(split("Pjongjang"), None);
    // A very long word is not searched (no time quadratic in its length).
    assert_eq!(split(&"Kanonenfutter".repeat(3000)), None);
    assert_eq!(
        split(&"Kanonenfutter".repeat(3)),
        Some(vec!["kanonenfutter".to_owned(); 3]),
        "a listed word is one part"
    );
    // The memory's own words are parts too.
    let memory: HashSet<String> = ["qwertz".to_owned()].into_iter().collect();
    assert_eq!(
        compound_split("Qwertzfutter", &memory, &lex),
        Some(vec!["qwertz".to_owned(), "futter".to_owned()])
    );
}

#[test]
fn english_ngrams_skip_function_words_and_punctuation() {
    let lex = Lexicon::new();
    let g = ngrams(&lex, "Russia uses them as cannon fodder, says Kiev.");
    let keys: HashSet<&str> = g.keys().map(String::as_str).collect();
    assert!(keys.contains("cannon fodder"), "{keys:?}");
    assert!(keys.contains("cannon"));
    assert!(!keys.contains("as cannon fodder"));
    assert!(!keys.contains("fodder say"), "not across the comma");
    assert!(cognate("Nordkorea", "North Korea"));
    assert!(cognate("Putin", "Putin"));
    assert!(!cognate("Kanonenfutter", "cannon fodder"));
}

#[test]
fn tokens_join_hyphens_and_know_sentence_starts() {
    let text = "Die UN-Sanktionen wirken. Sanktionen auch: Neue Wege";
    let ws = words(text);
    let t = tokens(text, &ws);
    let v: Vec<(&str, bool)> = t.iter().map(|t| (t.text, t.initial)).collect();
    assert_eq!(
        v,
        [
            ("Die", true),
            ("UN-Sanktionen", false),
            ("wirken", false),
            ("Sanktionen", true),
            ("auch", false),
            ("Neue", true),
            ("Wege", false)
        ]
    );
}

/// A small memory: a name (Pjöngjang / Pyongyang), an everyday word
/// (Touristen / tourists) and a domain term (Zinssenkung / interest rate
/// cut), each in four units, mid-sentence (the name and the everyday word
/// share two units).
fn small_memory() -> Vec<UnitText> {
    let pairs = [
        (
            "Die Zentralbank beschloss gestern eine Zinssenkung um einen Punkt.",
            "The central bank yesterday decided on an interest rate cut of one point.",
        ),
        (
            "Viele Touristen kamen am Wochenende nach Pjöngjang.",
            "Many tourists came to Pyongyang at the weekend.",
        ),
        (
            "Eine weitere Zinssenkung sei nicht ausgeschlossen, hieß es.",
            "A further interest rate cut was not ruled out, it said.",
        ),
        (
            "In Pjöngjang wurden die Touristen vom Regen überrascht.",
            "In Pyongyang the tourists were surprised by the rain.",
        ),
        (
            "Analysten hatten die Zinssenkung seit Wochen erwartet.",
            "Analysts had expected the interest rate cut for weeks.",
        ),
        (
            "Die Regierung in Pjöngjang schweigt zu den Vorwürfen.",
            "The government in Pyongyang is silent about the accusations.",
        ),
        (
            "Nach der Zinssenkung stiegen die Kurse deutlich.",
            "After the interest rate cut, prices rose markedly.",
        ),
        (
            "Die Touristen lobten das Essen, berichten Reisende.",
            "The tourists praised the food, travellers report.",
        ),
        (
            "Gern fotografieren Touristen am Fluss.",
            "Tourists like to take photos by the river.",
        ),
        (
            "Aus Pjöngjang kam keine Antwort.",
            "No answer came from Pyongyang.",
        ),
    ];
    pairs
        .iter()
        .map(|(de, en)| UnitText {
            source: (*de).to_owned(),
            target: (*en).to_owned(),
            origin: None,
        })
        .collect()
}

#[test]
fn terms_rank_above_everyday_words_and_names_are_apart() {
    let units = small_memory();
    let terms = extract(&units, &Glossary::default(), ExtractOptions::default());
    let rank = |de: &str| terms.iter().position(|c| c.de == de);
    let term = rank("Zinssenkung").expect("the domain term is a candidate");
    assert_eq!(terms.get(term).map(|c| c.kind), Some(Kind::Term));
    assert_eq!(
        terms
            .get(term)
            .and_then(|c| c.equivalents.first())
            .map(|e| e.en.as_str()),
        Some("interest rate cut")
    );
    // The everyday word ranks below the term, far below.
    let everyday = rank("Touristen").expect("the everyday word is a candidate");
    assert!(everyday > term);
    let (t, e) = (terms[term].score, terms[everyday].score);
    assert!(e < t / 4.0, "Touristen {e} vs Zinssenkung {t}");
    assert_eq!(
        terms[everyday].equivalents.first().map(|e| e.en.as_str()),
        Some("tourists")
    );
    // The name is not among the terms but among the names.
    assert_eq!(rank("Pjöngjang"), None, "{terms:?}");
    let names = extract(
        &units,
        &Glossary::default(),
        ExtractOptions {
            names: true,
            ..ExtractOptions::default()
        },
    );
    let name = names.iter().find(|c| c.de == "Pjöngjang");
    assert_eq!(name.map(|c| c.kind), Some(Kind::Name), "{names:?}");
    assert!(names.iter().all(|c| c.kind == Kind::Name));
    assert!(names.iter().all(|c| c.de != "Zinssenkung"));
}

#[test]
fn keyness_everyday_spread_and_names() {
    // 10 occurrences in 100,000 words: Zipf 5 in the memory.
    assert!((keyness(10, 100_000, 3.0) - 2.0).abs() < 1e-9);
    assert!(
        (keyness(10, 100_000, 6.0) - 0.1).abs() < 1e-9,
        "at least 0.1"
    );
    assert!((keyness(0, 0, 3.0) - 0.1).abs() < 1e-9);
    assert!((everyday(3.0) - 1.0).abs() < 1e-9);
    assert!((everyday(4.3) - 0.1).abs() < 1e-9);
    assert_eq!(spread(&[]), 0);
    assert_eq!(spread(&[1, 5, 20]), 1);
    assert_eq!(spread(&[1, 5, 200, 210, 900]), 3);
    assert!(is_name("Pjöngjang", "Pyongyang", 1.0, (1, true)));
    assert!(is_name("Kreml", "Kremlin", 0.95, (1, true)));
    assert!(
        !is_name("Kreml", "Kremlin", 0.5, (1, true)),
        "not capitalised"
    );
    assert!(!is_name(
        "Verteidigungsministerium",
        "Ministry of Defence",
        1.0,
        (2, true)
    ));
    assert!(!is_name("Gewerkschaften", "unions", 0.1, (1, true)));
}

#[test]
fn compounds_of_everyday_parts_and_feminine_forms() {
    let lex = Lexicon::new();
    let vocab: HashSet<String> = HashSet::new();
    // Both parts are everyday words, also behind a linking -s- or a plural.
    assert!(ordinary_parts(&lex, "regierungsbeamte", &vocab));
    assert!(ordinary_parts(&lex, "preiserhöhungen", &vocab));
    // A rare part makes a compound no everyday one; a simple word is none.
    assert!(!ordinary_parts(&lex, "treibhausgasemissionen", &vocab));
    assert!(!ordinary_parts(&lex, "regierung", &vocab));
    // The feminine form of a person noun, also of a compound one.
    assert!(feminine_form(&lex, "Rezeptionistin", &vocab));
    assert!(feminine_form(&lex, "Staatsanwältinnen", &vocab));
    assert!(!feminine_form(&lex, "Medizin", &vocab));
    assert!(!feminine_form(&lex, "Disziplin", &vocab));
}

#[test]
fn stories_and_abbreviation_prefixed_names() {
    // Units 60 apart may be one story; 61 apart are two.
    assert_eq!(stories(&[10, 40, 70]), 1);
    assert_eq!(stories(&[10, 71]), 2);
    assert_eq!(stories(&[]), 0);
    assert_eq!(spread(&[10, 40, 70]), 3);
    assert!(is_prefixed_name("UN-Flüchtlingshilfswerk", 0.9));
    assert!(is_prefixed_name("EU-Kommission", 0.5));
    assert!(
        !is_prefixed_name("US-Hypothekenkrise", 0.1),
        "subprime crisis"
    );
    assert!(!is_prefixed_name("Anti-Polio-Initiative", 1.0));
    assert!(!is_prefixed_name("UN-", 1.0));
}

#[test]
fn calendar_words_ages_and_people_in_general_are_recognised() {
    for w in [
        "Donnerstagabend",
        "Freitagnachmittag",
        "Weihnachtsfeiertage",
        "Weihnachtsfeiertagen",
        "Osterwochenende",
        "Ostermontag",
        "Pfingstferien",
        "Silvesternacht",
        "Nationalfeiertag",
        "Sonntag",
        "Montags",
        "Juli",
        "Mai",
        "Weihnachten",
    ] {
        assert_eq!(everyday_kind(w), Some(Everyday::Calendar), "{w}");
    }
    for w in [
        "Achtzigjährigen",
        "Vierzigjährige",
        "Zwölfjähriger",
        "Zweiundzwanzigjährige",
    ] {
        assert_eq!(everyday_kind(w), Some(Everyday::Age), "{w}");
    }
    for w in [
        "Neurochirurgen",
        "Regierungsbeamte",
        "Flugzeughersteller",
        "Analytiker",
        "US-Geheimdienstexperten",
        "Neurowissenschaftlerin",
        "Motorradfahrer",
        "Hausärzte",
        "Beratungsunternehmen",
        "Bauunternehmens",
        "Ölkonzerne",
        "Sicherheitsfirma",
        "Baufirmen",
    ] {
        assert_eq!(everyday_kind(w), Some(Everyday::People), "{w}");
    }
    // Offices and roles of an institution are terms; events, legal terms
    // and words that merely hold the letters are no calendar words, ages
    // or people.
    for w in [
        "Kongressabgeordnete",
        "Präsidentschaftskandidaten",
        "Militärangehörige",
        "Stellvertreter",
        "Volksvertreter",
        "Handelsvertreter",
        "Minderjährige",
        "Volljährigen",
        "Montage",
        "Demontage",
        "Kristallnacht",
        "Wahlnacht",
        "Oktoberrevolution",
        "Oktoberfest",
        "Weihnachtsinsel",
        "Juniorpartner",
        "Augustiner",
        "Urkunde",
        "Verfahren",
        "Parteitag",
        "Haushaltsjahr",
        "Vollmacht",
        "Julian",
        "Mais",
        "Tochtergesellschaft",
        "Aktiengesellschaft",
        "Unternehmung",
        "Konzernchef",
        // Firms that are terms of economics or law.
        "Tochterunternehmen",
        "Tochterfirma",
        "Mutterkonzern",
        "Staatsunternehmen",
        "Scheinfirma",
        "Tarnfirmen",
        "Briefkastenfirma",
        "Versorgungsunternehmen",
        "Schwesterfirma",
        "Gemeinschaftsunternehmen",
        "Nachfolgekonzern",
        "Beteiligungsunternehmen",
    ] {
        assert_eq!(everyday_kind(w), None, "{w}");
    }
}

#[test]
fn the_citation_form_drops_a_compounds_case_ending() {
    let lex = Lexicon::new();
    let nouns: HashSet<String> = [
        "vorfall",
        "system",
        "haus",
        "defizit",
        "bildschirme",
        "papiere",
        "schauplatze",
        "wachs",
        "kurs",
        "promis",
    ]
    .iter()
    .map(|w| (*w).to_owned())
    .collect();
    let base = |w: &str| case_base(&lex, w, &nouns);
    assert_eq!(
        base("Bandscheibenvorfalls").as_deref(),
        Some("Bandscheibenvorfall")
    );
    assert_eq!(base("Finanzsystems").as_deref(), Some("Finanzsystem"));
    assert_eq!(base("Gasthauses").as_deref(), Some("Gasthaus"));
    assert_eq!(
        base("EU-Haushaltsdefizits").as_deref(),
        Some("EU-Haushaltsdefizit")
    );
    assert_eq!(
        base("Computerbildschirmen").as_deref(),
        Some("Computerbildschirme")
    );
    assert_eq!(
        base("Hypothekenpapieren").as_deref(),
        Some("Hypothekenpapiere")
    );
    assert_eq!(
        base("Kriegsschauplätzen").as_deref(),
        Some("Kriegsschauplätze")
    );
    // An `s` or `n` that belongs to the word stays: simple words (maybe
    // names), a single `s` after a sibilant, heads that are no noun of the
    // memory, plural endings of their own.
    for w in [
        "Wechselkurs",
        "Kurses",
        "Preises",
        "Kongress",
        "Kompromiss",
        "Haushaltskompromiss",
        "Stress",
        "Diabetes",
        "Nichts",
        "Jeans",
        "Times",
        "Peters",
        "Adams",
        "Morales",
        "Bienenwachs",
        "Fonds",
        "Zins",
        "Kapitalismus",
        "Ergebnis",
        "Kosten",
        "Sanktionen",
        "Unternehmen",
        "Wahlen",
        "Glauben",
        "Kongressabgeordneten",
        "Zinssenkungen",
        "Enthüllungen",
        "Beitragszahlungen",
        "Botschafterinnen",
    ] {
        assert_eq!(base(w), None, "{w}");
    }
    // A dative plural whose bare plural the memory lacks: the list has
    // both plurals, the bare one at least as frequent. A genitive still
    // needs the memory's noun; a plural in `-n` of its own stays.
    let none = HashSet::new();
    let listed = |w: &str| case_base(&lex, w, &none);
    assert_eq!(
        listed("Kriegsschauplätzen").as_deref(),
        Some("Kriegsschauplätze")
    );
    assert_eq!(
        listed("Selbstmordattentätern").as_deref(),
        Some("Selbstmordattentäter")
    );
    for w in [
        "Bandscheibenvorfalls",
        "Leuchtraketen",
        "Familienangehörigen",
        "Befragten",
        "Allgemeinen",
    ] {
        assert_eq!(listed(w), None, "{w}");
    }
    let forms = |fs: &[(&str, usize)]| -> std::collections::HashMap<String, usize> {
        fs.iter().map(|(f, n)| ((*f).to_owned(), *n)).collect()
    };
    assert_eq!(
        citation_form(&lex, &forms(&[("Bandscheibenvorfalls", 2)]), &nouns),
        "Bandscheibenvorfall"
    );
    assert_eq!(
        citation_form(&lex, &forms(&[("Wechselkurs", 2)]), &nouns),
        "Wechselkurs"
    );
    assert_eq!(
        citation_form(&lex, &forms(&[("Times", 3), ("Time", 1)]), &nouns),
        "Times"
    );
}

#[test]
fn a_genitive_the_stemmer_keys_apart_is_one_candidate() {
    let units: Vec<UnitText> = [
        "Das Finanzsystem ist stabil.",
        "Die Stabilität des Finanzsystems ist bedroht, sagt Peters.",
        "Dieses System hält, sagt Peter.",
        "Laut Peters ist das falsch.",
    ]
    .iter()
    .map(|de| UnitText {
        source: (*de).to_owned(),
        target: String::new(),
        origin: None,
    })
    .collect();
    let lex = Lexicon::new();
    let found = gather(&units, &lex);
    let having = |form: &str| -> Vec<&String> {
        found
            .gathered
            .iter()
            .filter(|(_, g)| g.forms.contains_key(form))
            .map(|(k, _)| k)
            .collect()
    };
    let with = having("Finanzsystem");
    assert_eq!(
        with,
        having("Finanzsystems"),
        "one candidate for both forms"
    );
    assert_eq!(with.len(), 1, "{with:?}");
    let g = with.first().and_then(|k| found.gathered.get(*k));
    assert_eq!(g.map(|g| g.units.clone()), Some(vec![0, 1]));
    assert_eq!(
        found
            .unit_cands
            .iter()
            .filter(|c| with.iter().any(|k| c.contains(*k)))
            .count(),
        2
    );
    // Snowball keys `Peters` with `Peter` (both `pet`); the form shown is
    // the one seen most often, never stripped, since it is no compound.
    let names = having("Peters");
    let shown = names
        .first()
        .and_then(|k| found.gathered.get(*k))
        .map(|g| citation_form(&lex, &g.forms, &found.nouns));
    assert_eq!(shown.as_deref(), Some("Peters"));
}

#[test]
fn an_english_ngram_goes_to_the_german_word_it_translates() {
    // `Ordnungskräfte` is translated differently each time; `tear gas`
    // meets it in all three of its units, but in each of them `Tränengas` is
    // there too, with which it also goes elsewhere. By co-occurrence alone
    // `tear gas` would be the best equivalent of `Ordnungskräfte` (Dice
    // 2·3 / (3 + 5) = 0.75); it is `Tränengas`'s.
    let pairs = [
        (
            "Die Ordnungskräfte setzten Tränengas ein.",
            "Security forces fired tear gas.",
        ),
        (
            "Am Abend griffen die Ordnungskräfte mit Tränengas ein.",
            "In the evening, the police intervened with tear gas.",
        ),
        (
            "Ordnungskräfte und Demonstranten: wieder Tränengas.",
            "Riot officers and protesters: tear gas again.",
        ),
        (
            "Die Polizei setzte Tränengas gegen die Menge ein.",
            "Police used tear gas on the crowd.",
        ),
        (
            "Auch Soldaten warfen Tränengas.",
            "Soldiers also threw tear gas.",
        ),
    ];
    let units: Vec<UnitText> = pairs
        .iter()
        .map(|(de, en)| UnitText {
            source: (*de).to_owned(),
            target: (*en).to_owned(),
            origin: None,
        })
        .collect();
    let found = extract(&units, &Glossary::default(), ExtractOptions::default());
    let equivalents = |de: &str| -> Option<Vec<String>> {
        let c = found.iter().find(|c| c.de == de)?;
        Some(c.equivalents.iter().map(|e| e.en.clone()).collect())
    };
    let forces = equivalents("Ordnungskräfte").expect("a candidate");
    assert!(!forces.iter().any(|e| e.contains("tear")), "{forces:?}");
    let gas = equivalents("Tränengas").expect("a candidate");
    assert_eq!(
        gas.first().map(String::as_str),
        Some("tear gas"),
        "{found:?}"
    );
    // Every candidate competes, not only the shortlisted: with `Tränengas`
    // in the glossary (so not proposed), `tear gas` is still its.
    let glossary = Glossary {
        terms: vec![crate::glossary::Term::new("Tränengas", ["tear gas"])],
        ..Glossary::default()
    };
    let found = extract(&units, &glossary, ExtractOptions::default());
    assert!(found.iter().all(|c| c.de != "Tränengas"), "{found:?}");
    let forces = found
        .iter()
        .find(|c| c.de == "Ordnungskräfte")
        .expect("a candidate");
    assert!(
        !forces.equivalents.iter().any(|e| e.en.contains("tear")),
        "{forces:?}"
    );
}
