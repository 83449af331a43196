//! The command line: global options, one file per command, exit codes.
//!
//! The contract (commands, formats, exit codes) is kept in
//! `docs/contract.md`: machine formats are stable, human `table` output
//! may change. Exit codes: 0 success, 1 `check` found what it gates on
//! (by default an error-level finding) or a pair of `align --batch`
//! failed, 2 bad usage or bad input.
//!
//! The doc comments of the argument types are the `--help` text, written
//! for a terminal (`german<TAB>english`, `[i,j]:[k]`), not for rustdoc.
#![allow(
    rustdoc::invalid_html_tags,
    rustdoc::broken_intra_doc_links,
    rustdoc::private_intra_doc_links
)]

mod align;
mod align_batch;
mod align_dict;
mod align_fix;
mod align_html;
mod analyze;
mod check;
mod check_changed;
mod check_stream;
mod completions;
mod concordance;
mod export;
mod git;
mod glossary;
mod import;
mod init;
mod input;
mod language;
mod man;
mod merge;
mod merge_driver;
mod output;
mod pretranslate;
mod segment;
mod suggest;
mod terms;
mod terms_found;
mod terms_table;
mod wrap;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::error::Result;
use crate::tm::{Lang, LangPair, Memory};

pub use output::{Output, set_color, stdout};

