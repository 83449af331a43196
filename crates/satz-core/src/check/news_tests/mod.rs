#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

//! The severity model on the patterns real news translations showed (each
//! sentence written here, after the kinds the audit found; none copied):
//! figures, units and times in `numbers.rs`; dates, untranslated text and
//! terms in `dates_and_words.rs`.

mod dates_and_words;
mod numbers;

use std::path::Path;

use super::*;
use crate::glossary::Glossary;

/// A glossary with the terms of the news examples.
fn news_glossary() -> Glossary {
    let text = r#"
[[term]]
de = "Flüchtling"
en = ["refugee"]
forbidden = ["fugitive"]

[[term]]
de = "Handy"
en = ["mobile phone", "cell phone"]
forbidden = ["handy"]

[[term]]
de = "Chef"
en = ["head", "boss", "chief"]
forbidden = ["chef"]

[[term]]
de = "Polizist"
en = ["police officer", "policeman"]

[[term]]
de = "Abgeordneter"
en = ["MP", "lawmaker"]

[[term]]
de = "Gewerkschaft"
en = ["union"]

[[term]]
de = "Ermittlung"
en = ["investigation"]

[[term]]
de = "Bürgermeister"
en = ["mayor"]
"#;
    Glossary::parse(text, Path::new("glossary.toml")).unwrap()
}

/// (code, severity) of every finding, with the pair's languages.
fn findings_in(pair: (&str, &str), de: &str, en: &str) -> Vec<(Code, Severity)> {
    let g = news_glossary();
    Checker::for_pair(&g, pair.0, pair.1)
        .check(&[Pair::new("u", de, en)], &CheckOptions::default())
        .into_iter()
        .map(|f| (f.code, f.severity))
        .collect()
}

/// (code, severity) of every finding of a German-English pair.
fn findings(de: &str, en: &str) -> Vec<(Code, Severity)> {
    findings_in(("de", "en"), de, en)
}
