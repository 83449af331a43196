//! OmegaT tab-separated glossaries and CSV glossaries: reading and writing.
//!
//! # Reading
//!
//! OmegaT's layout is `source<TAB>target<TAB>comment` per line, the columns
//! by position, without language tags; lines starting with `#` are comments
//! (the first may carry `-*- coding: ... -*-`, see the decoder), blank
//! lines and lines of empty fields are ignored, a line with one column
//! has no target. Lines with the same source are one entry with several
//! translations, as OmegaT shows them. Lines end in `\r\n`, `\n` or a lone
//! `\r` (Excel for Mac's legacy text formats; Java's `readLine`, which
//! OmegaT uses, splits there too), in CSV outside quotes; entries and
//! warnings name the line where their row starts.
//!
//! **CSV** is read the same way, with RFC 4180 quoting and no comments (a
//! row starting with `#` is a row). The delimiter is the one of `,` `;`
//! and tab that splits most of the first 20 non-blank rows into the same
//! number of fields, at least two (quotes respected; ties: the most fields
//! in the first row, then fewer fields starting with a space, then `,`), or
//! the one Excel's `sep=X` first line names (that line is skipped). A quote
//! that opens a field and is never closed, or closes it on a later line
//! with text after it, is an error naming its line, and nothing is read.
//!
//! **Header.** The first non-blank row of either format is a header when
//! two of its cells name different languages or sides, whatever the other
//! cells hold; or when every non-empty cell is a column satz knows and one
//! names a language or side (`term,definition`). Two cells naming one
//! language (`Deutsch`, `German`) are a row of terms. Columns satz knows:
//!
//! * a language: a tag with a known ISO 639 code, optionally a script and
//!   a region (`de`, `de-DE`, `DE_de`, `gsw`; `ID` is an identifier, not
//!   Indonesian), or an English or German language name, optionally with
//!   a region (`German`, `Deutsch`, `Englisch`, `English (United Kingdom)`,
//!   `Deutsch (Schweiz)`, `English_United_States`), also with `term` or
//!   `translation` (`Term [en]`, `German term`);
//! * a note on one language's terms: a language with `note`, `comment`,
//!   `def`, `definition`, `description` or a German word for them
//!   (memoQ's `German_Def`, `de_description`, `EN-GB comment`);
//! * `source`/`term`/`Begriff`, `target`/`translation`/`Übersetzung`;
//! * a note on the entry: `note(s)`, `comment(s)`, `definition`,
//!   `description`, `remark(s)`, memoQ's `Entry_Note`, `Kommentar`,
//!   `Anmerkung`, `Bemerkung`, `Hinweis`, `Beschreibung`, ...;
//! * `forbidden` (`verboten`): forbidden translations, `;`-separated; when
//!   every cell of the column is yes or no (`TRUE`/`FALSE`, `yes`/`no`,
//!   `1`/`0`, `wahr`/`falsch`, `ja`/`nein`), as Matecat writes it, yes
//!   makes the row's translations forbidden instead (every term but a
//!   `source` column's: which language is the target is the glossary's
//!   choice). Such a row alone gives no glossary entry, which needs an
//!   approved translation; it is skipped and said why;
//! * `pos`, `status`, `forms`, `case_sensitive` (yes/no), `match`.
//!
//! Other columns (`Domain`, `Entry_ID`, `Example of use`, ...) are ignored,
//! with one warning naming them. The glossary's source and target columns
//! are found by language (as for TBX: see `entry.rs`), and the
//! cells of `target`, language, `forbidden` and `forms` columns may hold
//! several values separated by `;`.
//!
//! A comment ending in `[forbidden: a; b]` (what satz writes) gives
//! forbidden translations.
//!
//! Text that is JSON (it starts with `{` or `[` and is JSON, or its first
//! line is or opens a JSON object or array) is refused, naming the format,
//! whatever the file's extension: read as delimited text it would give
//! garbage terms. A line such as `[sic]<TAB>sic` is not JSON.
//!
//! # Writing
//!
//! [`to_tsv`]: OmegaT's layout, first line `# -*- coding: utf-8 -*-`, then
//! one line per approved translation (`german<TAB>english`), preferred first;
//! the first line of a term carries the comment: the note, then
//! `[forbidden: a; b]` when the term has forbidden translations. OmegaT has
//! no place for forbidden translations (a line of their own would offer
//! them as suggestions), so they live in the comment, where a translator
//! reads them and satz reads them back. Lost: `pos`, `status`, `forms`,
//! `case_sensitive`, `match` (an import into the same glossary keeps them,
//! since merging never removes anything); tabs and line breaks inside a
//! value become spaces. A German term starting with `#` is written after a
//! space: OmegaT, like satz, skips lines starting with `#` as comments and
//! trims the cells of the others, so both read the term back unchanged.
//!
//! [`to_csv`]: a header `<source>,<target>,note,forbidden,pos,status,forms,
//! case_sensitive,match` (the first two named by the glossary's languages,
//! so the first three columns are OmegaT's german, english, comment), one
//! row per term, lists joined by `; `; fields containing `#` are quoted
//! (OmegaT's CSV glossary reader skips lines starting with `#`, a quote
//! keeps them). Everything a glossary holds survives, except a list value
//! that itself contains `;`.

