//! The translation memory: units, TMX files, the `memory/` folder, import
//! and export.

pub mod analyze;
pub mod concordance;
pub mod export;
pub mod fuzzy;
pub mod import;
pub mod index;
pub mod store;
pub mod suggest;
pub mod tmx;
pub mod unit;

pub use crate::lang::{Lang, LangPair};
pub use store::Memory;
pub use unit::{Segment, Unit};
