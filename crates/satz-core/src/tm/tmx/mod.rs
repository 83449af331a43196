//! TMX 1.4b: reading any TMX a CAT tool writes, and writing files every CAT
//! tool reads.
//!
//! [`mod@read`] hands out `<tu>`s with all their language variants;
//! [`select_pair`] picks the two variants of the language pair and says why
//! a unit was skipped; [`mod@write`] renders deterministic TMX 1.4b.

pub mod read;
pub mod write;

use std::collections::BTreeSet;
use std::path::Path;

pub use read::{Header, RawUnit, TmxReader};

use crate::error::{Location, Result, Warning};
use crate::lang::LangPair;
use crate::tm::unit::{Origin, Unit};

/// Why a `<tu>` did not become a unit of the pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The `<tu>`'s line.
    pub line: usize,
    /// The languages the unit holds.
    pub langs: Vec<String>,
    /// Which side of the pair is missing: `true` for the source.
    pub missing_source: bool,
}

/// The outcome of reading one TMX file for a language pair.
#[derive(Debug, Default)]
pub struct PairFile {
    /// The header as read.
    pub header: Header,
    /// The units of the pair, in file order.
    pub units: Vec<Unit>,
    /// Units that lack a side of the pair.
    pub skipped: Vec<Skipped>,
    /// Non-fatal problems.
    pub warnings: Vec<Warning>,
    /// Every language tag seen in the file, as written.
    pub langs: BTreeSet<String>,
}

/// Reads a TMX document and keeps the units of `pair`. `origin` names the
/// file in each unit's [`Origin`]. A well-formedness error stops the file.
pub fn read_pair(text: &str, path: &Path, pair: &LangPair, origin: &str) -> Result<PairFile> {
    let mut reader = TmxReader::new(text, path)?;
    let mut out = PairFile::default();
    if !reader.header.present {
        out.warnings.push(Warning {
            location: Location::file(path),
            message: "no <header> (TMX requires one); reading the units anyway".to_owned(),
        });
    }
    while let Some(raw) = reader.next_unit()? {
        for v in &raw.variants {
            out.langs.insert(v.lang.clone());
        }
        match select_pair(&raw, pair, path) {
            Ok((mut unit, warning)) => {
                unit.origin = Some(Origin {
                    file: origin.to_owned(),
                    line: raw.line,
                });
                out.units.push(unit);
                out.warnings.extend(warning);
            }
            Err(skip) => out.skipped.push(skip),
        }
    }
    out.header = reader.header;
    Ok(out)
}

/// Reads every `<tu>` of a TMX document with all its variants, for rewriting
/// the file without losing anything.
pub fn read_all(text: &str, path: &Path) -> Result<(Header, Vec<RawUnit>)> {
    let mut reader = TmxReader::new(text, path)?;
    let mut units = Vec::new();
    while let Some(raw) = reader.next_unit()? {
        units.push(raw);
    }
    Ok((reader.header, units))
}

/// Picks the source and target variants of `pair` from a `<tu>`. Several
/// variants of one side (e.g. `en` and `en-US` for `en`): the first is kept
/// and a warning says so.
pub fn select_pair(
    raw: &RawUnit,
    pair: &LangPair,
    path: &Path,
) -> Result<(Unit, Option<Warning>), Skipped> {
    let (si, ti, warning) = pick_pair(raw, pair, path)?;
    let (Some(source), Some(target)) = (raw.variants.get(si), raw.variants.get(ti)) else {
        return Err(missing(raw, false));
    };
    let unit = Unit {
        source: source.clone(),
        target: target.clone(),
        attrs: raw.attrs.clone(),
        props: raw.props.clone(),
        notes: raw.notes.clone(),
        origin: None,
    };
    Ok((unit, warning))
}

/// [`select_pair`] of a `<tu>` no longer needed: its parts are moved into
/// the unit, not copied.
pub fn select_pair_owned(
    raw: RawUnit,
    pair: &LangPair,
    path: &Path,
) -> Result<(Unit, Option<Warning>), Skipped> {
    let (si, ti, warning) = pick_pair(&raw, pair, path)?;
    let (mut source, mut target) = (None, None);
    for (i, v) in raw.variants.into_iter().enumerate() {
        if i == si {
            source = Some(v);
        } else if i == ti {
            target = Some(v);
        }
    }
    let (Some(source), Some(target)) = (source, target) else {
        return Err(Skipped {
            line: raw.line,
            langs: Vec::new(),
            missing_source: false,
        });
    };
    let unit = Unit {
        source,
        target,
        attrs: raw.attrs,
        props: raw.props,
        notes: raw.notes,
        origin: None,
    };
    Ok((unit, warning))
}

