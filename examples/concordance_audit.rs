//! Compound hits of `satz concordance` on real news text, for judging:
//! every search word of a file is looked up on the German side of
//! `$SATZ_SHARED_DATA/tm/tm.tsv` (one unit per line, as `satz import
//! tm.tsv` makes it; the memory's German vocabulary is the compound
//! lexicon), and every hit found only as a compound part is written as a
//! TSV row `word<TAB>line<TAB>form`: the search word, the 1-based line of
//! `tm.tsv`, and the compound word form of that line that holds it (one row
//! per distinct line and form; single words only, never sentences).
//!
//! ```sh
//! export SATZ_SHARED_DATA=/work/shared/data
//! # one search word per line (`#` comments and blank lines skipped; a
//! # line with a space is a phrase and skipped with a note)
//! cargo run --release --example concordance_audit -- WORDS.txt > hits.tsv
//! # also whole-word hits, marked in a fourth column (for tuning)
//! cargo run --release --example concordance_audit -- WORDS.txt --all
//! ```
//!
//! The time the searches took goes to stderr.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::collections::BTreeSet;
use std::io::Write;

use satz::tm::concordance::{Concordance, Lexicon, MatchKind};
use satz::tm::index::{Entry, Index};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(words_file) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: concordance_audit WORDS.txt [--all]  (needs SATZ_SHARED_DATA)");
        std::process::exit(2);
    };
    let all = args.iter().any(|a| a == "--all");
    let data = std::env::var("SATZ_SHARED_DATA").expect("SATZ_SHARED_DATA names the shared data");
    let tm = std::fs::read_to_string(std::path::Path::new(&data).join("tm/tm.tsv"))
        .expect("reading tm/tm.tsv");
    let entries: Vec<Entry> = tm
        .lines()
        .enumerate()
        .map(|(i, l)| Entry {
            source: l.split('\t').next().unwrap_or_default().to_owned(),
            target: l.split('\t').nth(1).unwrap_or_default().to_owned(),
            file: "tm.tsv".into(),
            line: u32::try_from(i + 1).unwrap(),
            ..Entry::default()
        })
        .collect();
    let index = Index::from_entries(&entries).unwrap();
    let view = index.view();
    let words = std::fs::read_to_string(words_file).expect("reading the word file");
    let started = std::time::Instant::now();
    let lexicon = Lexicon::of_memory(&view);
    let mut out = std::io::stdout().lock();
    let mut searches = 0usize;
    for w in words.lines().map(str::trim) {
        if w.is_empty() || w.starts_with('#') {
            continue;
        }
        if w.contains(char::is_whitespace) {
            eprintln!("skipped '{w}': one search word per line, no phrases");
            continue;
        }
        searches += 1;
        let mut rows = BTreeSet::new();
        for hit in Concordance::new(w, false).search_with(&view, &lexicon) {
            for (&(a, b), &kind) in hit.spans.iter().zip(&hit.kinds) {
                if kind == MatchKind::Compound || all {
                    rows.insert((hit.line, hit.source[a..b].to_owned(), kind));
                }
            }
        }
        for (line, form, kind) in rows {
            if all {
                let k = if kind == MatchKind::Word {
                    "word"
                } else {
                    "compound"
                };
                writeln!(out, "{w}\t{line}\t{form}\t{k}").unwrap();
            } else {
                writeln!(out, "{w}\t{line}\t{form}").unwrap();
            }
        }
    }
    eprintln!(
        "{searches} search word(s) over {} units in {:.2?}",
        view.units,
        started.elapsed()
    );
}
