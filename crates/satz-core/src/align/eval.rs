//! Evaluation against gold alignments in Vecalign's bead format
//! (`[0]:[0]`, `[9, 10]:[9]`, `[]:[15]`).
//!
//! * Strict: a predicted bead is correct only if the gold has the identical
//!   bead; precision is over predicted beads, recall over gold beads.
//! * Lax: precision and recall over the sets of (source, target) sentence pairs
//!   that the beads link (the Cartesian product of each bead's sides), so
//!   1-0 and 0-1 beads contribute nothing.
//! * [`vecalign_scores`] reproduces Vecalign's `score.py` (Thompson & Koehn
//!   2019) for comparison with published figures: strict precision over all
//!   predicted beads, recall over non-deletion beads, lax counting a bead as
//!   correct when it links at least one gold pair.

use std::collections::HashSet;

use super::Link;

/// A bead: 0-based source and target sentence indices.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bead {
    /// Source sentence indices.
    pub source: Vec<usize>,
    /// Target sentence indices.
    pub target: Vec<usize>,
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Correct predictions (numerator of precision).
    pub correct: usize,
    /// Number of predictions.
    pub predicted: usize,
    /// Gold items found (numerator of recall; equals `correct` except for
    /// Vecalign's asymmetric counting).
    pub recalled: usize,
    /// Number of gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    /// Recall (1 when the gold is empty).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.recalled as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Sum of the counts (micro-averaging).
    pub fn add(&self, o: &Prf) -> Prf {
        Prf {
            correct: self.correct + o.correct,
            predicted: self.predicted + o.predicted,
            recalled: self.recalled + o.recalled,
            gold: self.gold + o.gold,
        }
    }
}

fn parse_list(s: &str) -> Result<Vec<usize>, String> {
    let s = s.trim();
    let inner = s
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .ok_or_else(|| format!("not a list: {s:?}"))?;
    inner
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(|x| {
            x.parse::<usize>()
                .map_err(|e| format!("bad index {x:?}: {e}"))
        })
        .collect()
}

/// Parses a gold file: one `[src, ...]:[tgt, ...]` bead per line; blank lines are skipped.
pub fn parse_gold(text: &str) -> Result<Vec<Bead>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (s, t) = line
            .split_once("]:[")
            .map(|(a, b)| (format!("{a}]"), format!("[{b}")))
            .ok_or_else(|| format!("line {}: no ']:[' in {line:?}", n + 1))?;
        out.push(Bead {
            source: parse_list(&s).map_err(|e| format!("line {}: {e}", n + 1))?,
            target: parse_list(&t).map_err(|e| format!("line {}: {e}", n + 1))?,
        });
    }
    Ok(out)
}

/// Beads of an alignment.
pub fn beads_from_links(links: &[Link]) -> Vec<Bead> {
    links
        .iter()
        .map(|l| Bead {
            source: l.source.clone(),
            target: l.target.clone(),
        })
        .collect()
}

/// Strict bead-level counts.
pub fn strict(pred: &[Bead], gold: &[Bead]) -> Prf {
    let g: HashSet<&Bead> = gold.iter().collect();
    let correct = pred.iter().filter(|b| g.contains(b)).count();
    Prf {
        correct,
        predicted: pred.len(),
        recalled: correct,
        gold: gold.len(),
    }
}

fn pairs(beads: &[Bead]) -> HashSet<(usize, usize)> {
    let mut s = HashSet::new();
    for b in beads {
        for &i in &b.source {
            for &j in &b.target {
                s.insert((i, j));
            }
        }
    }
    s
}

/// Lax counts over linked sentence pairs.
pub fn lax(pred: &[Bead], gold: &[Bead]) -> Prf {
    let p = pairs(pred);
    let g = pairs(gold);
    let correct = p.intersection(&g).count();
    Prf {
        correct,
        predicted: p.len(),
        recalled: correct,
        gold: g.len(),
    }
}

