//! Deletion trials: does a deleted sentence reach a reviewer? The figures of
//! BENCHMARKS.md ("Omissions and additions").
//!
//! ```sh
//! SATZ_SHARED_DATA=../shared/data cargo run --release --example deletion_trials [-- SEED]
//! ```
//!
//! Each trial deletes the translation of one stretch of text and asks
//! whether the sentences left without a counterpart (the orphans) are
//! caught: every orphan ends up in a link scoring below 0.5 **and**
//! `check`'s document checks report it as an `omission` (a German orphan)
//! or `addition` (an English one) whose span is that sentence. Alignment and
//! checks run as `satz align` and `satz check DE EN` run them (same
//! options, same functions).
//!
//! * Gold documents of the shared data (`align/sao-deen`, German-English;
//!   `align/textberg-defr`, German-French), read as `--segmented` reads
//!   them: a seeded random line of `gold.txt` that links sentences on both
//!   sides (not the first or the last line) loses one side, chosen at
//!   random; the other side's sentences are the orphans.
//! * The shipped example (`examples/kim-putin.{de,en}.txt`, raw text,
//!   segmented as `satz align` does, with the shipped glossary): every link
//!   of the translator's hand alignment (`tests/fixtures/kim-putin.hand.tsv`)
//!   whose German or English side is one sentence in a paragraph of two or
//!   more, except the first and last link, has that sentence cut from the
//!   raw text; the link's other side is the orphan. All such trials, on
//!   both sides.
//!
//! The trial documents measure the flags an omission brings along: a link
//! of a trial's alignment whose texts are those of a gold link with both
//! sides (a right link: the orphan has lost its counterpart, so its link
//! matches none, unless the gold repeats a text pair) that scores below 0.5
//! or names an omission or addition, while the same link of the intact
//! alignment does not, summed over the trials (the last column).
//!
//! `SATZ_TRIALS_SHOW=1` prints every missed orphan with the links around
//! it, and every falsely flagged link of the intact documents, to stderr.
//! `SATZ_TRIALS_LIST=FILE` writes every trial to FILE as a JSON line
//! ([`TrialRecord`]: what a reader needs to judge whether the cut really
//! left the orphan without a translation; see
//! `tests/fixtures/audit/trials_validity_pool.py`).
//!
//! The intact documents measure false alarms: a link identical to a gold
//! link with both sides (a right link, not one of the gold's own 1-0/0-1
//! links, which are real omissions) that scores below 0.5 or names an
//! omission or addition. The strict F1 of the intact alignments is printed
//! as well (the orphan marks never change the links).

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use rayon::prelude::*;

use satz::align::eval::{Bead, parse_gold, strict};
use satz::align::{AlignOptions, Granularity, Link, Sentence, align};
use satz::check::{AlignedLink, CheckOptions, Checker, Code};
use satz::glossary::Glossary;
use satz::segment::{Lang, Segmenter};
use satz::text::numbers::NumLang;

/// Seed of the trials in BENCHMARKS.md.
pub const DEFAULT_SEED: u64 = 2026;

type BoxError = Box<dyn std::error::Error>;

