//! Every error path: exit 2, the file (and line and column) in the message,
//! nothing written.

use predicates::prelude::*;

use crate::common::{Fixture, fixture};

#[test]
fn broken_tmx_names_line_and_column_and_writes_nothing() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("broken.tmx"))
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"^satz: .*broken\.tmx:5:\d+: malformed XML").unwrap());
    assert!(fx.memory_files().is_empty());
}

#[test]
fn a_missing_file_is_named() {
    let fx = Fixture::new();
    fx.satz()
        .args(["import", "nope.tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("satz: nope.tmx: "));
}

#[test]
fn a_folder_is_not_a_file() {
    let fx = Fixture::new();
    std::fs::create_dir(fx.path("dir.tmx")).unwrap();
    fx.satz()
        .args(["import", "dir.tmx"])
        .assert()
        .code(2)
        .stderr("satz: dir.tmx: is a folder, not a file\n");
}

#[test]
fn invalid_utf8_names_the_line_and_column() {
    let fx = Fixture::new();
    fx.write("bad.tsv", b"Haus\thouse\nGr\xfcsse\tgreetings\n");
    fx.satz()
        .args(["import", "bad.tsv"])
        .assert()
        .code(2)
        .stderr(
            "satz: bad.tsv:2:3: not valid UTF-8: byte 0xFC (ü in windows-1252: read the file with --encoding windows-1252, or save it as UTF-8)\n",
        );
    assert!(fx.memory_files().is_empty());
}

#[test]
fn a_non_tmx_xml_file_is_refused() {
    let fx = Fixture::new();
    fx.write(
        "glossary.tbx",
        "<?xml version=\"1.0\"?>\n<martif type=\"TBX\"/>\n",
    );
    fx.satz()
        .args(["import", "glossary.tbx", "--name", "g"])
        .assert()
        .code(2);
    fx.write("g.tmx", "<?xml version=\"1.0\"?>\n<martif type=\"TBX\"/>\n");
    fx.satz()
        .args(["import", "g.tmx"])
        .assert()
        .code(2)
        .stderr("satz: g.tmx:2:1: not a TMX file: the root element is <martif>, not <tmx>\n");
}

#[test]
fn a_bad_memory_name_is_refused() {
    let fx = Fixture::new();
    fx.satz()
        .args(["import", "--name", "../escape"])
        .arg(fixture("pairs.tsv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a usable memory name"));
    assert!(!fx.path("escape.tmx").exists());
}

#[test]
fn a_broken_file_in_memory_stops_export_with_its_name() {
    let fx = Fixture::new();
    fx.write(
        "memory/bad.tmx",
        std::fs::read(fixture("broken.tmx")).unwrap(),
    );
    fx.satz()
        .arg("export")
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"^satz: memory/bad\.tmx:5:\d+: ").unwrap());
}

#[test]
fn every_command_is_built() {
    let fx = Fixture::new();
    fx.satz()
        .args(["terms"])
        .assert()
        .success()
        .stderr(predicate::str::contains("is not built yet").not());
}

#[test]
fn bad_usage_exits_2() {
    let fx = Fixture::new();
    fx.satz().arg("frobnicate").assert().code(2);
    fx.satz().arg("import").assert().code(2);
    fx.satz()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}

/// Every command's formats, in the order the README's contract lists them
/// (each command's format enum: a format without a match arm would not
/// compile).
#[test]
fn every_command_names_its_formats() {
    let fx = Fixture::new();
    for (command, args, formats) in [
        (
            "align",
            &["align", "a.txt", "b.txt"][..],
            "table, beads, tsv, json, tmx, html",
        ),
        ("export", &["export"], "tmx, tsv, csv"),
        ("suggest", &["suggest"], "table, json, md"),
        ("analyze", &["analyze", "a.txt"], "table, json, csv"),
        ("concordance", &["concordance", "Krieg"], "table, json"),
        ("check", &["check"], "table, json, github, junit"),
        ("glossary list", &["glossary", "list"], "table, json, tsv"),
        (
            "glossary export",
            &["glossary", "export"],
            "tbx, tbx2008, tsv, omegat, csv",
        ),
        ("terms", &["terms"], "table, md, csv, tbx, html"),
        (
            "terms --extract",
            &["terms", "--extract"],
            "table, md, csv, tbx",
        ),
    ] {
        fx.satz()
            .args(["--format", "xml"])
            .args(args)
            .assert()
            .code(2)
            .stderr(format!(
                "satz: '{command}' has no format 'xml'; it writes {formats}\n"
            ));
    }
}

/// `suggest` compiles the glossary while it reads its input: an input it
/// cannot read is still the error named first, and a broken glossary is
/// named at its line and column when the input is fine.
#[test]
fn suggest_names_its_input_before_the_glossary() {
    let fx = Fixture::new();
    fx.write("bad.toml", "broken = [\n");
    fx.write("in.txt", "Kim schickt Soldaten nach Russland.\n");
    fx.satz()
        .args(["--glossary", "bad.toml", "suggest", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("satz: missing.txt: "));
    fx.satz()
        .args(["--glossary", "bad.toml", "suggest", "in.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"^satz: bad\.toml:1:\d+: TOML syntax error").unwrap());
}
