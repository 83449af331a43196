//! Helpers shared by the report writers: HTML escaping for the human-facing
//! pages (the alignment review page, the term page) and CSV text for the
//! machine formats ([`csv`]).

pub mod csv;

/// Escapes text for HTML content and attribute values (in either kind of
/// quotes): [`crate::xml::escape`] with [`Escape::HTML`](crate::xml::Escape::HTML).
pub fn html_escape(s: &str) -> String {
    crate::xml::escape(s, crate::xml::Escape::HTML)
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