/// A gold set: folder under `align/`, document, translation file, its
/// language, number of trials.
type GoldDoc = (&'static str, &'static str, &'static str, NumLang, usize);

/// The gold documents and how many trials each gets (about one per five
/// gold links).
pub const GOLD_DOCS: [GoldDoc; 3] = [
    ("sao-deen", "KA_06_03", "en.txt", NumLang::En, 40),
    ("sao-deen", "KA_09_11_OCR", "en.txt", NumLang::En, 110),
    ("textberg-defr", "dev", "fr.txt", NumLang::Fr, 150),
];

/// The figures of one document (or of all).
#[derive(Debug, Default, Clone)]
pub struct Figures {
    /// Document name.
    pub name: String,
    /// Deletion trials.
    pub trials: usize,
    /// Trials whose orphans all scored below 0.5 and were reported by `check`.
    pub caught: usize,
    /// Trials whose orphans all ended in a link below 0.5 by the link's
    /// posterior alone (what `align` reported before omissions were looked
    /// for inside links; a 1-0/0-1 link always counts as below 0.5).
    pub low_by_posterior: usize,
    /// Right links with both sides in the intact alignment.
    pub right_links: usize,
    /// Right links scoring below 0.5 or naming an omission or addition.
    pub false_flags: usize,
    /// Right links below 0.5 by their posterior alone.
    pub false_by_posterior: usize,
    /// Links of the intact alignment.
    pub links: usize,
    /// Of them, links below 0.5 as `align` shows them now.
    pub low_links: usize,
    /// Of them, links below 0.5 by their posterior or with a side empty
    /// (as `align` showed them before omissions inside links).
    pub low_links_before: usize,
    /// Strict bead F1 of the intact alignment: (correct, predicted, gold).
    pub strict: (usize, usize, usize),
    /// Right links of the trial alignments: links with both sides whose
    /// texts are those of a gold link with both sides (the orphan's own link
    /// matches none, unless the gold repeats a text pair), summed over the
    /// trials.
    pub trial_right_links: usize,
    /// Of them, links below 0.5 or naming an omission or addition that the
    /// intact alignment does not flag: the flags the omission brings along.
    pub trial_collateral: usize,
    /// Every trial, for `SATZ_TRIALS_LIST` (see [`TrialRecord`]); the
    /// total row has none (its documents' rows have them).
    pub records: Vec<TrialRecord>,
}

/// One trial as `SATZ_TRIALS_LIST` lists it (a JSON line): what a reader
/// needs to judge whether the cut really left the orphans without a
/// translation (a gold link may pair the wrong lines).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TrialRecord {
    /// Document name.
    pub doc: String,
    /// The gold link cut (0-based line of `gold.txt`, of the hand
    /// alignment for the example).
    pub link: usize,
    /// Whether the German side was cut (the orphans are translations).
    pub cut_german: bool,
    /// Whether the trial was caught.
    pub caught: bool,
    /// The orphans' texts.
    pub orphans: Vec<String>,
    /// The cut side's sentences around the cut, as the trial has them:
    /// up to [`WINDOW`] before and after.
    pub window: Vec<String>,
}

/// Sentences of the cut side listed before and after the cut.
pub const WINDOW: usize = 4;

/// The sentences of `kept` up to [`WINDOW`] before and after position `at`.
fn window(kept: &[(String, usize)], at: usize) -> Vec<String> {
    kept.iter()
        .skip(at.saturating_sub(WINDOW))
        .take(at.min(WINDOW) + WINDOW)
        .map(|s| s.0.clone())
        .collect()
}

impl Figures {
    /// Share of trials caught.
    pub fn caught_rate(&self) -> f64 {
        self.caught as f64 / self.trials.max(1) as f64
    }

    /// Share of right links falsely flagged.
    pub fn false_rate(&self) -> f64 {
        self.false_flags as f64 / self.right_links.max(1) as f64
    }

    /// Strict F1 of the intact alignment.
    pub fn f1(&self) -> f64 {
        let (c, p, g) = self.strict;
        if c == 0 {
            return 0.0;
        }
        let (p, r) = (c as f64 / p as f64, c as f64 / g as f64);
        2.0 * p * r / (p + r)
    }

    fn add(&mut self, o: &Figures) {
        self.trials += o.trials;
        self.caught += o.caught;
        self.low_by_posterior += o.low_by_posterior;
        self.right_links += o.right_links;
        self.false_flags += o.false_flags;
        self.false_by_posterior += o.false_by_posterior;
        self.links += o.links;
        self.low_links += o.low_links;
        self.low_links_before += o.low_links_before;
        self.strict.0 += o.strict.0;
        self.strict.1 += o.strict.1;
        self.strict.2 += o.strict.2;
        self.trial_right_links += o.trial_right_links;
        self.trial_collateral += o.trial_collateral;
    }
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "| {} | {} | {} ({:.1}%) | {} ({:.1}%) | {} | {} ({:.2}%) | {} | {} → {} of {} | {:.3} | {} of {} ({:.2}%) |",
            self.name,
            self.trials,
            self.caught,
            100.0 * self.caught_rate(),
            self.low_by_posterior,
            100.0 * self.low_by_posterior as f64 / self.trials.max(1) as f64,
            self.right_links,
            self.false_flags,
            100.0 * self.false_rate(),
            self.false_by_posterior,
            self.low_links_before,
            self.low_links,
            self.links,
            self.f1(),
            self.trial_collateral,
            self.trial_right_links,
            100.0 * self.trial_collateral as f64 / self.trial_right_links.max(1) as f64
        )
    }
}

