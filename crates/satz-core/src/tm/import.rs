//! Bringing outside translations into the memory: TMX from any CAT tool,
//! tab-separated `german<TAB>english` lines, or CSV.
//!
//! The format is taken from the file's extension (`.tmx`/`.xml`, `.tsv`/
//! `.tab`/`.txt`, `.csv`), else from its content (a file that starts with
//! `<` is TMX, one with tabs is TSV). Units that lack a side of the pair are
//! skipped and counted; characters that XML cannot hold (C0 controls other
//! than tab and line feed) are removed with a warning.
//!
//! The languages a file declares (a TMX unit's `xml:lang`, a CSV header, the
//! column order of TSV and CSV) are checked against its content: the source
//! sides of all its units are judged together by [`crate::langid`], and so
//! are the target sides. Sides that are clearly the pair swapped, or
//! clearly another language, get a warning (the first one printed); the
//! units are imported as declared.

use std::collections::BTreeSet;
use std::path::Path;

use encoding_rs::Encoding;

use crate::error::{Error, Location, Result, Warning};
use crate::fsx;
use crate::lang::LangPair;
use crate::langid::{Scores, judge_pair};
use crate::tm::store::{Added, Memory};
use crate::tm::tmx;
use crate::tm::tmx::write::is_xml_char;
use crate::tm::unit::{Inline, Origin, Unit};
use crate::xliff;

/// The formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// TMX 1.1 to 1.4b.
    Tmx,
    /// `source<TAB>target` per line.
    Tsv,
    /// Comma-separated values, optionally with a header row naming languages.
    Csv,
    /// XLIFF 1.0 to 2.2: the confirmed segments (see [`crate::xliff::import`]).
    Xliff,
}

/// The units read from one input file.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Units of the pair, in input order (moved into the memory by [`import`]).
    pub units: Vec<Unit>,
    /// How many units of the pair the input held.
    pub read: usize,
    /// How many entries were skipped for lacking the source side.
    pub missing_source: usize,
    /// How many entries were skipped for lacking the target side.
    pub missing_target: usize,
    /// The languages the input holds (TMX only).
    pub langs: BTreeSet<String>,
    /// Non-fatal problems.
    pub warnings: Vec<Warning>,
    /// The format the file was read as.
    pub format: Option<InputFormat>,
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The encoding of a file that does not name its own (`--encoding`).
    pub encoding: Option<&'static Encoding>,
    /// Whether to check the file's content against its languages (off with
    /// `--no-language-check`).
    pub check_languages: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            encoding: None,
            check_languages: true,
        }
    }
}

/// What importing one file did.
#[derive(Debug)]
pub struct Report {
    /// The input.
    pub parsed: Parsed,
    /// What the memory made of it.
    pub added: Added,
}

impl Report {
    /// A one-paragraph summary for stderr.
    pub fn summary(&self, input: &Path, pair: &LangPair) -> String {
        let p = &self.parsed;
        let mut s = if self.added.added == 0 {
            format!(
                "{}: nothing new for {}",
                input.display(),
                self.added.path.display()
            )
        } else {
            format!(
                "{}: {} imported into {}",
                input.display(),
                self.added.added,
                self.added.path.display()
            )
        };
        s.push_str(&format!(
            ", {} duplicate{}",
            self.added.duplicates,
            if self.added.duplicates == 1 { "" } else { "s" }
        ));
        if self.added.context_gained > 0 {
            s.push_str(&format!(
                " ({} gained the context they lacked)",
                self.added.context_gained
            ));
        }
        let skipped = p.missing_source + p.missing_target;
        if skipped > 0 {
            s.push_str(&format!(", {skipped} skipped ("));
            let mut parts = Vec::new();
            if p.missing_source > 0 {
                parts.push(format!("{} without {}", p.missing_source, pair.source));
            }
            if p.missing_target > 0 {
                parts.push(format!("{} without {}", p.missing_target, pair.target));
            }
            s.push_str(&parts.join(", "));
            s.push(')');
        }
        if p.read == 0 && !p.langs.is_empty() {
            let langs: Vec<&str> = p.langs.iter().map(String::as_str).collect();
            s.push_str(&format!(
                "; no unit holds both {} and {}: the file holds {}",
                pair.source,
                pair.target,
                langs.join(", ")
            ));
        }
        s
    }
}

