//! Invariants over any input (proptest): spans in order, on char boundaries, nothing lost.

use super::*;
use proptest::prelude::*;

/// Splits `s` into lines by `\n`, `\r\n` or a lone `\r`.
fn lines(s: &str) -> Vec<&str> {
    s.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .collect()
}

/// Number of line terminators in `s` (`\r\n` counts once).
fn line_breaks(s: &str) -> usize {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\r')
        .count()
}

pub(super) fn check_invariants(text: &str, spans: &[Sentence]) {
    let mut prev_end = 0;
    let mut prev_para: Option<usize> = None;
    for (k, s) in spans.iter().enumerate() {
        assert!(s.start < s.end, "empty span {k}: {s:?}");
        assert!(s.start >= prev_end, "overlap/order at {k}: {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = &text[s.start..s.end];
        assert_eq!(t, t.trim(), "span {k} not trimmed: {t:?}");
        let gap = &text[prev_end..s.start];
        assert!(gap.trim().is_empty(), "lost text {gap:?} before span {k}");
        let ls = lines(t);
        for l in ls.iter().skip(1).take(ls.len().saturating_sub(2)) {
            assert!(
                !l.trim().is_empty(),
                "span {k} contains a blank line: {t:?}"
            );
        }
        match prev_para {
            None => assert_eq!(s.paragraph, 0),
            Some(p) => {
                let expected = if line_breaks(gap) >= 2 { p + 1 } else { p };
                assert_eq!(s.paragraph, expected, "paragraph of span {k} in {text:?}");
            }
        }
        prev_para = Some(s.paragraph);
        prev_end = s.end;
    }
    assert!(text[prev_end..].trim().is_empty(), "lost text at the end");
}

fn mix_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ".",
        ". ",
        "! ",
        "? ",
        "?!",
        "…",
        "...",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n \n",
        "\r\n",
        "\r",
        "\t",
        "\u{a0}",
        "\u{2029}",
        "«",
        "»",
        "„",
        "“",
        "”",
        "‹",
        "›",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "-",
        "–",
        ":",
        ";",
        ",",
        ":-)",
        "3",
        "19",
        "2024",
        "10'000",
        "3.5",
        "6.",
        "II.",
        "Dr.",
        "z. B.",
        "z.B.",
        "usw.",
        "U.S.",
        "a.m.",
        "Nr.",
        "v. Chr.",
        "J.",
        "Januar",
        "Mai",
        "Jahrhundert",
        "Das",
        "der",
        "The",
        "it",
        "Er",
        "sagte",
        "Haus",
        "www.x.ch",
        "a@b.de",
        "http://x.org/a?b",
        "é",
        "ß",
        "日本",
        "🙂",
        "\u{301}",
        "I",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn prop_invariants_random_unicode(text in "\\PC{0,200}|[\\s\\S]{0,200}") {
        for lang in [Lang::De, Lang::En] {
            let seg = Segmenter::new(lang);
            let spans = seg.split(&text);
            check_invariants(&text, &spans);
            prop_assert_eq!(seg.sentences(&text).len(), spans.len());
        }
    }

    #[test]
    fn prop_invariants_punctuation_mix(text in mix_strategy()) {
        for lang in [Lang::De, Lang::En] {
            let spans = Segmenter::new(lang).split(&text);
            check_invariants(&text, &spans);
        }
    }

    #[test]
    fn prop_rules_parser_never_panics(src in "[\\[\\]a-z_=\" .,\\n#]{0,80}") {
        let _ = UserRules::from_toml_str(&src);
    }
}
