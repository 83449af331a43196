//! One-line JSON for `glossary list --format json`: [`to_json_line`].

use serde::Serialize;

use super::model::Term;

/// The JSON object, fields in output order.
#[derive(Serialize)]
struct JsonTerm<'a> {
    de: &'a str,
    en: &'a [String],
    forbidden: &'a [String],
    status: Option<&'static str>,
    note: Option<&'a str>,
}

/// One JSON object on one line (no trailing newline), keys in this order:
///
/// `{"de":"…","en":["…"],"forbidden":["…"],"status":"preferred","note":"…"}`
///
/// `en` and `forbidden` are always arrays (`forbidden` may be `[]`);
/// `status` and `note` are `null` when absent; `status` is `"preferred"`,
/// `"admitted"` or `"deprecated"`. Strings are escaped by `serde_json`, so
/// newlines in a note become `\n` and the output is always a single line.
/// Other fields (`pos`, `forms`, `case_sensitive`, `match`) are not included.
pub fn to_json_line(term: &Term) -> String {
    let row = JsonTerm {
        de: &term.de,
        en: &term.en,
        forbidden: &term.forbidden,
        status: term.status.map(|s| s.as_str()),
        note: term.note.as_deref(),
    };
    #[allow(
        clippy::expect_used,
        reason = "serialising borrowed strings and string slices cannot fail"
    )]
    let line = serde_json::to_string(&row).expect("a term serialises");
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Status;

    #[test]
    fn full_and_minimal_terms() {
        let term = Term {
            forbidden: vec!["clan custody".into()],
            status: Some(Status::Preferred),
            note: Some("line1\n\"quoted\"".into()),
            ..Term::new("Sippenhaft", ["kin liability", "collective punishment"])
        };
        assert_eq!(
            to_json_line(&term),
            r#"{"de":"Sippenhaft","en":["kin liability","collective punishment"],"forbidden":["clan custody"],"status":"preferred","note":"line1\n\"quoted\""}"#
        );
        assert_eq!(
            to_json_line(&Term::new("Bürgergeld", ["citizen's income"])),
            r#"{"de":"Bürgergeld","en":["citizen's income"],"forbidden":[],"status":null,"note":null}"#
        );
    }
}
