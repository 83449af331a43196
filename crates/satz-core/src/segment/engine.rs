//! The scanner: one left-to-right pass over a paragraph that stops only at
//! sentence-final punctuation, emoticons and line breaks, and decides each
//! candidate from the token before it and the word after it.

use super::chars::{
    char_at, char_before, has_newline, is_closer, is_dash, is_opener, is_terminator, prev_token,
    skip_ws, token_start,
};
use super::lexicon::{AbbrevKind, Lexicon};
use super::next::{Next, is_emoticon};
use super::shapes::{is_dotted_abbrev, is_roman, strip_openers};
use super::{Lang, Sentence};

/// What kind of punctuation ended the candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A single period.
    Period,
    /// "..." or "…" without ! or ?.
    Ellipsis,
    /// Contains ! or ?.
    Strong,
}

/// Scratch buffers reused across candidates of one `split` call.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    cand: String,
    alt: String,
}

/// State of the scan over one paragraph.
struct Para<'a, 'o> {
    p: &'a str,
    base: usize,
    index: usize,
    cur: usize,
    out: &'o mut Vec<Sentence>,
}

impl Para<'_, '_> {
    /// Ends the current sentence at relative byte `end` (trimmed on push).
    fn push(&mut self, end: usize) {
        if end <= self.cur {
            return;
        }
        if let Some(s) = self.p.get(self.cur..end) {
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            if !t.is_empty() {
                let start = self.base + self.cur + lead;
                self.out.push(Sentence {
                    start,
                    end: start + t.len(),
                    paragraph: self.index,
                });
            }
        }
        self.cur = end;
    }

    /// Trimmed start of the current sentence.
    fn sentence_start(&self) -> usize {
        skip_ws(self.p, self.cur)
    }
}

/// Splits paragraph `p` (at byte `base` of the input, paragraph number
/// `index`) and appends its sentences to `out`.
pub(crate) fn segment_paragraph(
    lex: &Lexicon,
    lang: Lang,
    p: &str,
    base: usize,
    index: usize,
    out: &mut Vec<Sentence>,
    scratch: &mut Scratch,
) {
    let wrapped = is_wrapped(p);
    let mut st = Para {
        p,
        base,
        index,
        cur: 0,
        out,
    };
    let bytes = p.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i = match b {
            b'.' | b'!' | b'?' | 0xE2 => match char_at(p, i) {
                Some(c) if is_terminator(c) => terminator(lex, lang, &mut st, i, scratch),
                _ => i + 1,
            },
            b'\n' | b'\r' => {
                if !wrapped {
                    line_break(lex, &mut st, i);
                }
                i + 1
            }
            b':' | b';' | b'=' => emoticon(&mut st, i),
            _ => i + 1,
        };
    }
    st.push(p.len());
}

/// Hard-wrapped paragraph: some line continues with a lowercase word after a
/// line without final punctuation. Then single line breaks are plain spaces.
fn is_wrapped(p: &str) -> bool {
    let mut from = 0;
    while let Some(off) = p.get(from..).and_then(|t| t.find('\n')) {
        let nl = from + off;
        // A line break at the start or end of the paragraph has nothing
        // before or after it: taken as a finished line and a capital.
        let prev = p
            .get(..nl)
            .and_then(|t| t.trim_end().chars().next_back())
            .unwrap_or('.');
        let next = p
            .get(nl + 1..)
            .and_then(|t| t.trim_start().chars().next())
            .unwrap_or('A');
        if next.is_lowercase() && !is_terminator(prev) {
            return true;
        }
        from = nl + 1;
    }
    false
}

/// Handles terminal punctuation starting at byte `i`; returns where to go on.
fn terminator(lex: &Lexicon, lang: Lang, st: &mut Para, i: usize, scratch: &mut Scratch) -> usize {
    let p = st.p;
    let mut j = i;
    let mut dots = 0;
    let mut ellipsis = false;
    let mut strong = false;
    while let Some(c) = char_at(p, j) {
        match c {
            '.' => dots += 1,
            '…' => ellipsis = true,
            c if is_terminator(c) => strong = true,
            _ => break,
        }
        j += c.len_utf8();
    }
    ellipsis |= dots >= 2;
    let mut k = j;
    let mut closed = false;
    while let Some(c) = char_at(p, k) {
        if is_closer(c) {
            closed = true;
        } else if is_terminator(c) {
            strong |= c != '.' && c != '…';
        } else {
            break;
        }
        k += c.len_utf8();
    }
    match char_at(p, k) {
        Some(c) if c.is_whitespace() => {}
        _ => return k.max(i + 1),
    }
    let n = skip_ws(p, k);
    let Some(next) = Next::read(p, n) else {
        return k;
    };
    let kind = if strong {
        Kind::Strong
    } else if ellipsis {
        Kind::Ellipsis
    } else {
        Kind::Period
    };
    if is_boundary(lex, lang, st, i, kind, closed, &next, scratch) {
        st.push(k);
    }
    k
}

