//! Parameter estimation from the document pair itself.
//!
//! * Before any alignment: the length ratio `c` is the ratio of the two
//!   sides' total lengths; `s2` and the bead priors are Gale & Church's (1993).
//! * After a first pass (hunalign's `-realign`, Varga et al. 2005): `c` and
//!   `s2` are re-estimated from confident 1-1 links (`s2` robustly, from the
//!   median squared standardised deviation), the bead priors from the bead
//!   counts of the path (smoothed towards Gale & Church's), and the
//!   probability `p` that an anchor's partner shows up in the translation per
//!   anchor class and per token type (smoothed towards its class).

use super::anchors::default_p;
use super::dp::DpOut;
use super::lexicon::{Class, N_CLASSES, Relation, Side};
use super::score::{DEFAULT_S2, LengthModel, default_prior};

/// Model parameters for one DP pass.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    /// Length model.
    pub length: LengthModel,
    /// Probability of every bead type (parallel to the bead table).
    pub prior: Vec<f64>,
    /// `p` per anchor class.
    pub class_p: [f64; N_CLASSES],
}

const CLASSES: [Class; N_CLASSES] = [
    Class::Number,
    Class::Dict,
    Class::Punct,
    Class::Identical,
    Class::Cognate,
    Class::Lexicon,
];

/// Weight (in source characters) of the language-pair default length ratio.
pub(crate) const RATIO_PSEUDO_CHARS: f64 = 2000.0;

/// Usual target/source character ratio for a German source and a target
/// language with the number conventions of `lang` (measured on the
/// development documents: de-en about 1.0, de-fr about 1.03).
pub(crate) fn default_ratio(lang: crate::text::numbers::NumLang) -> f64 {
    use crate::text::numbers::NumLang;
    match lang {
        NumLang::De => 1.0,
        NumLang::En => 0.97,
        NumLang::Fr => 1.04,
    }
}

/// Fewest confident links needed to re-estimate the length model.
const MIN_LINKS: usize = 20;
/// Median of a chi-square variable with one degree of freedom.
const CHI2_1_MEDIAN: f64 = 0.454_936;
/// Initial ratio of the wide to the main variance of the length residual.
const WIDE_FACTOR: f64 = 10.0;
/// Initial weight of the wide component.
const DEFAULT_WIDE_WEIGHT: f64 = 0.1;

/// Fits the zero-mean two-component scale mixture `(v1, v2, w)` to residuals
/// `r` by EM, starting from a robust (median-based) main variance.
fn fit_mixture(r: &[f64]) -> (f64, f64, f64) {
    let mut sq: Vec<f64> = r.iter().map(|x| x * x).collect();
    sq.sort_by(f64::total_cmp);
    // No residuals (no link to learn from): the default variance.
    let med = sq
        .get(sq.len() / 2)
        .copied()
        .unwrap_or(DEFAULT_S2 * CHI2_1_MEDIAN);
    let mut v1 = (med / CHI2_1_MEDIAN).clamp(0.5, 100.0);
    let mut v2 = v1 * WIDE_FACTOR;
    let mut w = DEFAULT_WIDE_WEIGHT;
    let norm = |x2: f64, v: f64| (-0.5 * x2 / v).exp() / (2.0 * std::f64::consts::PI * v).sqrt();
    for _ in 0..50 {
        let (mut n1, mut s1, mut n2, mut s2) = (0.0, 0.0, 0.0, 0.0);
        for &x2 in &sq {
            let a = (1.0 - w) * norm(x2, v1);
            let b = w * norm(x2, v2);
            let t = a + b;
            let g = if t > 0.0 { b / t } else { 1.0 };
            n1 += 1.0 - g;
            s1 += (1.0 - g) * x2;
            n2 += g;
            s2 += g * x2;
        }
        let total = n1 + n2;
        if total <= 0.0 || n1 <= 0.0 {
            break;
        }
        v1 = (s1 / n1).clamp(0.5, 100.0);
        v2 = if n2 > 1e-9 {
            (s2 / n2).max(v1 * 2.0)
        } else {
            v1 * WIDE_FACTOR
        };
        w = (n2 / total).clamp(0.01, 0.5);
    }
    (v1, v2.min(v1 * 200.0), w)
}

impl Params {
    /// Parameters before any alignment. The length ratio is the ratio of the
    /// two sides' total lengths, shrunk towards `default_ratio` (the usual
    /// ratio of the language pair) with a weight of [`RATIO_PSEUDO_CHARS`]
    /// source characters, so short documents get a sane value.
    pub fn initial(src: &Side, tgt: &Side, beads: &[(usize, usize)], default_ratio: f64) -> Params {
        let ls = src.lens.iter().sum::<usize>() as f64;
        let lt = tgt.lens.iter().sum::<usize>() as f64;
        let c = (lt + RATIO_PSEUDO_CHARS * default_ratio) / (ls + RATIO_PSEUDO_CHARS);
        Params {
            length: LengthModel {
                c: c.clamp(0.2, 5.0),
                v1: DEFAULT_S2,
                v2: DEFAULT_S2 * WIDE_FACTOR,
                w: DEFAULT_WIDE_WEIGHT,
            },
            prior: beads.iter().map(|&(a, b)| default_prior(a, b)).collect(),
            class_p: CLASSES.map(default_p),
        }
    }

