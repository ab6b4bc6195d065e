//! The preview of an import's changes: old and new figures, and the home's
//! group ranks before and after, recomputed by the engine.

use dukao_core::evaluate::Report;
use dukao_core::model::{Figures, Ledger, Series, SupervisionLog};
use dukao_core::{evaluate, Colour, Dataset, Period, WhatIf};
use serde::Serialize;

use crate::matched::Matched;

/// The comparison of an imported figure with the stored one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// No figure was stored.
    Added,
    Changed,
    Unchanged,
    /// The file has no figure; the stored one is kept.
    Missing,
}

/// One figure, old and new.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureChange {
    pub indicator: String,
    pub indicator_name: String,
    pub peer: String,
    pub peer_name: String,
    pub measure: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
    pub change: ChangeKind,
    pub sheet: String,
    pub cell: String,
}

/// The home's result for one indicator, before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankChange {
    pub indicator: String,
    pub indicator_name: String,
    pub old_group_rank: Option<u32>,
    pub new_group_rank: Option<u32>,
    pub old_colour: Colour,
    pub new_colour: Colour,
    pub old_score: f64,
    pub new_score: f64,
}

/// The home's monthly total, before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TotalChange {
    pub old_score: f64,
    pub new_score: f64,
    pub old_group_rank: Option<u32>,
    pub new_group_rank: Option<u32>,
}

/// The preview shown before the import is confirmed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preview {
    pub period: Period,
    pub figures: Vec<FigureChange>,
    /// Indicators whose home result differs, in scheme order.
    pub ranks: Vec<RankChange>,
    /// `None` when the period has no monthly total (outside January to
    /// the open month).
    pub total: Option<TotalChange>,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub missing: usize,
}

/// Lists old → new figures and recomputes the home's results with the
/// new figures. Ranks are only computed for months from January to the
/// open month; figures outside the dataset's two years are listed but
/// change no rank.
pub fn preview(dataset: &Dataset, matched: &Matched) -> Preview {
    let scheme = &dataset.scheme;
    let period = matched.period;
    let mut figures = Vec::with_capacity(matched.figures.len());
    let mut updated = dataset.figures.clone();
    for figure in &matched.figures {
        let indicator = dataset.indicator_index(&figure.indicator);
        let peer = dataset.peer_index(&figure.peer);
        let (Some(i), Some(p)) = (indicator, peer) else {
            continue;
        };
        let spec = &scheme.indicators[i];
        let old = dataset.peer_value(i, period, p);
        let change = match (old, figure.value) {
            (_, None) => ChangeKind::Missing,
            (None, Some(_)) => ChangeKind::Added,
            (Some(a), Some(b)) if same(a, b) => ChangeKind::Unchanged,
            _ => ChangeKind::Changed,
        };
        if let Some(value) = figure.value {
            set_value(
                &mut updated,
                &figure.indicator,
                &figure.peer,
                period,
                value,
            );
        }
        figures.push(FigureChange {
            indicator: spec.id.clone(),
            indicator_name: spec.name.clone(),
            peer: figure.peer.clone(),
            peer_name: scheme.peers[p].name.clone(),
            measure: spec.measure.clone(),
            old,
            new: figure.value,
            change,
            sheet: figure.sheet.clone(),
            cell: figure.cell.clone(),
        });
    }
    let count = |kind| figures.iter().filter(|f| f.change == kind).count();
    let (added, changed) =
        (count(ChangeKind::Added), count(ChangeKind::Changed));
    let (unchanged, missing) =
        (count(ChangeKind::Unchanged), count(ChangeKind::Missing));
    let (ranks, total) = match (
        recompute(dataset, dataset.figures.clone()),
        recompute(dataset, updated),
    ) {
        (Some(before), Some(after)) => {
            compare(dataset, &before, &after, period)
        }
        _ => (Vec::new(), None),
    };
    Preview {
        period,
        figures,
        ranks,
        total,
        added,
        changed,
        unchanged,
        missing,
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

/// Evaluates the figures alone: the ledger and supervision log do not
/// change ranks, so empty ones keep the recompute short.
fn recompute(dataset: &Dataset, figures: Figures) -> Option<Report> {
    let ledger = Ledger {
        year: dataset.scheme.year,
        tasks: Vec::new(),
    };
    let light = Dataset::new(
        dataset.scheme.clone(),
        figures,
        ledger,
        SupervisionLog::default(),
    )
    .ok()?;
    Some(evaluate(&light, &WhatIf::default()))
}

fn compare(
    dataset: &Dataset,
    before: &Report,
    after: &Report,
    period: Period,
) -> (Vec<RankChange>, Option<TotalChange>) {
    let home = dataset.home();
    let mut ranks = Vec::new();
    let indicators = before.indicators.iter().zip(&after.indicators);
    for (spec, (old, new)) in dataset.scheme.indicators.iter().zip(indicators) {
        let (Some(old), Some(new)) = (old.month(period), new.month(period))
        else {
            continue;
        };
        let (old, new) = (old.peers[home], new.peers[home]);
        if old == new {
            continue;
        }
        ranks.push(RankChange {
            indicator: spec.id.clone(),
            indicator_name: spec.name.clone(),
            old_group_rank: old.group_rank,
            new_group_rank: new.group_rank,
            old_colour: old.colour,
            new_colour: new.colour,
            old_score: round2(old.score),
            new_score: round2(new.score),
        });
    }
    let totals = |report: &Report| {
        report
            .monthly_totals
            .iter()
            .find(|t| t.period == period)
            .cloned()
    };
    let total = match (totals(before), totals(after)) {
        (Some(old), Some(new)) => Some(TotalChange {
            old_score: round2(old.scores[home]),
            new_score: round2(new.scores[home]),
            old_group_rank: old.group_ranks[home],
            new_group_rank: new.group_ranks[home],
        }),
        _ => None,
    };
    (ranks, total)
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0 + 0.0
}

/// Sets one peer's figure, creating or widening its series. A source
/// recorded for that period is dropped because it no longer describes
/// the figure.
pub fn set_value(
    figures: &mut Figures,
    indicator: &str,
    peer: &str,
    period: Period,
    value: f64,
) {
    let months = |p: Period| p.year as i64 * 12 + p.month as i64 - 1;
    let series = match figures
        .peers
        .iter_mut()
        .position(|s| s.indicator == indicator && s.entity == peer)
    {
        Some(at) => &mut figures.peers[at],
        None => {
            figures.peers.push(Series {
                indicator: indicator.to_string(),
                entity: peer.to_string(),
                from: period,
                values: Vec::new(),
                sources: Vec::new(),
            });
            figures.peers.last_mut().expect("just pushed")
        }
    };
    if series.values.is_empty() {
        series.from = period;
    }
    let offset = months(period) - months(series.from);
    if offset < 0 {
        let mut values = vec![None; (-offset) as usize];
        values.append(&mut series.values);
        series.values = values;
        series.from = period;
    }
    let at = (months(period) - months(series.from)) as usize;
    if series.values.len() <= at {
        series.values.resize(at + 1, None);
    }
    series.values[at] = Some(value);
    series.sources.retain(|s| s.period != period);
}
