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
