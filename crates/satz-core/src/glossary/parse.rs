//! Reading a glossary file: [`Glossary::parse`].
//!
//! The text is parsed with `toml_edit` so that every key and value keeps its
//! byte span; each problem is reported as a [`GlossaryError`] with the line
//! and column of the offending key or value. The first problem in file
//! order is reported (cross-entry checks such as duplicate terms come after
//! all entries are read).
//!
//! Leniencies, all documented in the format: `en`, `forbidden` and `forms`
//! accept a single string as well as an array; `forbidden = []` and
//! `forms = []` mean the same as leaving the key out; `[glossary]` may also
//! be written as an inline table or with dotted keys. `[[term]]` entries
//! must be real `[[term]]` tables (not `term = [{...}]`).

use std::collections::HashMap;
use std::path::Path;

use toml_edit::{Document, Item, Key, Table, TableLike, Value};

use super::error::{ErrorKind, GlossaryError, Location, Section};
use super::model::{
    Glossary, MatchMode, Status, Term, check_not_blank, check_term_text, is_language_tag,
};

/// Keys allowed at the top level.
pub(crate) const TOP_KEYS: [&str; 3] = ["glossary", "term", "check"];
/// Keys allowed in `[check]`.
pub(crate) const CHECK_KEYS: [&str; 1] = ["fail_on"];
/// Keys allowed in `[glossary]`.
pub(crate) const GLOSSARY_KEYS: [&str; 2] = ["source_lang", "target_lang"];
/// Keys allowed in `[[term]]`, in the order they are written.
pub(crate) const TERM_KEYS: [&str; 9] = [
    "de",
    "en",
    "forbidden",
    "note",
    "pos",
    "status",
    "forms",
    "case_sensitive",
    "match",
];

impl Glossary {
    /// Parses the text of a glossary file.
    ///
    /// `text` is the whole file, already decoded and NFC-normalised by the
    /// caller; `path` is used only in error messages. An empty (or
    /// whitespace/comment-only) text is a valid, empty glossary with the
    /// default languages.
    pub fn parse(text: &str, path: &Path) -> Result<Glossary, GlossaryError> {
        parse_document(text, path).map(|parsed| parsed.glossary)
    }
}

/// A parsed file with what the editing functions need besides the model.
pub(crate) struct Parsed<'a> {
    /// The span-carrying document.
    pub doc: Document<&'a str>,
    /// The model.
    pub glossary: Glossary,
    /// Byte offset of each term's `de` value, parallel to `glossary.terms`.
    pub de_offsets: Vec<usize>,
}

impl Parsed<'_> {
    /// The 1-based line of term `index`'s `de`.
    pub fn de_line(&self, index: usize) -> usize {
        let offset = self.de_offsets.get(index).copied().unwrap_or(0);
        Location::from_offset(self.doc.raw(), offset).line
    }
}

/// Parses `text` into the model, keeping the document and term offsets.
pub(crate) fn parse_document<'a>(text: &'a str, path: &Path) -> Result<Parsed<'a>, GlossaryError> {
    let cx = Cx { text, path };
    if let Some(m) = crate::team::conflict_marker(text) {
        let offset = text
            .split_inclusive('\n')
            .take(m.line.saturating_sub(1))
            .map(str::len)
            .sum();
        return Err(cx.err(
            Some(offset),
            ErrorKind::MergeConflict {
                message: m.message(),
            },
        ));
    }
    let doc = Document::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        cx.err(
            Some(offset),
            ErrorKind::Syntax {
                message: e.message().to_owned(),
            },
        )
    })?;
    let root = doc.as_table();
    let mut glossary = Glossary::default();
    let mut de_offsets = Vec::new();
    for (key, item) in root.iter() {
        let key_offset = key_start(root.key(key));
        match key {
            "glossary" => {
                let table = item.as_table_like().ok_or_else(|| {
                    cx.err(
                        item.span().map(|s| s.start).or(key_offset),
                        ErrorKind::GlossaryNotTable {
                            found: type_name(item),
                        },
                    )
                })?;
                cx.read_header(table, &mut glossary, key_offset)?;
            }
            "term" => {
                for (term, de_offset) in cx.read_terms(item, key_offset)? {
                    glossary.terms.push(term);
                    de_offsets.push(de_offset);
                }
            }
            "check" => {
                let table = item.as_table_like().ok_or_else(|| {
                    cx.err(
                        item.span().map(|s| s.start).or(key_offset),
                        ErrorKind::NotTable {
                            name: "check",
                            found: type_name(item),
                        },
                    )
                })?;
                cx.read_check(table, &mut glossary, key_offset)?;
            }
            // A table this satz does not know, and no typo of one it does:
            // written by a newer satz or another tool. Ignored with a
            // warning, so the rest of the file still works.
            other
                if item.is_table_like()
                    && suggest(other, &TOP_KEYS).is_empty()
                    && !TERM_KEYS.contains(&other) =>
            {
                let at = header_location(text, key_offset);
                glossary.unknown_tables.push((other.to_owned(), at));
            }
            other => return Err(cx.unknown_key(other, key_offset, Section::TopLevel, &TOP_KEYS)),
        }
    }
    cx.check_duplicates(&glossary.terms, &de_offsets)?;
    Ok(Parsed {
        doc,
        glossary,
        de_offsets,
    })
}

