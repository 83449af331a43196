//! `satz check` over the whole memory, streamed: the units' ids and texts
//! are kept in one arena ([`Segments`]), the library checks them a chunk at
//! a time ([`Checker::check_each`]) and each chunk's findings are written
//! at once, in the order the collected run writes them, so the output is
//! byte for byte the same while memory holds one chunk's findings and the
//! counts the summary needs. Formats that need the whole set (JUnit) take
//! the collected path in `check.rs`.

use super::Context;
use super::check::{CheckArgs, Format, MemoryUnit, Tally, read_memory, table};
use crate::check::{CheckOptions, Checker, FailPolicy, Finding, Segments, Units, to_json_line};
use crate::error::Result;
use crate::report::{self, UnitPlace};

/// Where each unit is, compactly: the file names once each in a row, and
/// per unit the file's number and the line.
#[derive(Default)]
struct Places {
    files: Vec<String>,
    units: Vec<(usize, Option<usize>)>,
}

impl Places {
    fn push(&mut self, file: String, line: Option<usize>) {
        if self.files.last() != Some(&file) {
            self.files.push(file);
        }
        self.units.push((self.files.len().saturating_sub(1), line));
    }

    /// Unit `i`'s place, its id read from `segments`.
    fn place(&self, segments: &Segments, i: usize) -> UnitPlace {
        let (file, line) = self.units.get(i).copied().unwrap_or_default();
        UnitPlace {
            unit: segments.id(i).to_owned(),
            file: self.files.get(file).cloned().unwrap_or_default(),
            line,
        }
    }
}

/// Checks the whole memory, writing the findings in `format` (not JUnit)
/// chunk by chunk; returns the counts for the summary.
pub(super) fn memory(
    ctx: &mut Context,
    checker: &Checker<'_>,
    args: &CheckArgs,
    format: Format,
    policy: &FailPolicy,
) -> Result<Tally> {
    let mut opts = CheckOptions {
        ignore: args.ignore.clone(),
        accepted: Vec::new(),
    };
    let mut segments = Segments::default();
    let mut places = Places::default();
    read_memory(ctx, &mut opts, None, |u: MemoryUnit| {
        segments.push(&u.place.unit, &u.source, &u.target);
        places.push(u.place.file, u.place.line);
    })?;
    let mut tally = Tally {
        units: segments.count(),
        ..Tally::default()
    };
    let (why, wrap) = (ctx.global.verbose > 0, ctx.out.wrap());
    // The table groups a unit's findings: the last unit's of a chunk wait
    // for the next chunk, which may go on with the same unit id (two
    // `<tu>`s on one line of a file share their `file:line`).
    let mut pending: Vec<Finding> = Vec::new();
    checker.check_each(&segments, &opts, |range, findings| {
        tally.count(&findings, policy);
        let text = match format {
            Format::Json => findings.iter().map(|f| to_json_line(f) + "\n").collect(),
            Format::Github => {
                let here: Vec<UnitPlace> = range.map(|i| places.place(&segments, i)).collect();
                report::github::annotations(&findings, &here, policy)
            }
            Format::Table | Format::Junit => {
                pending.extend(findings);
                let last = last_unit(&mut pending);
                let text = table(&pending, why, wrap);
                pending = last;
                text
            }
        };
        ctx.out.write_str(&text)
    })?;
    ctx.out.write_str(&table(&pending, why, wrap))?;
    Ok(tally)
}

/// Takes the findings of the last unit (by id) off the end of `findings`.
fn last_unit(findings: &mut Vec<Finding>) -> Vec<Finding> {
    let Some(last) = findings.last().map(|f| f.unit.clone()) else {
        return Vec::new();
    };
    let from = findings
        .iter()
        .rposition(|f| f.unit != last)
        .map_or(0, |p| p + 1);
    findings.split_off(from)
}
