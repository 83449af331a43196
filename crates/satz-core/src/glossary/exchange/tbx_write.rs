//! The TBX writer: TBX-Basic in the DCA style of TBX v3 (ISO 30042:2019,
//! namespace `urn:iso:std:iso:30042:ed-2`), one `conceptEntry` per glossary
//! term.
//!
//! ```xml
//! <conceptEntry id="c1">
//!   <note>the term's note</note>
//!   <langSec xml:lang="de">
//!     <termSec>
//!       <term>Sippenhaft</term>
//!       <termNote type="partOfSpeech">noun</termNote>
//!       <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
//!     </termSec>
//!     <termSec>                                    <!-- one per `forms` value -->
//!       <term>Sippenhaften</term>
//!       <termNote type="termType">variant</termNote>
//!     </termSec>
//!   </langSec>
//!   <langSec xml:lang="en">
//!     <termSec>                                    <!-- en[0] -->
//!       <term>collective punishment</term>
//!       <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
//!     </termSec>
//!     <termSec>                                    <!-- en[1..]: admittedTerm-admn-sts -->
//!     <termSec>                                    <!-- forbidden: deprecatedTerm-admn-sts -->
//! ```
//!
//! Mapping (see also the reader, which inverts it):
//!
//! * the German term's `status` is its `administrativeStatus`
//!   (`preferred` → `preferredTerm-admn-sts`, `admitted` →
//!   `admittedTerm-admn-sts`, `deprecated` → `deprecatedTerm-admn-sts`);
//! * the first approved translation is `preferredTerm-admn-sts`, the others
//!   `admittedTerm-admn-sts`;
//! * a forbidden translation is `deprecatedTerm-admn-sts`: TBX-Basic's
//!   picklist has no "forbidden" or "notRecommended" (those belong to TBX-Min's
//!   `usageStatus`); deprecated is its value for a term that must not be used
//!   (`supersededTerm` would say it was once admitted);
//! * `pos` goes on the German term, mapped to TBX-Basic's picklist (`noun`,
//!   `verb`, `adjective`, `adverb`, `properNoun`, `other`; `adj`, `n`,
//!   `proper noun` and similar spellings are recognised, anything else is
//!   `other`);
//! * `note` is a `<note>` of the concept;
//! * `forms` are German `termSec`s of `termType` `variant`;
//! * `match` and `case_sensitive`, which no TBX data category holds, are
//!   processing instructions inside the German `termSec`
//!   (`<?satz match="Erb|diktatur"?>`), invisible to other tools and read
//!   back by satz, so a round trip loses nothing.
//!
//! Whitespace that XML would not keep (line breaks, tabs, a space at either
//! end or next to another one) is written as a character reference, which
//! the reader keeps. Characters XML 1.0 cannot hold (control characters
//! other than tab, line feed and carriage return) are dropped. The output
//! is deterministic: no dates, ids by position.

use crate::glossary::{Glossary, MatchMode, Status, Term};
use crate::xml::Escape;

/// A context sentence pair for one term (`satz terms --format tbx`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TbxContext {
    /// The German sentence (on the German term).
    pub source: String,
    /// The English sentence.
    pub target: String,
    /// Which approved translation the English sentence uses (it goes on
    /// that term; the preferred one when `None`).
    pub en_index: Option<usize>,
}

/// What to write besides the glossary content.
#[derive(Debug, Clone, Default)]
pub struct TbxOptions {
    /// Per term (same index as `glossary.terms`), a context pair written as
    /// `<descrip type="context">`.
    pub contexts: Vec<Option<TbxContext>>,
    /// Write the terms as unreviewed candidates: no status on the German
    /// term and `admittedTerm-admn-sts` on every translation.
    pub candidates: bool,
    /// The text of the header's `<sourceDesc><p>`.
    pub source_desc: Option<String>,
}