/// The decision for one candidate at byte `i`.
#[allow(clippy::too_many_arguments)]
fn is_boundary(
    lex: &Lexicon,
    lang: Lang,
    st: &Para,
    i: usize,
    kind: Kind,
    closed: bool,
    next: &Next,
    scratch: &mut Scratch,
) -> bool {
    if is_terminator(next.first) || next.emoticon {
        return false;
    }
    if matches!(next.first, ',' | ';' | ':' | ')' | ']' | '}') {
        return false;
    }
    // ",?" or ":?" is no sentence end (mis-encoded or quoted punctuation).
    if char_before(st.p, i).is_some_and(|(_, c)| matches!(c, ',' | ';' | ':')) {
        return false;
    }
    // A byline or agency credit ending the paragraph after a full stop
    // ("... gewonnen. lb") is a sentence of its own, in German as in English.
    if next.byline && kind == Kind::Period {
        return true;
    }
    match kind {
        // German sentences start with a capital; English web text not always.
        Kind::Strong => !(next.continues() && (closed || lang == Lang::De)),
        Kind::Ellipsis => next.upper(),
        Kind::Period if closed => !next.continues(),
        Kind::Period => period(lex, lang, st, i, next, scratch),
    }
}

/// A single period at byte `i`, not followed by a closing quote or bracket.
fn period(
    lex: &Lexicon,
    lang: Lang,
    st: &Para,
    i: usize,
    next: &Next,
    scratch: &mut Scratch,
) -> bool {
    let p = st.p;
    let tstart = token_start(p, i);
    // `token_start` returns a char boundary at or before `i`.
    let (_, raw) = p.split_at(i).0.split_at(tstart);
    let (_, tok) = strip_openers(raw);
    // Opener word or quoted capital: the signal used after ambiguous periods.
    let opens = lex.is_opener(next.word) || (next.quote && next.upper());
    if tok.is_empty() {
        return plain(lang, next);
    }
    if tok.chars().all(is_terminator) {
        // Spaced ellipsis ". . ." ends here.
        return next.upper();
    }
    if let Some(kind) = abbreviation(lex, p, tstart, tok, scratch) {
        return match kind {
            AbbrevKind::Inner => false,
            AbbrevKind::Final => opens,
        };
    }
    let at_start = tstart == st.sentence_start();
    let mut chars = tok.chars();
    let single_letter = match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic(),
        _ => false,
    };
    if single_letter {
        // Initial ("J. F. Kennedy") or enumerator ("a. ...").
        return !at_start && opens;
    }
    if is_roman(tok) {
        return !at_start && opens;
    }
    if tok.bytes().all(|b| b.is_ascii_digit()) {
        if at_start {
            // Enumerator: "2. Soziale Bewegungen ..."
            return false;
        }
        if lex.is_ordinal_noun(next.word) {
            return false;
        }
        if enumeration(p, st.sentence_start(), tstart, tok, opens) {
            return false;
        }
        return match lang {
            Lang::De => german_number(lex, p, tstart, tok, next, opens),
            Lang::En => english_number(lex, p, tstart, tok, next, opens),
        };
    }
    if is_dotted_abbrev(tok) {
        return opens;
    }
    plain(lang, next)
}

/// "<number>." in German: ordinal or sentence end?
fn german_number(
    lex: &Lexicon,
    p: &str,
    tstart: usize,
    tok: &str,
    next: &Next,
    opens: bool,
) -> bool {
    let small = tok.len() <= 2;
    if next.lower() {
        return false;
    }
    if next.digit() {
        // Dates "6. 1. 2025"; "bis 1977. 1980 kam ..." still breaks.
        return !small;
    }
    if small && !next.opener && lex.is_month(next.word) {
        return false;
    }
    if opens || next.opener {
        return true;
    }
    let (_, before) = prev_token(p, tstart);
    let before = before.trim_start_matches(|c: char| is_opener(c) || is_dash(c));
    !lex.is_determiner(&before.to_lowercase())
}

/// "<number>." as an item of a list, in both languages: after a colon
/// (`Luftgewehr: 1. Klimow 555`), or continuing an enumeration of the same
/// sentence (`1. Klimow 555 - 2. Geiger 416 - 3. ...`, where `2.` follows
/// `1.`) unless a sentence opener follows. `from` is where the current
/// sentence starts, `tstart` where the number does.
fn enumeration(p: &str, from: usize, tstart: usize, tok: &str, opens: bool) -> bool {
    let (_, before) = prev_token(p, tstart);
    if tstart > from && before.ends_with(':') {
        return true;
    }
    if opens || tok.len() > 3 {
        return false;
    }
    let Some(previous) = tok.parse::<u32>().ok().and_then(|n| n.checked_sub(1)) else {
        return false;
    };

    // Items are short: look back a few hundred bytes at most, so that a
    // long sentence full of numbers stays linear.
    let mut start = from.max(tstart.saturating_sub(LIST_ITEM_BYTES));
    while !p.is_char_boundary(start) && start < tstart {
        start += 1;
    }
    p.get(start..tstart).is_some_and(|s| {
        s.split_whitespace().any(|t| {
            let t = strip_openers(t).1;
            t.len() <= 4
                && t.strip_suffix('.')
                    .is_some_and(|d| d.parse::<u32>().ok() == Some(previous))
        })
    })
}

