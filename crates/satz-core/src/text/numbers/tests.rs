use super::*;
use proptest::prelude::*;

fn vals(text: &str, lang: NumLang) -> Vec<f64> {
    find_numbers(text, lang).iter().map(|n| n.value).collect()
}

#[test]
fn german_thousands_variants() {
    for s in [
        "10'000",
        "10’000",
        "10.000",
        "10 000",
        "10\u{2009}000",
        "10\u{202f}000",
        "10\u{a0}000",
    ] {
        let ns = find_numbers(s, NumLang::De);
        assert_eq!(ns.len(), 1, "{s}");
        assert_eq!(ns[0].value, 10000.0, "{s}");
        assert_eq!(ns[0].text, s);
        assert_eq!((ns[0].start, ns[0].end), (0, s.len()));
    }
    assert_eq!(vals("1.234.567 Einwohner", NumLang::De), vec![1_234_567.0]);
    assert_eq!(vals("10.000,50 Franken", NumLang::De), vec![10000.5]);
    assert_eq!(vals("10'000.50 Franken", NumLang::De), vec![10000.5]);
}

#[test]
fn german_decimals() {
    assert_eq!(vals("5,5 Prozent", NumLang::De), vec![5.5]);
    assert_eq!(vals("8839,8 m", NumLang::De), vec![8839.8]);
    assert_eq!(vals("3.5 Tonnen", NumLang::De), vec![3.5]);
    assert_eq!(vals("8847.60 m", NumLang::De), vec![8847.6]);
    assert_eq!(vals("0,25", NumLang::De), vec![0.25]);
}

#[test]
fn german_years_ordinals_and_words() {
    assert_eq!(vals("im Jahr 1977", NumLang::De), vec![1977.0]);
    let ns = find_numbers("am 6. Juni", NumLang::De);
    assert_eq!(ns.len(), 1);
    assert_eq!(ns[0].value, 6.0);
    assert!(ns[0].ordinal);
    assert_eq!(ns[0].text, "6.");
    assert_eq!(vals("122-mm-Geschütz", NumLang::De), vec![122.0]);
    assert_eq!(vals("MiG-29 und Hwasong-11", NumLang::De), vec![29.0, 11.0]);
    assert_eq!(vals("S. 147-151", NumLang::De), vec![147.0, 151.0]);
    assert_eq!(vals("1954/55", NumLang::De), vec![1954.0, 55.0]);
    assert_eq!(vals("200.- Rupies", NumLang::De), vec![200.0]);
    // sentence-final year is not an ordinal
    let ns = find_numbers("erstiegen 1956.", NumLang::De);
    assert!(!ns[0].ordinal);
    assert_eq!(ns[0].text, "1956");
}

#[test]
fn german_dates() {
    assert_eq!(vals("am 18.05.1956", NumLang::De), vec![18.0, 5.0, 1956.0]);
    assert_eq!(vals("am 18.5. abgereist", NumLang::De), vec![18.0, 5.0]);
}

#[test]
fn years_in_sequence_do_not_group() {
    assert_eq!(vals("1849 und 1850", NumLang::De), vec![1849.0, 1850.0]);
    assert_eq!(vals("seit 1952 200 Mann", NumLang::De), vec![1952.0, 200.0]);
}

#[test]
fn english_rules() {
    assert_eq!(vals("10,000 people", NumLang::En), vec![10000.0]);
    assert_eq!(vals("5.5 percent", NumLang::En), vec![5.5]);
    assert_eq!(vals("1,500", NumLang::En), vec![1500.0]);
    assert_eq!(vals("1,234,567.89", NumLang::En), vec![1_234_567.89]);
    assert_eq!(vals("1,5", NumLang::En), vec![1.0, 5.0]);
    assert_eq!(
        vals("in 2005 and 2006, the", NumLang::En),
        vec![2005.0, 2006.0]
    );
    let ns = find_numbers("the 6th fleet", NumLang::En);
    assert!(ns[0].ordinal);
    assert_eq!(ns[0].text, "6th");
}

