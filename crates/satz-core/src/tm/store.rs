//! The `memory/` folder: every `*.tmx` file in it is part of the memory.
//!
//! The TMX files are the truth; satz only ever adds to them. Writes take
//! the folder's [lock](MemoryLock) and replace a file
//! [atomically](crate::fsx::write_atomic), so two satz processes never lose
//! each other's units and a crash never leaves a half-written file. A
//! memory file that is a symbolic link is written through to its target,
//! under the lock of the target's folder too. A unit
//! already anywhere in the memory (same source and target after whitespace
//! folding, and the same inline codes) is not added again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, Warning};
use crate::fsx::{self, MemoryLock};
use crate::lang::LangPair;
use crate::text::fold_whitespace_cow;
use crate::tm::tmx::{self, Header, RawUnit};
use crate::tm::unit::{Annotation, CONTEXT_NEXT, CONTEXT_PREV, Unit, attr};

/// A translation memory folder, read for one language pair.
#[derive(Debug, Clone)]
pub struct Memory {
    /// The folder.
    pub dir: PathBuf,
    /// The language pair.
    pub pair: LangPair,
}

/// What [`Memory::load`] found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The units of the pair, file by file (files by name), in file order.
    pub units: Vec<Unit>,
    /// Units that lack a side of the pair.
    pub skipped: usize,
    /// Non-fatal problems.
    pub warnings: Vec<Warning>,
    /// How many TMX files were read.
    pub files: usize,
}

/// What [`Memory::add`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The file written (or that would have been).
    pub path: PathBuf,
    /// New units written.
    pub added: usize,
    /// Units already in the memory (or twice in the input), not added.
    pub duplicates: usize,
    /// Units of the memory that had no recorded neighbours and gained
    /// them from a duplicate that had (see [`Memory::add`]).
    pub context_gained: usize,
}

impl Memory {
    /// A memory in `dir` for `pair`.
    pub fn new(dir: impl Into<PathBuf>, pair: LangPair) -> Memory {
        Memory {
            dir: dir.into(),
            pair,
        }
    }

