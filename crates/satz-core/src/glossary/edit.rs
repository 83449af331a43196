//! Writing glossary files: [`render`] a whole new file, or [`add_term`] /
//! [`remove_term`] in an existing, possibly hand-edited one.
//!
//! Edits keep everything they do not touch — comments, blank lines, key
//! order, quoting style, indentation and line endings:
//!
//! * adding a new term appends a `[[term]]` block at the end of the text
//!   (after one blank line); the original text is kept byte for byte;
//! * merging into an existing term appends to its arrays in the style of the
//!   existing elements and inserts missing keys at their place in the key
//!   order `de, en, forbidden, note, pos, status, forms, case_sensitive,
//!   match`, indented like their neighbours;
//! * removing a term removes its `[[term]]` block and the comment lines
//!   directly above its header; comment lines separated from the header by a
//!   blank line (section headings, commented-out entries of the previous
//!   term) stay.
//!
//! Every edit re-parses its result and checks that it reads back as exactly
//! the intended glossary; if not, it returns [`ErrorKind::Internal`] rather
//! than text that would corrupt the file.
//!
//! Strings are always written as single-line basic strings (`"..."`), with
//! `\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f` and `\uXXXX` escapes for the
//! other control characters; all other characters (including `#` and
//! non-ASCII) are written as they are.

use std::fmt::Write as _;
use std::path::Path;

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Key, RawString, Table, Value};

use super::error::{ErrorKind, GlossaryError};
use super::model::{Glossary, MatchMode, MergeReport, Term, merge_terms};
use super::parse::{TERM_KEYS, parse_document};

/// What [`add_term`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    /// A new `[[term]]` was appended.
    Added,
    /// A term with the same `de` existed and was extended; the report says how.
    Merged(MergeReport),
    /// A term with the same `de` existed and already had everything; the
    /// returned text equals the input.
    Unchanged,
}

/// The result of [`add_term`]: the new file text and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddResult {
    /// The complete new file text for the caller to write (identical to the
    /// input when `outcome` is [`AddOutcome::Unchanged`]).
    pub text: String,
    /// What was done.
    pub outcome: AddOutcome,
}

/// Adds `term` to the glossary file `text` (whose path `path` is used only
/// in messages) and returns the new text.
///
/// * `text` empty or whitespace-only: the result is [`render`] of a default
///   glossary holding just `term` (so a new file gets a `[glossary]` header).
/// * no term with the same `de` (exact comparison): a new `[[term]]` is
///   appended → [`AddOutcome::Added`].
/// * a term with exactly the same `de`: merged (see [`MergeReport`]): new
///   `en`, `forbidden` and `forms` values are appended, absent `note`, `pos`,
///   `status`, `case_sensitive` and `match` are filled in, values already in
///   the file are never changed → [`AddOutcome::Merged`] or
///   [`AddOutcome::Unchanged`].
///
/// Errors: the existing text's own parse errors; `term` failing
/// [`Term::validate`] (no location); a term in the file that differs from
/// `term.de` only in case or `ß`/`ss` and is the same entry per [`Term::same_term_as`]
/// ([`ErrorKind::CaseConflict`], no location); a merge that would put a
/// value in both `en` and `forbidden` ([`ErrorKind::ApprovedAndForbidden`],
/// no location).
pub fn add_term(text: &str, path: &Path, term: &Term) -> Result<AddResult, GlossaryError> {
    term.validate()
        .map_err(|k| GlossaryError::nowhere(path, k))?;
    if text.trim().is_empty() {
        let expected = Glossary {
            terms: vec![term.clone()],
            ..Glossary::default()
        };
        let out = render(&expected);
        verify(&out, path, &expected)?;
        return Ok(AddResult {
            text: out,
            outcome: AddOutcome::Added,
        });
    }
    let parsed = parse_document(text, path)?;
    let terms = &parsed.glossary.terms;
    if let Some((index, existing)) = terms.iter().enumerate().find(|(_, t)| t.de == term.de) {
        let (merged, report) = merge_terms(existing, term);
        if report.is_empty() {
            return Ok(AddResult {
                text: text.to_owned(),
                outcome: AddOutcome::Unchanged,
            });
        }
        merged
            .validate()
            .map_err(|k| GlossaryError::nowhere(path, k))?;
        let mut expected = parsed.glossary.clone();
        if let Some(slot) = expected.terms.get_mut(index) {
            *slot = merged.clone();
        }
        let mut doc = parsed.doc.into_mut();
        let table = doc
            .get_mut("term")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|aot| aot.get_mut(index))
            .ok_or_else(|| internal(path, "term table not found"))?;
        apply_merge(table, &merged, &report);
        let out = match_newlines(text, doc.to_string());
        verify(&out, path, &expected)?;
        return Ok(AddResult {
            text: out,
            outcome: AddOutcome::Merged(report),
        });
    }
    if let Some((index, other)) = terms.iter().enumerate().find(|(_, t)| t.same_term_as(term)) {
        let existing = other.de.clone();
        return Err(GlossaryError::nowhere(
            path,
            ErrorKind::CaseConflict {
                de: term.de.clone(),
                existing,
                line: parsed.de_line(index),
            },
        ));
    }
    let mut expected = parsed.glossary.clone();
    expected.terms.push(term.clone());
    let out = append_block(text, &term_block(term));
    verify(&out, path, &expected)?;
    Ok(AddResult {
        text: out,
        outcome: AddOutcome::Added,
    })
}

