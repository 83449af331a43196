//! The TBX writer: TBX-Basic in two editions, one `conceptEntry` (v3) or
//! `termEntry` (2008) per glossary term.
//!
//! * [`TbxDialect::V3`]: TBX v3 (ISO 30042:2019) in the DCA style, namespace
//!   `urn:iso:std:iso:30042:ed-2`, root `<tbx type="TBX-Basic">`: what
//!   current terminology tools and the TBX-Basic schemas expect.
//! * [`TbxDialect::V2`]: TBX 2008 (ISO 30042:2008, LISA TBX-Basic), root
//!   `<martif type="TBX-Basic">` with no namespace and a `DOCTYPE` naming
//!   `TBXcoreStructV02.dtd`: the only edition OmegaT (3.6 to 6) and
//!   translate-toolkit read. The element names differ
//!   (`martifHeader`/`termEntry`/`langSet`/`tig` for
//!   `tbxHeader`/`conceptEntry`/`langSec`/`termSec`); the content is the
//!   same.
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
//!   `verb`, `adjective`, `adverb`, `other`; `adj`, `n`, `proper noun` and
//!   similar spellings are recognised, a proper noun is a `noun`, anything
//!   else `other`); when that loses something (a proper noun, `phrase`),
//!   the glossary's own value is kept in `<?satz pos="..."?>`;
//! * `note` is a `<note>` of the concept;
//! * `forms` are German `termSec`s of `termType` `variant`;
//! * `match` and `case_sensitive`, which no TBX data category holds, are
//!   processing instructions inside the German `termSec`
//!   (`<?satz match="Erb|diktatur"?>`), invisible to other tools and read
//!   back by satz, so a round trip loses nothing;
//! * a term with no English at all (an extraction candidate without an
//!   equivalent) has no English `langSec`: the core structure does not
//!   allow an empty one.
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
    /// Which edition of TBX to write.
    pub dialect: TbxDialect,
}

/// The edition of TBX written (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TbxDialect {
    /// TBX v3 (ISO 30042:2019), TBX-Basic DCA style.
    #[default]
    V3,
    /// TBX 2008 (ISO 30042:2008), TBX-Basic `<martif>`.
    V2,
}

/// The element names of an edition.
struct Names {
    entry: &'static str,
    lang: &'static str,
    term: &'static str,
}

impl TbxDialect {
    fn names(self) -> Names {
        match self {
            TbxDialect::V3 => Names {
                entry: "conceptEntry",
                lang: "langSec",
                term: "termSec",
            },
            TbxDialect::V2 => Names {
                entry: "termEntry",
                lang: "langSet",
                term: "tig",
            },
        }
    }

    /// The XML declaration, doctype and root start tag.
    fn prologue(self, lang: &str) -> String {
        let lang = attr(lang);
        match self {
            TbxDialect::V3 => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
                 <tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"{lang}\" \
                 xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
            ),
            TbxDialect::V2 => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
                 <!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n\
                 <martif type=\"TBX-Basic\" xml:lang=\"{lang}\">\n"
            ),
        }
    }

    /// The header, from `<tbxHeader>`/`<martifHeader>` to its end tag.
    fn header(self, desc: &str) -> String {
        let (header, encoding) = match self {
            TbxDialect::V3 => ("tbxHeader", ""),
            // The XCS that TBX-Basic 2008 files name; readers use it as
            // the dialect's name, nobody fetches it.
            TbxDialect::V2 => (
                "martifHeader",
                "    <encodingDesc>\n      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n",
            ),
        };
        format!(
            "  <{header}>\n    <fileDesc>\n      <sourceDesc>\n        <p>{}</p>\n      \
             </sourceDesc>\n    </fileDesc>\n{encoding}  </{header}>\n",
            text(desc)
        )
    }

    fn root(self) -> &'static str {
        match self {
            TbxDialect::V3 => "tbx",
            TbxDialect::V2 => "martif",
        }
    }
}

/// TBX-Basic for `glossary` (see the module documentation).
pub fn to_tbx(glossary: &Glossary, options: &TbxOptions) -> String {
    let mut out = String::with_capacity(256 + glossary.terms.len() * 600);
    let dialect = options.dialect;
    out.push_str(&dialect.prologue(&glossary.target_lang));
    let desc = options.source_desc.clone().unwrap_or_else(|| {
        format!(
            "satz glossary, {} to {}, {} terms",
            glossary.source_lang,
            glossary.target_lang,
            glossary.terms.len()
        )
    });
    out.push_str(&dialect.header(&desc));
    out.push_str("  <text>\n    <body>\n");
    let names = dialect.names();
    for (i, term) in glossary.terms.iter().enumerate() {
        // Absent when the caller has no context for this term.
        let context = options.contexts.get(i).and_then(Option::as_ref);
        let entry = EntryOut {
            n: i + 1,
            term,
            context,
            candidates: options.candidates,
        };
        concept(&mut out, &names, &entry, glossary);
    }
    out.push_str(&format!("    </body>\n  </text>\n</{}>\n", dialect.root()));
    out
}

