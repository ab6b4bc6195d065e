//! The full recompute: ranks, scores, colours, projections and gaps for
//! every indicator and month, then totals, supervision, annual scores,
//! unit totals and the ledger.

use std::collections::HashMap;

use serde::Serialize;

use crate::annual::{self, AnnualReport};
use crate::dataset::{Dataset, MONTHS};
use crate::ledger::{self, LedgerReport};
use crate::model::{Direction, Indicator, Kind};
use crate::period::Period;
use crate::rows::{display_round, gap, score_peers, score_units, Scratch};
use crate::scoring::{self, Colour};
use crate::supervision::{self, Item};

/// Hypothetical home figures for the open period, by indicator id. They
/// change the computed results only, never the dataset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhatIf {
    pub figures: HashMap<String, f64>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty()
    }
}

/// One entity's result for one indicator and month.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cell {
    pub value: Option<f64>,
    pub city_rank: Option<u32>,
    pub group_rank: Option<u32>,
    /// Unrounded points; 0 when the figure is missing.
    pub score: f64,
    pub colour: Colour,
}

impl Cell {
    /// Returns whether the figure was not reported (缺报).
    pub fn missing(&self) -> bool {
        self.value.is_none()
    }
}

/// A home unit's result in the district ranking (全区排名).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UnitCell {
    pub value: Option<f64>,
    pub rank: Option<u32>,
    pub score: f64,
}

/// A home figure that would reach a better group rank.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct GapTarget {
    /// The figure needed, at the indicator's decimals.
    pub value: f64,
    /// The group rank that figure reaches.
    pub group_rank: u32,
    /// Points the home would gain.
    pub points_added: f64,
}

/// The home's distance to the next better group rank and to green.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Gap {
    /// `None` when first or missing.
    pub next_rank: Option<GapTarget>,
    /// `None` when already green or missing.
    pub green: Option<GapTarget>,
}

/// One indicator in one month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Month {
    pub period: Period,
    /// Every peer's cell, in scheme order.
    pub peers: Vec<Cell>,
    /// Every unit's cell when units report this indicator, else empty.
    pub units: Vec<UnitCell>,
    pub gap: Gap,
    /// Places the home's group rank rose since the month before
    /// (negative when it fell); `None` when either is unranked.
    pub rank_change: Option<i32>,
}

/// The projected year-end result of one indicator (预估得分).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projection {
    pub period: Period,
    /// Every peer's projected year-end figure and its result.
    pub peers: Vec<Cell>,
    /// Gap in terms of the open month's figure: the figure to report
    /// this month for the better projected rank.
    pub gap: Gap,
}

/// Everything computed for one indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorReport {
    pub id: String,
    /// January to the open month; `None` where the indicator is inactive.
    pub months: Vec<Option<Month>>,
    /// `None` when inactive in the open month.
    pub projection: Option<Projection>,
    /// The home's group rank in December of the year before.
    pub rank_before_year: Option<u32>,
}

impl IndicatorReport {
    /// Returns the month's result, if computed and active.
    pub fn month(&self, period: Period) -> Option<&Month> {
        let index = period.month.checked_sub(1)? as usize;
        self.months
            .get(index)?
            .as_ref()
            .filter(|m| m.period == period)
    }
}

/// Peers' totals and their ranks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    pub period: Period,
    pub scores: Vec<f64>,
    pub city_ranks: Vec<Option<u32>>,
    pub group_ranks: Vec<Option<u32>>,
}

/// The result of a full recompute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub open_period: Period,
    /// In scheme order.
    pub indicators: Vec<IndicatorReport>,
    /// Totals of the monthly-ranked indicators, January to the open month.
    pub monthly_totals: Vec<Totals>,
    /// Projected year-end totals over every indicator active now.
    pub projected_totals: Totals,
    pub supervision: Vec<Item>,
    pub annual: AnnualReport,
    pub ledger: LedgerReport,
}