/// Removes the term whose `de` is exactly `de` and returns the new text.
///
/// The `[[term]]` block goes together with the comment lines directly above
/// its header; see the module documentation. Removing the last term leaves
/// the `[glossary]` header (if any) and all other comments.
///
/// Errors: the text's own parse errors; [`ErrorKind::TermNotFound`] (no
/// location) when no term has exactly that `de`, with a hint naming a term
/// that differs only in case or `ß`/`ss`, if there is one.
pub fn remove_term(text: &str, path: &Path, de: &str) -> Result<String, GlossaryError> {
    let parsed = parse_document(text, path)?;
    let Some(index) = parsed.glossary.terms.iter().position(|t| t.de == de) else {
        let wanted = crate::text::words::key(de);
        let hint = parsed
            .glossary
            .terms
            .iter()
            .find(|t| t.identity_key() == wanted)
            .map(|t| format!(" (did you mean {:?}?)", t.de))
            // No near miss: the message has no hint.
            .unwrap_or_default();
        return Err(GlossaryError::nowhere(
            path,
            ErrorKind::TermNotFound {
                de: de.into(),
                hint,
            },
        ));
    };
    let mut expected = parsed.glossary.clone();
    expected.terms.remove(index);

    let mut doc = parsed.doc.into_mut();
    let aot = doc
        .get_mut("term")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| internal(path, "term tables not found"))?;
    let Some(removed) = aot.get(index) else {
        return Err(internal(path, "term table not found"));
    };
    let removed_position = removed.position();
    let removed_prefix = raw_str(removed.decor().prefix()).to_owned();
    aot.remove(index);
    if aot.is_empty() {
        doc.remove("term");
    }

    // Comment lines above the header that are separated from it by a blank
    // line do not belong to the removed term: hand them to what follows.
    let detached = detached_part(&removed_prefix);
    if !detached.is_empty() {
        match next_table_mut(&mut doc, removed_position) {
            Some(next) => {
                let rest = strip_leading_blank_lines(raw_str(next.decor().prefix())).to_owned();
                next.decor_mut().set_prefix(format!("{detached}{rest}"));
            }
            None => {
                let rest = strip_leading_blank_lines(raw_str(Some(doc.trailing()))).to_owned();
                let trailing = if rest.trim().is_empty() {
                    // Nothing follows: no blank lines at the end of the file.
                    let kept = detached.trim_end();
                    if kept.is_empty() {
                        String::new()
                    } else {
                        format!("{kept}\n")
                    }
                } else {
                    format!("{detached}{rest}")
                };
                doc.set_trailing(trailing);
            }
        }
    }
    let mut out = match_newlines(text, doc.to_string());
    if !text.starts_with(char::is_whitespace) {
        out = out.trim_start().to_owned();
    }
    verify(&out, path, &expected)?;
    Ok(out)
}