/// One term to write, with what goes with it.
struct EntryOut<'a> {
    /// Its position, from 1 (the entry's id).
    n: usize,
    term: &'a Term,
    context: Option<&'a TbxContext>,
    candidates: bool,
}

fn concept(out: &mut String, names: &Names, entry: &EntryOut<'_>, glossary: &Glossary) {
    let Names {
        entry: el, lang, ..
    } = names;
    out.push_str(&format!("      <{el} id=\"c{}\">\n", entry.n));
    if let Some(note) = &entry.term.note {
        out.push_str(&format!("        <note>{}</note>\n", text(note)));
    }
    out.push_str(&format!(
        "        <{lang} xml:lang=\"{}\">\n",
        attr(&glossary.source_lang)
    ));
    source_terms(out, names, entry);
    out.push_str(&format!("        </{lang}>\n"));
    let term = entry.term;
    if !(term.en.is_empty() && term.forbidden.is_empty()) {
        out.push_str(&format!(
            "        <{lang} xml:lang=\"{}\">\n",
            attr(&glossary.target_lang)
        ));
        target_terms(out, names, entry);
        out.push_str(&format!("        </{lang}>\n"));
    }
    out.push_str(&format!("      </{el}>\n"));
}

/// The German term with its data categories, then its variant forms.
fn source_terms(out: &mut String, names: &Names, entry: &EntryOut<'_>) {
    let (sec, term) = (names.term, entry.term);
    out.push_str(&format!("          <{sec}>\n"));
    out.push_str(&format!("            <term>{}</term>\n", text(&term.de)));
    let pos = term.pos.as_deref().map(|p| (p, pos_mapping(p)));
    if let Some((_, (tbx, _))) = pos {
        term_note(out, "partOfSpeech", tbx);
    }
    if !entry.candidates
        && let Some(status) = term.status
    {
        term_note(out, "administrativeStatus", admin_status(status));
    }
    if let Some(c) = entry.context {
        descrip_context(out, &c.source);
    }
    if let Some((own, (_, false))) = pos {
        out.push_str(&format!(
            "            <?satz pos=\"{}\"?>\n",
            percent_encode(own)
        ));
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
    out.push_str(&format!("          </{sec}>\n"));
    for form in &term.forms {
        out.push_str(&format!("          <{sec}>\n"));
        out.push_str(&format!("            <term>{}</term>\n", text(form)));
        term_note(out, "termType", "variant");
        out.push_str(&format!("          </{sec}>\n"));
    }
}

/// The approved translations (the first preferred), then the forbidden
/// ones; the context sentence on the translation it uses.
fn target_terms(out: &mut String, names: &Names, entry: &EntryOut<'_>) {
    let (sec, term) = (names.term, entry.term);
    // The context sentence uses the preferred translation unless it says.
    let context_at = entry.context.map(|c| c.en_index.unwrap_or(0));
    for (i, en) in term.en.iter().enumerate() {
        let status = match (entry.candidates, i) {
            (false, 0) => "preferredTerm-admn-sts",
            _ => "admittedTerm-admn-sts",
        };
        out.push_str(&format!("          <{sec}>\n"));
        out.push_str(&format!("            <term>{}</term>\n", text(en)));
        term_note(out, "administrativeStatus", status);
        if context_at == Some(i)
            && let Some(c) = entry.context
        {
            descrip_context(out, &c.target);
        }
        out.push_str(&format!("          </{sec}>\n"));
    }
    for f in &term.forbidden {
        out.push_str(&format!("          <{sec}>\n"));
        out.push_str(&format!("            <term>{}</term>\n", text(f)));
        term_note(out, "administrativeStatus", "deprecatedTerm-admn-sts");
        out.push_str(&format!("          </{sec}>\n"));
    }
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

/// TBX-Basic's `partOfSpeech` value (`noun`, `verb`, `adjective`,
/// `adverb`, `other`) for a free-text part of speech.
pub fn tbx_pos(pos: &str) -> &'static str {
    pos_mapping(pos).0
}

/// TBX-Basic's value for a part of speech, and whether it says the same
/// (`n` is `noun`; a proper noun written as `noun`, or `phrase` as
/// `other`, loses something, which the writer keeps in a `<?satz pos?>`).
fn pos_mapping(pos: &str) -> (&'static str, bool) {
    let p: String = pos
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    match p.as_str() {
        "noun" | "n" | "nn" | "substantive" | "substantiv" | "nomen" | "commonnoun" => {
            ("noun", true)
        }
        "verb" | "v" | "vb" => ("verb", true),
        "adjective" | "adj" | "a" | "jj" | "adjektiv" => ("adjective", true),
        "adverb" | "adv" | "rb" => ("adverb", true),
        "other" => ("other", true),
        // TBX-Basic's picklist has no proper noun: a name is a noun.
        "propernoun" | "propn" | "nnp" | "name" | "eigenname" | "pn" => ("noun", false),
        _ => ("other", false),
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
