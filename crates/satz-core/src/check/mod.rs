//! QA checks over German–English segment pairs: [`check_pairs`].
//!
//! Every check produces the same [`Finding`], identified by a stable code
//! (see [`Code`]). Per-pair checks run on each [`Pair`]; the consistency
//! checks compare pairs with each other. A finding can be switched off for
//! all units ([`CheckOptions::ignore`]) or accepted for one unit
//! ([`CheckOptions::accepted`]).
//!
//! | code | severity | what |
//! |---|---|---|
//! | `untranslated` | error | target empty, or the same as the source |
//! | `term-missing` | error (warning for compound hits) | a glossary term in the source, none of its translations in the target |
//! | `term-forbidden` | error (warning when the term is not in the source) | a forbidden translation in the target |
//! | `term-deprecated` | warning | a deprecated entry's translation used for its term |
//! | `number-mismatch` | error | the numbers differ once formats are normalised |
//! | `unbalanced-brackets` | warning | `( ) [ ] { }` balanced in the source, not in the target |
//! | `unbalanced-quotes` | warning | quotes balanced in the source, not in the target |
//! | `doubled-word` | warning | "the the" in the target |
//! | `double-space` | warning | two spaces in the target, none in the source |
//! | `punctuation-end` | warning | the source ends with `?` or `!`, the target does not |
//! | `inconsistent-translation` | warning | the same source translated differently |
//! | `inconsistent-source` | warning | the same target from different sources |
//! | `omission` | error | in an aligned document, a German sentence with no translation |
//! | `addition` | error | in an aligned document, an English sentence with no German source |
//!
//! # Decisions
//!
//! * **An untranslated pair gets only `untranslated`** (and the consistency
//!   checks): when the target is empty or equal to the source, every other
//!   per-pair check would only repeat it.
//! * **`term-missing`** is decided per term, not per occurrence: the term
//!   is satisfied when any approved translation occurs anywhere in the
//!   target (English inflection and hyphen/space variants allowed). It is
//!   an error when the term was found as a word ([`HitKind::Exact`],
//!   [`HitKind::Form`], [`HitKind::Inflected`]) and only a warning when it
//!   was found solely as the head of a closed compound
//!   ([`HitKind::Compound`]: `Militärdiktatur`), because compounds are often
//!   and rightly translated by another word (`Militärdiktatur` = "junta").
//!   Entries with status `deprecated` are never required. When a forbidden
//!   translation of the term is present, `term-forbidden` is reported
//!   instead (one finding, not two).
//! * **`term-forbidden`** is an error when the term is in the source. A
//!   forbidden translation of a term that is *not* found in the source is
//!   still reported, as a warning, when it has at least two words (calques
//!   such as "golden donkey", "Kremlin chef", "attack war" are wrong
//!   anywhere, and their presence means the German was written in a way the
//!   matcher did not recognise), and not at all when it is a single word
//!   ("upgrade", "imprisonment", "devises", "checkmate" are ordinary English
//!   in other senses). A forbidden phrase overlapping an approved
//!   translation of a term that *is* in the source is never reported
//!   (another term's approved rendering wins).
//! * **`term-deprecated`** fires when the source contains a term whose
//!   status is `deprecated` and the target uses one of that entry's `en`
//!   renderings: the translator followed an outdated entry. A deprecated
//!   term in the source rendered otherwise is fine.
//! * **Numbers** follow [`crate::text::numbers::compare_quantities`]:
//!   multisets of values, formats normalised (Swiss `10'000`, German
//!   `10.000` and `5,5`, scales, ordinals and dates, times, fractions,
//!   ranges, decades, spelled numbers and ordinals but never articles).
//!
//! [`HitKind::Exact`]: crate::glossary::HitKind::Exact
//! [`HitKind::Form`]: crate::glossary::HitKind::Form
//! [`HitKind::Inflected`]: crate::glossary::HitKind::Inflected
//! [`HitKind::Compound`]: crate::glossary::HitKind::Compound

mod brackets;
pub mod changed;
mod code;
mod consistency;
mod date_format;
mod date_mismatch;
mod document;
mod double_space;
mod doubled_word;
mod fail_on;
mod inconsistent_source;
mod inconsistent_translation;
mod number_format;
mod number_mismatch;
mod omission;
mod punctuation_end;
mod quotes;
mod term_deprecated;
mod term_forbidden;
mod term_missing;
mod terms;
mod units;
mod untranslated;