/// Renders a whole glossary file: the `[glossary]` table, then each term as
/// a `[[term]]` block preceded by a blank line, keys in the fixed order, in
/// `glossary.terms` order. Deterministic; uses `\n` line endings.
///
/// This does not validate; an invalid model (see [`Term::validate`]) is
/// written as text that [`Glossary::parse`] rejects.
pub fn render(glossary: &Glossary) -> String {
    let mut doc = DocumentMut::new();
    let mut header = Table::new();
    header.insert(
        "source_lang",
        Item::Value(string_value(&glossary.source_lang)),
    );
    header.insert(
        "target_lang",
        Item::Value(string_value(&glossary.target_lang)),
    );
    header.set_position(Some(0));
    doc.insert("glossary", Item::Table(header));
    if !glossary.terms.is_empty() {
        let mut aot = ArrayOfTables::new();
        for (position, term) in (1_isize..).zip(&glossary.terms) {
            let mut table = term_table(term);
            table.decor_mut().set_prefix("\n");
            table.set_position(Some(position));
            aot.push(table);
        }
        doc.insert("term", Item::ArrayOfTables(aot));
    }
    doc.to_string()
}

/// One `[[term]]` block ending in a newline, as [`render`] writes it.
fn term_block(term: &Term) -> String {
    let mut doc = DocumentMut::new();
    let mut aot = ArrayOfTables::new();
    aot.push(term_table(term));
    doc.insert("term", Item::ArrayOfTables(aot));
    doc.to_string()
}

/// The keys of a term in the fixed order, optional ones only when set.
fn term_table(term: &Term) -> Table {
    let mut table = Table::new();
    table.insert("de", Item::Value(string_value(&term.de)));
    table.insert("en", Item::Value(string_array(&term.en)));
    for key in TERM_KEYS.iter().skip(2) {
        if let Some(item) = optional_item(term, key) {
            table.insert(key, item);
        }
    }
    table
}

/// The item for an optional key, or `None` when the key should be omitted.
fn optional_item(term: &Term, key: &str) -> Option<Item> {
    let value = match key {
        "forbidden" if !term.forbidden.is_empty() => string_array(&term.forbidden),
        "note" => string_value(term.note.as_deref()?),
        "pos" => string_value(term.pos.as_deref()?),
        "status" => string_value(term.status?.as_str()),
        "forms" if !term.forms.is_empty() => string_array(&term.forms),
        "case_sensitive" if term.case_sensitive => Value::from(true),
        "match" if term.match_mode != MatchMode::Stem => {
            string_value(&term.match_mode.to_toml(&term.de))
        }
        _ => return None,
    };
    Some(Item::Value(value))
}

/// `s` as a TOML basic string literal, always on one line.
pub(crate) fn encode_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string value written with [`encode_string`].
fn string_value(s: &str) -> Value {
    // encode_string writes a valid TOML basic string, so the parse succeeds;
    // were it not to, Value::from holds the same string in toml_edit's own
    // quoting (and verify() checks every value of the written file anyway).
    encode_string(s)
        .parse::<Value>()
        .unwrap_or_else(|_| Value::from(s))
}

/// `["a", "b"]`.
fn string_array(values: &[String]) -> Value {
    let mut array = Array::new();
    for v in values {
        array.push(string_value(v));
    }
    Value::Array(array)
}

/// The text of a decor part after `into_mut` (spans are resolved then).
fn raw_str(raw: Option<&RawString>) -> &str {
    // No decor is no text. A decor that is still a span (as_str is None)
    // cannot happen after into_mut; in a release build it would only lose
    // whitespace or a comment, never a value, so it is asserted in debug.
    raw.map_or("", |r| {
        let text = r.as_str();
        debug_assert!(text.is_some(), "decor spans are resolved by into_mut");
        text.unwrap_or("")
    })
}