use std::collections::HashMap;
use std::path::Path;

use super::entry::{Entry, EntryTerm, LangGroup, LangKey, TermStatus};
use crate::error::{Error, Location, Result, Warning};
use crate::glossary::{Glossary, MatchMode};

/// A column of a file with a header.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Col {
    Source,
    Target,
    Lang(String),
    /// A note on the terms of one language (memoQ's `German_Def`,
    /// `de_description`, `DE-DE comment`).
    LangNote(String),
    Note,
    /// Forbidden translations, `;`-separated.
    Forbidden,
    /// A yes/no column (Matecat's `Forbidden` `TRUE`/`FALSE`): yes makes
    /// the row's translations forbidden.
    ForbiddenFlag,
    Pos,
    Status,
    Forms,
    CaseSensitive,
    Match,
}

/// The two-letter language codes (ISO 639-1).
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce \
     ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv \
     ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr \
     ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn \
     no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
     sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh \
     yi yo za zh zu";

/// Three-letter codes (ISO 639-2/3) of languages a German-English
/// translator's files may name.
const ISO_639_3: &str = "deu ger gsw bar nds eng fra fre ita spa nld dut por pol rus ces cze dan \
     swe nor nob nno fin hun jpn zho chi cmn yue kor ara tur ell gre ukr ron rum bul hrv srp slk \
     slo slv est lav lit cat eus baq glg gle isl ice ltz heb hin fas per";

/// Script subtags a header's language tag may have.
const SCRIPTS: &[&str] = &[
    "latn", "cyrl", "grek", "arab", "hebr", "hans", "hant", "jpan", "kore",
];

/// Language names a header may use, with their primary subtags.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("german", "de"),
    ("deutsch", "de"),
    ("english", "en"),
    ("englisch", "en"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("französisch", "fr"),
    ("spanish", "es"),
    ("spanisch", "es"),
    ("español", "es"),
    ("espanol", "es"),
    ("italian", "it"),
    ("italienisch", "it"),
    ("italiano", "it"),
    ("dutch", "nl"),
    ("niederländisch", "nl"),
    ("nederlands", "nl"),
    ("portuguese", "pt"),
    ("portugiesisch", "pt"),
    ("português", "pt"),
    ("polish", "pl"),
    ("polnisch", "pl"),
    ("russian", "ru"),
    ("russisch", "ru"),
    ("swedish", "sv"),
    ("schwedisch", "sv"),
    ("danish", "da"),
    ("dänisch", "da"),
    ("norwegian", "no"),
    ("norwegisch", "no"),
    ("finnish", "fi"),
    ("finnisch", "fi"),
    ("czech", "cs"),
    ("tschechisch", "cs"),
    ("hungarian", "hu"),
    ("ungarisch", "hu"),
    ("japanese", "ja"),
    ("japanisch", "ja"),
    ("chinese", "zh"),
    ("chinesisch", "zh"),
    ("korean", "ko"),
    ("koreanisch", "ko"),
    ("turkish", "tr"),
    ("türkisch", "tr"),
    ("greek", "el"),
    ("griechisch", "el"),
    ("ukrainian", "uk"),
    ("ukrainisch", "uk"),
    ("romanian", "ro"),
    ("rumänisch", "ro"),
    ("arabic", "ar"),
    ("arabisch", "ar"),
    ("croatian", "hr"),
    ("kroatisch", "hr"),
];

