//! satz's integration tests: one binary, a module per command, run against
//! the real `satz` executable (assert_cmd) in a temporary folder.
//!
//! Tests that need the shared real-world data find it through
//! `SATZ_SHARED_DATA`; without it they say they were skipped and pass.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod align;
mod check;
mod check_corpus;
mod common;
mod errors;
mod export;
mod glossary;
mod glossary_exchange;
mod hardening;
mod import;
mod interop;
mod segment;
mod snapshots;
mod suggest;
mod terms;
