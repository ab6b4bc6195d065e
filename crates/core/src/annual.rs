//! The annual assessment: each indicator's monthly and year-end parts,
//! the home total, and the units' totals ranked within their groups.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::evaluate::IndicatorReport;
use crate::ledger::LedgerReport;
use crate::model::Direction;
use crate::scoring::{annual_score, competition_ranks};
use crate::supervision::Item;

/// One indicator's annual score and its two parts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnualIndicator {
    pub id: String,
    /// Mean of the home's scores in closed months while active.
    pub monthly_mean: Option<f64>,
    pub months_scored: usize,
    /// The projected year-end score (the actual one once December is in);
    /// for an indicator dropped during the year, its last month's score.
    pub year_end: f64,
    pub score: f64,
}

/// One unit's annual total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitTotal {
    pub unit: String,
    /// Annual scores of the indicators it leads.
    pub indicator_points: f64,
    pub ledger_points: f64,
    /// Supervision handling points before the weight.
    pub supervision_points: f64,
    pub total: f64,
    /// Rank within its unit group.
    pub group_rank: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnualReport {
    /// In scheme order.
    pub indicators: Vec<AnnualIndicator>,
    pub home_total: f64,
    /// In scheme unit order.
    pub units: Vec<UnitTotal>,
}

pub(crate) fn compute(
    dataset: &Dataset,
    reports: &[IndicatorReport],
    items: &[Item],
    ledger: &LedgerReport,
) -> AnnualReport {
    let home = dataset.home();
    let open = dataset.figures.open_period;
    let weight = dataset.scheme.annual.monthly_weight;
    let indicators: Vec<AnnualIndicator> = reports
        .iter()
        .map(|report| {
            let closed: Vec<f64> = report
                .months
                .iter()
                .flatten()
                .filter(|m| m.period < open)
                .map(|m| m.peers[home].score)
                .collect();
            let last_active = report.months.iter().flatten().last();
            let year_end = match &report.projection {
                Some(projection) => projection.peers[home].score,
                None => last_active.map_or(0.0, |m| m.peers[home].score),
            };
            let monthly_mean = (!closed.is_empty())
                .then(|| closed.iter().sum::<f64>() / closed.len() as f64);
            AnnualIndicator {
                id: report.id.clone(),
                monthly_mean,
                months_scored: closed.len(),
                year_end,
                score: annual_score(weight, &closed, year_end),
            }
        })
        .collect();
    let home_total = indicators.iter().map(|i| i.score).sum();
    let units = unit_totals(dataset, &indicators, items, ledger);
    AnnualReport {
        indicators,
        home_total,
        units,
    }
}

fn unit_totals(
    dataset: &Dataset,
    indicators: &[AnnualIndicator],
    items: &[Item],
    ledger: &LedgerReport,
) -> Vec<UnitTotal> {
    let scheme = &dataset.scheme;
    let rules = &scheme.annual;
    let count = scheme.units.len();
    let mut indicator_points = vec![0.0; count];
    for (spec, annual) in scheme.indicators.iter().zip(indicators) {
        if let Some(unit) = dataset.unit_index(&spec.lead_unit) {
            indicator_points[unit] += annual.score;
        }
    }
    let mut supervision_points = vec![0.0; count];
    for item in items {
        if let Some(unit) = dataset.unit_index(&item.lead_unit) {
            supervision_points[unit] += item.handling_points;
        }
    }
    let mut totals: Vec<UnitTotal> = scheme
        .units
        .iter()
        .enumerate()
        .map(|(u, unit)| {
            let counts = &ledger.by_unit[u];
            let ledger_points = rules.per_signed_off * counts.signed_off as f64
                + rules.per_early * counts.early as f64
                + rules.per_overdue * counts.overdue_milestones as f64;
            let total = indicator_points[u]
                + ledger_points
                + supervision_points[u] * rules.supervision_weight;
            UnitTotal {
                unit: unit.id.clone(),
                indicator_points: indicator_points[u],
                ledger_points,
                supervision_points: supervision_points[u],
                total,
                group_rank: None,
            }
        })
        .collect();
    for group in 0..scheme.unit_groups.len() {
        let members: Vec<usize> = (0..count)
            .filter(|&u| dataset.index.unit_group[u] == group)
            .collect();
        let values: Vec<Option<f64>> =
            members.iter().map(|&u| Some(totals[u].total)).collect();
        let ranks = competition_ranks(&values, 2, Direction::Higher);
        for (&u, rank) in members.iter().zip(ranks) {
            totals[u].group_rank = rank;
        }
    }
    totals
}