/// A document pair under test: sentences with paragraph numbers, the
/// aligner's options and a checker.
struct Pair<'g> {
    src: Vec<(String, usize)>,
    tgt: Vec<(String, usize)>,
    opts: AlignOptions,
    checker: Checker<'g>,
    /// The texts of the gold links with both sides.
    right: HashSet<(Vec<String>, Vec<String>)>,
    /// The texts of the right links the intact alignment flags.
    flagged_intact: HashSet<(Vec<String>, Vec<String>)>,
}

/// The texts of `idx` in `s`.
fn texts_of(s: &[(String, usize)], idx: &[usize]) -> Vec<String> {
    idx.iter()
        .filter_map(|&i| s.get(i).map(|x| x.0.clone()))
        .collect()
}

fn view(s: &[(String, usize)]) -> Vec<Sentence<'_>> {
    s.iter()
        .map(|(text, paragraph)| Sentence {
            text,
            paragraph: *paragraph,
        })
        .collect()
}

impl Pair<'_> {
    fn align(&self, src: &[(String, usize)], tgt: &[(String, usize)]) -> Vec<Link> {
        align(&view(src), &view(tgt), &self.opts)
    }

    /// Figures of the intact pair against `gold`; remembers the texts of
    /// `gold`'s links with both sides and of those the intact alignment
    /// flags, for the trials.
    fn intact(&mut self, gold: &[Bead], fig: &mut Figures) {
        self.right = gold
            .iter()
            .filter(|b| !b.source.is_empty() && !b.target.is_empty())
            .map(|b| {
                (
                    texts_of(&self.src, &b.source),
                    texts_of(&self.tgt, &b.target),
                )
            })
            .collect();
        let links = self.align(&self.src, &self.tgt);
        let pred: Vec<Bead> = links.iter().map(bead).collect();
        let st = strict(&pred, gold);
        fig.strict = (st.correct, st.predicted, st.gold);
        let right: HashSet<&Bead> = gold
            .iter()
            .filter(|b| !b.source.is_empty() && !b.target.is_empty())
            .collect();
        for (l, b) in links.iter().zip(&pred) {
            fig.links += 1;
            fig.low_links += usize::from(l.review_score() < 0.5);
            let one_sided = l.source.is_empty() || l.target.is_empty();
            fig.low_links_before += usize::from(one_sided || l.score < 0.5);
            if right.contains(b) {
                fig.right_links += 1;
                fig.false_flags += usize::from(l.review_score() < 0.5);
                if l.review_score() < 0.5 {
                    let texts = (
                        texts_of(&self.src, &l.source),
                        texts_of(&self.tgt, &l.target),
                    );
                    self.flagged_intact.insert(texts);
                    if showing() {
                        eprintln!("falsely flagged in {}:", fig.name);
                        show_link(l, (&self.src, &self.tgt), '>');
                    }
                }
                fig.false_by_posterior += usize::from(l.score < 0.5);
            }
        }
    }

    /// The trial of gold link `b` (number `k`) with one side cut
    /// (`cut_german`: the German), `kept` the cut side's sentences; its
    /// record names document `doc` and lists `kept` around `at`.
    fn cut_trial(
        &self,
        kept: &[(String, usize)],
        (k, b, cut_german): (usize, &Bead, bool),
        (doc, at): (&str, usize),
    ) -> (Outcome, TrialRecord) {
        let (outcome, orphans) = if cut_german {
            (
                self.trial(kept, &self.tgt, &b.target, false),
                texts_of(&self.tgt, &b.target),
            )
        } else {
            (
                self.trial(&self.src, kept, &b.source, true),
                texts_of(&self.src, &b.source),
            )
        };
        let record = TrialRecord {
            doc: doc.to_owned(),
            link: k,
            cut_german,
            caught: outcome.caught,
            orphans,
            window: window(kept, at),
        };
        (outcome, record)
    }

    /// One trial: `src` and `tgt` after the cut; `orphans` are sentences of
    /// the intact side (`orphans_in_source`: the German).
    fn trial(
        &self,
        src: &[(String, usize)],
        tgt: &[(String, usize)],
        orphans: &[usize],
        orphans_in_source: bool,
    ) -> Outcome {
        let links = self.align(src, tgt);
        let owned: Vec<(Vec<String>, Vec<String>)> = links
            .iter()
            .map(|l| (texts_of(src, &l.source), texts_of(tgt, &l.target)))
            .collect();
        let (mut right, mut collateral) = (0, 0);
        for (l, t) in links.iter().zip(&owned) {
            if !l.source.is_empty() && !l.target.is_empty() && self.right.contains(t) {
                right += 1;
                collateral +=
                    usize::from(l.review_score() < 0.5 && !self.flagged_intact.contains(t));
            }
        }
        let aligned: Vec<AlignedLink<'_>> = links
            .iter()
            .zip(&owned)
            .enumerate()
            .map(|(k, (l, (s, t)))| AlignedLink {
                id: (k + 1).to_string(),
                source: s.iter().map(String::as_str).collect(),
                target: t.iter().map(String::as_str).collect(),
                omitted: positions(&l.source, &l.omitted),
                added: positions(&l.target, &l.added),
            })
            .collect();
        let findings = self
            .checker
            .check_document(&aligned, &CheckOptions::default());
        let (mut all_low, mut all_caught) = (true, true);
        for &o in orphans {
            let Some((l, unit)) = links.iter().zip(&aligned).find(|(l, _)| {
                if orphans_in_source {
                    l.source.contains(&o)
                } else {
                    l.target.contains(&o)
                }
            }) else {
                all_low = false;
                all_caught = false;
                continue;
            };
            let side = if orphans_in_source {
                &l.source
            } else {
                &l.target
            };
            let one_sided = l.source.is_empty() || l.target.is_empty();
            all_low &= one_sided || l.score < 0.5;
            let (code, sentences) = if orphans_in_source {
                (Code::Omission, &unit.source)
            } else {
                (Code::Addition, &unit.target)
            };
            let span = span_of(sentences, side.iter().position(|&x| x == o).unwrap_or(0));
            let reported = findings.iter().any(|f| {
                f.code == code
                    && f.unit == unit.id
                    && if orphans_in_source {
                        f.source_spans.contains(&span)
                    } else {
                        f.target_spans.contains(&span)
                    }
            });
            let caught = l.review_score() < 0.5 && reported;
            if !caught && showing() {
                show_miss(&links, l, (src, tgt), (o, orphans_in_source));
            }
            all_caught &= caught;
        }
        Outcome {
            caught: all_caught,
            low_by_posterior: all_low,
            right,
            collateral,
        }
    }
}

