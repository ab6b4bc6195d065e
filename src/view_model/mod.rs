//! Pure functions that turn the dataset and the engine's report into
//! what each screen shows. They compute nothing the engine computes;
//! they select, sort, count and label.

pub mod annual;
pub mod detail;
pub mod entry;
pub mod figure_input;
pub mod home;
pub mod import;
pub mod indicators;
pub mod ranking;
pub mod supervision;
pub mod tasks;

#[cfg(test)]
pub(crate) mod fixture;

use dukao_core::evaluate::Month;
use dukao_core::{Colour, Dataset, Report};

/// How many peers received a rank in a month's city and home-group
/// ranking.
pub fn ranked_counts(dataset: &Dataset, month: &Month) -> (usize, usize) {
    let city = month.peers.iter().filter(|c| c.city_rank.is_some()).count();
    let group = dataset
        .group_of(dataset.home())
        .iter()
        .filter(|&&peer| month.peers[peer].group_rank.is_some())
        .count();
    (city, group)
}

/// Counts of green, yellow, red and missing indicators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColourCounts {
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    pub missing: usize,
}

impl ColourCounts {
    pub fn add(&mut self, colour: Colour) {
        match colour {
            Colour::Green => self.green += 1,
            Colour::Yellow => self.yellow += 1,
            Colour::Red => self.red += 1,
            Colour::Grey => self.missing += 1,
        }
    }

    pub fn get(&self, colour: Colour) -> usize {
        match colour {
            Colour::Green => self.green,
            Colour::Yellow => self.yellow,
            Colour::Red => self.red,
            Colour::Grey => self.missing,
        }
    }
}

/// The name of a unit by id, or the id itself when the scheme lacks it.
pub fn unit_name(dataset: &Dataset, id: &str) -> String {
    dataset
        .unit_index(id)
        .map(|u| dataset.scheme.units[u].name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The name of an indicator by id, or the id itself when unknown.
pub fn indicator_name(dataset: &Dataset, id: &str) -> String {
    dataset
        .indicator_index(id)
        .map(|i| dataset.scheme.indicators[i].name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Returns the home peer's projected year-end total, unrounded.
pub fn projected_total(dataset: &Dataset, report: &Report) -> f64 {
    report.projected_totals.scores[dataset.home()]
}
