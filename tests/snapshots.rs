//! Snapshots (insta) of every machine format and every kind of error
//! message, on the shipped example: `glossary.toml`, `memory/kim-putin.tmx`
//! and the texts in `examples/`. The machine formats are a contract
//! (docs/contract.md): a changed snapshot here is a contract change, to be made on
//! purpose. The snapshots live in `tests/snapshots/`; after an intended
//! change, review them with `cargo insta review` or rewrite them with
//! `INSTA_UPDATE=always cargo test snapshots`.
//!
//! Every command runs inside the fixture folder with relative paths, so no
//! temporary path reaches the output; [`redact`] replaces one if it still
//! does, and the version satz writes into TMX headers. The snapshot text is
//! the output byte for byte, except that insta ignores leading line breaks,
//! trailing whitespace and line endings: [`exact`] makes those visible when
//! they are anything but one final `\n`.

use std::ops::Range;
use std::path::Path;

use crate::common::{Fixture, fixture};

/// The shipped example: glossary, memory and the three texts (in the
/// fixture's top folder, as `kim-putin.de.txt` etc.).
fn example() -> Fixture {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fx = Fixture::new();
    for (from, to) in [
        ("glossary.toml", "glossary.toml"),
        ("memory/kim-putin.tmx", "memory/kim-putin.tmx"),
        ("examples/kim-putin.de.txt", "kim-putin.de.txt"),
        ("examples/kim-putin.en.txt", "kim-putin.en.txt"),
        (
            "examples/kim-putin-followup.de.txt",
            "kim-putin-followup.de.txt",
        ),
    ] {
        fx.write(to, std::fs::read(root.join(from)).unwrap());
    }
    fx
}

/// Writes the first `lines` lines of a fixture file to `to` (`head -n`).
fn head(fx: &Fixture, from: &str, lines: usize, to: &str) {
    let text = fx.read(from);
    let mut out = text.lines().take(lines).collect::<Vec<_>>().join("\n");
    out.push('\n');
    fx.write(to, out);
}

/// The sentences `range` (0-based, blank lines not counted) of a text as
/// `satz segment` splits it, one per line, written to `to`.
fn sentences(fx: &Fixture, from: &str, lang: &str, range: Range<usize>, to: &str) {
    let text = ok(fx, &["segment", "--lang", lang, from]);
    let picked: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let mut out = picked[range].join("\n");
    out.push('\n');
    fx.write(to, out);
}

/// Runs satz, asserts exit 0, returns stdout.
fn ok(fx: &Fixture, args: &[&str]) -> String {
    run(fx, args, 0)
}

/// Runs satz, asserts the exit code, returns stdout.
fn run(fx: &Fixture, args: &[&str], code: i32) -> String {
    let out = fx.satz().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "satz {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    redact(fx, &String::from_utf8(out.stdout).unwrap())
}

/// Runs satz expecting an error: nothing on stdout; returns the exit code
/// and stderr as one text (`exit: 2\n<stderr>`).
fn fail(fx: &Fixture, args: &[&str], stdin: Option<&[u8]>) -> String {
    let mut cmd = fx.satz();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.stdout.is_empty(),
        "satz {}: wrote to stdout on error: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout)
    );
    let code = out
        .status
        .code()
        .map_or_else(|| "killed".to_owned(), |c| c.to_string());
    format!(
        "exit: {code}\n{}",
        redact(fx, &String::from_utf8(out.stderr).unwrap())
    )
}

/// Replaces what would differ between runs or releases: the fixture's
/// temporary path (none is expected: everything runs with relative paths)
/// and the running version in TMX headers.
fn redact(fx: &Fixture, text: &str) -> String {
    let mut text = text.to_owned();
    let dir = fx.dir.path();
    let mut dirs = vec![dir.to_path_buf()];
    if let Ok(canonical) = dir.canonicalize() {
        dirs.push(canonical);
    }
    for d in dirs {
        text = text.replace(&*d.to_string_lossy(), "[TEMP]");
    }
    text.replace(
        concat!("creationtoolversion=\"", env!("CARGO_PKG_VERSION"), "\""),
        "creationtoolversion=\"[VERSION]\"",
    )
}

