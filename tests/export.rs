//! `satz export`

use predicates::prelude::*;

use crate::common::{Fixture, fixture};

#[test]
fn export_writes_csv_with_a_header_and_to_a_file() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("pairs.csv"))
        .assert()
        .success();
    fx.satz()
        .args(["export", "--format", "csv", "-o", "out.csv"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        fx.read("out.csv"),
        "de,en\n\"Sanktionen, wieder\",\"Sanctions, again\"\nErbdiktatur,hereditary dictatorship\n"
    );
}

#[test]
fn export_of_an_empty_memory_is_a_valid_empty_tmx() {
    let fx = Fixture::new();
    let out = fx.satz().arg("export").output().unwrap();
    assert!(out.status.success());
    let tmx = String::from_utf8(out.stdout).unwrap();
    assert!(tmx.contains("<body>\n  </body>"), "{tmx}");
}

#[test]
fn export_rejects_a_format_it_does_not_write() {
    let fx = Fixture::new();
    fx.satz()
        .args(["export", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'export' has no format 'json'; it writes tmx, tsv, csv",
        ));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let fx = Fixture::new();
    let mut lines = String::new();
    for i in 0..20_000 {
        lines.push_str(&format!("Satz {i}\tSentence {i}\n"));
    }
    fx.write("big.tsv", lines);
    fx.satz().args(["import", "big.tsv"]).assert().success();
    // `satz export | head -1`: run through a shell so the pipe really closes.
    let bin = assert_cmd::cargo::cargo_bin("satz");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' export --format tsv | head -1; exit ${{PIPESTATUS:-0}}",
            bin.display()
        ))
        .current_dir(fx.dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Satz 0\tSentence 0\n");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("satz:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
