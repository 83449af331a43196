//! From a finished XLIFF back to the translated plain text (`satz merge`).
//!
//! Paragraphs are rebuilt from the file's structure: the units of one
//! `<group>` (a paragraph in a file `satz pretranslate` wrote) are one
//! paragraph, their segments joined by a space; a unit outside any group
//! is a paragraph of its own (what plain-text filters of other tools
//! write: a unit per paragraph); a unit marked `translate="no"` is written
//! as its source. Paragraphs are separated by a blank line,
//! as in the text `pretranslate` read; `<file>`s follow each other the
//! same way. Inline codes are dropped: the output is plain text.
//!
//! A segment without a translation keeps its source, and one whose
//! translation is not confirmed (a fuzzy match still to review, say) keeps
//! that translation; both are counted, with the line of each, so nothing
//! half-finished passes unnoticed.

use super::{Document, Segment, Unit};

/// The text and what was not finished.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// The translated text: paragraphs separated by a blank line, ending
    /// with a line break.
    pub text: String,
    /// Segments of translatable units written (a `translate="no"` unit is
    /// copied, not counted).
    pub segments: usize,
    /// Lines (in the XLIFF) of segments without a translation, written in
    /// the source language.
    pub untranslated: Vec<usize>,
    /// Lines of segments whose translation is not confirmed, written as
    /// they are.
    pub unconfirmed: Vec<usize>,
}

/// The translated text of `doc`.
pub fn merge(doc: &Document) -> Merged {
    let writes_status = doc.segments().any(|s| s.status.is_given());
    let mut merged = Merged::default();
    let mut paragraphs: Vec<String> = Vec::new();
    for file in &doc.files {
        let mut current: Option<(Option<&str>, Vec<String>)> = None;
        for unit in &file.units {
            // A unit not to be translated (a URL, a name) is part of the
            // text as it is.
            let sentences = if unit.translate {
                unit_text(unit, writes_status, &mut merged)
            } else {
                unit.segments
                    .iter()
                    .map(|seg| crate::text::fold_whitespace(&seg.source.text.plain_text()))
                    .collect()
            };
            let group = unit.group.as_deref();
            match &mut current {
                // The next unit of the same group continues the paragraph.
                Some((g, parts)) if g.is_some() && *g == group => parts.extend(sentences),
                _ => {
                    if let Some((_, parts)) = current.take() {
                        paragraphs.push(parts.join(" "));
                    }
                    current = Some((group, sentences));
                }
            }
        }
        if let Some((_, parts)) = current {
            paragraphs.push(parts.join(" "));
        }
    }
    paragraphs.retain(|p| !p.trim().is_empty());
    merged.text = paragraphs.join("\n\n");
    if !merged.text.is_empty() {
        merged.text.push('\n');
    }
    merged
}

/// The sentences a unit contributes, noting what is unfinished.
fn unit_text(unit: &Unit, writes_status: bool, merged: &mut Merged) -> Vec<String> {
    unit.segments
        .iter()
        .map(|seg| {
            merged.segments += 1;
            let text = match translation(seg) {
                Some(t) => {
                    if seg.status.confirmed(writes_status).is_err() {
                        merged.unconfirmed.push(seg.line);
                    }
                    t
                }
                None => {
                    merged.untranslated.push(seg.line);
                    seg.source.text.plain_text()
                }
            };
            crate::text::fold_whitespace(&text)
        })
        .collect()
}

/// The segment's translation, if it has one that is not empty.
fn translation(seg: &Segment) -> Option<String> {
    let target = seg.target.as_ref()?.text.plain_text();
    (!target.trim().is_empty()).then_some(target)
}
