//! What follows a candidate sentence boundary: the first character, any
//! opening quote or bracket, the first word, and whether the token there is
//! an emoticon, a web address or a byline. The scanner decides a boundary
//! from this and the token before it.

use super::chars::{char_at, is_dash, is_opener, is_quote, starts_sentence_letter};

/// Emoticons that end a sentence when a capitalised word follows them.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":))", ":-))", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":-p",
    ";P", ";-P", ";p", ";-p", ":o", ":O", ":-O", ":/", ":-/", ":|", ":-|", "=)", "=(", "=D", ":'(",
    ":*", ";D", ":-*",
];

/// The start of the text after a candidate boundary.
#[derive(Debug, Clone, Copy)]
pub(super) struct Next<'a> {
    /// First non-whitespace character.
    pub(super) first: char,
    /// An opening quote or bracket came before the word.
    pub(super) opener: bool,
    /// An opening quote (not a bracket) came before the word.
    pub(super) quote: bool,
    /// The first run of letters and digits (possibly empty).
    pub(super) word: &'a str,
    /// The token at the start is an emoticon.
    pub(super) emoticon: bool,
    /// The token at the start is a web address (starts a sentence like a
    /// capitalised word).
    pub(super) url: bool,
    /// A round or square bracket opens what follows (`(sda)`, `[Update]`).
    pub(super) bracket: bool,
    /// What follows is the paragraph's last token and looks like a byline
    /// or agency credit: lowercase letters, at most four per part, parts
    /// joined by `/` (`lb`, `sda`, `dpa/lb`).
    pub(super) byline: bool,
}

impl<'a> Next<'a> {
    /// Reads what follows at byte `n` (a non-whitespace position).
    pub(super) fn read(p: &'a str, n: usize) -> Option<Next<'a>> {
        let first = char_at(p, n)?;
        let mut pos = n;
        let mut opener = false;
        let quote = is_quote(first);
        let mut dash = false;
        let mut steps = 0;
        while let Some(c) = char_at(p, pos) {
            steps += 1;
            if steps > 8 {
                break;
            }
            if is_opener(c) {
                opener = true;
            } else if is_dash(c) {
                dash = true;
            } else if !(dash && c.is_whitespace() && c != '\n') {
                break;
            }
            pos += c.len_utf8();
        }
        // `n` is the position of `first` and `pos` moved on from it char by
        // char, so both are char boundaries of `p`.
        let (_, rest) = p.split_at(pos);
        let wlen = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(i, _)| i);
        let (word, _) = rest.split_at(wlen);
        let (_, tail) = p.split_at(n);
        // No whitespace after it: the token runs to the end of the paragraph.
        let tok_len = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let (token, after) = tail.split_at(tok_len);
        let emoticon = is_emoticon(token);
        let url = is_url(token);
        let bracket = matches!(first, '(' | '[');
        let byline = after.trim().is_empty() && is_byline(token);
        Some(Next {
            first,
            opener,
            quote,
            word,
            emoticon,
            url,
            bracket,
            byline,
        })
    }

    pub(super) fn word_first(&self) -> Option<char> {
        self.word.chars().next()
    }

    /// Brand names like "iPhone", "eBay" start sentences like capitals.
    pub(super) fn camel(&self) -> bool {
        let mut chars = self.word.chars();
        chars.next().is_some_and(char::is_lowercase) && chars.take(2).any(char::is_uppercase)
    }

    pub(super) fn lower(&self) -> bool {
        !self.url && !self.camel() && self.word_first().is_some_and(char::is_lowercase)
    }

    /// A lowercase word that continues the sentence: not one in brackets
    /// (a bracketed aside or agency credit after a sentence end, `(sda)`,
    /// starts a new one even in German).
    pub(super) fn continues(&self) -> bool {
        self.lower() && !self.bracket
    }

    pub(super) fn upper(&self) -> bool {
        self.url || self.camel() || self.word_first().is_some_and(starts_sentence_letter)
    }

    pub(super) fn digit(&self) -> bool {
        self.word_first().is_some_and(char::is_numeric)
    }
}

/// Whether `tok` is an emoticon (also with a repeated last character, ":)))").
pub(super) fn is_emoticon(tok: &str) -> bool {
    if !tok.starts_with([':', ';', '=']) {
        return false;
    }
    EMOTICONS
        .iter()
        .any(|e| match (tok.strip_prefix(e), e.chars().next_back()) {
            (Some(rest), Some(last)) => rest.chars().all(|c| c == last),
            _ => false,
        })
}

/// Whether `tok` looks like a byline or agency credit (see [`Next`]).
fn is_byline(tok: &str) -> bool {
    tok.len() <= 12
        && tok.split('/').all(|part| {
            (1..=4).contains(&part.chars().count()) && part.chars().all(char::is_lowercase)
        })
}

/// Whether `tok` starts like a web address.
fn is_url(tok: &str) -> bool {
    let t = tok.trim_start_matches(|c: char| is_opener(c) || c == '<');
    ["http://", "https://", "www.", "ftp://"].iter().any(|pre| {
        t.get(..pre.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(pre))
    })
}
