//! Writing term tables: the cells for the terminal (drawn by the CLI),
//! Markdown (a pipe table), CSV (a header row, the German term first), TBX
//! (the glossary's TBX-Basic with each term's example pair as `descrip
//! type="context"`) and, in [`super::html`], a self-contained page.

use super::extract::Candidate;
use super::usage::TermUsage;
use crate::glossary::exchange::{TbxContext, TbxOptions, to_tbx};
use crate::glossary::{Glossary, Term};

/// A table: header and rows of cells (cells may hold line breaks).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableData {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

impl TableData {
    /// A GitHub-flavoured Markdown pipe table.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let line = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
            format!("| {} |\n", cells.join(" | "))
        };
        out.push_str(&line(&self.header));
        out.push_str(&format!(
            "|{}\n",
            self.header.iter().map(|_| "---|").collect::<String>()
        ));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }

    /// CSV with the header as its first row.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        crate::report::csv::to_string(std::iter::once(&self.header).chain(&self.rows))
    }
}

/// A Markdown table cell: `|` and `\` escaped, `<` as `&lt;`, line breaks
/// as `<br>`.
pub fn md_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The distribution of a term's translations in memory: approved ones
/// used, in glossary order, then forbidden ones used, then `other`, each
/// with its unit count. `forbidden_mark` is put before a forbidden one
/// (`"✗ "`) or, when empty, ` (forbidden)` after it.
pub fn distribution(term: &Term, usage: &TermUsage, forbidden_mark: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (en, &n) in term.en.iter().zip(&usage.approved) {
        if n > 0 {
            out.push(format!("{en}: {n}"));
        }
    }
    for (f, &n) in term.forbidden.iter().zip(&usage.forbidden) {
        if n > 0 {
            if forbidden_mark.is_empty() {
                out.push(format!("{f} (forbidden): {n}"));
            } else {
                out.push(format!("{forbidden_mark}{f}: {n}"));
            }
        }
    }
    if usage.units_other > 0 {
        out.push(format!("other: {}", usage.units_other));
    }
    out
}

/// The format the term table is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// Terminal.
    Terminal,
    /// Markdown.
    Markdown,
    /// CSV.
    Csv,
}

/// The term table (one row per glossary term).
pub fn term_table(glossary: &Glossary, usage: &[TermUsage], flavour: Flavour) -> TableData {
    let empty = TermUsage::default();
    let rows = glossary
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // Without a memory there is no usage: every term has 0 units.
            let u = usage.get(i).unwrap_or(&empty);
            term_row(t, u, flavour)
        })
        .collect();
    TableData {
        header: table_header(glossary, flavour),
        rows,
    }
}

/// The header of the term table in `flavour`; CSV names the language
/// columns by the glossary's languages.
fn table_header(glossary: &Glossary, flavour: Flavour) -> Vec<String> {
    let src = glossary.source_lang.as_str();
    let tgt = glossary.target_lang.as_str();
    match flavour {
        Flavour::Terminal => [
            "German",
            "Approved",
            "Forbidden",
            "Status",
            "Note",
            "In memory",
            "Example",
        ]
        .map(String::from)
        .to_vec(),
        Flavour::Markdown => [
            "German",
            "Approved",
            "Forbidden",
            "Status",
            "Note",
            "Units",
            "Translations in memory",
            "Example",
        ]
        .map(String::from)
        .to_vec(),
        Flavour::Csv => vec![
            src.to_owned(),
            tgt.to_owned(),
            "forbidden".into(),
            "status".into(),
            "note".into(),
            "units".into(),
            "units_approved".into(),
            "units_forbidden".into(),
            "units_other".into(),
            "translations".into(),
            format!("example_{src}"),
            format!("example_{tgt}"),
        ],
    }
}

/// The row of term `t` with its usage `u` in memory, in `flavour`.
fn term_row(t: &Term, u: &TermUsage, flavour: Flavour) -> Vec<String> {
    // A term without a status, note or example shows empty cells.
    let status = t.status.map(|s| s.to_string()).unwrap_or_default();
    let note = t.note.clone().unwrap_or_default();
    let (ex_de, ex_en) = u
        .example
        .as_ref()
        .map(|e| (e.source.clone(), e.target.clone()))
        .unwrap_or_default();
    match flavour {
        Flavour::Terminal => vec![
            t.de.clone(),
            t.en.join("\n"),
            t.forbidden.join("\n"),
            status,
            note,
            terminal_memory(t, u),
            example(&ex_de, &ex_en, "\n→ "),
        ],
        Flavour::Markdown => vec![
            t.de.clone(),
            t.en.join("; "),
            t.forbidden.join("; "),
            status,
            note,
            u.units.to_string(),
            distribution(t, u, "").join("; "),
            example(&ex_de, &ex_en, " → "),
        ],
        Flavour::Csv => vec![
            t.de.clone(),
            t.en.join("; "),
            t.forbidden.join("; "),
            status,
            note,
            u.units.to_string(),
            u.units_approved.to_string(),
            u.units_forbidden.to_string(),
            u.units_other.to_string(),
            distribution(t, u, "").join("; "),
            ex_de,
            ex_en,
        ],
    }
}

