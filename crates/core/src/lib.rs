//! The Dukao engine: the assessment scheme's model and what is computed
//! from it. That is competition ranks, scores by each method, red,
//! yellow and green, projected year-end scores and the gap to the next
//! rank. It also raises supervision items and computes annual scores,
//! unit totals and the task ledger's states.
//!
//! The crate does no I/O and has no browser dependencies: the web app
//! runs it on every keystroke, and the server runs it to validate
//! writes and to print bulletins.
//!
//! ```
//! use dukao_core::{evaluate, Dataset, WhatIf};
//!
//! # fn run(scheme: &str, figures: &str, ledger: &str, log: &str)
//! #     -> Result<(), dukao_core::Error> {
//! let dataset = Dataset::from_json(scheme, figures, ledger, log)?;
//! let report = evaluate(&dataset, &WhatIf::default());
//! let home = dataset.home();
//! println!("projected total {:.2}", report.projected_totals.scores[home]);
//! # Ok(())
//! # }
//! ```

pub mod annual;
pub mod bulletin;
pub mod dataset;
pub mod error;
pub mod evaluate;
pub mod ledger;
pub mod model;
pub mod period;
mod rows;
pub mod scoring;
pub mod supervision;
mod validate;
pub mod whatif;

pub use bulletin::Bulletin;
pub use dataset::Dataset;
pub use error::{Error, ErrorKind};
pub use evaluate::{
    evaluate, evaluate_from, evaluate_indicator, Report, WhatIf,
};
pub use period::{Date, Period};
pub use rows::display_round;
pub use scoring::Colour;
pub use whatif::{what_if, WhatIfOutcome};
