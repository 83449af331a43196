//! XLIFF, the exchange format of CAT tools: reading the bilingual files a
//! translator gets back from Trados Studio, memoQ, Phrase, Matecat, OmegaT
//! or any Okapi-based tool, so their confirmed segments can go into the
//! memory (`satz import FILE.xlf`).
//!
//! Versions read:
//!
//! - XLIFF 1.0, 1.1 and 1.2 (OASIS Standard, 1 February 2008,
//!   <https://docs.oasis-open.org/xliff/v1.2/os/xliff-core.html>):
//!   `<file>` with `source-language` and `target-language`, `<trans-unit>`s
//!   anywhere inside (in `<group>` and `<bin-unit>` too), each one segment,
//!   or as many as its `<seg-source>` holds `<mrk mtype="seg">`, whose
//!   targets are the `<target>`'s `<mrk mtype="seg">` with the same `mid`
//!   (section 2.5, "Segmentation"). The target is the trans-unit's own
//!   `<target>`, never one of an `<alt-trans>` (a TM or MT proposal).
//!   Trados Studio (`.sdlxliff`) keeps each segment's status in
//!   `sdl:seg/@conf`, memoQ (`.mqxliff`) in `trans-unit/@mq:status`.
//! - XLIFF 2.0, 2.1 and the 2.2 draft (OASIS Standard, 5 August 2014,
//!   <https://docs.oasis-open.org/xliff/xliff-core/v2.0/xliff-core-v2.0.html>):
//!   `srcLang` and `trgLang` on the root, `<unit>`s with `<segment>`s (not
//!   `<ignorable>`s), each with its `<source>`, its `<target>` and a
//!   `state`. Module elements are ignored: the `<target>`s of
//!   `<mtc:match>` and the revisions of `<ctr:changeTrack>` are not the
//!   segment's target.
//!
//! Elements are matched by local name within the namespace of the root
//! element (or without a namespace when the root has none), so a file
//! binding the XLIFF namespace to a prefix reads like any other. Inline
//! codes become the [TMX codes](crate::tm::unit::Inline) the memory keeps:
//! paired codes (`g`, `pc`, `bx`/`ex`, `sc`/`ec`, 1.2 `bpt`/`ept`) become
//! `bpt`/`ept` (an unpaired one `it`), placeholders (`x`, `ph`) `ph`,
//! annotations (`mrk`) `hi`, `cp` the character it stands for; XLIFF 2's
//! `originalData` gives codes their native text.
//!
//! The document is read into a [`Document`]: [`read()`] takes a path,
//! [`parse()`] a decoded text. [`mod@import`] turns its confirmed segments
//! into memory units; [`state`] says which states are confirmed.

pub mod import;
mod inline;
pub mod merge;
pub mod read;
pub mod state;
mod tree;
mod v1;
mod v2;

pub use read::{has_xliff_extension, looks_like_xliff, parse, read};
pub use state::{State, Status, ToolStatus};

use crate::error::Warning;
use crate::tm::unit::Segment as Text;

/// An XLIFF document version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// XLIFF 1.0 (no namespace).
    V1_0,
    /// XLIFF 1.1.
    V1_1,
    /// XLIFF 1.2.
    V1_2,
    /// XLIFF 2.0.
    V2_0,
    /// XLIFF 2.1.
    V2_1,
    /// XLIFF 2.2 (draft).
    V2_2,
}

impl Version {
    /// The version a `version` attribute value names.
    pub fn parse(value: &str) -> Option<Version> {
        Some(match value.trim() {
            "1.0" => Version::V1_0,
            "1.1" => Version::V1_1,
            "1.2" => Version::V1_2,
            "2.0" => Version::V2_0,
            "2.1" => Version::V2_1,
            "2.2" => Version::V2_2,
            _ => return None,
        })
    }

    /// The version as written: `1.2`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1_0 => "1.0",
            Version::V1_1 => "1.1",
            Version::V1_2 => "1.2",
            Version::V2_0 => "2.0",
            Version::V2_1 => "2.1",
            Version::V2_2 => "2.2",
        }
    }

    /// True for XLIFF 2.x, whose structure differs from 1.x.
    pub fn is_2(self) -> bool {
        matches!(self, Version::V2_0 | Version::V2_1 | Version::V2_2)
    }
}

/// An XLIFF document as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The version (the `version` attribute, else the namespace's).
    pub version: Version,
    /// The namespace of the root element; `None` for none.
    pub namespace: Option<String>,
    /// The `<file>` elements in document order.
    pub files: Vec<File>,
    /// What the reader found odd but could read (unknown states, a final
    /// state with an empty target, targets without a source segment).
    pub warnings: Vec<Warning>,
}

impl Document {
    /// Every unit of every file, in document order.
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.files.iter().flat_map(|f| f.units.iter())
    }

    /// Every segment of every unit, in document order.
    pub fn segments(&self) -> impl Iterator<Item = &Segment> {
        self.units().flat_map(|u| u.segments.iter())
    }
}

/// One `<file>` element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    /// The `original` attribute (the file the text came from).
    pub original: Option<String>,
    /// The source language (1.x `source-language`, 2.x `srcLang` of the root).
    pub source_lang: Option<String>,
    /// The target language (1.x `target-language`, 2.x `trgLang` of the root).
    pub target_lang: Option<String>,
    /// 1-based line of the `<file>` start tag.
    pub line: usize,
    /// The units (1.x `<trans-unit>`, 2.x `<unit>`) in document order.
    pub units: Vec<Unit>,
}

/// One unit: a 1.x `<trans-unit>` or a 2.x `<unit>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    /// The `id` attribute.
    pub id: Option<String>,
    /// 1.x `resname`, 2.x `name`: the resource's key.
    pub resname: Option<String>,
    /// False for `translate="no"` (Trados's structure units, say).
    pub translate: bool,
    /// 1-based line of the start tag.
    pub line: usize,
    /// The `id` of the innermost `<group>` the unit is in (a paragraph in
    /// a file `satz pretranslate` wrote).
    pub group: Option<String>,
    /// The segments: one for a 1.x unit without `<seg-source>`.
    pub segments: Vec<Segment>,
}

/// One segment: source, target and how finished the target is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segment {
    /// 1.x `mid` of the `<mrk mtype="seg">`, 2.x `id` of the `<segment>`.
    pub id: Option<String>,
    /// 1-based line where the segment starts.
    pub line: usize,
    /// The source text with its inline codes.
    pub source: Content,
    /// The target, `None` when the file has none for the segment.
    pub target: Option<Content>,
    /// State, approval and the CAT tool's status.
    pub status: Status,
}

/// The content of a source or target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Content {
    /// The text with inline codes as TMX codes.
    pub text: Text,
    /// How many child elements the XML element had (inline codes, markers,
    /// elements of other namespaces).
    pub elements: usize,
}

impl Content {
    /// True when the content holds neither non-white-space text nor any
    /// inline element: a target that is there but empty.
    pub fn is_empty(&self) -> bool {
        self.elements == 0 && self.text.plain_text().trim().is_empty()
    }
}
