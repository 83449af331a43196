//! Issue 12, "nothing slips past a reviewer": one test per class of bad
//! input (empty, swapped, another language, undecodable, `--encoding`),
//! each asserting the exit code, the message and that `memory/` is
//! untouched when the command refused. The dev alignment documents given
//! in the wrong order are in the shared-data test at the end.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::{Fixture, fixture, shared_data};

/// A fixture with the example's glossary and memory and its German and
/// English article as `de.txt` and `en.txt`.
fn example() -> Fixture {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fx = Fixture::new();
    for (from, to) in [
        ("glossary.toml", "glossary.toml"),
        ("memory/kim-putin.tmx", "memory/kim-putin.tmx"),
        ("examples/kim-putin.de.txt", "de.txt"),
        ("examples/kim-putin.en.txt", "en.txt"),
    ] {
        fx.write(to, std::fs::read(root.join(from)).unwrap());
    }
    fx
}

/// Every file under `memory/` with its bytes.
fn memory(fx: &Fixture) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&fx.path("memory"), &mut out);
    out
}

/// Runs satz with `args`, asserts exit 2 with exactly `message` on stderr
/// (after `satz: `) and `memory/` unchanged.
#[track_caller]
fn refused(fx: &Fixture, args: &[&str], message: &str) {
    let before = memory(fx);
    fx.satz()
        .args(args)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!("satz: {message}\n"));
    assert!(memory(fx) == before, "satz {args:?} changed memory/");
}

/// Runs satz with `args`, asserts exit 0 and returns stderr.
#[track_caller]
fn accepted(fx: &Fixture, args: &[&str]) -> String {
    let out = fx.satz().args(args).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "satz {args:?}: {err}");
    err
}

const EMPTY: &str = "no text: the input is empty or holds only whitespace";

#[test]
fn an_input_without_text_is_refused_naming_it() {
    let fx = example();
    fx.write("empty.txt", "");
    fx.write("blank.txt", " \n\t\n\n");
    for f in ["empty.txt", "blank.txt"] {
        let msg = format!("{f}: {EMPTY}");
        refused(&fx, &["align", f, "en.txt"], &msg);
        refused(&fx, &["align", "de.txt", f, "--save", "x"], &msg);
        refused(&fx, &["align", "--segmented", f, f], &msg);
        refused(&fx, &["check", f, f], &msg);
        refused(&fx, &["check", "de.txt", f, "--format", "json"], &msg);
        refused(&fx, &["suggest", f], &msg);
        refused(&fx, &["suggest", "--segmented", f], &msg);
        refused(&fx, &["segment", f], &msg);
        refused(&fx, &["analyze", "de.txt", f], &msg);
    }
    // Standard input.
    for args in [["segment", "-"], ["suggest", "-"]] {
        fx.satz()
            .args(args)
            .write_stdin("\n \n")
            .assert()
            .code(2)
            .stderr(format!("satz: <stdin>: {EMPTY}\n"));
    }
    // Nothing in the index either: analyze read its inputs first.
    assert!(!fx.path("memory/.satz-index").exists());
}

#[test]
fn a_check_of_a_memory_without_units_is_refused() {
    let fx = example();
    refused(
        &fx,
        &["--memory", "none", "check"],
        "none: no units to check: the memory folder does not exist",
    );
    std::fs::create_dir(fx.path("bare")).unwrap();
    refused(
        &fx,
        &["--memory", "bare", "check"],
        "bare: no units to check: it holds no TMX file",
    );
    refused(
        &fx,
        &["--target-lang", "fr", "check"],
        "memory: no units to check: no unit of its 1 TMX file(s) holds both de and fr",
    );
    // Importing a TMX without units keeps its behaviour: nothing new, exit 0.
    fx.write(
        "none.tmx",
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"de\"/><body/></tmx>\n",
    );
    let err = accepted(&fx, &["import", "none.tmx"]);
    assert!(err.contains("none.tmx: nothing new"), "{err}");
}

