//! The `check` audit on real news translations: findings over
//! `$SATZ_SHARED_DATA/tm/tm.tsv`, seeded random samples of them to judge by
//! reading, and the precision those judgments give
//! (`tests/fixtures/audit/README.md` says how the audit is run).
//!
//! ```sh
//! export SATZ_SHARED_DATA=../shared/data
//! # every finding, one per line: tm_line, code, severity, message
//! cargo run --release --example check_audit -- findings [--glossary FILE]
//! # a sample to judge: error findings with no glossary, error findings only
//! # the news glossary adds, warnings; lines of earlier samples excluded
//! cargo run --release --example check_audit -- sample --seed 1 \
//!     --errors 90 --term-errors 60 --warnings 50 \
//!     --glossary tests/fixtures/audit/news-glossary.toml [--exclude JUDGED.tsv]...
//! # what the current binary says on the lines of a judged sample (for
//! # tuning: the judged error findings still errors, now warnings, gone)
//! cargo run --release --example check_audit -- rejudge JUDGED.tsv \
//!     --glossary tests/fixtures/audit/news-glossary.toml
//! # the held-out census: every error finding (and a seeded sample of
//! # warnings) on data no rule was tuned on: the tm.tsv lines no judged
//! # sample names, queries_unseen.tsv (newstest2015) and the 1-1 beads of
//! # the SAO alignment gold
//! cargo run --release --example check_audit -- heldout --seed 7 --warnings 30 \
//!     --glossary tests/fixtures/audit/news-glossary.toml --exclude JUDGED.tsv...
//! # precision per code from judged samples, and the estimated false errors
//! cargo run --release --example check_audit -- score JUDGED.tsv \
//!     --glossary tests/fixtures/audit/news-glossary.toml
//! ```
//!
//! The pairs are checked as `satz check` checks a memory made by
//! `satz import tm.tsv`: every line one unit, the consistency checks across
//! all of them; the unit id is the 1-based line number of `tm.tsv`. A
//! sample is the findings ordered by a seeded hash of `(line, code)` (the
//! same order on every machine), at most one finding per line, so that
//! judgments name a line and a code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use satz::check::{CheckOptions, Checker, Code, Finding, Pair, Severity};
use satz::glossary::Glossary;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        usage();
    };
    let opts = Opts::parse(&args[1..]);
    match cmd.as_str() {
        "findings" => findings(&opts),
        "sample" => sample(&opts),
        "score" => score(&opts),
        "rejudge" => rejudge(&opts),
        "heldout" => heldout(&opts),
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!("usage: check_audit findings|sample|score [options]; see the file's docs");
    std::process::exit(2);
}

#[derive(Default)]
struct Opts {
    glossary: Option<PathBuf>,
    seed: u64,
    errors: usize,
    term_errors: usize,
    warnings: usize,
    exclude: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Opts {
    fn parse(args: &[String]) -> Opts {
        let mut o = Opts::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut val = || it.next().cloned().unwrap_or_else(|| usage());
            match a.as_str() {
                "--glossary" => o.glossary = Some(val().into()),
                "--seed" => o.seed = val().parse().unwrap(),
                "--errors" => o.errors = val().parse().unwrap(),
                "--term-errors" => o.term_errors = val().parse().unwrap(),
                "--warnings" => o.warnings = val().parse().unwrap(),
                "--exclude" => o.exclude.push(val().into()),
                f if !f.starts_with("--") => o.files.push(f.into()),
                _ => usage(),
            }
        }
        o
    }
}

/// The lines of `tm.tsv`: (German, English), index 0 is line 1.
fn tm() -> Vec<(String, String)> {
    let dir = std::env::var_os("SATZ_SHARED_DATA").unwrap_or_else(|| {
        eprintln!("check_audit: set SATZ_SHARED_DATA to the shared data folder");
        std::process::exit(2);
    });
    let path = Path::new(&dir).join("tm/tm.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .map(|l| {
            let (de, en) = l.split_once('\t').unwrap();
            (de.to_owned(), en.to_owned())
        })
        .collect()
}

