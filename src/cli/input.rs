//! What `suggest`, `analyze`, `align` and `check` read: a text split into
//! sentences (or one sentence per line with `--segmented`), and the
//! memory's index. A text without a sentence (empty, or only whitespace) is
//! an error naming the file: a command that looked at nothing must not
//! report success.

use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use super::{Context, Global};
use crate::error::{Error, Location, Result};
use crate::lang::Lang;
use crate::segment;
use crate::tm::index::{Index, Opened, Rebuild, View};

/// A text's sentences with their paragraph numbers.
pub struct Sentences {
    /// The sentences, in order.
    pub texts: Vec<String>,
    /// Paragraph of each sentence.
    pub paragraphs: Vec<usize>,
    /// The 1-based line each sentence starts on (where `check --format
    /// github` points).
    pub lines: Vec<usize>,
}

impl Sentences {
    /// The sentence before `i` and after it ("" at the ends): the context a
    /// 101% match must agree with.
    pub fn neighbours(&self, i: usize) -> (&str, &str) {
        let get = |j: Option<usize>| j.and_then(|j| self.texts.get(j)).map_or("", String::as_str);
        (get(i.checked_sub(1)), get(i.checked_add(1)))
    }
}

/// Reads `path` (`-` for stdin) as sentences of the source language, with
/// a warning when it is clearly in another language.
pub fn read_sentences(ctx: &Context, path: &Path, segmented: bool) -> Result<Sentences> {
    let text = ctx.read_input(path)?;
    let sentences = read_sentences_of(ctx, path, &text, segmented, &ctx.global.source_lang)?;
    super::language::check_one(
        ctx,
        super::language::Input { path, text: &text },
        &ctx.global.source_lang,
        "--source-lang",
    );
    Ok(sentences)
}

/// [`read_sentences`] of a file of one sentence per line, and whether the
/// caller is to judge its language: from the sentences' tokens as it
/// splits them, then [`super::language::check_one_scores`]. That gives the
/// verdict on the whole text (no word spans a line break, and trimming a
/// line removes no part of a word) unless a line holds U+202F, the narrow
/// no-break space, which trimming removes and word segmentation joins to
/// the word beside it; such a text is judged whole here.
pub fn read_lines_unjudged(ctx: &Context, path: &Path) -> Result<(Sentences, bool)> {
    let text = ctx.read_input(path)?;
    let sentences = read_sentences_of(ctx, path, &text, true, &ctx.global.source_lang)?;
    if text.contains('\u{202F}') {
        let input = super::language::Input { path, text: &text };
        super::language::check_one(ctx, input, &ctx.global.source_lang, "--source-lang");
        return Ok((sentences, false));
    }
    Ok((sentences, true))
}

/// The error for an input without text, naming it.
pub fn no_text(path: &Path) -> Error {
    Error::input(
        Location::file(path),
        "no text: the input is empty or holds only whitespace",
    )
}

/// Splits `text`, read from `path`, into sentences in language `tag`; a
/// text without a sentence is an error naming `path`.
pub fn read_sentences_of(
    ctx: &Context,
    path: &Path,
    text: &str,
    segmented: bool,
    tag: &Lang,
) -> Result<Sentences> {
    sentences_of(&ctx.global, path, text, segmented, tag)
}

/// [`read_sentences_of`] with only the global options, for work spread
/// over threads (`align --batch`), where the [`Context`] cannot go.
pub fn sentences_of(
    global: &Global,
    path: &Path,
    text: &str,
    segmented: bool,
    tag: &Lang,
) -> Result<Sentences> {
    if text.trim().is_empty() {
        return Err(no_text(path));
    }
    let mut out = Sentences {
        texts: Vec::new(),
        paragraphs: Vec::new(),
        lines: Vec::new(),
    };
    if segmented {
        let mut para = 0;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                para += 1;
                continue;
            }
            out.texts.push(line.trim().to_owned());
            out.paragraphs.push(para);
            out.lines.push(i + 1);
        }
        return Ok(out);
    }
    let seg = segment::load_segmenter(tag.segmenter(), &segment::rules_path(&global.glossary))?;
    // (offset, line) of the last sentence start: lines counted once.
    let mut at = (0, 1);
    for s in seg.split(text) {
        out.texts.push(crate::text::fold_whitespace(s.text(text)));
        out.paragraphs.push(s.paragraph);
        let breaks = text
            .get(at.0..s.start)
            .map_or(0, |t| t.matches('\n').count());
        at = (s.start, at.1 + breaks);
        out.lines.push(at.1);
    }
    Ok(out)
}

/// Opens the memory's index, building it (with a progress bar on a
/// terminal, and a note) when needed.
pub fn open_index(ctx: &Context) -> Result<Index> {
    let memory = ctx.memory();
    let bar = index_bar(ctx);
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let (index, how) = Index::open(&memory, &progress)?;
    bar.finish_and_clear();
    note_rebuilt(ctx, &index, how);
    Ok(index)
}

/// Runs `lookup` over the memory's index. When one of its reads found the
/// index [damaged](Index::damaged) (a file changed in place after the
/// checks of its open), the index is rebuilt, with a note, and the look-up
/// runs again on the new one: damage never passes as missing matches.
pub fn with_index<T>(ctx: &Context, lookup: impl Fn(&View<'_>) -> T) -> Result<T> {
    let index = open_index(ctx)?;
    let result = lookup(&index.view());
    if !index.damaged() {
        return Ok(result);
    }
    drop(index);
    let bar = index_bar(ctx);
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let reason = Rebuild::Damaged;
    let (index, how) = Index::rebuild(&ctx.memory(), &progress, reason)?;
    bar.finish_and_clear();
    note_rebuilt(ctx, &index, how);
    Ok(lookup(&index.view()))
}

/// The progress bar of building the index (hidden with --quiet, and when
/// stderr is not a terminal).
fn index_bar(ctx: &Context) -> ProgressBar {
    if ctx.global.quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        // The count of units is known only once the memory is read, which
        // goes on while they are tokenised: a count, not a bar.
        ProgressStyle::with_template("indexing memory: {pos} units ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// The note on stderr when the index was (re)built: always when it was
/// foreign, truncated, corrupt or damaged, with -v also when merely missing
/// or stale (the memory changed), which is routine.
fn note_rebuilt(ctx: &Context, index: &Index, how: Opened) {
    let Opened::Rebuilt { reason, saved } = how else {
        return;
    };
    let units = index.view().units;
    if saved {
        if ctx.global.verbose > 0 || !reason.is_routine() {
            ctx.report(format!(
                "note: memory index {reason}; rebuilt it ({units} units)"
            ));
        }
    } else {
        ctx.report(format!(
            "note: memory index {reason}; built it for this run ({units} units), {} is not writable",
            ctx.memory().dir.display()
        ));
    }
}

/// A progress bar on stderr for `len` items (hidden with --quiet, for short
/// work, and when stderr is not a terminal).
pub fn progress(ctx: &Context, len: usize, what: &str) -> ProgressBar {
    if ctx.global.quiet || len < 200 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    let template = format!("{what} {{bar:30}} {{pos}}/{{len}} ({{eta}})");
    bar.set_style(
        ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