#[test]
fn french_rules() {
    assert_eq!(vals("8839,8 m", NumLang::Fr), vec![8839.8]);
    assert_eq!(vals("10 000 habitants", NumLang::Fr), vec![10000.0]);
    let ns = find_numbers("les 2e et 3e ascensions", NumLang::Fr);
    assert_eq!(
        ns.iter().map(|n| n.value).collect::<Vec<_>>(),
        vec![2.0, 3.0]
    );
    assert!(ns.iter().all(|n| n.ordinal));
}

#[test]
fn negative_numbers() {
    assert_eq!(vals("bei -5 Grad", NumLang::De), vec![-5.0]);
    assert_eq!(vals("−12,5", NumLang::De), vec![-12.5]);
    assert_eq!(vals("Nr.-5", NumLang::De), vec![5.0]);
}

#[test]
fn scale_words() {
    let ns = find_numbers("5 Milliarden Euro", NumLang::De);
    assert_eq!(ns[0].scaled, Some(5e9));
    let ns = find_numbers("2,5 Mio. Franken", NumLang::De);
    assert_eq!(ns[0].scaled, Some(2.5e6));
    let ns = find_numbers("5 billion dollars", NumLang::En);
    assert_eq!(ns[0].scaled, Some(5e9));
    let ns = find_numbers("3 Billionen", NumLang::De);
    assert_eq!(ns[0].scaled, Some(3e12));
    let ns = find_numbers("3 million", NumLang::En);
    assert_eq!(ns[0].scaled, Some(3e6));
    let ns = find_numbers("8848 m", NumLang::De);
    assert_eq!(ns[0].scaled, None);
}

#[test]
fn cross_language_equivalence() {
    let de = vals("10.000 und 5,5 und 10'000", NumLang::De);
    let en = vals("10,000 and 5.5 and 10,000", NumLang::En);
    assert_eq!(de, en);
}

#[test]
fn empty_and_no_digits() {
    assert!(find_numbers("", NumLang::De).is_empty());
    assert!(find_numbers("keine Zahl hier", NumLang::En).is_empty());
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(s in "\\PC{0,60}", lang in 0u8..3) {
        let lang = [NumLang::De, NumLang::En, NumLang::Fr][lang as usize];
        let ns = find_numbers(&s, lang);
        let mut last = 0;
        for n in &ns {
            prop_assert!(n.start >= last);
            prop_assert!(n.start < n.end);
            prop_assert_eq!(s.get(n.start..n.end), Some(n.text.as_str()));
            prop_assert!(n.value.is_finite());
            last = n.end;
        }
    }

    #[test]
    fn digit_heavy_strings(s in "[0-9.,' \\-a-z’]{0,40}", lang in 0u8..3) {
        let lang = [NumLang::De, NumLang::En, NumLang::Fr][lang as usize];
        let ns = find_numbers(&s, lang);
        for n in &ns {
            prop_assert_eq!(s.get(n.start..n.end), Some(n.text.as_str()));
        }
    }

    #[test]
    fn integers_roundtrip(v in 0u64..10_000_000_000) {
        let plain = v.to_string();
        let mut grouped = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                grouped.push('#');
            }
            grouped.push(c);
        }
        let cases = [
            (grouped.replace('#', "."), NumLang::De),
            (grouped.replace('#', "'"), NumLang::De),
            (grouped.replace('#', "\u{2009}"), NumLang::De),
            (grouped.replace('#', ","), NumLang::En),
            (grouped.replace('#', "\u{202f}"), NumLang::Fr),
        ];
        for (text, lang) in cases {
            let ns = find_numbers(&format!("rund {text} Stück"), lang);
            prop_assert_eq!(ns.len(), 1, "{}", text);
            prop_assert_eq!(ns[0].value, v as f64);
        }
    }

    #[test]
    fn decimals_roundtrip(i in 0u32..100_000, f in 1u32..100) {
        let de = find_numbers(&format!("x {i},{f:02} y"), NumLang::De);
        let en = find_numbers(&format!("x {i}.{f:02} y"), NumLang::En);
        prop_assert_eq!(de.len(), 1);
        prop_assert_eq!(en.len(), 1);
        prop_assert!(same_value(de[0].value, en[0].value));
    }
}
