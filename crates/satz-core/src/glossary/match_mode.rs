//! How a term is found in German text: the `match` key of a `[[term]]`
//! (stem, exact, prefix, or a custom stem written with a `|`), read and
//! written in the file's spelling and checked against the term's `de`.

/// How a term is found in German text (key `match`).
///
/// In the file: `"stem"` (the default, written only when different),
/// `"exact"`, `"prefix"`, or the term itself with one `|` after a custom
/// stem, e.g. `"Erb|diktatur"` for `de = "Erbdiktatur"`.
///
/// A custom stem is stored as [`MatchMode::CustomStem`] holding only the
/// part before the `|`; the part after it is always the rest of `de`, so
/// the full form is `de`. Rules, checked by parsing and by
/// [`Term::validate`](crate::glossary::Term::validate): exactly one `|`; non-empty text on both sides; the
/// two sides joined spell `de` exactly (same case, same characters); `de`
/// itself contains no `|`. A stem
/// that is the whole term (`"Erbdiktatur|"`) is rejected: use `"prefix"`.
/// Mode names are lower case; any other string without `|` is an error.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum MatchMode {
    /// Inflected forms found by stemming rules (default).
    #[default]
    Stem,
    /// Only the exact term (and `forms`).
    Exact,
    /// Any word beginning with the term.
    Prefix,
    /// Any word beginning with `stem`, a proper prefix of `de`.
    CustomStem {
        /// The text before `|`, a non-empty proper prefix of `de`.
        stem: String,
    },
}

impl MatchMode {
    /// Reads a `match` value for the term `de`; the error is the reason text
    /// for [`ErrorKind::BadMatch`](crate::glossary::ErrorKind::BadMatch).
    pub fn from_toml(value: &str, de: &str) -> Result<MatchMode, String> {
        match value {
            "stem" => return Ok(MatchMode::Stem),
            "exact" => return Ok(MatchMode::Exact),
            "prefix" => return Ok(MatchMode::Prefix),
            _ => {}
        }
        let Some((stem, rest)) = value.split_once('|') else {
            return Err(format!(
                "expected \"stem\", \"exact\", \"prefix\" or the term with `|` after a custom stem \
                 (e.g. \"{}\")",
                example_split(de)
            ));
        };
        if rest.contains('|') {
            return Err(if de.contains('|') {
                "the term itself contains `|`, so it cannot have a custom stem".into()
            } else {
                "more than one `|`".into()
            });
        }
        if format!("{stem}{rest}") != de {
            return Err(format!(
                "without the `|` it must spell the term {de:?} exactly (e.g. \"{}\")",
                example_split(de)
            ));
        }
        custom_stem_problem(stem, de)?;
        Ok(MatchMode::CustomStem { stem: stem.into() })
    }

    /// The `match` string for the term `de`: `"stem"`, `"exact"`,
    /// `"prefix"`, or `stem|rest-of-de`.
    ///
    /// For an invalid custom stem (not a proper prefix of `de`) this returns
    /// `"{stem}|"`, which [`MatchMode::from_toml`] rejects, so an invalid
    /// model can never be written and read back as something else.
    pub fn to_toml(&self, de: &str) -> String {
        match self {
            MatchMode::Stem => "stem".into(),
            MatchMode::Exact => "exact".into(),
            MatchMode::Prefix => "prefix".into(),
            MatchMode::CustomStem { stem } => match de.strip_prefix(stem.as_str()) {
                Some(rest) if custom_stem_problem(stem, de).is_ok() => format!("{stem}|{rest}"),
                _ => format!("{stem}|"),
            },
        }
    }

    /// The custom stem, if this is [`MatchMode::CustomStem`].
    pub fn custom_stem(&self) -> Option<&str> {
        match self {
            MatchMode::CustomStem { stem } => Some(stem),
            _ => None,
        }
    }
}

/// Why `stem` is not a valid custom stem of `de`, if it is not.
pub(super) fn custom_stem_problem(stem: &str, de: &str) -> Result<(), String> {
    if stem.is_empty() {
        return Err("nothing before `|`; the stem must not be empty".into());
    }
    if stem.contains('|') {
        return Err("more than one `|`".into());
    }
    if de.contains('|') {
        return Err("the term itself contains `|`, so it cannot have a custom stem".into());
    }
    match de.strip_prefix(stem) {
        None => Err(format!(
            "the stem {stem:?} is not the start of the term {de:?}"
        )),
        Some("") => Err(
            "nothing after `|`; to match words beginning with the whole term use \"prefix\"".into(),
        ),
        Some(_) => Ok(()),
    }
}

/// `de` with a `|` before its last three characters, for messages.
fn example_split(de: &str) -> String {
    let n = de.chars().count();
    if n < 2 {
        return "Erb|diktatur".into();
    }
    let cut = n.saturating_sub(3).max(1);
    let (head, tail): (String, String) = (
        de.chars().take(cut).collect(),
        de.chars().skip(cut).collect(),
    );
    format!("{head}|{tail}")
}