/// Reads `path` and adds its units to `memory/NAME.tmx`, NAME defaulting to
/// the input's file stem ([`Error::UnnamedInput`] for standard input
/// without a name).
pub fn import(
    memory: &Memory,
    path: &Path,
    name: Option<&str>,
    options: &Options,
) -> Result<Report> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let name = match (name, stem) {
        (Some(n), _) => n.to_owned(),
        (None, Some(s)) if path.as_os_str() != "-" => s,
        _ => {
            return Err(Error::UnnamedInput);
        }
    };
    let mut parsed = parse_file(path, &memory.pair, options.encoding)?;
    if options.check_languages
        && let Some(w) = language_warning(&parsed, path, &memory.pair)
    {
        parsed.warnings.insert(0, w);
    }
    let units = std::mem::take(&mut parsed.units);
    let read = units.len();
    let added = memory.add(&name, units)?;
    parsed.read = read;
    Ok(Report { parsed, added })
}

/// Reads an input file in any supported format; `encoding` is that of a
/// file that does not name its own (`--encoding`).
pub fn parse_file(
    path: &Path,
    pair: &LangPair,
    encoding: Option<&'static Encoding>,
) -> Result<Parsed> {
    let bytes = fsx::read_bytes(path)?;
    if xliff::has_xliff_extension(path) {
        xliff::read::check_xml_start(&bytes, path)?;
    }
    let text = fsx::decode_input(bytes, path, encoding)?;
    let format = detect_format(path, &text);
    let mut parsed = match format {
        InputFormat::Tmx => {
            let origin = path.display().to_string();
            let file = tmx::read_pair(&text, path, pair, &origin)?;
            let mut p = Parsed {
                units: file.units,
                langs: file.langs,
                warnings: file.warnings,
                ..Parsed::default()
            };
            // When no unit matched, the summary's list of languages says it all.
            let per_unit = !p.units.is_empty();
            for skip in file.skipped {
                let side = if skip.missing_source {
                    &pair.source
                } else {
                    &pair.target
                };
                p.warnings.extend(per_unit.then(|| Warning {
                    location: Location::line(path, skip.line),
                    message: format!(
                        "unit has no {side} variant (it holds {}); skipped",
                        if skip.langs.is_empty() {
                            "none".to_owned()
                        } else {
                            skip.langs.join(", ")
                        }
                    ),
                }));
                if skip.missing_source {
                    p.missing_source += 1;
                } else {
                    p.missing_target += 1;
                }
            }
            p
        }
        InputFormat::Tsv => parse_tsv(&fsx::nfc(text), path, pair),
        InputFormat::Csv => parse_csv(&fsx::nfc(text), path, pair)?,
        InputFormat::Xliff => xliff::import::parse_pair(&text, path, pair)?,
    };
    sanitize(&mut parsed, path, pair);
    parsed.read = parsed.units.len();
    parsed.format = Some(format);
    Ok(parsed)
}

/// A warning when the units' sides, each judged on all the units together,
/// are not in the languages the file declares for them: swapped, or a side
/// clearly in another language. `None` when they agree or are unknown.
pub fn language_warning(parsed: &Parsed, path: &Path, pair: &LangPair) -> Option<Warning> {
    let (mut source, mut target) = (Scores::default(), Scores::default());
    for u in &parsed.units {
        source.add(&Scores::of(&u.source_text()));
        target.add(&Scores::of(&u.target_text()));
    }
    let verdict = judge_pair(&source.guess(), &target.guess(), pair);
    let (s, t) = (&pair.source, &pair.target);
    let n = parsed.units.len();
    let message = match (verdict.source, verdict.target) {
        (Some(a), Some(b)) if verdict.swapped => {
            let hint = match parsed.format {
                Some(InputFormat::Tmx) => "check the units' xml:lang".to_owned(),
                Some(InputFormat::Xliff) => {
                    "check the file's source and target language".to_owned()
                }
                Some(InputFormat::Csv) => {
                    format!("a CSV file holds {s},{t} unless a header row names the columns")
                }
                _ => format!("a TSV file holds {s}<TAB>{t}"),
            };
            format!(
                "the {s} side of its {n} unit(s) looks {a} and the {t} side {b}: the \
                 languages seem to be swapped ({hint}); imported as the file declares them"
            )
        }
        (Some(a), Some(b)) => {
            format!("the {s} side of its {n} unit(s) looks {a}, and the {t} side {b}")
        }
        (Some(a), None) => format!("the {s} side of its {n} unit(s) looks {a}"),
        (None, Some(b)) => format!("the {t} side of its {n} unit(s) looks {b}"),
        (None, None) => return None,
    };
    Some(Warning {
        location: Location::file(path),
        message,
    })
}

