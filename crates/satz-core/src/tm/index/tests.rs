use proptest::prelude::*;

use super::*;
use crate::tm::LangPair;
use crate::tm::fuzzy::{Prepared, exhaustive};
use crate::tm::unit::Unit;

const WORDS: &[&str] = &[
    "der",
    "Der",
    "die",
    "Krieg",
    "krieg",
    "Putin",
    "Kim",
    "10'000",
    "20'000",
    "5,5",
    "Russland",
    "Soldaten",
    "schickt",
    "Strasse",
    "Straße",
    ".",
    ",",
    "«",
    "»",
    "?",
    "Nordkorea",
    "und",
    "nicht",
    // Number words key like digits (crate::text::numbers::placeables),
    // lower case or first in the sentence only; articles never do.
    "vier",
    "Vier",
    "drei",
    "zwanzig",
    "dreißig",
    "four",
    "twenty",
    "ein",
    "eine",
    "one",
    "Acht",
    "acht",
];

fn sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..12).prop_map(|w| w.join(" "))
}

fn entry(source: String, i: usize) -> Entry {
    Entry {
        target: format!("T{i}"),
        source,
        file: "m.tmx".into(),
        line: i as u32,
        ..Entry::default()
    }
}

/// The index of `entries` and their sources prepared for the exhaustive
/// scan: the two sides every exactness test compares.
fn both_ways(entries: &[Entry]) -> (Index, Vec<Prepared>) {
    let index = Index::from_entries(entries).unwrap();
    let prepared = entries
        .iter()
        .map(|e| Prepared::new(e.source.as_str()))
        .collect();
    (index, prepared)
}

mod search_props;

/// Regression (found by the `fuzzy` fuzz target): with `min` 101 (`suggest
/// --min 101`, which the command line accepts) the index search tripped its
/// own `debug_assert` (a panic in debug builds), and both searches compared
/// the threshold with the score before the context lift, so no 101% match
/// could ever reach it.
#[test]
fn min_101_finds_the_context_matches_only() {
    let entries: Vec<Entry> = ["Putin schickt Soldaten.", "Kim schickt Soldaten."]
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            [
                entry((*s).to_owned(), 2 * i),
                entry((*s).to_owned(), 2 * i + 1),
            ]
        })
        .collect();
    let (index, prepared) = both_ways(&entries);
    let q = Prepared::new("Kim schickt Soldaten.");
    let context = |u: usize| u == 3;
    let fast = search::search(&index.view(), &q, 101, 5, &context);
    let slow = exhaustive::search(&prepared, &q, 101, 5, &context);
    assert_eq!(fast, slow);
    assert_eq!(fast.len(), 1);
    assert_eq!((fast[0].unit, fast[0].score), (3, 101));
    let all = search::search(&index.view(), &q, 100, 5, &context);
    assert_eq!(
        all.iter().map(|m| (m.unit, m.score)).collect::<Vec<_>>(),
        [(3, 101), (2, 100)]
    );
}

/// A number word changed (`vier` -> `drei`) is found through the index at
/// 98 with `-2 numbers`, like a digit change; against `ein Jahr` the article
/// is a word edit (no number to map), and the query's `drei` a number the
/// source lacks (`-2 numbers`, as `3` would be).
#[test]
fn a_number_word_change_is_found_like_a_digit_change() {
    use crate::tm::fuzzy::Penalty;
    let entries: Vec<Entry> = [
        "Die Sanktionen gelten ein Jahr lang weiter.",
        "Die Sanktionen gelten vier Jahre lang weiter.",
        "Die Sanktionen gelten 4 Jahre lang weiter.",
    ]
    .iter()
    .enumerate()
    .map(|(i, s)| entry((*s).to_owned(), i))
    .collect();
    let (index, prepared) = both_ways(&entries);
    let q = Prepared::new("Die Sanktionen gelten drei Jahre lang weiter.");
    let fast = search::search(&index.view(), &q, 50, 5, &|_| false);
    assert_eq!(fast, exhaustive::search(&prepared, &q, 50, 5, &|_| false));
    let found: Vec<(usize, u32, Vec<Penalty>)> = fast
        .into_iter()
        .map(|m| (m.unit, m.score, m.penalties))
        .collect();
    assert_eq!(
        found,
        [
            (1, 98, vec![Penalty::Numbers]),
            (2, 98, vec![Penalty::Numbers]),
            (0, 69, vec![Penalty::Numbers]),
        ]
    );
}

