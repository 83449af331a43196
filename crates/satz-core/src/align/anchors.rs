//! Lexical anchor evidence: for every sentence, the token types that have
//! partners on the other side, each weighted by a log-likelihood ratio, and the
//! table of which anchors match for each sentence pair near the alignment path.
//!
//! A token type `u` with partner set `P(u)` contributes, to a bead whose other
//! side has `k` sentences,
//!
//! * `ln(p_u / q_k)` when a partner occurs on the other side, and
//! * `ln((1 - p_u) / (1 - q_k))` when none does,
//!
//! where `p_u` is the probability that a partner occurs in the translation
//! (estimated per class and per type from confident links of the first pass,
//! as hunalign's `-realign` does with its lexicon; Varga et al. 2005) and
//! `q_k = 1 - (1 - q_1)^k` the probability that it occurs by chance in `k`
//! random sentences of the other side (`q_1` is the document frequency of the
//! partner set). This is the naive-Bayes log-odds that the bead is a
//! translation rather than a random pairing, and it takes the place of the
//! dictionary score of hunalign and the BLEU score of Bleualign.

use rayon::prelude::*;

use super::band::Band;
use super::lexicon::{Class, Side};

/// Largest number of sentences on one side of a bead.
pub(crate) const MAXK: usize = 4;
/// Largest number of anchors tracked per sentence.
pub(crate) const MAX_ANCHORS: usize = 64;
/// Marker for "not an anchor" in [`Anchors::bits`].
const NO_BIT: u8 = u8::MAX;

/// Prior probability that a partner of a type of class `c` shows up in the
/// translation, used before the document's own statistics are known.
pub(crate) fn default_p(c: Class) -> f64 {
    match c {
        Class::Number => 0.8,
        Class::Dict => 0.8,
        Class::Punct => 0.7,
        Class::Identical => 0.6,
        Class::Cognate => 0.4,
        Class::Lexicon => 0.5,
    }
}

/// `q_1` of every type of one side: the smoothed fraction of the other side's
/// sentences that contain at least one partner of the type.
pub(crate) fn chance_rates(n_types: usize, other: &Side, other_partners: &[Vec<u32>]) -> Vec<f64> {
    let mut count = vec![0u32; n_types];
    let mut stamp = vec![usize::MAX; n_types];
    for (j, sent) in other.sents.iter().enumerate() {
        for &t in sent {
            for &u in other_partners
                .get(t as usize)
                .map_or(&[][..], Vec::as_slice)
            {
                if let (Some(s), Some(c)) = (stamp.get_mut(u as usize), count.get_mut(u as usize))
                    && *s != j
                {
                    *s = j;
                    *c += 1;
                }
            }
        }
    }
    let m = other.len() as f64;
    count
        .iter()
        .map(|&c| (f64::from(c) + 0.5) / (m + 1.0))
        .collect()
}

/// Match and miss weights of a type for `k` = 1..=MAXK sentences on the other side.
fn weights(p: f64, q1: f64) -> ([f32; MAXK], [f32; MAXK]) {
    let p = p.clamp(0.01, 0.99);
    let mut a = [0f32; MAXK];
    let mut b = [0f32; MAXK];
    // `k` counts the sentences on the other side, 1..=MAXK.
    for (k, (ak, bk)) in (1i32..).zip(a.iter_mut().zip(b.iter_mut())) {
        let qk = 1.0 - (1.0 - q1.clamp(1e-6, 1.0)).powi(k);
        if p > qk && qk < 1.0 {
            *ak = (p / qk).ln() as f32;
            *bk = ((1.0 - p) / (1.0 - qk)).ln() as f32;
        }
    }
    (a, b)
}

/// Anchors of every sentence of one side with their weights.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    /// Offset of every sentence's anchors in `diff` (length n + 1).
    start: Vec<usize>,
    /// For every sentence, parallel to `Side::sents[i]`, the anchor bit of the type or `NO_BIT`.
    pub bits: Vec<Vec<u8>>,
    /// Match weight minus miss weight of every anchor, per k.
    diff: Vec<[f32; MAXK]>,
    /// Sum of the miss weights of every sentence's anchors, per k.
    base: Vec<[f32; MAXK]>,
}

