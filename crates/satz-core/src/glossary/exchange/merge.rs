//! Merging imported entries into a glossary file's text.
//!
//! Entries become terms ([`convert`]); terms with the same German text
//! (exactly) are merged first, in file order. Then each term either
//!
//! * extends the existing glossary term with the same `de` through
//!   [`add_term`] (new translations appended, empty fields filled, nothing
//!   overwritten, comments and layout kept) → *merged*, or *unchanged* when
//!   it brings nothing new;
//! * is refused when it differs from an existing term only in case (the
//!   glossary cannot hold both) → *skipped*;
//! * or is new → *added*: new terms are appended at the end as blocks in
//!   the layout [`render`] writes, and the whole
//!   result is parsed once more and compared with the expected glossary, so
//!   an import never writes a file that reads back differently.
//!
//! Appending all new terms at once keeps a large import linear in the size
//! of the glossary (a term-by-term `add_term` re-parses the file each time).

use std::collections::HashMap;
use std::path::Path;

use super::entry::{Entry, LangKey, SkipReason, convert};
use crate::glossary::error::Sameness;
use crate::glossary::model::{is_language_tag, merge_terms};
use crate::glossary::{ErrorKind, Glossary, GlossaryError, Term, add_term, render};

/// Why an entry or term was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipKind {
    /// No term in the glossary's source language.
    NoSource,
    /// No (approved) term in the glossary's target language.
    NoTarget,
    /// The term would not be a valid glossary entry, or conflicts with one.
    Invalid,
}

/// An entry (or one of its terms) that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line of the entry in the import file.
    pub line: usize,
    /// The kind of reason.
    pub kind: SkipKind,
    /// The reason in words.
    pub reason: String,
}

/// What [`merge_entries`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportOutcome {
    /// The new glossary text (the input text when nothing changed).
    pub text: String,
    /// Whether `text` differs from the input.
    pub changed: bool,
    /// Entries read from the file.
    pub entries: usize,
    /// German terms added, in order.
    pub added: Vec<String>,
    /// Existing terms that received something new.
    pub merged: Vec<String>,
    /// Terms that were already in the glossary with everything they bring.
    pub unchanged: usize,
    /// Entries or terms not imported, with reasons.
    pub skipped: Vec<Skipped>,
}

/// Merges `entries` into the glossary file `text` (empty for a new file,
/// which then gets a `[glossary]` header with `source` and `target`);
/// `path` names the glossary in messages. The pair `source` → `target`
/// chooses the languages of the entries.
///
/// Errors: the existing text's own parse errors, and an internal error if
/// the result would not read back as intended.
pub fn merge_entries(
    text: &str,
    path: &Path,
    source: &str,
    target: &str,
    entries: &[Entry],
) -> Result<ImportOutcome, GlossaryError> {
    let base = base_text(text, path, source, target)?;
    let glossary = Glossary::parse(&base, path)?;
    let mut out = ImportOutcome {
        entries: entries.len(),
        ..ImportOutcome::default()
    };
    let incoming = incoming_terms(entries, source, target, &mut out);
    let mut merger = Merger::new(glossary, base);
    for (term, line) in incoming {
        merger.take(term, line, path, &mut out);
    }
    let current = merger.finish(path, &mut out)?;
    out.changed = !out.added.is_empty() || !out.merged.is_empty();
    out.text = if out.changed {
        current
    } else {
        text.to_owned()
    };
    Ok(out)
}

/// The glossary text to merge into: `text` itself, or for an empty `text`
/// a new glossary's header with the languages `source` and `target`,
/// which must be language tags.
fn base_text(text: &str, path: &Path, source: &str, target: &str) -> Result<String, GlossaryError> {
    if !text.trim().is_empty() {
        return Ok(text.to_owned());
    }
    for (key, value) in [("source_lang", source), ("target_lang", target)] {
        if !is_language_tag(value) {
            return Err(GlossaryError {
                path: path.to_path_buf(),
                location: None,
                kind: ErrorKind::BadLanguage {
                    key,
                    value: value.to_owned(),
                },
            });
        }
    }
    Ok(render(&Glossary {
        source_lang: source.to_owned(),
        target_lang: target.to_owned(),
        terms: Vec::new(),
        ..Glossary::default()
    }))
}

