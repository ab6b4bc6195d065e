//! The instant what-if: recompute only the indicators given hypothetical
//! figures and patch the projected totals, instead of a full recompute.

use crate::dataset::Dataset;
use crate::evaluate::{evaluate_indicator, rank_totals, IndicatorReport};
use crate::evaluate::{Report, Totals, WhatIf};

/// The indicators a what-if touches, recomputed, and the projected
/// totals with them in place.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIfOutcome {
    /// Index in the scheme and the recomputed report, for each indicator
    /// with a what-if figure, in scheme order.
    pub indicators: Vec<(usize, IndicatorReport)>,
    /// Projected year-end totals over every indicator active now.
    pub projected_totals: Totals,
}

impl WhatIfOutcome {
    /// Returns the recomputed report of one indicator, or the base one.
    pub fn indicator<'a>(
        &'a self,
        base: &'a Report,
        index: usize,
    ) -> &'a IndicatorReport {
        self.indicators
            .iter()
            .find(|(i, _)| *i == index)
            .map_or(&base.indicators[index], |(_, report)| report)
    }
}

/// Applies `what_if` on top of `base`, the report of a full recompute of
/// `dataset` with no what-if figures. Costs one indicator's recompute per
/// what-if figure; unknown indicator ids are ignored.
pub fn what_if(
    dataset: &Dataset,
    base: &Report,
    what_if: &WhatIf,
) -> WhatIfOutcome {
    let mut touched: Vec<usize> = what_if
        .figures
        .keys()
        .filter_map(|id| dataset.indicator_index(id))
        .collect();
    touched.sort_unstable();
    let mut scores = base.projected_totals.scores.clone();
    let mut indicators = Vec::with_capacity(touched.len());
    for index in touched {
        let report = evaluate_indicator(dataset, index, what_if);
        let old = base.indicators[index].projection.as_ref();
        let new = report.projection.as_ref();
        for (peer, total) in scores.iter_mut().enumerate() {
            *total -= old.map_or(0.0, |p| p.peers[peer].score);
            *total += new.map_or(0.0, |p| p.peers[peer].score);
        }
        indicators.push((index, report));
    }
    let projected_totals =
        rank_totals(dataset, base.projected_totals.period, scores);
    WhatIfOutcome {
        indicators,
        projected_totals,
    }
}
