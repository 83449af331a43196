//! The translation unit: one source segment, its translation, and what TMX
//! records about them.
//!
//! Segments keep TMX inline codes (`bpt ept ph it hi ut sub`) as structure, so
//! a unit read from another tool is written back as it came, while matching
//! and export look only at the [plain text](Segment::plain_text).

use crate::text::fold_whitespace;

/// XML attributes in the order they were read (order is kept for clean diffs).
pub type Attrs = Vec<(String, String)>;

/// A `<prop>` or `<note>`: attributes and text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Annotation {
    /// Attributes, e.g. `type` of a prop, `xml:lang`.
    pub attrs: Attrs,
    /// The text content.
    pub text: String,
}

impl Annotation {
    /// A prop of the given type.
    pub fn prop(kind: &str, text: impl Into<String>) -> Annotation {
        Annotation {
            attrs: vec![("type".to_owned(), kind.to_owned())],
            text: text.into(),
        }
    }

    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        attr(&self.attrs, name)
    }
}

/// Looks up an attribute by name.
pub fn attr<'a>(attrs: &'a Attrs, name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The TMX inline elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeKind {
    /// `<bpt>`: opening code of a paired format.
    Bpt,
    /// `<ept>`: closing code of a paired format.
    Ept,
    /// `<ph>`: a standalone code.
    Ph,
    /// `<it>`: an isolated code whose partner lies outside the segment.
    It,
    /// `<ut>`: an unknown code (deprecated in TMX 1.4b, still written by old tools).
    Ut,
    /// `<hi>`: highlighted text; its content is translatable.
    Hi,
    /// `<sub>`: a sub-flow inside a code (a footnote, an alt text).
    Sub,
}

impl CodeKind {
    /// The element name.
    pub fn name(self) -> &'static str {
        match self {
            CodeKind::Bpt => "bpt",
            CodeKind::Ept => "ept",
            CodeKind::Ph => "ph",
            CodeKind::It => "it",
            CodeKind::Ut => "ut",
            CodeKind::Hi => "hi",
            CodeKind::Sub => "sub",
        }
    }

    /// The kind for an element name.
    pub fn from_name(name: &str) -> Option<CodeKind> {
        Some(match name {
            "bpt" => CodeKind::Bpt,
            "ept" => CodeKind::Ept,
            "ph" => CodeKind::Ph,
            "it" => CodeKind::It,
            "ut" => CodeKind::Ut,
            "hi" => CodeKind::Hi,
            "sub" => CodeKind::Sub,
            _ => return None,
        })
    }
}

/// A piece of segment content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text. Inside a code element (other than `hi` and `sub`) this is native
    /// code, e.g. `{\b ` or `<b>`.
    Text(String),
    /// An inline element with its attributes and content.
    Code {
        /// Which element.
        kind: CodeKind,
        /// Its attributes in file order.
        attrs: Attrs,
        /// Its content.
        content: Vec<Inline>,
    },
}

/// The content of a `<seg>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment(pub Vec<Inline>);

impl Segment {
    /// A segment of plain text.
    pub fn text(s: impl Into<String>) -> Segment {
        let s = s.into();
        if s.is_empty() {
            Segment(Vec::new())
        } else {
            Segment(vec![Inline::Text(s)])
        }
    }

    /// The translatable text: text outside codes and inside `<hi>`; native
    /// code and sub-flows are left out.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        self.push_plain_text(&mut out);
        out
    }

    /// [`Segment::plain_text`] appended to `out` (no `String` of its own).
    pub fn push_plain_text(&self, out: &mut String) {
        collect_plain(&self.0, out);
    }

    /// True when the segment holds inline codes.
    pub fn has_codes(&self) -> bool {
        self.0.iter().any(|i| matches!(i, Inline::Code { .. }))
    }
}

fn collect_plain(items: &[Inline], out: &mut String) {
    for item in items {
        match item {
            Inline::Text(t) => out.push_str(t),
            Inline::Code {
                kind: CodeKind::Hi,
                content,
                ..
            } => collect_plain(content, out),
            Inline::Code { .. } => {}
        }
    }
}

