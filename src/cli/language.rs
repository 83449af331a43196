//! Which language the input texts are in, against the languages the
//! command line names (`--source-lang`, `--target-lang`, `segment --lang`),
//! judged by [`crate::langid`] on each whole text (`suggest --segmented`
//! adds up its lines' evidence as it splits them for the look-ups: the
//! same verdict, since no word spans a line break).
//!
//! * A pair of texts in the configured languages but given in the wrong
//!   order (`align EN DE`) is refused: every link would be reversed, and
//!   `--save` would store German as the translation of English.
//! * A text clearly in another language than expected is a warning, except
//!   with `align --save`, where it is refused: the memory would hold it
//!   under the wrong language.
//! * A text whose language is unknown (names, numbers, too few words) is
//!   never an objection.
//!
//! `--no-language-check` turns all of it off.

use std::path::Path;

use super::{Context, Global};
use crate::error::{Error, Location, Result, Warning};
use crate::lang::Lang;
use crate::langid::{Expected, Guess, Language, Scores, identify, judge_pair};
use crate::tm::LangPair;

/// One input text and the path that names it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file (`-` for stdin).
    pub path: &'a Path,
    /// Its text.
    pub text: &'a str,
}

/// What the pair check guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// The result is shown (align, check): a third language is a warning.
    Show,
    /// The result goes into memory (`align --save`): any mismatch is refused.
    Save,
}

/// Judges a source text and its translation for `command` (`align`,
/// `check`); an error when they are swapped (or, for [`Guard::Save`], when
/// either is clearly not its language), else warnings.
pub fn check_pair(
    ctx: &Context,
    command: &str,
    source: Input<'_>,
    target: Input<'_>,
    guard: Guard,
) -> Result<()> {
    let warnings = pair_warnings(&ctx.global, command, source, target, guard)?;
    ctx.warn_all(&warnings);
    Ok(())
}

/// [`check_pair`] with only the global options, returning the warnings
/// instead of printing them: for work spread over threads (`align
/// --batch`), which prints them afterwards in a fixed order.
pub fn pair_warnings(
    global: &Global,
    command: &str,
    source: Input<'_>,
    target: Input<'_>,
    guard: Guard,
) -> Result<Vec<Warning>> {
    if global.no_language_check {
        return Ok(Vec::new());
    }
    let (source_tag, target_tag) = (&global.source_lang, &global.target_lang);
    let pair = LangPair {
        source: source_tag.clone(),
        target: target_tag.clone(),
    };
    // Each text is read whole; the two at the same time.
    let (source_guess, target_guess) =
        rayon::join(|| identify(source.text), || identify(target.text));
    let verdict = judge_pair(&source_guess, &target_guess, &pair);
    if verdict.swapped
        && let (Some(s), Some(t)) = (verdict.source, verdict.target)
    {
        return Err(Error::input(
            Location::file(source.path),
            format!(
                "looks {s}, and {} looks {t}: the files seem to be swapped; the {t} text comes \
                 first (satz {command} {} {}), or --no-language-check skips this check",
                target.path.display(),
                target.path.display(),
                source.path.display(),
            ),
        ));
    }
    let mut warnings = Vec::new();
    for (input, found, tag, other, option) in [
        (
            source,
            verdict.source,
            source_tag,
            target_tag,
            "--source-lang",
        ),
        (
            target,
            verdict.target,
            target_tag,
            source_tag,
            "--target-lang",
        ),
    ] {
        let Some(found) = found else { continue };
        let what = mismatch(found, &Expected::new(tag, Some(other)), option, tag);
        if guard == Guard::Save {
            return Err(Error::input(
                Location::file(input.path),
                format!(
                    "{what}: --save would store it in memory under the wrong language \
                     (--no-language-check skips this check)"
                ),
            ));
        }
        warnings.push(Warning {
            location: Location::file(input.path),
            message: what,
        });
    }
    Ok(warnings)
}

/// Warns when a single text (`segment`, `suggest`, `analyze`) is clearly
/// not in the language `tag` that `option` names.
pub fn check_one(ctx: &Context, input: Input<'_>, tag: &Lang, option: &str) {
    if ctx.global.no_language_check {
        return;
    }
    judge_one(ctx, input.path, &identify(input.text), tag, option);
}

/// [`check_one`] on the evidence of the text at `path` gathered already
/// (the sum of its sentences' [`Scores`], which `suggest --segmented`
/// takes from the tokens it splits anyway).
pub fn check_one_scores(ctx: &Context, path: &Path, scores: &Scores, tag: &Lang, option: &str) {
    if ctx.global.no_language_check {
        return;
    }
    judge_one(ctx, path, &scores.guess(), tag, option);
}

fn judge_one(ctx: &Context, path: &Path, guess: &Guess, tag: &Lang, option: &str) {
    let expected = Expected::new(tag, None);
    if let Some(found) = expected.mismatch(guess) {
        ctx.warn_all(&[Warning {
            location: Location::file(path),
            message: mismatch(found, &expected, option, tag),
        }]);
    }
}

/// `looks English, not German (--source-lang de)`.
fn mismatch(found: Language, expected: &Expected, option: &str, tag: &Lang) -> String {
    match expected.language {
        Some(want) => format!("looks {found}, not {want} ({option} {tag})"),
        None => format!("looks {found}, the other language of the pair ({option} {tag})"),
    }
}
