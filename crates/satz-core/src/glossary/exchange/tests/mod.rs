//! Round trips and format tests of the exchange formats.

use std::path::Path;

use super::*;
use crate::glossary::{MatchMode, Status, Term};

mod tbx2008;

const SHIPPED: &str = include_str!("../../../../../../glossary.toml");

fn shipped() -> Glossary {
    Glossary::parse(SHIPPED, Path::new("glossary.toml")).unwrap()
}

/// A glossary using every field, with characters XML, TOML, CSV and TSV
/// must escape.
fn hand_made() -> Glossary {
    let full = Term {
        forbidden: vec!["clan custody".into(), "kin <custody> & \"arrest\"".into()],
        note: Some("Line one.\nLine two:  two spaces, a\ttab, 'quotes' & <angle> ]]> ?>".into()),
        pos: Some("noun".into()),
        status: Some(Status::Preferred),
        forms: vec!["Sippenhaften".into()],
        case_sensitive: true,
        match_mode: MatchMode::CustomStem {
            stem: "Sippen".into(),
        },
        ..Term::new("Sippenhaft", ["collective punishment", "kin liability"])
    };
    let admitted = Term {
        status: Some(Status::Admitted),
        pos: Some("verb".into()),
        note: Some(" leading and trailing space ".into()),
        match_mode: MatchMode::Exact,
        ..Term::new("verheizen", ["burn through", "sacrifice"])
    };
    let deprecated = Term {
        status: Some(Status::Deprecated),
        pos: Some("adjective".into()),
        match_mode: MatchMode::Prefix,
        forbidden: vec!["atomic".into()],
        ..Term::new("atomar", ["nuclear"])
    };
    let odd = Term {
        match_mode: MatchMode::CustomStem {
            stem: "Was?".into(),
        },
        ..Term::new("Was?>\"%\"", ["what  (two spaces)"])
    };
    let bare = Term::new("Kim-Diktatur", ["Kim dictatorship"]);
    Glossary {
        terms: vec![full, admitted, deprecated, odd, bare],
        ..Glossary::default()
    }
}

/// Imports `bytes` (as file `name`) into an empty glossary of the pair.
fn import(bytes: &[u8], name: &str, source: &str, target: &str) -> (Glossary, ImportOutcome) {
    let file = read_bytes(bytes, Path::new(name)).unwrap();
    let out = merge_entries(
        "",
        Path::new("glossary.toml"),
        source,
        target,
        &file.entries,
    )
    .unwrap();
    let g = Glossary::parse(&out.text, Path::new("glossary.toml")).unwrap();
    (g, out)
}

#[test]
fn tbx_round_trip_keeps_everything() {
    for original in [shipped(), hand_made()] {
        let tbx = export(&original, ExportFormat::Tbx).unwrap();
        let (back, out) = import(tbx.as_bytes(), "g.tbx", "de", "en");
        assert_eq!(back, original, "{tbx}");
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        assert_eq!(out.added.len(), original.terms.len());
    }
}

#[test]
fn csv_round_trip_keeps_everything() {
    for original in [shipped(), hand_made()] {
        let csv = export(&original, ExportFormat::Csv).unwrap();
        let (back, _) = import(csv.as_bytes(), "g.csv", "de", "en");
        assert_eq!(back, original, "{csv}");
    }
}

/// What OmegaT's layout can hold: German, translations in order, the note
/// (on one line) and, in the comment, the forbidden translations.
/// German, approved, forbidden, note.
type TsvView = (String, Vec<String>, Vec<String>, Option<String>);

fn tsv_view(g: &Glossary) -> Vec<TsvView> {
    g.terms
        .iter()
        .map(|t| {
            (
                t.de.clone(),
                t.en.clone(),
                t.forbidden.clone(),
                t.note
                    .as_ref()
                    .map(|n| n.replace(['\n', '\t'], " ").trim().to_owned()),
            )
        })
        .collect()
}

