//! `check --format github`: one GitHub Actions workflow command per
//! finding, which the runner turns into an annotation on the file and line
//! (on a pull request, in its diff):
//!
//! ```text
//! ::error file=memory/news.tmx,line=42,title=number-mismatch::the numbers differ: …%0Awhy: …
//! ```
//!
//! The syntax is GitHub's ("Workflow commands for GitHub Actions",
//! <https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions>):
//! `::error` or `::warning`, the properties `file`, `line` and `title`
//! separated by `,`, then `::` and the message. In the message `%`, `\r` and
//! `\n` are written `%25`, `%0D` and `%0A`; in a property value `:` and `,`
//! are also escaped (`%3A`, `%2C`), so a path with a comma stays one value.
//!
//! A finding that fails the check (the [`FailPolicy`]) is an `error`, any
//! other a `warning`: the annotations' level agrees with the step's result.
//! The title is the finding's code; the message is the finding's message
//! and, on a second line, its evidence (where it has one).

use std::collections::HashMap;

use super::UnitPlace;
use crate::check::{FailPolicy, Finding};

/// The workflow commands of `findings`, one line each, in their order;
/// `places` says where each unit is (a unit without a place gets an
/// annotation without `file`).
pub fn annotations(findings: &[Finding], places: &[UnitPlace], policy: &FailPolicy) -> String {
    let by_unit: HashMap<&str, &UnitPlace> = places.iter().map(|p| (p.unit.as_str(), p)).collect();
    let mut out = String::new();
    for f in findings {
        let level = if policy.fails(f) { "error" } else { "warning" };
        out.push_str("::");
        out.push_str(level);
        out.push(' ');
        if let Some(place) = by_unit.get(f.unit.as_str()) {
            out.push_str("file=");
            out.push_str(&property(&place.file));
            if let Some(line) = place.line {
                out.push_str(&format!(",line={line}"));
            }
            out.push(',');
        }
        out.push_str("title=");
        out.push_str(&property(f.code.as_str()));
        out.push_str("::");
        out.push_str(&data(&f.message));
        if !f.evidence.is_empty() {
            out.push_str("%0Awhy: ");
            out.push_str(&data(&f.evidence));
        }
        out.push('\n');
    }
    out
}

/// A message (the command's data) escaped: `%`, `\r`, `\n`.
pub fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A property value escaped: as [`data`], and `:` and `,`.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Code, FailOn, Severity};

    fn finding(code: Code, severity: Severity, unit: &str, message: &str) -> Finding {
        Finding {
            code,
            severity,
            unit: unit.into(),
            source: "de".into(),
            target: "en".into(),
            message: message.into(),
            source_spans: vec![],
            target_spans: vec![],
            evidence: "50% off".into(),
            related: vec![],
        }
    }

    #[test]
    fn levels_follow_the_policy_and_values_are_escaped() {
        let places = [UnitPlace {
            unit: "a,b.tmx:7".into(),
            file: "memory/a,b:c.tmx".into(),
            line: Some(7),
        }];
        let findings = [
            finding(Code::NumberMismatch, Severity::Error, "a,b.tmx:7", "1\r\n2"),
            finding(Code::TermMissing, Severity::Warning, "a,b.tmx:7", "x"),
            finding(Code::DoubleSpace, Severity::Warning, "elsewhere", "y"),
        ];
        let out = annotations(&findings, &places, &FailPolicy::default());
        assert_eq!(
            out,
            "::error file=memory/a%2Cb%3Ac.tmx,line=7,title=number-mismatch::1%0D%0A2%0Awhy: 50%25 off\n\
             ::warning file=memory/a%2Cb%3Ac.tmx,line=7,title=term-missing::x%0Awhy: 50%25 off\n\
             ::warning title=double-space::y%0Awhy: 50%25 off\n"
        );
        let gate = FailPolicy::new(vec![FailOn::Code(Code::TermMissing)]);
        let out = annotations(&findings, &places, &gate);
        assert!(out.starts_with("::warning file="), "{out}");
        assert!(out.contains("::error file=memory/a%2Cb%3Ac.tmx,line=7,title=term-missing::"));
    }
}
