//! `satz align --fix FILE`: the links of an edited `--format tsv` output
//! are kept as they are, and only the sentences between them are aligned
//! anew.

use std::path::Path;

use super::align::run_aligner;
use super::input::Sentences;
use crate::align::{AlignOptions, Link};
use crate::error::{Error, Location, Result};
use crate::fsx;
use crate::text::fold_whitespace;

/// Keeps the links of an edited TSV and aligns the sentences between them.
pub(super) fn fixed(
    src: &Sentences,
    tgt: &Sentences,
    fix: &Path,
    opts: &AlignOptions,
) -> Result<Vec<Link>> {
    let text = fsx::read_text(fix)?;
    let mut out = Vec::new();
    let (mut ps, mut pt) = (0, 0);
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (Some(score), Some(de), Some(en)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(Error::input(
                Location::line(fix, n + 1),
                "expected score<TAB>german<TAB>english, as `--format tsv` writes",
            ));
        };
        // The score column is a number, or any word such as `ok` for a link
        // the translator confirmed (--help says so): 1.0.
        let score = score
            .trim()
            .parse::<f64>()
            .map_or(1.0, |s| s.clamp(0.0, 1.0));
        let (ks, ls) = find_run(&src.texts, ps, de).ok_or_else(|| {
            Error::input(
                Location::line(fix, n + 1),
                "the German text is not a run of sentences of the German file after the previous line",
            )
        })?;
        let (kt, lt) = find_run(&tgt.texts, pt, en).ok_or_else(|| {
            Error::input(
                Location::line(fix, n + 1),
                "the English text is not a run of sentences of the English file after the previous line",
            )
        })?;
        if ks > ps || kt > pt {
            out.extend(run_aligner(src, tgt, ps..ks, pt..kt, opts));
        }
        out.push(Link::new(
            (ks..ks + ls).collect(),
            (kt..kt + lt).collect(),
            score,
        ));
        (ps, pt) = (ks + ls, kt + lt);
    }
    if ps < src.texts.len() || pt < tgt.texts.len() {
        out.extend(run_aligner(
            src,
            tgt,
            ps..src.texts.len(),
            pt..tgt.texts.len(),
            opts,
        ));
    }
    Ok(out)
}

/// Finds consecutive sentences, starting at or after `from`, whose text
/// joined by spaces equals `text` (whitespace folded). An empty text is an
/// empty run at `from`. Returns (start, length).
fn find_run(sentences: &[String], from: usize, text: &str) -> Option<(usize, usize)> {
    let want = fold_whitespace(text);
    if want.is_empty() {
        return Some((from, 0));
    }
    for start in from..sentences.len() {
        let mut joined = String::new();
        for (len, s) in sentences.iter().skip(start).enumerate() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&fold_whitespace(s));
            if joined == want {
                return Some((start, len + 1));
            }
            if joined.len() >= want.len() || !want.starts_with(&joined) {
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_found_after_the_previous_line() {
        let s: Vec<String> = ["A b.", "C d.", "E f."]
            .iter()
            .map(|x| (*x).to_owned())
            .collect();
        assert_eq!(find_run(&s, 0, "C d.  E f."), Some((1, 2)));
        assert_eq!(find_run(&s, 2, "C d."), None);
        assert_eq!(find_run(&s, 1, ""), Some((1, 0)));
        assert_eq!(find_run(&s, 0, "A b. X"), None);
    }
}
