//! Which findings fail a check (make `satz check` exit 1): a
//! [`FailPolicy`], from `--fail-on` or the `[check] fail_on` list of
//! glossary.toml.
//!
//! Each item is a severity, a code or `none`: `error` (every error-level
//! finding, the default), `warning` (every finding), a code such as
//! `term-missing` (every finding with that code, at any severity), or
//! `none` (report only, never fail). Items add up: `error,term-missing`
//! fails on errors and on missing glossary terms.

use std::fmt;
use std::str::FromStr;

use super::{Code, Finding, Severity, UnknownCode};

/// One item of a fail-on list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Every finding of this severity or worse.
    Severity(Severity),
    /// Every finding with this code.
    Code(Code),
    /// Nothing fails.
    Nothing,
}

impl FromStr for FailOn {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<FailOn, UnknownCode> {
        match s.trim() {
            "error" => Ok(FailOn::Severity(Severity::Error)),
            "warning" => Ok(FailOn::Severity(Severity::Warning)),
            "none" => Ok(FailOn::Nothing),
            other => other.parse().map(FailOn::Code),
        }
    }
}

impl fmt::Display for FailOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailOn::Severity(s) => f.write_str(s.as_str()),
            FailOn::Code(c) => f.write_str(c.as_str()),
            FailOn::Nothing => f.write_str("none"),
        }
    }
}

/// The findings that fail a check: any item of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailPolicy(Vec<FailOn>);

impl Default for FailPolicy {
    /// Errors fail: `error`.
    fn default() -> FailPolicy {
        FailPolicy(vec![FailOn::Severity(Severity::Error)])
    }
}

impl FailPolicy {
    /// A policy of these items (an empty list is the default, `error`).
    pub fn new(items: Vec<FailOn>) -> FailPolicy {
        if items.is_empty() {
            FailPolicy::default()
        } else {
            FailPolicy(items)
        }
    }

    /// Whether `f` fails the check.
    pub fn fails(&self, f: &Finding) -> bool {
        self.0.iter().any(|item| match item {
            // Severity::Error sorts before Warning: "this or worse".
            FailOn::Severity(s) => f.severity <= *s,
            FailOn::Code(c) => f.code == *c,
            FailOn::Nothing => false,
        })
    }

    /// The items, comma-separated (`error,term-missing`).
    pub fn describe(&self) -> String {
        self.0
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckOptions, Pair, check_pairs};
    use crate::glossary::Glossary;

    fn findings() -> Vec<Finding> {
        // An error (number) and a warning (doubled word).
        let pairs = [
            Pair::new("a", "Es kamen 1968 viele.", "Many came in 1969."),
            Pair::new("b", "Er lacht.", "He he laughs."),
        ];
        check_pairs(&pairs, &Glossary::default(), &CheckOptions::default())
    }

    #[test]
    fn items_read_and_add_up() {
        let fs = findings();
        let count = |spec: &str| {
            let items: Vec<FailOn> = spec.split(',').map(|s| s.parse().unwrap()).collect();
            let p = FailPolicy::new(items);
            fs.iter().filter(|f| p.fails(f)).count()
        };
        assert_eq!(fs.len(), 2);
        assert_eq!(count("error"), 1);
        assert_eq!(count("warning"), 2);
        assert_eq!(count("none"), 0);
        assert_eq!(count("doubled-word"), 1);
        assert_eq!(count("error,doubled-word"), 2);
        assert_eq!(count("number-mismatch"), 1);
        assert!("errors".parse::<FailOn>().is_err());
        assert_eq!(FailPolicy::default().describe(), "error");
    }
}
