//! Helpers shared by the report writers: HTML escaping for the human-facing
//! pages (the alignment review page, the term page) and CSV text for the
//! machine formats ([`csv`]).

pub mod csv;

/// Escapes text for HTML content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::html_escape("<a href=\"x\">Kim's & «Putin»</a>"),
            "&lt;a href=&quot;x&quot;&gt;Kim&#39;s &amp; «Putin»&lt;/a&gt;"
        );
    }
}
