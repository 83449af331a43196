//! Regression tests with hand-made news sentences, invariants and property
//! tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::*;

mod api;
mod de;
mod en;
mod invariants;

use invariants::check_invariants;

fn de(text: &str) -> Vec<&str> {
    Segmenter::new(Lang::De).sentences(text)
}

fn en(text: &str) -> Vec<&str> {
    Segmenter::new(Lang::En).sentences(text)
}

/// Asserts that `text` splits into exactly `expected` (German).
#[track_caller]
fn check_de(text: &str, expected: &[&str]) {
    assert_eq!(de(text), expected, "input: {text:?}");
    check_invariants(text, &Segmenter::new(Lang::De).split(text));
}

/// Asserts that `text` splits into exactly `expected` (English).
#[track_caller]
fn check_en(text: &str, expected: &[&str]) {
    assert_eq!(en(text), expected, "input: {text:?}");
    check_invariants(text, &Segmenter::new(Lang::En).split(text));
}