/// Region names a header may add to a language name (`English (United
/// Kingdom)`, `Deutsch (Schweiz)`), with their region subtags.
const REGIONS: &[(&str, &str)] = &[
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("uk", "GB"),
    ("vereinigtes königreich", "GB"),
    ("großbritannien", "GB"),
    ("united states", "US"),
    ("usa", "US"),
    ("america", "US"),
    ("vereinigte staaten", "US"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("austria", "AT"),
    ("österreich", "AT"),
    ("switzerland", "CH"),
    ("schweiz", "CH"),
    ("liechtenstein", "LI"),
    ("luxembourg", "LU"),
    ("luxemburg", "LU"),
    ("belgium", "BE"),
    ("belgien", "BE"),
    ("france", "FR"),
    ("frankreich", "FR"),
    ("canada", "CA"),
    ("kanada", "CA"),
    ("australia", "AU"),
    ("australien", "AU"),
    ("ireland", "IE"),
    ("irland", "IE"),
    ("new zealand", "NZ"),
    ("neuseeland", "NZ"),
    ("south africa", "ZA"),
    ("südafrika", "ZA"),
    ("india", "IN"),
    ("indien", "IN"),
];

/// Codes a header cell may combine with other words (`Term [en]`,
/// `en_description`): the languages of [`LANGUAGE_NAMES`], fewer than the
/// codes a cell of its own may be, since short codes are often words.
const COMBINED_CODES: &[&str] = &[
    "de", "en", "fr", "es", "nl", "pt", "pl", "ru", "sv", "da", "fi", "cs", "hu", "ja", "zh", "ko",
    "tr", "el", "uk", "ro", "ar", "hr", "it",
];

/// Words that, with a language, name its terms (`German term`,
/// `Translation (en)`).
const TERM_WORDS: &[&str] = &[
    "term",
    "terms",
    "translation",
    "translations",
    "source",
    "target",
    "begriff",
    "benennung",
    "übersetzung",
    "ausgangssprache",
    "zielsprache",
];

/// Words that, with a language, name a note on its terms (memoQ's
/// `German_Def`, `de_description`, `EN-GB comment`).
const NOTE_WORDS: &[&str] = &[
    "note",
    "notes",
    "comment",
    "comments",
    "def",
    "definition",
    "description",
    "remark",
    "remarks",
    "kommentar",
    "anmerkung",
    "anmerkungen",
    "bemerkung",
    "bemerkungen",
    "hinweis",
    "beschreibung",
    "notiz",
];

/// A column named by a word of its own.
fn named_column(name: &str) -> Option<Col> {
    Some(match name {
        "source" | "source term" | "src" | "term" | "source_term" | "begriff"
        | "ausgangssprache" | "ausgangsbegriff" => Col::Source,
        "target" | "target term" | "tgt" | "translation" | "target_term" | "übersetzung"
        | "zielsprache" | "zielbegriff" => Col::Target,
        "note" | "notes" | "comment" | "comments" | "definition" | "description" | "remark"
        | "remarks" | "entry_note" | "entry note" | "kommentar" | "kommentare" | "anmerkung"
        | "anmerkungen" | "bemerkung" | "bemerkungen" | "hinweis" | "hinweise" | "notiz"
        | "notizen" | "beschreibung" | "erläuterung" => Col::Note,
        "forbidden" | "do not use" | "not recommended" | "verboten" | "nicht verwenden" => {
            Col::Forbidden
        }
        "pos" | "part of speech" | "partofspeech" | "part_of_speech" | "wortart" => Col::Pos,
        "status" => Col::Status,
        "forms" => Col::Forms,
        "case_sensitive" | "case sensitive" | "casesensitive" => Col::CaseSensitive,
        "match" => Col::Match,
        _ => return None,
    })
}

fn column(cell: &str) -> Option<Col> {
    let cell = cell.trim();
    named_column(&cell.to_lowercase())
        .or_else(|| tag(cell).map(Col::Lang))
        .or_else(|| combined(cell))
}

/// `s` as a language tag, if it is one a header may use: a known language
/// code, then an optional script and region (`de`, `DE-de`, `en_GB`,
/// `zh-Hant-TW`). `ID` is an identifier column, not Indonesian.
fn tag(s: &str) -> Option<String> {
    let mut parts = s.split(['-', '_']);
    let primary = parts.next()?.to_ascii_lowercase();
    let known = primary.bytes().all(|b| b.is_ascii_lowercase())
        && match primary.len() {
            2 => ISO_639_1.split_ascii_whitespace().any(|c| c == primary),
            3 => ISO_639_3.split_ascii_whitespace().any(|c| c == primary),
            _ => false,
        };
    if !known || primary == "id" {
        return None;
    }
    let (mut script, mut region) = (true, true);
    for part in parts {
        let p = part.to_ascii_lowercase();
        if script && SCRIPTS.contains(&p.as_str()) {
            script = false;
        } else if region && is_region(&p) {
            (script, region) = (false, false);
        } else {
            return None;
        }
    }
    Some(s.to_owned())
}

/// A region subtag: two letters or three digits.
fn is_region(s: &str) -> bool {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
}

/// A header cell naming a language with other words: `English (United
/// Kingdom)`, `Term [en]`, `German_Def`, `DE-DE comment`.
fn combined(cell: &str) -> Option<Col> {
    let words: Vec<&str> = cell
        .split(|c: char| c.is_whitespace() || "_()[]{}:/,.;|".contains(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let (at, mut lang) = words.iter().enumerate().find_map(|(i, w)| {
        let lower = w.to_lowercase();
        let by_name = LANGUAGE_NAMES
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, code)| (*code).to_owned());
        let by_code = || {
            tag(w).filter(|t| t.contains(['-', '_']) || COMBINED_CODES.contains(&lower.as_str()))
        };
        by_name.or_else(by_code).map(|t| (i, t))
    })?;
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let after = lower.get(at + 1..).unwrap_or_default();
    let mut used = 0;
    if !lang.contains(['-', '_']) {
        // A region right after the language: one or two words.
        let region = (1..=2).rev().find_map(|n| {
            let name = after.get(..n)?.join(" ");
            let code = REGIONS
                .iter()
                .find(|(r, _)| *r == name)
                .map(|(_, c)| (*c).to_owned())
                .or_else(|| (n == 1 && is_region(&name)).then(|| name.to_ascii_uppercase()))?;
            Some((n, code))
        });
        if let Some((n, code)) = region {
            used = n;
            lang = format!("{lang}-{code}");
        }
    }
    let others: Vec<&String> = lower
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != at && !(at < i && i <= at + used))
        .map(|(_, w)| w)
        .collect();
    if others.iter().all(|w| TERM_WORDS.contains(&w.as_str())) {
        Some(Col::Lang(lang))
    } else if others.iter().all(|w| NOTE_WORDS.contains(&w.as_str())) {
        Some(Col::LangNote(lang))
    } else {
        None
    }
}