/// The skip of a `<tu>` that lacks a side.
fn missing(raw: &RawUnit, missing_source: bool) -> Skipped {
    Skipped {
        line: raw.line,
        langs: raw.variants.iter().map(|v| v.lang.clone()).collect(),
        missing_source,
    }
}

/// The places of the source and target variants [`select_pair`] keeps,
/// and the warning about further variants of a side.
fn pick_pair(
    raw: &RawUnit,
    pair: &LangPair,
    path: &Path,
) -> Result<(usize, usize, Option<Warning>), Skipped> {
    let sources: Vec<usize> = (0..raw.variants.len())
        .filter(|&i| {
            raw.variants
                .get(i)
                .is_some_and(|v| pair.source.matches(&v.lang))
        })
        .collect();
    let Some(&si) = sources.first() else {
        return Err(missing(raw, true));
    };
    let targets: Vec<usize> = (0..raw.variants.len())
        .filter(|&i| {
            i != si
                && raw
                    .variants
                    .get(i)
                    .is_some_and(|v| pair.target.matches(&v.lang))
        })
        .collect();
    let Some(&ti) = targets.first() else {
        return Err(missing(raw, false));
    };
    let mut warning = None;
    for (side, found) in [(&pair.source, &sources), (&pair.target, &targets)] {
        if found.len() > 1 {
            let names: Vec<&str> = found
                .iter()
                .filter_map(|&i| raw.variants.get(i).map(|v| v.lang.as_str()))
                .collect();
            warning = Some(Warning {
                location: Location::line(path, raw.line),
                message: format!(
                    "{} variants for {side} ({}); kept the first",
                    found.len(),
                    names.join(", ")
                ),
            });
        }
    }
    Ok((si, ti, warning))
}

