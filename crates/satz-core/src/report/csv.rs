//! CSV text for the machine formats (`analyze`, `export`, `glossary
//! export`, `terms`): RFC 4180 quoting by the csv crate, one writer for
//! every command, so that a failure is reported rather than turned into an
//! empty or truncated output.

/// `rows` as CSV text, each row a record, written by the csv crate with its
/// defaults (RFC 4180: `,` between fields, `"` around fields that need it,
/// `\n` after each record).
pub fn to_string<I, R, F>(rows: I) -> Result<String, csv::Error>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = F>,
    F: AsRef<str>,
{
    to_string_with(&csv::WriterBuilder::new(), rows)
}

/// `rows` as CSV text written by a writer that `builder` configures (a
/// comment character, another delimiter).
pub fn to_string_with<I, R, F>(builder: &csv::WriterBuilder, rows: I) -> Result<String, csv::Error>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = F>,
    F: AsRef<str>,
{
    let mut w = builder.from_writer(Vec::new());
    for row in rows {
        let fields: Vec<F> = row.into_iter().collect();
        w.write_record(fields.iter().map(|f| f.as_ref().as_bytes()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    // Every field was a `str`, so the bytes are UTF-8.
    String::from_utf8(bytes)
        .map_err(|e| csv::Error::from(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting() {
        let text = to_string([["a", "b,c"], ["\"x\"", "line\nbreak"]]).unwrap();
        assert_eq!(text, "a,\"b,c\"\n\"\"\"x\"\"\",\"line\nbreak\"\n");
    }

    #[test]
    fn rows_of_unequal_length_are_an_error_not_an_empty_text() {
        let err = to_string([vec!["a", "b"], vec!["c"]]).unwrap_err();
        assert!(
            err.to_string().contains("found record with 1 fields"),
            "{err}"
        );
    }

    #[test]
    fn a_builder_configures_the_writer() {
        let mut b = csv::WriterBuilder::new();
        b.comment(Some(b'#'));
        assert_eq!(to_string_with(&b, [["#a", "b"]]).unwrap(), "\"#a\",b\n");
    }
}