/// Whether `SATZ_TRIALS_SHOW` asks for the misses and false flags (set,
/// and neither empty nor `0`).
fn showing() -> bool {
    std::env::var_os("SATZ_TRIALS_SHOW").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The sentences (text, paragraph) of both sides of a pair.
type Texts<'a> = (&'a [(String, usize)], &'a [(String, usize)]);

/// Prints a missed orphan's link and the links around it to stderr
/// (`SATZ_TRIALS_SHOW=1`): score, review score, named sentences, texts.
fn show_miss(
    links: &[Link],
    missed: &Link,
    (src, tgt): Texts<'_>,
    (orphan, in_source): (usize, bool),
) {
    let side = if in_source { "German" } else { "translated" };
    eprintln!("missed: {side} sentence {orphan}");
    let at = links
        .iter()
        .position(|x| std::ptr::eq(x, missed))
        .unwrap_or(0);
    for l in links.iter().skip(at.saturating_sub(2)).take(5) {
        let mark = if std::ptr::eq(l, missed) { '>' } else { ' ' };
        show_link(l, (src, tgt), mark);
    }
}

/// Prints one link to stderr: sentences, score, review score, named
/// sentences and the start of its texts.
fn show_link(l: &Link, (src, tgt): Texts<'_>, mark: char) {
    let text = |s: &[(String, usize)], idx: &[usize]| -> String {
        let joined: Vec<&str> = idx
            .iter()
            .filter_map(|&i| s.get(i).map(|x| x.0.as_str()))
            .collect();
        joined.join(" ‖ ").chars().take(90).collect()
    };
    eprintln!(
        "  {mark} {:?}-{:?} score {:.3} review {:.3} omitted {:?} added {:?}\n      {}\n      {}",
        l.source,
        l.target,
        l.score,
        l.review_score(),
        l.omitted,
        l.added,
        text(src, &l.source),
        text(tgt, &l.target)
    );
}

/// What became of one trial's orphans.
#[derive(Debug, Clone, Copy)]
struct Outcome {
    /// All below 0.5 and reported by `check`.
    caught: bool,
    /// All in links below 0.5 by the posterior alone.
    low_by_posterior: bool,
    /// Right links of the trial's alignment (see [`Figures::trial_right_links`]).
    right: usize,
    /// Of them, links flagged that the intact alignment does not flag.
    collateral: usize,
}

impl Figures {
    fn count(&mut self, outcomes: &[(Outcome, TrialRecord)]) {
        for (o, record) in outcomes {
            self.records.push(record.clone());
            self.trials += 1;
            self.caught += usize::from(o.caught);
            self.low_by_posterior += usize::from(o.low_by_posterior);
            self.trial_right_links += o.right;
            self.trial_collateral += o.collateral;
        }
    }
}

/// Byte span of sentence `k` in `sentences` joined by single spaces.
fn span_of(sentences: &[&str], k: usize) -> (usize, usize) {
    let start: usize = sentences.iter().take(k).map(|s| s.len() + 1).sum();
    (start, start + sentences.get(k).map_or(0, |s| s.len()))
}

fn positions(side: &[usize], which: &[usize]) -> Vec<usize> {
    which
        .iter()
        .filter_map(|w| side.iter().position(|i| i == w))
        .collect()
}

fn bead(l: &Link) -> Bead {
    Bead {
        source: l.source.clone(),
        target: l.target.clone(),
    }
}

/// SplitMix64: a small seeded generator, so the trials need no crate.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z % n.max(1) as u64) as usize
    }
}