#[test]
fn a_pair_given_in_the_wrong_order_is_refused() {
    let fx = example();
    let swapped = "en.txt: looks English, and de.txt looks German: the files seem to be \
                   swapped; the German text comes first (satz {cmd} de.txt en.txt), or \
                   --no-language-check skips this check";
    for args in [
        vec!["align", "en.txt", "de.txt"],
        vec!["align", "en.txt", "de.txt", "--save", "reversed"],
        vec!["align", "en.txt", "de.txt", "--format", "tmx"],
        vec!["check", "en.txt", "de.txt"],
    ] {
        refused(&fx, &args, &swapped.replace("{cmd}", args[0]));
    }
    // --segmented input too; and an English-German pair the other way round.
    fx.satz()
        .args(["--source-lang", "en", "--target-lang", "de", "align"])
        .args(["de.txt", "en.txt", "--segmented"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "satz: de.txt: looks German, and en.txt looks English: the files seem to be swapped; \
             the English text comes first (satz align en.txt de.txt)",
        ));
    // The right order passes without a word about languages.
    let err = accepted(&fx, &["align", "de.txt", "en.txt", "--format", "beads"]);
    assert!(!err.contains("looks"), "{err}");
    // --no-language-check overrides, at the user's risk.
    let err = accepted(
        &fx,
        &[
            "--no-language-check",
            "align",
            "en.txt",
            "de.txt",
            "--save",
            "x",
        ],
    );
    assert!(err.contains("link(s) added"), "{err}");
}

const FRENCH: &str = "La Corée du Nord envoie des soldats en Russie. Ils sont utilisés \
                      comme chair à canon, et beaucoup ne reviennent pas. Pour Kim Jong Un, \
                      c'est une source de devises et de technologie militaire.\n";

#[test]
fn a_text_in_another_language_is_a_warning_and_never_saved() {
    let fx = example();
    fx.write("fr.txt", FRENCH);
    fx.write("names.txt", "Kim Jong Un\n\nWladimir Putin\n");
    let err = accepted(&fx, &["align", "de.txt", "fr.txt", "--format", "beads"]);
    assert!(
        err.starts_with("warning: fr.txt: looks French, not English (--target-lang en)\n"),
        "{err}"
    );
    let out = fx
        .satz()
        .args(["check", "fr.txt", "en.txt", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "findings, not a refusal");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("warning: fr.txt: looks French, not German (--source-lang de)\n"),
        "{err}"
    );
    // --save stores nothing under the wrong language.
    refused(
        &fx,
        &["align", "de.txt", "fr.txt", "--save", "x"],
        "fr.txt: looks French, not English (--target-lang en): --save would store it in \
         memory under the wrong language (--no-language-check skips this check)",
    );
    refused(
        &fx,
        &["align", "de.txt", "de.txt", "--save", "x"],
        "de.txt: looks German, not English (--target-lang en): --save would store it in \
         memory under the wrong language (--no-language-check skips this check)",
    );
    // Single texts: a warning naming the option that sets the language.
    let err = accepted(&fx, &["suggest", "en.txt", "--format", "json"]);
    assert!(
        err.starts_with("warning: en.txt: looks English, not German (--source-lang de)\n"),
        "{err}"
    );
    // One sentence per line: judged from the words the look-ups split.
    let err = accepted(
        &fx,
        &["suggest", "--segmented", "en.txt", "--format", "json"],
    );
    assert!(
        err.contains("warning: en.txt: looks English, not German (--source-lang de)\n"),
        "{err}"
    );
    assert_eq!(
        accepted(
            &fx,
            &["suggest", "--segmented", "de.txt", "--format", "json"]
        ),
        ""
    );
    // A narrow no-break space (U+202F) is joined to the word beside it, but
    // trimming a line removes it: the whole text is judged, as without
    // --segmented (here `the` and `and` are parts of longer words: no
    // English function words and no warning either way).
    fx.write(
        "nnbsp.txt",
        "\u{202F}the\u{202F}\n\u{202F}and\u{202F}\n\u{202F}with\nof\u{202F}\nHund\n",
    );
    for args in [
        &["suggest", "nnbsp.txt", "--format", "json"][..],
        &["suggest", "nnbsp.txt", "--format", "json", "--segmented"][..],
    ] {
        assert_eq!(accepted(&fx, args), "", "{args:?}");
    }
    let err = accepted(&fx, &["analyze", "fr.txt", "--format", "csv"]);
    assert!(
        err.contains("warning: fr.txt: looks French, not German"),
        "{err}"
    );
    let err = accepted(&fx, &["segment", "en.txt"]);
    assert!(
        err.starts_with("warning: en.txt: looks English, not German (--lang de)\n"),
        "{err}"
    );
    assert_eq!(accepted(&fx, &["segment", "--lang", "en", "en.txt"]), "");
    // A target language satz cannot identify objects only to the source's.
    let err = accepted(&fx, &["--target-lang", "it", "align", "de.txt", "de.txt"]);
    assert!(
        err.contains(
            "warning: de.txt: looks German, the other language of the pair (--target-lang it)"
        ),
        "{err}"
    );
    // Unknown (names only) never objects; --no-language-check is silent.
    assert_eq!(accepted(&fx, &["segment", "names.txt"]), "");
    let err = accepted(&fx, &["--no-language-check", "suggest", "en.txt"]);
    assert!(!err.contains("looks"), "{err}");
    let err = accepted(
        &fx,
        &["--no-language-check", "suggest", "--segmented", "en.txt"],
    );
    assert!(!err.contains("looks"), "{err}");
}