#[test]
fn the_index_keeps_texts_and_origins() {
    let entries = vec![
        Entry {
            source: "Putin verliert sein Gesicht".into(),
            target: "Putin loses face".into(),
            prev: "".into(),
            next: "Kim Jong Un schickt Russland Kanonenfutter.".into(),
            file: "kim.tmx".into(),
            line: 7,
        },
        entry("Die Wahrheit hinter der Propaganda".into(), 1),
    ];
    let index = Index::from_entries(&entries).unwrap();
    let v = index.view();
    assert_eq!(v.units, 2);
    assert_eq!(v.text(0, Field::Target), "Putin loses face");
    assert_eq!(
        v.text(0, Field::Next),
        "Kim Jong Un schickt Russland Kanonenfutter."
    );
    assert_eq!(v.origin(0), ("kim.tmx", 7));
    assert_eq!(v.origin(1), ("m.tmx", 1));
    assert_eq!(v.tokens(1).len(), 5);
    assert!(v.find_key("propaganda").is_some());
    assert!(v.find_key("Propaganda").is_none(), "keys are case-folded");
}

fn memory_with(units: &[(&str, &str)]) -> (tempfile::TempDir, Memory) {
    let dir = tempfile::tempdir().unwrap();
    let memory = Memory::new(dir.path().join("memory"), LangPair::default());
    memory
        .add(
            "a",
            units
                .iter()
                .map(|(d, e)| Unit::new("de", d, "en", e))
                .collect(),
        )
        .unwrap();
    (dir, memory)
}

#[test]
fn a_missing_stale_or_corrupt_index_is_rebuilt_and_a_current_one_reused() {
    let (_dir, memory) = memory_with(&[("Eins zwei drei.", "One two three.")]);
    let none = |_: u64, _: u64| {};
    let (_, how) = Index::open(&memory, &none).unwrap();
    assert_eq!(
        how,
        Opened::Rebuilt {
            reason: Rebuild::Missing,
            saved: true
        }
    );
    let (index, how) = Index::open(&memory, &none).unwrap();
    assert_eq!(how, Opened::Current);
    assert_eq!(index.view().units, 1);
    assert!(memory.dir.join(INDEX_DIR).join(".gitignore").exists());

    // Corrupt one byte of the content: the checksum catches it.
    let path = index_path(&memory);
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x20;
    std::fs::write(&path, &bytes).unwrap();
    let (_, how) = Index::open(&memory, &none).unwrap();
    assert_eq!(
        how,
        Opened::Rebuilt {
            reason: Rebuild::Invalid(Invalid::Corrupt("checksum")),
            saved: true
        }
    );

    // Truncated.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let (_, how) = Index::open(&memory, &none).unwrap();
    assert!(matches!(how, Opened::Rebuilt { .. }), "{how:?}");

    // Foreign.
    std::fs::write(&path, b"PK\x03\x04 not an index").unwrap();
    let (_, how) = Index::open(&memory, &none).unwrap();
    assert_eq!(
        how,
        Opened::Rebuilt {
            reason: Rebuild::Invalid(Invalid::Foreign),
            saved: true
        }
    );

    // Stale: the memory changed.
    memory
        .add("b", vec![Unit::new("de", "Vier.", "en", "Four.")])
        .unwrap();
    let (index, how) = Index::open(&memory, &none).unwrap();
    assert_eq!(
        how,
        Opened::Rebuilt {
            reason: Rebuild::Invalid(Invalid::Stale),
            saved: true
        }
    );
    assert_eq!(index.view().units, 2);
}