/// Turns a unit of the pair back into a `<tu>` for writing, giving it a
/// `tuid` (its stable [id](Unit::id)) when it has none.
pub fn raw_from_unit(unit: &Unit) -> RawUnit {
    let mut attrs = unit.attrs.clone();
    if unit.attr("tuid").is_none() {
        attrs.insert(0, ("tuid".to_owned(), unit.id()));
    }
    RawUnit {
        attrs,
        props: unit.props.clone(),
        notes: unit.notes.clone(),
        variants: vec![unit.source.clone(), unit.target.clone()],
        line: unit.origin.as_ref().map_or(0, |o| o.line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tm::unit::{Annotation, Attrs, CodeKind, Inline, Segment, Variant};
    use proptest::prelude::*;

    /// Text XML can hold, in NFC, with the characters that break naive writers.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("&".to_owned()),
                Just("<".to_owned()),
                Just(">".to_owned()),
                Just("\"".to_owned()),
                Just("'".to_owned()),
                Just("]]>".to_owned()),
                Just(" ".to_owned()),
                Just("  ".to_owned()),
                Just("\t".to_owned()),
                Just("\n".to_owned()),
                Just("\r\n".to_owned()),
                Just("\u{3000}".to_owned()),
                Just("𝐀".to_owned()),
                Just("Grüsse «10'000»".to_owned()),
                Just("e\u{301}".to_owned()),
                any::<char>().prop_map(String::from),
            ],
            0..6,
        )
        .prop_map(|parts| {
            let s: String = parts.concat();
            let s: String = s.chars().filter(|&c| write::is_xml_char(c)).collect();
            crate::fsx::nfc(s)
        })
    }

    fn attrs() -> impl Strategy<Value = Attrs> {
        proptest::collection::vec(("[a-z]{1,3}", text()), 0..3).prop_map(|v| {
            let mut seen = std::collections::HashSet::new();
            v.into_iter()
                .filter(|(k, _)| seen.insert(k.clone()) && k != "xml" && !k.starts_with("xml"))
                .collect()
        })
    }

    fn inline() -> impl Strategy<Value = Vec<Inline>> {
        let leaf = text().prop_map(|t| vec![Inline::Text(t)]);
        leaf.prop_recursive(3, 12, 4, |inner| {
            proptest::collection::vec(
                prop_oneof![
                    text().prop_map(Inline::Text),
                    (
                        prop_oneof![
                            Just(CodeKind::Bpt),
                            Just(CodeKind::Ept),
                            Just(CodeKind::Ph),
                            Just(CodeKind::It),
                            Just(CodeKind::Ut),
                            Just(CodeKind::Hi),
                            Just(CodeKind::Sub),
                        ],
                        attrs(),
                        inner
                    )
                        .prop_map(|(kind, attrs, content)| Inline::Code {
                            kind,
                            attrs,
                            content
                        }),
                ],
                0..4,
            )
            .prop_map(|v| v.into_iter().flatten_text())
        })
    }

    /// Merges adjacent text and drops empty text, as a reader must.
    trait FlattenText {
        fn flatten_text(self) -> Vec<Inline>;
    }
    impl<I: Iterator<Item = Inline>> FlattenText for I {
        fn flatten_text(self) -> Vec<Inline> {
            let mut out: Vec<Inline> = Vec::new();
            for item in self {
                match item {
                    Inline::Text(t) if t.is_empty() => {}
                    Inline::Text(t) => match out.last_mut() {
                        Some(Inline::Text(last)) => {
                            last.push_str(&t);
                            // Joining may create a new composition.
                            *last = crate::fsx::nfc(std::mem::take(last));
                        }
                        _ => out.push(Inline::Text(t)),
                    },
                    Inline::Code {
                        kind,
                        attrs,
                        content,
                    } => out.push(Inline::Code {
                        kind,
                        attrs,
                        content: content.into_iter().flatten_text(),
                    }),
                }
            }
            out
        }
    }

    fn variant(lang: &'static str) -> impl Strategy<Value = Variant> {
        (inline(), attrs(), text()).prop_map(move |(seg, attrs, note)| Variant {
            lang: lang.to_owned(),
            seg: Segment(seg.into_iter().flatten_text()),
            attrs,
            props: vec![Annotation::prop("x-test", note.clone())],
            notes: vec![Annotation {
                attrs: vec![],
                text: note,
            }],
        })
    }

    fn unit() -> impl Strategy<Value = Unit> {
        (variant("de-CH"), variant("en-GB"), attrs(), text()).prop_map(
            |(source, target, mut attrs, p)| {
                attrs.insert(0, ("tuid".to_owned(), "7".to_owned()));
                Unit {
                    source,
                    target,
                    attrs,
                    props: vec![Annotation::prop("x-context-prev", p)],
                    notes: vec![],
                    origin: None,
                }
            },
        )
    }

    proptest! {
        /// Moving the variants out gives the unit (or the skip) copying
        /// them gives, whatever languages a `<tu>` holds in any order.
        #[test]
        fn select_pair_owned_is_select_pair(
            langs in proptest::collection::vec(
                proptest::sample::select(vec!["de", "de-CH", "en", "en-GB", "fr", "DE"]),
                0..5,
            ),
            attrs in attrs(),
        ) {
            let raw = RawUnit {
                attrs,
                variants: langs
                    .iter()
                    .enumerate()
                    .map(|(i, l)| Variant {
                        lang: (*l).to_owned(),
                        seg: Segment(vec![Inline::Text(format!("t{i}"))]),
                        ..Variant::default()
                    })
                    .collect(),
                line: 3,
                ..RawUnit::default()
            };
            let path = Path::new("p.tmx");
            let copied = select_pair(&raw, &LangPair::default(), path);
            prop_assert_eq!(select_pair_owned(raw, &LangPair::default(), path), copied);
        }

        #[test]
        fn any_unit_survives_write_and_read(units in proptest::collection::vec(unit(), 0..4)) {
            let raw: Vec<RawUnit> = units.iter().map(raw_from_unit).collect();
            let text = write::render(&Header::default(), "de", &raw);
            let file = read_pair(&text, Path::new("p.tmx"), &LangPair::default(), "p.tmx").unwrap();
            let back: Vec<Unit> = file.units.into_iter().map(|mut u| { u.origin = None; u }).collect();
            prop_assert_eq!(back, units);
            // Writing again gives the same bytes: the writer is deterministic.
            let raw2: Vec<RawUnit> = read_all(&text, Path::new("p.tmx")).unwrap().1;
            prop_assert_eq!(write::render(&Header::default(), "de", &raw2), text);
        }

        #[test]
        fn the_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = read_all(&text, Path::new("x.tmx"));
        }

        #[test]
        fn the_reader_never_panics_on_broken_tmx(cut in 0usize..400, junk in "[<>&/a-z\"= ]{0,8}") {
            let good = "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"de\"/><body><tu tuid=\"1\"><prop type=\"a\">b</prop><tuv xml:lang=\"de\"><seg>a <bpt i=\"1\">&lt;b&gt;</bpt>b</seg></tuv><tuv xml:lang=\"en\"><seg>c</seg></tuv></tu></body></tmx>";
            let cut = cut.min(good.len());
            let text = format!("{}{}{}", &good[..cut], junk, &good[cut..]);
            let _ = read_pair(&text, Path::new("x.tmx"), &LangPair::default(), "x");
        }
    }
}
