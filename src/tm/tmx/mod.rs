//! TMX 1.4b: reading any TMX a CAT tool writes, and writing files every CAT
//! tool reads.
//!
//! [`read`] hands out `<tu>`s with all their language variants; [`pair`]
//! picks the two variants of the language pair and says why a unit was
//! skipped; [`write`] renders deterministic TMX 1.4b.

pub mod read;
pub mod write;

use std::collections::BTreeSet;
use std::path::Path;

pub use read::{Header, RawUnit, TmxReader};

use crate::error::{Location, Result, Warning};
use crate::tm::lang::LangPair;
use crate::tm::unit::{Origin, Unit};

/// Why a `<tu>` did not become a unit of the pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The `<tu>`'s line.
    pub line: usize,
    /// The languages the unit holds.
    pub langs: Vec<String>,
    /// Which side of the pair is missing: `true` for the source.
    pub missing_source: bool,
}

/// The outcome of reading one TMX file for a language pair.
#[derive(Debug, Default)]
pub struct PairFile {
    /// The header as read.
    pub header: Header,
    /// The units of the pair, in file order.
    pub units: Vec<Unit>,
    /// Units that lack a side of the pair.
    pub skipped: Vec<Skipped>,
    /// Non-fatal problems.
    pub warnings: Vec<Warning>,
    /// Every language tag seen in the file, as written.
    pub langs: BTreeSet<String>,
}

/// Reads a TMX document and keeps the units of `pair`. `origin` names the
/// file in each unit's [`Origin`]. A well-formedness error stops the file.
pub fn read_pair(text: &str, path: &Path, pair: &LangPair, origin: &str) -> Result<PairFile> {
    let mut reader = TmxReader::new(text, path)?;
    let mut out = PairFile::default();
    if !reader.header.present {
        out.warnings.push(Warning {
            location: Location::file(path),
            message: "no <header> (TMX requires one); reading the units anyway".to_owned(),
        });
    }
    while let Some(raw) = reader.next_unit()? {
        for v in &raw.variants {
            out.langs.insert(v.lang.clone());
        }
        match select_pair(&raw, pair, path) {
            Ok((mut unit, warning)) => {
                unit.origin = Some(Origin {
                    file: origin.to_owned(),
                    line: raw.line,
                });
                out.units.push(unit);
                out.warnings.extend(warning);
            }
            Err(skip) => out.skipped.push(skip),
        }
    }
    out.header = reader.header;
    Ok(out)
}

/// Reads every `<tu>` of a TMX document with all its variants, for rewriting
/// the file without losing anything.
pub fn read_all(text: &str, path: &Path) -> Result<(Header, Vec<RawUnit>)> {
    let mut reader = TmxReader::new(text, path)?;
    let mut units = Vec::new();
    while let Some(raw) = reader.next_unit()? {
        units.push(raw);
    }
    Ok((reader.header, units))
}

/// Picks the source and target variants of `pair` from a `<tu>`. Several
/// variants of one side (e.g. `en` and `en-US` for `en`): the first is kept
/// and a warning says so.
pub fn select_pair(
    raw: &RawUnit,
    pair: &LangPair,
    path: &Path,
) -> Result<(Unit, Option<Warning>), Skipped> {
    let langs = || raw.variants.iter().map(|v| v.lang.clone()).collect();
    let sources: Vec<usize> = (0..raw.variants.len())
        .filter(|&i| {
            raw.variants
                .get(i)
                .is_some_and(|v| pair.source.matches(&v.lang))
        })
        .collect();
    let Some(&si) = sources.first() else {
        return Err(Skipped {
            line: raw.line,
            langs: langs(),
            missing_source: true,
        });
    };
    let targets: Vec<usize> = (0..raw.variants.len())
        .filter(|&i| {
            i != si
                && raw
                    .variants
                    .get(i)
                    .is_some_and(|v| pair.target.matches(&v.lang))
        })
        .collect();
    let (Some(source), Some(target)) = (
        raw.variants.get(si),
        targets.first().and_then(|&i| raw.variants.get(i)),
    ) else {
        return Err(Skipped {
            line: raw.line,
            langs: langs(),
            missing_source: false,
        });
    };
    let mut warning = None;
    for (side, found) in [(&pair.source, &sources), (&pair.target, &targets)] {
        if found.len() > 1 {
            let names: Vec<&str> = found
                .iter()
                .filter_map(|&i| raw.variants.get(i).map(|v| v.lang.as_str()))
                .collect();
            warning = Some(Warning {
                location: Location::line(path, raw.line),
                message: format!(
                    "{} variants for {side} ({}); kept the first",
                    found.len(),
                    names.join(", ")
                ),
            });
        }
    }
    let unit = Unit {
        source: source.clone(),
        target: target.clone(),
        attrs: raw.attrs.clone(),
        props: raw.props.clone(),
        notes: raw.notes.clone(),
        origin: None,
    };
    Ok((unit, warning))
}

/// Turns a unit of the pair back into a `<tu>` for writing, giving it a
/// `tuid` (its stable [id](Unit::id)) when it has none.
pub fn raw_from_unit(unit: &Unit) -> RawUnit {
    let mut attrs = unit.attrs.clone();
    if unit.attr("tuid").is_none() {
        attrs.insert(0, ("tuid".to_owned(), unit.id()));
    }
    RawUnit {
        attrs,
        props: unit.props.clone(),
        notes: unit.notes.clone(),
        variants: vec![unit.source.clone(), unit.target.clone()],
        line: unit.origin.as_ref().map_or(0, |o| o.line),
    }
}