/// The lines of a `--segmented` file, paragraphs numbered as `satz` does.
fn segmented(path: &Path) -> Result<Vec<(String, usize)>, BoxError> {
    let mut out = Vec::new();
    let mut para = 0;
    for line in satz::fsx::read_text(path)?.lines() {
        if line.trim().is_empty() {
            para += 1;
        } else {
            out.push((line.trim().to_owned(), para));
        }
    }
    Ok(out)
}

/// Trials on one gold document.
fn gold_doc(data: &Path, doc: &GoldDoc, rng: &mut Rng) -> Result<Figures, BoxError> {
    let (set, name, other, lang, n) = *doc;
    let dir = data.join("align").join(set).join(name);
    let empty = Glossary::default();
    let mut pair = Pair {
        src: segmented(&dir.join("de.txt"))?,
        tgt: segmented(&dir.join(other))?,
        opts: AlignOptions {
            target_lang: lang,
            granularity: Granularity::Auto,
            ..AlignOptions::default()
        },
        checker: Checker::new(&empty),
        right: HashSet::new(),
        flagged_intact: HashSet::new(),
    };
    let gold = parse_gold(&std::fs::read_to_string(dir.join("gold.txt"))?)?;
    let mut fig = Figures {
        name: format!("{set}/{name}"),
        ..Figures::default()
    };
    pair.intact(&gold, &mut fig);
    let candidates: Vec<(usize, &Bead)> = gold
        .iter()
        .enumerate()
        .filter(|(k, b)| {
            *k > 0 && k + 1 < gold.len() && !b.source.is_empty() && !b.target.is_empty()
        })
        .collect();
    // Drawn in order, run in parallel: the same trials on any machine.
    let drawn: Vec<((usize, &Bead), bool)> = (0..n)
        .filter_map(|_| {
            let b = candidates.get(rng.below(candidates.len()))?;
            Some((*b, rng.below(2) == 0))
        })
        .collect();
    let outcomes: Vec<(Outcome, TrialRecord)> = drawn
        .par_iter()
        .map(|&((k, b), cut_source)| {
            let (side, cut) = if cut_source {
                (&pair.src, &b.source)
            } else {
                (&pair.tgt, &b.target)
            };
            let kept: Vec<(String, usize)> = side
                .iter()
                .enumerate()
                .filter(|(i, _)| !cut.contains(i))
                .map(|(_, s)| s.clone())
                .collect();
            let at = cut.first().copied().unwrap_or(0);
            pair.cut_trial(&kept, (k, b, cut_source), (&fig.name, at))
        })
        .collect();
    fig.count(&outcomes);
    Ok(fig)
}

