//! Human output fitted to the terminal (issue 15): the real binary inside
//! a pseudo-terminal (util-linux `script`, the window size set with `stty`)
//! at 80 and 120 columns, on a small memory, text and glossary of long
//! sentences (`tests/fixtures/wrap/`).
//!
//! Beyond the snapshot, each output is held against the same command run
//! off a terminal with `COLUMNS=1000`, where nothing needs wrapping:
//! no line is wider than the terminal (display width, escape codes
//! stripped); wrapping only moved words between lines (the same words in
//! the same order for the line-by-line commands; for tables, every word is
//! a word of the wide output, so a broken word shows as a fragment it does
//! not have); and every continuation line starts at its line's hanging
//! indent.

use std::path::Path;
use std::process::Command;

use textwrap::core::display_width;

use crate::common::Fixture;

/// The glossary, the memory (imported from `pairs.tsv`) and `text.de.txt`;
/// the shipped example article and its translation for `align`.
fn fixture() -> Fixture {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wrap");
    let fx = Fixture::new();
    for name in ["glossary.toml", "pairs.tsv", "text.de.txt"] {
        fx.write(name, std::fs::read(root.join(name)).unwrap());
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for name in ["kim-putin.de.txt", "kim-putin.en.txt"] {
        fx.write(name, std::fs::read(examples.join(name)).unwrap());
    }
    fx.satz()
        .args(["import", "pairs.tsv", "--name", "news"])
        .assert()
        .success();
    fx
}

/// `satz ARGS` in a pseudo-terminal `cols` wide, in colour; its stdout
/// (stderr goes to a file), `\r\n` read as `\n`.
fn in_pty(fx: &Fixture, cols: usize, args: &[&str]) -> String {
    pty_run(fx, cols, args, " 2>stderr.txt")
}

/// `satz ARGS` with `redirect` in a pseudo-terminal `cols` wide; what
/// reaches the terminal.
fn pty_run(fx: &Fixture, cols: usize, args: &[&str], redirect: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("satz");
    let mut line = format!("stty cols {cols} rows 500; exec '{}'", bin.display());
    for a in args {
        line.push_str(&format!(" '{a}'"));
    }
    line.push_str(redirect);
    let out = Command::new("script")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .current_dir(fx.dir.path())
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("SATZ_MEMORY")
        .env_remove("SATZ_GLOSSARY")
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux script runs");
    // 1: check found something.
    let code = out.status.code();
    assert!(matches!(code, Some(0 | 1)), "{}", fx.read("stderr.txt"));
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

/// `satz ARGS --format table` off a terminal with `COLUMNS` set, no colour.
fn off_terminal(fx: &Fixture, columns: Option<&str>, args: &[&str]) -> String {
    let mut cmd = fx.satz();
    cmd.args(args).args(["--format", "table"]);
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// `s` without CSI escape sequences (`ESC [ … final byte`).
fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // `[`, parameters, then the final byte in 0x40..=0x7e.
            chars.next();
            for d in chars.by_ref() {
                if ('\x40'..='\x7e').contains(&d) {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn words(s: &str) -> Vec<&str> {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect()
}

fn assert_fits(text: &str, cols: usize) {
    for line in text.lines() {
        assert!(
            display_width(line) <= cols,
            "wider than {cols}: {line:?}\n{text}"
        );
    }
}

/// The column a continuation of `line` starts at: after its marker (`3.`,
/// `→`, `de:`, `en:`, `term`, `98%`, `why:`, `error [code]`), else at its
/// own indent.
fn hanging_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let ws: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let first = ws.first().copied().unwrap_or_default();
    let marked = first.ends_with('.') && first[..first.len() - 1].parse::<u32>().is_ok()
        || first.ends_with('%')
        || ["→", "de:", "en:", "term", "why:"].contains(&first);
    let end_of = |w: &str| line.find(w).unwrap() + w.len() + 1;
    if marked {
        display_width(&line[..end_of(first)])
    } else if ["error", "warning"].contains(&first) && ws.get(1).is_some_and(|w| w.starts_with('['))
    {
        display_width(&line[..end_of(ws[1])])
    } else {
        lead
    }
}

/// `narrow` is `wide` with its lines wrapped: the same words in the same
/// order; each wide line became a first line that begins like it and
/// continuation lines at its hanging indent.
fn assert_wrapped_from(narrow: &str, wide: &str) {
    assert_eq!(words(narrow), words(wide), "wrapping changed the words");
    let mut lines = narrow.lines();
    for w in wide.lines() {
        let want = words(w).len();
        let first = lines.next().expect("as many lines");
        let head = first.trim_end();
        assert!(w.starts_with(head), "{first:?} does not begin {w:?}");
        let indent = hanging_indent(w);
        let mut got = words(first).len();
        while got < want {
            let next = lines.next().expect("the rest of the line");
            let lead = next.len() - next.trim_start().len();
            assert_eq!(lead, indent, "continuation {next:?} of {w:?}");
            got += words(next).len();
        }
        assert_eq!(got, want, "a line ends inside {w:?}");
    }
}

/// Every word of `narrow` is one of `wide` (a `;` that joins a stacked
/// record's lines aside) or the `…` of a cut example; box lines aside.
fn assert_words_whole(narrow: &str, wide: &str) {
    let vocabulary: std::collections::HashSet<&str> = words(wide).into_iter().collect();
    // Box lines are as long as the columns are wide.
    let drawing = |w: &str| w.chars().all(|c| ('\u{2500}'..='\u{257f}').contains(&c));
    for w in words(narrow).into_iter().filter(|w| !drawing(w)) {
        let known = vocabulary.contains(w) || vocabulary.contains(w.trim_end_matches(';'));
        assert!(
            known || w == "…",
            "{w:?} is not a word of the output\n{narrow}"
        );
    }
}

const LINE_COMMANDS: [(&str, &[&str]); 4] = [
    ("suggest", &["suggest", "text.de.txt"]),
    ("check", &["check"]),
    ("concordance", &["concordance", "Luftverkehrschaos"]),
    ("align", &["align", "kim-putin.de.txt", "kim-putin.en.txt"]),
];

#[test]
fn line_by_line_output_wraps_under_its_markers_in_a_terminal() {
    let fx = fixture();
    for (name, args) in LINE_COMMANDS {
        let wide = off_terminal(&fx, Some("1000"), args);
        for cols in [80, 120] {
            let raw = in_pty(&fx, cols, args);
            assert!(raw.contains('\x1b'), "{name}: no colour in a terminal");
            let text = strip(&raw);
            assert_fits(&text, cols);
            assert_wrapped_from(&text, &wide);
            insta::assert_snapshot!(format!("wrap_{name}_{cols}"), text);
        }
        // The test data has lines long enough to need wrapping at 120.
        assert!(wide.lines().any(|l| display_width(l) > 120), "{name}");
    }
}

#[test]
fn tables_fit_the_terminal_without_breaking_a_word() {
    let fx = fixture();
    let tables: [(&str, &[&str]); 3] = [
        ("terms", &["terms"]),
        ("glossary", &["glossary", "list"]),
        ("analyze", &["analyze", "text.de.txt", "pairs.tsv"]),
    ];
    for (name, args) in tables {
        let wide = off_terminal(&fx, Some("1000"), args);
        for cols in [80, 120] {
            let text = strip(&in_pty(&fx, cols, args));
            assert_fits(&text, cols);
            assert_words_whole(&text, &wide);
            insta::assert_snapshot!(format!("wrap_{name}_{cols}"), text);
        }
    }
}

#[test]
fn terms_stack_records_when_narrow_with_examples_cut_around_the_term() {
    let fx = fixture();
    let text = strip(&in_pty(&fx, 80, &["terms"]));
    // 8 terms: one record each, a few lines long.
    assert_eq!(text.matches("\n\n").count(), 8, "{text}");
    assert!(text.lines().count() < 70, "{text}");
    assert!(text.contains("…"), "no example was cut: {text}");
    // Under a label, continuations start at the value's column, those of an
    // example's English line after its arrow.
    let mut english = false;
    let mut previous = "";
    for line in text.lines() {
        let lead = line.len() - line.trim_start().len();
        // A record starts with its term, after a blank line.
        if lead == 0 && !line.is_empty() {
            assert!(previous.is_empty(), "{line:?} continues {previous:?}");
        }
        previous = line;
        if lead < 3 {
            english = false;
            continue;
        }
        let arrow = line.trim_start().starts_with('→');
        let want = if english && !arrow { 15 } else { 13 };
        assert_eq!(lead, want, "{line:?}\n{text}");
        english |= arrow;
    }
    // Each example keeps its term in view.
    for (term, line) in [
        ("Ausweichflughafen", "Example    …"),
        (
            "Luftverkehrschaos",
            "Example    Wegen des Luftverkehrschaos",
        ),
    ] {
        let record = text.split("\n\n").find(|r| r.starts_with(term)).unwrap();
        let example = record.lines().find(|l| l.contains("Example")).unwrap();
        assert!(example.contains(term), "{example}");
        assert!(
            example.trim_start().starts_with(line.trim_start()),
            "{example}"
        );
    }
    // Wide enough, the table has columns.
    let wide = off_terminal(&fx, Some("220"), &["terms"]);
    assert!(wide.starts_with('┌'), "{wide}");
    assert_fits(&wide, 220);
}

#[test]
fn columns_is_honoured_off_a_terminal_and_100_is_the_default() {
    let fx = fixture();
    let args = ["suggest", "text.de.txt"];
    let widest = |text: &str| text.lines().map(display_width).max().unwrap();
    let wide = off_terminal(&fx, Some("1000"), &args);
    assert!(widest(&wide) > 100, "the test needs long lines");
    let at_60 = off_terminal(&fx, Some("60"), &args);
    assert!(widest(&at_60) <= 60 && widest(&at_60) > 50, "{at_60}");
    assert_wrapped_from(&at_60, &wide);
    for columns in [None, Some("wide"), Some("0")] {
        let default = off_terminal(&fx, columns, &args);
        assert!(widest(&default) <= 100, "{default}");
        assert!(widest(&default) > 80, "{columns:?}: {default}");
    }
}

#[test]
fn a_report_wraps_on_a_terminal_and_stays_one_line_off_it() {
    let fx = fixture();
    let args = ["import", "pairs.tsv", "--name", "news"];
    let off = fx.satz().args(args).output().unwrap();
    let off = String::from_utf8(off.stderr).unwrap();
    assert_eq!(
        off,
        "pairs.tsv: nothing new for memory/news.tmx, 6 duplicates\n"
    );
    let on = pty_run(&fx, 30, &args, " >/dev/null");
    assert_eq!(
        on,
        "pairs.tsv: nothing new for\n  memory/news.tmx, 6\n  duplicates\n"
    );
}
