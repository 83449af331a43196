//! `satz glossary import` and `satz glossary export`: round trips through
//! every format, the report, refusals, and every file of
//! `$SATZ_SHARED_DATA/interop/{tbx,glossary}` imported as its PROVENANCE.md
//! says.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use satz::glossary::{Glossary, exchange};

use crate::common::{Fixture, count_before, provenance, shared_data, utf16};

fn shipped_glossary() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary.toml")
}

/// A glossary with every field and characters every format must escape.
const FULL: &str = r#"[glossary]
source_lang = "de"
target_lang = "en"

# a comment that import must keep
[[term]]
de = "Sippenhaft"
en = ["collective punishment", "kin liability"]
forbidden = ["clan custody", "kin <custody> & \"arrest\""]
note = "Line one.\nLine two:  two spaces, 'quotes' & <angle>"
pos = "noun"
status = "preferred"
forms = ["Sippenhaften"]
case_sensitive = true
match = "Sippen|haft"

[[term]]
de = "verheizen"
en = ["burn through", "sacrifice"]
note = " leading and trailing space "
pos = "verb"
status = "admitted"
match = "exact"

[[term]]
de = "atomar"
en = ["nuclear"]
forbidden = ["atomic"]
pos = "adjective"
status = "deprecated"
match = "prefix"
"#;

fn parse(text: &str) -> Glossary {
    Glossary::parse(text, Path::new("glossary.toml")).unwrap()
}

/// Exports `glossary.toml` of `fx` in `format` to a file, imports that into
/// a new glossary and returns both glossaries.
fn round_trip(fx: &Fixture, format: &str) -> (Glossary, Glossary) {
    let file = format!("out.{format}");
    fx.satz()
        .args(["glossary", "export", "--format", format, "-o", &file])
        .assert()
        .success()
        .stdout("");
    fx.satz()
        .args(["--glossary", "back.toml", "glossary", "import", &file])
        .assert()
        .success();
    (
        parse(&fx.read("glossary.toml")),
        parse(&fx.read("back.toml")),
    )
}

#[test]
fn tbx_and_csv_round_trips_lose_nothing() {
    for source in [
        std::fs::read_to_string(shipped_glossary()).unwrap(),
        FULL.to_owned(),
    ] {
        for format in ["tbx", "csv"] {
            let fx = Fixture::new();
            fx.write("glossary.toml", &source);
            let (original, back) = round_trip(&fx, format);
            assert_eq!(back, original, "{format}");
        }
    }
}

#[test]
fn tsv_round_trip_keeps_what_omegat_can_hold() {
    for source in [
        std::fs::read_to_string(shipped_glossary()).unwrap(),
        FULL.to_owned(),
    ] {
        let fx = Fixture::new();
        fx.write("glossary.toml", &source);
        let (original, back) = round_trip(&fx, "tsv");
        assert_eq!(back.terms.len(), original.terms.len());
        for (a, b) in original.terms.iter().zip(&back.terms) {
            assert_eq!(b.de, a.de);
            assert_eq!(b.en, a.en, "approved translations, in order");
            assert_eq!(b.forbidden, a.forbidden, "forbidden, from the comment");
            assert_eq!(
                b.note.as_deref().map(str::trim),
                a.note
                    .as_deref()
                    .map(|n| n.trim())
                    .map(|n| n.replace('\n', " "))
                    .as_deref(),
                "note on one line"
            );
        }
    }
}

#[test]
fn shipped_glossary_exports_and_reimports_unchanged() {
    let fx = Fixture::new();
    let text = std::fs::read_to_string(shipped_glossary()).unwrap();
    fx.write("glossary.toml", &text);
    for format in ["tbx", "tsv", "csv"] {
        fx.satz()
            .args(["glossary", "export", "--format", format, "-o", "x"])
            .assert()
            .success()
            .stderr("glossary.toml: 33 terms exported\n");
        // Importing into the glossary it came from changes nothing.
        fx.satz()
            .args(["glossary", "import", "x"])
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "glossary.toml: 0 added, 0 merged, 33 unchanged, 0 skipped",
            ));
        assert_eq!(fx.read("glossary.toml"), text, "{format}: byte for byte");
    }
}