/// The output as insta should store it. insta ignores trailing whitespace
/// and (falling back to its legacy format) leading line breaks, and reads
/// `\r\n` as `\n`; so a carriage return is shown as `␍`, and a start with
/// line breaks or an end other than exactly one `\n` is spelled out on a
/// line of its own.
fn exact(text: &str) -> String {
    let start = text.trim_start_matches(['\n', '\r']);
    let lead = &text[..text.len() - start.len()];
    let body = start.trim_end();
    let tail = &start[body.len()..];
    let mut out = String::new();
    if !lead.is_empty() {
        out.push_str(&format!("⟨the output starts with {lead:?}⟩\n"));
    }
    out.push_str(&body.replace('\r', "␍"));
    if tail != "\n" {
        out.push_str(&format!("\n⟨the output ends with {tail:?}, not one \\n⟩"));
    }
    out
}

/// Asserts the snapshot `name`; its header names the command.
fn snap(name: &str, command: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_description(command);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, exact(text)));
}

/// The command line as a shell would take it, for the snapshot's header.
fn command_line(args: &[&str]) -> String {
    let mut out = String::from("satz");
    for a in args {
        out.push(' ');
        if a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
        {
            out.push_str(a);
        } else {
            out.push_str(&format!("'{a}'"));
        }
    }
    out
}

/// Runs `satz ARGS` (exit 0) and snapshots stdout. JSON output must also
/// parse, one value per line.
fn snap_ok(fx: &Fixture, name: &str, args: &[&str]) {
    let out = ok(fx, args);
    if args.contains(&"json") {
        for line in out.lines() {
            serde_json::from_str::<serde_json::Value>(line)
                .unwrap_or_else(|e| panic!("{name}: not JSON ({e}): {line}"));
        }
    }
    snap(name, &command_line(args), &out);
}

/// Runs `satz ARGS` expecting an error and snapshots exit code and stderr.
fn snap_fail(fx: &Fixture, name: &str, args: &[&str]) {
    snap(name, &command_line(args), &fail(fx, args, None));
}

// segment

#[test]
fn segment_de() {
    let fx = example();
    head(&fx, "kim-putin.de.txt", 8, "start.de.txt");
    snap_ok(&fx, "segment_de", &["segment", "start.de.txt"]);
}

#[test]
fn segment_en() {
    let fx = example();
    head(&fx, "kim-putin.en.txt", 8, "start.en.txt");
    snap_ok(
        &fx,
        "segment_en",
        &["segment", "--lang", "en", "start.en.txt"],
    );
}

/// Abbreviations ("u. a.", "z. B."), Swiss numbers and ordinal dates.
#[test]
fn segment_de_abbreviations() {
    let fx = example();
    let text = fx.read("kim-putin-followup.de.txt");
    let paragraphs: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("u. a.") || l.contains("z. B.") || l.contains("14. Februar"))
        .collect();
    assert_eq!(paragraphs.len(), 3);
    fx.write("abbr.de.txt", paragraphs.join("\n\n") + "\n");
    snap_ok(&fx, "segment_de_abbreviations", &["segment", "abbr.de.txt"]);
}

// align

/// A short slice of the example, one sentence per line: German sentences
/// 13..21 and English 13..22 (as `satz segment` splits them), where the
/// translator split one German sentence in two (a 1-2 link).
fn align_slice() -> Fixture {
    let fx = example();
    sentences(&fx, "kim-putin.de.txt", "de", 13..21, "slice.de.txt");
    sentences(&fx, "kim-putin.en.txt", "en", 13..22, "slice.en.txt");
    fx
}