/// A segmented raw text: sentences with paragraphs and byte spans.
struct Raw {
    text: String,
    sentences: Vec<(String, usize, usize, usize)>,
}

impl Raw {
    fn new(text: String, lang: Lang) -> Raw {
        let sentences = Segmenter::new(lang)
            .split(&text)
            .iter()
            .map(|s| {
                (
                    satz::text::fold_whitespace(s.text(&text)),
                    s.paragraph,
                    s.start,
                    s.end,
                )
            })
            .collect();
        Raw { text, sentences }
    }

    fn plain(&self) -> Vec<(String, usize)> {
        self.sentences.iter().map(|s| (s.0.clone(), s.1)).collect()
    }

    /// The text without sentence `k` and the spaces after it (before it,
    /// at the end of a paragraph).
    fn without(&self, k: usize) -> Option<String> {
        let &(_, _, start, end) = self.sentences.get(k)?;
        let after = self.text.get(end..)?;
        let gap_after = after.len() - after.trim_start_matches(' ').len();
        let (start, end) = if gap_after > 0 {
            (start, end + gap_after)
        } else {
            let before = self.text.get(..start)?;
            (before.trim_end_matches(' ').len(), end)
        };
        Some(format!(
            "{}{}",
            self.text.get(..start)?,
            self.text.get(end..)?
        ))
    }

    /// The run of sentences from `from` whose joined text is `text`.
    fn find_run(&self, from: usize, text: &str) -> Option<(usize, usize)> {
        let want = satz::text::fold_whitespace(text);
        if want.is_empty() {
            return Some((from, 0));
        }
        for start in from..self.sentences.len() {
            let mut joined = String::new();
            for (len, s) in self.sentences.iter().skip(start).enumerate() {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(&s.0);
                if joined == want {
                    return Some((start, len + 1));
                }
                if joined.len() >= want.len() || !want.starts_with(&joined) {
                    break;
                }
            }
        }
        None
    }
}