#[test]
fn export_defaults_to_tbx_and_writes_stdout() {
    let fx = Fixture::new();
    fx.write("glossary.toml", FULL);
    fx.satz()
        .args(["glossary", "export"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">",
        ))
        .stdout(predicate::str::contains("<?satz match=\"Sippen|haft\"?>"))
        .stdout(predicate::str::contains("<?satz case_sensitive=\"true\"?>"));
    fx.satz()
        .args(["glossary", "export", "--format", "tsv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# -*- coding: utf-8 -*-\nSippenhaft\tcollective punishment\tLine one. Line two:  two spaces, 'quotes' & <angle> [forbidden: clan custody; kin <custody> & \"arrest\"]\nSippenhaft\tkin liability\n",
        ));
    fx.satz()
        .args(["glossary", "export", "--format", "json"])
        .assert()
        .code(2)
        .stderr("satz: 'glossary export' has no format 'json'; it writes tbx, tbx2008, tsv, omegat, csv\n");
}

#[test]
fn import_merges_reports_and_keeps_comments() {
    let fx = Fixture::new();
    fx.write("glossary.toml", FULL);
    fx.write(
        "omegat.txt",
        "# Glossary in tab-separated format -*- coding: utf-8 -*-\n\
         Sippenhaft\tguilt by association\n\
         Goldesel\tcash cow\tFigurative.\n\
         \tno German\n\
         Nur Deutsch\n",
    );
    fx.satz()
        .args(["glossary", "import", "omegat.txt"])
        .assert()
        .success()
        .stderr(
            "warning: omegat.txt:4: skipped: no de term (the first column is empty)\n\
             warning: omegat.txt:5: skipped: no en term (no second column)\n\
             omegat.txt: 4 entries read (OmegaT TSV); glossary.toml: 1 added, 1 merged, 0 unchanged, 2 skipped (1 without de, 1 without en)\n",
        );
    let text = fx.read("glossary.toml");
    assert!(text.contains("# a comment that import must keep"), "{text}");
    let g = parse(&text);
    assert_eq!(
        g.find("Sippenhaft").unwrap().en,
        [
            "collective punishment",
            "kin liability",
            "guilt by association"
        ]
    );
    assert_eq!(
        g.find("Goldesel").unwrap().note.as_deref(),
        Some("Figurative.")
    );
}

#[test]
fn import_creates_the_glossary_with_the_pair_of_the_options() {
    let fx = Fixture::new();
    fx.write(
        "t.csv",
        "en,fr,comment\nbranch,branche,IBM\nnavigation trail,historique de navigation,\n",
    );
    fx.satz()
        .args([
            "--source-lang",
            "en",
            "--target-lang",
            "fr",
            "glossary",
            "import",
            "t.csv",
        ])
        .assert()
        .success();
    let g = parse(&fx.read("glossary.toml"));
    assert_eq!(
        (g.source_lang.as_str(), g.target_lang.as_str()),
        ("en", "fr")
    );
    assert_eq!(g.terms.len(), 2);
    assert_eq!(g.terms[0].note.as_deref(), Some("IBM"));
    // The glossary's own pair wins over the defaults; another pair is refused.
    fx.satz()
        .args([
            "--source-lang",
            "de",
            "--target-lang",
            "fr",
            "glossary",
            "import",
            "t.csv",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "glossary.toml is a en -> fr glossary",
        ));
}

#[test]
fn utf16_and_declared_encodings_are_read() {
    let fx = Fixture::new();
    fx.write(
        "u16.txt",
        utf16("Grüße\tgreetings\nSchloß\tcastle\n", true, true),
    );
    fx.write(
        "latin1.tab",
        b"# -*- coding: iso-8859-1 -*-\nM\xfcnze\tcoin\n".as_slice(),
    );
    fx.satz()
        .args(["glossary", "import", "u16.txt"])
        .assert()
        .success();
    fx.satz()
        .args(["glossary", "import", "latin1.tab"])
        .assert()
        .success();
    let g = parse(&fx.read("glossary.toml"));
    let de: Vec<&str> = g.terms.iter().map(|t| t.de.as_str()).collect();
    assert_eq!(de, ["Grüße", "Schloß", "Münze"]);
}

