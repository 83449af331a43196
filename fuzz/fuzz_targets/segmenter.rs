//! The sentence segmenter on any text, German and English rules: spans in
//! order, non-overlapping, inside the text, on char boundaries, not empty,
//! trimmed, and paragraph numbers never decreasing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satz::segment::{Lang, Segmenter};

fuzz_target!(|text: &str| {
    for lang in [Lang::De, Lang::En] {
        let sentences = Segmenter::new(lang).split(text);
        let mut prev_end = 0;
        let mut prev_para = 0;
        for s in &sentences {
            assert!(s.start <= s.end, "{lang}: {s:?} runs backwards");
            assert!(
                s.end <= text.len(),
                "{lang}: {s:?} past the end ({})",
                text.len()
            );
            assert!(
                prev_end <= s.start,
                "{lang}: {s:?} overlaps the previous sentence (end {prev_end})"
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{lang}: {s:?} not on char boundaries"
            );
            assert!(
                prev_para <= s.paragraph,
                "{lang}: {s:?} paragraph goes back"
            );
            let t = &text[s.start..s.end];
            assert!(!t.is_empty(), "{lang}: empty sentence {s:?}");
            assert_eq!(t, t.trim(), "{lang}: untrimmed sentence {s:?}");
            prev_end = s.end;
            prev_para = s.paragraph;
        }
    }
});