impl Anchors {
    /// Selects and weighs the anchors of `side`; `partners[u]` are the partners of
    /// type `u`, `p[u]` and `q[u]` its presence probabilities.
    #[allow(
        clippy::indexing_slicing,
        reason = "p and q have an entry per type of the side, u is a type id of the side, \
                  and pos a position in the sentence, of which bits has one per token"
    )]
    pub fn build(side: &Side, partners: &[Vec<u32>], p: &[f64], q: &[f64]) -> Anchors {
        let mut an = Anchors::default();
        an.start.push(0);
        for sent in &side.sents {
            let mut cands: Vec<(f32, usize, [f32; MAXK], [f32; MAXK])> = Vec::new();
            for (pos, &u) in sent.iter().enumerate() {
                let has = partners.get(u as usize).is_some_and(|v| !v.is_empty());
                if !has {
                    continue;
                }
                let (a, b) = weights(p[u as usize], q[u as usize]);
                if a[0] > 0.0 {
                    cands.push((a[0], pos, a, b));
                }
            }
            cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            cands.truncate(MAX_ANCHORS);
            let mut bits = vec![NO_BIT; sent.len()];
            let mut base = [0f32; MAXK];
            // At most MAX_ANCHORS (64) candidates: the bit numbers fit a u8
            // below NO_BIT.
            for (bit, (_, pos, a, b)) in (0u8..).zip(&cands) {
                bits[*pos] = bit;
                let mut d = [0f32; MAXK];
                for (((x, sum), &ak), &bk) in d.iter_mut().zip(base.iter_mut()).zip(a).zip(b) {
                    *x = ak - bk;
                    *sum += bk;
                }
                an.diff.push(d);
            }
            an.bits.push(bits);
            an.base.push(base);
            an.start.push(an.diff.len());
        }
        an
    }

    /// Log-likelihood ratio of sentence `i` when the anchors in `mask` match
    /// and the other side of the bead has `k` sentences.
    #[allow(
        clippy::indexing_slicing,
        reason = "i is a sentence of the side (base and start have an entry per sentence), \
                  kk < MAXK, and mask holds only bits of sentence i's anchors, whose \
                  weights are diff[start[i]..start[i + 1]]"
    )]
    pub fn score(&self, i: usize, mask: u64, k: usize) -> f64 {
        let kk = k.clamp(1, MAXK) - 1;
        let mut s = self.base[i][kk];
        let off = self.start[i];
        let mut m = mask;
        while m != 0 {
            let bit = m.trailing_zeros() as usize;
            m &= m - 1;
            s += self.diff[off + bit][kk];
        }
        f64::from(s)
    }
}

/// Matched-anchor masks `(source anchors, target anchors)` for the sentence
/// pairs that beads inside a band can cover.
#[derive(Debug, Default)]
pub(crate) struct PairTable {
    lo: Vec<usize>,
    hi: Vec<usize>,
    off: Vec<usize>,
    data: Vec<(u64, u64)>,
}

/// Scratch space of [`PairTable`] rows: for every target type, the source
/// sentence whose partners were last marked in it and the anchor bits of
/// that sentence's types it is a partner of.
struct Marks {
    row: Vec<usize>,
    bits: Vec<u64>,
}

/// Rows of a [`PairTable`] built by one task.
const ROWS_PER_TASK: usize = 64;