#[test]
fn broken_and_foreign_files_are_refused_and_nothing_is_written() {
    let fx = Fixture::new();
    fx.write("glossary.toml", FULL);
    fx.write(
        "bad.tbx",
        "<?xml version=\"1.0\"?>\n<tbx><text><body><conceptEntry>\n<langSec xml:lang=\"de\"><termSec><term>x</termSec>\n",
    );
    fx.write(
        "mt.xml",
        utf16(
            "<?xml version='1.0' encoding='UTF-16'?><mtf><conceptGrp/></mtf>",
            false,
            true,
        ),
    );
    fx.write("doc.xlf", "<xliff version=\"1.2\"><file/></xliff>");
    fx.write("memory.tmx", "<tmx version=\"1.4\"><header/><body/></tmx>");
    fx.satz()
        .args(["glossary", "import", "bad.tbx"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::is_match(r"^satz: bad\.tbx:3:\d+: malformed XML: expected `</term>`")
                .unwrap(),
        );
    fx.satz()
        .args(["glossary", "import", "mt.xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "satz: mt.xml: not a TBX file but MultiTerm XML (<mtf>)",
        ));
    fx.satz()
        .args(["glossary", "import", "doc.xlf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "doc.xlf: not a TBX file but XLIFF",
        ));
    fx.satz()
        .args(["glossary", "import", "memory.tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("satz import"));
    fx.satz()
        .args(["glossary", "import", "missing.tbx"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("satz: missing.tbx: "));
    assert_eq!(fx.read("glossary.toml"), FULL, "untouched");
}

/// (file, entries, added, skipped) for `interop/glossary`, read with the
/// glossary's default pair (the files have no language tags: columns by
/// position), as their PROVENANCE.md notes describe them.
const GLOSSARY_FILES: &[(&str, usize, usize, usize)] = &[
    // Okapi TSV: 3 good lines; a line without a tab, one with an empty
    // target, one with an empty source; blank and tab-only lines ignored.
    ("okapi__test01.tsv", 6, 3, 3),
    // OmegaT glossary.txt: a comment line, then 2 entries.
    ("omegat__glossary.txt", 2, 2, 0),
    // Only the magic comment, after a UTF-8 BOM: nothing to import.
    ("omegat__test-magiccomment-bom.tab", 0, 0, 0),
    // RFC 4180 quoting, doubled quotes, commas and semicolons in fields: 7.
    ("omegat__test.csv", 7, 7, 0),
    // 2 and 3 columns, CJK and Korean, a URL as comment: 4.
    ("omegat__test.tab", 4, 4, 0),
];

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn every_interop_glossary_imports_as_provenance_says() {
    let data = shared_data();
    let dir = data.join("interop/glossary");
    let listed = provenance(&dir);
    assert_eq!(
        listed.len(),
        GLOSSARY_FILES.len(),
        "a file without expectations"
    );
    for (file, _, _) in &listed {
        let &(_, entries, added, skipped) = GLOSSARY_FILES
            .iter()
            .find(|(f, ..)| f == file)
            .unwrap_or_else(|| panic!("no expectation for {file}"));
        let fx = Fixture::new();
        let out = fx
            .satz()
            .args(["glossary", "import"])
            .arg(dir.join(file))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{file}: {stderr}");
        assert!(
            stderr.contains(&format!("{entries} entries read")),
            "{file}: {stderr}"
        );
        assert!(
            stderr.contains(&format!(
                ": {added} added, 0 merged, 0 unchanged, {skipped} skipped"
            )),
            "{file}: {stderr}"
        );
        if added > 0 {
            let g = parse(&fx.read("glossary.toml"));
            assert_eq!(g.terms.len(), added, "{file}");
        } else {
            assert!(
                !fx.path("glossary.toml").exists(),
                "{file}: nothing to write"
            );
        }
    }
    // Details the notes name.
    let fx = Fixture::new();
    fx.satz()
        .args(["glossary", "import"])
        .arg(dir.join("omegat__test.csv"))
        .assert()
        .success();
    let g = parse(&fx.read("glossary.toml"));
    let de: Vec<&str> = g.terms.iter().map(|t| t.de.as_str()).collect();
    assert_eq!(
        de,
        [
            "kde",
            "question",
            "kde; question",
            "kde, qu",
            "\"kde\",\"q\"",
            "\"\"k",
            "zz\"zz"
        ]
    );
    let fx = Fixture::new();
    fx.satz()
        .args(["glossary", "import"])
        .arg(dir.join("omegat__test.tab"))
        .assert()
        .success();
    let g = parse(&fx.read("glossary.toml"));
    assert_eq!(
        g.terms[2].note.as_deref(),
        Some("https://fr.wikipedia.org/wiki/Science_du_syst%C3%A8me_Terre")
    );
    assert_eq!(g.terms[3].en, ["Korean Term"]);
}

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn every_interop_tbx_imports_or_is_refused_as_provenance_says() {
    let data = shared_data();
    let dir = data.join("interop/tbx");
    let listed = provenance(&dir);
    assert!(listed.len() >= 11, "{} files listed", listed.len());
    for (file, notes, detected) in listed {
        let path = dir.join(&file);
        let fx = Fixture::new();
        fx.write("glossary.toml", FULL);
        if detected.contains("NOT WELL-FORMED") {
            // "clear error naming file, line and column; nothing imported, exit code != 0"
            let line = count_before(&detected, ", column").unwrap_or_else(|| {
                detected
                    .split("line ")
                    .nth(1)
                    .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|d| d.parse().ok())
                    .unwrap()
            });
            fx.satz()
                .args(["glossary", "import"])
                .arg(&path)
                .assert()
                .code(2)
                .stderr(
                    predicate::str::is_match(format!(
                        r"^satz: .*{}:{line}:\d+: malformed XML",
                        regex_escape(&file)
                    ))
                    .unwrap(),
                );
            assert_eq!(fx.read("glossary.toml"), FULL, "{file}: nothing written");
            continue;
        }
        if notes.contains("NOT TBX") {
            // "MultiTerm XML ... must be recognised": refused by name.
            fx.satz()
                .args(["glossary", "import"])
                .arg(&path)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(format!(
                    "{file}: not a TBX file but MultiTerm XML"
                )));
            assert_eq!(fx.read("glossary.toml"), FULL, "{file}: nothing written");
            continue;
        }
        let entries = count_before(&detected, " units/entries")
            .unwrap_or_else(|| panic!("{file}: no entry count in {detected}"));
        // None of these files has German: with the default pair nothing is
        // imported and the report names the languages the file holds.
        let imported = exchange::read_file(&path, None).unwrap();
        assert_eq!(imported.entries.len(), entries, "{file}");
        let langs = imported.languages();
        fx.satz()
            .args(["glossary", "import"])
            .arg(&path)
            .assert()
            .success()
            .stderr(predicate::str::contains(format!("{entries} entries read")))
            .stderr(predicate::str::contains(format!(
                "no entry holds both de and en: the file holds {}",
                langs.join(", ")
            )));
        assert_eq!(fx.read("glossary.toml"), FULL, "{file}: unchanged");
        // With the file's own first two languages, into a new glossary.
        let mut primaries: Vec<String> = Vec::new();
        for l in &langs {
            let p = l.split(['-', '_']).next().unwrap().to_lowercase();
            if !primaries.contains(&p) {
                primaries.push(p);
            }
        }
        let (src, tgt) = (&primaries[0], &primaries[1]);
        let fx = Fixture::new();
        let out = fx
            .satz()
            .args([
                "--source-lang",
                src,
                "--target-lang",
                tgt,
                "glossary",
                "import",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{file}: {stderr}");
        assert!(
            stderr.contains(&format!("{entries} entries read")),
            "{file}: {stderr}"
        );
        let g = parse(&fx.read("glossary.toml"));
        assert!(!g.terms.is_empty(), "{file}: {stderr}");
        assert_eq!(
            (g.source_lang.as_str(), g.target_lang.as_str()),
            (src.as_str(), tgt.as_str())
        );
        for t in &g.terms {
            assert!(t.validate().is_ok(), "{file}: {t:?}");
        }
    }
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn interop_tbx_contents_are_read_right() {
    let data = shared_data();
    let dir = data.join("interop/tbx");
    let import = |file: &str, src: &str, tgt: &str| {
        let fx = Fixture::new();
        fx.satz()
            .args([
                "--source-lang",
                src,
                "--target-lang",
                tgt,
                "glossary",
                "import",
            ])
            .arg(dir.join(file))
            .assert()
            .success();
        parse(&fx.read("glossary.toml"))
    };
    // Memsource: upper-case SV-SE / EN-GB, a synonym, a note on the English term.
    let g = import("tunedal__memsource-example.xml", "sv", "en");
    let t60 = g.find("term 60 in Swedish").unwrap();
    assert_eq!(t60.en, ["term 60 in English"]);
    assert_eq!(t60.note.as_deref(), Some("comment for term 60"));
    assert_eq!(
        g.find("term 3000 in Swedish").unwrap().en,
        ["term 3000 in English", "synonym for term 3000 in English"]
    );
    assert!(g.find("synonym for Swedish term one").is_some());
    // TBX-Basic v3: statuses, part of speech, definitions; en -> es.
    let g = import("ltac__basic_good.tbx", "en", "es");
    let open = g.find("open cluster").unwrap();
    assert_eq!(open.en, ["cúmulo abierto"]);
    assert_eq!(open.status, Some(satz::glossary::Status::Preferred));
    assert_eq!(open.pos.as_deref(), Some("noun"));
    assert!(
        open.note
            .as_deref()
            .unwrap()
            .contains("A group of stars formed together in the spiral arms of a galaxy.")
    );
    assert_eq!(
        g.find("galactic cluster").unwrap().status,
        Some(satz::glossary::Status::Deprecated)
    );
    // The DCT file says the same with namespaced elements.
    let dct = import("ltac__Example_Astronomy_DCT_VALID.tbx", "en", "es");
    let open_dct = dct.find("open cluster").unwrap();
    assert_eq!(
        (open_dct.en.clone(), open_dct.status, open_dct.pos.clone()),
        (open.en.clone(), open.status, open.pos.clone())
    );
    // TBX 2 ntig/termGrp (IBM), two English langSets in one entry.
    let g = import("okapi__ibm_tbx.tbx", "en", "fr");
    assert_eq!(g.find("branch").unwrap().en, ["historique de navigation"]);
    assert_eq!(
        g.find("navigation trail").unwrap().pos.as_deref(),
        Some("noun")
    );
}

#[test]
fn csv_warnings_name_the_right_line_with_crlf() {
    let fx = Fixture::new();
    fx.write("t.csv", "Haus,house\r\nonlyone\r\nBaum,tree\r\n");
    fx.satz()
        .args(["glossary", "import", "t.csv"])
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "warning: t.csv:2: skipped: no en term (no second column)\n",
        ));
}

#[test]
fn an_unclosed_or_unbalanced_csv_quote_stops_the_import_at_its_line() {
    let fx = Fixture::new();
    fx.write("glossary.toml", FULL);
    fx.write(
        "t.csv",
        "Bundestag,Bundestag\r\n\"Bundesrat,Federal Council\r\nLandtag,state parliament\r\n",
    );
    fx.satz()
        .args(["glossary", "import", "t.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "satz: t.csv:2: unclosed quote (opened here): ",
        ));
    // A later quoted field closes it: the rows between would be one field.
    fx.write(
        "u.csv",
        "Bundestag,Bundestag\n\"Bundesrat,Federal Council\nLandtag,\"state parliament\"\n",
    );
    fx.satz()
        .args(["glossary", "import", "u.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "satz: u.csv:2: unbalanced quote (opened here): the quoted field runs to line 3, ",
        ));
    assert_eq!(fx.read("glossary.toml"), FULL, "untouched");
}

#[test]
fn a_json_file_is_refused_naming_the_format() {
    let fx = Fixture::new();
    fx.write("g.json", "[{\"de\":\"Haus\",\"en\":\"house\"}]\n");
    fx.satz()
        .args(["glossary", "import", "g.json"])
        .assert()
        .code(2)
        .stderr(
            "satz: g.json: not a tab-separated or CSV glossary but JSON (satz glossary import \
             reads TBX, OmegaT tab-separated and CSV glossaries)\n",
        );
    assert!(!fx.path("glossary.toml").exists());
}

#[test]
fn a_header_with_unknown_columns_is_read_with_one_warning() {
    // Matecat's layout: concept-level columns, then per language the term,
    // its notes and an example; `Forbidden` holds TRUE or FALSE.
    let fx = Fixture::new();
    fx.write(
        "matecat.csv",
        "Forbidden,Domain,Subdomain,Definition,de-DE,Notes,Example of use,en-US,Notes,Example of use\r\n\
         FALSE,Politik,,Staatsoberhaupt,Bundespräsident,,,Federal President,,\r\n\
         FALSE,,,,Kanzlerin,weiblich,,Chancellor,,\r\n",
    );
    fx.satz()
        .args(["glossary", "import", "matecat.csv"])
        .assert()
        .success()
        .stderr(
            "warning: matecat.csv:1: ignored the columns satz does not know: \"Domain\", \
             \"Subdomain\", \"Example of use\"\n\
             matecat.csv: 2 entries read (CSV); glossary.toml: 2 added, 0 merged, 0 unchanged, 0 skipped\n",
        );
    let g = parse(&fx.read("glossary.toml"));
    let de: Vec<&str> = g.terms.iter().map(|t| t.de.as_str()).collect();
    assert_eq!(de, ["Bundespräsident", "Kanzlerin"]);
    assert!(g.terms.iter().all(|t| t.forbidden.is_empty()));
}
