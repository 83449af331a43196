//! satz's integration tests: one binary, a module per command, run against
//! the real `satz` executable (assert_cmd) in a temporary folder.
//!
//! Tests that need the shared real-world data find it through
//! `SATZ_SHARED_DATA` and are `#[ignore]`d, so a plain `cargo test` lists
//! them as ignored; `.ci/run` runs them with `--include-ignored`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod align;
mod align_batch;
mod bad_input;
mod check;
mod check_audit;
mod check_ci;
mod check_corpus;
mod code_shape;
mod common;
mod completions;
mod concordance;
mod concordance_heldout;
mod errors;
mod export;
mod glossary;
mod glossary_exchange;
mod hardening;
mod import;
mod interop;
mod pretranslate;
mod real_clients;
mod segment;
mod snapshots;
mod suggest;
mod suggest_marks;
mod team;
mod terms;
mod wrap;
mod xliff;
