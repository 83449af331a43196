//! The way back from a CAT tool: the confirmed segments of an XLIFF file
//! as memory units (`satz import FILE.xlf`).
//!
//! A segment becomes a unit when its unit is translatable, it has a
//! source and a non-empty target, its `<file>`'s languages are the
//! memory's pair (either way round: a file from English into German goes
//! into a German-English memory with its sides swapped, as a TMX unit
//! would), and its status says the translation is finished
//! ([`Status::confirmed`](crate::xliff::Status::confirmed)): 1.2
//! `translated`, `signed-off`, `final`; 2.x `translated`, `reviewed`,
//! `final`; `approved="yes"` unless the state says `new` or `needs-...`;
//! Trados `Translated`, `ApprovedTranslation`, `ApprovedSignOff`; memoQ
//! `Confirmed`, `ManuallyConfirmed`, `Proofread`, `Reviewer1Confirmed`,
//! `Reviewer2Confirmed`; and a target without any status in a file whose
//! tool writes none. Everything else is skipped and counted per reason in
//! one warning: `skipped 12 segments: 10 state new, 2 empty target`.
//!
//! Each unit records its neighbours, the source sentences before and after
//! it in the file ([`Unit::set_context`]), so the next pre-translation of
//! the same text finds it as a 101% match.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Location, Result, Warning};
use crate::lang::LangPair;
use crate::text::fold_whitespace;
use crate::tm::import::Parsed;
use crate::tm::unit::{Inline, Origin, Segment as Text, Unit, Variant};
use crate::xliff::{Document, File, Segment, parse};

/// Reads an XLIFF document and keeps the confirmed segments of `pair`.
pub fn parse_pair(text: &str, path: &Path, pair: &LangPair) -> Result<Parsed> {
    Ok(units_of(parse(text, path)?, path, pair))
}

/// The confirmed segments of a document as units of `pair`, with the
/// reader's warnings and one that counts the skipped segments by reason.
pub fn units_of(doc: Document, path: &Path, pair: &LangPair) -> Parsed {
    let writes_status = doc.segments().any(|s| s.status.is_given());
    let mut p = Parsed {
        warnings: doc.warnings.clone(),
        ..Parsed::default()
    };
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut other_langs = Vec::new();
    let mut any_pair = false;
    for file in &doc.files {
        let sides = sides(file, path, pair, &mut p.warnings);
        match &sides {
            Ok(_) => any_pair = true,
            Err((s, t)) => other_langs.extend([s.clone(), t.clone()]),
        }
        let swapped = matches!(sides, Ok((_, _, true)));
        let text = sentences(file, swapped);
        // The index in `text` of the next translatable segment.
        let mut at: usize = 0;
        for unit in &file.units {
            for seg in &unit.segments {
                let verdict = match &sides {
                    Ok(_) if !unit.translate => Err("translate=no".to_owned()),
                    _ => check(seg, writes_status, &sides),
                };
                // The neighbours of a segment of a translatable unit, in
                // the file's order of translatable segments.
                let neighbours = if unit.translate {
                    let around = (
                        at.checked_sub(1).and_then(|i| text.get(i)),
                        text.get(at + 1),
                    );
                    at += 1;
                    around
                } else {
                    (None, None)
                };
                match (verdict, &sides) {
                    (Ok(()), Ok(sides)) => {
                        let mut u = to_unit(seg, sides, path);
                        u.set_context(known(neighbours.0), known(neighbours.1));
                        p.units.push(u);
                    }
                    (Err(reason), _) => *skipped.entry(reason).or_default() += 1,
                    (Ok(()), Err(_)) => {}
                }
            }
        }
    }
    if !any_pair {
        p.langs.extend(other_langs);
    }
    p.warnings.extend(skip_report(&skipped, path));
    p
}

/// The source-language text of every segment of the file's translatable
/// units, in document order, whitespace folded as sentences are: the
/// neighbours a unit records for 101% matches (`satz pretranslate` writes
/// one segment per sentence, so these are the text's sentences). In a file
/// whose sides are swapped, the source language is the target's.
fn sentences(file: &File, swapped: bool) -> Vec<String> {
    file.units
        .iter()
        .filter(|u| u.translate)
        .flat_map(|u| u.segments.iter())
        .map(|seg| {
            let side = if swapped {
                seg.target.as_ref().map(|t| t.text.plain_text())
            } else {
                Some(seg.source.text.plain_text())
            };
            // A segment without a target (in a swapped file) has no
            // sentence to record: an empty neighbour is none.
            fold_whitespace(&side.unwrap_or_default())
        })
        .collect()
}

