//! The word diff shown with a match: which tokens of the memory's source
//! the query does not have, and which query tokens the source lacks.

use crate::text::tokenize::{Token, reuse, tokenize};

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
    diff_split(source, query, &tokenize(query))
}

/// [`diff`] with the query's tokens split already (its [`tokenize`]), so a
/// caller that has them does not split the query again.
#[allow(
    clippy::indexing_slicing,
    reason = "lcs is (n+1)×(m+1) and the loops keep i ≤ n, j ≤ m; st[i] and qt[j] are read only when i < n, j < m"
)]
pub(crate) fn diff_split(source: &str, query: &str, query_tokens: &[Token]) -> Vec<Piece> {
    let s = tokenize(source);
    let q = reuse(query, query_tokens);
    let st: Vec<&str> = s.iter().map(|t| t.text(source)).collect();
    let qt: Vec<&str> = q.iter().map(|t| t.text(query)).collect();
    let (n, m) = (st.len(), qt.len());
    // lcs[i][j]: LCS length of st[i..] and qt[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if st[i] == qt[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && st[i] == qt[j] {
            push(&mut out, Piece::Same(gap(&s, source, i) + st[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            push(&mut out, Piece::Removed(gap(&s, source, i) + st[i]));
            i += 1;
        } else {
            push(&mut out, Piece::Added(gap(&q, query, j) + qt[j]));
            j += 1;
        }
    }
    out
}

/// The whitespace before token `k` of `text` (so pieces keep the spacing).
#[allow(
    clippy::indexing_slicing,
    reason = "k < toks.len() (diff calls it for a token it pushes), and token ends are char boundaries of the text they came from"
)]
fn gap(toks: &[Token], text: &str, k: usize) -> String {
    let start = if k == 0 { 0 } else { toks[k - 1].end };
    text[start..toks[k].start].to_owned()
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
    // `trimmed` is a suffix of `t`, so the split is on a char boundary.
    let (space, trimmed) = t.split_at(t.len() - t.trim_start().len());
    out.push_str(space);
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

    proptest::proptest! {
        /// The query's tokens handed in give what splitting it again gives;
        /// another text's tokens never panic.
        #[test]
        fn diffing_with_the_query_split_once_is_diffing(s in "\\PC{0,30}", q in "\\PC{0,30}") {
            proptest::prop_assert_eq!(diff_split(&s, &q, &tokenize(&q)), diff(&s, &q));
            let _ = diff_split(&s, &q, &tokenize(&s));
        }
    }
}