/// Vecalign's `score.py` counts: `(strict, lax)`.
pub fn vecalign_scores(pred: &[Bead], gold: &[Bead]) -> (Prf, Prf) {
    fn precision(test: &[&Bead], gold: &[&Bead]) -> (usize, usize, usize) {
        let gset: HashSet<&Bead> = gold.iter().copied().collect();
        let gp = pairs(&gold.iter().map(|b| (*b).clone()).collect::<Vec<_>>());
        let (mut ts, mut tl, mut n) = (0, 0, 0);
        let mut seen = HashSet::new();
        for b in test {
            if (b.source.is_empty() && b.target.is_empty()) || !seen.insert(*b) {
                continue;
            }
            n += 1;
            if gset.contains(b) {
                ts += 1;
                tl += 1;
            } else if b
                .source
                .iter()
                .any(|&i| b.target.iter().any(|&j| gp.contains(&(i, j))))
            {
                tl += 1;
            }
        }
        (ts, tl, n)
    }
    let pr: Vec<&Bead> = pred.iter().collect();
    let gd: Vec<&Bead> = gold.iter().collect();
    let (ps, pl, pn) = precision(&pr, &gd);
    let pr_nd: Vec<&Bead> = pred
        .iter()
        .filter(|b| !b.source.is_empty() && !b.target.is_empty())
        .collect();
    let gd_nd: Vec<&Bead> = gold
        .iter()
        .filter(|b| !b.source.is_empty() && !b.target.is_empty())
        .collect();
    let (rs, rl, rn) = precision(&gd_nd, &pr_nd);
    let strict = Prf {
        correct: ps,
        predicted: pn,
        recalled: rs,
        gold: rn,
    };
    let lax = Prf {
        correct: pl,
        predicted: pn,
        recalled: rl,
        gold: rn,
    };
    (strict, lax)
}

/// Precision of links split by confidence: `(correct, total)` for links with
/// `score >= threshold` and for the rest, judged strictly against `gold`.
pub fn calibration(
    links: &[Link],
    gold: &[Bead],
    threshold: f64,
) -> ((usize, usize), (usize, usize)) {
    let g: HashSet<&Bead> = gold.iter().collect();
    let mut hi = (0, 0);
    let mut lo = (0, 0);
    for l in links {
        let b = Bead {
            source: l.source.clone(),
            target: l.target.clone(),
        };
        let ok = usize::from(g.contains(&b));
        let slot = if l.score >= threshold {
            &mut hi
        } else {
            &mut lo
        };
        slot.0 += ok;
        slot.1 += 1;
    }
    (hi, lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_vecalign_format() {
        let g = parse_gold("[0]:[0]\n[9, 10]:[9]\n[]:[15]\n[7]:[]\n").unwrap();
        assert_eq!(g.len(), 4);
        assert_eq!(g[1].source, vec![9, 10]);
        assert!(g[2].source.is_empty());
        assert!(g[3].target.is_empty());
        assert!(parse_gold("[0]:0").is_err());
    }

    #[test]
    fn strict_and_lax() {
        let gold = parse_gold("[0]:[0]\n[1, 2]:[1]\n[]:[2]").unwrap();
        let pred = parse_gold("[0]:[0]\n[1]:[1]\n[2]:[2]").unwrap();
        let s = strict(&pred, &gold);
        assert_eq!((s.correct, s.predicted, s.gold), (1, 3, 3));
        let l = lax(&pred, &gold);
        // pred pairs {00,11,22}, gold pairs {00,11,21}
        assert_eq!((l.correct, l.predicted, l.gold), (2, 3, 3));
        assert!((s.f1() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn vecalign_strict_matches_hand_count() {
        let gold = parse_gold("[0]:[0]\n[1, 2]:[1]\n[]:[2]").unwrap();
        let pred = parse_gold("[0]:[0]\n[1]:[1]\n[2]:[2]").unwrap();
        let (s, l) = vecalign_scores(&pred, &gold);
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.recall() - 1.0 / 2.0).abs() < 1e-9);
        assert!((l.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((l.recall() - 1.0).abs() < 1e-9);
    }
}
