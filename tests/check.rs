//! `satz check` on the command line: exit codes, formats, --ignore, acceptance.

use predicates::prelude::*;

use crate::common::Fixture;

const GLOSSARY: &str =
    "[[term]]\nde = \"Kanonenfutter\"\nen = [\"cannon fodder\"]\nforbidden = [\"gun feed\"]\n";

fn fixture() -> Fixture {
    let fx = Fixture::new();
    fx.write("glossary.toml", GLOSSARY);
    fx
}

#[test]
fn a_clean_memory_exits_0_and_an_error_exits_1() {
    let fx = fixture();
    fx.write(
        "ok.tsv",
        "Kim schickt Kanonenfutter.\tKim is sending cannon fodder.\n",
    );
    fx.satz().args(["import", "ok.tsv"]).assert().success();
    fx.satz().arg("check").assert().code(0).stdout("");
    fx.write(
        "bad.tsv",
        "Es waren 10'000 Soldaten.\tThere were 1,000 soldiers.\n",
    );
    fx.satz().args(["import", "bad.tsv"]).assert().success();
    let out = fx
        .satz()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let line = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["code"], "number-mismatch");
    assert_eq!(v["severity"], "error");
    assert_eq!(v["unit"], "bad.tmx:5");
    assert_eq!(v["source"], "Es waren 10'000 Soldaten.");
    fx.satz()
        .args(["check", "--ignore", "number-mismatch"])
        .assert()
        .code(0);
    fx.satz()
        .args(["check", "--ignore", "no-such-code"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown code 'no-such-code'"));
}

#[test]
fn a_unit_can_accept_a_finding() {
    let fx = fixture();
    fx.write(
        "m.tmx",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="t"/><body>
<tu><prop type="x-satz-accept">number-mismatch</prop>
<tuv xml:lang="de"><seg>Es waren 10'000 Soldaten.</seg></tuv><tuv xml:lang="en"><seg>There were thousands of soldiers.</seg></tuv></tu>
</body></tmx>"#,
    );
    fx.satz().args(["import", "m.tmx"]).assert().success();
    fx.satz().arg("check").assert().code(0);
}

#[test]
fn a_document_pair_is_aligned_then_checked() {
    let fx = fixture();
    fx.write(
        "de.txt",
        "Kim schickt Kanonenfutter.\n\nEs waren 10'000 Soldaten.\n",
    );
    fx.write(
        "en.txt",
        "Kim is sending gun feed.\n\nThere were 10,000 soldiers.\n",
    );
    fx.satz()
        .args([
            "check", "de.txt", "en.txt", "--format", "table", "--color", "never",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error [term-forbidden]"))
        .stdout(predicate::str::contains("  de: Kim schickt Kanonenfutter."));
    fx.write(
        "en.txt",
        "Kim is sending cannon fodder.\n\nThere were 10,000 soldiers.\n",
    );
    fx.satz()
        .args(["check", "de.txt", "en.txt"])
        .assert()
        .code(0);
}

#[test]
fn a_broken_glossary_is_an_input_error() {
    let fx = Fixture::new();
    fx.write("glossary.toml", "[[term]]\nde = \"X\"\n");
    fx.satz()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("satz: glossary.toml:"));
}

/// A memory with one warning-only unit (a missing term) and one clean unit.
fn warning_memory() -> Fixture {
    let fx = fixture();
    fx.write(
        "m.tsv",
        "Kim schickt Kanonenfutter.\tKim is sending soldiers.\nDie Lage bleibt ruhig.\tThe situation remains calm.\n",
    );
    fx.satz().args(["import", "m.tsv"]).assert().success();
    fx
}

#[test]
fn fail_on_chooses_what_gates_the_exit_code() {
    let fx = warning_memory();
    // By default only errors fail: a missing term is a warning.
    fx.satz()
        .args(["check", "--format", "json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            r#""code":"term-missing","severity":"warning""#,
        ));
    fx.satz()
        .args(["check", "--fail-on", "error,term-missing"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "1 fail the check (fail-on: error,term-missing)",
        ));
    fx.satz()
        .args(["check", "--fail-on", "warning"])
        .assert()
        .code(1);
    fx.satz()
        .args(["check", "--fail-on", "none"])
        .assert()
        .code(0);
    fx.satz()
        .args(["check", "--fail-on", "errors"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'errors' is not error, warning, none or a code",
        ));
}

#[test]
fn the_glossary_check_table_sets_fail_on_and_the_flag_overrides_it() {
    let fx = warning_memory();
    fx.write(
        "glossary.toml",
        format!("{GLOSSARY}\n[check]\nfail_on = [\"error\", \"term-missing\"]\n"),
    );
    fx.satz().arg("check").assert().code(1);
    fx.satz()
        .args(["check", "--fail-on", "error"])
        .assert()
        .code(0);
    // An unknown value is an error at its line and column.
    fx.write(
        "glossary.toml",
        format!("{GLOSSARY}\n[check]\nfail_on = [\"error\", \"term-misssing\"]\n"),
    );
    fx.satz()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "glossary.toml:7:21: [check] fail_on: 'term-misssing' is not error, warning, none or a code",
        ));
}

