//! Tests of the factors `S`, `X`, `R` and `G` of the term-candidate
//! extraction: the parts of a compound, the prefixes of countries and
//! bodies, thin evidence and ordinary made objects.
use std::collections::HashSet;

use super::Equivalent;
use super::general::{compound_split, object_parts};
use super::lexicon::Lexicon;
use super::score::{abbreviation_prefix, counted_parts, object_factor, thin_evidence};

#[test]
fn abbreviation_prefixes_and_thin_evidence() {
    // The factor `X`: the prefix of a country or body, then a word.
    for w in [
        "US-Hypothekenkrise",
        "US-Repräsentantenhaus",
        "EU-Mitgliedsstaaten",
        "UN-Flüchtlingshilfswerk",
        "NATO-Gipfel",
        "Nato-Gipfel",
        "G7-Staaten",
        "IWF-Kredit",
        "EZB-Präsident",
        "AfD-Politiker",
        "SPD-Vorsitzende",
        "BGH-Urteil",
        "EuGH-Urteil",
        "NRW-Landesregierung",
    ] {
        assert!(abbreviation_prefix(w), "{w}");
    }
    // Abbreviations of concepts, all-caps words and names are none.
    for w in [
        "HIV-Infektion",
        "MRSA-Infektionen",
        "IT-Sicherheit",
        "SIM-Karte",
        "KFZ-Steuer",
        "DNA-Test",
        "LED-Lampen",
        "USB-Stick",
        "BIP-Wachstum",
        "LIVE-Übertragung",
        "Anti-Polio-Initiative",
        "Creutzfeldt-Jakob-Krankheit",
        "Bush-Regierung",
        "A-Klasse",
        "UN-",
        "US-2",
    ] {
        assert!(!abbreviation_prefix(w), "{w}");
    }
    // The factor `R`: two units are thin evidence, three are not.
    assert!((thin_evidence(2) - 0.5).abs() < 1e-12);
    assert!((thin_evidence(1) - 0.5).abs() < 1e-12);
    assert!((thin_evidence(3) - 1.0).abs() < 1e-12);
    assert!((thin_evidence(40) - 1.0).abs() < 1e-12);
}

#[test]
fn english_equivalents_that_name_ordinary_made_objects() {
    let lex = Lexicon::new();
    // Listed whole by WordNet, maybe in the plural.
    for en in [
        "cellphone",
        "cellphones",
        "mobile phones",
        "computer screens",
        "petrol engine",
        "plastic bags",
        "teddy bear",
    ] {
        assert!(lex.is_object(en), "{en}");
    }
    // Weapons, instruments, drugs, vaccines, buildings, institutions,
    // systems, fragments and phrases WordNet does not list are none.
    for en in [
        "missile",
        "hypersonic missile",
        "vaccine",
        "antibiotics",
        "telescope",
        "embassy",
        "prison",
        "stock exchange",
        "internet",
        "infrastructure",
        "greenhouse",
        "greenhouse gases",
        "trade ties",
        "financial system",
        "warship",
        "aircraft carrier",
        "submarines",
        "fighter aircraft",
        "military vehicles",
        "mining",
        "coal mining",
        "shipping",
        "container shipping",
        "screening",
        "computing",
        "",
    ] {
        assert!(!lex.is_object(en), "{en}");
    }
    let eq = |en: &str| Equivalent {
        en: en.to_owned(),
        dice: 1.0,
        units: 2,
    };
    // `G` halves an object only when the German is of general parts.
    let vocab: HashSet<String> = ["kartenlesegeräte", "computerbildschirme"]
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
    for (de, en) in [
        ("mobiltelefone", "cellphones"),
        ("benzinmotor", "petrol engine"),
        ("computerbildschirme", "computer screens"),
    ] {
        let parts = object_parts(&lex, de, &vocab);
        assert!(
            (object_factor(&lex, Some(&eq(en)), parts) - 0.5).abs() < 1e-12,
            "{de}"
        );
    }
    for (de, en) in [
        ("hyperschallrakete", "hypersonic missile"),
        ("impfstoff", "vaccine"),
        ("treibhausgase", "greenhouse"),
        ("handelsbeziehungen", "trade ties"),
        ("teleskop", "telescope"),
        ("botschaft", "embassy"),
        ("handy", "cellphone"),
    ] {
        let parts = object_parts(&lex, de, &vocab);
        assert!(
            (object_factor(&lex, Some(&eq(en)), parts) - 1.0).abs() < 1e-12,
            "{de}"
        );
    }
    assert!((object_factor(&lex, None, true) - 1.0).abs() < 1e-12);
}

#[test]
fn the_parts_of_a_compound_and_of_a_long_word_that_does_not_split() {
    let lex = Lexicon::new();
    let vocab: HashSet<String> = HashSet::new();
    let counted = |w: &str| {
        let parts = compound_split(w, &vocab, &lex).map_or(1, |s| s.len());
        counted_parts(&lex, w, parts)
    };
    // A split's parts.
    assert_eq!(counted("haushaltsdefizit"), 2);
    assert_eq!(counted("zusammenstoß"), 2);
    // A long word that does not split is a compound of unknown parts ...
    assert_eq!(counted("ölgesellschaften"), 2);
    // ... also with a derivational ending when its end is a word
    // (`Erd|erwärmung`, `Öl|bohrungen`) ...
    assert_eq!(counted("erderwärmung"), 2);
    assert_eq!(counted("ölbohrungen"), 2);
    // (as does a prefixed derivation of a listed word: `Strukturierung`)
    assert_eq!(counted("umstrukturierung"), 2);
    // ... but one stem made a noun is one part, as is a short word.
    for w in [
        "parteilichkeit",
        "autorisierung",
        "enthüllungen",
        "obligation",
    ] {
        assert_eq!(counted(w), 1, "{w}");
    }
    assert_eq!(counted("teleskop"), 1);
}
