//! The vocabulary of match keys while an index is built: every key once,
//! with its id in order of first sight.
//!
//! Every word of every source (about 25 million for a million units) is
//! looked up here, and most are known. A `HashMap<String, u32>` compares a
//! candidate through the pointer of its `String`, one more cache line per
//! look-up; here each slot holds the key's first 16 bytes, its length and
//! its hash, so a key of up to 16 bytes (nearly every word) is compared
//! within the slot, and a longer one against the full key only when its
//! head, length and hash agree.

use hashbrown::HashTable;

/// How many bytes of a key a slot holds.
const HEAD: usize = 16;

/// A key in the table.
#[derive(Clone, Copy)]
struct Slot {
    /// The first [`HEAD`] bytes, zero-padded.
    head: [u8; HEAD],
    hash: u64,
    len: u32,
    id: u32,
}

/// The keys seen so far and their ids (0, 1, 2, ... in order of first
/// sight).
#[derive(Default)]
pub(super) struct Interner {
    table: HashTable<Slot>,
    /// Every key, by id.
    keys: Vec<String>,
}

/// The hash of a key: XXH3-64 (keys come from the memory, not from an
/// adversary who could aim collisions at the table).
fn hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

fn head(key: &str) -> [u8; HEAD] {
    let mut h = [0u8; HEAD];
    let n = key.len().min(HEAD);
    if let (Some(to), Some(from)) = (h.get_mut(..n), key.as_bytes().get(..n)) {
        to.copy_from_slice(from);
    }
    h
}

impl Interner {
    /// How many keys.
    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The id of `key`, when it is known.
    pub(super) fn get(&self, key: &str) -> Option<u32> {
        let (h, head) = (hash(key), head(key));
        self.find(key, h, &head)
    }

    fn find(&self, key: &str, h: u64, head: &[u8; HEAD]) -> Option<u32> {
        self.table
            .find(h, |s| {
                s.hash == h
                    && s.head == *head
                    && s.len as usize == key.len()
                    && (key.len() <= HEAD || self.keys.get(s.id as usize).is_some_and(|k| k == key))
            })
            .map(|s| s.id)
    }

    /// The id of `key`; when it is new, `fresh` (the caller passes
    /// [`Interner::len`], checked to fit).
    pub(super) fn intern(&mut self, key: &str, fresh: u32) -> u32 {
        let (h, head) = (hash(key), head(key));
        if let Some(id) = self.find(key, h, &head) {
            return id;
        }
        let slot = Slot {
            head,
            hash: h,
            // Keys are words of one sentence: far below 4 GB.
            len: u32::try_from(key.len()).unwrap_or(u32::MAX),
            id: fresh,
        };
        self.table.insert_unique(h, slot, |s| s.hash);
        self.keys.push(key.to_owned());
        fresh
    }

    /// Every key with its id, in id order.
    pub(super) fn into_keys(self) -> Vec<String> {
        self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The interner gives the ids a map of strings gives: keys
        /// sharing their first 16 bytes, of any length, are told apart.
        #[test]
        fn ids_are_those_of_a_map(keys in proptest::collection::vec("(abcdefghijklmnop|abcdefghijklmnopq|ä|)[a-c]{0,3}", 0..40)) {
            let mut i = Interner::default();
            let mut map = std::collections::HashMap::new();
            for k in &keys {
                let next = map.len() as u32;
                let want = *map.entry(k.clone()).or_insert(next);
                proptest::prop_assert_eq!(i.get(k).unwrap_or(next), want);
                let fresh = i.len() as u32;
                proptest::prop_assert_eq!(i.intern(k, fresh), want);
                proptest::prop_assert_eq!(i.get(k), Some(want));
            }
            let mut by_id: Vec<(String, u32)> = map.into_iter().collect();
            by_id.sort_by_key(|&(_, id)| id);
            let keys: Vec<String> = by_id.into_iter().map(|(k, _)| k).collect();
            proptest::prop_assert_eq!(i.into_keys(), keys);
        }
    }
}
