//! The vocabulary's hash table: finds a key's id in about one probe
//! instead of a binary search over the sorted vocabulary (about 17 string
//! comparisons for 100,000 keys), for every key of every query.
//!
//! An open-addressing table with linear probing, stored as a section of
//! the index: a power of two of u32 slots, at least twice the vocabulary
//! (so at least half the slots are empty and a probe ends soon), each slot
//! `0` (empty) or a key's id plus one. A key's home slot is the low bits of
//! its XXH3-64 hash. The table is a function of the sorted vocabulary alone
//! (keys are inserted in id order), so the same memory gives the same bytes.
//!
//! The table only says where to look: a slot's key is compared with the
//! key searched for, so a collision never gives a wrong id, and the
//! binary search over the sorted keys stays the definition (the property
//! test in `tests.rs` holds the two to the same answers).

/// Slots of the table for a vocabulary of `vocab` keys: the smallest power
/// of two at least twice `vocab` (and at least 2, so an empty vocabulary
/// still has an empty slot to end a probe); `None` when that overflows.
pub fn slots_for(vocab: usize) -> Option<usize> {
    vocab.checked_mul(2)?.max(2).checked_next_power_of_two()
}

/// The home slot of `key` in a table of `slots` slots (a power of two).
pub fn home(key: &[u8], slots: usize) -> usize {
    // Only the low bits are kept: the mask is below `slots`, a usize.
    (xxhash_rust::xxh3::xxh3_64(key) as usize) & (slots.wrapping_sub(1))
}

/// The table of the keys `vocab`, in id order: slot values, `0` for empty
/// and `id + 1` for a key. `None` when the vocabulary is too large for
/// u32 ids plus one or for the address space.
pub fn table<K: AsRef<[u8]>>(vocab: &[K]) -> Option<Vec<u32>> {
    let slots = slots_for(vocab.len())?;
    let mut table = vec![0u32; slots];
    let mask = slots - 1;
    for (id, key) in vocab.iter().enumerate() {
        let value = u32::try_from(id).ok()?.checked_add(1)?;
        let mut at = home(key.as_ref(), slots);
        // Half the slots stay empty, so a free one is always found.
        loop {
            let slot = table.get_mut(at)?;
            if *slot == 0 {
                *slot = value;
                break;
            }
            at = (at + 1) & mask;
        }
    }
    Some(table)
}

/// What a probe of the table found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// The key's id.
    Found(u32),
    /// No such key.
    Absent,
    /// The table contradicts itself (an id past the vocabulary, or no
    /// empty slot): the index is damaged.
    Damaged,
}

/// Looks `key` up in a table of `slots` slots read through `slot`, with
/// `key_of` giving the bytes of a key id below `vocab`.
pub fn probe<'a>(
    key: &[u8],
    slots: usize,
    vocab: usize,
    slot: impl Fn(usize) -> Option<u32>,
    key_of: impl Fn(usize) -> &'a [u8],
) -> Probe {
    if !slots.is_power_of_two() {
        return Probe::Damaged;
    }
    let mask = slots - 1;
    let mut at = home(key, slots);
    for _ in 0..slots {
        match slot(at) {
            None => return Probe::Damaged,
            Some(0) => return Probe::Absent,
            Some(v) => {
                let id = (v - 1) as usize;
                if id >= vocab {
                    return Probe::Damaged;
                }
                if key_of(id) == key {
                    return Probe::Found(v - 1);
                }
            }
        }
        at = (at + 1) & mask;
    }
    Probe::Damaged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(table: &[u32], vocab: &[&str], key: &str) -> Probe {
        probe(
            key.as_bytes(),
            table.len(),
            vocab.len(),
            |i| table.get(i).copied(),
            |id| vocab.get(id).map_or(&[][..], |k| k.as_bytes()),
        )
    }

    #[test]
    fn finds_every_key_and_no_other() {
        let vocab = ["", "der", "die", "nordkorea", "ß", "übung"];
        let t = table(&vocab).unwrap();
        assert_eq!(t.len(), 16);
        assert_eq!(t.iter().filter(|&&v| v != 0).count(), vocab.len());
        for (id, k) in vocab.iter().enumerate() {
            assert_eq!(find(&t, &vocab, k), Probe::Found(id as u32), "{k}");
        }
        for k in ["das", "Nordkorea", "uebung", "ss"] {
            assert_eq!(find(&t, &vocab, k), Probe::Absent, "{k}");
        }
    }

    #[test]
    fn an_empty_vocabulary_has_an_empty_slot() {
        let t = table::<&str>(&[]).unwrap();
        assert_eq!(t, vec![0, 0]);
        assert_eq!(find(&t, &[], "x"), Probe::Absent);
    }

    #[test]
    fn a_damaged_table_is_named_never_a_wrong_id() {
        let vocab = ["a", "b"];
        // An id past the vocabulary.
        assert_eq!(find(&[9, 9, 9, 9], &vocab, "a"), Probe::Damaged);
        // No empty slot and no match: the probe ends, as damage.
        assert_eq!(find(&[2, 2, 2, 2], &vocab, "a"), Probe::Damaged);
        // Not a power of two.
        assert_eq!(find(&[0, 0, 0], &vocab, "a"), Probe::Damaged);
    }
}
