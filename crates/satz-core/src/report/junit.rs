//! `check --format junit`: the findings as JUnit XML, the test report
//! GitLab (`artifacts:reports:junit`), Jenkins (the JUnit plugin) and most
//! CI systems read.
//!
//! The structure, chosen so that every count means one thing:
//!
//! * one `<testsuites>` for the run, holding one `<testsuite>` per file
//!   checked, in the order the files first appear, named by the file: each
//!   memory file with a unit checked; for a document pair the German file
//!   (and the English one for links with no German, additions);
//! * one `<testcase>` per checked unit: `name` the unit's id (as the JSON's
//!   `unit`: `news.tmx:42`, or a document link's number), `classname` the
//!   file;
//! * a unit with findings that fail the check (the [`FailPolicy`]) has one
//!   `<failure>`: `type` its first failing code, `message` the codes, the
//!   text every failing finding with its message, evidence and the two
//!   sides. Its other findings (warnings the policy lets pass) are in the
//!   testcase's `<system-out>`, so a passing unit with warnings is a passed
//!   test that still shows them;
//! * `tests` counts units, `failures` the units that fail, `errors` and
//!   `skipped` are 0 (satz has no test that could not run), on every suite
//!   and on `<testsuites>`.
//!
//! No `time` and no `timestamp`: the same memory gives the same bytes.
//! Text and attribute values go through the crate's one escaper
//! ([`crate::xml::escape`]).

use std::collections::HashMap;

use super::UnitPlace;
use crate::check::{FailPolicy, Finding};
use crate::xml::{Escape, escape};

/// One unit's findings, split by the policy.
struct Case<'a> {
    place: &'a UnitPlace,
    failing: Vec<&'a Finding>,
    passing: Vec<&'a Finding>,
}

/// The JUnit XML document of a check: `places` are the checked units in
/// order, `findings` what was found in them.
pub fn report(findings: &[Finding], places: &[UnitPlace], policy: &FailPolicy) -> String {
    let mut by_unit: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in findings {
        by_unit.entry(f.unit.as_str()).or_default().push(f);
    }
    // Suites in the order their files first appear.
    let mut suites: Vec<(&str, Vec<Case<'_>>)> = Vec::new();
    let mut suite_of: HashMap<&str, usize> = HashMap::new();
    for place in places {
        let (failing, passing) = by_unit
            .get(place.unit.as_str())
            .map(|list| list.iter().partition(|f| policy.fails(f)))
            .unwrap_or_default();
        let case = Case {
            place,
            failing,
            passing,
        };
        let at = *suite_of.entry(place.file.as_str()).or_insert_with(|| {
            suites.push((place.file.as_str(), Vec::new()));
            suites.len() - 1
        });
        if let Some((_, cases)) = suites.get_mut(at) {
            cases.push(case);
        }
    }
    let failed = |cases: &[Case<'_>]| cases.iter().filter(|c| !c.failing.is_empty()).count();
    let total_failed: usize = suites.iter().map(|(_, c)| failed(c)).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"satz check\" {}>\n",
        counts(places.len(), total_failed)
    ));
    for (file, cases) in &suites {
        out.push_str(&format!(
            "  <testsuite name=\"{}\" {}>\n",
            attr(file),
            counts(cases.len(), failed(cases))
        ));
        for case in cases {
            write_case(&mut out, case);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// The count attributes of a suite.
fn counts(tests: usize, failures: usize) -> String {
    format!("tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\"")
}

/// One `<testcase>`.
fn write_case(out: &mut String, case: &Case<'_>) {
    let open = format!(
        "    <testcase name=\"{}\" classname=\"{}\"",
        attr(&case.place.unit),
        attr(&case.place.file)
    );
    out.push_str(&open);
    if case.failing.is_empty() && case.passing.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    if let Some(first) = case.failing.first() {
        let codes: Vec<&str> = case.failing.iter().map(|f| f.code.as_str()).collect();
        out.push_str(&format!(
            "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
            attr(first.code.as_str()),
            attr(&codes.join(", ")),
            text(&describe(&case.failing))
        ));
    }
    if !case.passing.is_empty() {
        out.push_str(&format!(
            "      <system-out>{}</system-out>\n",
            text(&describe(&case.passing))
        ));
    }
    out.push_str("    </testcase>\n");
}

/// Findings of one unit as plain text: each finding's severity, code,
/// message and evidence, then the unit's two sides.
fn describe(findings: &[&Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        s.push_str(&format!(
            "{} [{}] {}\n",
            f.severity.as_str(),
            f.code,
            f.message
        ));
        if !f.evidence.is_empty() {
            s.push_str(&format!("  why: {}\n", f.evidence));
        }
    }
    if let Some(f) = findings.first() {
        s.push_str(&format!("de: {}\nen: {}\n", f.source, f.target));
    }
    s
}

fn attr(s: &str) -> String {
    escape(s, Escape::ATTR)
}

fn text(s: &str) -> String {
    escape(s, Escape::TEXT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Code, Severity};

    fn finding(code: Code, severity: Severity, unit: &str) -> Finding {
        Finding {
            code,
            severity,
            unit: unit.into(),
            source: "Preis <5 & \"mehr\"".into(),
            target: "price".into(),
            message: "m".into(),
            source_spans: vec![],
            target_spans: vec![],
            evidence: "e".into(),
            related: vec![],
        }
    }

    fn place(file: &str, unit: &str) -> UnitPlace {
        UnitPlace {
            unit: unit.into(),
            file: file.into(),
            line: None,
        }
    }

    #[test]
    fn a_suite_per_file_a_case_per_unit_a_failure_per_failing_unit() {
        let places = [
            place("memory/a.tmx", "a.tmx:3"),
            place("memory/b&c.tmx", "b&c.tmx:3"),
            place("memory/a.tmx", "a.tmx:4"),
        ];
        let findings = [
            finding(Code::NumberMismatch, Severity::Error, "a.tmx:3"),
            finding(Code::DateMismatch, Severity::Error, "a.tmx:3"),
            finding(Code::DoubleSpace, Severity::Warning, "a.tmx:3"),
            finding(Code::TermMissing, Severity::Warning, "b&c.tmx:3"),
        ];
        let xml = report(&findings, &places, &FailPolicy::default());
        assert!(xml.contains(
            "<testsuites name=\"satz check\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\">"
        ));
        assert!(xml.contains(
            "<testsuite name=\"memory/a.tmx\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">"
        ));
        assert!(xml.contains(
            "<failure type=\"number-mismatch\" message=\"number-mismatch, date-mismatch\">"
        ));
        assert!(xml.contains("<testcase name=\"a.tmx:4\" classname=\"memory/a.tmx\"/>"));
        assert!(xml.contains("<testsuite name=\"memory/b&amp;c.tmx\" tests=\"1\" failures=\"0\""));
        assert!(xml.contains("de: Preis &lt;5 &amp; \"mehr\"\n"));
        assert_eq!(xml.matches("<system-out>").count(), 2);
        assert_eq!(xml.matches("<testsuite ").count(), 2);
        assert!(!xml.contains("time"));
    }
}