/// The terminal's "In memory" cell: the number of units, then how memory
/// translates the term, forbidden translations marked; a dash if none.
fn terminal_memory(t: &Term, u: &TermUsage) -> String {
    if u.units == 0 {
        return "–".to_owned();
    }
    let mut lines = vec![format!(
        "{} unit{}",
        u.units,
        if u.units == 1 { "" } else { "s" }
    )];
    lines.extend(distribution(t, u, "✗ "));
    lines.join("\n")
}

/// An example pair joined by `arrow`; empty without an example.
fn example(source: &str, target: &str, arrow: &str) -> String {
    if source.is_empty() {
        String::new()
    } else {
        format!("{source}{arrow}{target}")
    }
}

/// The glossary as TBX-Basic with each term's example pair as context.
pub fn term_tbx(glossary: &Glossary, usage: &[TermUsage]) -> String {
    let contexts = glossary
        .terms
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let e = usage.get(i)?.example.as_ref()?;
            Some(TbxContext {
                source: e.source.clone(),
                target: e.target.clone(),
                en_index: e.en_index,
            })
        })
        .collect();
    to_tbx(
        glossary,
        &TbxOptions {
            contexts,
            ..TbxOptions::default()
        },
    )
}

/// The candidate table of `terms --extract`.
pub fn candidate_table(
    candidates: &[Candidate],
    glossary: &Glossary,
    flavour: Flavour,
) -> TableData {
    let src = glossary.source_lang.as_str();
    let tgt = glossary.target_lang.as_str();
    let header: Vec<String> = match flavour {
        Flavour::Terminal | Flavour::Markdown => [
            "German",
            "English (Dice)",
            "Units",
            "Score",
            // The example is last: the terminal layout cuts and stacks it.
            "Kind",
            "Example",
        ]
        .map(String::from)
        .to_vec(),
        Flavour::Csv => vec![
            src.to_owned(),
            tgt.to_owned(),
            "dice".into(),
            "units".into(),
            "score".into(),
            "alternatives".into(),
            format!("example_{src}"),
            format!("example_{tgt}"),
            "kind".into(),
        ],
    };
    let rows = candidates
        .iter()
        .map(|c| candidate_row(c, flavour))
        .collect();
    TableData { header, rows }
}

/// One row of the candidate table.
fn candidate_row(c: &Candidate, flavour: Flavour) -> Vec<String> {
    let eq: Vec<String> = c
        .equivalents
        .iter()
        .map(|e| format!("{} ({:.2})", e.en, e.dice))
        .collect();
    let (ex_de, ex_en) = c
        .example
        .as_ref()
        .map(|e| (e.source.clone(), e.target.clone()))
        .unwrap_or_default();
    let score = format!("{:.2}", c.score);
    match flavour {
        Flavour::Terminal | Flavour::Markdown => {
            // The terminal stacks equivalents and the example's sides.
            let (between, arrow) = if flavour == Flavour::Terminal {
                ("\n", "\n→ ")
            } else {
                ("; ", " → ")
            };
            vec![
                c.de.clone(),
                eq.join(between),
                c.units.to_string(),
                score,
                c.kind.as_str().to_owned(),
                if ex_de.is_empty() {
                    String::new()
                } else {
                    format!("{ex_de}{arrow}{ex_en}")
                },
            ]
        }
        Flavour::Csv => {
            let best = c.equivalents.first();
            vec![
                c.de.clone(),
                best.map(|e| e.en.clone()).unwrap_or_default(),
                best.map(|e| format!("{:.3}", e.dice)).unwrap_or_default(),
                c.units.to_string(),
                format!("{:.3}", c.score),
                eq.iter().skip(1).cloned().collect::<Vec<_>>().join("; "),
                ex_de,
                ex_en,
                c.kind.as_str().to_owned(),
            ]
        }
    }
}

/// Candidates as TBX-Basic: unreviewed (no German status, every English
/// equivalent admitted), with a note giving the evidence and the example
/// pair as context. `satz glossary import` reads it back.
pub fn candidate_tbx(candidates: &[Candidate], glossary: &Glossary) -> String {
    let terms: Vec<Term> = candidates
        .iter()
        .map(|c| Term {
            note: Some(format!(
                "Candidate from satz terms --extract: {} units, score {:.2}{}, kind {}",
                c.units,
                c.score,
                c.equivalents
                    .first()
                    .map(|e| format!(", Dice {:.2} with \"{}\"", e.dice, e.en))
                    .unwrap_or_default(),
                c.kind.as_str(),
            )),
            ..Term::new(c.de.clone(), c.equivalents.iter().map(|e| e.en.clone()))
        })
        .collect();
    let contexts = candidates
        .iter()
        .map(|c| {
            c.example.as_ref().map(|e| TbxContext {
                source: e.source.clone(),
                target: e.target.clone(),
                en_index: Some(0),
            })
        })
        .collect();
    let g = Glossary {
        source_lang: glossary.source_lang.clone(),
        target_lang: glossary.target_lang.clone(),
        terms,
        ..Glossary::default()
    };
    to_tbx(
        &g,
        &TbxOptions {
            contexts,
            candidates: true,
            source_desc: Some(format!(
                "satz term candidates, {} to {}, {} candidates",
                g.source_lang,
                g.target_lang,
                g.terms.len()
            )),
            ..TbxOptions::default()
        },
    )
}