/// Chooses the format by extension, else by content.
pub fn detect_format(path: &Path, text: &str) -> InputFormat {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        _ if xliff::has_xliff_extension(path) || xliff::looks_like_xliff(text) => {
            InputFormat::Xliff
        }
        Some("tmx" | "xml") => InputFormat::Tmx,
        Some("tsv" | "tab" | "txt" | "utf8") => InputFormat::Tsv,
        Some("csv") => InputFormat::Csv,
        _ if text.trim_start().starts_with('<') => InputFormat::Tmx,
        _ if text.contains('\t') => InputFormat::Tsv,
        _ => InputFormat::Csv,
    }
}

fn parse_tsv(text: &str, path: &Path, pair: &LangPair) -> Parsed {
    let mut p = Parsed::default();
    // Lines with more than two columns: how many, and the first.
    let mut wide: Option<(usize, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let source = fields.next().unwrap_or_default().trim();
        let target = fields.next().unwrap_or_default().trim();
        if fields.next().is_some() {
            let (n, first) = wide.unwrap_or((0, i + 1));
            wide = Some((n + 1, first));
        }
        push_pair(&mut p, path, pair, i + 1, source, target);
    }
    if let Some((n, first)) = wide {
        p.warnings.push(Warning {
            location: Location::line(path, first),
            message: format!(
                "{n} line(s) have more than two columns; only the first two \
                 ({} and {}) were read",
                pair.source, pair.target
            ),
        });
    }
    p
}

fn parse_csv(text: &str, path: &Path, pair: &LangPair) -> Result<Parsed> {
    let mut p = Parsed::default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let (mut si, mut ti) = (0, 1);
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |pos| pos.line() as usize);
            Error::input(Location::line(path, line), format!("bad CSV: {e}"))
        })?;
        let line = record.position().map_or(n + 1, |pos| pos.line() as usize);
        if n == 0 {
            // A header row names the languages (or says source/target).
            let cols: Vec<&str> = record.iter().map(str::trim).collect();
            let find = |pred: &dyn Fn(&str) -> bool| cols.iter().position(|c| pred(c));
            let s = find(&|c| pair.source.matches(c) || c.eq_ignore_ascii_case("source"));
            let t = find(&|c| pair.target.matches(c) || c.eq_ignore_ascii_case("target"));
            if let (Some(s), Some(t)) = (s, t) {
                (si, ti) = (s, t);
                continue;
            }
        }
        let source = record.get(si).unwrap_or_default().trim();
        let target = record.get(ti).unwrap_or_default().trim();
        push_pair(&mut p, path, pair, line, source, target);
    }
    Ok(p)
}

fn push_pair(
    p: &mut Parsed,
    path: &Path,
    pair: &LangPair,
    line: usize,
    source: &str,
    target: &str,
) {
    if source.is_empty() || target.is_empty() {
        let side = if source.is_empty() {
            &pair.source
        } else {
            &pair.target
        };
        p.warnings.push(Warning {
            location: Location::line(path, line),
            message: format!("no {side} text; line skipped"),
        });
        if source.is_empty() {
            p.missing_source += 1;
        } else {
            p.missing_target += 1;
        }
        return;
    }
    let mut unit = Unit::new(pair.source.as_str(), source, pair.target.as_str(), target);
    unit.origin = Some(Origin {
        file: path.display().to_string(),
        line,
    });
    p.units.push(unit);
}

