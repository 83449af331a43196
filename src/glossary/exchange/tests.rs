//! Round trips and format tests of the exchange formats.

use std::path::Path;

use super::*;
use crate::glossary::{MatchMode, Status, Term};

const SHIPPED: &str = include_str!("../../../glossary.toml");

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
        let tbx = export(&original, ExportFormat::Tbx);
        let (back, out) = import(tbx.as_bytes(), "g.tbx", "de", "en");
        assert_eq!(back, original, "{tbx}");
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        assert_eq!(out.added.len(), original.terms.len());
    }
}

#[test]
fn csv_round_trip_keeps_everything() {
    for original in [shipped(), hand_made()] {
        let csv = export(&original, ExportFormat::Csv);
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
        let tsv = export(&original, ExportFormat::Tsv);
        assert!(tsv.starts_with("# -*- coding: utf-8 -*-\n"));
        let (back, out) = import(tsv.as_bytes(), "g.txt", "de", "en");
        assert_eq!(tsv_view(&back), tsv_view(&original), "{tsv}");
        assert!(out.skipped.is_empty());
    }
    let shipped = shipped();
    let (back, _) = import(
        export(&shipped, ExportFormat::Tsv).as_bytes(),
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
        export(&g, ExportFormat::Tsv),
        "# -*- coding: utf-8 -*-\n\
         Sippenhaft\tcollective punishment\tPunishing relatives. [forbidden: clan custody; kin custody]\n\
         Sippenhaft\tkin liability\n"
    );
    assert_eq!(
        export(&g, ExportFormat::Csv),
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
    assert_eq!(export(&g, ExportFormat::Tbx), expected);
}

#[test]
fn whitespace_survives_as_character_references() {
    assert_eq!(tbx_write::text("a b"), "a b");
    assert_eq!(tbx_write::text(" a  b\n"), "&#32;a&#32;&#32;b&#10;");
    assert_eq!(tbx_write::text("x\u{1}y<&>"), "xy&lt;&amp;&gt;");
    assert_eq!(tbx_write::attr("\"q\""), "&quot;q&quot;");
    assert_eq!(tbx_write::percent_encode("Was?|%\""), "Was%3F|%25%22");
    assert_eq!(tbx_read::percent_decode("Was%3F|%25%22%zz"), "Was?|%\"%zz");
    assert_eq!(tbx_write::tbx_pos("Proper Noun"), "properNoun");
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

/// The entries' lines and (source, target) texts of a delimited file.
fn rows_of(text: &str, name: &str) -> Vec<(usize, Vec<String>)> {
    let file = read_bytes(text.as_bytes(), Path::new(name)).unwrap();
    file.entries
        .iter()
        .map(|e| {
            let texts = e
                .groups
                .iter()
                .flat_map(|g| g.terms.iter().map(|t| t.text.clone()))
                .collect();
            (e.line, texts)
        })
        .collect()
}

#[test]
fn lone_carriage_returns_end_lines() {
    // Excel for Mac's legacy text formats end lines with CR only.
    let tsv = "Grundgesetz\tBasic Law\rVerfassung\tconstitution\r";
    assert_eq!(
        rows_of(tsv, "a.txt"),
        [
            (1, vec!["Grundgesetz".into(), "Basic Law".into()]),
            (2, vec!["Verfassung".into(), "constitution".into()]),
        ]
    );
    let csv = "Grundgesetz,Basic Law\rVerfassung,constitution\r\rStaat,state";
    assert_eq!(
        rows_of(csv, "a.csv"),
        [
            (1, vec!["Grundgesetz".into(), "Basic Law".into()]),
            (2, vec!["Verfassung".into(), "constitution".into()]),
            (4, vec!["Staat".into(), "state".into()]),
        ]
    );
}

#[test]
fn csv_lines_are_counted_right_with_crlf() {
    // A CRLF file: the row "onlyone" is on line 2, a row after a quoted
    // line break on line 5.
    let csv = "a,b\r\nonlyone\r\n\"c\r\nc\",d\r\n\r\ne,f\r\n";
    let lines: Vec<usize> = rows_of(csv, "a.csv").iter().map(|r| r.0).collect();
    assert_eq!(lines, [1, 2, 3, 6]);
    let lf = csv.replace("\r\n", "\n");
    let lines: Vec<usize> = rows_of(&lf, "a.csv").iter().map(|r| r.0).collect();
    assert_eq!(lines, [1, 2, 3, 6]);
    let tsv = "a\tb\r\nonlyone\r\n\r\nc\td\r\n";
    let lines: Vec<usize> = rows_of(tsv, "a.txt").iter().map(|r| r.0).collect();
    assert_eq!(lines, [1, 2, 4]);
}

#[test]
fn hash_is_not_a_comment_in_csv_and_exports_keep_it() {
    let csv =
        "de,en\n#MeToo-Debatte,#MeToo debate\nC#-Entwickler,C# developer\n\"#Aufschrei\",#outcry\n";
    let (g, out) = import(csv.as_bytes(), "a.csv", "de", "en");
    assert_eq!(out.added, ["#MeToo-Debatte", "C#-Entwickler", "#Aufschrei"]);
    assert_eq!(g.terms[0].en, ["#MeToo debate"]);
    // satz's own exports round-trip such terms, and write them so that
    // OmegaT keeps them too: quoted in CSV, after a space in OmegaT's TSV.
    let csv = export(&g, ExportFormat::Csv);
    assert!(
        csv.contains("\n\"#MeToo-Debatte\",\"#MeToo debate\","),
        "{csv}"
    );
    let tsv = export(&g, ExportFormat::Tsv);
    assert!(tsv.contains("\n #MeToo-Debatte\t#MeToo debate\n"), "{tsv}");
    assert!(tsv.contains("\nC#-Entwickler\tC# developer\n"), "{tsv}");
    for (text, name) in [(csv, "b.csv"), (tsv, "b.txt")] {
        let (back, _) = import(text.as_bytes(), name, "de", "en");
        assert_eq!(back, g, "{name}");
    }
}

#[test]
fn csv_delimiter_is_guessed_from_several_rows() {
    let two = |s: &str, t: &str| vec![s.to_owned(), t.to_owned()];
    // The first row has a comma, but `;` splits every row in two.
    let csv = "Zoll, Zölle;customs duty\r\nSteuer;tax\r\n";
    assert_eq!(
        rows_of(csv, "a.csv"),
        [
            (1, two("Zoll, Zölle", "customs duty")),
            (2, two("Steuer", "tax"))
        ]
    );
    // One row: a field starting with a space tells against the comma.
    assert_eq!(
        rows_of("Zoll, Zölle;customs duty\n", "a.csv"),
        [(1, two("Zoll, Zölle", "customs duty"))]
    );
    // Quotes are respected: the `;` inside them does not count.
    let csv = "Haus,\"house; home\"\nBaum,tree\nAst,\"branch; bough\"\n";
    assert_eq!(rows_of(csv, "a.csv")[0], (1, two("Haus", "house; home")));
    // A tab-separated file named .csv.
    assert_eq!(
        rows_of("Kita\tdaycare, nursery\nAmt\toffice\n", "a.csv")[0],
        (1, two("Kita", "daycare, nursery"))
    );
}

#[test]
fn excel_sep_line_sets_the_delimiter_and_is_skipped() {
    let csv = "\u{feff}sep=;\r\nde;en\r\nBürgergeld;citizen's income, basic income\r\n";
    let (g, out) = import(csv.as_bytes(), "a.csv", "de", "en");
    assert_eq!(out.added, ["Bürgergeld"]);
    assert_eq!(g.terms[0].en, ["citizen's income, basic income"]);
    let csv = "\"sep=,\"\nHaus,house\nonlyone\n";
    assert_eq!(
        rows_of(csv, "a.csv")
            .iter()
            .map(|r| r.0)
            .collect::<Vec<_>>(),
        [2, 3]
    );
    // The named delimiter wins over the guess (`,` would split both rows).
    let csv = "SEP=;\nHaus, Hütte;house\nBaum,tree\n";
    assert_eq!(
        rows_of(csv, "a.csv"),
        [
            (2, vec!["Haus, Hütte".to_owned(), "house".to_owned()]),
            (3, vec!["Baum,tree".to_owned()])
        ]
    );
}

#[test]
fn an_unclosed_quote_is_an_error_at_its_line() {
    let err = |text: &str| {
        read_bytes(text.as_bytes(), Path::new("q.csv"))
            .unwrap_err()
            .to_string()
    };
    let e =
        err("Bundestag,Bundestag\r\n\"Bundesrat,Federal Council\r\nLandtag,state parliament\r\n");
    assert!(
        e.starts_with("q.csv:2: unclosed quote (opened here)"),
        "{e}"
    );
    let e = err("a,b\nc,d\n\"unclosed,x\ne,f\n");
    assert!(
        e.starts_with("q.csv:3: unclosed quote (opened here)"),
        "{e}"
    );
    // A later quote closes the field, and the rows between would be one.
    let e = err("a,b\nc,d\n\"unclosed,x\ne,\"f\"\"\n");
    assert!(
        e.starts_with(
            "q.csv:3: unbalanced quote (opened here): the quoted field runs to line 4, where"
        ),
        "{e}"
    );
    // Quotes inside an unquoted field are text; a closed quoted field may
    // hold line breaks and doubled quotes.
    let ok = "Sprecher \"der\" Regierung,spokesperson\n\"multi\r\nline \"\"x\"\"\",y\n\"a\"b,c\n";
    assert_eq!(
        rows_of(ok, "a.csv"),
        [
            (
                1,
                vec!["Sprecher \"der\" Regierung".into(), "spokesperson".into()]
            ),
            (2, vec!["multi\r\nline \"x\"".into(), "y".into()]),
            (4, vec!["ab".into(), "c".into()]),
        ]
    );
}

#[test]
fn json_is_refused_naming_the_format() {
    for (text, name) in [
        ("[{\"de\":\"Haus\",\"en\":\"house\"}]\n", "g.json"),
        ("\u{feff}  {\n  \"Haus\": \"house\"\n}\n", "g.csv"),
        (
            "{\"de\":\"Haus\",\"en\":\"house\"}\n{\"de\":\"Baum\"",
            "g.txt",
        ),
        ("[\n", "g.tsv"),
    ] {
        let e = read_bytes(text.as_bytes(), Path::new(name))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(&format!(
                "{name}: not a tab-separated or CSV glossary but JSON"
            )),
            "{e}"
        );
    }
    // Brackets that start a term are text.
    assert_eq!(rows_of("[sic]\tsic\n", "a.txt").len(), 1);
    assert_eq!(rows_of("{Name},name\n[1],one\n", "a.csv").len(), 2);
}

/// The first entry of `text` (as file `name`) for de -> en, and the
/// warnings.
fn first_term(text: &str, name: &str) -> (Term, Vec<String>) {
    let file = read_bytes(text.as_bytes(), Path::new(name)).unwrap();
    let warnings = file.warnings.iter().map(ToString::to_string).collect();
    let (g, _) = import(text.as_bytes(), name, "de", "en");
    (g.terms[0].clone(), warnings)
}

#[test]
fn a_header_is_found_by_its_language_columns_whatever_else_it_holds() {
    // German Excel, UTF-8 with BOM: `Kommentar` is a note.
    let (t, w) = first_term(
        "\u{feff}Deutsch;Englisch;Kommentar\r\nBürgergeld;citizen's income;ab 2023\r\n",
        "a.csv",
    );
    assert_eq!(
        (t.de.as_str(), t.en.clone()),
        ("Bürgergeld", vec!["citizen's income".into()])
    );
    assert_eq!(t.note.as_deref(), Some("ab 2023"));
    assert!(w.is_empty(), "{w:?}");
    // Columns satz does not know are ignored, with one warning naming them.
    let (t, w) = first_term(
        "German,English,Definition,Domain,Example,Domain\nHaus,house,a building,Bau,x,y\n",
        "a.csv",
    );
    assert_eq!(
        (t.de.as_str(), t.note.as_deref()),
        ("Haus", Some("a building"))
    );
    assert_eq!(
        w,
        ["a.csv:1: ignored the columns satz does not know: \"Domain\", \"Example\""]
    );
    // memoQ: entry and language-level notes, repeated term-level columns.
    let (t, w) = first_term(
        "Entry_ID,Entry_Subject,Entry_Domain,Entry_Note,German_Def,German,Term_Info,Term_Example,\
         English_Def,English,Term_Info,Term_Example,French_Def,French\n\
         1,,Politik,Wahl,Parlament,Bundestag,,,federal parliament,Bundestag,,,parlement,Bundestag\n",
        "a.csv",
    );
    assert_eq!(
        (t.de.as_str(), t.en.clone()),
        ("Bundestag", vec!["Bundestag".into()])
    );
    assert_eq!(
        t.note.as_deref(),
        Some("Wahl\nParlament\nfederal parliament"),
        "no French definition"
    );
    assert_eq!(
        w,
        [
            "a.csv:1: ignored the columns satz does not know: \"Entry_ID\", \"Entry_Subject\", \
          \"Entry_Domain\", \"Term_Info\", \"Term_Example\""
        ]
    );
    // Wordfast-style TSV: tags with comment columns, English first.
    let (t, w) = first_term(
        "EN-GB\tDE-DE\tEN-GB comment\tDE-DE comment\nvoter\tWähler\tUK\tWahlberechtigter\n",
        "a.txt",
    );
    assert_eq!(
        (t.de.as_str(), t.en.clone()),
        ("Wähler", vec!["voter".into()])
    );
    assert_eq!(t.note.as_deref(), Some("Wahlberechtigter\nUK"));
    assert!(w.is_empty(), "{w:?}");
    // Names with regions; an exact region is preferred, as for TBX.
    let csv = "Deutsch (Deutschland);Englisch (USA);English (United Kingdom)\n\
               Bürgersteig;sidewalk;pavement\n";
    let (g, _) = import(csv.as_bytes(), "a.csv", "de", "en-GB");
    assert_eq!(g.terms[0].en, ["pavement"]);
    // Other shapes: `Term [lang]` (Crowdin-style), `lang_description`
    // (Lokalise-style), `source`/`target`, `ID` as an identifier.
    for csv in [
        "Term [de],Description [de],Term [en]\nHaus,Gebäude,house\n",
        "term,de,de_description,en,casesensitive\nx,Haus,Gebäude,house,false\n",
        "ID,source,target,comment\n7,Haus,house,Gebäude\n",
        "Begriff;Übersetzung;Anmerkung\nHaus;house;Gebäude\n",
    ] {
        let file = read_bytes(csv.as_bytes(), Path::new("a.csv")).unwrap();
        let (g, _) = import(csv.as_bytes(), "a.csv", "de", "en");
        let t = g.terms.iter().find(|t| t.de == "Haus").unwrap();
        assert_eq!(t.en, ["house"], "{csv}");
        assert_eq!(t.note.as_deref(), Some("Gebäude"), "{csv}");
        assert!(file.warnings.len() <= 1, "{csv}: {:?}", file.warnings);
    }
}

#[test]
fn rows_of_terms_are_not_headers() {
    // The same language twice, one language word, short words that are no
    // language codes: data.
    for (csv, de) in [
        ("Deutsch;German\nEnglisch;English\n", "Deutsch"),
        ("Eis,ice\nHaus,house\n", "Eis"),
        ("EU-Recht,EU law\n", "EU-Recht"),
        ("Quelle,source\n", "Quelle"),
        ("Begriff,term\n", "Begriff"),
    ] {
        let (t, w) = first_term(csv, "a.csv");
        assert_eq!(t.de, de, "{csv}");
        assert!(w.is_empty(), "{csv}: {w:?}");
    }
}

#[test]
fn matecat_forbidden_column_marks_the_row_forbidden() {
    let csv = "Forbidden,Domain,Subdomain,Definition,de-DE,Notes,Example of use,en-US,Notes,Example of use\r\n\
               FALSE,Politik,,Staatsoberhaupt,Bundespräsident,,Der Bundespräsident unterzeichnet.,Federal President,,The Federal President signs.\r\n\
               TRUE,Politik,,,Reichspräsident,,,Reich President,,\r\n\
               FALSE,,,,Kanzlerin,weiblich,,Chancellor,,\r\n";
    let file = read_bytes(csv.as_bytes(), Path::new("m.csv")).unwrap();
    assert_eq!(
        file.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "m.csv:1: ignored the columns satz does not know: \"Domain\", \"Subdomain\", \"Example of use\""
        ]
    );
    let (g, out) = import(csv.as_bytes(), "m.csv", "de", "en");
    let de: Vec<&str> = g.terms.iter().map(|t| t.de.as_str()).collect();
    assert_eq!(de, ["Bundespräsident", "Kanzlerin"]);
    assert_eq!(g.terms[0].en, ["Federal President"]);
    assert_eq!(g.terms[0].note.as_deref(), Some("Staatsoberhaupt"));
    assert!(
        g.terms.iter().all(|t| t.forbidden.is_empty()),
        "no \"TRUE\""
    );
    // The TRUE row has only a forbidden translation: skipped, and said why.
    assert_eq!(out.skipped.len(), 1);
    assert_eq!(out.skipped[0].line, 3);
    assert!(
        out.skipped[0].reason.contains("forbidden"),
        "{:?}",
        out.skipped
    );
    // A forbidden column of translations (satz's own) stays a list.
    let (t, _) = first_term("de,en,forbidden\nHaus,house,\"home; hut\"\n", "a.csv");
    assert_eq!(t.forbidden, ["home", "hut"]);
    let (t, _) = first_term("de;en;verboten\nHaus;house;nein\n", "a.csv");
    assert!(t.forbidden.is_empty());
}