/// satz: translation memory and glossary for German-to-English news translation.
///
/// satz keeps finished translations as TMX files in memory/ (the format every
/// CAT tool reads), recognises the terms of glossary.toml, and helps before,
/// during and after translating: segment, align, suggest, check, terms.
#[derive(Debug, Parser)]
#[command(name = "satz", version, max_term_width = 100, after_help = EXAMPLES)]
pub struct Cli {
    /// The options every command takes.
    #[command(flatten, next_help_heading = "Global options")]
    pub global: Global,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  satz import old-project.tmx              add a CAT tool's memory to memory/old-project.tmx
  satz export --format tsv -o all.tsv      the whole memory as german<TAB>english
  satz segment examples/kim-putin.de.txt   one sentence per line
  satz glossary list                       the terms of glossary.toml

Exit codes: 0 success, 1 check found errors (align --batch: a pair failed),
2 bad usage or bad input.";

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Translation memory folder (TMX files).
    #[arg(
        long,
        global = true,
        env = "SATZ_MEMORY",
        default_value = "memory",
        value_name = "DIR"
    )]
    pub memory: PathBuf,
    /// Glossary file.
    #[arg(
        long,
        global = true,
        env = "SATZ_GLOSSARY",
        default_value = "glossary.toml",
        value_name = "FILE"
    )]
    pub glossary: PathBuf,
    /// Source language (BCP 47). A bare language (de) matches every regional
    /// variant (de-CH); a tag with a region matches that region only.
    #[arg(long, global = true, default_value = "de", value_name = "TAG")]
    pub source_lang: Lang,
    /// Target language (BCP 47), matched like --source-lang.
    #[arg(long, global = true, default_value = "en", value_name = "TAG")]
    pub target_lang: Lang,
    /// Output format; each command lists its own. Default: table on a
    /// terminal, else the command's first machine format.
    #[arg(long, global = true, value_name = "FMT")]
    pub format: Option<String>,
    /// Colour in human output: auto honours NO_COLOR and pipes.
    #[arg(long, global = true, default_value = "auto", value_name = "WHEN")]
    pub color: output::ColorWhen,
    /// Quieter: no reports or warnings on stderr, only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// More verbose: say more on stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Encoding of the input texts and of files to import that do not name
    /// their own (a byte-order mark or an XML declaration wins):
    /// windows-1252 (German Windows and Excel), iso-8859-1, iso-8859-15,
    /// macintosh, utf-16le, ... Default: UTF-8, or UTF-16 recognised by its
    /// zero bytes.
    #[arg(long, global = true, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Do not check which language the input texts are in. By default a
    /// pair of texts in the configured languages swapped is refused, a text
    /// clearly in another language than expected is warned about, and
    /// `import` warns when a file's content disagrees with its languages.
    #[arg(long, global = true)]
    pub no_language_check: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split text into sentences, one per line.
    ///
    /// A blank line in the input (a paragraph break) is always a boundary and
    /// is printed as one blank line. German rules know ordinal dates ("am 6.
    /// Januar"), abbreviations ("z. B.", "Nr."), Swiss numbers ("10'000"),
    /// « » „ “ quotes, headings and bylines; English rules know "Mr.", "U.S.",
    /// "a.m." and initials. A line break inside a sentence becomes a space.
    Segment(segment::SegmentArgs),
    /// Align a German text with its English translation.
    ///
    /// Splits both texts into sentences (unless --segmented) and links them
    /// 1-1, 1-2, 2-1, 2-2, 1-0 or 0-1 (up to 1-4, 2-3, 3-2, 4-1 where a free
    /// translation merged or split that much), with a confidence per link:
    /// low scores are the links to review. A sentence with no counterpart
    /// (an omission or addition), in a 1-0/0-1 link or absorbed into a
    /// merged one, is named and its link scores below 0.5. The aligner
    /// combines sentence lengths (Gale & Church), numbers, names and
    /// cognates, punctuation, the glossary's term pairs, a --dict, and a
    /// lexicon it learns from the document itself.
    ///
    /// The texts must be in --source-lang and --target-lang: files given in
    /// the wrong order are refused (and with --save, a text clearly in
    /// another language); --no-language-check skips this.
    ///
    /// --batch MANIFEST.tsv aligns every pair a manifest lists, on every
    /// core (an archive of past translations): a pair that fails is reported
    /// with its manifest line, the others go on, and the exit code is 1.
    ///
    /// Formats: table, beads ([i,j]:[k]:score per link, 0-based), tsv
    /// (score<TAB>german<TAB>english), json, tmx, html (a self-contained
    /// review page); with --batch, each record leads with the pair's
    /// manifest line, and html is refused.
    Align(align::AlignArgs),
    /// Add TMX, XLIFF, TSV or CSV files to the memory.
    ///
    /// Each FILE goes into memory/NAME.tmx, NAME being the file's stem unless
    /// --name is given. TMX 1.1 to 1.4b in any encoding its BOM or declaration
    /// shows; XLIFF 1.0 to 2.2 (.xlf .xliff .xlf2 .sdlxliff .mqxliff .mxliff),
    /// of which only confirmed segments are stored (translated, reviewed,
    /// signed-off, final, approved; Trados and memoQ statuses), the rest
    /// counted per reason; TSV is german<TAB>english per line; CSV may start
    /// with a header naming the languages (de,en). Units lacking either
    /// language are skipped and counted; units the memory already holds are
    /// not added again.
    Import(import::ImportArgs),
    /// Write the whole memory for the language pair.
    ///
    /// Formats: tmx (TMX 1.4b, the default), tsv (source<TAB>target per unit,
    /// inline codes dropped), csv (a header row naming the languages). A unit
    /// held in several memory files is written once.
    Export(export::ExportArgs),
    /// Fuzzy matches from memory for each sentence of a text.
    ///
    /// For each sentence, the best matches scoring at least --min percent
    /// (at most --top), best first: the score with its penalties (-2 numbers,
    /// -1 case, -1 punctuation, -1 whitespace), a word diff of the memory's
    /// source against the sentence, the translation with numbers (digits
    /// and number words such as vier/four), months and names adapted and
    /// the adapted parts marked ⟦…⟧, and the glossary terms the sentence
    /// holds. 100 means identical; 101 a
    /// 100% match whose neighbouring sentences match too. The memory's index
    /// (memory/.satz-index/) is rebuilt automatically when the memory changes.
    ///
    /// Formats: table, json (one object per sentence and line), md.
    Suggest(suggest::SuggestArgs),
    /// A German text as XLIFF for a CAT tool, with satz's matches in it.
    ///
    /// One segment per sentence, grouped by paragraph. 100% and 101%
    /// matches are filled in as translated; a fuzzy match of at least --min
    /// percent is the target marked for review (--fuzzy target, the
    /// default) or only offered as a candidate (--fuzzy candidate). Every
    /// match is recorded with its percentage, origin and penalties, the
    /// glossary terms of each sentence as a note (1.2) or in the Glossary
    /// module (2.0), and each sentence's neighbours, so that `satz import`
    /// of the finished file makes the next pre-translation of the same
    /// text 101%. XLIFF 1.2 (the default) is what every CAT tool reads;
    /// 2.0 uses the Translation Candidates module.
    Pretranslate(pretranslate::PretranslateArgs),
    /// The translated plain text from a finished XLIFF file.
    ///
    /// Each segment's translation, in order; the units of one <group> (a
    /// paragraph of a file `satz pretranslate` wrote) make one paragraph,
    /// a unit outside any group a paragraph of its own; paragraphs are
    /// separated by a blank line. A segment without a translation keeps its
    /// source and one whose translation is not confirmed keeps that
    /// translation: both are named in a warning with their lines. To store
    /// the confirmed segments in memory, `satz import FILE.xlf`.
    Merge(merge::MergeArgs),
    /// Set up a folder for a team sharing memory and glossary through git.
    ///
    /// Creates glossary.toml (with --source-lang and --target-lang) and
    /// memory/ where they are missing (never overwrites them), the
    /// .gitattributes lines that hand memory/*.tmx and glossary.toml to
    /// satz's merge drivers with LF line ends, and .gitignore lines for
    /// satz's lock and temporary files. Inside a git repository it
    /// registers the merge drivers in .git/config, which git does not
    /// clone: run it once in every clone. Running it again is harmless.
    /// See docs/team.md.
    Init(init::InitArgs),
    /// Merge a memory file or the glossary: what git runs, not people.
    ///
    /// tmx: the three-way union of the translation units (no duplicates,
    /// no conflict; a unit removed on one side and unchanged on the other
    /// stays removed). glossary: the three-way union of the terms,
    /// comments kept; a term changed differently on both sides is written
    /// with both versions between git's conflict markers and exits 1.
    /// Both give the same bytes whichever side merges. A file satz cannot
    /// write back byte for byte is refused (exit 2): git reports a conflict.
    MergeDriver(merge_driver::MergeDriverArgs),
    /// Word counts per match band against memory, per file and in total.
    ///
    /// Bands: repetitions (a sentence seen earlier in the input files),
    /// 101% (context match), 100%, 95-99, 85-94, 75-84, 50-74, no match.
    /// Words are word and number tokens, as CAT tools count them.
    ///
    /// Formats: table, json (one object per file and line), csv
    /// (file,band,segments,words).
    Analyze(analyze::AnalyzeArgs),
    /// Units whose German (or English) side contains a word or phrase.
    ///
    /// Inflected forms count: words are compared by their Snowball stems,
    /// case-folded, ß = ss (Diktatur finds Diktaturen). Hits are highlighted.
    ///
    /// Formats: table, json (one object per unit and line, with byte spans).
    Concordance(concordance::ConcordanceArgs),
    /// QA checks on a translation, or on the whole memory.
    ///
    /// With DE and EN the two texts are segmented (unless --segmented) and
    /// aligned first; without them every unit of the memory is checked.
    /// Findings: numbers and dates that differ once formats, units and
    /// clocks are normalised, glossary terms forbidden, missing or
    /// deprecated, untranslated or German text, German dates left in
    /// English, inconsistent translations, unbalanced brackets and quotes,
    /// doubled words, double spaces, lost final ? or !. An error is a
    /// finding a reviewer must act on; uncertain evidence is a warning.
    ///
    /// --changed REV checks only the memory units added or changed since a
    /// git revision (a pull request's: --changed origin/main).
    ///
    /// Formats: table (grouped by unit, spans highlighted; -v adds each
    /// finding's evidence), json (one finding per line, with its evidence),
    /// github (GitHub Actions annotations on the file and line), junit
    /// (JUnit XML for GitLab and Jenkins: a test per unit). Exit 1 when a
    /// finding fails the check: errors, or what --fail-on or the glossary's
    /// `[check]` fail_on says.
    Check(check::CheckArgs),
    /// Manage glossary.toml.
    #[command(subcommand)]
    Glossary(glossary::GlossaryCommand),
    /// Term tables from glossary and memory, and new term candidates.
    ///
    /// One row per glossary term: German, approved translations (preferred
    /// first), forbidden ones, status, note, how many memory units have the
    /// term (inflected forms and compounds included) and how memory
    /// translates it there (each approved and forbidden rendering with its
    /// count, and "other" for units with neither), with an example pair.
    /// --extract instead proposes new terms: capitalised nouns, compounds
    /// and adjective + noun phrases frequent in memory but not in general
    /// German (a reference frequency list from wordfreq, CC BY-SA 4.0), with
    /// their likely English equivalents (Dice co-occurrence) and a last
    /// column kind (term or name); names of places, people and bodies are
    /// set apart, --names lists them instead of the terms.
    ///
    /// Formats: table, md (a pipe table), csv (a header row), tbx
    /// (TBX-Basic with example contexts), html (a self-contained page with a
    /// search box and a bar per term); with --extract: table, md, csv, tbx.
    Terms(terms::TermsArgs),
    /// A shell completion script: bash, zsh, fish, elvish or powershell.
    ///
    /// Generated from the same definitions as --help, so it completes every
    /// command, option and value satz has; install it where your shell
    /// looks (see the examples below).
    Completions(completions::CompletionsArgs),
    /// The manual page, in roff, on stdout.
    ///
    /// satz(1) with every command and option, or with COMMAND that
    /// command's page, satz-COMMAND(1); the text is that of --help. Read it
    /// with "satz man | man -l -", or save it in a man1 folder.
    Man(man::ManArgs),
}

