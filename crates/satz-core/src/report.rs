//! Helpers shared by the report writers: HTML escaping for the human-facing
//! pages (the alignment review page, the term page), CSV text for the
//! machine formats ([`csv`]), and the formats CI systems read `check`'s
//! findings in: GitHub Actions annotations ([`github`]) and JUnit XML
//! ([`junit`]).

pub mod csv;
pub mod github;
pub mod junit;

/// A checked unit and where it is, what the CI formats point at: a memory
/// unit is its TMX file and the line of its `<tu>`; a link of a document
/// pair is the German file and the line its first sentence starts on (the
/// English file for a link without German).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitPlace {
    /// The unit's id, as findings name it ([`crate::check::Finding::unit`]).
    pub unit: String,
    /// The file, as the user would name it (`memory/news.tmx`).
    pub file: String,
    /// The 1-based line, where known.
    pub line: Option<usize>,
}

/// Escapes text for HTML content and attribute values (in either kind of
/// quotes): [`crate::xml::escape`] with [`Escape::HTML`](crate::xml::Escape::HTML).
pub fn html_escape(s: &str) -> String {
    crate::xml::escape(s, crate::xml::Escape::HTML)
}

/// The start of a self-contained report page, up to and including its
/// `<h1>`: `title` (already escaped) and the page's own `style`.
pub fn page_head(title: &str, style: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    )
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
