//! A glossary file cut into blocks for merging: the text before the first
//! table (the preamble), then one block per table: `[glossary]`, `[check]`,
//! each `[[term]]`, with the comment lines directly above its header and
//! everything up to the next block.
//!
//! This is the same notion of "a term's lines" as
//! [`remove_term`](crate::glossary::remove_term) uses: comment lines right
//! above a header belong to it; a blank line separates them from what
//! comes before.

use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::glossary::{Glossary, Term};

/// What a block is, and so what it is matched by across versions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum BlockKey {
    /// The text before the first table.
    Preamble,
    /// A `[[term]]`, by its identity key (case-folded `de`, ß = ss).
    Term(String),
    /// Another table, by its header line (`[glossary]`, `[check]`).
    Table(String),
}

/// One block of a glossary file.
#[derive(Debug, Clone)]
pub(crate) struct Block<'a> {
    /// What it is.
    pub key: BlockKey,
    /// Its text without trailing whitespace: what versions are compared by.
    pub core: &'a str,
    /// The whitespace after it (blank lines up to the next block).
    pub tail: &'a str,
    /// The term, for a `[[term]]` block.
    pub term: Option<Term>,
}

/// Cuts `text` into blocks, checking that the `[[term]]` headers found are
/// exactly the file's terms. An empty text has no blocks.
pub(crate) fn blocks<'a>(text: &'a str, path: &Path, which: &str) -> Result<Vec<Block<'a>>> {
    let glossary = Glossary::parse(text, path)?;
    let mut starts = vec![0];
    let mut comments_from = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            starts.push(comments_from.unwrap_or(offset));
            comments_from = None;
        } else if trimmed.starts_with('#') {
            comments_from = comments_from.or(Some(offset));
        } else {
            comments_from = None;
        }
        offset += line.len();
    }
    starts.push(text.len());
    let mut terms = glossary.terms.into_iter();
    let mut out = Vec::new();
    for (i, pair) in starts.windows(2).enumerate() {
        let (&from, &to) = match pair {
            [from, to] => (from, to),
            _ => continue,
        };
        let whole = text.get(from..to).unwrap_or_default();
        let core = whole.trim_end();
        let tail = whole.get(core.len()..).unwrap_or_default();
        let (key, term) = if i == 0 {
            (BlockKey::Preamble, None)
        } else {
            let header = header_line(core);
            if is_term_header(header) {
                let Some(term) = terms.next() else {
                    return Err(uncut(path, which));
                };
                (BlockKey::Term(term.identity_key()), Some(term))
            } else {
                (BlockKey::Table(header.to_owned()), None)
            }
        };
        if i > 0 || !whole.is_empty() {
            out.push(Block {
                key,
                core,
                tail,
                term,
            });
        }
    }
    if terms.next().is_some() {
        return Err(uncut(path, which));
    }
    // Two terms the glossary holds apart (`Arm` and `arm`, both
    // case-sensitive) that fold to one key: a union by key would drop one.
    let mut seen = std::collections::HashSet::new();
    for b in &out {
        if let BlockKey::Term(k) = &b.key
            && !seen.insert(k.clone())
        {
            return Err(Error::input(
                Location::file(path),
                format!(
                    "{which} version: two terms that differ only in case or ß/ss \
                     ({k}); merge this file by hand"
                ),
            ));
        }
    }
    Ok(out)
}

fn uncut(path: &Path, which: &str) -> Error {
    Error::input(
        Location::file(path),
        format!(
            "{which} version: cannot tell where each [[term]] starts (a table header inside a \
             multi-line string?); merge this file by hand"
        ),
    )
}

/// The block's table header: its first line that is not a comment.
fn header_line(block: &str) -> &str {
    block
        .lines()
        .map(str::trim)
        .find(|l| !l.starts_with('#'))
        .unwrap_or_default()
}

/// `[[term]]`, allowing spaces and a comment after it.
fn is_term_header(line: &str) -> bool {
    let line = line.split('#').next().unwrap_or_default().trim();
    line.strip_prefix("[[")
        .and_then(|l| l.strip_suffix("]]"))
        .is_some_and(|name| name.trim() == "term")
}