/// Writes the content of a segment with its codes marked by C0 control
/// characters, which no XML text or attribute can hold (import removes them
/// from other inputs), so a code never reads as text: for
/// [`Unit::duplicate_key`].
fn markup_key(items: &[Inline], out: &mut String) {
    for item in items {
        match item {
            Inline::Text(t) => out.push_str(t),
            Inline::Code {
                kind,
                attrs,
                content,
            } => {
                out.push('\u{1}');
                out.push_str(kind.name());
                for (k, v) in attrs {
                    out.push('\u{2}');
                    out.push_str(k);
                    out.push('=');
                    out.push_str(v);
                }
                out.push('\u{3}');
                markup_key(content, out);
                out.push('\u{4}');
            }
        }
    }
}

/// One language side of a unit (a `<tuv>`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Variant {
    /// The language tag as the file wrote it.
    pub lang: String,
    /// The segment.
    pub seg: Segment,
    /// Other attributes of the `<tuv>` (dates, creationid, ...), in file order.
    pub attrs: Attrs,
    /// `<prop>`s of the `<tuv>`.
    pub props: Vec<Annotation>,
    /// `<note>`s of the `<tuv>`.
    pub notes: Vec<Annotation>,
}

impl Variant {
    /// A variant holding plain text.
    pub fn text(lang: &str, text: impl Into<String>) -> Variant {
        Variant {
            lang: lang.to_owned(),
            seg: Segment::text(text),
            ..Variant::default()
        }
    }
}

/// The `<prop>` type satz records a unit's preceding source sentence in
/// (see [`Unit::set_context`]).
pub const CONTEXT_PREV: &str = "x-context-prev";
/// The `<prop>` type of the following source sentence.
pub const CONTEXT_NEXT: &str = "x-context-next";

/// A translation unit of the language pair: source and target.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    /// The source side (German).
    pub source: Variant,
    /// The target side (English).
    pub target: Variant,
    /// Attributes of the `<tu>` (tuid, creationdate, usagecount, ...), in file order.
    pub attrs: Attrs,
    /// `<prop>`s of the `<tu>`.
    pub props: Vec<Annotation>,
    /// `<note>`s of the `<tu>`.
    pub notes: Vec<Annotation>,
    /// The file the unit was read from and its line, where known.
    pub origin: Option<Origin>,
}

/// Where a unit was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file name (without folder) in `memory/`, or the input's path.
    pub file: String,
    /// The 1-based line of its `<tu>`.
    pub line: usize,
}

impl Unit {
    /// A unit of plain source and target text.
    pub fn new(source_lang: &str, source: &str, target_lang: &str, target: &str) -> Unit {
        Unit {
            source: Variant::text(source_lang, source),
            target: Variant::text(target_lang, target),
            ..Unit::default()
        }
    }

    /// Records the source sentences before and after the unit's in its
    /// text (`<prop type="x-context-prev">`, `x-context-next`), what a
    /// 101% (context) match compares. A side at a text's end has none.
    pub fn set_context(&mut self, prev: Option<&str>, next: Option<&str>) {
        for (kind, sentence) in [(CONTEXT_PREV, prev), (CONTEXT_NEXT, next)] {
            if let Some(s) = sentence {
                self.props.push(Annotation::prop(kind, s.to_owned()));
            }
        }
    }

    /// The source's plain text.
    pub fn source_text(&self) -> String {
        self.source.seg.plain_text()
    }

    /// The target's plain text.
    pub fn target_text(&self) -> String {
        self.target.seg.plain_text()
    }

    /// What makes two units the same unit: source and target plain text with
    /// whitespace folded (NFC is given).
    pub fn identity(&self) -> (String, String) {
        (
            fold_whitespace(&self.source_text()),
            fold_whitespace(&self.target_text()),
        )
    }

