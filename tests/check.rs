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