#[cfg(test)]
mod news_tests;
#[cfg(test)]
mod stream_tests;
#[cfg(test)]
mod tests;

use rayon::prelude::*;
use serde::Serialize;

pub use document::AlignedLink;

use crate::glossary::{Glossary, RenderingHit, TermHit, TermMatcher, WordCache, WordCaches};
use crate::lang::LangPair;
use crate::langid::Language;
use crate::text::numbers::{DateOrder, NumLang, Side, compare_sides};

pub use code::{Code, UnknownCode};
pub use fail_on::{FailOn, FailPolicy};
pub use units::{Segments, Units};

/// The `<prop>` type on a TMX unit that accepts findings for that unit:
/// codes comma-separated, `*` for all.
pub const ACCEPT_PROP: &str = "x-satz-accept";

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Almost certainly wrong; serialises as `"error"`.
    Error,
    /// Worth a look; serialises as `"warning"`.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The unit's id ([`Pair::id`]).
    pub unit: String,
    /// The unit's source text.
    pub source: String,
    /// The unit's target text.
    pub target: String,
    /// What is wrong, for a translator.
    pub message: String,
    /// Byte spans in `source` the finding is about (char boundaries).
    pub source_spans: Vec<(usize, usize)>,
    /// Byte spans in `target` the finding is about (char boundaries).
    pub target_spans: Vec<(usize, usize)>,
    /// Why satz believes it, and why at this severity: the evidence a
    /// reviewer can check (`1968 and 1969 are both years in the same
    /// place`).
    pub evidence: String,
    /// The other units the finding involves ([`Pair::id`]s): for the
    /// consistency checks, the unit whose translation (or source) this one
    /// differs from. Empty for the per-pair checks. `check --changed` keeps
    /// a finding when its unit or one of these is new.
    pub related: Vec<String>,
}

impl Finding {
    /// The finding with its evidence (see [`Finding::evidence`]).
    pub fn because(mut self, evidence: impl Into<String>) -> Finding {
        self.evidence = evidence.into();
        self
    }

    /// The finding with another unit it involves (see [`Finding::related`]).
    pub fn involving(mut self, unit: impl Into<String>) -> Finding {
        self.related.push(unit.into());
        self
    }
}

/// A source segment and its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair<'a> {
    /// The unit id findings are reported under (and acceptances refer to).
    pub id: String,
    /// German text.
    pub source: &'a str,
    /// English text.
    pub target: &'a str,
}

impl<'a> Pair<'a> {
    /// A pair.
    pub fn new(id: impl Into<String>, source: &'a str, target: &'a str) -> Pair<'a> {
        Pair {
            id: id.into(),
            source,
            target,
        }
    }
}

/// What to leave out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Codes not reported at all.
    pub ignore: Vec<Code>,
    /// `(unit id, code)`: that finding is accepted for that unit and not
    /// reported; `None` accepts every finding of the unit (`*`). (The CLI
    /// reads these from `<prop type="x-satz-accept">code,code</prop>`.)
    pub accepted: Vec<(String, Option<Code>)>,
}

impl CheckOptions {
    fn drops(&self, f: &Finding) -> bool {
        self.ignore.contains(&f.code)
            || self
                .accepted
                .iter()
                .any(|(unit, code)| *unit == f.unit && code.is_none_or(|c| c == f.code))
    }
}

/// Units per chunk of [`Checker::check_each`].
pub const CHUNK: usize = 4096;

/// Runs every check on `pairs` with `glossary`: the per-pair checks on each
/// pair and the consistency checks across them. Findings come in pair
/// order, and within a pair in the order of [`Code::ALL`].
pub fn check_pairs(pairs: &[Pair<'_>], glossary: &Glossary, opts: &CheckOptions) -> Vec<Finding> {
    Checker::new(glossary).check(pairs, opts)
}

/// The checks with a glossary prepared once ([`TermMatcher`] built), for
/// callers that check several batches.
#[derive(Debug)]
pub struct Checker<'g> {
    glossary: &'g Glossary,
    matcher: TermMatcher,
    source_lang: NumLang,
    target_lang: NumLang,
    target_dates: DateOrder,
    source_language: Option<Language>,
    target_language: Option<Language>,
}