/// Where the table header whose name starts at `key_offset` is: its `[`,
/// not the name inside it (the start of the text for a key without a
/// position, which `toml_edit` gives every key it parsed).
fn header_location(text: &str, key_offset: Option<usize>) -> Location {
    let offset = key_offset.unwrap_or(0);
    let bracket = text
        .get(..offset)
        .and_then(|b| b.trim_end().strip_suffix('['))
        .map_or(offset, str::len);
    Location::from_offset(text, bracket)
}

/// The fields of one `[[term]]` as read, before the checks that need them
/// all (both `de` and `en` present, nothing both approved and forbidden,
/// a `match` that fits its `de`).
#[derive(Default)]
struct TermFields {
    /// The term with the fields that need no such check.
    term: Term,
    de: Option<(String, Option<usize>)>,
    en: Option<Spanned>,
    forbidden: Spanned,
    forms: Spanned,
    match_value: Option<(String, Option<usize>)>,
}

/// Parsing context: the text and path for error locations.
struct Cx<'a> {
    text: &'a str,
    path: &'a Path,
}

fn key_start(key: Option<&Key>) -> Option<usize> {
    key.and_then(Key::span).map(|s| s.start)
}

fn item_start(item: &Item, fallback: Option<usize>) -> Option<usize> {
    item.span().map(|s| s.start).or(fallback)
}

fn value_start(value: &Value, fallback: Option<usize>) -> Option<usize> {
    value.span().map(|s| s.start).or(fallback)
}

/// "a string", "an integer", ... for messages.
pub(crate) fn type_name(item: &Item) -> &'static str {
    match item {
        Item::None => "nothing",
        Item::Value(v) => value_type_name(v),
        Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "an array of tables",
    }
}

fn value_type_name(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Boolean(_) => "a boolean",
        Value::Datetime(_) => "a date-time",
        Value::Array(_) => "an array",
        Value::InlineTable(_) => "an inline table",
    }
}

/// A suggestion for a mistyped key: the closest allowed key within edit
/// distance (Levenshtein, over chars) 2, as `` (did you mean `x`?)``, or an empty string.
pub(crate) fn suggest(key: &str, allowed: &[&str]) -> String {
    let lower = key.to_lowercase();
    allowed
        .iter()
        .map(|cand| (strsim::levenshtein(&lower, cand), *cand))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, cand)| format!(" (did you mean `{cand}`?)"))
        .unwrap_or_default()
}

/// A string list as read from the file: values with their offsets.
type Spanned = Vec<(String, Option<usize>)>;

