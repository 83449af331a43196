//! The in-memory glossary: [`Glossary`], [`Term`], [`Status`], [`MatchMode`],
//! and the rules a valid term obeys ([`Term::validate`]).
//!
//! The same rules are applied by [`Glossary::parse`] (with a location for
//! each violation) and by [`add_term`](super::add_term) (for the term handed
//! in), so anything that passes one passes the other.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use super::error::{ErrorKind, Location};
pub use super::match_mode::MatchMode;
use super::match_mode::custom_stem_problem;
use crate::text::words::{key, swiss};

/// The `source_lang` used when the file has no `[glossary]` table or key.
pub const DEFAULT_SOURCE_LANG: &str = "de";
/// The `target_lang` used when the file has no `[glossary]` table or key.
pub const DEFAULT_TARGET_LANG: &str = "en";

/// A whole glossary file: the `[glossary]` header and the `[[term]]`s in
/// file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glossary {
    /// Language of the `de` terms (default `"de"`).
    pub source_lang: String,
    /// Language of the `en` translations (default `"en"`).
    pub target_lang: String,
    /// The terms, in file order.
    pub terms: Vec<Term>,
    /// The optional `[check]` table: how `satz check` gates a team's CI.
    pub check: CheckSettings,
    /// Top-level tables this satz does not know (written by a newer satz
    /// or another tool), with where they start: ignored, and named in a
    /// warning by the commands that read the glossary.
    pub unknown_tables: Vec<(String, Location)>,
}

/// The `[check]` table of a glossary: settings of `satz check` that a team
/// shares with its terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckSettings {
    /// `fail_on`: which findings make `check` exit 1 (codes, `error`,
    /// `warning`, `none`), as written, with where each value is. Read by
    /// the check command, which knows the codes.
    pub fail_on: Option<Vec<(String, Location)>>,
}

impl Default for Glossary {
    fn default() -> Self {
        Glossary {
            source_lang: DEFAULT_SOURCE_LANG.to_owned(),
            target_lang: DEFAULT_TARGET_LANG.to_owned(),
            terms: Vec::new(),
            check: CheckSettings::default(),
            unknown_tables: Vec::new(),
        }
    }
}

impl Glossary {
    /// The term whose `de` is exactly `de` (no case folding), if any.
    pub fn find(&self, de: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.de == de)
    }
}

/// One `[[term]]` entry.
///
/// Optional keys that are absent in the file are `None`, empty vectors,
/// `false` and [`MatchMode::Stem`]; empty vectors and defaults are not
/// written back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Term {
    /// The German term in its dictionary form.
    pub de: String,
    /// Approved translations, preferred first; never empty in a valid term.
    pub en: Vec<String>,
    /// Translations that must not be used.
    pub forbidden: Vec<String>,
    /// Free-text note.
    pub note: Option<String>,
    /// Part of speech, free text (e.g. "noun").
    pub pos: Option<String>,
    /// Terminology status.
    pub status: Option<Status>,
    /// Extra German surface forms that inflection rules would not find.
    pub forms: Vec<String>,
    /// Whether matching respects case (default `false`).
    pub case_sensitive: bool,
    /// How the term is matched in German text (key `match`).
    pub match_mode: MatchMode,
}

impl Term {
    /// A term with the given `de` and translations and every optional field
    /// at its default.
    pub fn new<S: Into<String>>(de: impl Into<String>, en: impl IntoIterator<Item = S>) -> Self {
        Term {
            de: de.into(),
            en: en.into_iter().map(Into::into).collect(),
            ..Term::default()
        }
    }

    /// The preferred translation (the first of `en`).
    pub fn preferred(&self) -> Option<&str> {
        self.en.first().map(String::as_str)
    }