fn align_format(format: &str) {
    let fx = align_slice();
    snap_ok(
        &fx,
        &format!("align_{format}"),
        &[
            "align",
            "slice.de.txt",
            "slice.en.txt",
            "--segmented",
            "--format",
            format,
        ],
    );
}

#[test]
fn align_beads() {
    align_format("beads");
}

#[test]
fn align_tsv() {
    align_format("tsv");
}

#[test]
fn align_json() {
    align_format("json");
}

#[test]
fn align_tmx() {
    align_format("tmx");
}

/// Two pairs of the example for `align --batch`: the slice and the
/// article's first five sentences, listed in `pairs.tsv` after a comment.
fn align_batch() -> Fixture {
    let fx = align_slice();
    sentences(&fx, "kim-putin.de.txt", "de", 0..5, "start.de.txt");
    sentences(&fx, "kim-putin.en.txt", "en", 0..5, "start.en.txt");
    fx.write(
        "pairs.tsv",
        "# two pairs\nslice.de.txt\tslice.en.txt\nstart.de.txt\tstart.en.txt\n",
    );
    fx
}

fn align_batch_format(format: &str) {
    let fx = align_batch();
    snap_ok(
        &fx,
        &format!("align_batch_{format}"),
        &[
            "align",
            "--batch",
            "pairs.tsv",
            "--segmented",
            "--format",
            format,
        ],
    );
}

#[test]
fn align_batch_beads() {
    align_batch_format("beads");
}

#[test]
fn align_batch_tsv() {
    align_batch_format("tsv");
}

#[test]
fn align_batch_json() {
    align_batch_format("json");
}

/// A pair that fails: exit 1, its manifest line on stderr, the others'
/// links on stdout (not snapshotted here: they are `align_batch_beads`').
#[test]
fn align_batch_failed_pair() {
    let fx = align_batch();
    fx.write(
        "pairs.tsv",
        "slice.de.txt\tslice.en.txt\nmissing.de.txt\tstart.en.txt\nstart.en.txt\tstart.de.txt\n",
    );
    let args = [
        "align",
        "--batch",
        "pairs.tsv",
        "--segmented",
        "--format",
        "beads",
    ];
    let out = fx.satz().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = redact(&fx, &String::from_utf8(out.stderr).unwrap());
    snap(
        "align_batch_failed_pair",
        &command_line(&args),
        &format!("exit: 1\n{stderr}"),
    );
}

// suggest, analyze, concordance

#[test]
fn suggest_json() {
    let fx = example();
    snap_ok(
        &fx,
        "suggest_json",
        &["suggest", "kim-putin-followup.de.txt", "--format", "json"],
    );
}

#[test]
fn suggest_md() {
    let fx = example();
    snap_ok(
        &fx,
        "suggest_md",
        &["suggest", "kim-putin-followup.de.txt", "--format", "md"],
    );
}

/// Two files: the second repeats sentences of the first, and a total.
const ANALYZE: [&str; 3] = ["analyze", "kim-putin-followup.de.txt", "kim-putin.de.txt"];

#[test]
fn analyze_json() {
    let fx = example();
    snap_ok(
        &fx,
        "analyze_json",
        &[&ANALYZE[..], &["--format", "json"]].concat(),
    );
}

#[test]
fn analyze_csv() {
    let fx = example();
    snap_ok(
        &fx,
        "analyze_csv",
        &[&ANALYZE[..], &["--format", "csv"]].concat(),
    );
}

#[test]
fn concordance_json_de() {
    let fx = example();
    snap_ok(
        &fx,
        "concordance_json_de",
        &["concordance", "koreanische Halbinsel", "--format", "json"],
    );
}

#[test]
fn concordance_json_en() {
    let fx = example();
    snap_ok(
        &fx,
        "concordance_json_en",
        &[
            "concordance",
            "--lang",
            "en",
            "cannon fodder",
            "--format",
            "json",
        ],
    );
}

// check