fn load_glossary(path: Option<&Path>) -> Glossary {
    path.map_or_else(Glossary::default, |p| satz::glossary::load(p).unwrap())
}

/// Every finding over the whole TM with `glossary`.
fn run(tm: &[(String, String)], glossary: &Glossary) -> Vec<Finding> {
    let pairs: Vec<Pair<'_>> = tm
        .iter()
        .enumerate()
        .map(|(i, (de, en))| Pair::new((i + 1).to_string(), de, en))
        .collect();
    Checker::new(glossary).check(&pairs, &CheckOptions::default())
}

fn line_of(f: &Finding) -> usize {
    f.unit.parse().unwrap()
}

fn findings(opts: &Opts) {
    let tm = tm();
    let glossary = load_glossary(opts.glossary.as_deref());
    let found = run(&tm, &glossary);
    for f in &found {
        println!(
            "{}\t{}\t{}\t{}",
            f.unit,
            f.code,
            f.severity.as_str(),
            f.message.replace(['\t', '\n'], " ")
        );
    }
    let units = |s: Severity| {
        found
            .iter()
            .filter(|f| f.severity == s)
            .map(|f| f.unit.as_str())
            .collect::<HashSet<_>>()
            .len()
    };
    eprintln!(
        "{} units: {} with an error ({:.2}%), {} with a warning",
        tm.len(),
        units(Severity::Error),
        100.0 * units(Severity::Error) as f64 / tm.len() as f64,
        units(Severity::Warning)
    );
}

/// Lines named in the first column of judged files.
fn excluded_lines(files: &[PathBuf]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for f in files {
        for row in judged_rows(f) {
            if let Ok(n) = row.line.parse() {
                out.insert(n);
            }
        }
    }
    out
}

fn sample(opts: &Opts) {
    let tm = tm();
    let none = run(&tm, &Glossary::default());
    let news = opts
        .glossary
        .as_deref()
        .map(|p| run(&tm, &load_glossary(Some(p))))
        .unwrap_or_default();
    let mut taken = excluded_lines(&opts.exclude);
    let key = |f: &Finding| {
        let k = format!("{}\t{}", f.unit, f.code);
        xxhash_rust::xxh3::xxh3_64_with_seed(k.as_bytes(), opts.seed)
    };
    let none_keys: HashSet<(String, Code)> =
        none.iter().map(|f| (f.unit.clone(), f.code)).collect();
    let mut draw = |pool: Vec<&Finding>, n: usize, setting: &str| {
        let mut pool = pool;
        pool.sort_by_key(|f| (key(f), f.unit.clone(), f.code));
        let mut got = 0;
        for f in pool {
            if got == n {
                break;
            }
            if taken.insert(line_of(f)) {
                println!(
                    "{}\t{setting}\t{}\t{}\t\t\t{}",
                    f.unit,
                    f.code,
                    f.severity.as_str(),
                    f.message.replace(['\t', '\n'], " ")
                );
                got += 1;
            }
        }
        if got < n {
            eprintln!("check_audit: only {got} of {n} {setting} findings to draw");
        }
    };
    println!("tm_line\tglossary\tcode\tseverity\tverdict\tpattern\treason");
    draw(errors(&none), opts.errors, "none");
    let term_only: Vec<&Finding> = errors(&news)
        .into_iter()
        .filter(|f| !none_keys.contains(&(f.unit.clone(), f.code)))
        .collect();
    draw(term_only, opts.term_errors, "news");
    let warnings: Vec<&Finding> = news
        .iter()
        .chain(if news.is_empty() {
            none.iter()
        } else {
            [].iter()
        })
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    draw(warnings, opts.warnings, "news");
}