    /// Whether `self` and `other` are the same glossary entry, i.e. may not
    /// both appear in one file.
    ///
    /// They are when term matching cannot tell their `de` apart: when they
    /// are equal once folded as matching folds a text word
    /// ([`Term::identity_key`]: case, `ß`/`ss`), or, when **both** are
    /// `case_sensitive`, equal with `ß` written `ss` (case kept). So "Arm"
    /// and "arm" may coexist only when both set `case_sensitive = true`,
    /// and "Straße" and "Strasse" never: both would match the same words.
    pub fn same_term_as(&self, other: &Term) -> bool {
        if self.case_sensitive && other.case_sensitive {
            swiss(&self.de) == swiss(&other.de)
        } else {
            self.identity_key() == other.identity_key()
        }
    }

    /// `de` folded as term matching folds a text word: lower case, `ß` and
    /// `ẞ` as `ss`, `’` as `'` ([`crate::text::words::key`]). Terms that are
    /// the same entry ([`Term::same_term_as`]) have the same key.
    pub fn identity_key(&self) -> String {
        key(&self.de)
    }

    /// Checks the rules that [`Glossary::parse`] enforces on each term:
    ///
    /// * `de`, every `en`, `forbidden` and `forms` value, and `pos` are
    ///   non-empty and have no leading or trailing whitespace; `note` is not
    ///   empty or only whitespace;
    /// * `en` has at least one value;
    /// * no value appears twice within `en`, `forbidden` or `forms`, and no
    ///   value is in both `en` and `forbidden` (exact comparison);
    /// * a [`MatchMode::CustomStem`] is valid for `de` (see there).
    pub fn validate(&self) -> Result<(), ErrorKind> {
        check_term_text("de", &self.de)?;
        if self.en.is_empty() {
            return Err(ErrorKind::EmptyList { key: "en".into() });
        }
        for (key, list) in [
            ("en", &self.en),
            ("forbidden", &self.forbidden),
            ("forms", &self.forms),
        ] {
            let mut seen = HashSet::new();
            for value in list {
                check_term_text(key, value)?;
                if !seen.insert(value.as_str()) {
                    return Err(ErrorKind::DuplicateValue {
                        key: key.into(),
                        value: value.clone(),
                    });
                }
            }
        }
        if let Some(value) = self.forbidden.iter().find(|f| self.en.contains(f)) {
            return Err(ErrorKind::ApprovedAndForbidden {
                de: self.de.clone(),
                value: value.clone(),
            });
        }
        if let Some(note) = &self.note {
            check_not_blank("note", note)?;
        }
        if let Some(pos) = &self.pos {
            check_term_text("pos", pos)?;
        }
        if let MatchMode::CustomStem { stem } = &self.match_mode {
            let spelled = self.match_mode.to_toml(&self.de);
            if let Err(reason) = custom_stem_problem(stem, &self.de) {
                return Err(ErrorKind::BadMatch {
                    value: spelled,
                    reason,
                });
            }
        }
        Ok(())
    }
}

/// Rejects empty or whitespace-only strings.
pub(crate) fn check_not_blank(key: &str, value: &str) -> Result<(), ErrorKind> {
    if value.trim().is_empty() {
        return Err(ErrorKind::Empty { key: key.into() });
    }
    Ok(())
}

/// Rejects blank strings and strings with surrounding whitespace.
pub(crate) fn check_term_text(key: &str, value: &str) -> Result<(), ErrorKind> {
    check_not_blank(key, value)?;
    if value.trim() != value {
        return Err(ErrorKind::Whitespace {
            key: key.into(),
            value: value.into(),
        });
    }
    Ok(())
}