/// TBX-Basic for `glossary` (see the module documentation).
pub fn to_tbx(glossary: &Glossary, options: &TbxOptions) -> String {
    let mut out = String::with_capacity(256 + glossary.terms.len() * 600);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"{}\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n",
        attr(&glossary.target_lang)
    ));
    let desc = options.source_desc.clone().unwrap_or_else(|| {
        format!(
            "satz glossary, {} to {}, {} terms",
            glossary.source_lang,
            glossary.target_lang,
            glossary.terms.len()
        )
    });
    out.push_str("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n");
    out.push_str(&format!("        <p>{}</p>\n", text(&desc)));
    out.push_str("      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n");
    out.push_str("  <text>\n    <body>\n");
    for (i, term) in glossary.terms.iter().enumerate() {
        let context = options.contexts.get(i).and_then(Option::as_ref);
        concept(&mut out, i + 1, term, glossary, context, options.candidates);
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

fn concept(
    out: &mut String,
    n: usize,
    term: &Term,
    glossary: &Glossary,
    context: Option<&TbxContext>,
    candidates: bool,
) {
    out.push_str(&format!("      <conceptEntry id=\"c{n}\">\n"));
    if let Some(note) = &term.note {
        out.push_str(&format!("        <note>{}</note>\n", text(note)));
    }
    out.push_str(&format!(
        "        <langSec xml:lang=\"{}\">\n",
        attr(&glossary.source_lang)
    ));
    out.push_str("          <termSec>\n");
    out.push_str(&format!("            <term>{}</term>\n", text(&term.de)));
    if let Some(pos) = &term.pos {
        term_note(out, "partOfSpeech", tbx_pos(pos));
    }
    if !candidates && let Some(status) = term.status {
        term_note(out, "administrativeStatus", admin_status(status));
    }
    if let Some(c) = context {
        descrip_context(out, &c.source);
    }
    if term.match_mode != MatchMode::Stem {
        out.push_str(&format!(
            "            <?satz match=\"{}\"?>\n",
            percent_encode(&term.match_mode.to_toml(&term.de))
        ));
    }
    if term.case_sensitive {
        out.push_str("            <?satz case_sensitive=\"true\"?>\n");
    }
    out.push_str("          </termSec>\n");
    for form in &term.forms {
        out.push_str("          <termSec>\n");
        out.push_str(&format!("            <term>{}</term>\n", text(form)));
        term_note(out, "termType", "variant");
        out.push_str("          </termSec>\n");
    }
    out.push_str("        </langSec>\n");
    out.push_str(&format!(
        "        <langSec xml:lang=\"{}\">\n",
        attr(&glossary.target_lang)
    ));
    let context_at = context.map(|c| c.en_index.unwrap_or(0));
    for (i, en) in term.en.iter().enumerate() {
        let status = match (candidates, i) {
            (false, 0) => "preferredTerm-admn-sts",
            _ => "admittedTerm-admn-sts",
        };
        out.push_str("          <termSec>\n");
        out.push_str(&format!("            <term>{}</term>\n", text(en)));
        term_note(out, "administrativeStatus", status);
        if context_at == Some(i)
            && let Some(c) = context
        {
            descrip_context(out, &c.target);
        }
        out.push_str("          </termSec>\n");
    }
    for f in &term.forbidden {
        out.push_str("          <termSec>\n");
        out.push_str(&format!("            <term>{}</term>\n", text(f)));
        term_note(out, "administrativeStatus", "deprecatedTerm-admn-sts");
        out.push_str("          </termSec>\n");
    }
    out.push_str("        </langSec>\n");
    out.push_str("      </conceptEntry>\n");
}

fn term_note(out: &mut String, kind: &str, value: &str) {
    out.push_str(&format!(
        "            <termNote type=\"{kind}\">{}</termNote>\n",
        text(value)
    ));
}

fn descrip_context(out: &mut String, sentence: &str) {
    out.push_str(&format!(
        "            <descrip type=\"context\">{}</descrip>\n",
        text(sentence)
    ));
}

/// The TBX-Basic `administrativeStatus` of a glossary status.
pub fn admin_status(status: Status) -> &'static str {
    match status {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
    }
}

/// TBX-Basic's `partOfSpeech` value for a free-text part of speech.
pub fn tbx_pos(pos: &str) -> &'static str {
    let p: String = pos
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    match p.as_str() {
        "noun" | "n" | "nn" | "substantive" | "substantiv" | "nomen" | "commonnoun" => "noun",
        "verb" | "v" | "vb" => "verb",
        "adjective" | "adj" | "a" | "jj" | "adjektiv" => "adjective",
        "adverb" | "adv" | "rb" => "adverb",
        "propernoun" | "propn" | "nnp" | "name" | "eigenname" | "pn" => "properNoun",
        _ => "other",
    }
}

/// Escapes text content (see the module documentation on whitespace).
pub fn text(s: &str) -> String {
    crate::xml::escape(s, Escape::LAYOUT_TEXT)
}

/// Escapes an attribute value.
pub fn attr(s: &str) -> String {
    crate::xml::escape(s, Escape::LAYOUT_ATTR)
}

/// Percent-encodes what a processing instruction's quoted value cannot hold.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '"' | '?' | '<' | '>' | '&') || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}