/// Warnings shown without --verbose.
const MAX_WARNINGS: usize = 10;

/// How a command that ran ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report: exit 0.
    Clean,
    /// Error-level findings: exit 1.
    Findings,
}

/// What every command gets: the global options, resolved.
pub struct Context<'w> {
    /// The global options.
    pub global: Global,
    /// Where results go.
    pub out: Output<'w>,
    /// The encoding `--encoding` names, if any.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Context<'_> {
    /// The language pair of --source-lang and --target-lang.
    pub fn pair(&self) -> LangPair {
        LangPair {
            source: self.global.source_lang.clone(),
            target: self.global.target_lang.clone(),
        }
    }

    /// Reads an input text the user names (`-` for stdin), honouring
    /// `--encoding`, normalised to NFC.
    pub fn read_input(&self, path: &std::path::Path) -> Result<String> {
        crate::fsx::read_input(path, self.encoding)
    }

    /// The memory folder for the pair.
    pub fn memory(&self) -> Memory {
        Memory::new(self.global.memory.clone(), self.pair())
    }

    /// The output format of `command`, whose formats are the variants of
    /// `F` (so a format without a match arm does not compile): the one
    /// `--format` asks for, else `table` on a terminal (where `F` has it),
    /// else the first machine format.
    pub fn format<F: clap::ValueEnum + Copy>(&self, command: &str) -> Result<F> {
        output::choose_format(
            self.global.format.as_deref(),
            command,
            self.out.is_terminal(),
        )
    }

    /// Prints a report line on stderr unless --quiet; on a terminal it
    /// wraps, continuing two columns in.
    pub fn report(&self, line: impl std::fmt::Display) {
        if self.global.quiet {
            return;
        }
        match wrap::stderr_wrap() {
            Some(wrap) => eprint!("{}", wrap.hanging("", "  ", &line.to_string())),
            None => eprintln!("{line}"),
        }
    }

    /// Prints warnings on stderr: none with --quiet, all with --verbose,
    /// else the first ten and a count of the rest.
    pub fn warn_all(&self, warnings: &[crate::error::Warning]) {
        if self.global.quiet {
            return;
        }
        let shown = if self.global.verbose > 0 {
            warnings.len()
        } else {
            MAX_WARNINGS
        };
        for w in warnings.iter().take(shown) {
            eprintln!("warning: {w}");
        }
        if warnings.len() > shown {
            eprintln!(
                "warning: ... and {} more (--verbose shows all)",
                warnings.len() - shown
            );
        }
    }
}