    /// Re-estimates the length model from the confident 1-1 links (source,
    /// target) of a pass.
    pub fn reestimate_length(&mut self, src: &Side, tgt: &Side, confident: &[(usize, usize)]) {
        let pairs: Vec<(f64, f64)> = confident
            .iter()
            .filter_map(|&(i, j)| {
                let l1 = *src.lens.get(i)? as f64;
                let l2 = *tgt.lens.get(j)? as f64;
                (l1 > 0.0 && l2 > 0.0).then_some((l1, l2))
            })
            .collect();
        if pairs.len() >= MIN_LINKS {
            let s1: f64 = pairs.iter().map(|x| x.0).sum();
            let s2: f64 = pairs.iter().map(|x| x.1).sum();
            let c = (s2 / s1).clamp(0.2, 5.0);
            let m0 = LengthModel { c, ..self.length };
            let r: Vec<f64> = pairs.iter().map(|&(l1, l2)| m0.residual(l1, l2)).collect();
            let (v1, v2, w) = fit_mixture(&r);
            self.length = LengthModel { c, v1, v2, w };
        }
    }

    /// Re-estimates the bead-type priors (for the types `beads`) from the
    /// bead counts of `out` (whose types may be of another bead set),
    /// smoothed towards Gale & Church's values with `prior_strength`
    /// pseudo-beads.
    pub fn reestimate_priors(
        &mut self,
        out: &DpOut,
        beads: &[(usize, usize)],
        prior_strength: f64,
    ) {
        let mut counts = vec![0f64; beads.len()];
        for s in &out.path {
            // A bead of a type outside `beads` (a 2-1 bead when the
            // document turned out segment-parallel) counts for no type.
            if let Some(k) = beads.iter().position(|&b| b == (s.a, s.b))
                && let Some(c) = counts.get_mut(k)
            {
                *c += 1.0;
            }
        }
        let total: f64 = counts.iter().sum();
        self.prior = beads
            .iter()
            .zip(counts.iter())
            .map(|(&(a, b), &c)| {
                (c + prior_strength * default_prior(a, b)) / (total + prior_strength)
            })
            .collect();
    }
}

/// Default `p` of every type of one side from its class.
#[allow(
    clippy::indexing_slicing,
    reason = "a Class is below N_CLASSES, the length of class_p"
)]
pub(crate) fn class_type_p(classes: &[Option<Class>], class_p: &[f64; N_CLASSES]) -> Vec<f64> {
    classes
        .iter()
        // A type without a class (a number, punctuation) has p 0.
        .map(|c| c.map_or(0.0, |c| class_p[c as usize]))
        .collect()
}

/// Estimates `p` per class and per type of one side from aligned sentence
/// pairs `(this side, other side)`. Returns `(class p, type p)`.
#[allow(
    clippy::indexing_slicing,
    reason = "a Class is below N_CLASSES, the length of cp"
)]
pub(crate) fn estimate_p(
    this: &Side,
    other: &Side,
    partners: &[Vec<u32>],
    classes: &[Option<Class>],
    pairs: &[(usize, usize)],
    prior: &[f64; N_CLASSES],
    smoothing: f64,
) -> ([f64; N_CLASSES], Vec<f64>) {
    let nt = this.vocab.len();
    let mut hit = vec![0u32; nt];
    let mut tot = vec![0u32; nt];
    let mut class_hit = [0f64; N_CLASSES];
    let mut class_tot = [0f64; N_CLASSES];
    for &(i, j) in pairs {
        let (Some(s), Some(o)) = (this.sents.get(i), other.sents.get(j)) else {
            continue;
        };
        for &u in s {
            let ps = partners.get(u as usize).map_or(&[][..], Vec::as_slice);
            if ps.is_empty() {
                continue;
            }
            let matched = ps.iter().any(|t| o.binary_search(t).is_ok());
            if let Some(x) = tot.get_mut(u as usize) {
                *x += 1;
            }
            if matched && let Some(x) = hit.get_mut(u as usize) {
                *x += 1;
            }
            if let Some(c) = classes.get(u as usize).copied().flatten() {
                if let Some(x) = class_tot.get_mut(c as usize) {
                    *x += 1.0;
                }
                if matched && let Some(x) = class_hit.get_mut(c as usize) {
                    *x += 1.0;
                }
            }
        }
    }
    let mut cp = *prior;
    for ((x, h), t) in cp.iter_mut().zip(class_hit).zip(class_tot) {
        *x = (h + 10.0 * *x) / (t + 10.0);
    }
    debug_assert_eq!(classes.len(), nt, "a class (or none) per type");
    let tp = classes
        .iter()
        .zip(hit.iter().zip(&tot))
        .map(|(c, (&h, &t))| {
            // A type without a class has p 0.
            let Some(c) = *c else {
                return 0.0;
            };
            let base = cp[c as usize];
            (f64::from(h) + smoothing * base) / (f64::from(t) + smoothing)
        })
        .collect();
    (cp, tp)
}

/// Adds learnt lexicon pairs to `rel`.
pub(crate) fn add_lexicon(rel: &mut Relation, pairs: &[(u32, u32)]) {
    for &(s, t) in pairs {
        rel.add(s, t, Class::Lexicon);
    }
}