/// Recomputes everything for `dataset` with `what_if` applied.
pub fn evaluate(dataset: &Dataset, what_if: &WhatIf) -> Report {
    let indicators: Vec<IndicatorReport> = dataset
        .scheme
        .indicators
        .iter()
        .enumerate()
        .map(|(i, _)| evaluate_indicator(dataset, i, what_if))
        .collect();
    let ledger = ledger::summarise(dataset);
    assemble(dataset, indicators, ledger)
}

/// Recomputes with `what_if` applied, starting from `base`, the report of
/// `dataset` with no what-if figures: only the indicators given a what-if
/// figure are recomputed, the rest are copied. The result equals
/// `evaluate(dataset, what_if)`.
pub fn evaluate_from(
    dataset: &Dataset,
    base: &Report,
    what_if: &WhatIf,
) -> Report {
    let mut indicators = base.indicators.clone();
    for id in what_if.figures.keys() {
        if let Some(index) = dataset.indicator_index(id) {
            indicators[index] = evaluate_indicator(dataset, index, what_if);
        }
    }
    assemble(dataset, indicators, base.ledger.clone())
}

/// Derives the totals, supervision items and annual scores from the
/// indicators' results.
fn assemble(
    dataset: &Dataset,
    indicators: Vec<IndicatorReport>,
    ledger: LedgerReport,
) -> Report {
    let open = dataset.figures.open_period;
    let monthly_totals = Period::months_of(dataset.scheme.year)
        .filter(|p| *p <= open)
        .map(|period| month_totals(dataset, &indicators, period))
        .collect();
    let projected_totals = projected_totals(dataset, &indicators);
    let supervision = supervision::items(dataset, &indicators);
    let annual = annual::compute(dataset, &indicators, &supervision, &ledger);
    Report {
        open_period: open,
        indicators,
        monthly_totals,
        projected_totals,
        supervision,
        annual,
        ledger,
    }
}

/// Recomputes one indicator: every month to the open one, and its
/// projection. `evaluate_from` calls this for each indicator given a
/// what-if figure.
pub fn evaluate_indicator(
    dataset: &Dataset,
    indicator: usize,
    what_if: &WhatIf,
) -> IndicatorReport {
    let spec = &dataset.scheme.indicators[indicator];
    let open = dataset.figures.open_period;
    let year = dataset.scheme.year;
    // A what-if figure that is not a finite number is ignored: the
    // screens reject it before it gets here.
    let override_value = what_if
        .figures
        .get(&spec.id)
        .copied()
        .filter(|value| value.is_finite());
    let mut scratch = Scratch::default();
    let mut values = Vec::with_capacity(dataset.scheme.peers.len());
    let row = |period: Period, values: &mut Vec<f64>| {
        let month = period.offset_from_year_before(year).unwrap_or(0);
        values.clear();
        values.extend_from_slice(dataset.peer_row(indicator, month));
        if period == open {
            if let Some(value) = override_value {
                values[dataset.home()] = value;
            }
        }
    };
    let december = Period {
        year: year - 1,
        month: 12,
    };
    row(december, &mut values);
    let before = score_peers(dataset, spec, &values, 1.0, &mut scratch);
    let rank_before_year = before[dataset.home()].group_rank;
    let mut previous_rank = rank_before_year;
    let mut months = Vec::with_capacity(12);
    for period in Period::months_of(year).filter(|p| *p <= open) {
        if !spec.is_active(period) {
            months.push(None);
            previous_rank = None;
            continue;
        }
        let share = month_share(spec, period.month);
        row(period, &mut values);
        let peers = score_peers(dataset, spec, &values, share, &mut scratch);
        let gap = gap(dataset, spec, &values, share, &peers, &mut scratch);
        let rank = peers[dataset.home()].group_rank;
        let rank_change = match (previous_rank, rank) {
            (Some(before), Some(now)) => Some(before as i32 - now as i32),
            _ => None,
        };
        previous_rank = rank;
        let units = if dataset.has_unit_figures(indicator) {
            let month = period.offset_from_year_before(year).unwrap_or(0);
            score_units(spec, dataset.unit_row(indicator, month), share)
        } else {
            Vec::new()
        };
        months.push(Some(Month {
            period,
            peers,
            units,
            gap,
            rank_change,
        }));
    }
    let projection = spec
        .is_active(open)
        .then(|| project(dataset, indicator, override_value));
    IndicatorReport {
        id: spec.id.clone(),
        months,
        projection,
        rank_before_year,
    }
}

