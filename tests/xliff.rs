//! XLIFF: `satz import FILE.xlf`, and the real files of other tools
//! (`$SATZ_SHARED_DATA/interop/xliff`), each read with the unit, segment
//! and target counts its PROVENANCE.md gives, or refused where it says
//! BROKEN and has no counts.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{Fixture, shared_data};

/// One row of the PROVENANCE.md table.
struct Row {
    file: String,
    /// (units, segments, with target); `None` when the table has none.
    counts: Option<(usize, usize, usize)>,
    broken: bool,
}

/// The cells of a Markdown table row; `\|` is a `|` inside a cell.
fn cells(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.trim().trim_start_matches('|').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                out.last_mut().unwrap().push('|');
            }
            '|' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out.pop_if(|c| c.trim().is_empty());
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// The rows of the table, its columns found by their headings.
fn rows(dir: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(dir.join("PROVENANCE.md")).unwrap();
    let header = text
        .lines()
        .find(|l| l.starts_with("| file |"))
        .map(cells)
        .expect("PROVENANCE.md has a table whose first column is 'file'");
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column '{name}' in {header:?}"))
    };
    let (file, notes) = (col("file"), col("producer / notes"));
    let (units, segments, with_target) = (col("units"), col("segments"), col("with target"));
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let c = cells(l);
            let n = |i: usize| c[i].parse::<usize>().ok();
            Row {
                file: c[file].trim_matches('`').to_owned(),
                counts: match (n(units), n(segments), n(with_target)) {
                    (Some(u), Some(s), Some(t)) => Some((u, s, t)),
                    _ => None,
                },
                broken: c[notes].contains("BROKEN"),
            }
        })
        .collect()
}

/// What satz's reader counts, as PROVENANCE.md's columns define them.
fn counts(doc: &satz::xliff::Document) -> (usize, usize, usize) {
    let with_target = doc
        .segments()
        .filter(|s| s.target.as_ref().is_some_and(|t| !t.is_empty()))
        .count();
    (doc.units().count(), doc.segments().count(), with_target)
}