/// A language tag for comparing: lower case, `_` as `-`.
fn same_tag(a: &str, b: &str) -> bool {
    a.replace('_', "-")
        .eq_ignore_ascii_case(&b.replace('_', "-"))
}

/// A file's header row.
struct Header {
    /// What each column holds; `None` for columns satz does not know.
    cols: Vec<Option<Col>>,
    /// The names of the columns satz does not know, each once.
    unknown: Vec<String>,
}

/// The header's columns, if `cells` is a header: two of its cells name
/// different languages or sides (`de` and `en`, `source` and `target`,
/// `term` and `English`), whatever the others hold; or every non-empty
/// cell is a column satz knows and one of them names a language or side
/// (`term,definition`). Two cells naming the same language (`Deutsch`,
/// `German`) are a row of terms.
fn header(cells: &[String]) -> Option<Header> {
    let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
    if filled < 2 {
        return None;
    }
    let cols: Vec<Option<Col>> = cells.iter().map(|c| column(c)).collect();
    let sides: Vec<&Col> = cols
        .iter()
        .flatten()
        .filter(|c| matches!(c, Col::Source | Col::Target | Col::Lang(_)))
        .collect();
    let differ = |a: &Col, b: &Col| match (a, b) {
        (Col::Lang(x), Col::Lang(y)) => !same_tag(x, y),
        (Col::Source, Col::Source) | (Col::Target, Col::Target) => false,
        _ => true,
    };
    let pair = sides
        .iter()
        .enumerate()
        .any(|(i, a)| sides.iter().skip(i + 1).any(|b| differ(a, b)));
    let all_known = cells
        .iter()
        .zip(&cols)
        .all(|(cell, col)| cell.trim().is_empty() || col.is_some());
    if !(pair || (all_known && sides.len() == 1)) {
        return None;
    }
    let mut unknown: Vec<String> = Vec::new();
    for (cell, col) in cells.iter().zip(&cols) {
        let name = cell.trim();
        if col.is_none() && !name.is_empty() && !unknown.iter().any(|u| u == name) {
            unknown.push(name.to_owned());
        }
    }
    Some(Header { cols, unknown })
}

