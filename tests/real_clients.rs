//! satz's files read by the tools translators use, not by mocks: the
//! schemas' own validators (xmllint, jing), OmegaT 3.6's own classes
//! (headless, `tests/clients/omegat`), translate-toolkit's readers
//! (`tests/clients/ttk_read.py`) and junitparser, the JUnit XML reader CI
//! tools use (`tests/clients/junit_read.py`).
//!
//! `tests/clients/install` installs them (about 2 minutes on a fresh Debian
//! machine); `.ci/run` runs it, then these tests. They are ignored in a
//! plain `cargo test` and fail, never pass, when a client is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::{Fixture, shared_data};

const WHY: &str =
    "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it";

fn clients_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// Runs a client; its stdout on success, a failed test otherwise.
fn run(cmd: &mut Command) -> String {
    let shown = format!("{cmd:?}");
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{shown}: {e} ({WHY})"));
    assert!(
        out.status.success(),
        "{shown} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `satz ARGS` in the fixture, with the shipped glossary and memory.
fn satz(fx: &Fixture, args: &[&str]) -> String {
    let out = fx
        .satz()
        .arg("--glossary")
        .arg(shipped("glossary.toml"))
        .arg("--memory")
        .arg(shipped("memory"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "satz {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The shipped glossary as `glossary list --format json` gives it.
fn glossary_terms(fx: &Fixture) -> Vec<Value> {
    satz(fx, &["glossary", "list", "--format", "json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn schemas() -> PathBuf {
    shared_data().join("schemas")
}

fn xmllint(args: &[&str], file: &Path) {
    run(Command::new("xmllint")
        .args(["--noout", "--nonet"])
        .args(args)
        .arg(file));
}

fn jing(schema: &Path, file: &Path) {
    let out = run(Command::new("jing").arg(schema).arg(file));
    // jing prints its findings on stdout and may still exit 0 on warnings.
    assert!(out.trim().is_empty(), "jing {}: {out}", file.display());
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn every_tbx_satz_writes_validates_against_the_schemas() {
    let fx = Fixture::new();
    let v3_rng = schemas().join("tbx/v3/TBXcoreStructV03.rng");
    let v2_dtd = schemas().join("tbx/2008/TBXcoreStructV02.dtd");
    let v2_xsd = schemas().join("tbx/2008/omegat/tbx.xsd");

    for (args, name) in [
        (
            vec!["glossary", "export", "--format", "tbx"],
            "glossary.tbx",
        ),
        (vec!["terms", "--format", "tbx"], "terms.tbx"),
        (
            vec!["terms", "--extract", "--min-freq", "1", "--format", "tbx"],
            "candidates.tbx",
        ),
    ] {
        let text = satz(&fx, &args);
        let file = fx.write(name, &text);
        jing(&v3_rng, &file);
        xmllint(&["--relaxng", v3_rng.to_str().unwrap()], &file);
        // TBX-Basic's part-of-speech picklist (the dialect's Schematron
        // needs XSLT 2, which no Debian package runs; this is its rule).
        for pos in text.split("<termNote type=\"partOfSpeech\">").skip(1) {
            let value = pos.split('<').next().unwrap();
            assert!(
                ["noun", "verb", "adjective", "adverb", "other"].contains(&value),
                "{name}: partOfSpeech {value}"
            );
        }
    }

    let text = satz(&fx, &["glossary", "export", "--format", "tbx2008"]);
    let v2 = fx.write("glossary-2008.tbx", &text);
    xmllint(&["--dtdvalid", v2_dtd.to_str().unwrap()], &v2);
    xmllint(&["--schema", v2_xsd.to_str().unwrap()], &v2);
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn omegat_loads_the_omegat_glossary_and_tbx_2008_and_ignores_tsv() {
    let fx = Fixture::new();
    let terms = glossary_terms(&fx);
    for (format, name) in [
        ("omegat", "glossary.txt"),
        ("tsv", "glossary.tsv"),
        ("tbx2008", "glossary.tbx"),
    ] {
        let text = satz(&fx, &["glossary", "export", "--format", format]);
        fx.write(name, text);
    }
    let seen = run(Command::new(clients_dir().join("omegat"))
        .args(["glossary", "de", "en"])
        .args(["glossary.txt", "glossary.tsv", "glossary.tbx"].map(|n| fx.path(n))));

    let mut files = std::collections::BTreeMap::<String, Vec<Vec<String>>>::new();
    let mut current = String::new();
    for line in seen.lines() {
        let cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
        match cells[0].as_str() {
            "FILE" | "IGNORED" => {
                current = format!("{} {}", cells[0], cells[1]);
                files.entry(current.clone()).or_default();
            }
            "ENTRY" => files.get_mut(&current).unwrap().push(cells[1..].to_vec()),
            _ => {}
        }
    }
    let key = |kind: &str, name: &str| format!("{kind} {}", fx.path(name).display());

    // OmegaT skips a .tsv file: `--format omegat -o` names it .txt.
    assert!(
        files.contains_key(&key("IGNORED", "glossary.tsv")),
        "{seen}"
    );

    // The OmegaT glossary: one entry per approved translation, in order,
    // the note and the forbidden translations in the first one's comment.
    let txt = &files[&key("FILE", "glossary.txt")];
    let mut expected = Vec::new();
    for t in &terms {
        let de = t["de"].as_str().unwrap();
        for (i, en) in strings(&t["en"]).into_iter().enumerate() {
            expected.push((de.to_owned(), en, i == 0));
        }
    }
    assert_eq!(txt.len(), expected.len(), "{seen}");
    for (entry, (de, en, first)) in txt.iter().zip(&expected) {
        assert_eq!((&entry[0], &entry[1]), (de, en));
        let term = terms.iter().find(|t| t["de"] == de.as_str()).unwrap();
        let forbidden = strings(&term["forbidden"]);
        if *first && !forbidden.is_empty() {
            assert!(
                entry[2].contains(&format!("[forbidden: {}]", forbidden.join("; "))),
                "{entry:?}"
            );
        }
    }

    // TBX 2008: OmegaT 3.6 lists every English term of an entry, approved
    // and deprecated alike (the status goes into the comment), so each
    // approved pair is there.
    let tbx = &files[&key("FILE", "glossary.tbx")];
    for (de, en, _) in &expected {
        assert!(
            tbx.iter().any(|e| &e[0] == de && &e[1] == en),
            "{de} -> {en} not read by OmegaT from TBX 2008"
        );
    }
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn omegat_does_not_take_a_term_starting_with_a_hash_for_a_comment() {
    let fx = Fixture::new();
    fx.write(
        "glossary.toml",
        "[glossary]\nsource_lang = \"de\"\ntarget_lang = \"en\"\n\n\
         [[term]]\nde = \"#MeToo-Debatte\"\nen = [\"#MeToo debate\"]\n\n\
         [[term]]\nde = \"Sippenhaft\"\nen = [\"collective punishment\"]\n",
    );
    let out = fx
        .satz()
        .args(["glossary", "export", "--format", "omegat", "-o", "g.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("#MeToo-Debatte written after a space"),
        "{stderr}"
    );
    let seen = run(Command::new(clients_dir().join("omegat"))
        .args(["glossary", "de", "en"])
        .arg(fx.path("g.txt")));
    let entries: Vec<&str> = seen.lines().filter(|l| l.starts_with("ENTRY")).collect();
    assert_eq!(entries.len(), 2, "{seen}");
    // OmegaT 3.6 keeps the space before the term (4 and later trim it).
    let cells: Vec<&str> = entries[0].split('\t').collect();
    assert_eq!(cells[1].trim(), "#MeToo-Debatte", "{seen}");
    assert_eq!(cells[2], "#MeToo debate", "{seen}");

    // OmegaT's CSV glossary (a .csv name) quotes the term: every version
    // reads it exactly, and so does satz.
    fx.satz()
        .args(["glossary", "export", "--format", "omegat", "-o", "g.csv"])
        .assert()
        .success();
    let seen = run(Command::new(clients_dir().join("omegat"))
        .args(["glossary", "de", "en"])
        .arg(fx.path("g.csv")));
    let entries: Vec<Vec<&str>> = seen
        .lines()
        .filter(|l| l.starts_with("ENTRY"))
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(entries.len(), 2, "{seen}");
    assert_eq!(
        (entries[0][1], entries[0][2]),
        ("#MeToo-Debatte", "#MeToo debate")
    );
    assert_eq!(
        (entries[1][1], entries[1][2]),
        ("Sippenhaft", "collective punishment")
    );
    fx.satz()
        .args(["--glossary", "back.toml", "glossary", "import", "g.csv"])
        .assert()
        .success();
    let back = fx.read("back.toml");
    assert!(back.contains("de = \"#MeToo-Debatte\""), "{back}");
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn translate_toolkit_reads_tbx_2008_and_tmx() {
    let fx = Fixture::new();
    let terms = glossary_terms(&fx);
    let text = satz(&fx, &["glossary", "export", "--format", "tbx2008"]);
    let tbx = fx.write("glossary.tbx", text);
    let seen = run(Command::new("python3")
        .arg(clients_dir().join("ttk_read.py"))
        .arg("tbx")
        .arg(&tbx));
    let units: Vec<Vec<&str>> = seen
        .lines()
        .filter(|l| l.starts_with("UNIT\t"))
        .map(|l| l.split('\t').skip(1).collect())
        .collect();
    assert_eq!(units.len(), terms.len(), "{seen}");
    for (unit, term) in units.iter().zip(&terms) {
        assert_eq!(unit[0], term["de"].as_str().unwrap());
        assert_eq!(unit[1], strings(&term["en"])[0]);
    }

    let tmx = fx.path("memory.tmx");
    satz(
        &fx,
        &["export", "--format", "tmx", "-o", tmx.to_str().unwrap()],
    );
    let tsv = satz(&fx, &["export", "--format", "tsv"]);
    let seen = run(Command::new("python3")
        .arg(clients_dir().join("ttk_read.py"))
        .arg("tmx")
        .arg(&tmx));
    let read: Vec<String> = seen
        .lines()
        .filter(|l| l.starts_with("UNIT\t"))
        .map(|l| l.trim_start_matches("UNIT\t").to_owned())
        .collect();
    let exported: Vec<String> = tsv.lines().map(str::to_owned).collect();
    assert_eq!(read, exported);
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn omegat_translates_the_example_from_satz_tmx() {
    let fx = Fixture::new();
    let project = omegat_project(&fx);
    std::fs::copy(
        shipped("examples/kim-putin.de.txt"),
        project.join("source/kim-putin.de.txt"),
    )
    .unwrap();
    let tmx = project.join("tm/auto/satz.tmx");
    satz(
        &fx,
        &["export", "--format", "tmx", "-o", tmx.to_str().unwrap()],
    );
    run(Command::new(clients_dir().join("omegat"))
        .arg("translate")
        .arg(&project));
    let translated = std::fs::read_to_string(project.join("target/kim-putin.de.txt")).unwrap();

    // Every memory unit whose German is one sentence is a segment OmegaT
    // can match exactly: its English must be in the translated document.
    let tsv = satz(&fx, &["export", "--format", "tsv"]);
    let (mut single, mut found) = (0, 0);
    for line in tsv.lines() {
        let (de, en) = line.split_once('\t').unwrap();
        let mut seg = fx.satz();
        let sentences = seg
            .args(["segment", "--lang", "de"])
            .write_stdin(de)
            .output()
            .unwrap();
        let n = String::from_utf8_lossy(&sentences.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .count();
        if n == 1 {
            single += 1;
            found += usize::from(translated.contains(en));
        }
    }
    assert!(single > 60, "only {single} one-sentence units");
    assert_eq!(
        found, single,
        "OmegaT used {found} of {single} one-sentence units"
    );
}

/// An OmegaT project (de -> en) in the fixture, with satz's memory as TMX
/// in `tm/auto/` (applied as 100% matches); documents go in `source/`.
fn omegat_project(fx: &Fixture) -> PathBuf {
    let project = fx.path("project");
    for dir in ["source", "target", "tm/auto", "glossary", "omegat"] {
        std::fs::create_dir_all(project.join(dir)).unwrap();
    }
    std::fs::write(
        project.join("omegat.project"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<omegat>\n  <project version=\"1.0\">\n\
         <source_dir>__DEFAULT__</source_dir>\n<target_dir>__DEFAULT__</target_dir>\n\
         <tm_dir>__DEFAULT__</tm_dir>\n<glossary_dir>__DEFAULT__</glossary_dir>\n\
         <source_lang>de</source_lang>\n<target_lang>en</target_lang>\n\
         <sentence_seg>true</sentence_seg>\n  </project>\n</omegat>\n",
    )
    .unwrap();
    let tmx = project.join("tm/auto/satz.tmx");
    satz(
        fx,
        &["export", "--format", "tmx", "-o", tmx.to_str().unwrap()],
    );
    project
}

/// A schema that imports the XLIFF 2.0 core and the modules satz writes,
/// with absolute locations (the shared folder is read-only).
fn xliff2_driver(fx: &Fixture) -> PathBuf {
    let x = schemas().join("xliff");
    let import = |ns: &str, file: &str| {
        format!(
            "  <xs:import namespace=\"urn:oasis:names:tc:xliff:{ns}\" schemaLocation=\"{}\"/>\n",
            x.join(file).display()
        )
    };
    let driver = format!(
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:x-driver\">\n{}{}{}{}</xs:schema>\n",
        import("document:2.0", "xliff_core_2.0.xsd"),
        import("matches:2.0", "modules/matches.xsd"),
        import("glossary:2.0", "modules/glossary.xsd"),
        import("metadata:2.0", "modules/metadata.xsd"),
    );
    fx.write("xliff2-driver.xsd", driver)
}

/// `satz pretranslate` of a shipped example with the shipped memory and
/// glossary, written to `name` in the fixture.
fn pretranslated(fx: &Fixture, example: &str, extra: &[&str], name: &str) -> PathBuf {
    let out = fx.path(name);
    let mut args = vec!["pretranslate"];
    args.extend_from_slice(extra);
    let example = shipped(example);
    args.extend([example.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    satz(fx, &args);
    out
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn every_xliff_satz_writes_validates_against_the_schemas() {
    let fx = Fixture::new();
    let x = schemas().join("xliff");
    let driver = xliff2_driver(&fx);
    for example in [
        "examples/kim-putin.de.txt",
        "examples/kim-putin-followup.de.txt",
    ] {
        for fuzzy in ["target", "candidate"] {
            let v12 = pretranslated(&fx, example, &["--fuzzy", fuzzy], "v12.xlf");
            for schema in [
                "xliff-core-1.2-strict.xsd",
                "xliff-core-1.2-transitional.xsd",
            ] {
                xmllint(&["--schema", x.join(schema).to_str().unwrap()], &v12);
            }
            let v20 = pretranslated(
                &fx,
                example,
                &["--xliff", "2.0", "--fuzzy", fuzzy],
                "v20.xlf",
            );
            xmllint(&["--schema", driver.to_str().unwrap()], &v20);
        }
    }
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn translate_toolkit_reads_the_pretranslated_xliff() {
    let fx = Fixture::new();
    let xlf = pretranslated(&fx, "examples/kim-putin-followup.de.txt", &[], "f.xlf");
    let text = std::fs::read_to_string(&xlf).unwrap();
    let seen = run(Command::new("python3")
        .arg(clients_dir().join("ttk_read.py"))
        .arg("xliff")
        .arg(&xlf));
    let units: Vec<Vec<&str>> = seen
        .lines()
        .filter(|l| l.starts_with("UNIT\t"))
        .map(|l| l.split('\t').skip(1).collect())
        .collect();
    assert_eq!(
        units.len(),
        text.matches("<trans-unit id=").count(),
        "{seen}"
    );
    let filled = units.iter().filter(|u| !u[1].is_empty()).count();
    assert_eq!(filled, text.matches("<target state=").count(), "{seen}");
    assert!(filled > 0);
}

#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn omegat_translates_satz_xliff_with_satz_tmx() {
    let fx = Fixture::new();
    let project = omegat_project(&fx);
    let xlf = pretranslated(&fx, "examples/kim-putin.de.txt", &[], "kim.xlf");
    std::fs::copy(&xlf, project.join("source/kim.xlf")).unwrap();
    run(Command::new(clients_dir().join("omegat"))
        .arg("translate")
        .arg(&project));
    // OmegaT escapes quotes in text, satz does not: compare as XML text.
    let translated = std::fs::read_to_string(project.join("target/kim.xlf"))
        .unwrap()
        .replace("&quot;", "\"")
        .replace("&apos;", "'");
    // OmegaT keeps the file's structure and writes its translations into
    // the targets: every trans-unit satz filled from memory has the
    // memory's English in OmegaT's file too.
    let ours = std::fs::read_to_string(&xlf).unwrap();
    let filled: Vec<&str> = ours
        .split("<target state=\"translated\"")
        .skip(1)
        .map(|t| {
            t.split_once('>')
                .unwrap()
                .1
                .split("</target>")
                .next()
                .unwrap()
        })
        .collect();
    assert!(filled.len() > 60, "{} filled", filled.len());
    for en in &filled {
        assert!(
            translated.contains(&format!(">{en}</target>")),
            "OmegaT lost {en}"
        );
    }
    assert_eq!(
        translated.matches("<trans-unit id=").count(),
        ours.matches("<trans-unit id=").count()
    );

    // And back: `satz merge` of OmegaT's file is the English text, a
    // paragraph per group, with the memory's translations in it.
    let merged = satz(
        &fx,
        &["merge", project.join("target/kim.xlf").to_str().unwrap()],
    );
    assert_eq!(
        merged.split("\n\n").count(),
        ours.matches("<group id=").count(),
        "{merged}"
    );
    for en in &filled {
        let en = en
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
        assert!(merged.contains(&en), "merge lost {en}");
    }
}

/// Issue 16: `check --format junit` read by junitparser: the counts it
/// reads, and those it recounts from the test cases, are satz's (a test
/// per unit, a failure per unit with a finding that fails the check).
#[test]
#[ignore = "needs the real clients (tests/clients/install) and SATZ_SHARED_DATA; .ci/run runs it"]
fn junitparser_reads_the_junit_report_with_satz_counts() {
    let fx = Fixture::new();
    fx.write(
        "glossary.toml",
        std::fs::read(shipped("glossary.toml")).unwrap(),
    );
    fx.write(
        "a.tsv",
        "Es waren 10000 Soldaten.\tThere were 1,000 soldiers.\n\
         Kim schickt Kanonenfutter.\tKim is sending cannon feed.\n\
         Die Lage bleibt ruhig.\tThe situation remains calm.\n\
         Preis: <5 & \"mehr\".\tPrice: <5 & \"more\".\n",
    );
    fx.write(
        "b.tsv",
        "Die Diktatur fiel.\tThe regime fell.\nEs regnet.\tIt is raining.\n",
    );
    for file in ["a.tsv", "b.tsv"] {
        fx.satz().args(["import", file]).assert().success();
    }
    for (fail_on, failures) in [("error", 2), ("warning", 3), ("none", 0)] {
        let out = fx
            .satz()
            .args(["check", "--format", "junit", "--fail-on", fail_on])
            .output()
            .unwrap();
        let report = fx.write("report.xml", &out.stdout);
        let seen = run(Command::new("python3")
            .arg(clients_dir().join("junit_read.py"))
            .arg(&report));
        let rows: Vec<Vec<&str>> = seen.lines().map(|l| l.split('\t').collect()).collect();
        let want = failures.to_string();
        let totals = ["6", want.as_str(), "0", "0"];
        assert_eq!(rows[0], ["SUITES", "2"], "{seen}");
        assert_eq!(rows[1][1..], totals, "declared: {seen}");
        assert_eq!(rows[2][1..], totals, "recounted: {seen}");
        assert_eq!(rows[3][1..3], ["memory/a.tmx", "4"], "{seen}");
        assert_eq!(rows[4][1..3], ["memory/b.tmx", "2"], "{seen}");
        let cases: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "CASE").collect();
        assert_eq!(cases.len(), 6, "{seen}");
        assert_eq!(
            cases[0][1..],
            [
                "memory/a.tmx",
                "a.tmx:5",
                if failures > 0 { "failure" } else { "passed" }
            ]
        );
    }
}