/// Accepts BCP 47-like tags: 2–8 ASCII letters, then `-` subtags of 1–8
/// ASCII letters or digits ("de", "en-GB", "de-CH-1996").
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Terminology status of a term (key `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// `"preferred"`.
    Preferred,
    /// `"admitted"`.
    Admitted,
    /// `"deprecated"`.
    Deprecated,
}

impl Status {
    /// All statuses, in the order listed in the format.
    pub const ALL: [Status; 3] = [Status::Preferred, Status::Admitted, Status::Deprecated];

    /// The name used in the file and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Deprecated => "deprecated",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = ErrorKind;

    /// Parses the exact lower-case names `preferred`, `admitted`, `deprecated`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| ErrorKind::BadStatus { value: s.into() })
    }
}

/// What [`add_term`](super::add_term) changed when it merged into an existing term
/// (carried by [`AddOutcome::Merged`](super::AddOutcome::Merged)).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    /// Translations appended to `en`.
    pub en: Vec<String>,
    /// Values appended to `forbidden`.
    pub forbidden: Vec<String>,
    /// Values appended to `forms`.
    pub forms: Vec<String>,
    /// Keys that were absent in the file and were filled in, in key order
    /// (`note`, `pos`, `status`, `case_sensitive`, `match`).
    pub filled: Vec<&'static str>,
}

impl MergeReport {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.en.is_empty()
            && self.forbidden.is_empty()
            && self.forms.is_empty()
            && self.filled.is_empty()
    }
}

/// Merges `new` into `existing`: appends `en`, `forbidden` and `forms`
/// values not yet present, and fills `note`, `pos`, `status`,
/// `case_sensitive` and `match` where `existing` has them unset
/// (`None`/`false`/`Stem`). Values already set are never overwritten.
pub(crate) fn merge_terms(existing: &Term, new: &Term) -> (Term, MergeReport) {
    let mut merged = existing.clone();
    let mut report = MergeReport::default();
    for (list, add, out) in [
        (&mut merged.en, &new.en, &mut report.en),
        (&mut merged.forbidden, &new.forbidden, &mut report.forbidden),
        (&mut merged.forms, &new.forms, &mut report.forms),
    ] {
        for value in add {
            if !list.contains(value) {
                list.push(value.clone());
                out.push(value.clone());
            }
        }
    }
    if merged.note.is_none() && new.note.is_some() {
        merged.note.clone_from(&new.note);
        report.filled.push("note");
    }
    if merged.pos.is_none() && new.pos.is_some() {
        merged.pos.clone_from(&new.pos);
        report.filled.push("pos");
    }
    if merged.status.is_none() && new.status.is_some() {
        merged.status = new.status;
        report.filled.push("status");
    }
    if !merged.case_sensitive && new.case_sensitive {
        merged.case_sensitive = true;
        report.filled.push("case_sensitive");
    }
    if merged.match_mode == MatchMode::Stem && new.match_mode != MatchMode::Stem {
        merged.match_mode = new.match_mode.clone();
        report.filled.push("match");
    }
    (merged, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_stem_round_trips() {
        let m = MatchMode::from_toml("Erb|diktatur", "Erbdiktatur");
        assert_eq!(m, Ok(MatchMode::CustomStem { stem: "Erb".into() }));
        assert_eq!(
            m.map(|m| m.to_toml("Erbdiktatur")),
            Ok("Erb|diktatur".to_string())
        );
        assert_eq!(
            MatchMode::from_toml("ä|öü", "äöü").map(|m| m.to_toml("äöü")),
            Ok("ä|öü".into())
        );
    }

    #[test]
    fn bad_custom_stems() {
        for (value, de, reason_part) in [
            ("Erb|", "Erbdiktatur", "spell the term"),
            ("Erbdiktatur|", "Erbdiktatur", "use \"prefix\""),
            ("|Erbdiktatur", "Erbdiktatur", "nothing before"),
            ("E|rb|diktatur", "Erbdiktatur", "more than one"),
            ("erb|diktatur", "Erbdiktatur", "spell the term"),
            ("Erb|diktator", "Erbdiktatur", "spell the term"),
            ("Stem", "Erbdiktatur", "expected \"stem\""),
            ("", "Erbdiktatur", "expected \"stem\""),
        ] {
            let err = MatchMode::from_toml(value, de).err().unwrap_or_default();
            assert!(err.contains(reason_part), "{value}: {err}");
        }
    }

    #[test]
    fn invalid_custom_stem_never_renders_as_valid() {
        let m = MatchMode::CustomStem { stem: "Xy".into() };
        assert_eq!(m.to_toml("Erbdiktatur"), "Xy|");
        assert!(MatchMode::from_toml(&m.to_toml("Erbdiktatur"), "Erbdiktatur").is_err());
        let whole = MatchMode::CustomStem { stem: "Erb".into() };
        assert_eq!(whole.to_toml("Erb"), "Erb|");
    }

    #[test]
    fn validate_rules() {
        let ok = Term::new("Sippenhaft", ["kin liability"]);
        assert_eq!(ok.validate(), Ok(()));
        let mut t = ok.clone();
        t.de = " Sippenhaft".into();
        assert!(matches!(t.validate(), Err(ErrorKind::Whitespace { .. })));
        let mut t = ok.clone();
        t.en.clear();
        assert!(matches!(t.validate(), Err(ErrorKind::EmptyList { .. })));
        let mut t = ok.clone();
        t.forbidden = vec!["kin liability".into()];
        assert!(matches!(
            t.validate(),
            Err(ErrorKind::ApprovedAndForbidden { .. })
        ));
        let mut t = ok.clone();
        t.forms = vec!["a".into(), "a".into()];
        assert!(matches!(
            t.validate(),
            Err(ErrorKind::DuplicateValue { .. })
        ));
        let mut t = ok.clone();
        t.note = Some("  ".into());
        assert!(matches!(t.validate(), Err(ErrorKind::Empty { .. })));
        let mut t = ok;
        t.match_mode = MatchMode::CustomStem {
            stem: "Sippenhaft".into(),
        };
        assert!(matches!(t.validate(), Err(ErrorKind::BadMatch { .. })));
    }

    #[test]
    fn identity_folds_sharp_s_like_matching() {
        let strasse = Term::new("Strasse", ["street"]);
        let strasse_ss = Term::new("Straße", ["road"]);
        assert!(strasse.same_term_as(&strasse_ss));
        assert_eq!(strasse.identity_key(), strasse_ss.identity_key());
        // Case-sensitive terms keep case apart, never ß and ss.
        let cased = |de: &str| Term {
            case_sensitive: true,
            ..Term::new(de, ["x"])
        };
        assert!(cased("Straße").same_term_as(&cased("Strasse")));
        assert!(cased("STRAẞE").same_term_as(&cased("STRASSE")));
        assert!(!cased("Straße").same_term_as(&cased("STRASSE")));
        assert!(cased("Straße").same_term_as(&Term::new("STRASSE", ["x"])));
    }

    #[test]
    fn identity_rule() {
        let mut a = Term::new("Arm", ["arm"]);
        let mut b = Term::new("arm", ["poor"]);
        assert!(a.same_term_as(&b));
        a.case_sensitive = true;
        assert!(a.same_term_as(&b));
        b.case_sensitive = true;
        assert!(!a.same_term_as(&b));
        let c = Term {
            case_sensitive: true,
            ..Term::new("Arm", ["x"])
        };
        assert!(a.same_term_as(&c));
    }

    #[test]
    fn language_tags() {
        for ok in ["de", "en", "en-GB", "de-CH-1996", "gsw"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "d",
            "d e",
            "de-",
            "-de",
            "de_CH",
            "deutschsprachig",
            "ü",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn merge_appends_and_fills() {
        let existing = Term {
            note: Some("old".into()),
            ..Term::new("Sippenhaft", ["kin liability"])
        };
        let new = Term {
            note: Some("new".into()),
            pos: Some("noun".into()),
            forbidden: vec!["clan custody".into()],
            ..Term::new("Sippenhaft", ["collective punishment", "kin liability"])
        };
        let (merged, report) = merge_terms(&existing, &new);
        assert_eq!(merged.en, ["kin liability", "collective punishment"]);
        assert_eq!(merged.note.as_deref(), Some("old"));
        assert_eq!(merged.pos.as_deref(), Some("noun"));
        assert_eq!(report.en, ["collective punishment"]);
        assert_eq!(report.forbidden, ["clan custody"]);
        assert_eq!(report.filled, ["pos"]);
        let (again, report) = merge_terms(&merged, &new);
        assert_eq!(again, merged);
        assert!(report.is_empty());
    }
}