/// A yes/no cell's value: `true`/`false`, `yes`/`no`, `1`/`0` (also
/// German `wahr`/`falsch`, `ja`/`nein`, as Excel writes them in German).
fn truth(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "true" | "yes" | "1" | "wahr" | "ja" => Some(true),
        "false" | "no" | "0" | "falsch" | "nein" => Some(false),
        _ => None,
    }
}

/// Makes a `forbidden` column whose cells are all yes or no (Matecat's
/// `TRUE`/`FALSE`) a [`Col::ForbiddenFlag`].
fn flag_columns(cols: &mut [Option<Col>], rows: &[(usize, Vec<String>)]) {
    for (i, col) in cols.iter_mut().enumerate() {
        if *col != Some(Col::Forbidden) {
            continue;
        }
        let mut values = rows
            .iter()
            .filter_map(|(_, cells)| cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .peekable();
        if values.peek().is_some() && values.all(|v| truth(v).is_some()) {
            *col = Some(Col::ForbiddenFlag);
        }
    }
}

/// How the rows of a file are laid out.
#[derive(Debug, Clone)]
enum Layout {
    /// source, target, comment by position.
    Positional,
    /// Named columns.
    Named(Vec<Option<Col>>),
}

/// What a tab-separated or CSV file held.
#[derive(Debug, Default)]
pub struct Delimited {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
    /// Problems that did not stop the reading.
    pub warnings: Vec<Warning>,
}

/// Where the lines of a text start: `\r\n`, `\n` and a lone `\r` each end
/// a line.
struct Lines<'a> {
    bytes: &'a [u8],
    starts: Vec<usize>,
}

impl Lines<'_> {
    fn new(text: &str) -> Lines<'_> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                starts.push(i + 1);
            }
        }
        Lines { bytes, starts }
    }

    /// The 1-based line of byte `at`.
    fn line_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at)
    }

    /// The line where a record found at byte `at` starts: line ends before
    /// it (the `\n` of a `\r\n`, blank lines) are skipped.
    fn record_line(&self, at: usize) -> usize {
        let skip = self
            .bytes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        self.line_at(at + skip)
    }

    /// The lines, numbered from 1, without their line ends.
    fn iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, &'t str)> + 't {
        self.starts
            .iter()
            .enumerate()
            .filter_map(move |(i, &start)| {
                let end = self.starts.get(i + 1).copied().unwrap_or(text.len());
                let line = text.get(start..end)?;
                let line = line.strip_suffix('\n').unwrap_or(line);
                let line = line.strip_suffix('\r').unwrap_or(line);
                // A text ending in a line end has no line after it.
                (start < text.len() || i == 0).then_some((i + 1, line))
            })
    }
}

/// Refuses text that is JSON (or JSON Lines), not delimited text: it
/// starts with `{` or `[`, and the whole text or its first line is JSON, or
/// the first line opens an object or an array of values.
fn refuse_json(text: &str, path: &Path) -> Result<()> {
    let start = text.trim_start();
    if !start.starts_with(['{', '[']) {
        return Ok(());
    }
    let first = start.lines().next().unwrap_or_default().trim_end();
    let opens = |s: &str| {
        s.strip_prefix(['{', '['])
            .map(str::trim_start)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['"', '{', '[', '}', ']']))
    };
    let is_json = |s: &str| serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok();
    if opens(first) || is_json(first) || is_json(start) {
        return Err(Error::input(
            Location::file(path),
            "not a tab-separated or CSV glossary but JSON (satz glossary import reads TBX, \
             OmegaT tab-separated and CSV glossaries)",
        ));
    }
    Ok(())
}

/// Reads OmegaT-style tab-separated text.
pub fn read_tsv(text: &str, path: &Path) -> Result<Delimited> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    refuse_json(text, path)?;
    let lines = Lines::new(text);
    let mut rows = Vec::new();
    for (n, line) in lines.iter(text) {
        if line.starts_with('#') {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
        rows.push((n, cells));
    }
    Ok(from_rows(rows, path))
}