impl PairTable {
    /// Computes the masks of all pairs `(i, j)` that a bead of at most `MAXK`
    /// sentences per side ending inside `band` covers; `src_partners[u]`
    /// are the target partners of source type `u`.
    ///
    /// Row `i` first marks, in a table over the target types, the partners
    /// of sentence `i`'s types with their anchor bits; every target
    /// sentence of the row is then one look-up per token. The rows' column
    /// ranges are laid out first, so that the rows are built in parallel
    /// straight into their place in one table.
    pub fn build(
        band: &Band,
        src: &Side,
        tgt: &Side,
        src_partners: &[Vec<u32>],
        sa: &Anchors,
        ta: &Anchors,
    ) -> PairTable {
        let (n, m) = (src.len(), tgt.len());
        let types = tgt.vocab.len();
        let mut pt = PairTable::default();
        let mut cells = 0usize;
        for i in 0..n {
            let lo = band.lo(i + 1).saturating_sub(MAXK);
            let hi = band.hi((i + MAXK).min(n)).min(m).max(lo);
            pt.lo.push(lo);
            pt.hi.push(hi);
            pt.off.push(cells);
            cells += hi - lo;
        }
        let mut data = vec![(0u64, 0u64); cells];
        // The table cut into the rows of each task, in order.
        let mut tasks: Vec<(usize, &mut [(u64, u64)])> = Vec::new();
        let mut rest: &mut [(u64, u64)] = &mut data;
        for from in (0..n).step_by(ROWS_PER_TASK) {
            let to = (from + ROWS_PER_TASK).min(n);
            let len: usize = (from..to).map(|i| pt.width(i)).sum();
            let Some((chunk, tail)) = rest.split_at_mut_checked(len) else {
                break;
            };
            tasks.push((from, chunk));
            rest = tail;
        }
        let layout = &pt;
        tasks.into_par_iter().for_each_init(
            || Marks {
                row: vec![usize::MAX; types],
                bits: vec![0; types],
            },
            |marks, (from, mut chunk)| {
                for i in from..(from + ROWS_PER_TASK).min(n) {
                    let Some((row, tail)) = chunk.split_at_mut_checked(layout.width(i)) else {
                        break;
                    };
                    layout.fill_row(i, row, (src, tgt), src_partners, (sa, ta), marks);
                    chunk = tail;
                }
            },
        );
        pt.data = data;
        pt
    }

    /// Number of columns of row `i` (0 for a row the table does not have).
    fn width(&self, i: usize) -> usize {
        match (self.lo.get(i), self.hi.get(i)) {
            (Some(&lo), Some(&hi)) => hi - lo,
            _ => 0,
        }
    }

    /// Fills `row`, the masks of row `i`'s columns (see [`PairTable::build`]).
    fn fill_row(
        &self,
        i: usize,
        row: &mut [(u64, u64)],
        (src, tgt): (&Side, &Side),
        src_partners: &[Vec<u32>],
        (sa, ta): (&Anchors, &Anchors),
        marks: &mut Marks,
    ) {
        let lo = self.lo.get(i).copied().unwrap_or(0);
        let empty: &[u8] = &[];
        let ssent = src.sents.get(i).map_or(&[][..], Vec::as_slice);
        let sbits = sa.bits.get(i).map_or(empty, Vec::as_slice);
        for (&u, &sb) in ssent.iter().zip(sbits) {
            let bit = if sb == NO_BIT { 0 } else { 1u64 << sb };
            for &t in src_partners.get(u as usize).map_or(&[][..], Vec::as_slice) {
                if let (Some(r), Some(b)) = (
                    marks.row.get_mut(t as usize),
                    marks.bits.get_mut(t as usize),
                ) {
                    if *r != i {
                        *r = i;
                        *b = 0;
                    }
                    *b |= bit;
                }
            }
        }
        for (j, slot) in (lo..).zip(row.iter_mut()) {
            let (mut smask, mut tmask) = (0u64, 0u64);
            let tsent = tgt.sents.get(j).map_or(&[][..], Vec::as_slice);
            let tbits = ta.bits.get(j).map_or(empty, Vec::as_slice);
            for (&t, &tb) in tsent.iter().zip(tbits) {
                if let (Some(&r), Some(&b)) =
                    (marks.row.get(t as usize), marks.bits.get(t as usize))
                    && r == i
                {
                    smask |= b;
                    if tb != NO_BIT {
                        tmask |= 1u64 << tb;
                    }
                }
            }
            *slot = (smask, tmask);
        }
    }

