//! Spreadsheets in and out of Dukao.
//!
//! Import reads the city's monthly bulletin of the districts' figures
//! from .xlsx, .xls or .csv (UTF-8, UTF-8 with a byte order mark, or
//! GBK), finds its layout, matches districts and headers to the scheme
//! and parses the figures:
//!
//! ```no_run
//! # fn run(bytes: &[u8], dataset: &dukao_core::Dataset)
//! #     -> Result<(), dukao_sheets::ImportError> {
//! use dukao_sheets::{match_workbook, parse_workbook, preview};
//!
//! let period = dataset.figures.open_period;
//! let tables = parse_workbook("2022年12月.xlsx", bytes)?;
//! let matched = match_workbook(&tables, &dataset.scheme, period)?;
//! let changes = preview(dataset, &matched);
//! println!("{} figures change", changes.changed);
//! match matched.entries() {
//!     Ok(body) => println!("{} entries to send", body.entries.len()),
//!     Err(errors) => errors.iter().for_each(|e| println!("{e}")),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Export (the `export` feature) writes the monthly ranking bulletin,
//! the indicator table, the task ledger and the supervision items as
//! .xlsx and as CSV in UTF-8 with a byte order mark.
//!
//! The crate does no I/O and has no browser dependencies; it builds for
//! wasm32-unknown-unknown, where `dukao-sheets-worker` wraps it.

// ImportError carries its sheet, cell and value for the message; it is
// returned on cold paths only, so its size does not matter.
#![allow(clippy::result_large_err)]

mod error;
mod figures;
mod headers;
mod labels;
mod layout;
mod matched;
mod matching;
mod number;
mod preview;
mod read;
mod table;
mod text;

#[cfg(feature = "export")]
pub mod export;

pub use error::{ErrorKind, ImportError, MAX_MAGNITUDE};
pub use labels::MatchKind;
pub use matched::{
    match_table, match_workbook, Confirmation, Entry, Figure, Matched,
    PeerFigures, Warning,
};
pub use matching::{
    Candidate, Column, Label, Orientation, SheetMatch, Skip, SkipReason,
};
pub use preview::{
    preview, set_value, ChangeKind, FigureChange, Preview, RankChange,
    TotalChange,
};
pub use read::parse_workbook;
pub use table::{cell_name, Cell, Merge, Table};

use dukao_core::model::Scheme;
use dukao_core::Period;

/// Reads a file and returns the body of `PUT /api/peer-figures` for
/// `period`: parse, match, apply the confirmations, then
/// [`Matched::entries`]. Errors list every rejected cell and every label
/// still awaiting confirmation.
pub fn import_to_entries(
    file_name: &str,
    bytes: &[u8],
    scheme: &Scheme,
    period: Period,
    confirmations: &[Confirmation],
) -> Result<PeerFigures, Vec<ImportError>> {
    let tables = parse_workbook(file_name, bytes).map_err(|e| vec![e])?;
    let mut matched =
        match_workbook(&tables, scheme, period).map_err(|e| vec![e])?;
    matched.confirm(scheme, confirmations)?;
    matched.entries()
}