#[test]
fn a_large_index_is_hashed_once_then_trusted_while_the_file_is_the_same() {
    // Limit 0: every index counts as large, so the stamp path runs.
    let (_dir, memory) = memory_with(&[("Eins zwei drei.", "One two three.")]);
    let none = |_: u64, _: u64| {};
    let open = || Index::open_checked(&memory, &none, 0).unwrap().1;
    let path = index_path(&memory);
    assert!(matches!(open(), Opened::Rebuilt { saved: true, .. }));
    assert!(stamp::path_of(&path).exists(), "built here, so stamped");
    assert_eq!(open(), Opened::Current);

    let corrupt = |bytes: &mut Vec<u8>| {
        let last = bytes.len() - 1;
        bytes[last] ^= 0x20;
    };
    let corrupt_reason = Opened::Rebuilt {
        reason: Rebuild::Invalid(Invalid::Corrupt("checksum")),
        saved: true,
    };

    // Rewritten in place (a later modification time): hashed again, caught.
    let mut bytes = std::fs::read(&path).unwrap();
    corrupt(&mut bytes);
    std::fs::write(&path, &bytes).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(10);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(open(), corrupt_reason);
    assert_eq!(open(), Opened::Current);

    // Replaced by another file (another inode): caught.
    let mut bytes = std::fs::read(&path).unwrap();
    corrupt(&mut bytes);
    let other = path.with_extension("tmp");
    std::fs::write(&other, &bytes).unwrap();
    std::fs::rename(&other, &path).unwrap();
    assert_eq!(open(), corrupt_reason);

    // A lost stamp costs one more hash, and the file is stamped again.
    std::fs::remove_file(stamp::path_of(&path)).unwrap();
    assert_eq!(open(), Opened::Current);
    assert!(stamp::path_of(&path).exists());

    // The trust boundary: a change that keeps size, inode and modification
    // time is not looked for again (this is the shortcut that spares a
    // million-unit look-up the 600 MB hash).
    let meta = std::fs::metadata(&path).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    corrupt(&mut bytes);
    let mut f = std::fs::File::options().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut f, &bytes).unwrap();
    f.set_modified(meta.modified().unwrap()).unwrap();
    drop(f);
    assert_eq!(open(), Opened::Current);
    // Without the stamp it is caught.
    std::fs::remove_file(stamp::path_of(&path)).unwrap();
    assert_eq!(open(), corrupt_reason);
}

#[test]
fn every_truncation_of_an_index_is_refused_not_trusted() {
    let entries: Vec<Entry> = (0..5)
        .map(|i| entry(format!("Satz Nummer {i} hier."), i))
        .collect();
    let (bytes, _) = build::build(&entries, 42, &|| {}).unwrap();
    assert!(Layout::open(&bytes, 42).is_ok());
    assert_eq!(Layout::open(&bytes, 43).unwrap_err(), Invalid::Stale);
    for cut in 0..bytes.len() {
        assert!(Layout::open(&bytes[..cut], 42).is_err(), "cut at {cut}");
    }
}

#[test]
fn damage_to_the_offsets_is_caught_by_the_meta_checksum() {
    let entries: Vec<Entry> = (0..50)
        .map(|i| entry(format!("Satz Nummer {i} hier."), i))
        .collect();
    let (mut bytes, _) = build::build(&entries, 7, &|| {}).unwrap();
    let layout = Layout::open(&bytes, 7).unwrap();
    assert_eq!(layout.units, 50);
    // Flip a bit inside the token offsets, keeping them ascending.
    let table = format::HEADER + format::sec::TOK_OFFSETS * 16;
    let off = u64::from_le_bytes(bytes[table..table + 8].try_into().unwrap()) as usize;
    let at = off + 4 * 10;
    let v = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let prev = u32::from_le_bytes(bytes[at - 4..at].try_into().unwrap());
    assert!(v > prev);
    bytes[at..at + 4].copy_from_slice(&(v - 1).to_le_bytes());
    assert_eq!(
        Layout::open(&bytes, 7).unwrap_err(),
        Invalid::Corrupt("checksum")
    );
}