/// True for `path:line:col: message` or `path:line: message`.
fn names_the_place(message: &str, path: &Path) -> bool {
    let Some(rest) = message.strip_prefix(&path.display().to_string()) else {
        return false;
    };
    rest.strip_prefix(':')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// The verdict on one file: `None` when it behaves as the table says.
fn check_row(dir: &Path, row: &Row) -> Option<String> {
    let path = dir.join(&row.file);
    let fx = Fixture::new();
    let cli = fx.satz().arg("import").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&cli.stderr);
    match (satz::xliff::read(&path), row.counts) {
        (Ok(doc), Some(expected)) => {
            let got = counts(&doc);
            if got != expected {
                return Some(format!("{}: counts {got:?}, table {expected:?}", row.file));
            }
            (cli.status.code() != Some(0)).then(|| format!("{}: import failed: {stderr}", row.file))
        }
        (Err(e), None) if row.broken => {
            let message = e.to_string();
            if !names_the_place(&message, &path) {
                return Some(format!("{}: unclear refusal: {message}", row.file));
            }
            (cli.status.code() != Some(2) || !stderr.contains(&row.file))
                .then(|| format!("{}: the CLI did not refuse it: {stderr}", row.file))
        }
        (Err(e), _) => Some(format!("{}: refused: {e}", row.file)),
        (Ok(_), None) => Some(format!("{}: read, but the table has no counts", row.file)),
    }
}

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn every_interop_xliff_reads_with_its_counts_or_is_refused() {
    let dir = shared_data().join("interop/xliff");
    let rows = rows(&dir);
    assert!(rows.len() >= 10, "PROVENANCE.md lists {} files", rows.len());
    let failures: Vec<String> = rows.iter().filter_map(|r| check_row(&dir, r)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} files:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn table_cells_keep_escaped_bars() {
    assert_eq!(
        cells("| `a b.xlf` | 24\\|xliff | — |"),
        ["`a b.xlf`", "24|xliff", "—"]
    );
}

const V12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="de-DE" target-language="en-GB" original="a.docx" datatype="x-test">
<body>
<trans-unit id="1"><source>Kim schickt Soldaten.</source><target state="translated">Kim sends soldiers.</target></trans-unit>
<trans-unit id="2"><source>Neu.</source><target state="new">New.</target></trans-unit>
<trans-unit id="3"><source>Leer.</source><target state="final"></target></trans-unit>
<trans-unit id="4" approved="yes"><source>Das <g id="1">Pulverfass</g>.</source><target>The <g id="1">powder keg</g>.</target>
<alt-trans><target>A proposal.</target></alt-trans></trans-unit>
<trans-unit id="5"><source>Fast.</source><target state="needs-review-translation">Almost.</target></trans-unit>
<trans-unit id="6" translate="no"><source>Code</source><target state="final">Code</target></trans-unit>
</body></file></xliff>
"#;

#[test]
fn import_stores_confirmed_segments_and_counts_the_rest() {
    let fx = Fixture::new();
    fx.write("job.xlf", V12);
    fx.satz()
        .args(["import", "job.xlf"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "job.xlf: 2 imported into memory/job.tmx, 0 duplicates",
        ))
        .stderr(predicate::str::contains(
            "warning: job.xlf: skipped 4 segments: 1 empty target, 1 state needs-review-translation, 1 state new, 1 translate=no",
        ))
        .stderr(predicate::str::contains(
            "job.xlf:7: state final but the target is empty",
        ));
    assert_eq!(
        fx.export_tsv(),
        "Kim schickt Soldaten.\tKim sends soldiers.\nDas Pulverfass.\tThe powder keg.\n"
    );
    let tmx = fx.read("memory/job.tmx");
    assert!(tmx.contains(r#"<tuv xml:lang="de-DE">"#), "{tmx}");
    assert!(
        tmx.contains(r#"Das <bpt i="1"/>Pulverfass<ept i="1"/>."#),
        "{tmx}"
    );
}

#[test]
fn xliff_2_segments_swapped_pairs_and_other_pairs() {
    let fx = Fixture::new();
    fx.write(
        "en-de.xlf",
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
<file id="f"><unit id="u"><segment state="reviewed"><source>The war.</source><target>Der Krieg.</target></segment>
<ignorable><source> </source></ignorable>
<segment state="initial"><source>Peace.</source><target>Frieden.</target></segment></unit></file></xliff>"#,
    );
    fx.satz()
        .args(["import", "en-de.xlf"])
        .assert()
        .success()
        .stderr(predicate::str::contains("with the sides swapped"))
        .stderr(predicate::str::contains(
            "skipped 1 segment: 1 state initial",
        ));
    assert_eq!(fx.export_tsv(), "Der Krieg.\tThe war.\n");
    fx.write(
        "fr.xlf",
        r#"<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>"#,
    );
    fx.satz()
        .args(["import", "fr.xlf"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "skipped 1 segment: 1 language pair en→fr",
        ))
        .stderr(predicate::str::contains(
            "no unit holds both de and en: the file holds en, fr",
        ));
}

#[test]
fn trados_and_memoq_statuses_decide() {
    let fx = Fixture::new();
    fx.write(
        "job.sdlxliff",
        r#"<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="de-DE" target-language="en-US"><body>
<trans-unit translate="no" id="s"><source><x id="0"/></source></trans-unit>
<trans-unit id="p"><source>Eins. Zwei. Drei.</source><seg-source><mrk mtype="seg" mid="1">Eins.</mrk> <mrk mtype="seg" mid="2">Zwei.</mrk> <mrk mtype="seg" mid="3">Drei.</mrk></seg-source>
<target><mrk mtype="seg" mid="2">Two.</mrk> <mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="3">Three.</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/><sdl:seg id="2" conf="Draft"/><sdl:seg id="3"/></sdl:seg-defs></trans-unit>
</body></file></xliff>"#,
    );
    fx.satz()
        .args(["import", "job.sdlxliff"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "skipped 3 segments: 1 Trados status Draft, 1 Trados status NotTranslated, 1 translate=no",
        ));
    assert_eq!(fx.export_tsv(), "Eins.\tOne.\n");
    fx.write(
        "job.mqxliff",
        r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff"><file source-language="de" target-language="en"><body>
<trans-unit id="1" mq:status="ManuallyConfirmed"><source>Vier.</source><target>Four.</target></trans-unit>
<trans-unit id="2" mq:status="PartiallyEdited"><source>Fünf.</source><target>Fi</target></trans-unit>
</body></file></xliff>"#,
    );
    fx.satz()
        .args(["import", "job.mqxliff", "--name", "job"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "skipped 1 segment: 1 memoQ status PartiallyEdited",
        ));
    assert_eq!(fx.export_tsv(), "Eins.\tOne.\nVier.\tFour.\n");
}

#[test]
fn broken_xliff_is_refused_with_its_place() {
    let fx = Fixture::new();
    fx.write(
        "bad.xlf",
        "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">\n <file m:id=\"1\"/></xliff>",
    );
    fx.satz()
        .args(["import", "bad.xlf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.xlf:2:2: the prefix 'm' in <file> is not bound to a namespace",
        ));
    fx.write("zip.xlf", b"PK\x03\x04\x14\0\0\0\x08\0");
    fx.satz()
        .args(["import", "zip.xlf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "zip.xlf:1:1: not an XLIFF file: not XML at all (it is a ZIP archive",
        ));
    assert!(fx.memory_files().is_empty());
}

#[test]
fn content_detects_xliff_behind_another_extension() {
    let fx = Fixture::new();
    fx.write(
        "export.xml",
        r#"<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><x:file source-language="de" target-language="en"><x:body>
<x:trans-unit id="1"><x:source>Ja.</x:source><x:target>Yes.</x:target></x:trans-unit></x:body></x:file></x:xliff>"#,
    );
    fx.satz().args(["import", "export.xml"]).assert().success();
    assert_eq!(fx.export_tsv(), "Ja.\tYes.\n");
}