#[test]
fn tsv_round_trip_keeps_what_omegat_holds() {
    for original in [shipped(), hand_made()] {
        let tsv = export(&original, ExportFormat::Tsv).unwrap();
        assert!(tsv.starts_with("# -*- coding: utf-8 -*-\n"));
        let (back, out) = import(tsv.as_bytes(), "g.txt", "de", "en");
        assert_eq!(tsv_view(&back), tsv_view(&original), "{tsv}");
        assert!(out.skipped.is_empty());
    }
    let shipped = shipped();
    let (back, _) = import(
        export(&shipped, ExportFormat::Tsv).unwrap().as_bytes(),
        "g.tab",
        "de",
        "en",
    );
    assert_eq!(back.terms.len(), 33);
    assert_eq!(back, {
        let mut g = shipped.clone();
        for t in &mut g.terms {
            t.pos = None;
            t.status = None;
            t.forms.clear();
        }
        g
    });
}

#[test]
fn tsv_lines_per_translation_with_the_comment_on_the_first() {
    let g = Glossary {
        terms: vec![Term {
            forbidden: vec!["clan custody".into(), "kin custody".into()],
            note: Some("Punishing relatives.".into()),
            ..Term::new("Sippenhaft", ["collective punishment", "kin liability"])
        }],
        ..Glossary::default()
    };
    assert_eq!(
        export(&g, ExportFormat::Tsv).unwrap(),
        "# -*- coding: utf-8 -*-\n\
         Sippenhaft\tcollective punishment\tPunishing relatives. [forbidden: clan custody; kin custody]\n\
         Sippenhaft\tkin liability\n"
    );
    assert_eq!(
        export(&g, ExportFormat::Csv).unwrap(),
        "de,en,note,forbidden,pos,status,forms,case_sensitive,match\n\
         Sippenhaft,collective punishment; kin liability,Punishing relatives.,clan custody; kin custody,,,,,\n"
    );
}

#[test]
fn tbx_output_is_tbx_basic() {
    let g = Glossary {
        terms: vec![Term {
            forbidden: vec!["clan custody".into()],
            note: Some("A & B".into()),
            pos: Some("n".into()),
            status: Some(Status::Preferred),
            forms: vec!["Sippenhaften".into()],
            ..Term::new("Sippenhaft", ["collective punishment", "kin liability"])
        }],
        ..Glossary::default()
    };
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>satz glossary, de to en, 1 terms</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <note>A &amp; B</note>
        <langSec xml:lang="de">
          <termSec>
            <term>Sippenhaft</term>
            <termNote type="partOfSpeech">noun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termSec>
          <termSec>
            <term>Sippenhaften</term>
            <termNote type="termType">variant</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="en">
          <termSec>
            <term>collective punishment</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termSec>
          <termSec>
            <term>kin liability</term>
            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          </termSec>
          <termSec>
            <term>clan custody</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"#;
    assert_eq!(export(&g, ExportFormat::Tbx).unwrap(), expected);
}

#[test]
fn whitespace_survives_as_character_references() {
    assert_eq!(tbx_write::text("a b"), "a b");
    assert_eq!(tbx_write::text(" a  b\n"), "&#32;a&#32;&#32;b&#10;");
    assert_eq!(tbx_write::text("x\u{1}y<&>"), "xy&lt;&amp;&gt;");
    assert_eq!(tbx_write::attr("\"q\""), "&quot;q&quot;");
    assert_eq!(tbx_write::percent_encode("Was?|%\""), "Was%3F|%25%22");
    assert_eq!(tbx_read::percent_decode("Was%3F|%25%22%zz"), "Was?|%\"%zz");
    assert_eq!(tbx_write::tbx_pos("Proper Noun"), "noun");
    assert_eq!(tbx_write::tbx_pos("adj."), "adjective");
    assert_eq!(tbx_write::tbx_pos("phrase"), "other");
}

const DCT: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="c1">
      <basic:definition>A state
         with nuclear weapons.</basic:definition>
      <langSec xml:lang="DE-de">
        <termSec>
          <term>Atommacht</term>
          <min:partOfSpeech>noun</min:partOfSpeech>
          <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
        </termSec>
      </langSec>
      <langSec xml:lang="en-GB">
        <termSec><term>atomic power</term><min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus></termSec>
        <termSec><term>nuclear power</term></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>"#;

