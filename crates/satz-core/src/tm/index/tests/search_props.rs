//! The index's look-up against the exhaustive scan, as properties: random
//! memories and queries (short, long, with rare words that tighten the
//! bounds), every threshold and number of matches; and the vocabulary's
//! hash table against its sorted list.

use proptest::prelude::*;

use super::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// The index finds exactly what scoring every unit finds: same units,
    /// same scores, same order, for any threshold and any K.
    #[test]
    fn index_search_equals_the_exhaustive_scan(
        sources in proptest::collection::vec(sentence(), 0..40),
        pick in any::<proptest::sample::Index>(),
        edit in sentence(),
        mode in 0..3u8,
        min in prop_oneof![Just(0u32), Just(30), Just(50), Just(70), Just(75), Just(85), Just(95), Just(99), Just(100), Just(101)],
        top in 1usize..6,
    ) {
        let entries: Vec<Entry> = sources.into_iter().enumerate().map(|(i, s)| entry(s, i)).collect();
        let query = match (mode, entries.is_empty()) {
            (0, false) => entries[pick.index(entries.len())].source.clone(),
            (1, false) => format!("{} {}", entries[pick.index(entries.len())].source, edit),
            _ => edit,
        };
        let (index, prepared) = both_ways(&entries);
        let q = Prepared::new(query);
        let context = |u: usize| u.is_multiple_of(3);
        let fast = search::search(&index.view(), &q, min, top, &context);
        let slow = exhaustive::search(&prepared, &q, min, top, &context);
        prop_assert_eq!(fast, slow);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// The vocabulary's hash table gives every key the id the binary search
    /// over the sorted vocabulary gives, and no id to any other string.
    #[test]
    fn the_key_table_agrees_with_the_sorted_vocabulary(
        sources in proptest::collection::vec("[a-zäöüß]{1,6}( [a-zäöüßA-Z]{1,6}){0,8}", 0..60),
        probes in proptest::collection::vec("[a-zäöüßA-Z0-9]{0,7}", 0..40),
    ) {
        let entries: Vec<Entry> = sources.iter().cloned().enumerate().map(|(i, s)| entry(s, i)).collect();
        let index = Index::from_entries(&entries).unwrap();
        let v = index.view();
        // Every key of a source, as the index keys it (number words key
        // as numbers: `six` is no key), is in the vocabulary.
        for s in &sources {
            let mut keys = Vec::new();
            Prepared::new(s.as_str()).each_key(&mut String::new(), |k| keys.push(k.to_owned()));
            for key in keys {
                let sorted = v.find_key_sorted(&key);
                prop_assert!(sorted.is_some(), "{} of {}", key, s);
                prop_assert_eq!(v.find_key(&key), sorted, "{}", key);
            }
        }
        // Any other string, case-folded as keys are: the same id or none.
        for s in sources.iter().chain(&probes) {
            for word in s.split(' ') {
                let key = crate::text::fold_case(word);
                prop_assert_eq!(v.find_key(&key), v.find_key_sorted(&key), "{}", key);
            }
        }
        prop_assert!(!index.damaged());
    }
}

/// Sentences of up to about 100 words: queries and units of more than 64
/// keys, which the bit-parallel distance leaves to the banded table.
fn long_sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec(sentence(), 1..9).prop_map(|s| s.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, .. ProptestConfig::default() })]

    /// The same for long queries and units, against a memory where most
    /// keys are frequent (their postings are not counted, only bounded).
    #[test]
    fn index_search_equals_the_exhaustive_scan_for_long_sentences(
        sources in proptest::collection::vec(long_sentence(), 1..24),
        pick in any::<proptest::sample::Index>(),
        edit in sentence(),
        min in prop_oneof![Just(0u32), Just(30), Just(50), Just(60), Just(70), Just(90)],
        top in 1usize..4,
    ) {
        let entries: Vec<Entry> = sources.into_iter().enumerate().map(|(i, s)| entry(s, i)).collect();
        let base = &entries[pick.index(entries.len())].source;
        let query = format!("{base} {edit} {base}");
        let (index, prepared) = both_ways(&entries);
        let q = Prepared::new(query);
        let context = |u: usize| u.is_multiple_of(2);
        let fast = search::search(&index.view(), &q, min, top, &context);
        let slow = exhaustive::search(&prepared, &q, min, top, &context);
        prop_assert_eq!(fast, slow);
    }
}

/// A sentence of common words with one or two of 37 rarer ones (`r0` to
/// `r36`): in a memory of a few hundred units each rare word is held by a
/// few units, few enough to be counted after the prefix ("tighten"), so the
/// look-up's second phase is reached.
fn sentence_with_rare_words() -> impl Strategy<Value = String> {
    (
        sentence(),
        0..37u32,
        proptest::option::of(0..37u32),
        any::<bool>(),
    )
        .prop_map(|(s, a, b, front)| {
            let rare = match b {
                Some(b) => format!("r{a} r{b}"),
                None => format!("r{a}"),
            };
            if front {
                format!("{rare} {s}")
            } else {
                format!("{s} {rare}")
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// The same on a memory of a few hundred units with rare words, several
    /// look-ups at different thresholds on one index (the counters must be
    /// left clean between them, and the staged look-up at 90 runs first).
    #[test]
    fn index_search_equals_the_exhaustive_scan_when_rare_keys_tighten_bounds(
        sources in proptest::collection::vec(sentence_with_rare_words(), 64..300),
        picks in proptest::collection::vec(any::<proptest::sample::Index>(), 3),
        edits in proptest::collection::vec(sentence_with_rare_words(), 3),
        top in 1usize..4,
    ) {
        let entries: Vec<Entry> = sources.into_iter().enumerate().map(|(i, s)| entry(s, i)).collect();
        let (index, prepared) = both_ways(&entries);
        let context = |u: usize| u.is_multiple_of(5);
        for ((pick, edit), min) in picks.iter().zip(&edits).zip([50u32, 30, 70]) {
            let base = &entries[pick.index(entries.len())].source;
            for query in [format!("{base} {edit}"), edit.clone(), base.clone()] {
                let q = Prepared::new(query);
                let fast = search::search(&index.view(), &q, min, top, &context);
                let slow = exhaustive::search(&prepared, &q, min, top, &context);
                prop_assert_eq!(fast, slow);
            }
        }
    }
}
