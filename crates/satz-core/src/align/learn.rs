//! The translation lexicon learnt from the document itself (hunalign's
//! `-realign`, Varga et al. 2005): word groups that co-occur in the
//! confident 1-1 links of a first pass, ranked by the Dice coefficient.
//!
//! The co-occurrence counts are gathered per source group over an inverted
//! index (the links each group occurs in) into a dense counter over the
//! target groups, so no pair of groups is hashed; source groups are
//! independent and counted in parallel. The result is sorted, so it does not
//! depend on the thread count; a test compares it with the direct count
//! over all pairs.

use std::collections::HashMap;

use rayon::prelude::*;

use super::lexicon::Side;
use super::tokenize::Key;

/// Most forms of one group linked to the forms of another.
const MAX_FORMS: usize = 16;

/// Groups the word types of `side` by their first `stem_len` characters
/// (a cheap, language-independent stemmer; 0 keeps whole words). Returns
/// the group of every type and the members of every group (indexed by
/// group).
///
/// A group is named by the id of its first type, so group ids are type
/// ids, in range wherever type ids are, and ordered as the groups first
/// appear.
#[allow(
    clippy::indexing_slicing,
    reason = "a group id is the id of a type already seen, below vocab.len(), the length of members"
)]
fn stem_groups(side: &Side, stem_len: usize) -> (Vec<u32>, Vec<Vec<u32>>) {
    let mut first: HashMap<String, u32> = HashMap::new();
    let mut group = Vec::with_capacity(side.vocab.len());
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); side.vocab.len()];
    for (t, key) in side.vocab.ids() {
        let name = match key {
            Key::Word(w) if stem_len > 0 => w.chars().take(stem_len).collect(),
            Key::Word(w) => w.clone(),
            _ => String::new(),
        };
        let g = *first.entry(name).or_insert(t);
        members[g as usize].push(t);
        group.push(g);
    }
    (group, members)
}

/// Parameters of lexicon learning.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LexiconParams {
    /// Minimum co-occurrence count.
    pub min_count: u32,
    /// Minimum Dice coefficient.
    pub min_dice: f64,
    /// Largest number of translations per source group.
    pub top_k: usize,
    /// Characters of the prefix that groups word forms (0: whole words).
    pub stem_len: usize,
}