/// Reads CSV text (RFC 4180; see the module documentation for the
/// delimiter).
pub fn read_csv(text: &str, path: &Path) -> Result<Delimited> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    refuse_json(text, path)?;
    let lines = Lines::new(text);
    let (delimiter, start) = match sep_line(text) {
        Some(found) => found,
        None => (sniff_delimiter(text), 0),
    };
    let body = text.get(start..).unwrap_or_default();
    match bad_quote(body.as_bytes(), delimiter) {
        Some(BadQuote::Unclosed(at)) => {
            return Err(Error::input(
                Location::line(path, lines.line_at(start + at)),
                "unclosed quote (opened here): the quoted field would run to the end of \
                 the file; end it with `\"` (a quote inside a quoted field is written `\"\"`)",
            ));
        }
        Some(BadQuote::Unbalanced { open, close }) => {
            return Err(Error::input(
                Location::line(path, lines.line_at(start + open)),
                format!(
                    "unbalanced quote (opened here): the quoted field runs to line {}, \
                     where text follows its closing quote; a quote is missing or extra \
                     (a quote inside a quoted field is written `\"\"`)",
                    lines.line_at(start + close)
                ),
            ));
        }
        None => {}
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let at = e.position().map_or(0, |p| byte_offset(p.byte()));
                return Err(Error::input(
                    Location::line(path, lines.record_line(start + at)),
                    format!("bad CSV: {e}"),
                ));
            }
        }
        let at = record.position().map_or(0, |p| byte_offset(p.byte()));
        rows.push((
            lines.record_line(start + at),
            record.iter().map(str::to_owned).collect(),
        ));
    }
    Ok(from_rows(rows, path))
}

/// A quote that makes the csv crate read something else than the file
/// means (it would not say so).
#[derive(Debug, PartialEq, Eq)]
enum BadQuote {
    /// The quote at this byte opens a field that never ends: the rest of
    /// the file would be that field.
    Unclosed(usize),
    /// The quote at `open` opens a field that runs over a line break and
    /// whose closing quote, at `close`, is followed by text: a quote is
    /// missing or extra, and the rows between would be one field.
    Unbalanced { open: usize, close: usize },
}

/// The first [`BadQuote`] of `body`, by the rules of the csv crate's
/// reader: a quote opens a quoted field only at the start of a field, `""`
/// inside one is a quote, and the first lone quote ends it.
fn bad_quote(body: &[u8], delimiter: u8) -> Option<BadQuote> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let ends_field = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut state = State::FieldStart;
    let (mut open, mut close, mut multiline) = (0, 0, false);
    for (i, &b) in body.iter().enumerate() {
        state = match state {
            State::FieldStart if b == b'"' => {
                (open, multiline) = (i, false);
                State::Quoted
            }
            State::Quoted if b == b'"' => {
                close = i;
                State::AfterQuote
            }
            State::Quoted => {
                multiline |= b == b'\n' || b == b'\r';
                State::Quoted
            }
            State::AfterQuote if b == b'"' => State::Quoted,
            State::AfterQuote if multiline && !ends_field(b) => {
                return Some(BadQuote::Unbalanced { open, close });
            }
            _ if ends_field(b) => State::FieldStart,
            _ => State::Unquoted,
        };
    }
    (state == State::Quoted).then_some(BadQuote::Unclosed(open))
}

/// Excel's `sep=X` first line: the delimiter `X` and where the data starts.
fn sep_line(text: &str) -> Option<(u8, usize)> {
    let end = text.find(['\r', '\n']).unwrap_or(text.len());
    let line = text.get(..end)?.trim_end_matches(' ');
    let line = line
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or(line);
    let value = line
        .get(..4)?
        .eq_ignore_ascii_case("sep=")
        .then(|| line.get(4..))??;
    let &[delimiter] = value.as_bytes() else {
        return None;
    };
    if delimiter == b'"' || delimiter.is_ascii_alphanumeric() {
        return None;
    }
    let rest = text.get(end..).unwrap_or_default();
    let ending = if rest.starts_with("\r\n") {
        2
    } else {
        usize::from(!rest.is_empty())
    };
    Some((delimiter, end + ending))
}

/// How many of the first rows to look at when guessing the delimiter.
const SNIFF_ROWS: usize = 20;