/// A file changed in place past what its checks see (here: a large file
/// trusted by its stamp, its postings rewritten keeping size and time)
/// marks the index damaged on the first read that contradicts the checks,
/// and a rebuild gives the matches of a fresh index: damage never passes
/// for "no match".
#[test]
fn damage_past_the_checks_marks_the_index_and_a_rebuild_gives_the_fresh_matches() {
    let (_dir, memory) = memory_with(&[
        // No number words: they would all key alike and both units match.
        ("Rot gelb grün blau.", "Red yellow green blue."),
        ("Hund Katze Maus Pferd.", "Dog cat mouse horse."),
    ]);
    let none = |_: u64, _: u64| {};
    let open = || Index::open_checked(&memory, &none, 0).unwrap();
    assert!(matches!(open().1, Opened::Rebuilt { saved: true, .. }));
    let (fresh, how) = open();
    assert_eq!(how, Opened::Current);
    let q = Prepared::new("Rot gelb grün blau.");
    let expected = search::search(&fresh.view(), &q, 50, 5, &|_| false);
    assert_eq!(expected.len(), 1);
    assert!(!fresh.damaged());
    drop(fresh);

    let path = index_path(&memory);
    let meta = std::fs::metadata(&path).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let table = format::HEADER + format::sec::POSTINGS * 16;
    let off = u64::from_le_bytes(bytes[table..table + 8].try_into().unwrap()) as usize;
    let len = u64::from_le_bytes(bytes[table + 8..table + 16].try_into().unwrap()) as usize;
    for at in (off..off + len).step_by(4) {
        bytes[at..at + 4].copy_from_slice(&0xFFFF_FF00u32.to_le_bytes());
    }
    let mut f = std::fs::File::options().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut f, &bytes).unwrap();
    f.set_modified(meta.modified().unwrap()).unwrap();
    drop(f);

    let (damaged, how) = open();
    assert_eq!(how, Opened::Current, "trusted by its stamp");
    let _ = search::search(&damaged.view(), &q, 50, 5, &|_| false);
    assert!(damaged.damaged());
    drop(damaged);
    let (rebuilt, how) = Index::rebuild(&memory, &none, Rebuild::Damaged).unwrap();
    assert!(matches!(how, Opened::Rebuilt { saved: true, .. }));
    assert_eq!(
        search::search(&rebuilt.view(), &q, 50, 5, &|_| false),
        expected
    );
    assert!(!rebuilt.damaged());
}

#[test]
fn what_does_not_fit_the_format_is_an_error_not_a_saturated_id() {
    let mut unit = Unit::new("de", "Eins.", "en", "One.");
    unit.origin = Some(crate::tm::unit::Origin {
        file: "big.tmx".into(),
        line: u32::MAX as usize + 1,
    });
    assert_eq!(
        Entry::from_unit(&unit).unwrap_err(),
        BuildError::TooLarge("lines in a memory file")
    );
    assert_eq!(
        BuildError::TooLarge("lines in a memory file").to_string(),
        "the memory is too large for its index: more than 4,294,967,295 lines in a memory file"
    );
    let mut w = build::Writer::default();
    assert_eq!(
        w.offsets32([u32::MAX as usize, 1].into_iter(), "postings"),
        Err(BuildError::TooLarge("postings"))
    );
}

/// The header fields are covered by the meta checksum: damage to the
/// fingerprint reads as corrupt (a note), not as a stale index (silent).
#[test]
fn damage_to_the_fingerprint_is_corrupt_not_stale() {
    let entries: Vec<Entry> = (0..3)
        .map(|i| entry(format!("Satz Nummer {i} hier."), i))
        .collect();
    let (mut bytes, _) = build::build(&entries, 42, &|| {}).unwrap();
    bytes[17] ^= 0x01;
    assert_eq!(
        Layout::open(&bytes, 42).unwrap_err(),
        Invalid::Corrupt("checksum")
    );
    let (bytes, _) = build::build(&entries, 42, &|| {}).unwrap();
    for cut in [0, 5, 8, 12, 20, 40, 64, 100, bytes.len() - 1] {
        assert_eq!(
            Layout::open(&bytes[..cut], 42).unwrap_err(),
            Invalid::Corrupt("truncated"),
            "cut at {cut}"
        );
    }
}

