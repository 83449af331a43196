//! Sentence segmentation for German and English source text.
//!
//! # Approach
//!
//! A small rule engine over a hand-written byte scanner (no regular
//! expressions, one pass, linear time). The rules are data: abbreviation
//! lists in `data/*.abbrev*.txt`, word lists in `de.rs` and `en.rs`; the
//! engine (`engine.rs`) only combines a few signals.
//!
//! 1. **Paragraphs.** The input is cut into lines (`\n`, `\r\n` or a lone
//!    `\r`). A blank line (only whitespace) always ends a paragraph; no
//!    sentence spans a blank line. Paragraphs are numbered from 0.
//! 2. **Candidates.** Inside a paragraph the scanner stops only at
//!    sentence-final punctuation (`.` `!` `?` `…` `‼` `⁉` and runs of them),
//!    at emoticons (`:-)`, `;)` ...) and at line breaks. Closing quotes and
//!    brackets right after the punctuation belong to the sentence (`«Nun
//!    haben wir Grund.»`, `(Applause.)`). A candidate not followed by
//!    whitespace is never a boundary (`3.5`, `10.000`, `z.B.`,
//!    `www.example.de`, `a@b.ch`, `Yahoo!-Chef`).
//! 3. **Decision** from the token before the punctuation and the first word
//!    after it (skipping opening quotes, brackets and speech dashes). Never a
//!    boundary before `,` `;` `:` or a closing bracket, before more
//!    punctuation (`. . .`), before an emoticon (it joins the sentence
//!    before), or after `,?`/`:?`. Otherwise:
//!    * A byline or agency credit ending the paragraph after a full stop
//!      (`... gewonnen. lb`, `dpa/lb`: lowercase parts of at most four
//!      letters) is a sentence of its own, in both languages.
//!    * "Lowercase" below means a lowercase word not in brackets: a
//!      bracketed aside or credit after a sentence end (`(1:0). (sda)
//!      Viermal ...`) starts a new sentence even in German.
//!    * `!`/`?`: a boundary, except before a lowercase word in German or
//!      after a closing quote (`«Wo?» fragte er`, `"Why?" she asked`).
//!    * Ellipsis: a boundary only before a capital.
//!    * Period after a closing quote/bracket (`.»`, `.)`): a boundary unless a
//!      lowercase word follows.
//!    * Period after a known abbreviation, also multi-part with or without
//!      inner spaces (`z. B.` = `z.B.`, `v. Chr.`): *inner* abbreviations
//!      (`Dr.`, `z. B.`, `bzw.`, `e.g.`, `Mr.`) never end a sentence; *final*
//!      ones (`usw.`, `Mio.`, `Fr.`, `U.S.`, `Inc.`, `a.m.`, `No.`) end it only
//!      before a typical sentence opener (`Der`, `Ich`, `Dann`, `The`, `It`,
//!      `I` ...) or an opening quote with a capital. German compounds ending
//!      in `str.` (`Bahnhofstr. 5`) are final abbreviations; dotted short
//!      tokens (`a.k.a.`, `o.ä.`) are treated like final ones.
//!    * Period after a single letter (initials `J. F. Kennedy`) or a roman
//!      numeral II–XXXIX (`Friedrich II.`): same opener test.
//!    * Period after a number that opens the sentence: an enumerator
//!      (`2. Soziale Bewegungen`), never a boundary. Before a word of the
//!      ordinal-noun list (`Jahrhundert`, `Weltkrieg`, `Platz`, user
//!      `no_break_before`): never a boundary. A list item, in both
//!      languages: after a colon (`Männer: 1. Klimow`), or `n.` when the
//!      sentence already holds `n-1.` and no opener follows (`1. Klimow
//!      555 - 2. Geiger 416 - 3. ...`; a score `3 - 2. Müller` still ends).
//!    * Period after a number in German (ordinal or sentence end?): no
//!      boundary before a lowercase word, before a digit if the number has at
//!      most two digits (`am 6. 1. 2025`), before a month after a day number
//!      (`am 6. Januar`); a boundary before an opener or an opening quote
//!      (`auf Platz 3. Die Siegerin`); otherwise no boundary when an article,
//!      contracted preposition or possessive precedes the number (`in der 4.
//!      Klasse`, `den 45. Präsidenten`), else a boundary (`im Jahr 1977. Das
//!      ...`). In English a number of one or two digits after a determiner
//!      is an ordinal written the German way, as translations keep it (`the
//!      3. League West`), unless an opener follows; other English numbers
//!      are ordinary words.
//!    * Period after any other word: a boundary before a capital (also
//!      `iPhone`-style words and web addresses), digit, quote or symbol;
//!      before a lowercase word only in English (web text often starts
//!      sentences lowercase; German never does).
//!    * Colons and semicolons never end a sentence.
//! 4. **Emoticons** end a sentence when a capitalised word follows
//!    (`Kann ich nur empfehlen ;-) So eben ...`).
//! 5. **Headings and bylines.** Inside a paragraph a single line break ends a
//!    sentence when the line has no final punctuation, does not end in a
//!    comma, semicolon, dash, slash, opening bracket or joining word (`und`,
//!    `der`, `the` ...), and the next line starts like a sentence (capital or
//!    digit, possibly after a quote, bracket, dash or bullet). A line ending
//!    in a colon ends a sentence only before a dash or bullet item. If any
//!    line of the paragraph continues with a lowercase word after a line
//!    without final punctuation, the paragraph is hard-wrapped text and its
//!    single line breaks are plain spaces.
//!
//! Spans are byte offsets into the input, trimmed of surrounding whitespace
//! (Unicode `White_Space`); every non-whitespace character lies in exactly
//! one span, and spans are in input order.
//!
//! # User rules (`segment.toml`)
//!
//! ```toml
//! [de]
//! # no break after these (final period required; inner spaces optional)
//! abbreviations = ["Kdt.", "Bst."]
//! # may end a sentence: break after them only before a sentence opener
//! final_abbreviations = ["Ztr."]
//! # "<number>. <word>" is an ordinal before these words, never a break
//! no_break_before = ["Jahrhundert", "Saison"]
//!
//! [en]
//! abbreviations = ["Gov."]
//! ```
//!
//! All keys and both tables are optional; only the table of the segmenter's
//! language is used ([`Segmenter::with_rules`]). User entries are added to the
//! built-in lists and override the built-in kind of the same abbreviation (one
//! listed in both `abbreviations` and `final_abbreviations` counts as inner). Unknown tables or keys, wrong
//! types, an abbreviation without its final period and a `no_break_before`
//! entry that is not a single word are errors ([`RulesError`], 1-based line
//! and column in characters).