/// The delimiter among `,` `;` and tab that splits most of the first
/// [`SNIFF_ROWS`] non-blank rows (quotes respected) into the same number of
/// fields, at least two; ties go to the one giving the first row most
/// fields, then to the one leaving fewer fields starting with a space
/// (`Zoll, Zölle;customs duty` is two fields by `;`), then to `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (0, 0, std::cmp::Reverse(0), false);
    let mut choice = b',';
    for delimiter in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut counts: Vec<usize> = Vec::new();
        let mut spaced = 0;
        let mut record = csv::ByteRecord::new();
        while counts.len() < SNIFF_ROWS && matches!(reader.read_byte_record(&mut record), Ok(true))
        {
            if record.iter().all(|f| f.trim_ascii().is_empty()) {
                continue;
            }
            counts.push(record.len());
            spaced += record
                .iter()
                .skip(1)
                .filter(|f| f.starts_with(b" "))
                .count();
        }
        let consistent = counts
            .iter()
            .filter(|&&n| n >= 2)
            .map(|&n| counts.iter().filter(|&&m| m == n).count())
            .max()
            .unwrap_or(0);
        let first = counts.first().copied().unwrap_or(0);
        let key = (
            consistent,
            first,
            std::cmp::Reverse(spaced),
            delimiter == b',',
        );
        if key > best {
            best = key;
            choice = delimiter;
        }
    }
    choice
}

fn byte_offset(byte: u64) -> usize {
    usize::try_from(byte).unwrap_or(usize::MAX)
}

/// Turns rows into entries, grouping rows with the same source.
fn from_rows(rows: Vec<(usize, Vec<String>)>, path: &Path) -> Delimited {
    let blank = |cells: &[String]| cells.iter().all(|c| c.trim().is_empty());
    let mut warnings = Vec::new();
    let mut layout = Layout::Positional;
    let mut data = rows.as_slice();
    if let Some(i) = rows.iter().position(|(_, cells)| !blank(cells))
        && let Some((line, cells)) = rows.get(i)
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
        data = rows.get(i + 1..).unwrap_or_default();
        let mut cols = head.cols;
        flag_columns(&mut cols, data);
        layout = Layout::Named(cols);
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut by_source: HashMap<String, usize> = HashMap::new();
    for (line, cells) in data {
        if blank(cells) {
            continue;
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
    Delimited { entries, warnings }
}

/// A key for grouping positional rows: the source text.
fn entry_source_key(entry: &Entry) -> Option<String> {
    let g = entry.groups.first()?;
    let t = g.terms.first()?;
    (g.lang == LangKey::Source).then(|| t.text.clone())
}

/// Adds a later row's target terms and notes to the first row's entry.
fn absorb(first: &mut Entry, later: Entry) {
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

fn positional(line: usize, cells: &[String]) -> Entry {
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

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Appends terms to the entry's group for `lang`, creating it.
fn push_terms(entry: &mut Entry, lang: LangKey, terms: impl IntoIterator<Item = EntryTerm>) {
    let terms: Vec<EntryTerm> = terms.into_iter().collect();
    if terms.is_empty() {
        return;
    }
    match entry.groups.iter_mut().find(|g| g.lang == lang) {
        Some(g) => g.terms.extend(terms),
        None => entry.groups.push(LangGroup::new(lang, terms)),
    }
}

fn named(line: usize, cells: &[String], cols: &[Option<Col>]) -> Entry {
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

/// Splits a comment into the note and the values of a trailing
/// `[forbidden: a; b]`.
pub fn split_comment(comment: &str) -> (Option<String>, Vec<String>) {
    if let Some(body) = comment.trim_end().strip_suffix(']')
        && let Some(at) = body.rfind("[forbidden:")
    {
        let list = body.get(at + "[forbidden:".len()..).unwrap_or_default();
        let note = body.get(..at).unwrap_or_default();
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

fn one_line(s: &str) -> String {
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
pub fn to_csv(glossary: &Glossary) -> String {
    // Fields with `#` are quoted, so that readers taking `#` for a comment
    // (OmegaT's CSV glossary reader skips lines starting with `#`) keep a
    // row whose German starts with one.
    let mut w = csv::WriterBuilder::new()
        .comment(Some(b'#'))
        .from_writer(Vec::new());
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
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