/// Runs a parsed command line, writing results to `stdout` (a terminal
/// when `terminal`; colour as [`set_color`] was told).
pub fn run(cli: Cli, stdout: &mut dyn std::io::Write, terminal: bool) -> Result<Outcome> {
    let encoding = match &cli.global.encoding {
        // Named as the option the user typed.
        Some(label) => Some(
            crate::fsx::encoding_for_label(label)
                .map_err(|e| crate::error::Error::Usage(format!("--encoding: {e}")))?,
        ),
        None => None,
    };
    let mut ctx = Context {
        global: cli.global,
        out: Output::new(stdout, terminal),
        encoding,
    };
    let outcome = match cli.command {
        Command::Segment(args) => segment::run(&mut ctx, &args),
        Command::Import(args) => import::run(&mut ctx, &args),
        Command::Export(args) => export::run(&mut ctx, &args),
        Command::Glossary(cmd) => glossary::run(&mut ctx, &cmd),
        Command::Align(args) => align::run(&mut ctx, &args),
        Command::Suggest(args) => suggest::run(&mut ctx, &args),
        Command::Pretranslate(args) => pretranslate::run(&mut ctx, &args),
        Command::Merge(args) => merge::run(&mut ctx, &args),
        Command::Init(args) => init::run(&mut ctx, &args),
        Command::MergeDriver(args) => merge_driver::run(&mut ctx, &args),
        Command::Analyze(args) => analyze::run(&mut ctx, &args),
        Command::Concordance(args) => concordance::run(&mut ctx, &args),
        Command::Check(args) => check::run(&mut ctx, &args),
        Command::Terms(args) => terms::run(&mut ctx, &args),
        Command::Completions(args) => completions::run(&mut ctx, &args),
        Command::Man(args) => man::run(&mut ctx, &args),
    }?;
    ctx.out.flush()?;
    Ok(outcome)
}
