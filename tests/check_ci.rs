//! `satz check` in a team's CI (issue 16): `--format github` annotations,
//! `--format junit` reports, and `--changed REV` against a real git
//! repository made in the fixture.

use std::process::Command;

use predicates::prelude::*;

use crate::common::Fixture;

const GLOSSARY: &str = "[[term]]\nde = \"Kanonenfutter\"\nen = [\"cannon fodder\"]\n";

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="t"/><body>
"#;

/// A TMX document of (German, English) units, one `<tu>` per line from
/// line 3 on.
fn tmx(units: &[(&str, &str)]) -> String {
    let mut s = HEAD.to_owned();
    for (de, en) in units {
        s.push_str(&format!(
            "<tu><tuv xml:lang=\"de\"><seg>{de}</seg></tuv><tuv xml:lang=\"en\"><seg>{en}</seg></tuv></tu>\n"
        ));
    }
    s + "</body></tmx>\n"
}

fn fixture() -> Fixture {
    let fx = Fixture::new();
    fx.write("glossary.toml", GLOSSARY);
    fx
}

/// `satz ARGS` in the fixture: (exit code, stdout, stderr).
fn check(fx: &Fixture, args: &[&str]) -> (i32, String, String) {
    let out = fx.satz().arg("check").args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const NUMBERS: (&str, &str) = ("Es waren 10000 Soldaten.", "There were 1,000 soldiers.");
const TERM: (&str, &str) = ("Kim schickt Kanonenfutter.", "Kim is sending soldiers.");
const CLEAN: (&str, &str) = ("Die Lage bleibt ruhig.", "The situation remains calm.");

#[test]
fn github_annotations_name_the_memory_file_and_the_tu_line() {
    let fx = fixture();
    fx.write("memory/news, 2024.tmx", tmx(&[CLEAN, NUMBERS, TERM]));
    fx.write(
        "memory/share.tmx",
        tmx(&[("Der Anteil liegt bei 50%.", "The share is 50%.\r")]),
    );
    let (code, out, _) = check(&fx, &["--format", "github"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    // The error fails the check: `::error`; the warning does not.
    assert!(
        lines[0].starts_with(
            "::error file=memory/news%2C 2024.tmx,line=4,title=number-mismatch::numbers differ: "
        ),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("%0Awhy: "), "{}", lines[0]);
    assert!(lines[1].starts_with(
        "::warning file=memory/news%2C 2024.tmx,line=5,title=term-missing::glossary term"
    ));
    // One line per finding: no raw line break or carriage return inside.
    assert!(!out.contains('\r'));
    // --fail-on moves the warning to `::error`, and the exit code with it.
    let (code, out, _) = check(&fx, &["--format", "github", "--fail-on", "term-missing"]);
    assert_eq!(code, 1);
    assert!(out.contains("::warning file=memory/news%2C 2024.tmx,line=4,title=number-mismatch"));
    assert!(out.contains("::error file=memory/news%2C 2024.tmx,line=5,title=term-missing"));
    let (code, _, _) = check(&fx, &["--format", "github", "--fail-on", "none"]);
    assert_eq!(code, 0);
}

#[test]
fn github_escapes_percent_signs_and_line_breaks_in_messages() {
    let fx = fixture();
    // The message quotes the first unit's English, `%`, carriage return
    // and line break included (the first `<tu>` spans lines 3 and 4).
    fx.write(
        "memory/m.tmx",
        tmx(&[
            (
                "Der Anteil liegt bei 50 Prozent.",
                "The share&#13;\nis 50%.",
            ),
            (
                "Der Anteil liegt bei 50 Prozent.",
                "The share is fifty percent.",
            ),
        ]),
    );
    let (code, out, _) = check(&fx, &["--format", "github", "--fail-on", "warning"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with(
            "::error file=memory/m.tmx,line=5,title=inconsistent-translation::the same source is translated differently in unit \"m.tmx:3\": \"The share%0D%0Ais 50%25.\"%0Awhy: "
        ),
        "{out}"
    );
}

#[test]
fn github_annotations_of_a_document_pair_point_at_the_german_sentence() {
    let fx = fixture();
    fx.write(
        "de.txt",
        "Titel\n\nKim schickt Kanonenfutter.\n\nEs waren 10000 Soldaten.\n",
    );
    fx.write(
        "en.txt",
        "Title\n\nKim is sending cannon fodder.\n\nThere were 1,000 soldiers.\n",
    );
    let (code, out, _) = check(&fx, &["de.txt", "en.txt", "--format", "github"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("::error file=de.txt,line=5,title=number-mismatch::"),
        "{out}"
    );
}

/// Attribute `name` of the first element that starts with `open`.
fn attr<'a>(xml: &'a str, open: &str, name: &str) -> &'a str {
    let at = xml
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in {xml}"));
    let rest = &xml[at..];
    let rest = &rest[..rest.find('>').unwrap()];
    let key = format!(" {name}=\"");
    let from = rest.find(&key).unwrap() + key.len();
    &rest[from..from + rest[from..].find('"').unwrap()]
}

#[test]
fn junit_has_a_test_per_unit_and_a_failure_per_failing_unit() {
    let fx = fixture();
    fx.write("memory/a.tmx", tmx(&[CLEAN, NUMBERS, TERM]));
    fx.write("memory/b.tmx", tmx(&[("Es regnet.", "It is raining.")]));
    let (code, xml, _) = check(&fx, &["--format", "junit"]);
    assert_eq!(code, 1);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    let counts = |open: &str| {
        ["tests", "failures", "errors", "skipped"].map(|n| attr(&xml, open, n).to_owned())
    };
    assert_eq!(counts("<testsuites"), ["4", "1", "0", "0"]);
    assert_eq!(
        counts("<testsuite name=\"memory/a.tmx\""),
        ["3", "1", "0", "0"]
    );
    assert_eq!(
        counts("<testsuite name=\"memory/b.tmx\""),
        ["1", "0", "0", "0"]
    );
    assert_eq!(xml.matches("<testcase ").count(), 4);
    assert_eq!(xml.matches("<failure ").count(), 1);
    assert_eq!(
        attr(&xml, "<testcase name=\"a.tmx:4\"", "classname"),
        "memory/a.tmx"
    );
    assert_eq!(attr(&xml, "<failure", "type"), "number-mismatch");
    // The warning is shown, not failed.
    assert!(xml.contains("<system-out>warning [term-missing] "));
    // No time, no timestamp: the same memory gives the same bytes.
    assert!(!xml.contains("time"));
    let (_, again, _) = check(&fx, &["--format", "junit"]);
    assert_eq!(xml, again);
    // The policy decides what a failure is.
    let (code, xml, _) = check(&fx, &["--format", "junit", "--fail-on", "warning"]);
    assert_eq!(code, 1);
    assert_eq!(attr(&xml, "<testsuites", "failures"), "2");
    let (code, xml, _) = check(&fx, &["--format", "junit", "--fail-on", "none"]);
    assert_eq!(code, 0);
    assert_eq!(attr(&xml, "<testsuites", "failures"), "0");
}

/// `git ARGS` in `dir` with a fixed identity and no user configuration.
fn git(fx: &Fixture, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(fx.dir.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "user.name=satz", "-c", "user.email=satz@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn commit(fx: &Fixture, message: &str) {
    git(fx, &["add", "-A"]);
    git(fx, &["commit", "-q", "-m", message]);
}

/// The (code, unit) of each JSON finding.
fn found(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["code"].as_str().unwrap().to_owned(),
                v["unit"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn changed_reports_only_the_findings_of_new_units() {
    let fx = fixture();
    git(&fx, &["init", "-q"]);
    // An old error stays in the memory: --changed does not report it.
    fx.write(
        "memory/news.tmx",
        tmx(&[NUMBERS, ("Es regnet.", "It is raining.")]),
    );
    commit(&fx, "first");
    let edited = ("Es waren 500 Panzer.", "There were 50 tanks.");
    fx.write(
        "memory/news.tmx",
        tmx(&[
            CLEAN,
            NUMBERS,
            ("Es regnet.", "It is raining."),
            edited,
            // Contradicts an old unit: involves a new one.
            ("Es regnet.", "It rains."),
        ]),
    );
    // Not committed yet: new since HEAD.
    let (code, out, err) = check(&fx, &["--changed", "HEAD", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        found(&out),
        pairs(&[
            ("number-mismatch", "news.tmx:6"),
            ("inconsistent-translation", "news.tmx:7")
        ])
    );
    assert!(
        err.contains("3 unit(s) checked (added or changed since HEAD): 1 error(s), 1 warning(s)"),
        "{err}"
    );
    commit(&fx, "second");
    // Committed: nothing is new since HEAD, everything since HEAD~1.
    let (code, out, err) = check(&fx, &["--changed", "HEAD", "--format", "json"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(
        err.contains("nothing to check: no unit was added or changed in memory since HEAD"),
        "{err}"
    );
    let (code, out, _) = check(&fx, &["--changed", "HEAD~1", "--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(found(&out).len(), 2);
    // The whole memory still has the old error too.
    let (_, out, _) = check(&fx, &["--format", "json"]);
    assert_eq!(found(&out).len(), 3);
}

#[test]
fn changed_counts_a_finding_on_an_old_unit_that_a_new_unit_causes() {
    let fx = fixture();
    git(&fx, &["init", "-q"]);
    fx.write("memory/b.tmx", tmx(&[("Es regnet.", "It is raining.")]));
    commit(&fx, "first");
    // A new file that sorts first: the old unit is the one reported.
    fx.write("memory/a.tmx", tmx(&[("Es regnet.", "It rains.")]));
    let (code, out, _) = check(&fx, &["--changed", "HEAD", "--format", "junit"]);
    assert_eq!(code, 0);
    // The new unit and the old one the finding is reported on: a report
    // needs the place of every finding it holds.
    assert_eq!(attr(&out, "<testsuites", "tests"), "2");
    assert!(out.contains("inconsistent-translation"), "{out}");
    let (_, out, _) = check(&fx, &["--changed", "HEAD", "--format", "github"]);
    assert!(out.contains("file=memory/b.tmx,line=3"), "{out}");
    let (_, out, _) = check(&fx, &["--changed", "HEAD", "--format", "json"]);
    assert_eq!(
        found(&out),
        pairs(&[("inconsistent-translation", "b.tmx:3")])
    );
}

#[test]
fn changed_finds_the_repository_from_a_memory_anywhere_in_it() {
    let fx = fixture();
    git(&fx, &["init", "-q"]);
    fx.write("desk/tm/old.tmx", tmx(&[NUMBERS]));
    commit(&fx, "first");
    // A renamed file is not new; a unit moved into another file is not new.
    git(&fx, &["mv", "desk/tm/old.tmx", "desk/tm/renamed.tmx"]);
    fx.write(
        "desk/tm/more.tmx",
        tmx(&[CLEAN, ("Es waren 700 Boote.", "There were 800 boats.")]),
    );
    let (code, out, err) = check(
        &fx,
        &[
            "--memory",
            "desk/tm",
            "--changed",
            "HEAD",
            "--format",
            "github",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("::error file=desk/tm/more.tmx,line=4,title=number-mismatch::"));
    assert!(err.contains("2 unit(s) checked"), "{err}");
}

#[test]
fn changed_outside_a_repository_or_with_an_unknown_revision_is_an_input_error() {
    let fx = fixture();
    fx.write("memory/news.tmx", tmx(&[CLEAN]));
    // The fixture is a temporary folder, outside any repository.
    fx.satz()
        .args(["check", "--changed", "HEAD"])
        .env("GIT_CEILING_DIRECTORIES", fx.dir.path().parent().unwrap())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "satz: memory: --changed needs the memory in a git repository: not a git repository",
        ));
    git(&fx, &["init", "-q"]);
    commit(&fx, "first");
    fx.satz()
        .args(["check", "--changed", "no-such-branch"])
        .assert()
        .code(2)
        .stderr(
            "satz: memory: --changed no-such-branch: git knows no commit 'no-such-branch' in this repository\n",
        );
    // --changed checks the memory, not a document pair.
    fx.write("de.txt", "Es regnet.\n");
    fx.write("en.txt", "It is raining.\n");
    fx.satz()
        .args(["check", "de.txt", "en.txt", "--changed", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot be used with '--changed <REV>'",
        ));
}