    /// The TMX files of the memory, sorted by name. A missing folder is an
    /// empty memory.
    pub fn tmx_files(&self) -> Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&self.dir, e)),
        };
        let mut files = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&self.dir, e))?.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            let is_tmx = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("tmx"));
            if is_tmx && !hidden && path.is_file() {
                files.push(path);
            }
        }
        files.sort();
        Ok(files)
    }

    /// Reads every unit of the pair. A file that is not well-formed is an
    /// error naming it.
    pub fn load(&self) -> Result<Loaded> {
        let mut units = Vec::new();
        let mut loaded = self.for_each_unit(|u| units.push(u))?;
        loaded.units = units;
        Ok(loaded)
    }

    /// Streams every unit of the pair to `f`, file by file (files sorted by
    /// name, units in file order), holding one file's text at a time and no
    /// units. The returned [`Loaded`] has no units, only the counts.
    pub fn for_each_unit(&self, mut f: impl FnMut(Unit)) -> Result<Loaded> {
        let mut loaded = Loaded::default();
        for path in self.tmx_files()? {
            let text = fsx::decode_owned(fsx::read_bytes(&path)?, &path)?;
            let name = file_name(&path);
            let mut reader = tmx::TmxReader::new(&text, &path)?;
            while let Some(raw) = reader.next_unit()? {
                let line = raw.line;
                match tmx::select_pair_owned(raw, &self.pair, &path) {
                    Ok((mut unit, warning)) => {
                        unit.origin = Some(crate::tm::unit::Origin {
                            file: name.clone(),
                            line,
                        });
                        loaded.warnings.extend(warning);
                        f(unit);
                    }
                    Err(_) => loaded.skipped += 1,
                }
            }
            loaded.files += 1;
        }
        Ok(loaded)
    }

    /// The path of `memory/NAME.tmx`, refusing names that would leave the folder.
    pub fn file_for(&self, name: &str) -> Result<PathBuf> {
        let stem = name.strip_suffix(".tmx").unwrap_or(name);
        let bad = stem.is_empty()
            || stem.starts_with('.')
            || stem.contains(['/', '\\', '\0'])
            || stem.chars().any(char::is_control);
        if bad {
            return Err(Error::MemoryName(name.to_owned()));
        }
        Ok(self.dir.join(format!("{stem}.tmx")))
    }

    /// Adds units to `memory/NAME.tmx`, skipping those the memory already
    /// holds. Units already in that file stay as they were, in their order;
    /// new ones follow in input order. Nothing is written when nothing is new.
    ///
    /// The memory is read once to know what it holds, keeping a 128-bit hash
    /// of each unit's [duplicate key](Unit::duplicate_key) rather than the
    /// units. A file satz wrote
    /// itself is extended by splicing the new units in before `</body>`;
    /// any other file is read and rewritten whole, keeping every unit and
    /// language it holds.
    ///
    /// A unit the memory holds without recorded neighbours, in a file satz
    /// wrote itself, gains those of a duplicate that has them (an XLIFF import of a text translated from
    /// a pre-translation, say): its file is rewritten with the two `<prop>`s
    /// added to that unit, everything else as it was.
    pub fn add(&self, name: &str, units: Vec<Unit>) -> Result<Added> {
        let path = self.file_for(name)?;
        // The memory's lock, and that of the folder of the file written when
        // `memory/NAME.tmx` is a link to a file elsewhere.
        let target = fsx::write_target(&path)?;
        let _locks = MemoryLock::acquire_all(&[&self.dir, &fsx::parent_dir(&target)])?;
        let mut seen: HashSet<u128> = HashSet::new();
        self.for_each_unit(|u| {
            seen.insert(duplicate_hash(&u));
        })?;
        let mut fresh = Vec::new();
        let mut duplicates = 0;
        // The context duplicates bring, by duplicate key (the first wins).
        let mut context: HashMap<u128, Vec<Annotation>> = HashMap::new();
        for unit in units {
            let hash = duplicate_hash(&unit);
            if seen.insert(hash) {
                fresh.push(unit);
            } else {
                duplicates += 1;
                let props = context_props(&unit.props);
                if !props.is_empty() {
                    context.entry(hash).or_insert(props);
                }
            }
        }
        let context_gained = if context.is_empty() {
            0
        } else {
            self.gain_context(&context)?
        };
        let added = fresh.len();
        if added > 0 {
            self.append(&path, &fresh)?;
        }
        Ok(Added {
            path,
            added,
            duplicates,
            context_gained,
        })
    }

    /// Adds the context of `context` to the memory's units of those keys
    /// that record none; each file that changes is rewritten whole
    /// (atomically). The caller holds the lock. How many units changed.
    fn gain_context(&self, context: &HashMap<u128, Vec<Annotation>>) -> Result<usize> {
        let mut gained = 0;
        for path in self.tmx_files()? {
            let bytes = fsx::read_bytes(&path)?;
            // Only files satz wrote itself: rewriting another tool's file
            // would replace its header and drop its comments.
            if own_body(&bytes).is_none() {
                continue;
            }
            let text = fsx::decode_owned(bytes, &path)?;
            let (header, mut raw) = tmx::read_all(&text, &path)?;
            let mut changed = false;
            for r in &mut raw {
                if !context_props(&r.props).is_empty() {
                    continue;
                }
                // Units of another language pair are no duplicates.
                let Ok((unit, _)) = tmx::select_pair(r, &self.pair, &path) else {
                    continue;
                };
                if let Some(props) = context.get(&duplicate_hash(&unit)) {
                    r.props.extend(props.iter().cloned());
                    changed = true;
                    gained += 1;
                }
            }
            if changed {
                let srclang = attr(&header.attrs, "srclang")
                    .unwrap_or(self.pair.source.as_str())
                    .to_owned();
                write_tmx(&path, &header, &srclang, &raw)?;
            }
        }
        Ok(gained)
    }

    fn append(&self, path: &Path, fresh: &[Unit]) -> Result<()> {
        // New units are rendered one at a time straight into the file.
        let write_units = |w: &mut dyn std::io::Write| -> std::io::Result<()> {
            let mut block = String::new();
            for u in fresh {
                block.clear();
                tmx::write::write_unit(&mut block, &tmx::raw_from_unit(u));
                w.write_all(block.as_bytes())?;
            }
            Ok(())
        };
        if path.exists() {
            let bytes = fsx::read_bytes(path)?;
            if let Some(head) = own_body(&bytes) {
                return fsx::write_atomic_with(path, |w| {
                    w.write_all(head)?;
                    write_units(w)?;
                    w.write_all(OWN_TAIL)
                });
            }
            let text = fsx::decode_owned(bytes, path)?;
            let (header, mut raw) = tmx::read_all(&text, path)?;
            // A header without srclang: the memory's own source language.
            let srclang = attr(&header.attrs, "srclang")
                .unwrap_or(self.pair.source.as_str())
                .to_owned();
            raw.extend(fresh.iter().map(tmx::raw_from_unit));
            return write_tmx(path, &header, &srclang, &raw);
        }
        let source = self.pair.source.as_str();
        let empty = tmx::write::render(&Header::default(), source, &[]);
        match own_body(empty.as_bytes()) {
            Some(head) => fsx::write_atomic_with(path, |w| {
                w.write_all(head)?;
                write_units(w)?;
                w.write_all(OWN_TAIL)
            }),
            // `render` ends every file with OWN_TAIL (a test holds it to
            // that); were it ever to change, render the file whole rather
            // than splice units after its end.
            None => {
                let raw: Vec<RawUnit> = fresh.iter().map(tmx::raw_from_unit).collect();
                write_tmx(path, &Header::default(), source, &raw)
            }
        }
    }
}