/// The first eight sentences of the example with planted errors in the
/// English: a forbidden term, an untranslated sentence, a double space, a
/// changed number and a missing term (`check.de.txt`, `check.en.txt`).
fn planted(fx: &Fixture) {
    sentences(fx, "kim-putin.de.txt", "de", 0..8, "check.de.txt");
    sentences(fx, "kim-putin.en.txt", "en", 0..8, "clean.en.txt");
    let clean = fx.read("clean.en.txt");
    let mut lines: Vec<String> = clean.lines().map(str::to_owned).collect();
    let german = fx.read("check.de.txt");
    let edits: [(usize, &str, &str); 4] = [
        (1, "cannon fodder", "cannon feed"),
        (5, "In doing so, they", "In doing so,  they"),
        (6, "1,500", "1,800"),
        (7, "whom the dictatorship allows", "whom the regime lets"),
    ];
    for (i, from, to) in edits {
        assert!(lines[i].contains(from), "{}", lines[i]);
        lines[i] = lines[i].replace(from, to);
    }
    lines[2] = german.lines().nth(2).unwrap().to_owned();
    fx.write("check.en.txt", lines.join("\n") + "\n");
}

#[test]
fn check_json() {
    let fx = example();
    planted(&fx);
    let args = [
        "check",
        "check.de.txt",
        "check.en.txt",
        "--segmented",
        "--format",
        "json",
    ];
    let out = run(&fx, &args, 1);
    snap("check_json", &command_line(&args), &out);
}

/// The planted errors as GitHub annotations (issue 16).
#[test]
fn check_github() {
    let fx = example();
    planted(&fx);
    let args = [
        "check",
        "check.de.txt",
        "check.en.txt",
        "--segmented",
        "--format",
        "github",
    ];
    let out = run(&fx, &args, 1);
    snap("check_github", &command_line(&args), &out);
}

/// The planted errors, saved into a memory of their own, as a JUnit report
/// (issue 16).
#[test]
fn check_junit() {
    let fx = example();
    planted(&fx);
    let save = [
        "--memory",
        "planted",
        "align",
        "check.de.txt",
        "check.en.txt",
        "--segmented",
        "--save",
        "news",
    ];
    ok(&fx, &save);
    let args = ["--memory", "planted", "check", "--format", "junit"];
    let out = run(&fx, &args, 1);
    snap("check_junit", &command_line(&args), &out);
}

// glossary

#[test]
fn glossary_list_json() {
    let fx = example();
    snap_ok(
        &fx,
        "glossary_list_json",
        &["glossary", "list", "--format", "json"],
    );
}

#[test]
fn glossary_list_tsv() {
    let fx = example();
    snap_ok(
        &fx,
        "glossary_list_tsv",
        &["glossary", "list", "--format", "tsv"],
    );
}

#[test]
fn glossary_export_tbx() {
    let fx = example();
    snap_ok(
        &fx,
        "glossary_export_tbx",
        &["glossary", "export", "--format", "tbx"],
    );
}

#[test]
fn glossary_export_tsv() {
    let fx = example();
    snap_ok(
        &fx,
        "glossary_export_tsv",
        &["glossary", "export", "--format", "tsv"],
    );
}

#[test]
fn glossary_export_csv() {
    let fx = example();
    snap_ok(
        &fx,
        "glossary_export_csv",
        &["glossary", "export", "--format", "csv"],
    );
}

// terms

#[test]
fn terms_md() {
    let fx = example();
    snap_ok(&fx, "terms_md", &["terms", "--format", "md"]);
}

#[test]
fn terms_csv() {
    let fx = example();
    snap_ok(&fx, "terms_csv", &["terms", "--format", "csv"]);
}

#[test]
fn terms_tbx() {
    let fx = example();
    snap_ok(&fx, "terms_tbx", &["terms", "--format", "tbx"]);
}