/// The whitespace after the last newline of a decor prefix (its indentation).
fn indentation(prefix: &str) -> &str {
    let last_line = prefix.rsplit_once('\n').map_or(prefix, |(_, last)| last);
    if last_line.chars().all(|c| c == ' ' || c == '\t') {
        last_line
    } else {
        ""
    }
}

/// Writes the merge `report` (already applied to `merged`) into `table`.
fn apply_merge(table: &mut Table, merged: &Term, report: &MergeReport) {
    for (key, added) in [
        ("en", &report.en),
        ("forbidden", &report.forbidden),
        ("forms", &report.forms),
    ] {
        if !added.is_empty() {
            append_to_list(table, key, added);
        }
    }
    for key in &report.filled {
        if let Some(item) = optional_item(merged, key) {
            insert_in_order(table, key, item);
        }
    }
}

/// Appends `added` to the string or array at `key`, creating it if absent.
fn append_to_list(table: &mut Table, key: &str, added: &[String]) {
    match table.get_mut(key) {
        Some(Item::Value(Value::Array(array))) => {
            for v in added {
                push_like_siblings(array, string_value(v));
            }
        }
        Some(Item::Value(old @ Value::String(_))) => {
            // `en = "x"` becomes `en = ["x", "y"]`, keeping the original
            // spelling of "x" and any comment after the value.
            let decor = old.decor().clone();
            let mut first = old.clone();
            first.decor_mut().clear();
            let mut array = Array::new();
            array.push(first);
            for v in added {
                array.push(string_value(v));
            }
            let mut value = Value::Array(array);
            *value.decor_mut() = decor;
            *old = value;
        }
        _ => insert_in_order(table, key, Item::Value(string_array(added))),
    }
}

/// Pushes `value` onto `array` formatted like the existing elements (same
/// line breaks and indentation), moving the last element's suffix (e.g. a
/// comment before `]`) after the new one.
fn push_like_siblings(array: &mut Array, mut value: Value) {
    let len = array.len();
    let Some(last) = len.checked_sub(1).and_then(|i| array.get_mut(i)) else {
        array.push(value);
        return;
    };
    let last_prefix = raw_str(last.decor().prefix());
    let prefix = if last_prefix.contains('\n') {
        format!("\n{}", indentation(last_prefix))
    } else if len >= 2 && last_prefix.chars().all(char::is_whitespace) {
        last_prefix.to_owned()
    } else {
        " ".to_owned()
    };
    let suffix = raw_str(last.decor().suffix()).to_owned();
    last.decor_mut().set_suffix("");
    value.decor_mut().set_prefix(prefix);
    value.decor_mut().set_suffix(suffix);
    array.push_formatted(value);
}

/// Inserts `key` before the first existing key that comes after it in the
/// fixed key order (or at the end), indented like that key (or the one
/// before). Other keys keep their formatting and comments.
fn insert_in_order(table: &mut Table, key: &str, item: Item) {
    let rank = |k: &str| {
        TERM_KEYS
            .iter()
            .position(|t| *t == k)
            // A key satz does not know goes after all it knows.
            .unwrap_or(TERM_KEYS.len())
    };
    let mine = rank(key);
    let names: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    let split = names
        .iter()
        .position(|k| rank(k) > mine)
        // No key comes after it: insert at the end.
        .unwrap_or(names.len());
    let neighbour = names
        .get(split)
        .or_else(|| split.checked_sub(1).and_then(|i| names.get(i)));
    let indent = neighbour
        .and_then(|n| table.key(n))
        .map(|k| indentation(raw_str(k.leaf_decor().prefix())).to_owned())
        // An empty table: nothing to copy the indentation from.
        .unwrap_or_default();
    let moved: Vec<(Key, Item)> = names
        .iter()
        .skip(split)
        .filter_map(|k| table.remove_entry(k))
        .collect();
    let mut new_key = Key::new(key);
    new_key.leaf_decor_mut().set_prefix(indent);
    table.insert_formatted(&new_key, item);
    for (k, v) in moved {
        table.insert_formatted(&k, v);
    }
}