#[test]
fn dct_style_namespaced_categories_are_read() {
    let (g, out) = import(DCT.as_bytes(), "a.tbx", "de", "en");
    assert_eq!(out.entries, 1);
    let t = &g.terms[0];
    assert_eq!(t.de, "Atommacht");
    assert_eq!(t.en, ["nuclear power"]);
    assert_eq!(t.forbidden, ["atomic power"]);
    assert_eq!(t.pos.as_deref(), Some("noun"));
    assert_eq!(t.status, Some(Status::Preferred));
    assert_eq!(t.note.as_deref(), Some("A state with nuclear weapons."));
}

const MARTIF: &str = r#"<?xml version='1.0'?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><martifHeader/><text><body>
<termEntry id="e1">
  <langSet xml:lang="de"><ntig><termGrp><term>Panzerhaubitze</term>
    <termNote type="partOfSpeech">noun</termNote></termGrp>
    <descrip type="context">Die Panzerhaubitze feuerte.</descrip></ntig></langSet>
  <langSet xml:lang="en"><tig><term>self-propelled howitzer</term>
    <termNote type="normativeAuthorization">preferredTerm</termNote>
    <note>Not a tank.</note></tig>
    <tig><term>tank howitzer</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></tig></langSet>
</termEntry>
<termEntry id="e2"><langSet xml:lang="fr"><tig><term>obusier</term></tig></langSet></termEntry>
</body></text></martif>"#;

#[test]
fn tbx_2008_martif_with_tig_and_ntig() {
    let (g, out) = import(MARTIF.as_bytes(), "a.xml", "de", "en");
    assert_eq!(out.entries, 2);
    assert_eq!(g.terms.len(), 1);
    let t = &g.terms[0];
    assert_eq!(
        (t.de.as_str(), t.en.clone(), t.forbidden.clone()),
        (
            "Panzerhaubitze",
            vec!["self-propelled howitzer".to_owned()],
            vec!["tank howitzer".to_owned()]
        )
    );
    // The context (an example) is no note; the note on one translation
    // names it.
    assert_eq!(
        t.note.as_deref(),
        Some("self-propelled howitzer: Not a tank.")
    );
    assert_eq!(out.skipped.len(), 1);
    assert_eq!(out.skipped[0].kind, SkipKind::NoSource);
    assert_eq!(out.skipped[0].line, 13);
    assert_eq!(out.skipped[0].reason, "no de term (the entry holds fr)");
}

#[test]
fn malformed_and_foreign_xml_are_refused() {
    let err = |text: &str| {
        read_bytes(text.as_bytes(), Path::new("t.tbx"))
            .unwrap_err()
            .to_string()
    };
    let e =
        err("<tbx><text><body>\n<conceptEntry><langSec xml:lang=\"de\"><termSec><term>x</termSec>");
    assert!(e.starts_with("t.tbx:2:"), "{e}");
    assert!(e.contains("malformed XML"), "{e}");
    let e = err("<tbx><text><body><conceptEntry>");
    assert!(e.contains("the file ends inside"), "{e}");
    let e = err("<?xml version='1.0'?><mtf><conceptGrp/></mtf>");
    assert!(
        e.starts_with("t.tbx: not a TBX file but MultiTerm XML"),
        "{e}"
    );
    assert!(err("<xliff version=\"1.2\"/>").contains("XLIFF"));
    assert!(err("<tmx version=\"1.4\"/>").contains("satz import"));
    assert!(err("<html/>").contains("HTML"));
    assert!(err("<glossary/>").contains("root element is <glossary>"));
}

#[test]
fn two_terms_in_a_termsec_warn_and_the_first_counts() {
    let text = "<tbx><text><body><conceptEntry><langSec xml:lang=\"de\"><termSec>\
                <term>Erste</term><term>Zweite</term></termSec></langSec>\
                <langSec><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>";
    let file = read_bytes(text.as_bytes(), Path::new("t.tbx")).unwrap();
    assert_eq!(file.warnings.len(), 2, "{:?}", file.warnings);
    assert!(
        file.warnings[0]
            .message
            .contains("only the first, \"Erste\"")
    );
    assert!(file.warnings[1].message.contains("no xml:lang"));
}