#[test]
fn a_table_a_newer_satz_wrote_is_ignored_with_a_warning() {
    let fx = warning_memory();
    fx.write(
        "glossary.toml",
        format!("{GLOSSARY}\n[xliff]\nstate = \"translated\"\n"),
    );
    fx.satz()
        .arg("check")
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "warning: glossary.toml:6:1: [xliff] is not known to satz",
        ));
    // A typo of a known table is still an error.
    fx.write(
        "glossary.toml",
        format!("{GLOSSARY}\n[chek]\nfail_on = \"error\"\n"),
    );
    fx.satz()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `check`"));
}

#[test]
fn the_target_locale_orders_numeric_dates() {
    let fx = fixture();
    fx.write("de.txt", "Das Gesetz gilt seit dem 6. Januar 2024.\n");
    fx.write("en.txt", "The law has applied since 6/1/2024.\n");
    let args = [
        "check",
        "de.txt",
        "en.txt",
        "--segmented",
        "--format",
        "json",
    ];
    fx.satz()
        .args(args)
        .args(["--target-lang", "en-GB"])
        .assert()
        .code(0);
    fx.satz()
        .args(args)
        .args(["--target-lang", "en-US"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            r#""code":"date-mismatch","severity":"error""#,
        ))
        .stdout(predicate::str::contains(
            r#""evidence":"a different month on each side""#,
        ));
}

const DOC_DE: &str = "Putin verliert sein Gesicht\n\nKim Jong Un schickt Russland Kanonenfutter. Wladimir Putins Gegenleistung dafür ist eine Gefahr.\n\nAllein im Jahr 2024 sollen 1500 russische Touristen Nordkorea besucht haben. Die Reiseführer sind Geheimdienstmitarbeiter.\n";
const DOC_EN: &str = "Putin loses face\n\nKim Jong Un is sending Russia cannon fodder. What Vladimir Putin gives in return poses a danger.\n\nIn 2024 alone, 1,500 Russian tourists are said to have visited North Korea. The tour guides are intelligence officers.\n";

/// Findings of `satz check de.txt en.txt --format json` and the exit code.
fn document_findings(fx: &Fixture, extra: &[&str]) -> (Vec<serde_json::Value>, Option<i32>) {
    let out = fx
        .satz()
        .args(["check", "de.txt", "en.txt", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let findings = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (findings, out.status.code())
}

#[test]
fn a_german_paragraph_left_untranslated_is_an_omission_per_sentence() {
    let fx = fixture();
    fx.write("de.txt", DOC_DE);
    fx.write(
        "en.txt",
        "Putin loses face\n\nIn 2024 alone, 1,500 Russian tourists are said to have visited North Korea. The tour guides are intelligence officers.\n",
    );
    let (findings, code) = document_findings(&fx, &[]);
    assert_eq!(code, Some(1));
    let rows: Vec<(&str, &str, &str, &str)> = findings
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["unit"].as_str().unwrap(),
                f["source"].as_str().unwrap(),
            )
        })
        .collect();
    // Before: two `untranslated` "the target is empty"; the glossary term
    // of the first sentence is not reported twice.
    assert_eq!(
        rows,
        [
            (
                "omission",
                "error",
                "2",
                "Kim Jong Un schickt Russland Kanonenfutter."
            ),
            (
                "omission",
                "error",
                "3",
                "Wladimir Putins Gegenleistung dafür ist eine Gefahr."
            ),
        ]
    );
    assert_eq!(
        findings[0]["message"],
        "the German sentence has no translation (an omission)"
    );
    assert_eq!(findings[0]["target"], "");
}