/// Expected share of the year's amount by the end of `month` (1–12):
/// the seasonal profile when given, else month ÷ 12; 1 for rates.
pub fn month_share(indicator: &Indicator, month: u32) -> f64 {
    if indicator.kind == Kind::Level {
        return 1.0;
    }
    let index = month.clamp(1, 12) as usize - 1;
    match &indicator.seasonal_profile {
        Some(profile) if profile.len() == 12 => profile[index],
        _ => month.clamp(1, 12) as f64 / 12.0,
    }
}

fn project(
    dataset: &Dataset,
    indicator: usize,
    override_value: Option<f64>,
) -> Projection {
    let spec = &dataset.scheme.indicators[indicator];
    let open = dataset.figures.open_period;
    let year = dataset.scheme.year;
    let open_month = open.offset_from_year_before(year).unwrap_or(MONTHS - 1);
    let first = Period { year, month: 1 }
        .offset_from_year_before(year)
        .unwrap_or(12);
    let home = dataset.home();
    let projected: Vec<f64> = (0..dataset.scheme.peers.len())
        .map(|peer| {
            for month in (first..=open_month).rev() {
                let mut value = dataset.peer_row(indicator, month)[peer];
                if peer == home && month == open_month {
                    value = override_value.unwrap_or(value);
                }
                if !value.is_nan() {
                    let share = month_share(spec, (month - first + 1) as u32);
                    return value / share;
                }
            }
            f64::NAN
        })
        .collect();
    let mut scratch = Scratch::default();
    let peers = score_peers(dataset, spec, &projected, 1.0, &mut scratch);
    let mut gap = gap(dataset, spec, &projected, 1.0, &peers, &mut scratch);
    let share = month_share(spec, open.month);
    for target in [&mut gap.next_rank, &mut gap.green].into_iter().flatten() {
        target.value = display_round(target.value * share, spec.decimals);
    }
    Projection {
        period: open,
        peers,
        gap,
    }
}

fn month_totals(
    dataset: &Dataset,
    indicators: &[IndicatorReport],
    period: Period,
) -> Totals {
    let mut scores = vec![0.0; dataset.scheme.peers.len()];
    for (spec, report) in dataset.scheme.indicators.iter().zip(indicators) {
        if !spec.monthly {
            continue;
        }
        if let Some(month) = report.month(period) {
            for (total, cell) in scores.iter_mut().zip(&month.peers) {
                *total += cell.score;
            }
        }
    }
    rank_totals(dataset, period, scores)
}

fn projected_totals(
    dataset: &Dataset,
    indicators: &[IndicatorReport],
) -> Totals {
    let mut scores = vec![0.0; dataset.scheme.peers.len()];
    for report in indicators {
        if let Some(projection) = &report.projection {
            for (total, cell) in scores.iter_mut().zip(&projection.peers) {
                *total += cell.score;
            }
        }
    }
    rank_totals(dataset, dataset.figures.open_period, scores)
}

pub(crate) fn rank_totals(
    dataset: &Dataset,
    period: Period,
    scores: Vec<f64>,
) -> Totals {
    let values: Vec<Option<f64>> = scores.iter().map(|s| Some(*s)).collect();
    let city_ranks = scoring::competition_ranks(&values, 2, Direction::Higher);
    let mut group_ranks = vec![None; scores.len()];
    for members in &dataset.index.group_members {
        let group: Vec<Option<f64>> =
            members.iter().map(|&peer| Some(scores[peer])).collect();
        let ranks = scoring::competition_ranks(&group, 2, Direction::Higher);
        for (&peer, rank) in members.iter().zip(ranks) {
            group_ranks[peer] = rank;
        }
    }
    Totals {
        period,
        scores,
        city_ranks,
        group_ranks,
    }
}