#[test]
fn csv_headers_name_languages_in_any_order() {
    let csv = "English;Deutsch;Kommentar\n\"war of aggression; attack war\";Angriffskrieg;x\n";
    let (g, _) = import(csv.as_bytes(), "a.csv", "de", "en");
    assert_eq!(g.terms[0].de, "Angriffskrieg");
    assert_eq!(g.terms[0].en, ["war of aggression", "attack war"]);
    assert_eq!(g.terms[0].note.as_deref(), Some("x"));
    let csv = "en,de-CH,note,forbidden\n\"war of aggression; war of conquest\",Angriffskrieg,legal term,attack war\n";
    let (g, _) = import(csv.as_bytes(), "a.csv", "de", "en");
    let t = &g.terms[0];
    assert_eq!(t.de, "Angriffskrieg");
    assert_eq!(t.en, ["war of aggression", "war of conquest"]);
    assert_eq!(t.forbidden, ["attack war"]);
    assert_eq!(t.note.as_deref(), Some("legal term"));
    let tsv = "source\ttarget\tcomment\nHaus\thouse\tbuilding\n";
    let (g, _) = import(tsv.as_bytes(), "a.tsv", "de", "en");
    assert_eq!(g.terms[0].note.as_deref(), Some("building"));
}

#[test]
fn omegat_lines_with_one_source_are_one_entry() {
    let tsv = "# -*- coding: utf-8 -*-\nSippenhaft\tkin liability\nSippenhaft\tcollective punishment\tnote\n";
    let (g, out) = import(tsv.as_bytes(), "a.txt", "de", "en");
    assert_eq!(out.entries, 1);
    assert_eq!(g.terms[0].en, ["kin liability", "collective punishment"]);
    assert_eq!(g.terms[0].note.as_deref(), Some("note"));
}

const HAND_EDITED: &str = "\
# Our team's glossary.
[glossary]
source_lang = \"de\"
target_lang = \"en\"

# Nazi-era legal term.
[[term]]
de = \"Sippenhaft\"
en = \"collective punishment\"   # the one we use
";

#[test]
fn import_refuses_the_other_sharp_s_spelling_of_a_term() {
    let tsv = "Strasse\tstreet\nStraße\troad\n";
    let file = read_bytes(tsv.as_bytes(), Path::new("a.txt")).unwrap();
    let out = merge_entries("", Path::new("glossary.toml"), "de", "en", &file.entries).unwrap();
    assert_eq!(out.added, ["Strasse"]);
    assert_eq!(out.skipped.len(), 1);
    assert!(
        out.skipped[0]
            .reason
            .contains("\"Straße\" is the glossary term \"Strasse\", since ß and ss match"),
        "{:?}",
        out.skipped
    );
}

#[test]
fn import_merges_keeps_comments_and_refuses_case_clashes() {
    let tsv = "Sippenhaft\tkin liability\nSIPPENHAFT\tx\nKanonenfutter\tcannon fodder\nSippenhaft\tcollective punishment\n";
    let file = read_bytes(tsv.as_bytes(), Path::new("a.txt")).unwrap();
    let path = Path::new("glossary.toml");
    let out = merge_entries(HAND_EDITED, path, "de", "en", &file.entries).unwrap();
    assert!(out.text.starts_with(
        "# Our team's glossary.\n[glossary]\nsource_lang = \"de\"\ntarget_lang = \"en\"\n\n# Nazi-era legal term.\n[[term]]\nde = \"Sippenhaft\"\n"
    ), "{}", out.text);
    assert!(out.text.contains("# the one we use"), "{}", out.text);
    assert_eq!(out.merged, ["Sippenhaft"]);
    assert_eq!(out.added, ["Kanonenfutter"]);
    assert_eq!(out.skipped.len(), 1);
    assert!(
        out.skipped[0].reason.contains("differs only in case"),
        "{:?}",
        out.skipped
    );
    let g = Glossary::parse(&out.text, path).unwrap();
    assert_eq!(
        g.find("Sippenhaft").unwrap().en,
        ["collective punishment", "kin liability"]
    );
    // Again: nothing new.
    let again = merge_entries(&out.text, path, "de", "en", &file.entries).unwrap();
    assert!(!again.changed);
    assert_eq!(again.text, out.text);
    assert_eq!(again.unchanged, 2);
}