/// A TMX file of `units` made in a memory of its own, to be copied into
/// another memory past that one's duplicate check.
fn tmx_of(name: &str, units: &[(String, String)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let pairs: Vec<(&str, &str)> = units
        .iter()
        .map(|(d, e)| (d.as_str(), e.as_str()))
        .collect();
    let (dir, memory) = memory_with(&pairs);
    let from = memory.tmx_files().unwrap().remove(0);
    let to = dir.path().join(format!("{name}.tmx"));
    std::fs::rename(from, &to).unwrap();
    (dir, to)
}

/// The `i`th unit of [`gathered_in_batches_equals_built_from_entries`]:
/// every seventh with a doubled space in its source, and one in its target.
fn nth_unit(i: usize) -> (String, String) {
    let word = WORDS[i % WORDS.len()];
    let (d, e) = (
        format!("{word} Satz {} mit Wort{} und {}.", i % 97, i / 50, i % 7),
        format!("Sentence {} with word{}.", i % 97, i / 50),
    );
    if i % 7 == 3 {
        (d.replacen(' ', "  ", 1), e.replacen(' ', "  ", 1))
    } else {
        (d, e)
    }
}

/// The memory's index, read and tokenised in overlapping batches
/// (`gather.rs`), is byte for byte the index of its entries built in one
/// go (`build::entries`, the exhaustive definition), over more than one
/// batch, with duplicates the memory's import never saw (three files
/// written apart): repeats in the same batch and in a later one, whose
/// first occurrences carry doubled spaces (the raw first text is kept, not
/// the repeat's), context-free units and keys first seen in a later batch
/// (`tests/suggest.rs` compares one thread with two).
#[test]
fn gathered_in_batches_equals_built_from_entries() {
    use super::gather::BATCH;
    let folded = |(d, e): (String, String)| (d.replace("  ", " "), e.replace("  ", " "));
    // a: units 0..1000; b: a's first 200 again, folded (in the first
    // batch), then new units to past the first batch; c: repeats of a's
    // and b's units (in the second batch), folded, then a few new ones.
    let a: Vec<_> = (0..1000).map(nth_unit).collect();
    let b: Vec<_> = (0..200)
        .map(|i| folded(nth_unit(i)))
        .chain((1000..1000 + BATCH).map(nth_unit))
        .collect();
    let c: Vec<_> = (0..1000)
        .step_by(3)
        .chain((1000..1000 + BATCH).step_by(11))
        .map(|i| folded(nth_unit(i)))
        .chain((1000 + BATCH..1100 + BATCH).map(nth_unit))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let memory = Memory::new(dir.path().join("memory"), LangPair::default());
    std::fs::create_dir_all(&memory.dir).unwrap();
    let mut made = Vec::new();
    for (name, units) in [("a", &a), ("b", &b), ("c", &c)] {
        let (tmp, path) = tmx_of(name, units);
        std::fs::copy(&path, memory.dir.join(format!("{name}.tmx"))).unwrap();
        made.push(tmp);
    }
    let none = |_: u64, _: u64| {};
    let (_, how) = Index::open(&memory, &none).unwrap();
    assert!(matches!(how, Opened::Rebuilt { saved: true, .. }));
    let on_disk = std::fs::read(index_path(&memory)).unwrap();
    let units = memory.load().unwrap().units;
    assert_eq!(
        units.len(),
        a.len() + b.len() + c.len(),
        "no unit lost on import"
    );
    let entries = build::entries(&units).unwrap();
    assert!(entries.len() > BATCH);
    assert_eq!(entries.len(), 1100 + BATCH, "each repeat dropped");
    // The first occurrence kept, doubled spaces and all.
    assert!(
        entries
            .iter()
            .take(1000)
            .zip(&a)
            .all(|(e, (d, t))| (&e.source, &e.target) == (d, t))
    );
    assert!(entries.iter().any(|e| e.source.contains("  ")));
    let (built, _) = build::build(&entries, fingerprint(&memory).unwrap(), &|| {}).unwrap();
    assert!(on_disk == built, "the gathered index differs");
}
