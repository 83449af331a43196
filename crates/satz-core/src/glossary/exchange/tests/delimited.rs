//! Tests of the OmegaT tab-separated and CSV glossary reader and writers.

use super::*;

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
    let csv = export(&g, ExportFormat::Csv).unwrap();
    assert!(
        csv.contains("\n\"#MeToo-Debatte\",\"#MeToo debate\","),
        "{csv}"
    );
    let tsv = export(&g, ExportFormat::Tsv).unwrap();
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

#[test]
fn rows_wider_than_the_header_are_named_in_one_warning() {
    let csv = "de,en\nZoll, Zölle,customs duty\nSteuer,tax\n";
    let file = read_bytes(csv.as_bytes(), Path::new("w.csv")).unwrap();
    let warnings: Vec<String> = file.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("w.csv:2: 1 row(s) have more cells than the header")),
        "{warnings:?}"
    );
}