mod chars;
mod de;
mod en;
mod engine;
pub mod eval;
mod lexicon;
mod next;
mod rules;
mod shapes;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

pub use rules::{LangRules, RulesError, UserRules};

use engine::Scratch;
use lexicon::Lexicon;

/// Source language of the text to segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// German (also Swiss and Austrian German).
    De,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code, `"de"` or `"en"`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error for an unsupported language tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLangError {
    /// The tag that was given.
    pub input: String,
}

impl fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unsupported language {:?} (expected \"de\" or \"en\")",
            self.input
        )
    }
}

impl std::error::Error for ParseLangError {}

impl FromStr for Lang {
    type Err = ParseLangError;

    /// Parses `de`, `en`, case-insensitively, also full tags such as
    /// `de-CH` or `en_US` (decided by the primary subtag).
    fn from_str(s: &str) -> Result<Lang, ParseLangError> {
        // `split` yields at least one piece: the default is never taken.
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Ok(Lang::De)
        } else if primary.eq_ignore_ascii_case("en") {
            Ok(Lang::En)
        } else {
            Err(ParseLangError {
                input: s.to_string(),
            })
        }
    }
}

/// One sentence: a byte span into the input, trimmed of surrounding
/// whitespace, and the 0-based index of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// 0-based paragraph index (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text in `input` (empty if `input` is not the text it
    /// was split from).
    #[must_use]
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }
}

/// A rule-based sentence segmenter for one language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lang: Lang,
    lex: Lexicon,
}

impl Segmenter {
    /// A segmenter with the built-in rules for `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Segmenter {
        Segmenter {
            lang,
            lex: Lexicon::new(lang, None),
        }
    }

    /// A segmenter with the built-in rules plus the user's additions for
    /// `lang` (the other language's section is ignored).
    #[must_use]
    pub fn with_rules(lang: Lang, extra: &UserRules) -> Segmenter {
        Segmenter {
            lang,
            lex: Lexicon::new(lang, Some(extra.for_lang(lang))),
        }
    }

    /// The language this segmenter was built for.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Splits `text` into sentences, in order.
    #[must_use]
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        for (index, (start, end)) in paragraphs(text).into_iter().enumerate() {
            if let Some(p) = text.get(start..end) {
                engine::segment_paragraph(
                    &self.lex,
                    self.lang,
                    p,
                    start,
                    index,
                    &mut out,
                    &mut scratch,
                );
            }
        }
        out
    }

    /// Splits `text` and returns the sentences as string slices.
    #[must_use]
    pub fn sentences<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.split(text).iter().map(|s| s.text(text)).collect()
    }
}

/// Byte ranges of the paragraphs of `text`: maximal runs of non-blank lines,
/// from the start of the first line to the end of the last (line terminator
/// excluded).
#[must_use]
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut res = Vec::new();
    let mut para: Option<(usize, usize)> = None;
    let mut line_start = 0;
    loop {
        // `line_start` is 0 or just after a line break (ASCII), and the
        // loop ends at the last line: a char boundary within `text`.
        let (_, rest) = text.split_at(line_start);
        let (len, term) = match rest.find(['\n', '\r']) {
            Some(off) => {
                let crlf = rest.get(off..).is_some_and(|t| t.starts_with("\r\n"));
                (off, if crlf { 2 } else { 1 })
            }
            None => (rest.len(), 0),
        };
        let (line, _) = rest.split_at(len);
        let line_end = line_start + len;
        if line.trim().is_empty() {
            if let Some(p) = para.take() {
                res.push(p);
            }
        } else {
            para = Some(match para {
                Some((s, _)) => (s, line_end),
                None => (line_start, line_end),
            });
        }
        if term == 0 {
            break;
        }
        line_start = line_end + term;
    }
    if let Some(p) = para {
        res.push(p);
    }
    res
}

/// The name of the user rules file, looked for next to `glossary.toml`.
pub const RULES_FILE: &str = "segment.toml";

/// Where the user rules for a glossary live: `segment.toml` beside it.
pub fn rules_path(glossary: &std::path::Path) -> std::path::PathBuf {
    glossary.with_file_name(RULES_FILE)
}

/// A segmenter for `lang` with the user rules of the file at `path`, when
/// that file exists.
pub fn load_segmenter(lang: Lang, path: &std::path::Path) -> crate::error::Result<Segmenter> {
    if !path.is_file() {
        return Ok(Segmenter::new(lang));
    }
    let text = crate::fsx::read_text(path)?;
    let rules = UserRules::from_toml_str(&text).map_err(|e| {
        crate::error::Error::input(crate::error::Location::at(path, e.position), e.message)
    })?;
    Ok(Segmenter::with_rules(lang, &rules))
}