impl Cx<'_> {
    fn err(&self, offset: Option<usize>, kind: ErrorKind) -> GlossaryError {
        GlossaryError::at(self.path, self.text, offset, kind)
    }

    fn unknown_key(
        &self,
        key: &str,
        offset: Option<usize>,
        section: Section,
        allowed: &[&str],
    ) -> GlossaryError {
        let mut hint = suggest(key, allowed);
        if hint.is_empty() && section == Section::TopLevel && TERM_KEYS.contains(&key) {
            hint = " (term keys go after a [[term]] line)".into();
        }
        if hint.is_empty() && section == Section::Term && GLOSSARY_KEYS.contains(&key) {
            hint = " (it belongs in [glossary])".into();
        }
        self.err(
            offset,
            ErrorKind::UnknownKey {
                key: key.into(),
                section,
                hint,
            },
        )
    }

    /// Reads `[check]`: `fail_on`, a string or an array of strings.
    fn read_check(
        &self,
        table: &dyn TableLike,
        glossary: &mut Glossary,
        fallback: Option<usize>,
    ) -> Result<(), GlossaryError> {
        for (key, item) in table.iter() {
            let key_offset = key_start(table.key(key)).or(fallback);
            if key != "fail_on" {
                return Err(self.unknown_key(key, key_offset, Section::Check, &CHECK_KEYS));
            }
            let values: Vec<&Value> = match item.as_value() {
                Some(Value::Array(a)) => a.iter().collect(),
                Some(v @ Value::String(_)) => vec![v],
                _ => {
                    return Err(self.err(
                        item_start(item, key_offset),
                        ErrorKind::WrongType {
                            key: "fail_on".into(),
                            expected: "a string or an array of strings",
                            found: type_name(item),
                        },
                    ));
                }
            };
            let mut list = Vec::new();
            for v in values {
                let Some(s) = v.as_str() else {
                    return Err(self.err(
                        value_start(v, key_offset),
                        ErrorKind::WrongType {
                            key: "fail_on".into(),
                            expected: "strings",
                            found: value_type_name(v),
                        },
                    ));
                };
                let at = Location::from_offset(self.text, value_start(v, key_offset).unwrap_or(0));
                list.push((s.to_owned(), at));
            }
            glossary.check.fail_on = Some(list);
        }
        Ok(())
    }

    fn read_header(
        &self,
        table: &dyn TableLike,
        glossary: &mut Glossary,
        fallback: Option<usize>,
    ) -> Result<(), GlossaryError> {
        for (key, item) in table.iter() {
            let key_offset = key_start(table.key(key)).or(fallback);
            let (slot, name) = match key {
                "source_lang" => (&mut glossary.source_lang, "source_lang"),
                "target_lang" => (&mut glossary.target_lang, "target_lang"),
                other => {
                    return Err(self.unknown_key(
                        other,
                        key_offset,
                        Section::Glossary,
                        &GLOSSARY_KEYS,
                    ));
                }
            };
            let (value, offset) = self.string(name, item, key_offset)?;
            if !is_language_tag(&value) {
                return Err(self.err(offset, ErrorKind::BadLanguage { key: name, value }));
            }
            *slot = value;
        }
        Ok(())
    }

    /// Reads the `[[term]]` array `item` (whose key is at `key_offset`):
    /// every term with the offset of its `de` value.
    fn read_terms(
        &self,
        item: &Item,
        key_offset: Option<usize>,
    ) -> Result<Vec<(Term, usize)>, GlossaryError> {
        let Some(aot) = item.as_array_of_tables() else {
            return Err(self.err(
                item.span().map(|s| s.start).or(key_offset),
                ErrorKind::TermNotArrayOfTables {
                    found: type_name(item),
                },
            ));
        };
        aot.iter().map(|table| self.read_term(table)).collect()
    }

    /// Reads one `[[term]]`; returns the term and the offset of its `de` value.
    fn read_term(&self, table: &Table) -> Result<(Term, usize), GlossaryError> {
        let header = table.span().map(|s| s.start);
        let mut fields = TermFields::default();
        for (key, item) in table.iter() {
            let key_offset = key_start(table.key(key)).or(header);
            self.read_term_field(&mut fields, key, item, key_offset)?;
        }
        self.finish_term(fields, header)
    }

    /// Reads the field `key` of a `[[term]]` into `fields`, checking what
    /// the value alone can tell.
    fn read_term_field(
        &self,
        fields: &mut TermFields,
        key: &str,
        item: &Item,
        key_offset: Option<usize>,
    ) -> Result<(), GlossaryError> {
        let term = &mut fields.term;
        match key {
            "de" => {
                let (value, offset) = self.string("de", item, key_offset)?;
                check_term_text("de", &value).map_err(|k| self.err(offset, k))?;
                fields.de = Some((value, offset));
            }
            "en" => {
                let list = self.string_list("en", item, key_offset)?;
                if list.is_empty() {
                    return Err(self.err(
                        item_start(item, key_offset),
                        ErrorKind::EmptyList { key: "en".into() },
                    ));
                }
                fields.en = Some(list);
            }
            "forbidden" => fields.forbidden = self.string_list("forbidden", item, key_offset)?,
            "forms" => fields.forms = self.string_list("forms", item, key_offset)?,
            "note" => {
                let (value, offset) = self.string("note", item, key_offset)?;
                check_not_blank("note", &value).map_err(|k| self.err(offset, k))?;
                term.note = Some(value);
            }
            "pos" => {
                let (value, offset) = self.string("pos", item, key_offset)?;
                check_term_text("pos", &value).map_err(|k| self.err(offset, k))?;
                term.pos = Some(value);
            }
            "status" => {
                let (value, offset) = self.string("status", item, key_offset)?;
                term.status = Some(value.parse::<Status>().map_err(|k| self.err(offset, k))?);
            }
            "case_sensitive" => {
                term.case_sensitive =
                    item.as_value().and_then(Value::as_bool).ok_or_else(|| {
                        self.err(
                            item_start(item, key_offset),
                            ErrorKind::WrongType {
                                key: "case_sensitive".into(),
                                expected: "true or false",
                                found: type_name(item),
                            },
                        )
                    })?;
            }
            "match" => fields.match_value = Some(self.string("match", item, key_offset)?),
            other => {
                return Err(self.unknown_key(other, key_offset, Section::Term, &TERM_KEYS));
            }
        }
        Ok(())
    }

    /// The term of `fields`, after the checks that need all of them; with
    /// the offset of its `de` value (of the `[[term]]` header, or the
    /// start of the text, where `toml_edit` gives no position).
    fn finish_term(
        &self,
        fields: TermFields,
        header: Option<usize>,
    ) -> Result<(Term, usize), GlossaryError> {
        let TermFields {
            mut term,
            de,
            en,
            forbidden,
            forms,
            match_value,
        } = fields;
        let Some((de, de_offset)) = de else {
            return Err(self.err(header, ErrorKind::MissingKey { key: "de" }));
        };
        let Some(en) = en else {
            return Err(self.err(header, ErrorKind::MissingKey { key: "en" }));
        };
        if let Some((value, offset)) = forbidden
            .iter()
            .find(|(f, _)| en.iter().any(|(e, _)| e == f))
        {
            return Err(self.err(
                *offset,
                ErrorKind::ApprovedAndForbidden {
                    de,
                    value: value.clone(),
                },
            ));
        }
        if let Some((value, offset)) = match_value {
            term.match_mode = MatchMode::from_toml(&value, &de)
                .map_err(|reason| self.err(offset, ErrorKind::BadMatch { value, reason }))?;
        }
        term.de = de;
        term.en = en.into_iter().map(|(s, _)| s).collect();
        term.forbidden = forbidden.into_iter().map(|(s, _)| s).collect();
        term.forms = forms.into_iter().map(|(s, _)| s).collect();
        Ok((term, de_offset.or(header).unwrap_or(0)))
    }

    /// A string value and its offset.
    fn string(
        &self,
        key: &str,
        item: &Item,
        key_offset: Option<usize>,
    ) -> Result<(String, Option<usize>), GlossaryError> {
        let offset = item_start(item, key_offset);
        match item.as_value().and_then(Value::as_str) {
            Some(s) => Ok((s.to_owned(), offset)),
            None => Err(self.err(
                offset,
                ErrorKind::WrongType {
                    key: key.into(),
                    expected: "a string",
                    found: type_name(item),
                },
            )),
        }
    }

    /// A string or an array of strings; each value is checked with
    /// [`check_term_text`] and for repeats.
    fn string_list(
        &self,
        key: &str,
        item: &Item,
        key_offset: Option<usize>,
    ) -> Result<Spanned, GlossaryError> {
        let offset = item_start(item, key_offset);
        let wrong = |found| {
            self.err(
                offset,
                ErrorKind::WrongType {
                    key: key.into(),
                    expected: "a string or an array of strings",
                    found,
                },
            )
        };
        let mut out: Spanned = Vec::new();
        match item.as_value() {
            Some(Value::String(s)) => out.push((s.value().clone(), offset)),
            Some(Value::Array(array)) => {
                for element in array.iter() {
                    let element_offset = value_start(element, offset);
                    let Some(s) = element.as_str() else {
                        return Err(self.err(
                            element_offset,
                            ErrorKind::WrongType {
                                key: key.into(),
                                expected: "an array of strings",
                                found: value_type_name(element),
                            },
                        ));
                    };
                    out.push((s.to_owned(), element_offset));
                }
            }
            _ => return Err(wrong(type_name(item))),
        }
        for (i, (value, value_offset)) in out.iter().enumerate() {
            check_term_text(key, value).map_err(|k| self.err(*value_offset, k))?;
            if out.iter().take(i).any(|(earlier, _)| earlier == value) {
                return Err(self.err(
                    *value_offset,
                    ErrorKind::DuplicateValue {
                        key: key.into(),
                        value: value.clone(),
                    },
                ));
            }
        }
        Ok(out)
    }

    /// Reports the first term (in file order) that is the same entry as an
    /// earlier one, per [`Term::same_term_as`].
    fn check_duplicates(&self, terms: &[Term], de_offsets: &[usize]) -> Result<(), GlossaryError> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            let bucket = by_key.entry(term.identity_key()).or_default();
            let earlier = bucket
                .iter()
                .copied()
                .find(|&j| terms.get(j).is_some_and(|t| t.same_term_as(term)));
            if let (Some(j), Some(first)) = (earlier, earlier.and_then(|j| terms.get(j))) {
                let first_offset = de_offsets.get(j).copied().unwrap_or(0);
                return Err(self.err(
                    de_offsets.get(i).copied(),
                    ErrorKind::DuplicateTerm {
                        de: term.de.clone(),
                        first_de: first.de.clone(),
                        first_line: Location::from_offset(self.text, first_offset).line,
                    },
                ));
            }
            bucket.push(i);
        }
        Ok(())
    }
}