fn errors(list: &[Finding]) -> Vec<&Finding> {
    list.iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

/// One judged finding.
struct Judged {
    /// A tm.tsv line number, or `u:ID` (queries_unseen.tsv) or
    /// `sao:DOC:BEAD` (the SAO alignment gold) for the held-out sets.
    line: String,
    glossary: String,
    code: String,
    severity: String,
    verdict: Verdict,
    pattern: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Real,
    False,
}

fn judged_rows(path: &Path) -> Vec<Judged> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(
                c.len() >= 6,
                "{}:{}: too few columns",
                path.display(),
                n + 1
            );
            let verdict = match c[4] {
                "real" => Verdict::Real,
                "false" => Verdict::False,
                v => panic!(
                    "{}:{}: verdict '{v}' is not real|false",
                    path.display(),
                    n + 1
                ),
            };
            Judged {
                line: c[0].to_owned(),
                glossary: c[1].to_owned(),
                code: c[2].to_owned(),
                severity: c[3].to_owned(),
                verdict,
                pattern: c[5].to_owned(),
            }
        })
        .collect()
}

/// Precision per (setting, code, severity) and the false-error estimate:
/// error-level units of the current binary times one minus the judged
/// error precision of the setting.
fn score(opts: &Opts) {
    let rows: Vec<Judged> = opts.files.iter().flat_map(|f| judged_rows(f)).collect();
    let mut per: BTreeMap<(String, String, String), (usize, usize)> = BTreeMap::new();
    let mut patterns: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        let e = per
            .entry((r.glossary.clone(), r.severity.clone(), r.code.clone()))
            .or_default();
        e.1 += 1;
        if r.verdict == Verdict::Real {
            e.0 += 1;
        } else {
            *patterns.entry(r.pattern.clone()).or_default() += 1;
        }
    }
    println!("| glossary | severity | code | judged | real | precision |");
    println!("|---|---|---|---|---|---|");
    for ((g, s, c), (real, n)) in &per {
        println!(
            "| {g} | {s} | `{c}` | {n} | {real} | {:.0}% |",
            100.0 * *real as f64 / *n as f64
        );
    }
    println!("\nfalse alarms by pattern:");
    let mut by: Vec<_> = patterns.into_iter().collect();
    by.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (p, n) in by {
        println!("  {n:4}  {p}");
    }
    let precision = |g: &str| {
        let (real, n) = rows
            .iter()
            .filter(|r| r.glossary == g && r.severity == "error")
            .fold((0, 0), |(a, b), r| {
                (a + usize::from(r.verdict == Verdict::Real), b + 1)
            });
        (real, n)
    };
    let tm = tm();
    let none = run(&tm, &Glossary::default());
    let error_units = |list: &[Finding]| {
        list.iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.unit.clone())
            .collect::<HashSet<_>>()
    };
    let none_units = error_units(&none);
    let (real, n) = precision("none");
    if n > 0 {
        let p = real as f64 / n as f64;
        println!(
            "\nno glossary: {} of {} units with an error ({:.2}%); judged precision {real}/{n} = {:.1}%; \
             estimated false errors {:.0} units ({:.2}%)",
            none_units.len(),
            tm.len(),
            100.0 * none_units.len() as f64 / tm.len() as f64,
            100.0 * p,
            none_units.len() as f64 * (1.0 - p),
            100.0 * none_units.len() as f64 * (1.0 - p) / tm.len() as f64
        );
    }
    if let Some(g) = opts.glossary.as_deref() {
        let news = run(&tm, &load_glossary(Some(g)));
        let news_units = error_units(&news);
        let added = news_units.difference(&none_units).count();
        let (treal, tn) = precision("news");
        if tn > 0 && n > 0 {
            // The news setting's errors: those without a glossary (judged in
            // the "none" stratum) plus the units only the glossary adds.
            let p_none = real as f64 / n as f64;
            let p_terms = treal as f64 / tn as f64;
            let false_units =
                none_units.len() as f64 * (1.0 - p_none) + added as f64 * (1.0 - p_terms);
            let total = news_units.len() as f64;
            println!(
                "news glossary: {} units with an error ({:.2}%), {added} only through terms; \
                 term-error precision {treal}/{tn} = {:.1}%; overall precision {:.1}%; \
                 estimated false errors {:.0} units ({:.2}%)",
                news_units.len(),
                100.0 * total / tm.len() as f64,
                100.0 * p_terms,
                100.0 * (1.0 - false_units / total.max(1.0)),
                false_units,
                100.0 * false_units / tm.len() as f64
            );
        }
    }
}