/// A neighbour that has text (an empty source is no sentence).
fn known(sentence: Option<&String>) -> Option<&str> {
    sentence.map(String::as_str).filter(|s| !s.is_empty())
}

/// Source tag, target tag, and whether the file's sides are swapped.
type Sides = (String, String, bool);

/// The language tags the units get, or the file's pair when it is not the
/// memory's. A missing language is taken to be the memory's, with a
/// warning.
fn sides(
    file: &File,
    path: &Path,
    pair: &LangPair,
    warnings: &mut Vec<Warning>,
) -> Result<Sides, (String, String)> {
    let mut lang = |given: &Option<String>, attr: &str, assumed: &str| match given {
        Some(l) if !l.trim().is_empty() => l.trim().to_owned(),
        _ => {
            warnings.push(Warning {
                location: Location::line(path, file.line),
                message: format!("<file> has no {attr}; taken to be {assumed}"),
            });
            assumed.to_owned()
        }
    };
    let s = lang(&file.source_lang, "source language", pair.source.as_str());
    let t = lang(&file.target_lang, "target language", pair.target.as_str());
    if pair.source.matches(&s) && pair.target.matches(&t) {
        return Ok((s, t, false));
    }
    if pair.source.matches(&t) && pair.target.matches(&s) {
        warnings.push(Warning {
            location: Location::line(path, file.line),
            message: format!(
                "the file is {s}→{t}; its segments go into the {}→{} memory with the sides swapped",
                pair.source, pair.target
            ),
        });
        return Ok((t, s, true));
    }
    Err((s, t))
}

/// Why a segment is not imported, or `Ok` when it is.
fn check(
    seg: &Segment,
    writes_status: bool,
    sides: &Result<Sides, (String, String)>,
) -> Result<(), String> {
    if let Err((s, t)) = sides {
        return Err(format!("language pair {s}→{t}"));
    }
    let Some(target) = &seg.target else {
        return Err("no target".to_owned());
    };
    if target.text.plain_text().trim().is_empty() {
        return Err("empty target".to_owned());
    }
    if seg.source.text.plain_text().trim().is_empty() {
        return Err("empty source".to_owned());
    }
    seg.status.confirmed(writes_status)
}

fn to_unit(seg: &Segment, sides: &Sides, path: &Path) -> Unit {
    let (source_lang, target_lang, swapped) = sides;
    // A confirmed segment has a target (`check` refused the others).
    let target = seg
        .target
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    let (source, target) = if *swapped {
        (target, seg.source.text.clone())
    } else {
        (seg.source.text.clone(), target)
    };
    let variant = |lang: &str, text: Text| Variant {
        lang: lang.to_owned(),
        seg: trimmed(text),
        ..Variant::default()
    };
    Unit {
        source: variant(source_lang, source),
        target: variant(target_lang, target),
        origin: Some(Origin {
            file: path.display().to_string(),
            line: seg.line,
        }),
        ..Unit::default()
    }
}

/// The text without the white space around it (the layout of a
/// pretty-printed file).
fn trimmed(mut text: Text) -> Text {
    if let Some(Inline::Text(t)) = text.0.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = text.0.last_mut() {
        *t = t.trim_end().to_owned();
    }
    text.0
        .retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    text
}

/// `skipped 12 segments: 10 state new, 2 empty target`, most frequent
/// reason first.
fn skip_report(skipped: &BTreeMap<String, usize>, path: &Path) -> Option<Warning> {
    let total: usize = skipped.values().sum();
    if total == 0 {
        return None;
    }
    let mut reasons: Vec<(&String, &usize)> = skipped.iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
    Some(Warning {
        location: Location::file(path),
        message: format!(
            "skipped {total} segment{}: {}",
            if total == 1 { "" } else { "s" },
            parts.join(", ")
        ),
    })
}