#[test]
fn crlf_files_stay_crlf() {
    let text = HAND_EDITED.replace('\n', "\r\n");
    let file = read_bytes(b"Goldesel\tcash cow\n", Path::new("a.txt")).unwrap();
    let out = merge_entries(&text, Path::new("g.toml"), "de", "en", &file.entries).unwrap();
    assert!(out.text.starts_with(&text));
    assert!(
        out.text
            .ends_with("\r\n[[term]]\r\nde = \"Goldesel\"\r\nen = [\"cash cow\"]\r\n"),
        "{:?}",
        out.text
    );
}

#[test]
fn a_new_glossary_gets_the_pair_as_its_languages() {
    let (g, _) = import(MARTIF.as_bytes(), "a.xml", "en", "de");
    assert_eq!(
        (g.source_lang.as_str(), g.target_lang.as_str()),
        ("en", "de")
    );
    assert_eq!(g.terms[0].de, "self-propelled howitzer");
    assert_eq!(g.terms[0].en, ["Panzerhaubitze"]);
}

#[test]
fn early_tbx_min_layout_is_read() {
    let text = "<TBX dialect=\"TBX-Min\"><header/><body><entry id=\"C1\">\
                <langGroup xml:lang=\"de\"><termGroup><term>Goldesel</term>\
                <partOfSpeech>noun</partOfSpeech><usageStatus>preferred</usageStatus></termGroup></langGroup>\
                <langGroup xml:lang=\"en\"><termGroup><term>cash cow</term></termGroup></langGroup>\
                </entry></body></TBX>";
    let (g, _) = import(text.as_bytes(), "m.tbx", "de", "en");
    assert_eq!(g.terms[0].de, "Goldesel");
    assert_eq!(g.terms[0].en, ["cash cow"]);
    assert_eq!(g.terms[0].status, Some(Status::Preferred));
}

/// A TBX entry shaped as termbase servers and MultiTerm export them: the
/// status in a `termNoteGrp`, a custom `Status` field, an unknown status,
/// usage notes, an untyped `<descrip>` and a control character.
const VENDOR_TBX: &str = "<?xml version='1.0' encoding='UTF-8'?>
<tbx type='TBX-Basic' style='dca' xml:lang='en' xmlns='urn:iso:std:iso:30042:ed-2'>
<text><body>
<conceptEntry id='c1'>
  <descrip>Restriction on movement.</descrip>
  <langSec xml:lang='de-DE'><termSec><term>Ausgangs&#11;sperre</term></termSec></langSec>
  <langSec xml:lang='en-GB'>
    <termSec><term>curfew</term>
      <termNoteGrp><termNote type='administrativeStatus'>preferredTerm-admn-sts</termNote></termNoteGrp>
      <termNote type='usageNote'>never 'lockdown'</termNote></termSec>
    <termSec><term>lockdown</term>
      <termNoteGrp><termNote type='administrativeStatus'>deprecatedTerm-admn-sts</termNote>
      <note>A different measure.</note></termNoteGrp></termSec>
    <termSec><term>rebels' hour</term><descrip type='Status'>Forbidden</descrip></termSec>
    <termSec><term>stay-home order</term><termNote type='administrativeStatus'>xyz</termNote></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>";

#[test]
fn statuses_in_groups_custom_status_fields_and_usage_notes_are_read() {
    let file = read_bytes(VENDOR_TBX.as_bytes(), Path::new("v.tbx")).unwrap();
    let warnings: Vec<String> = file.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("v.tbx:6") && w.contains("control characters")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("unknown administrativestatus \"xyz\" of \"stay-home order\"")),
        "{warnings:?}"
    );
    let (g, _) = import(VENDOR_TBX.as_bytes(), "v.tbx", "de", "en");
    let t = &g.terms[0];
    assert_eq!(t.de, "Ausgangs sperre");
    assert_eq!(t.en, ["curfew", "stay-home order"]);
    assert_eq!(t.forbidden, ["lockdown", "rebels' hour"]);
    assert_eq!(
        t.note.as_deref(),
        Some(
            "Restriction on movement.\ncurfew: Usage note: never 'lockdown'\nlockdown: A different measure."
        )
    );
}

mod delimited;
