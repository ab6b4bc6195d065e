//! The demo dataset, built once per test binary.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::sync::OnceLock;

use dukao_core::model::{Figures, Ledger, Scheme, Series, SupervisionLog};
use dukao_core::{Dataset, Period};

pub struct Demo {
    pub scheme: Scheme,
    pub figures: Figures,
    pub ledger: Ledger,
    pub log: SupervisionLog,
    pub dataset: Dataset,
}

pub fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let (scheme, figures, ledger, log) = dukao_demo::build();
        let dataset = Dataset::new(
            scheme.clone(),
            figures.clone(),
            ledger.clone(),
            log.clone(),
        )
        .unwrap_or_else(|e| panic!("demo dataset is invalid: {e}"));
        Demo {
            scheme,
            figures,
            ledger,
            log,
            dataset,
        }
    })
}

pub fn period(text: &str) -> Period {
    text.parse().expect("test period")
}

/// Finds the peer series of `indicator` for `entity`.
pub fn series<'a>(
    figures: &'a Figures,
    indicator: &str,
    entity: &str,
) -> &'a Series {
    figures
        .peers
        .iter()
        .find(|s| s.indicator == indicator && s.entity == entity)
        .unwrap_or_else(|| panic!("no series {indicator}/{entity}"))
}