/// The terms of `entries` with the line of the entry each came from;
/// entries with the same `de` are merged into one term, in file order.
/// Entries that do not convert, or do not merge, are recorded in
/// `out.skipped`.
#[allow(
    clippy::indexing_slicing,
    reason = "by_de maps to positions of incoming, which only grows"
)]
fn incoming_terms(
    entries: &[Entry],
    source: &str,
    target: &str,
    out: &mut ImportOutcome,
) -> Vec<(Term, usize)> {
    let mut incoming: Vec<(Term, usize)> = Vec::new();
    let mut by_de: HashMap<String, usize> = HashMap::new();
    for entry in entries {
        let terms = match convert(entry, source, target) {
            Ok(t) => t,
            Err(reason) => {
                out.skipped.push(skipped(entry, &reason, source, target));
                continue;
            }
        };
        for term in terms {
            let Some(&i) = by_de.get(&term.de) else {
                by_de.insert(term.de.clone(), incoming.len());
                incoming.push((term, entry.line));
                continue;
            };
            let earlier = &mut incoming[i].0;
            let (merged, _) = merge_terms(earlier, &term);
            match merged.validate() {
                Ok(()) => *earlier = merged,
                Err(e) => out.skipped.push(Skipped {
                    line: entry.line,
                    kind: SkipKind::Invalid,
                    reason: format!("{:?} cannot be merged with its earlier entry: {e}", term.de),
                }),
            }
        }
    }
    incoming
}

/// The glossary being merged into: its parsed terms, its text so far, and
/// the new terms to append at the end.
struct Merger {
    glossary: Glossary,
    /// The text with every merge into an existing term so far.
    current: String,
    /// The new terms, in order.
    new_terms: Vec<Term>,
    /// Existing and new terms by identity key (`de` folded), to find
    /// clashes without a quadratic scan.
    by_key: HashMap<String, Vec<Term>>,
    /// Position of every existing term in `glossary.terms` by its `de`.
    index: HashMap<String, usize>,
}

impl Merger {
    /// A merger into `glossary`, whose text is `current`.
    fn new(glossary: Glossary, current: String) -> Merger {
        let mut by_key: HashMap<String, Vec<Term>> = HashMap::new();
        for t in &glossary.terms {
            by_key.entry(t.identity_key()).or_default().push(t.clone());
        }
        let index = glossary
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.de.clone(), i))
            .collect();
        Merger {
            glossary,
            current,
            new_terms: Vec::new(),
            by_key,
            index,
        }
    }

    /// Takes one incoming `term` (from `line`): merged into the existing
    /// term of the same `de`, else refused if it is the same term as one
    /// in another spelling, else kept as a new term.
    fn take(&mut self, term: Term, line: usize, path: &Path, out: &mut ImportOutcome) {
        if let Some(&i) = self.index.get(&term.de) {
            self.merge_into(i, &term, line, path, out);
            return;
        }
        let identity = term.identity_key();
        let clash = self
            .by_key
            .get(&identity)
            .and_then(|list| list.iter().find(|t| t.same_term_as(&term)));
        if let Some(other) = clash {
            out.skipped.push(Skipped {
                line,
                kind: SkipKind::Invalid,
                reason: clash_reason(&term, other),
            });
            return;
        }
        self.by_key.entry(identity).or_default().push(term.clone());
        self.new_terms.push(term);
    }

    /// Merges `term` into the existing term at position `i`, editing the
    /// text in place; a term that brings nothing new counts as unchanged.
    #[allow(
        clippy::indexing_slicing,
        reason = "index maps to positions of glossary.terms, which is not shortened while merging"
    )]
    fn merge_into(
        &mut self,
        i: usize,
        term: &Term,
        line: usize,
        path: &Path,
        out: &mut ImportOutcome,
    ) {
        let (merged, report) = merge_terms(&self.glossary.terms[i], term);
        if report.is_empty() {
            out.unchanged += 1;
            return;
        }
        match add_term(&self.current, path, term) {
            Ok(result) => {
                self.current = result.text;
                self.glossary.terms[i] = merged;
                out.merged.push(term.de.clone());
            }
            Err(e) => out.skipped.push(Skipped {
                line,
                kind: SkipKind::Invalid,
                reason: format!("{:?} cannot be merged: {}", term.de, e.kind),
            }),
        }
    }

    /// The final text: the new terms appended in one rendering, checked to
    /// read back as the merged glossary.
    fn finish(mut self, path: &Path, out: &mut ImportOutcome) -> Result<String, GlossaryError> {
        if self.new_terms.is_empty() {
            return Ok(self.current);
        }
        // One rendering of all new terms, without its header: the blocks
        // `render` writes, each after a blank line.
        let rendered = render(&Glossary {
            source_lang: self.glossary.source_lang.clone(),
            target_lang: self.glossary.target_lang.clone(),
            terms: self.new_terms.clone(),
            ..Glossary::default()
        });
        // A rendering of terms has a `[[term]]` block; if it had none, the
        // read-back check below fails loudly.
        let blocks = rendered
            .find("\n[[term]]\n")
            .and_then(|at| rendered.get(at + 1..))
            .unwrap_or_default()
            .to_owned();
        let current = append(&self.current, &blocks);
        out.added = self.new_terms.iter().map(|t| t.de.clone()).collect();
        self.glossary.terms.append(&mut self.new_terms);
        match Glossary::parse(&current, path) {
            Ok(g) if g == self.glossary => Ok(current),
            _ => Err(GlossaryError {
                path: path.to_path_buf(),
                location: None,
                kind: ErrorKind::Internal {
                    message: "the imported glossary reads back differently".into(),
                },
            }),
        }
    }
}