#[test]
fn import_warns_when_content_disagrees_with_the_declared_languages() {
    let fx = example();
    let pairs = std::fs::read_to_string(fixture("pairs.tsv")).unwrap();
    let swapped: String = pairs
        .lines()
        .map(|l| match l.split_once('\t') {
            Some((de, en)) => format!("{en}\t{de}\n"),
            None => format!("{l}\n"),
        })
        .collect();
    fx.write("swapped.tsv", &swapped);
    let err = accepted(&fx, &["import", "swapped.tsv"]);
    assert!(
        err.starts_with(
            "warning: swapped.tsv: the de side of its 3 unit(s) looks English and the en side \
             German: the languages seem to be swapped (a TSV file holds de<TAB>en); imported \
             as the file declares them\n"
        ),
        "{err}"
    );
    let err = accepted(&fx, &["import", &fixture("pairs.tsv").to_string_lossy()]);
    assert!(!err.contains("looks"), "{err}");
    let err = accepted(
        &fx,
        &[
            "--no-language-check",
            "import",
            "swapped.tsv",
            "--name",
            "s2",
        ],
    );
    assert!(!err.contains("looks"), "{err}");
}

/// windows-1252 bytes: `ü` (0xFC) on line 2, column 5.
const CP1252: &[u8] = b"Kim Jong Un schickt Russland Kanonenfutter.\nDie Gr\xfcnde sind klar. \
Das ist f\xfcr Moskau ein gutes Gesch\xe4ft, und es kostet 5 \x80.\n";

#[test]
fn undecodable_input_is_refused_at_its_line_and_column() {
    let fx = example();
    fx.write("cp1252.txt", CP1252);
    let msg = "cp1252.txt:2:7: not valid UTF-8: byte 0xFC (ü in windows-1252: read the file \
               with --encoding windows-1252, or save it as UTF-8)";
    refused(&fx, &["align", "cp1252.txt", "en.txt", "--save", "x"], msg);
    refused(&fx, &["check", "cp1252.txt", "en.txt"], msg);
    refused(&fx, &["suggest", "cp1252.txt"], msg);
    refused(&fx, &["segment", "cp1252.txt"], msg);
    refused(&fx, &["analyze", "cp1252.txt"], msg);
    fx.write("cp1252.tsv", b"Haus\thouse\nDie Gr\xfcnde\tthe reasons\n");
    refused(
        &fx,
        &["import", "cp1252.tsv"],
        "cp1252.tsv:2:7: not valid UTF-8: byte 0xFC (ü in windows-1252: read the file with \
         --encoding windows-1252, or save it as UTF-8)",
    );
    // UTF-16 cut in the middle of a character: its line and column.
    let mut utf16 = crate::common::utf16("Das ist gut.\nNoch ein Satz.", true, true);
    utf16.extend_from_slice(&[0x3D, 0xD8]);
    fx.write("utf16.txt", utf16);
    fx.satz()
        .args(["segment", "utf16.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "satz: utf16.txt:2:15: not valid UTF-16LE",
        ));
}

