//! The demo dataset: 济阳区 (Jiyang District, Jinan) in the 2022
//! assessment year, at the real scale — 15 peers, 18 areas, 121
//! indicators (44 ranked monthly), 88 units and 841 ledger tasks.
//!
//! The published figures in [`published::PUBLISHED`] are carried as
//! published, with their sources. Every other figure is synthetic. A
//! seeded generator draws them, so the output is the same on every run
//! and every platform. `cargo run -p dukao-demo --bin gen-demo` writes
//! the four documents to data/demo/.

pub mod catalog;
pub mod figures;
mod gaps;
mod ledger;
mod ledger_text;
pub mod peers;
pub mod published;
mod ranks;
pub mod render;
mod rng;
mod scheme;
mod seasons;
mod series;
mod supervision;
mod towns;
pub mod units;

use dukao_core::model::{Figures, Ledger, Scheme, SupervisionLog};

pub use ledger::LIST_SIZES;

/// Builds the four documents of the demo dataset.
pub fn build() -> (Scheme, Figures, Ledger, SupervisionLog) {
    let (areas, specs) = catalog::catalog();
    let (figures, profiles) = figures::generate(&specs);
    let scheme = scheme::build(areas, &specs, profiles);
    let ledger = ledger::build();
    let log = supervision::build(&scheme, &figures, &ledger);
    (scheme, figures, ledger, log)
}