    /// Masks of pair `(i, j)`; zero outside the table.
    pub fn get(&self, i: usize, j: usize) -> (u64, u64) {
        let (Some(&lo), Some(&hi), Some(&off)) = (self.lo.get(i), self.hi.get(i), self.off.get(i))
        else {
            return (0, 0);
        };
        if j < lo || j >= hi {
            return (0, 0);
        }
        // Row i holds the pairs lo..hi at data[off..off + hi - lo].
        #[allow(clippy::indexing_slicing, reason = "lo <= j < hi: inside row i")]
        self.data[off + j - lo]
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::align::guide::band_around;
    use crate::align::lexicon::Relation;
    use crate::text::numbers::NumLang;
    use proptest::prelude::*;

    /// The masks of pair `(i, j)` by definition: the anchors of `i` with a
    /// partner in `j`, and the anchors of `j` with a partner in `i`.
    fn direct(
        (src, tgt): (&Side, &Side),
        rel: &Relation,
        (sa, ta): (&Anchors, &Anchors),
        i: usize,
        j: usize,
    ) -> (u64, u64) {
        let mask = |sent: &[u32], bits: &[u8], other: &[u32], partners: &[Vec<u32>]| {
            sent.iter().zip(bits).fold(0u64, |acc, (&u, &b)| {
                let hit = partners[u as usize]
                    .iter()
                    .any(|t| other.binary_search(t).is_ok());
                if hit && b != NO_BIT {
                    acc | 1 << b
                } else {
                    acc
                }
            })
        };
        (
            mask(&src.sents[i], &sa.bits[i], &tgt.sents[j], &rel.src),
            mask(&tgt.sents[j], &ta.bits[j], &src.sents[i], &rel.tgt),
        )
    }

    /// A sentence of up to `max_words - 1` words drawn from names, numbers,
    /// symbols and a few German, French and Spanish words: what the
    /// aligner's property tests feed both sides.
    pub(crate) fn arb_sentence(max_words: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "Nepal",
                "Himalaya",
                "Everest",
                "1953",
                "8848",
                "?",
                "(",
                "Expedition",
                "Expedición",
                "der",
                "le",
                "Kathmandu",
                "%",
                "2,5",
                "2.5",
                "Gipfel",
            ]),
            0..max_words,
        )
        .prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn pair_masks_are_the_masks_by_definition(
            s in proptest::collection::vec(arb_sentence(10), 1..150),
            t in proptest::collection::vec(arb_sentence(10), 1..150),
            radius in 0usize..6,
        ) {
            let (src, tgt) = (Side::of_texts(&s, NumLang::De, true), Side::of_texts(&t, NumLang::Fr, false));
            let rel = Relation::base(&src, &tgt);
            let (ps, pt) = (vec![0.9; src.vocab.len()], vec![0.9; tgt.vocab.len()]);
            let qs = chance_rates(src.vocab.len(), &tgt, &rel.tgt);
            let qt = chance_rates(tgt.vocab.len(), &src, &rel.src);
            let sa = Anchors::build(&src, &rel.src, &ps, &qs);
            let ta = Anchors::build(&tgt, &rel.tgt, &pt, &qt);
            let (n, m) = (src.len(), tgt.len());
            let band = band_around(&[(0, 0), (n, m)], n, m, radius);
            let table = PairTable::build(&band, &src, &tgt, &rel.src, &sa, &ta);
            for i in 0..n {
                let lo = band.lo(i + 1).saturating_sub(MAXK);
                let hi = band.hi((i + MAXK).min(n)).min(m);
                for j in 0..m {
                    let want = if (lo..hi).contains(&j) {
                        direct((&src, &tgt), &rel, (&sa, &ta), i, j)
                    } else {
                        (0, 0)
                    };
                    prop_assert_eq!(table.get(i, j), want, "pair ({}, {})", i, j);
                }
            }
        }
    }
}
