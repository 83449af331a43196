//! What the two consistency checks share: grouping pairs by one side and
//! reporting the later pairs whose other side differs from the first.

use std::collections::HashMap;

use super::{Code, Finding, Pair, Severity, clip, finding};
use crate::text::words::has_letter;
use crate::text::{fold_case, fold_whitespace};

/// The comparison form of a segment: whitespace and case folded.
pub(super) fn fold(text: &str) -> String {
    fold_case(&fold_whitespace(text))
}

/// Groups `pairs` by `key_side`; every later pair whose `other_side`
/// (folded) differs from the first pair of its group gets a finding.
/// Segments with no letters on either side and empty sides are skipped.
/// Returns (pair index, finding).
pub(super) fn differing<'a>(
    pairs: &[Pair<'a>],
    key_side: fn(&Pair<'a>) -> &'a str,
    other_side: fn(&Pair<'a>) -> &'a str,
    code: Code,
    describe: fn(&Pair<'_>, &str) -> String,
) -> Vec<(usize, Finding)> {
    let mut first: HashMap<String, (usize, String)> = HashMap::new();
    let mut out = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        let (k, o) = (key_side(p), other_side(p));
        if !has_letter(k) || !has_letter(o) {
            continue;
        }
        let (kf, of) = (fold(k), fold(o));
        match first.get(&kf) {
            None => {
                first.insert(kf, (i, of));
            }
            Some((j, first_other)) if *first_other != of => {
                if let Some(ref_pair) = pairs.get(*j) {
                    let message = describe(ref_pair, &clip(other_side(ref_pair), 80));
                    out.push((
                        i,
                        finding(p, code, Severity::Warning, message, Vec::new(), Vec::new())
                            .because("the same text on one side, different text on the other; different contexts may need both")
                            .involving(ref_pair.id.clone()),
                    ));
                }
            }
            Some(_) => {}
        }
    }
    out
}
