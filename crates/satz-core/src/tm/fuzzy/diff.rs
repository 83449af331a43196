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
    diff_split((source, &tokenize(source)), (query, &tokenize(query)))
}

/// [`diff`] with the source's and the query's tokens split already (their
/// [`tokenize`]), so a caller that has them does not split them again.
#[allow(
    clippy::indexing_slicing,
    reason = "lcs has (n+1)×(m+1) cells, read at (i, j) with i ≤ n, j ≤ m; st[i] and qt[j] are read only when i < n, j < m"
)]
pub(crate) fn diff_split(
    (source, source_tokens): (&str, &[Token]),
    (query, query_tokens): (&str, &[Token]),
) -> Vec<Piece> {
    if source == query {
        return same(query, &reuse(query, query_tokens));
    }
    let s = reuse(source, source_tokens);
    let q = reuse(query, query_tokens);
    let st: Vec<&str> = s.iter().map(|t| t.text(source)).collect();
    let qt: Vec<&str> = q.iter().map(|t| t.text(query)).collect();
    let (n, m) = (st.len(), qt.len());
    // lcs[i * w + j]: LCS length of st[i..] and qt[j..], one row of `w`
    // cells per source token and one more.
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if st[i] == qt[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && st[i] == qt[j] {
            push(&mut out, Kind::Same, [gap(&s, source, i), st[i]]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
            push(&mut out, Kind::Removed, [gap(&s, source, i), st[i]]);
            i += 1;
        } else {
            push(&mut out, Kind::Added, [gap(&q, query, j), qt[j]]);
            j += 1;
        }
    }
    out
}

/// The diff of a text with itself: one piece up to the end of its last
/// token (what the general diff gives: every token the same, each with the
/// spacing before it), none for a text without tokens.
fn same(text: &str, tokens: &[Token]) -> Vec<Piece> {
    match tokens.last().and_then(|t| text.get(..t.end)) {
        Some(all) => vec![Piece::Same(all.to_owned())],
        None => Vec::new(),
    }
}

/// The whitespace before token `k` of `text` (so pieces keep the spacing).
#[allow(
    clippy::indexing_slicing,
    reason = "k < toks.len() (diff calls it for a token it pushes), and token ends are char boundaries of the text they came from"
)]
fn gap<'a>(toks: &[Token], text: &'a str, k: usize) -> &'a str {
    let start = if k == 0 { 0 } else { toks[k - 1].end };
    &text[start..toks[k].start]
}

/// The kinds of [`Piece`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Same,
    Removed,
    Added,
}

/// Appends `parts` to the last piece when it is of `kind`, else as a new
/// piece: runs of one kind are one piece.
fn push(out: &mut Vec<Piece>, kind: Kind, parts: [&str; 2]) {
    let last = match (out.last_mut(), kind) {
        (Some(Piece::Same(a)), Kind::Same)
        | (Some(Piece::Removed(a)), Kind::Removed)
        | (Some(Piece::Added(a)), Kind::Added) => Some(a),
        _ => None,
    };
    match last {
        Some(a) => parts.iter().for_each(|p| a.push_str(p)),
        None => {
            let text = parts.concat();
            out.push(match kind {
                Kind::Same => Piece::Same(text),
                Kind::Removed => Piece::Removed(text),
                Kind::Added => Piece::Added(text),
            });
        }
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
            proptest::prop_assert_eq!(diff_split((&s, &tokenize(&s)), (&q, &tokenize(&q))), diff(&s, &q));
            let _ = diff_split((&s, &tokenize(&q)), (&q, &tokenize(&s)));
        }

        /// A text diffed with itself is what the general diff gives.
        #[test]
        fn a_text_with_itself_is_the_general_diff(q in "\\PC{0,40}") {
            let tokens = tokenize(&q);
            // What the LCS walk gives when every token is the same.
            let general = {
                let mut out = Vec::new();
                for (k, t) in tokens.iter().enumerate() {
                    push(&mut out, Kind::Same, [gap(&tokens, &q, k), t.text(&q)]);
                }
                out
            };
            proptest::prop_assert_eq!(diff_split((&q, &tokens), (&q, &tokens)), general);
        }
    }
}