#[test]
fn an_english_sentence_without_german_source_is_an_addition() {
    let fx = fixture();
    fx.write("de.txt", DOC_DE);
    fx.write(
        "en.txt",
        DOC_EN.replace(
            "Putin loses face\n\n",
            "Putin loses face\n\nThis article first appeared in German in January 2025 and has been updated since then by our own staff.\n\n",
        ),
    );
    let (findings, code) = document_findings(&fx, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["code"], "addition");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["unit"], "2");
    assert_eq!(f["source"], "");
    assert_eq!(
        f["message"],
        "the English sentence has no German source (an addition)"
    );
    // Switched off, nothing is left.
    let (findings, code) = document_findings(&fx, &["--ignore", "addition"]);
    assert_eq!((findings.len(), code), (0, Some(0)));
}

/// Issue 12: a German sentence deleted, its English absorbed into the
/// neighbour's merged link. `check` reported nothing; now an `addition`
/// names the sentence, highlighted in the table.
#[test]
fn a_sentence_absorbed_into_a_merged_link_is_reported() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |f: &str| std::fs::read_to_string(root.join(f)).unwrap();
    let fx = Fixture::new();
    fx.write("glossary.toml", read("glossary.toml"));
    fx.write(
        "de.txt",
        read("examples/kim-putin.de.txt")
            .replace(" Dadurch steigt die Kriegsgefahr erheblich.", ""),
    );
    fx.write("en.txt", read("examples/kim-putin.en.txt"));
    let (findings, code) = document_findings(&fx, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["code"], "addition");
    assert_eq!(f["unit"], "63");
    assert!(
        f["target"]
            .as_str()
            .unwrap()
            .starts_with("If North Korea were now able")
    );
    assert_eq!(
        f["message"],
        "the English sentence \"That would considerably increase the risk of war.\" has no counterpart in the German of this link (a possible addition)"
    );
    let out = fx
        .satz()
        .args([
            "check", "de.txt", "en.txt", "--format", "table", "--color", "always",
        ])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    // The absorbed sentence is the highlighted span of the English.
    assert!(
        table.contains("would shift. \u{1b}[1m\u{1b}[4mThat would considerably increase the risk of war.\u{1b}[0m"),
        "{table:?}"
    );
    // The intact pair is clean.
    fx.write("de.txt", read("examples/kim-putin.de.txt"));
    let (findings, code) = document_findings(&fx, &[]);
    assert_eq!((findings.len(), code), (0, Some(0)), "{findings:#?}");
}

/// The whole memory is checked in chunks of 4,096 units and the table
/// streamed: two `<tu>`s on one line share their `file:line` id, and when
/// the chunk boundary falls between them the table still groups their
/// findings under one heading, as when every finding was collected.
#[test]
fn the_streamed_table_groups_one_id_across_a_chunk_boundary() {
    let fx = fixture();
    let tu = |de: &str, en: &str| {
        format!(
            "<tu><tuv xml:lang=\"de\"><seg>{de}</seg></tuv><tuv xml:lang=\"en\"><seg>{en}</seg></tuv></tu>"
        )
    };
    let mut tmx = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"de\" creationtool=\"t\" creationtoolversion=\"1\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"t\"/><body>\n",
    );
    for i in 0..4095 {
        tmx.push_str(&tu(&format!("Satz {i}."), &format!("Sentence {i}.")));
        tmx.push('\n');
    }
    // Units 4,096 and 4,097 (the first of the second chunk) on line 4,098.
    tmx.push_str(&tu("Er lacht.", "He he laughs."));
    tmx.push_str(&tu("Sie lacht.", "She she laughs."));
    tmx.push_str("\n</body></tmx>\n");
    fx.write("memory/m.tmx", tmx);
    let out = fx
        .satz()
        .args(["check", "--format", "table"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert_eq!(table.matches("m.tmx:4098").count(), 1, "{table}");
    assert_eq!(table.matches("[doubled-word]").count(), 2, "{table}");
    let json = fx
        .satz()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(json.stdout).unwrap().lines().count(), 2);
}