/// Trials on the shipped example.
fn example(root: &Path) -> Result<Figures, BoxError> {
    let de = Raw::new(
        satz::fsx::read_text(&root.join("examples/kim-putin.de.txt"))?,
        Lang::De,
    );
    let en = Raw::new(
        satz::fsx::read_text(&root.join("examples/kim-putin.en.txt"))?,
        Lang::En,
    );
    let glossary = satz::glossary::load(&root.join("glossary.toml"))?;
    let dictionary = glossary
        .terms
        .iter()
        .flat_map(|t| t.en.iter().map(|e| (t.de.clone(), e.clone())))
        .collect();
    let mut pair = Pair {
        src: de.plain(),
        tgt: en.plain(),
        opts: AlignOptions {
            dictionary,
            granularity: Granularity::Sentence,
            ..AlignOptions::default()
        },
        checker: Checker::new(&glossary),
        right: HashSet::new(),
        flagged_intact: HashSet::new(),
    };
    let hand = std::fs::read_to_string(root.join("tests/fixtures/kim-putin.hand.tsv"))?;
    let mut gold = Vec::new();
    let (mut ps, mut pt) = (0, 0);
    for line in hand.lines() {
        let (a, b) = line.split_once('\t').ok_or("kim-putin.hand.tsv: no tab")?;
        let (ks, ls) = de
            .find_run(ps, a)
            .ok_or("kim-putin.hand.tsv: German not found")?;
        let (kt, lt) = en
            .find_run(pt, b)
            .ok_or("kim-putin.hand.tsv: English not found")?;
        gold.push(Bead {
            source: (ks..ks + ls).collect(),
            target: (kt..kt + lt).collect(),
        });
        (ps, pt) = (ks + ls, kt + lt);
    }
    let mut fig = Figures {
        name: "kim-putin (raw text)".to_owned(),
        ..Figures::default()
    };
    pair.intact(&gold, &mut fig);
    let mut cuts = Vec::new();
    for (k, b) in gold.iter().enumerate() {
        if k == 0 || k + 1 == gold.len() || b.source.is_empty() || b.target.is_empty() {
            continue;
        }
        for cut_source in [true, false] {
            let (raw, cut) = if cut_source {
                (&de, &b.source)
            } else {
                (&en, &b.target)
            };
            let [one] = cut.as_slice() else { continue };
            let Some(&(_, para, _, _)) = raw.sentences.get(*one) else {
                continue;
            };
            if raw.sentences.iter().filter(|s| s.1 == para).count() >= 2 {
                cuts.push((k, b, *one, cut_source));
            }
        }
    }
    let outcomes: Vec<Option<(Outcome, TrialRecord)>> = cuts
        .par_iter()
        .map(|&(k, b, one, cut_source)| {
            let (raw, lang) = if cut_source {
                (&de, Lang::De)
            } else {
                (&en, Lang::En)
            };
            let kept = Raw::new(raw.without(one)?, lang).plain();
            Some(pair.cut_trial(&kept, (k, b, cut_source), (&fig.name, one)))
        })
        .collect();
    let outcomes: Vec<(Outcome, TrialRecord)> =
        outcomes.into_iter().collect::<Option<_>>().ok_or("cut")?;
    fig.count(&outcomes);
    Ok(fig)
}

/// All trials: one row per document and the total (last).
pub fn run(data: &Path, root: &Path, seed: u64) -> Result<Vec<Figures>, BoxError> {
    let mut rng = Rng(seed);
    let mut rows = Vec::new();
    for doc in &GOLD_DOCS {
        rows.push(gold_doc(data, doc, &mut rng)?);
    }
    rows.push(example(root)?);
    let mut total = Figures {
        name: "all".to_owned(),
        ..Figures::default()
    };
    for r in &rows {
        total.add(r);
    }
    rows.push(total);
    Ok(rows)
}

#[allow(dead_code)]
fn main() -> Result<(), BoxError> {
    let Some(data) = std::env::var_os("SATZ_SHARED_DATA") else {
        return Err("set SATZ_SHARED_DATA to the shared data folder".into());
    };
    let seed = match std::env::args().nth(1) {
        Some(s) => s.parse()?,
        None => DEFAULT_SEED,
    };
    let rows = run(
        Path::new(&data),
        Path::new(env!("CARGO_MANIFEST_DIR")),
        seed,
    )?;
    if let Some(path) = std::env::var_os("SATZ_TRIALS_LIST") {
        let mut out = String::new();
        for r in &rows {
            for t in &r.records {
                out.push_str(&serde_json::to_string(t)?);
                out.push('\n');
            }
        }
        std::fs::write(path, out)?;
    }
    println!("seed {seed}");
    println!(
        "| document | trials | caught | orphans below 0.5 before | right links (intact) | falsely flagged | of them below 0.5 before | all links below 0.5, before → after | strict F1 | right links of the trials flagged |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for r in rows {
        println!("{r}");
    }
    Ok(())
}
