//! The word diff shown with a match: which tokens of the memory's source
//! the query does not have, and which query tokens the source lacks.

use crate::text::tokenize::tokenize;

/// One piece of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// In both.
    Same(String),
    /// Only in the memory's source (to be removed from the translation).
    Removed(String),
    /// Only in the query (new text to translate).
    Added(String),
}

/// Diffs the memory's `source` against the `query`, token by token (longest
/// common subsequence), keeping the source's spacing.
pub fn diff(source: &str, query: &str) -> Vec<Piece> {
    let s = tokenize(source);
    let q = tokenize(query);
    let st: Vec<&str> = s.iter().map(|t| t.text(source)).collect();
    let qt: Vec<&str> = q.iter().map(|t| t.text(query)).collect();
    let (n, m) = (st.len(), qt.len());
    // lcs[i][j]: LCS length of st[i..] and qt[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let v = if st.get(i) == qt.get(j) {
                lcs.get(i + 1)
                    .and_then(|r| r.get(j + 1))
                    .copied()
                    .unwrap_or(0)
                    + 1
            } else {
                let a = lcs.get(i + 1).and_then(|r| r.get(j)).copied().unwrap_or(0);
                let b = lcs.get(i).and_then(|r| r.get(j + 1)).copied().unwrap_or(0);
                a.max(b)
            };
            if let Some(c) = lcs.get_mut(i).and_then(|r| r.get_mut(j)) {
                *c = v;
            }
        }
    }
    let at = |i: usize, j: usize| lcs.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0);
    let mut out: Vec<Piece> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let gap = |toks: &[crate::text::tokenize::Token], text: &str, k: usize| -> String {
        // The whitespace before token k, so pieces keep the spacing.
        let start = if k == 0 {
            0
        } else {
            toks.get(k - 1).map_or(0, |t| t.end)
        };
        let end = toks.get(k).map_or(start, |t| t.start);
        text.get(start..end).unwrap_or_default().to_owned()
    };
    while i < n || j < m {
        if i < n && j < m && st.get(i) == qt.get(j) {
            push(
                &mut out,
                Piece::Same(gap(&s, source, i) + st.get(i).copied().unwrap_or_default()),
            );
            i += 1;
            j += 1;
        } else if i < n && (j == m || at(i + 1, j) >= at(i, j + 1)) {
            push(
                &mut out,
                Piece::Removed(gap(&s, source, i) + st.get(i).copied().unwrap_or_default()),
            );
            i += 1;
        } else {
            push(
                &mut out,
                Piece::Added(gap(&q, query, j) + qt.get(j).copied().unwrap_or_default()),
            );
            j += 1;
        }
    }
    out
}

fn push(out: &mut Vec<Piece>, piece: Piece) {
    match (out.last_mut(), piece) {
        (Some(Piece::Same(a)), Piece::Same(b))
        | (Some(Piece::Removed(a)), Piece::Removed(b))
        | (Some(Piece::Added(a)), Piece::Added(b)) => a.push_str(&b),
        (_, p) => out.push(p),
    }
}

/// The diff as text with `[-removed-]` and `{+added+}` marks (wdiff style).
pub fn marked(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Same(t) => out.push_str(t),
            Piece::Removed(t) => mark(&mut out, t, "[-", "-]"),
            Piece::Added(t) => mark(&mut out, t, "{+", "+}"),
        }
    }
    out
}

fn mark(out: &mut String, t: &str, open: &str, close: &str) {
    let trimmed = t.trim_start();
    out.push_str(t.get(..t.len() - trimmed.len()).unwrap_or_default());
    out.push_str(open);
    out.push_str(trimmed);
    out.push_str(close);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_what_changed() {
        let d = diff(
            "Nordkorea hat 20'000 Container geschickt.",
            "Nordkorea hat 30'000 Container mit Munition geschickt.",
        );
        assert_eq!(
            marked(&d),
            "Nordkorea hat [-20'000-] {+30'000+} Container {+mit Munition+} geschickt."
        );
    }

    #[test]
    fn identical_texts_are_one_piece() {
        assert_eq!(diff("a b.", "a b."), [Piece::Same("a b.".into())]);
        assert!(diff("", "").is_empty());
    }
}