/// The sorted unique groups of the word types `words`.
fn groups_of(words: &[u32], group: &[u32]) -> Vec<u32> {
    let mut v: Vec<u32> = words
        .iter()
        .filter_map(|&w| group.get(w as usize).copied())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Co-occurrence data of the linked pairs: the target groups of every
/// pair, the pairs every source group occurs in, and how many pairs every
/// target group occurs in.
struct Cooccurrence {
    tgt_groups: Vec<Vec<u32>>,
    by_src: Vec<Vec<u32>>,
    tgt_count: Vec<u32>,
}

impl Cooccurrence {
    /// Indexes the pairs `(i, j)` that name a sentence of both sides;
    /// `None` if there are more pairs than a `u32` can number.
    fn new(
        src: &Side,
        tgt: &Side,
        pairs: &[(usize, usize)],
        (sg, tg): (&[u32], &[u32]),
    ) -> Option<Cooccurrence> {
        let mut co = Cooccurrence {
            tgt_groups: Vec::new(),
            by_src: vec![Vec::new(); src.vocab.len()],
            tgt_count: vec![0; tgt.vocab.len()],
        };
        for &(i, j) in pairs {
            let (Some(sw), Some(tw)) = (src.words.get(i), tgt.words.get(j)) else {
                continue;
            };
            let p = u32::try_from(co.tgt_groups.len()).ok()?;
            for s in groups_of(sw, sg) {
                if let Some(v) = co.by_src.get_mut(s as usize) {
                    v.push(p);
                }
            }
            let tw = groups_of(tw, tg);
            for &t in &tw {
                if let Some(c) = co.tgt_count.get_mut(t as usize) {
                    *c += 1;
                }
            }
            co.tgt_groups.push(tw);
        }
        Some(co)
    }

    /// The best target groups of source group `s` (at most `top_k`, Dice
    /// coefficient descending, then group id), counted in `counts` (zero
    /// on entry and on return), `touched` being scratch space.
    fn best(
        &self,
        s: usize,
        lp: LexiconParams,
        counts: &mut [u32],
        touched: &mut Vec<u32>,
    ) -> Vec<u32> {
        let links = self.by_src.get(s).map_or(&[][..], Vec::as_slice);
        touched.clear();
        for &p in links {
            for &t in self
                .tgt_groups
                .get(p as usize)
                .map_or(&[][..], Vec::as_slice)
            {
                if let Some(c) = counts.get_mut(t as usize) {
                    if *c == 0 {
                        touched.push(t);
                    }
                    *c += 1;
                }
            }
        }
        // Every pair counted has `s`, so `s` occurs in `links.len()` pairs.
        let ns = u32::try_from(links.len()).unwrap_or(u32::MAX);
        let mut v: Vec<(f64, u32)> = Vec::new();
        for &t in touched.iter() {
            let c = counts.get_mut(t as usize).map_or(0, std::mem::take);
            let nt = self.tgt_count.get(t as usize).copied().unwrap_or(c);
            if c < lp.min_count {
                continue;
            }
            let dice = 2.0 * f64::from(c) / (f64::from(ns) + f64::from(nt));
            if dice >= lp.min_dice {
                v.push((dice, t));
            }
        }
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        v.into_iter().take(lp.top_k).map(|(_, t)| t).collect()
    }
}

/// Learns a translation lexicon from sentence pairs (hunalign's `-realign`):
/// word groups (word forms sharing a prefix) that co-occur in at least
/// `min_count` pairs with a Dice coefficient of at least `min_dice`, at most
/// `top_k` per source group; every form of a source group is linked to every
/// form of its target groups (at most [`MAX_FORMS`] of each). Sorted, unique.
pub(crate) fn learn_lexicon(
    src: &Side,
    tgt: &Side,
    pairs: &[(usize, usize)],
    lp: LexiconParams,
) -> Vec<(u32, u32)> {
    let (sg, s_members) = stem_groups(src, lp.stem_len);
    let (tg, t_members) = stem_groups(tgt, lp.stem_len);
    let Some(co) = Cooccurrence::new(src, tgt, pairs, (&sg, &tg)) else {
        return Vec::new();
    };
    let forms = |s: usize, t: u32| {
        let sf = s_members.get(s).map_or(&[][..], Vec::as_slice);
        let tf = t_members.get(t as usize).map_or(&[][..], Vec::as_slice);
        let tf = tf.get(..tf.len().min(MAX_FORMS)).unwrap_or_default();
        sf.iter()
            .take(MAX_FORMS)
            .flat_map(move |&a| tf.iter().map(move |&b| (a, b)))
    };
    let mut out: Vec<(u32, u32)> = (0..co.by_src.len())
        .into_par_iter()
        .filter(|&s| !co.by_src.get(s).is_none_or(Vec::is_empty))
        .map_init(
            || (vec![0u32; co.tgt_count.len()], Vec::new()),
            |(counts, touched), s| {
                let best = co.best(s, lp, counts, touched);
                best.into_iter()
                    .flat_map(|t| forms(s, t))
                    .collect::<Vec<_>>()
            },
        )
        .flatten_iter()
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numbers::NumLang;
    use proptest::prelude::*;

    /// The direct count over all pairs of groups: the twin of
    /// [`learn_lexicon`].
    fn learn_brute(
        src: &Side,
        tgt: &Side,
        pairs: &[(usize, usize)],
        lp: LexiconParams,
    ) -> Vec<(u32, u32)> {
        let (sg, s_members) = stem_groups(src, lp.stem_len);
        let (tg, t_members) = stem_groups(tgt, lp.stem_len);
        let mut cs: HashMap<u32, u32> = HashMap::new();
        let mut ct: HashMap<u32, u32> = HashMap::new();
        let mut cst: HashMap<(u32, u32), u32> = HashMap::new();
        for &(i, j) in pairs {
            let (Some(sw), Some(tw)) = (src.words.get(i), tgt.words.get(j)) else {
                continue;
            };
            let (sw, tw) = (groups_of(sw, &sg), groups_of(tw, &tg));
            for &s in &sw {
                *cs.entry(s).or_default() += 1;
            }
            for &t in &tw {
                *ct.entry(t).or_default() += 1;
            }
            for &s in &sw {
                for &t in &tw {
                    *cst.entry((s, t)).or_default() += 1;
                }
            }
        }
        let mut best: HashMap<u32, Vec<(f64, u32)>> = HashMap::new();
        for (&(s, t), &c) in &cst {
            let dice = 2.0 * f64::from(c) / f64::from(cs[&s] + ct[&t]);
            if c >= lp.min_count && dice >= lp.min_dice {
                best.entry(s).or_default().push((dice, t));
            }
        }
        let mut out = Vec::new();
        for (s, mut v) in best {
            v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, t) in v.into_iter().take(lp.top_k) {
                for &a in s_members[s as usize].iter().take(MAX_FORMS) {
                    for &b in t_members[t as usize].iter().take(MAX_FORMS) {
                        out.push((a, b));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn arb_sentence() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "haus", "hause", "haeuser", "katze", "katzen", "hund", "baum", "the", "house",
                "houses", "cat", "cats", "dog", "tree", "trees", "a",
            ]),
            0..8,
        )
        .prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn counting_per_source_group_equals_counting_all_pairs(
            s in proptest::collection::vec(arb_sentence(), 1..30),
            t in proptest::collection::vec(arb_sentence(), 1..30),
            links in proptest::collection::vec((0usize..32, 0usize..32), 0..40),
            stem_len in 0usize..5,
            min_count in 1u32..3,
        ) {
            let (src, tgt) = (Side::of_texts(&s, NumLang::De, true), Side::of_texts(&t, NumLang::En, false));
            let lp = LexiconParams { min_count, min_dice: 0.3, top_k: 2, stem_len };
            prop_assert_eq!(
                learn_lexicon(&src, &tgt, &links, lp),
                learn_brute(&src, &tgt, &links, lp)
            );
        }
    }
}
