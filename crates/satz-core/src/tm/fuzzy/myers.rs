//! Bit-parallel Levenshtein distance over token ids (Myers 1999, in
//! Hyyrö's 2001 formulation for the global edit distance): a query of up
//! to 64 keys is one machine word, and each token of the other sequence
//! costs a handful of word operations instead of a row of the dynamic
//! programme. The index verifies its candidates with it; longer queries
//! fall back to the banded table of [`super::score::distance`].
//!
//! Reference: G. Myers, "A fast bit-vector algorithm for approximate string
//! matching based on dynamic programming", JACM 46(3), 1999; H. Hyyrö,
//! "Explaining and extending the bit-parallel approximate string matching
//! algorithm of Myers", 2001.

/// A query of at most 64 keys, prepared for [`Pattern::distance`]: for
/// every distinct key, the bit mask of the positions it holds.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// (key, mask of its positions), sorted by key.
    peq: Vec<(u32, u64)>,
    /// The number of keys.
    len: usize,
}

impl Pattern {
    /// The pattern of `keys`, or `None` when there are more than 64.
    /// Keys listed in `never` match nothing (an id no other sequence holds,
    /// such as the index's id for words the memory lacks): they get no
    /// mask, so a token equal to one (a damaged index) still mismatches.
    pub fn new(keys: &[u32], never: u32) -> Option<Pattern> {
        if keys.len() > 64 {
            return None;
        }
        let mut peq: Vec<(u32, u64)> = Vec::with_capacity(keys.len());
        for (i, &k) in keys.iter().enumerate().filter(|&(_, &k)| k != never) {
            peq.push((k, 1u64 << i));
        }
        peq.sort_unstable_by_key(|&(k, _)| k);
        peq.dedup_by(|later, first| {
            if later.0 == first.0 {
                first.1 |= later.1;
                true
            } else {
                false
            }
        });
        Some(Pattern {
            peq,
            len: keys.len(),
        })
    }

    fn mask(&self, key: u32) -> u64 {
        match self.peq.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(i) => self.peq.get(i).map_or(0, |&(_, m)| m),
            Err(_) => 0,
        }
    }

    /// The Levenshtein distance between the pattern and `text` (of
    /// `text_len` tokens), or `None` when it exceeds `max`. Stops as soon
    /// as the distance can no longer come down to `max`.
    pub fn distance(
        &self,
        text: impl Iterator<Item = u32>,
        text_len: usize,
        max: usize,
    ) -> Option<usize> {
        let m = self.len;
        if m.abs_diff(text_len) > max {
            return None;
        }
        if m == 0 {
            return Some(text_len);
        }
        let high = 1u64 << (m - 1);
        let (mut pv, mut mv) = (u64::MAX, 0u64);
        // The last row of the table, D[m][j], as the columns go by.
        let mut score = m;
        for (j, c) in text.enumerate() {
            let eq = self.mask(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & high != 0 {
                score += 1;
            } else if mh & high != 0 {
                score -= 1;
            }
            // Row 0 is D[0][j] = j: its horizontal delta is +1.
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
            // Each remaining column lowers the last row by at most one.
            let left = text_len.saturating_sub(j + 1);
            if score.saturating_sub(left) > max {
                return None;
            }
        }
        (score <= max).then_some(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::tm::fuzzy::score::tests::full_levenshtein;

    #[test]
    fn kitten_sitting() {
        let a: Vec<u32> = "kitten".chars().map(u32::from).collect();
        let b: Vec<u32> = "sitting".chars().map(u32::from).collect();
        let p = Pattern::new(&a, u32::MAX).unwrap();
        assert_eq!(p.distance(b.iter().copied(), b.len(), 10), Some(3));
        assert_eq!(p.distance(b.iter().copied(), b.len(), 3), Some(3));
        assert_eq!(p.distance(b.iter().copied(), b.len(), 2), None);
        assert!(Pattern::new(&[0; 65], u32::MAX).is_none());
    }

    #[test]
    fn a_never_key_matches_nothing_not_even_itself() {
        let p = Pattern::new(&[1, u32::MAX, 2], u32::MAX).unwrap();
        assert_eq!(p.distance([1, u32::MAX, 2].into_iter(), 3, 5), Some(1));
    }

    proptest! {
        #[test]
        fn bit_parallel_distance_is_levenshtein(
            a in proptest::collection::vec(0u32..5, 0..70),
            b in proptest::collection::vec(0u32..5, 0..70),
            max in 0usize..80,
        ) {
            let full = full_levenshtein(&a, &b);
            match Pattern::new(&a, u32::MAX) {
                Some(p) => prop_assert_eq!(
                    p.distance(b.iter().copied(), b.len(), max),
                    (full <= max).then_some(full)
                ),
                None => prop_assert!(a.len() > 64),
            }
        }
    }
}