/// The part of a header prefix up to and including its last blank line.
#[allow(
    clippy::indexing_slicing,
    reason = "end is 0 or the end of a line from split_inclusive: a char boundary"
)]
fn detached_part(prefix: &str) -> &str {
    let mut end = 0;
    let mut start = 0;
    for line in prefix.split_inclusive('\n') {
        start += line.len();
        if line.trim().is_empty() && line.ends_with('\n') {
            end = start;
        }
    }
    &prefix[..end]
}

/// `s` without its leading whitespace-only lines.
fn strip_leading_blank_lines(s: &str) -> &str {
    let mut rest = s;
    while let Some((line, after)) = rest.split_once('\n') {
        if !line.trim().is_empty() {
            break;
        }
        rest = after;
    }
    rest
}

/// The header table that follows position `after` in the document: the
/// `[glossary]` table or a `[[term]]`, whichever has the smallest larger
/// position.
fn next_table_mut(doc: &mut DocumentMut, after: Option<isize>) -> Option<&mut Table> {
    let after = after?;
    let glossary_pos = doc
        .get("glossary")
        .and_then(Item::as_table)
        .filter(|t| !t.is_dotted() && !t.is_implicit())
        .and_then(Table::position)
        .filter(|p| *p > after);
    let term_next = doc
        .get("term")
        .and_then(Item::as_array_of_tables)
        .and_then(|aot| {
            aot.iter()
                .enumerate()
                .filter_map(|(i, t)| t.position().filter(|p| *p > after).map(|p| (p, i)))
                .min()
        });
    match (glossary_pos, term_next) {
        (Some(g), Some((t, _))) if g < t => doc.get_mut("glossary").and_then(Item::as_table_mut),
        (Some(_), None) => doc.get_mut("glossary").and_then(Item::as_table_mut),
        (_, Some((_, i))) => doc
            .get_mut("term")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|aot| aot.get_mut(i)),
        (None, None) => None,
    }
}

/// Whether the text's first line ending is `\r\n`.
fn first_newline_is_crlf(text: &str) -> bool {
    text.find('\n')
        .is_some_and(|i| i > 0 && text.as_bytes().get(i - 1) == Some(&b'\r'))
}

/// `toml_edit` writes `\n`; a file that uses only `\r\n` gets `\r\n` back.
fn match_newlines(original: &str, out: String) -> String {
    let lf = original.matches('\n').count();
    if lf > 0 && original.matches("\r\n").count() == lf {
        out.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        out
    }
}

/// `text` + a blank line + `block`, in the text's line-ending style.
fn append_block(text: &str, block: &str) -> String {
    let nl = if first_newline_is_crlf(text) {
        "\r\n"
    } else {
        "\n"
    };
    let mut out = String::with_capacity(text.len() + block.len() + 4);
    out.push_str(text);
    if !out.ends_with('\n') {
        out.push_str(nl);
    }
    let needs_blank_line = {
        let body = out.strip_suffix('\n').unwrap_or(&out);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let last_line = body.rsplit_once('\n').map_or(body, |(_, last)| last);
        !body.is_empty() && !last_line.trim().is_empty()
    };
    if needs_blank_line {
        out.push_str(nl);
    }
    if nl == "\n" {
        out.push_str(block);
    } else {
        out.push_str(&block.replace('\n', nl));
    }
    out
}

fn internal(path: &Path, message: &str) -> GlossaryError {
    GlossaryError::nowhere(
        path,
        ErrorKind::Internal {
            message: message.into(),
        },
    )
}

/// Checks that `out` parses back to `expected`.
fn verify(out: &str, path: &Path, expected: &Glossary) -> Result<(), GlossaryError> {
    match Glossary::parse(out, path) {
        Ok(g) if g == *expected => Ok(()),
        Ok(_) => Err(internal(path, "the edited text reads back differently")),
        Err(e) => Err(internal(
            path,
            &format!("the edited text does not parse: {e}"),
        )),
    }
}
