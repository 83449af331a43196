//! `satz segment [--lang de|en] [FILE|-]`

use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::segment::{self, Lang};

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz segment examples/kim-putin.de.txt
  satz segment --lang en examples/kim-putin.en.txt | wc -l
  pbpaste | satz segment -

User rules: a segment.toml next to glossary.toml adds abbreviations:
  [de]
  abbreviations = [\"Kdt.\"]          # never a break after these
  final_abbreviations = [\"Ztr.\"]    # a break only before a sentence opener
  no_break_before = [\"Jahrhundert\"] # '19. Jahrhundert' is an ordinal")]
pub struct SegmentArgs {
    /// The text (`-` or nothing reads stdin).
    pub file: Option<PathBuf>,
    /// The language's rules: de or en.
    #[arg(long, default_value = "de", value_name = "de|en")]
    pub lang: String,
}

/// Runs `segment`.
pub fn run(ctx: &mut Context, args: &SegmentArgs) -> Result<Outcome> {
    let lang: Lang = args
        .lang
        .parse()
        .map_err(|e| Error::Usage(format!("--lang: {e}")))?;
    let segmenter = segment::load_segmenter(lang, &segment::rules_path(&ctx.global.glossary))?;
    let input = args.file.clone().unwrap_or_else(|| PathBuf::from("-"));
    let text = ctx.read_input(&input)?;
    if text.trim().is_empty() {
        return Err(super::input::no_text(&input));
    }
    super::language::check_one(
        ctx,
        super::language::Input {
            path: &input,
            text: &text,
        },
        &crate::lang::Lang::new(&args.lang),
        "--lang",
    );
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut paragraph = None;
    for s in segmenter.split(&text) {
        if paragraph.is_some_and(|p| p != s.paragraph) {
            out.push('\n');
        }
        paragraph = Some(s.paragraph);
        push_one_line(&mut out, s.text(&text));
        out.push('\n');
    }
    ctx.out.write_str(&out)?;
    Ok(Outcome::Clean)
}

/// Appends a sentence on one line: a line break inside it (a hard-wrapped
/// paragraph) becomes one space.
fn push_one_line(out: &mut String, sentence: &str) {
    let mut lines = sentence.lines().map(str::trim).filter(|l| !l.is_empty());
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        out.push(' ');
        out.push_str(line);
    }
}
