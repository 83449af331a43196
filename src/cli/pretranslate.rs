//! `satz pretranslate FILE [-o OUT] [--xliff 1.2|2.0] [--fuzzy target|candidate]`

use std::path::{Path, PathBuf};

use clap::Args;

use super::input::{progress, read_sentences, with_index};
use super::terms_found::{Matcher, load_matcher};
use super::{Context, Outcome};
use crate::error::Result;
use crate::fsx;
use crate::pretranslate::build::{self, Options, Text};
use crate::pretranslate::{Fill, FuzzyAs, Pretranslation, xliff12, xliff20};

/// The XLIFF version written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum XliffVersion {
    /// XLIFF 1.2: what every CAT tool reads (OmegaT, Trados, memoQ, Phrase).
    #[value(name = "1.2")]
    V12,
    /// XLIFF 2.0, with the Translation Candidates and Glossary modules.
    #[value(name = "2.0")]
    V20,
}

/// What a fuzzy match becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FuzzyChoice {
    /// The target, marked as needing review.
    Target,
    /// Only a candidate beside an empty target.
    Candidate,
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz pretranslate article.txt -o article.xlf
  satz pretranslate --xliff 2.0 --fuzzy candidate article.txt -o article.xlf
  satz pretranslate --min 60 article.txt > article.xlf
Then, with the file translated in a CAT tool:
  satz import article.xlf            # the confirmed segments become memory
  satz merge article.xlf -o article.en.txt")]
pub struct PretranslateArgs {
    /// The German text (`-` or nothing reads stdin).
    pub file: Option<PathBuf>,
    /// Write to OUT (atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// XLIFF version.
    #[arg(long, value_enum, default_value = "1.2")]
    pub xliff: XliffVersion,
    /// What a fuzzy match becomes: the target to review, or only a
    /// candidate.
    #[arg(long, value_enum, default_value = "target")]
    pub fuzzy: FuzzyChoice,
    /// Lowest match percentage used.
    #[arg(long, default_value_t = 75, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=101))]
    pub min: u32,
    /// Matches offered per segment at most.
    #[arg(long, default_value_t = 3, value_name = "K")]
    pub top: usize,
    /// The input holds one sentence per line (blank lines between
    /// paragraphs).
    #[arg(long)]
    pub segmented: bool,
}

/// Runs `pretranslate`.
pub fn run(ctx: &mut Context, args: &PretranslateArgs) -> Result<Outcome> {
    let input = args.file.clone().unwrap_or_else(|| PathBuf::from("-"));
    let sentences = read_sentences(ctx, &input, args.segmented)?;
    let matcher = load_matcher(ctx)?;
    let terms = matcher.as_ref().map(Matcher::terms);
    let pair = ctx.pair();
    let original = original_name(&input);
    let options = Options {
        min: args.min,
        top: args.top,
        fuzzy: match args.fuzzy {
            FuzzyChoice::Target => FuzzyAs::Target,
            FuzzyChoice::Candidate => FuzzyAs::Candidate,
        },
    };
    let doc = with_index(ctx, |view| {
        let bar = progress(ctx, sentences.texts.len(), "matching");
        let text = Text {
            original: &original,
            sentences: &sentences.texts,
            paragraphs: &sentences.paragraphs,
        };
        let doc = build::build(view, &pair, terms.as_ref(), text, options, &|| bar.inc(1));
        bar.finish_and_clear();
        doc
    })?;
    let xml = match args.xliff {
        XliffVersion::V12 => xliff12::write(&doc, env!("CARGO_PKG_VERSION")),
        XliffVersion::V20 => xliff20::write(&doc),
    };
    match &args.output {
        Some(out) => fsx::write_atomic(out, xml.as_bytes())?,
        None => ctx.out.write_str(&xml)?,
    }
    ctx.report(summary(&doc, args.output.as_deref()));
    Ok(Outcome::Clean)
}

/// The name recorded as the file's `original`: the input's file name.
fn original_name(input: &Path) -> String {
    match input.file_name() {
        Some(name) if input != Path::new("-") => name.to_string_lossy().into_owned(),
        _ => "stdin.txt".to_owned(),
    }
}

/// `12 segments in 4 paragraphs: 3 at 101%, 5 at 100%, 2 fuzzy (targets to
/// review), 2 without a match`.
fn summary(doc: &Pretranslation, output: Option<&Path>) -> String {
    let (mut context, mut exact, mut fuzzy, mut candidates, mut none) = (0, 0, 0, 0, 0);
    let mut total = 0;
    for (_, _, s) in doc.numbered() {
        total += 1;
        match s.fill(doc.fuzzy) {
            Fill::Exact(c) if c.score > 100 => context += 1,
            Fill::Exact(_) => exact += 1,
            Fill::Fuzzy(_) => fuzzy += 1,
            Fill::Empty if !s.matches.is_empty() => candidates += 1,
            Fill::Empty => none += 1,
        }
    }
    let mut parts = vec![format!("{context} at 101%"), format!("{exact} at 100%")];
    if fuzzy > 0 {
        parts.push(format!("{fuzzy} fuzzy (targets to review)"));
    }
    if candidates > 0 {
        parts.push(format!("{candidates} with fuzzy candidates only"));
    }
    parts.push(format!("{none} without a match"));
    let whereto = output.map_or_else(String::new, |o| format!("{}: ", o.display()));
    format!(
        "{whereto}{total} segments in {} paragraphs: {}",
        doc.paragraphs.len(),
        parts.join(", ")
    )
}