    /// What makes two units duplicates in the memory: their
    /// [identity](Unit::identity) and, where a side holds inline codes,
    /// those codes (element, attributes, native code, place in the text).
    /// Two units that differ only by their formatting are two units:
    /// keeping one would lose the other's formatting. A side without codes
    /// is its folded plain text, as in [`Unit::identity`].
    pub fn duplicate_key(&self) -> (String, String) {
        let key = |seg: &Segment| {
            if seg.has_codes() {
                let mut out = String::new();
                markup_key(&seg.0, &mut out);
                fold_whitespace(&out)
            } else {
                fold_whitespace(&seg.plain_text())
            }
        };
        (key(&self.source.seg), key(&self.target.seg))
    }

    /// A stable id derived from the unit's identity: 16 hex digits of the
    /// 64-bit FNV-1a hash of `source \0 target`. The same unit gets the same id
    /// on every machine and in every version of satz.
    pub fn id(&self) -> String {
        let (s, t) = self.identity();
        format!("{:016x}", fnv1a(&[s.as_bytes(), b"\0", t.as_bytes()]))
    }

    /// The value of a `<tu>` attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        attr(&self.attrs, name)
    }

    /// The text of the first `<prop>` of the given type.
    pub fn prop(&self, kind: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|p| p.attr("type") == Some(kind))
            .map(|p| p.text.as_str())
    }
}

/// 64-bit FNV-1a over several byte strings.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_skips_codes_but_keeps_highlighted_text() {
        let seg = Segment(vec![
            Inline::Text("Das ".into()),
            Inline::Code {
                kind: CodeKind::Bpt,
                attrs: vec![("i".into(), "1".into())],
                content: vec![Inline::Text("<b>".into())],
            },
            Inline::Code {
                kind: CodeKind::Hi,
                attrs: vec![],
                content: vec![Inline::Text("Pulverfass".into())],
            },
            Inline::Code {
                kind: CodeKind::Ept,
                attrs: vec![("i".into(), "1".into())],
                content: vec![Inline::Text("</b>".into())],
            },
            Inline::Text(".".into()),
        ]);
        assert_eq!(seg.plain_text(), "Das Pulverfass.");
        assert!(seg.has_codes());
    }

    #[test]
    fn duplicate_keys_tell_formatting_apart_but_not_whitespace() {
        let coded = |native: &str, text: &str| {
            let mut u = Unit::new("de", "", "en", "The powder keg.");
            u.source.seg = Segment(vec![
                Inline::Text(text.into()),
                Inline::Code {
                    kind: CodeKind::Ph,
                    attrs: vec![("x".into(), "1".into())],
                    content: vec![Inline::Text(native.into())],
                },
                Inline::Text("Pulverfass.".into()),
            ]);
            u
        };
        let (bold, italic) = (coded("<b/>", "Das "), coded("<i/>", "Das "));
        assert_eq!(bold.identity(), italic.identity(), "same text");
        assert_ne!(bold.duplicate_key(), italic.duplicate_key());
        assert_eq!(
            bold.duplicate_key(),
            coded("<b/>", " Das  ").duplicate_key(),
            "whitespace folded"
        );
        let plain = Unit::new("de", "Das Pulverfass.", "en", "The powder keg.");
        assert_eq!(plain.identity(), bold.identity());
        assert_ne!(plain.duplicate_key(), bold.duplicate_key());
        assert_eq!(plain.duplicate_key(), plain.identity());
    }

    #[test]
    fn identity_and_id_ignore_whitespace_runs() {
        let a = Unit::new("de", "Kim  Jong Un ", "en", "Kim Jong Un");
        let b = Unit::new("de-CH", "Kim Jong\tUn", "en-GB", " Kim Jong Un");
        assert_eq!(a.identity(), b.identity());
        assert_eq!(a.id(), b.id());
        assert_ne!(a.id(), Unit::new("de", "Kim", "en", "Jong Un").id());
        // stable across machines and versions: FNV-1a computed independently
        assert_eq!(
            Unit::new("de", "Kanonenfutter", "en", "cannon fodder").id(),
            "71a4e219b25643e2"
        );
    }
}
