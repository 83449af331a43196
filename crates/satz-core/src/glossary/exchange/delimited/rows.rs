//! From rows of cells to entries: by position (OmegaT) or by the header's
//! named columns, rows with the same source term joined into one entry.

use super::*;

/// Turns rows into entries, grouping rows with the same source.
pub(super) fn from_rows(rows: Vec<(usize, Vec<String>)>, path: &Path) -> Delimited {
    let blank = |cells: &[String]| cells.iter().all(|c| c.trim().is_empty());
    let mut warnings = Vec::new();
    let mut layout = Layout::Positional;
    let mut data = rows.as_slice();
    let mut after_head = rows.iter();
    if let Some((line, cells)) = after_head.find(|(_, cells)| !blank(cells))
        && let Some(head) = header(cells)
    {
        if !head.unknown.is_empty() {
            let names: Vec<String> = head.unknown.iter().map(|n| format!("{n:?}")).collect();
            warnings.push(Warning {
                location: Location::line(path, *line),
                message: format!(
                    "ignored the columns satz does not know: {}",
                    names.join(", ")
                ),
            });
        }
        data = after_head.as_slice();
        let mut cols = head.cols;
        flag_columns(&mut cols, data);
        layout = Layout::Named(cols);
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut by_source: HashMap<String, usize> = HashMap::new();
    // Rows with more non-empty cells than the header has columns (an
    // unquoted comma inside a term): how many, and the first line.
    let mut wide: Option<(usize, usize)> = None;
    for (line, cells) in data {
        if blank(cells) {
            continue;
        }
        if let Layout::Named(cols) = &layout
            && cells.iter().skip(cols.len()).any(|c| !c.trim().is_empty())
        {
            // None counted yet: this is the first.
            let (n, first) = wide.unwrap_or((0, *line));
            wide = Some((n + 1, first));
        }
        let entry = match &layout {
            Layout::Positional => positional(*line, cells),
            Layout::Named(cols) => named(*line, cells, cols),
        };
        // Rows with the same source column text are one entry.
        let key = entry_source_key(&entry);
        match key.as_ref().and_then(|k| by_source.get(k)).copied() {
            Some(i) => {
                if let Some(first) = entries.get_mut(i) {
                    absorb(first, entry);
                }
            }
            None => {
                if let Some(k) = key {
                    by_source.insert(k, entries.len());
                }
                entries.push(entry);
            }
        }
    }
    if let Some((n, first)) = wide {
        warnings.push(Warning {
            location: Location::line(path, first),
            message: format!(
                "{n} row(s) have more cells than the header has columns; the extra \
                 cells were left out (a comma inside a term needs quotes)"
            ),
        });
    }
    Delimited { entries, warnings }
}

/// A key for grouping positional rows: the source text.
pub(super) fn entry_source_key(entry: &Entry) -> Option<String> {
    let g = entry.groups.first()?;
    let t = g.terms.first()?;
    (g.lang == LangKey::Source).then(|| t.text.clone())
}

/// Adds a later row's target terms and notes to the first row's entry.
pub(super) fn absorb(first: &mut Entry, later: Entry) {
    for g in later.groups {
        match first.groups.iter_mut().find(|f| f.lang == g.lang) {
            Some(f) => {
                for t in g.terms {
                    if !f
                        .terms
                        .iter()
                        .any(|x| x.text == t.text && x.status == t.status)
                    {
                        f.terms.push(t);
                    }
                }
                for n in g.notes {
                    if !f.notes.contains(&n) {
                        f.notes.push(n);
                    }
                }
            }
            None => first.groups.push(g),
        }
    }
    for n in later.notes {
        if !first.notes.contains(&n) {
            first.notes.push(n);
        }
    }
    for f in later.forbidden {
        if !first.forbidden.contains(&f) {
            first.forbidden.push(f);
        }
    }
}

pub(super) fn positional(line: usize, cells: &[String]) -> Entry {
    // A short row leaves its last columns empty.
    let get = |i: usize| cells.get(i).map(String::as_str).unwrap_or_default();
    let (note, forbidden) = split_comment(get(2));
    let mut entry = Entry {
        line,
        forbidden,
        ..Entry::default()
    };
    push_terms(
        &mut entry,
        LangKey::Source,
        non_empty(get(0)).map(EntryTerm::new),
    );
    push_terms(
        &mut entry,
        LangKey::Target,
        non_empty(get(1)).map(EntryTerm::new),
    );
    entry.notes.extend(note);
    entry
}

pub(super) fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

pub(super) fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Appends terms to the entry's group for `lang`, creating it.
pub(super) fn push_terms(
    entry: &mut Entry,
    lang: LangKey,
    terms: impl IntoIterator<Item = EntryTerm>,
) {
    let terms: Vec<EntryTerm> = terms.into_iter().collect();
    if terms.is_empty() {
        return;
    }
    match entry.groups.iter_mut().find(|g| g.lang == lang) {
        Some(g) => g.terms.extend(terms),
        None => entry.groups.push(LangGroup::new(lang, terms)),
    }
}

pub(super) fn named(line: usize, cells: &[String], cols: &[Option<Col>]) -> Entry {
    let mut entry = Entry {
        line,
        ..Entry::default()
    };
    let mut forbidden_row = false;
    let mut lang_notes: Vec<(&str, &str)> = Vec::new();
    for (cell, col) in cells.iter().zip(cols) {
        let Some(col) = col else { continue };
        if cell.trim().is_empty() {
            continue;
        }
        let terms = || split_list(cell).into_iter().map(EntryTerm::new);
        match col {
            Col::Source => push_terms(&mut entry, LangKey::Source, [EntryTerm::new(cell.trim())]),
            Col::Target => push_terms(&mut entry, LangKey::Target, terms()),
            // Whether a language column is the source or the target is decided
            // per glossary: keep every value; as a source only the first is a
            // term, the rest are its synonyms.
            Col::Lang(tag) => push_terms(&mut entry, LangKey::Tag(tag.clone()), terms()),
            Col::LangNote(tag) => lang_notes.push((tag, cell)),
            Col::Note => {
                let (note, more) = split_comment(cell);
                entry.notes.extend(note);
                entry.forbidden.extend(more);
            }
            Col::Forbidden => entry.forbidden.extend(split_list(cell)),
            Col::ForbiddenFlag => forbidden_row |= truth(cell) == Some(true),
            Col::Pos => entry.extra.pos = Some(cell.trim().to_owned()),
            Col::Status => entry.extra.status = TermStatus::parse(cell),
            Col::Forms => entry.extra.forms.extend(split_list(cell)),
            Col::CaseSensitive => entry.extra.case_sensitive = truth(cell) == Some(true),
            Col::Match => entry.extra.match_mode = Some(cell.trim().to_owned()),
        }
    }
    for (tag, note) in lang_notes {
        let group = entry
            .groups
            .iter_mut()
            .find(|g| matches!(&g.lang, LangKey::Tag(t) if same_tag(t, tag)));
        if let Some(g) = group
            && !g.notes.iter().any(|n| n == note)
        {
            g.notes.push(note.to_owned());
        }
    }
    if forbidden_row {
        // Which language is the target is the glossary's choice: every
        // term but a source column's is not to be used (a glossary entry
        // needs an approved translation, so such a row alone gives none).
        for g in entry
            .groups
            .iter_mut()
            .filter(|g| g.lang != LangKey::Source)
        {
            for t in &mut g.terms {
                t.status = Some(TermStatus::Deprecated);
            }
        }
    }
    entry
}