/// Why `term` is refused as the same term as the glossary's `other`.
fn clash_reason(term: &Term, other: &Term) -> String {
    match Sameness::of(&term.de, &other.de) {
        Sameness::Case => format!(
            "{:?} differs only in case from the glossary term {:?} (set case_sensitive on both to keep both)",
            term.de, other.de
        ),
        Sameness::Equal | Sameness::SharpS => format!(
            "{:?} is the glossary term {:?}, since ß and ss match the same words (merge its translations into that term)",
            term.de, other.de
        ),
    }
}

/// `text` + a blank line + `block`, in the text's line-ending style.
fn append(text: &str, block: &str) -> String {
    let crlf = text
        .find('\n')
        .is_some_and(|i| i > 0 && text.as_bytes().get(i - 1) == Some(&b'\r'));
    let nl = if crlf { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + block.len() + 4);
    out.push_str(text);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    let body = out.trim_end_matches(['\n', '\r']);
    let last_line = body.rsplit('\n').next().unwrap_or_default();
    if !body.is_empty() && !last_line.trim().is_empty() {
        out.push_str(nl);
    }
    if crlf {
        out.push_str(&block.replace('\n', "\r\n"));
    } else {
        out.push_str(block);
    }
    out
}

fn skipped(entry: &Entry, reason: &SkipReason, source: &str, target: &str) -> Skipped {
    let tagged = entry
        .groups
        .iter()
        .any(|g| matches!(g.lang, LangKey::Tag(_)));
    let holds = if tagged {
        let langs = entry.languages();
        if langs.is_empty() {
            " (the entry has no terms)".to_owned()
        } else {
            format!(" (the entry holds {})", langs.join(", "))
        }
    } else {
        String::new()
    };
    let (kind, reason) = match reason {
        SkipReason::NoSource if tagged => (SkipKind::NoSource, format!("no {source} term{holds}")),
        SkipReason::NoSource => (
            SkipKind::NoSource,
            format!("no {source} term (the first column is empty)"),
        ),
        SkipReason::NoTarget if tagged => (SkipKind::NoTarget, format!("no {target} term{holds}")),
        SkipReason::NoTarget => (
            SkipKind::NoTarget,
            format!("no {target} term (no second column)"),
        ),
        SkipReason::OnlyForbidden => (
            SkipKind::NoTarget,
            format!(
                "every {target} term is deprecated or forbidden; a glossary entry needs an approved translation"
            ),
        ),
        SkipReason::Invalid(r) => (SkipKind::Invalid, r.clone()),
    };
    Skipped {
        line: entry.line,
        kind,
        reason,
    }
}