impl<'g> Checker<'g> {
    /// Prepares the checks for `glossary`, in the glossary's language pair.
    pub fn new(glossary: &'g Glossary) -> Checker<'g> {
        Checker::for_pair(glossary, &glossary.source_lang, &glossary.target_lang)
    }

    /// [`Checker::for_langs`] with the tags as written.
    pub fn for_pair(glossary: &'g Glossary, source_tag: &str, target_tag: &str) -> Checker<'g> {
        Checker::for_langs(glossary, &LangPair::new(source_tag, target_tag))
    }

    /// Prepares the checks for `glossary` in the language pair the user
    /// gave (`--source-lang`, `--target-lang`): numbers are read, dates
    /// ordered (`en-US` writes the month first) and languages identified
    /// by these tags.
    pub fn for_langs(glossary: &'g Glossary, pair: &LangPair) -> Checker<'g> {
        Checker {
            glossary,
            matcher: TermMatcher::new(glossary),
            source_lang: pair.source.numbers(),
            target_lang: pair.target.numbers(),
            target_dates: pair.target.date_order(),
            source_language: Language::of(&pair.source),
            target_language: Language::of(&pair.target),
        }
    }

    /// Same as [`check_pairs`].
    pub fn check(&self, pairs: &[Pair<'_>], opts: &CheckOptions) -> Vec<Finding> {
        let mut out = Vec::new();
        let streamed: Result<(), std::convert::Infallible> =
            self.check_each(pairs, opts, |_, findings| {
                out.extend(findings);
                Ok(())
            });
        match streamed {
            Ok(()) => out,
        }
    }

    /// [`Checker::check`] for units too many to hold all their findings:
    /// the units are checked [`CHUNK`] at a time (in parallel within a
    /// chunk) and each chunk's findings handed to `sink` with the chunk's
    /// range of units, in the order `check` returns them, whatever the
    /// thread count. The consistency checks read every unit first, keeping
    /// positions, not texts. `sink`'s error stops the run.
    pub fn check_each<E>(
        &self,
        units: &(impl Units + ?Sized),
        opts: &CheckOptions,
        mut sink: impl FnMut(std::ops::Range<usize>, Vec<Finding>) -> Result<(), E>,
    ) -> Result<(), E> {
        let translation = inconsistent_translation::check(units);
        let source = inconsistent_source::check(units);
        let (mut translation, mut source) =
            (translation.iter().peekable(), source.iter().peekable());
        let n = units.count();
        // Word caches lent to rayon's jobs and kept across chunks (a new
        // cache per job would start empty dozens of times a chunk).
        let caches = WordCaches::new();
        for start in (0..n).step_by(CHUNK) {
            let end = n.min(start + CHUNK);
            let mut per_unit: Vec<Vec<Finding>> = (start..end)
                .into_par_iter()
                .map_init(
                    || caches.take(),
                    |cache, i| self.check_pair_cached(&units.pair(i), cache),
                )
                .collect();
            for (i, list) in (start..end).zip(per_unit.iter_mut()) {
                if let Some((_, j)) = translation.next_if(|(u, _)| *u == i) {
                    list.push(inconsistent_translation::finding(
                        &units.pair(i),
                        &units.pair(*j),
                    ));
                }
                if let Some((_, j)) = source.next_if(|(u, _)| *u == i) {
                    list.push(inconsistent_source::finding(
                        &units.pair(i),
                        &units.pair(*j),
                    ));
                }
            }
            let findings = per_unit
                .into_iter()
                .flat_map(|mut list| {
                    // Codes are declared in the order the checks run.
                    list.sort_by_key(|f| f.code);
                    debug_assert!(
                        list.iter().all(|f| !f.evidence.is_empty()),
                        "a finding without evidence: {list:?}"
                    );
                    list
                })
                .filter(|f| !opts.drops(f))
                .collect();
            sink(start..end, findings)?;
        }
        Ok(())
    }

    /// The per-pair checks of one pair (no consistency checks, no options).
    pub fn check_pair(&self, pair: &Pair<'_>) -> Vec<Finding> {
        self.check_pair_cached(pair, &mut WordCache::new())
    }

    /// [`check_pair`](Self::check_pair), keeping what the glossary's
    /// matcher learnt about each German word in `cache` for the next pairs
    /// (the same findings; a memory repeats its words).
    pub fn check_pair_cached(&self, pair: &Pair<'_>, cache: &mut WordCache) -> Vec<Finding> {
        let ctx = Ctx {
            pair,
            glossary: self.glossary,
            hits: self.matcher.find_source_cached(pair.source, cache),
            renderings: self.matcher.find_renderings(pair.target),
            source_lang: self.source_lang,
            target_lang: self.target_lang,
            source_language: self.source_language,
            target_language: self.target_language,
        };
        let mut out = Vec::new();
        untranslated::check(&ctx, &mut out);
        if !out.is_empty() || pair.target.trim().is_empty() {
            return out;
        }
        let evidence = terms::evidence(&ctx);
        term_forbidden::check(&ctx, &evidence, &mut out);
        term_missing::check(&ctx, &evidence, &mut out);
        term_deprecated::check(&ctx, &evidence, &mut out);
        let quantities = compare_sides(
            Side {
                text: pair.source,
                lang: self.source_lang,
                order: DateOrder::DayFirst,
            },
            Side {
                text: pair.target,
                lang: self.target_lang,
                order: self.target_dates,
            },
        );
        number_mismatch::check(&ctx, &quantities, &mut out);
        date_mismatch::check(&ctx, &quantities, &mut out);
        number_format::check(&ctx, &quantities, &mut out);
        date_format::check(&ctx, &mut out);
        brackets::check(&ctx, &mut out);
        quotes::check(&ctx, &mut out);
        doubled_word::check(&ctx, &mut out);
        double_space::check(&ctx, &mut out);
        punctuation_end::check(&ctx, &mut out);
        out
    }
}

/// What the per-pair checks share.
pub(crate) struct Ctx<'a> {
    pair: &'a Pair<'a>,
    glossary: &'a Glossary,
    hits: Vec<TermHit>,
    renderings: Vec<RenderingHit>,
    source_lang: NumLang,
    target_lang: NumLang,
    source_language: Option<Language>,
    target_language: Option<Language>,
}

impl Ctx<'_> {
    /// A finding about this pair.
    fn finding(
        &self,
        code: Code,
        severity: Severity,
        message: String,
        source_spans: Vec<(usize, usize)>,
        target_spans: Vec<(usize, usize)>,
    ) -> Finding {
        finding(
            self.pair,
            code,
            severity,
            message,
            source_spans,
            target_spans,
        )
    }
}

/// A finding about `pair`.
fn finding(
    pair: &Pair<'_>,
    code: Code,
    severity: Severity,
    message: String,
    source_spans: Vec<(usize, usize)>,
    target_spans: Vec<(usize, usize)>,
) -> Finding {
    Finding {
        code,
        severity,
        unit: pair.id.clone(),
        source: pair.source.to_string(),
        target: pair.target.to_string(),
        message,
        source_spans,
        target_spans,
        evidence: String::new(),
        related: Vec::new(),
    }
}

/// The JSON object of [`to_json_line`], fields in output order.
#[derive(Serialize)]
struct JsonFinding<'a> {
    code: Code,
    severity: Severity,
    unit: &'a str,
    source: &'a str,
    target: &'a str,
    message: &'a str,
    evidence: &'a str,
}

/// One JSON object on one line (no trailing newline), exactly
/// `{"code":"…","severity":"error"|"warning","unit":"…","source":"…","target":"…","message":"…","evidence":"…"}`;
/// strings escaped by `serde_json` (so always one line). Spans are not
/// included.
pub fn to_json_line(f: &Finding) -> String {
    let row = JsonFinding {
        code: f.code,
        severity: f.severity,
        unit: &f.unit,
        source: &f.source,
        target: &f.target,
        message: &f.message,
        evidence: &f.evidence,
    };
    #[allow(
        clippy::expect_used,
        reason = "serialising borrowed strings and a unit enum cannot fail"
    )]
    let line = serde_json::to_string(&row).expect("a finding serialises");
    line
}

/// `text` shortened to at most `max` chars with `…`, for messages.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// `"a", "b" or "c"` for messages.
fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