/// How far back [`enumeration`] looks for the previous item's number.
const LIST_ITEM_BYTES: usize = 300;

/// "<number>." in English: an ordinal written the German way (a translation
/// kept it: "the top group of the 3. League West") after a determiner,
/// unless a sentence opener follows; else an ordinary word.
fn english_number(
    lex: &Lexicon,
    p: &str,
    tstart: usize,
    tok: &str,
    next: &Next,
    opens: bool,
) -> bool {
    if tok.len() <= 2 && !opens && !next.quote {
        let (_, before) = prev_token(p, tstart);
        let before = before.trim_start_matches(|c: char| is_opener(c) || is_dash(c));
        if lex.is_determiner(&before.to_lowercase()) {
            return false;
        }
    }
    plain(Lang::En, next)
}

/// A period after an ordinary word.
fn plain(lang: Lang, next: &Next) -> bool {
    if next.lower() {
        // German sentences do not start lowercase; English web text often
        // does. A bracketed aside or credit starts a new sentence in both.
        return lang == Lang::En || next.bracket;
    }
    true
}

/// Looks up the abbreviation ending at the period after `tok` (which starts
/// at `tstart`), trying multi-part forms "z. B.", "v. Chr." longest first.
fn abbreviation(
    lex: &Lexicon,
    p: &str,
    tstart: usize,
    tok: &str,
    scratch: &mut Scratch,
) -> Option<AbbrevKind> {
    let mut parts: [&str; 3] = [""; 3];
    let mut n = 0;
    let mut pos = tstart;
    while n < parts.len() {
        let (ps, ptok) = prev_token(p, pos);
        if ptok.is_empty() || has_newline(p, ps, pos) {
            break;
        }
        let (_, ptok) = strip_openers(ptok);
        // A token without a final period is not part of the abbreviation.
        let Some(body) = ptok.strip_suffix('.') else {
            break;
        };
        if body.is_empty()
            || body.chars().count() > 4
            || !body.chars().all(|c| c.is_alphabetic() || c == '.')
        {
            break;
        }
        if let Some(slot) = parts.get_mut(n) {
            *slot = ptok;
        }
        n += 1;
        pos = ps;
    }
    // parts[0] is the nearest; try the longest combination first.
    for take in (0..=n).rev() {
        let cand = &mut scratch.cand;
        cand.clear();
        for part in parts.iter().take(take).rev() {
            cand.push_str(part);
        }
        cand.push_str(tok);
        cand.push('.');
        if let Some(kind) = lex.abbrev(cand, &mut scratch.alt) {
            return Some(kind);
        }
    }
    lex.is_suffix_abbrev(tok).then_some(AbbrevKind::Final)
}

/// Handles a possible emoticon starting at byte `i`; returns where to go on.
fn emoticon(st: &mut Para, i: usize) -> usize {
    let p = st.p;
    if char_before(p, i).is_some_and(|(_, c)| !c.is_whitespace()) {
        return i + 1;
    }
    let end = p
        .get(i..)
        .and_then(|t| t.find(char::is_whitespace))
        .map_or(p.len(), |o| i + o);
    if !p.get(i..end).is_some_and(is_emoticon) {
        return i + 1;
    }
    let n = skip_ws(p, end);
    if Next::read(p, n).is_some_and(|next| next.upper() && !next.emoticon) {
        st.push(end);
    }
    end
}

/// A line break at byte `i` inside a paragraph (not hard-wrapped): ends a
/// heading or byline that has no final punctuation when the next line starts
/// like a sentence.
fn line_break(lex: &Lexicon, st: &mut Para, i: usize) {
    let p = st.p;
    let Some(body) = p.get(st.cur..i) else {
        return;
    };
    let line = body.trim_end();
    let Some(last) = line.chars().next_back() else {
        return;
    };
    if is_terminator(last) {
        return;
    }
    if is_closer(last) {
        let inner = line.trim_end_matches(is_closer);
        if inner.chars().next_back().is_some_and(is_terminator) {
            return;
        }
    } else if last == ':' {
        // "Die Vorteile:\n- Schnell": a list item after a colon line.
        if !char_at(p, skip_ws(p, i)).is_some_and(is_dash) {
            return;
        }
    } else if is_opener(last) || is_dash(last) || matches!(last, ',' | ';' | '/' | '&' | '+' | '=')
    {
        return;
    }
    let (_, word) = prev_token(line, line.len());
    if word.chars().all(char::is_lowercase) && lex.is_joiner(word) {
        return;
    }
    let n = skip_ws(p, i);
    let Some(next) = Next::read(p, n) else {
        return;
    };
    let first_ok = next.first.is_alphanumeric() || next.opener || is_dash(next.first);
    if first_ok && (next.upper() || next.digit()) {
        st.push(i);
    }
}
