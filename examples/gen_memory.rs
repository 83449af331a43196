//! Generates a large, realistic synthetic translation memory from a real one,
//! for scale tests and benchmarks (BENCHMARKS.md).
//!
//! ```sh
//! cargo run --release --example gen_memory -- ../shared/data/tm/tm.tsv 1000000 > /tmp/tm-1m.tsv
//! ```
//!
//! Input: `german<TAB>english` lines. Output: as many lines as asked, each a
//! real pair edited the way a memory's near-duplicates differ: numbers
//! changed consistently on both sides (a German number and the same value in
//! the English), a German word replaced by a word of another sentence, a word
//! dropped, or two sentences joined at a clause. About one line in eight is
//! an unedited copy of a real pair. Deterministic: the same seed (the optional
//! third argument, default 20240527) gives the same memory.

// A development tool, not satz: indices come from `Rng::below(len)`, always in range.
#![allow(clippy::indexing_slicing)]

use std::io::{BufWriter, Write};

/// xorshift64*: small, fast, deterministic; statistical quality is plenty here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(count)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_memory TM.tsv COUNT [SEED] > out.tsv");
        std::process::exit(2);
    };
    let seed = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_240_527u64);
    let text = std::fs::read_to_string(input).unwrap_or_else(|e| {
        eprintln!("gen_memory: {input}: {e}");
        std::process::exit(2);
    });
    let pairs: Vec<(&str, &str)> = text.lines().filter_map(|l| l.split_once('\t')).collect();
    if pairs.is_empty() {
        eprintln!("gen_memory: {input}: no german<TAB>english lines");
        std::process::exit(2);
    }
    let words: Vec<&str> = pairs
        .iter()
        .flat_map(|(de, _)| de.split_whitespace())
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 3)
        .collect();
    let mut rng = Rng(seed | 1);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for _ in 0..count {
        let (de, en) = pairs[rng.below(pairs.len())];
        let (de, en) = match rng.below(8) {
            0 => (de.to_owned(), en.to_owned()),
            1 | 2 => renumber(de, en, &mut rng),
            3 | 4 => replace_word(de, en, &words, &mut rng),
            5 => drop_word(de, en, &mut rng),
            _ => {
                let (de2, en2) = pairs[rng.below(pairs.len())];
                join(de, en, de2, en2)
            }
        };
        if writeln!(out, "{de}\t{en}").is_err() {
            return;
        }
    }
}

/// Gives every number of the German a new value, and the same number in the
/// English the same new value (when it is written the same way there).
fn renumber(de: &str, en: &str, rng: &mut Rng) -> (String, String) {
    let mut de_out = String::new();
    let mut en_out = en.to_owned();
    for word in de.split_inclusive(' ') {
        let digits: String = word.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() && digits.len() == word.trim_end_matches([' ', ',', '.']).len() {
            let new = (rng.below(9000) + 10).to_string();
            en_out = en_out.replacen(&digits, &new, 1);
            de_out.push_str(&word.replacen(&digits, &new, 1));
        } else {
            de_out.push_str(word);
        }
    }
    if de_out == de {
        // No plain number: append a year, as reports do.
        let year = 1990 + rng.below(35);
        return (format!("{de} ({year})"), format!("{en} ({year})"));
    }
    (de_out, en_out)
}

fn replace_word(de: &str, en: &str, words: &[&str], rng: &mut Rng) -> (String, String) {
    let mut w: Vec<&str> = de.split(' ').collect();
    let i = rng.below(w.len());
    w[i] = words[rng.below(words.len())];
    (w.join(" "), en.to_owned())
}

fn drop_word(de: &str, en: &str, rng: &mut Rng) -> (String, String) {
    let mut w: Vec<&str> = de.split(' ').collect();
    if w.len() > 3 {
        w.remove(rng.below(w.len()));
    }
    (w.join(" "), en.to_owned())
}

fn join(de: &str, en: &str, de2: &str, en2: &str) -> (String, String) {
    let head = |s: &str| {
        s.split_once(", ")
            .map_or(s.trim_end_matches('.').to_owned(), |(a, _)| a.to_owned())
    };
    let tail = |s: &str| {
        s.split_once(", ")
            .map_or(s.to_owned(), |(_, b)| b.to_owned())
    };
    (
        format!("{}, {}", head(de), tail(de2)),
        format!("{}, {}", head(en), tail(en2)),
    )
}