#[test]
fn the_encoding_option_reads_legacy_files() {
    let fx = example();
    fx.write("cp1252.txt", CP1252);
    let out = fx
        .satz()
        .args(["--encoding", "windows-1252", "segment", "cp1252.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Kim Jong Un schickt Russland Kanonenfutter.\nDie Gründe sind klar.\n\
         Das ist für Moskau ein gutes Geschäft, und es kostet 5 €.\n"
    );
    // Latin-1 is read as windows-1252 (the WHATWG rule), case does not matter.
    fx.write("cp1252.tsv", b"Haus\thouse\nDie Gr\xfcnde\tthe reasons\n");
    accepted(&fx, &["--encoding", "Latin1", "import", "cp1252.tsv"]);
    assert!(fx.export_tsv().contains("Die Gründe\tthe reasons\n"));
    fx.write("cp1252.csv", b"de,en\nGr\xfc\xdfe,greetings\n");
    accepted(&fx, &["--encoding", "windows-1252", "import", "cp1252.csv"]);
    assert!(fx.export_tsv().contains("Grüße\tgreetings\n"));
    // The glossary's CSV/TSV import reads it too.
    fx.write("terms.csv", b"de,en\nSchl\xfcsselbegriff,key term\n");
    accepted(
        &fx,
        &[
            "--encoding",
            "windows-1252",
            "glossary",
            "import",
            "terms.csv",
        ],
    );
    assert!(fx.read("glossary.toml").contains("Schlüsselbegriff"));
    // A file that names its encoding keeps it: a UTF-8 byte-order mark wins.
    fx.write("bom.txt", "\u{feff}Die Gründe sind klar.\n");
    let out = fx
        .satz()
        .args(["--encoding", "windows-1252", "segment", "bom.txt"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Die Gründe sind klar.\n"
    );
    // An unknown name is a usage error listing examples; nothing is written.
    refused(
        &fx,
        &[
            "--encoding",
            "latin-9x",
            "import",
            "cp1252.tsv",
            "--name",
            "y",
        ],
        "--encoding: unknown encoding 'latin-9x'; names are those of the WHATWG Encoding \
         Standard, e.g. utf-8, windows-1252 (German Windows, Excel), iso-8859-1, \
         iso-8859-15, macintosh, utf-16le, utf-16be",
    );
}

/// Every dev document pair of the alignment gold data given in the wrong
/// order is refused, and no pair in the right order is (nor warned about).
#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn dev_document_pairs_in_the_wrong_order_are_refused() {
    let data = shared_data().join("align");
    let fx = Fixture::new();
    for (doc, other, target) in [
        ("sao-deen/KA_06_03", "en.txt", "en"),
        ("sao-deen/KA_09_11_OCR", "en.txt", "en"),
        ("textberg-defr/dev", "fr.txt", "fr"),
    ] {
        let de = data.join(doc).join("de.txt");
        let tr = data.join(doc).join(other);
        for command in ["align", "check"] {
            let run = |a: &Path, b: &Path| {
                fx.satz()
                    .args(["--target-lang", target, command, "--segmented"])
                    .arg(a)
                    .arg(b)
                    .args(["--format", "json"])
                    .output()
                    .unwrap()
            };
            let wrong = run(&tr, &de);
            let err = String::from_utf8_lossy(&wrong.stderr);
            assert_eq!(wrong.status.code(), Some(2), "{doc} {command}: {err}");
            assert!(
                err.contains("the files seem to be swapped; the German text comes first"),
                "{doc} {command}: {err}"
            );
            let right = run(&de, &tr);
            let err = String::from_utf8_lossy(&right.stderr);
            assert!(
                matches!(right.status.code(), Some(0 | 1)),
                "{doc} {command}: {err}"
            );
            assert!(!err.contains("looks"), "{doc} {command}: {err}");
        }
    }
}

/// A look-up that fails (a memory file that is no TMX) still says what
/// language the input is in, with and without `--segmented`.
#[test]
fn a_failed_look_up_still_warns_about_the_language() {
    let fx = example();
    fx.write("memory/bad.tmx", "no TMX <");
    for args in [
        &["suggest", "en.txt"][..],
        &["suggest", "--segmented", "en.txt"][..],
    ] {
        let out = fx.satz().args(args).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("warning: en.txt: looks English, not German (--source-lang de)\n"),
            "{args:?}: {err}"
        );
    }
}