/// Long, but the page being self-contained (no external script, style or
/// font) is part of the contract.
#[test]
fn terms_html() {
    let fx = example();
    let page = ok(&fx, &["terms", "--format", "html"]);
    for outside in ["src=", "href=", "url(", "@import", "http:", "https:"] {
        assert!(
            !page.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    snap("terms_html", "satz terms --format html", &page);
}

// export

#[test]
fn export_tmx() {
    let fx = example();
    snap_ok(&fx, "export_tmx", &["export", "--format", "tmx"]);
}

#[test]
fn export_tsv() {
    let fx = example();
    snap_ok(&fx, "export_tsv", &["export", "--format", "tsv"]);
}

#[test]
fn export_csv() {
    let fx = example();
    snap_ok(&fx, "export_csv", &["export", "--format", "csv"]);
}

// errors: exit code and stderr

#[test]
fn error_unknown_format() {
    let fx = align_slice();
    snap_fail(
        &fx,
        "error_unknown_format",
        &["align", "slice.de.txt", "slice.en.txt", "--format", "xml"],
    );
}

#[test]
fn error_unknown_option() {
    let fx = align_slice();
    snap_fail(
        &fx,
        "error_unknown_option",
        &["align", "slice.de.txt", "slice.en.txt", "--frobnicate"],
    );
}

#[test]
fn error_batch_manifest_line() {
    let fx = align_batch();
    fx.write(
        "pairs.tsv",
        "slice.de.txt\tslice.en.txt\nstart.de.txt start.en.txt\n",
    );
    snap_fail(
        &fx,
        "error_batch_manifest_line",
        &["align", "--batch", "pairs.tsv"],
    );
}

#[test]
fn error_batch_html() {
    let fx = align_batch();
    snap_fail(
        &fx,
        "error_batch_html",
        &["align", "--batch", "pairs.tsv", "--format", "html"],
    );
}

#[test]
fn error_missing_argument() {
    let fx = align_slice();
    snap_fail(&fx, "error_missing_argument", &["align", "slice.de.txt"]);
}

#[test]
fn error_missing_input_file() {
    let fx = example();
    snap_fail(
        &fx,
        "error_missing_input_file",
        &["suggest", "nope.de.txt", "--format", "json"],
    );
}

#[test]
fn error_malformed_tmx() {
    let fx = example();
    fx.write("broken.tmx", std::fs::read(fixture("broken.tmx")).unwrap());
    snap_fail(&fx, "error_malformed_tmx", &["import", "broken.tmx"]);
    assert_eq!(fx.memory_files(), ["kim-putin.tmx"], "nothing written");
}

#[test]
fn error_malformed_tmx_in_memory() {
    let fx = example();
    fx.write(
        "memory/broken.tmx",
        std::fs::read(fixture("broken.tmx")).unwrap(),
    );
    snap_fail(
        &fx,
        "error_malformed_tmx_in_memory",
        &["export", "--format", "tsv"],
    );
}

/// The shipped glossary with `from` replaced by `to` in the entry of
/// Kanonenfutter (the line numbers in the messages are the shipped file's).
fn broken_glossary(from: &str, to: &str) -> Fixture {
    let fx = example();
    let text = fx.read("glossary.toml");
    let at = text.find("de = \"Kanonenfutter\"\n").unwrap();
    let end = at + text[at..].find("\n\n").unwrap();
    let entry = &text[at..end];
    assert!(entry.contains(from), "{from}");
    let entry = entry.replacen(from, to, 1);
    fx.write(
        "glossary.toml",
        format!("{}{entry}{}", &text[..at], &text[end..]),
    );
    fx
}

#[test]
fn error_glossary_unknown_key() {
    let fx = broken_glossary("pos = \"noun\"\n", "pos = \"noun\"\ncolour = \"red\"\n");
    snap_fail(
        &fx,
        "error_glossary_unknown_key",
        &["glossary", "list", "--format", "json"],
    );
}

#[test]
fn error_glossary_bad_value() {
    let fx = broken_glossary("status = \"preferred\"", "status = \"favourite\"");
    snap_fail(
        &fx,
        "error_glossary_bad_value",
        &["terms", "--format", "csv"],
    );
}

#[test]
fn error_glossary_wrong_type() {
    let fx = broken_glossary("en = [\"cannon fodder\"]", "en = 42");
    snap_fail(
        &fx,
        "error_glossary_wrong_type",
        &["glossary", "export", "--format", "tbx"],
    );
}

#[test]
fn error_glossary_toml_syntax() {
    let fx = broken_glossary("en = [\"cannon fodder\"]", "en = [\"cannon fodder\"");
    snap_fail(
        &fx,
        "error_glossary_toml_syntax",
        &["glossary", "list", "--format", "tsv"],
    );
}

#[test]
fn error_align_bad_dict_line() {
    let fx = align_slice();
    fx.write(
        "dict.tsv",
        "Goldesel\tcash cow\nSchulterschluss closing ranks\n",
    );
    snap_fail(
        &fx,
        "error_align_bad_dict_line",
        &[
            "align",
            "slice.de.txt",
            "slice.en.txt",
            "--segmented",
            "--dict",
            "dict.tsv",
            "--format",
            "beads",
        ],
    );
}

/// Latin-1 bytes (ü, ö) on the third line.
const LATIN1: &[u8] =
    b"Putin verliert sein Gesicht\n\nKim schickt Kanonenfutter. Gr\xfcsse aus Pj\xf6ngjang.\n";

#[test]
fn error_invalid_utf8_file() {
    let fx = example();
    fx.write("latin1.de.txt", LATIN1);
    snap_fail(
        &fx,
        "error_invalid_utf8_file",
        &["suggest", "latin1.de.txt", "--format", "json"],
    );
}

#[test]
fn error_invalid_utf8_stdin() {
    let fx = example();
    let args = ["segment", "-"];
    snap(
        "error_invalid_utf8_stdin",
        "satz segment - < latin1.de.txt",
        &fail(&fx, &args, Some(LATIN1)),
    );
}

#[test]
fn error_swapped_pair() {
    let fx = example();
    snap_fail(
        &fx,
        "error_swapped_pair",
        &[
            "align",
            "kim-putin.en.txt",
            "kim-putin.de.txt",
            "--save",
            "x",
        ],
    );
}

#[test]
fn error_wrong_language_save() {
    let fx = example();
    snap_fail(
        &fx,
        "error_wrong_language_save",
        &[
            "align",
            "kim-putin.de.txt",
            "kim-putin.de.txt",
            "--save",
            "x",
        ],
    );
}

#[test]
fn error_empty_input() {
    let fx = example();
    fx.write("empty.txt", " \n\n");
    snap_fail(
        &fx,
        "error_empty_input",
        &["check", "kim-putin.de.txt", "empty.txt"],
    );
}

#[test]
fn error_empty_memory() {
    let fx = example();
    snap_fail(&fx, "error_empty_memory", &["--memory", "nothing", "check"]);
}

#[test]
fn error_unknown_encoding() {
    let fx = example();
    snap_fail(
        &fx,
        "error_unknown_encoding",
        &["--encoding", "latin-9x", "segment", "kim-putin.de.txt"],
    );
}

/// The helper itself: what insta would ignore shows in the snapshot text.
#[test]
fn exact_spells_out_what_insta_ignores() {
    assert_eq!(exact("a\nb\n"), "a\nb");
    assert_eq!(exact("a\r\nb\n"), "a␍\nb");
    assert_eq!(exact("a"), "a\n⟨the output ends with \"\", not one \\n⟩");
    assert_eq!(
        exact("a \n\n"),
        "a\n⟨the output ends with \" \\n\\n\", not one \\n⟩"
    );
    assert_eq!(exact("\na\n"), "⟨the output starts with \"\\n\"⟩\na");
}