/// For each judged error finding: what the current binary reports on that
/// line now (the same code family at error level, a warning, or nothing),
/// and the precision the judged findings still at error level give.
fn rejudge(opts: &Opts) {
    let rows: Vec<Judged> = opts.files.iter().flat_map(|f| judged_rows(f)).collect();
    let tm = tm();
    let mut none = run(&tm, &Glossary::default());
    let mut news = opts
        .glossary
        .as_deref()
        .map(|p| run(&tm, &load_glossary(Some(p))))
        .unwrap_or_default();
    // Held-out units (`u:`, `sao:`) are checked in their own sets.
    if rows.iter().any(|r| r.line.parse::<usize>().is_err()) {
        for (_, units) in heldout_sets(&BTreeSet::new()) {
            if units.first().is_some_and(|u| u.0.parse::<usize>().is_ok()) {
                continue;
            }
            let pairs: Vec<Pair<'_>> = units
                .iter()
                .map(|(id, de, en)| Pair::new(id.clone(), de, en))
                .collect();
            let opts_check = CheckOptions::default();
            none.extend(Checker::new(&Glossary::default()).check(&pairs, &opts_check));
            if let Some(p) = opts.glossary.as_deref() {
                news.extend(Checker::new(&load_glossary(Some(p))).check(&pairs, &opts_check));
            }
        }
    }
    let family = |code: &str| -> Vec<String> {
        match code {
            "number-mismatch" | "date-mismatch" => {
                ["number-mismatch", "date-mismatch", "number-format"]
                    .map(String::from)
                    .to_vec()
            }
            c => vec![c.to_owned()],
        }
    };
    let mut tally: BTreeMap<(String, &str, &str), usize> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.severity == "error") {
        let found = if r.glossary == "news" { &news } else { &none };
        let line = r.line.clone();
        let fam = family(&r.code);
        let now: Vec<&Finding> = found
            .iter()
            .filter(|f| f.unit == line && fam.iter().any(|c| c == f.code.as_str()))
            .collect();
        let state = if now.iter().any(|f| f.severity == Severity::Error) {
            "error"
        } else if now.is_empty() {
            "gone"
        } else {
            "warning"
        };
        let verdict = if r.verdict == Verdict::Real {
            "real"
        } else {
            "false"
        };
        *tally.entry((r.code.clone(), verdict, state)).or_default() += 1;
        println!(
            "{}\t{}\t{}\t{verdict}\t{}\t{state}\t{}",
            r.line,
            r.glossary,
            r.code,
            r.pattern,
            now.iter()
                .map(|f| format!(
                    "{} {}: {} [{}]",
                    f.code,
                    f.severity.as_str(),
                    f.message,
                    f.evidence
                ))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    eprintln!("code\tverdict\tnow\tcount");
    for ((code, verdict, state), n) in &tally {
        eprintln!("{code}\t{verdict}\t{state}\t{n}");
    }
    let kept = |v: &str| {
        tally
            .iter()
            .filter(|((_, verdict, state), _)| *verdict == v && *state == "error")
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    let (real, falsely) = (kept("real"), kept("false"));
    eprintln!(
        "judged errors still errors: {real} real, {falsely} false: precision on them {:.1}%",
        100.0 * real as f64 / (real + falsely).max(1) as f64
    );
}

/// The held-out pairs, as (id, German, English) per set: the tm.tsv lines
/// no judged file names, queries_unseen.tsv, and the SAO gold's 1-1 beads.
/// A unit of a held-out set: id, German, English.
type Unit = (String, String, String);

fn heldout_sets(exclude: &BTreeSet<usize>) -> Vec<(&'static str, Vec<Unit>)> {
    let dir = PathBuf::from(std::env::var_os("SATZ_SHARED_DATA").unwrap());
    let rest: Vec<Unit> = tm()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !exclude.contains(&(i + 1)))
        .map(|(i, (de, en))| ((i + 1).to_string(), de, en))
        .collect();
    let unseen_text = std::fs::read_to_string(dir.join("tm/queries_unseen.tsv")).unwrap();
    let unseen: Vec<Unit> = unseen_text
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (format!("u:{}", c[0]), c[1].to_owned(), c[4].to_owned())
        })
        .collect();
    let mut sao = Vec::new();
    for doc in ["KA_06_03", "KA_09_11_OCR"] {
        let d = dir.join("align/sao-deen").join(doc);
        let lines = |f: &str| -> Vec<String> {
            std::fs::read_to_string(d.join(f))
                .unwrap()
                .lines()
                .map(str::to_owned)
                .collect()
        };
        let (de, en) = (lines("de.txt"), lines("en.txt"));
        for (b, bead) in lines("gold.txt").iter().enumerate() {
            let (l, r) = bead.split_once(':').unwrap();
            let one = |s: &str| s.trim_matches(['[', ']']).trim().parse::<usize>().ok();
            if let (Some(i), Some(j)) = (one(l), one(r)) {
                sao.push((format!("sao:{doc}:{b}"), de[i].clone(), en[j].clone()));
            }
        }
    }
    vec![("tm-rest", rest), ("unseen", unseen), ("sao", sao)]
}