/// Removes characters XML cannot hold, with a warning per unit. A unit with
/// a side that held nothing else (a stray `\x1a` end-of-file mark, say) is
/// skipped like any unit that lacks a side.
fn sanitize(p: &mut Parsed, path: &Path, pair: &LangPair) {
    let blank = |u: &Unit| {
        (
            u.source_text().trim().is_empty(),
            u.target_text().trim().is_empty(),
        )
    };
    let mut kept = Vec::with_capacity(p.units.len());
    for mut unit in std::mem::take(&mut p.units) {
        let before = blank(&unit);
        let mut removed = false;
        for seg in [&mut unit.source.seg, &mut unit.target.seg] {
            removed |= strip_non_xml(&mut seg.0);
        }
        if !removed {
            kept.push(unit);
            continue;
        }
        let line = unit.origin.as_ref().map_or(0, |o| o.line);
        let after = blank(&unit);
        let (lost_source, lost_target) = (after.0 && !before.0, after.1 && !before.1);
        if lost_source || lost_target {
            let side = if lost_source {
                &pair.source
            } else {
                &pair.target
            };
            p.warnings.push(Warning {
                location: Location::line(path, line),
                message: format!("no {side} text but control characters; skipped"),
            });
            if lost_source {
                p.missing_source += 1;
            } else {
                p.missing_target += 1;
            }
            continue;
        }
        p.warnings.push(Warning {
            location: Location::line(path, line),
            message: "removed control characters that TMX cannot hold".to_owned(),
        });
        kept.push(unit);
    }
    p.units = kept;
}

fn strip_non_xml(items: &mut [Inline]) -> bool {
    let mut removed = false;
    for item in items {
        match item {
            Inline::Text(t) => {
                if t.chars().any(|c| !is_xml_char(c)) {
                    t.retain(is_xml_char);
                    removed = true;
                }
            }
            Inline::Code { content, .. } => removed |= strip_non_xml(content),
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_lines_become_units_and_gaps_are_counted() {
        let p = parse_tsv(
            "Eins.\tOne.\n\n\tTwo.\nDrei.\t\nVier.\tFour.\tcomment\n",
            Path::new("a.tsv"),
            &LangPair::default(),
        );
        assert_eq!(p.units.len(), 2);
        assert_eq!((p.missing_source, p.missing_target), (1, 1));
        assert_eq!(
            p.warnings[0].to_string(),
            "a.tsv:3: no de text; line skipped"
        );
        assert_eq!(p.units[1].target_text(), "Four.");
    }

    #[test]
    fn csv_header_may_name_languages_in_any_order() {
        let p = parse_csv(
            "en,de\n\"One, two\",\"Eins, zwei\"\n",
            Path::new("a.csv"),
            &LangPair::default(),
        )
        .unwrap();
        assert_eq!(p.units.len(), 1);
        assert_eq!(p.units[0].source_text(), "Eins, zwei");
        assert_eq!(p.units[0].target_text(), "One, two");
    }

    #[test]
    fn csv_without_header_reads_source_then_target() {
        let p = parse_csv("Haus,house\n", Path::new("a.csv"), &LangPair::default()).unwrap();
        assert_eq!(p.units[0].source_text(), "Haus");
    }

    #[test]
    fn format_follows_extension_then_content() {
        assert_eq!(detect_format(Path::new("a.TMX"), ""), InputFormat::Tmx);
        assert_eq!(detect_format(Path::new("-"), "  <?xml"), InputFormat::Tmx);
        assert_eq!(detect_format(Path::new("x"), "a\tb"), InputFormat::Tsv);
        assert_eq!(detect_format(Path::new("x.csv"), "a\tb"), InputFormat::Csv);
    }

    #[test]
    fn control_characters_are_removed_with_a_warning() {
        let mut p = parse_tsv("A\u{1}B\tC\n", Path::new("a.tsv"), &LangPair::default());
        sanitize(&mut p, Path::new("a.tsv"), &LangPair::default());
        assert_eq!(p.units[0].source_text(), "AB");
        assert_eq!(p.warnings.len(), 1);
    }

    /// Regression (found by the `tsv_import` fuzz target): a side made only
    /// of control characters passed the "both sides present" check, was
    /// then emptied by the sanitiser, and the unit went into the memory with
    /// an empty side.
    #[test]
    fn a_side_of_only_control_characters_is_a_missing_side() {
        let pair = LangPair::default();
        let path = Path::new("a.tsv");
        let mut p = parse_tsv(
            "\0\0\t\u{1a}\nHaus\t\u{1a}\n\u{1} \u{2}\thouse\nKrieg\twar\n",
            path,
            &pair,
        );
        sanitize(&mut p, path, &pair);
        assert_eq!(p.units.len(), 1);
        assert_eq!(p.units[0].source_text(), "Krieg");
        assert_eq!((p.missing_source, p.missing_target), (2, 1));
        assert_eq!(
            p.warnings[0].to_string(),
            "a.tsv:1: no de text but control characters; skipped"
        );
        assert_eq!(
            p.warnings[1].to_string(),
            "a.tsv:2: no en text but control characters; skipped"
        );
    }
}
