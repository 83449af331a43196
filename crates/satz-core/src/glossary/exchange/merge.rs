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
    let fresh = text.trim().is_empty();
    if fresh {
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
    }
    let base = if fresh {
        render(&Glossary {
            source_lang: source.to_owned(),
            target_lang: target.to_owned(),
            terms: Vec::new(),
            ..Glossary::default()
        })
    } else {
        text.to_owned()
    };
    let mut glossary = Glossary::parse(&base, path)?;
    let mut out = ImportOutcome {
        entries: entries.len(),
        ..ImportOutcome::default()
    };

    // Entries to terms, same-`de` terms merged in file order.
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
            match by_de.get(&term.de).copied() {
                Some(i) => {
                    let Some((earlier, _)) = incoming.get_mut(i) else {
                        continue;
                    };
                    let (merged, _) = merge_terms(earlier, &term);
                    match merged.validate() {
                        Ok(()) => *earlier = merged,
                        Err(e) => out.skipped.push(Skipped {
                            line: entry.line,
                            kind: SkipKind::Invalid,
                            reason: format!(
                                "{:?} cannot be merged with its earlier entry: {e}",
                                term.de
                            ),
                        }),
                    }
                }
                None => {
                    by_de.insert(term.de.clone(), incoming.len());
                    incoming.push((term, entry.line));
                }
            }
        }
    }

    let mut current = base.clone();
    let mut new_terms: Vec<Term> = Vec::new();
    // Terms by identity key (`de` folded), to find clashes without a
    // quadratic scan.
    let mut by_key: HashMap<String, Vec<Term>> = HashMap::new();
    for t in &glossary.terms {
        by_key.entry(t.identity_key()).or_default().push(t.clone());
    }
    let index: HashMap<String, usize> = glossary
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.de.clone(), i))
        .collect();
    for (term, line) in incoming {
        if let Some(&i) = index.get(&term.de) {
            let Some(existing) = glossary.terms.get(i) else {
                continue;
            };
            let (merged, report) = merge_terms(existing, &term);
            if report.is_empty() {
                out.unchanged += 1;
                continue;
            }
            match add_term(&current, path, &term) {
                Ok(result) => {
                    current = result.text;
                    if let Some(slot) = glossary.terms.get_mut(i) {
                        *slot = merged;
                    }
                    out.merged.push(term.de.clone());
                }
                Err(e) => out.skipped.push(Skipped {
                    line,
                    kind: SkipKind::Invalid,
                    reason: format!("{:?} cannot be merged: {}", term.de, e.kind),
                }),
            }
            continue;
        }
        let identity = term.identity_key();
        let clash = by_key
            .get(&identity)
            .and_then(|list| list.iter().find(|t| t.same_term_as(&term)));
        if let Some(other) = clash {
            let reason = match Sameness::of(&term.de, &other.de) {
                Sameness::Case => format!(
                    "{:?} differs only in case from the glossary term {:?} (set case_sensitive on both to keep both)",
                    term.de, other.de
                ),
                Sameness::Equal | Sameness::SharpS => format!(
                    "{:?} is the glossary term {:?}, since ß and ss match the same words (merge its translations into that term)",
                    term.de, other.de
                ),
            };
            out.skipped.push(Skipped {
                line,
                kind: SkipKind::Invalid,
                reason,
            });
            continue;
        }
        by_key.entry(identity).or_default().push(term.clone());
        new_terms.push(term);
    }

    if !new_terms.is_empty() {
        // One rendering of all new terms, without its header: the blocks
        // `render` writes, each after a blank line.
        let rendered = render(&Glossary {
            source_lang: glossary.source_lang.clone(),
            target_lang: glossary.target_lang.clone(),
            terms: new_terms.clone(),
            ..Glossary::default()
        });
        let blocks = rendered
            .find("\n[[term]]\n")
            .and_then(|at| rendered.get(at + 1..))
            .unwrap_or_default()
            .to_owned();
        current = append(&current, &blocks);
        out.added = new_terms.iter().map(|t| t.de.clone()).collect();
        glossary.terms.extend(new_terms);
        match Glossary::parse(&current, path) {
            Ok(g) if g == glossary => {}
            _ => {
                return Err(GlossaryError {
                    path: path.to_path_buf(),
                    location: None,
                    kind: ErrorKind::Internal {
                        message: "the imported glossary reads back differently".into(),
                    },
                });
            }
        }
    }
    out.changed = !out.added.is_empty() || !out.merged.is_empty();
    out.text = if out.changed {
        current
    } else {
        text.to_owned()
    };
    Ok(out)
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