/// A unit's recorded neighbours ([`Unit::set_context`]).
fn context_props(props: &[Annotation]) -> Vec<Annotation> {
    props
        .iter()
        .filter(|p| {
            p.attr("type")
                .is_some_and(|t| t == CONTEXT_PREV || t == CONTEXT_NEXT)
        })
        .cloned()
        .collect()
}

/// How a file satz wrote itself ends ([`tmx::write::render`]).
const OWN_TAIL: &[u8] = b"  </body>\n</tmx>\n";

/// A file satz wrote itself (UTF-8, its own header, ending exactly as
/// [`tmx::write::render`] ends a file) up to its closing `</body>` line,
/// where new units go; `None` for any other file.
fn own_body(bytes: &[u8]) -> Option<&[u8]> {
    let own = bytes.starts_with(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"satz\"");
    if own {
        bytes.strip_suffix(OWN_TAIL)
    } else {
        None
    }
}

/// A 128-bit hash of a unit's identity (source and target plain text,
/// whitespace folded): one index entry per identity, one line per identity
/// in a plain-text export, without keeping the text.
pub fn identity_hash(unit: &Unit) -> u128 {
    identity_hash_of(&unit.source_text(), &unit.target_text())
}

/// [`identity_hash`] of a unit whose plain texts are `source` and `target`
/// (the same value, without a copy of a text whose whitespace is folded
/// already).
pub fn identity_hash_of(source: &str, target: &str) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(fold_whitespace_cow(source).as_bytes());
    h.update(b"\0");
    h.update(fold_whitespace_cow(target).as_bytes());
    h.digest128()
}

/// A 128-bit hash of a unit's [duplicate key](Unit::duplicate_key) (its
/// identity and its inline codes): what "already in the memory" means, so
/// that a unit differing from another only by its formatting is kept.
pub fn duplicate_hash(unit: &Unit) -> u128 {
    hash_pair(unit.duplicate_key())
}

fn hash_pair((s, t): (String, String)) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(s.as_bytes());
    h.update(b"\0");
    h.update(t.as_bytes());
    h.digest128()
}

/// Writes a TMX file atomically (the caller holds the lock when it is in `memory/`).
pub fn write_tmx(path: &Path, header: &Header, srclang: &str, units: &[RawUnit]) -> Result<()> {
    fsx::write_atomic(path, tmx::write::render(header, srclang, units).as_bytes())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        // A path without a file name (`..`): no name to show.
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(de: &str, en: &str) -> Unit {
        Unit::new("de", de, "en", en)
    }

    #[test]
    fn adding_twice_adds_nothing_and_keeps_order() {
        let dir = tempfile::tempdir().unwrap();
        let mem = Memory::new(dir.path().join("memory"), LangPair::default());
        let first = mem
            .add(
                "news",
                vec![
                    unit("Eins.", "One."),
                    unit("Zwei.", "Two."),
                    unit("Eins.", "One."),
                ],
            )
            .unwrap();
        assert_eq!((first.added, first.duplicates), (2, 1));
        let bytes = std::fs::read(&first.path).unwrap();
        let again = mem.add("news", vec![unit("Zwei.", " Two. ")]).unwrap();
        assert_eq!((again.added, again.duplicates), (0, 1));
        assert_eq!(std::fs::read(&first.path).unwrap(), bytes, "file untouched");
        mem.add("other", vec![unit("Drei.", "Three.")]).unwrap();
        let texts: Vec<String> = mem
            .load()
            .unwrap()
            .units
            .iter()
            .map(Unit::source_text)
            .collect();
        assert_eq!(texts, ["Eins.", "Zwei.", "Drei."]);
    }

    #[test]
    fn render_ends_as_own_body_expects() {
        let empty = tmx::write::render(&Header::default(), "de", &[]);
        let head = own_body(empty.as_bytes()).unwrap();
        assert_eq!(head.len() + OWN_TAIL.len(), empty.len());
        let one = tmx::write::render(
            &Header::default(),
            "de",
            &[tmx::raw_from_unit(&unit("Eins.", "One."))],
        );
        assert!(own_body(one.as_bytes()).is_some());
        assert!(own_body(b"<tmx/>").is_none());
    }

    #[test]
    fn names_cannot_leave_the_folder() {
        let mem = Memory::new("memory", LangPair::default());
        for bad in ["", "../x", "a/b", ".hidden", "a\\b"] {
            assert!(mem.file_for(bad).is_err(), "{bad}");
        }
        assert_eq!(
            mem.file_for("kim.tmx").unwrap(),
            Path::new("memory/kim.tmx")
        );
    }

    #[test]
    fn a_missing_folder_is_an_empty_memory() {
        let mem = Memory::new("/nonexistent/satz/memory", LangPair::default());
        assert_eq!(mem.load().unwrap().units.len(), 0);
    }
}
