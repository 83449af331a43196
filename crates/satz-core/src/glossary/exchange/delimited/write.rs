//! Writing a glossary as OmegaT tab-separated text ([`to_tsv`]) and as CSV
//! ([`to_csv`]); the comment that carries forbidden translations.

use super::*;

/// Splits a comment into the note and the values of a trailing
/// `[forbidden: a; b]`.
pub fn split_comment(comment: &str) -> (Option<String>, Vec<String>) {
    if let Some(body) = comment.trim_end().strip_suffix(']')
        && let Some(at) = body.rfind("[forbidden:")
    {
        // rfind found "[forbidden:" at `at`: both splits are on char boundaries.
        let (note, tail) = body.split_at(at);
        let (_, list) = tail.split_at("[forbidden:".len());
        let note = note.strip_suffix(' ').unwrap_or(note);
        return (
            (!note.trim().is_empty()).then(|| note.to_owned()),
            split_list(list),
        );
    }
    (
        (!comment.trim().is_empty()).then(|| comment.to_owned()),
        Vec::new(),
    )
}

/// The comment satz writes for a term: the note, then `[forbidden: ...]`.
pub fn join_comment(note: Option<&str>, forbidden: &[String]) -> String {
    let mut out = note.map(one_line).unwrap_or_default();
    if !forbidden.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("[forbidden: {}]", forbidden.join("; ")));
    }
    out
}

pub(super) fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\t', '\n', '\r'], " ")
}

/// The glossary as an OmegaT tab-separated glossary (see the module
/// documentation).
pub fn to_tsv(glossary: &Glossary) -> String {
    let mut out = String::from("# -*- coding: utf-8 -*-\n");
    for term in &glossary.terms {
        let mut de = one_line(&term.de);
        if de.starts_with('#') {
            // OmegaT reads a line starting with `#` as a comment; it trims
            // the cells of other lines, and so does satz.
            de.insert(0, ' ');
        }
        for (i, en) in term.en.iter().enumerate() {
            out.push_str(&de);
            out.push('\t');
            out.push_str(&one_line(en));
            if i == 0 {
                let comment = join_comment(term.note.as_deref(), &term.forbidden);
                if !comment.is_empty() {
                    out.push('\t');
                    out.push_str(&comment);
                }
            }
            out.push('\n');
        }
    }
    out
}

/// The glossary as CSV with a header (see the module documentation).
pub fn to_csv(glossary: &Glossary) -> Result<String, csv::Error> {
    // Fields with `#` are quoted, so that readers taking `#` for a comment
    // (OmegaT's CSV glossary reader skips lines starting with `#`) keep a
    // row whose German starts with one.
    let mut builder = csv::WriterBuilder::new();
    builder.comment(Some(b'#'));
    let header = [
        glossary.source_lang.as_str(),
        glossary.target_lang.as_str(),
        "note",
        "forbidden",
        "pos",
        "status",
        "forms",
        "case_sensitive",
        "match",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|s| (*s).to_owned()).collect()];
    for t in &glossary.terms {
        rows.push(vec![
            t.de.clone(),
            t.en.join("; "),
            t.note.clone().unwrap_or_default(),
            t.forbidden.join("; "),
            t.pos.clone().unwrap_or_default(),
            t.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            t.forms.join("; "),
            if t.case_sensitive { "true" } else { "" }.to_owned(),
            if t.match_mode == MatchMode::Stem {
                String::new()
            } else {
                t.match_mode.to_toml(&t.de)
            },
        ]);
    }
    crate::report::csv::to_string_with(&builder, rows)
}

/// The glossary as OmegaT's CSV glossary (`glossary export --format omegat
/// -o NAME.csv`): no header row (OmegaT would read it as a term), one row
/// per approved translation as in [`to_tsv`], `german,english,comment`,
/// fields quoted where needed. A German term starting with `#` is quoted,
/// which every OmegaT version honours (its CSV reader skips only lines
/// that start with `#`), unlike the tab-separated file's leading space.
pub fn to_omegat_csv(glossary: &Glossary) -> Result<String, csv::Error> {
    let mut builder = csv::WriterBuilder::new();
    builder.comment(Some(b'#'));
    let mut rows: Vec<[String; 3]> = Vec::new();
    for term in &glossary.terms {
        for (i, en) in term.en.iter().enumerate() {
            let comment = if i == 0 {
                join_comment(term.note.as_deref(), &term.forbidden)
            } else {
                String::new()
            };
            rows.push([one_line(&term.de), one_line(en), comment]);
        }
    }
    crate::report::csv::to_string_with(&builder, rows)
}