/// Every error finding of the held-out sets and a seeded sample of their
/// warnings (at most one finding per unit), in the judged-file layout.
fn heldout(opts: &Opts) {
    let exclude = excluded_lines(&opts.exclude);
    let glossary = load_glossary(opts.glossary.as_deref());
    println!("tm_line\tglossary\tcode\tseverity\tverdict\tpattern\treason");
    let setting = if opts.glossary.is_some() {
        "news"
    } else {
        "none"
    };
    let mut warnings: Vec<Finding> = Vec::new();
    for (name, units) in heldout_sets(&exclude) {
        let pairs: Vec<Pair<'_>> = units
            .iter()
            .map(|(id, de, en)| Pair::new(id.clone(), de, en))
            .collect();
        let found = Checker::new(&glossary).check(&pairs, &CheckOptions::default());
        let mut seen = BTreeSet::new();
        let errors: Vec<&Finding> = found
            .iter()
            .filter(|f| f.severity == Severity::Error && seen.insert(f.unit.clone()))
            .collect();
        eprintln!(
            "{name}: {} units, {} with an error",
            units.len(),
            errors.len()
        );
        for f in errors {
            println!(
                "{}\t{setting}\t{}\terror\t\t\t{}",
                f.unit,
                f.code,
                f.message.replace(['\t', '\n'], " ")
            );
        }
        warnings.extend(
            found
                .into_iter()
                .filter(|f| f.severity == Severity::Warning && !seen.contains(&f.unit)),
        );
    }
    warnings.sort_by_key(|f| {
        let k = format!("{}\t{}", f.unit, f.code);
        xxhash_rust::xxh3::xxh3_64_with_seed(k.as_bytes(), opts.seed)
    });
    let mut seen = BTreeSet::new();
    for f in warnings
        .iter()
        .filter(|f| seen.insert(f.unit.clone()))
        .take(opts.warnings)
    {
        println!(
            "{}\t{setting}\t{}\twarning\t\t\t{}",
            f.unit,
            f.code,
            f.message.replace(['\t', '\n'], " ")
        );
    }
}
