//! The home screen's tiles.

use dukao_core::ledger::Counts;
use dukao_core::model::ItemStatus;
use dukao_core::{Colour, Dataset, Date, Period, Report};

use super::{projected_total, ColourCounts};

/// One indicator whose home group rank changed since the month before.
#[derive(Clone, Debug, PartialEq)]
pub struct Mover {
    pub id: String,
    pub name: String,
    /// Places risen (negative: fallen).
    pub change: i32,
    pub group_rank: Option<u32>,
    pub colour: Colour,
}

/// Everything the home tiles show.
#[derive(Clone, Debug, PartialEq)]
pub struct HomeSummary {
    pub period: Period,
    pub home_name: String,
    pub group_name: String,
    pub projected_total: f64,
    pub city_rank: Option<u32>,
    pub city_count: usize,
    pub group_rank: Option<u32>,
    pub group_count: usize,
    /// Colours of the indicators active in the open period.
    pub colours: ColourCounts,
    /// Largest rises first.
    pub risers: Vec<Mover>,
    /// Largest falls first.
    pub fallers: Vec<Mover>,
    /// Items not closed yet, overdue ones included.
    pub items_open: usize,
    pub items_overdue: usize,
    pub items_closed: usize,
    pub ledger: Counts,
    pub updated_at: String,
    pub as_of: Date,
}

/// Movers listed per direction on the home screen.
pub const MOVERS_SHOWN: usize = 3;

/// Builds the home tiles from the report of the open period.
pub fn summarise(dataset: &Dataset, report: &Report) -> HomeSummary {
    let home = dataset.home();
    let open = dataset.figures.open_period;
    let totals = &report.projected_totals;
    let home_group = &dataset.scheme.peers[home].group;
    let group_name = dataset
        .scheme
        .peer_groups
        .iter()
        .find(|g| &g.id == home_group)
        .map(|g| g.name.clone())
        .unwrap_or_else(|| home_group.clone());
    let mut colours = ColourCounts::default();
    let mut movers = Vec::new();
    for (spec, result) in
        dataset.scheme.indicators.iter().zip(&report.indicators)
    {
        let Some(month) = result.month(open) else {
            continue;
        };
        let cell = month.peers[home];
        colours.add(cell.colour);
        if let Some(change) = month.rank_change.filter(|c| *c != 0) {
            movers.push(Mover {
                id: spec.id.clone(),
                name: spec.name.clone(),
                change,
                group_rank: cell.group_rank,
                colour: cell.colour,
            });
        }
    }
    let mut risers: Vec<Mover> =
        movers.iter().filter(|m| m.change > 0).cloned().collect();
    risers.sort_by(|a, b| b.change.cmp(&a.change).then(a.name.cmp(&b.name)));
    risers.truncate(MOVERS_SHOWN);
    let mut fallers: Vec<Mover> =
        movers.into_iter().filter(|m| m.change < 0).collect();
    fallers.sort_by(|a, b| a.change.cmp(&b.change).then(a.name.cmp(&b.name)));
    fallers.truncate(MOVERS_SHOWN);
    let open_items = report
        .supervision
        .iter()
        .filter(|item| item.status != ItemStatus::Closed);
    HomeSummary {
        period: open,
        home_name: dataset.scheme.peers[home].name.clone(),
        group_name,
        projected_total: projected_total(dataset, report),
        city_rank: totals.city_ranks[home],
        city_count: totals.scores.len(),
        group_rank: totals.group_ranks[home],
        group_count: dataset.group_of(home).len(),
        colours,
        risers,
        fallers,
        items_open: open_items.clone().count(),
        items_overdue: open_items.filter(|item| item.overdue).count(),
        items_closed: report
            .supervision
            .iter()
            .filter(|item| item.status == ItemStatus::Closed)
            .count(),
        ledger: report.ledger.total,
        updated_at: dataset.figures.updated_at.clone(),
        as_of: dataset.figures.as_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    #[test]
    fn summary_totals_and_ranks() {
        let (dataset, report) = fixture::evaluated();
        let summary = summarise(&dataset, &report);
        // Projected: inv rank 1 of g1 (10 points), pol rank 4 (2 points).
        assert!((summary.projected_total - 12.0).abs() < 1e-9);
        // a: inv second (9 points) and pol first (5 points) = 14.
        assert_eq!(summary.group_rank, Some(2));
        assert_eq!(summary.group_count, 4);
        assert_eq!(summary.city_count, 5);
        assert_eq!(summary.group_name, "第一小组");
        assert_eq!(summary.home_name, "本区");
    }

    #[test]
    fn summary_counts_open_month_colours() {
        let (dataset, report) = fixture::evaluated();
        let summary = summarise(&dataset, &report);
        assert_eq!(summary.colours.missing, 1, "inv is not reported yet");
        assert_eq!(summary.colours.red, 1, "pol is last in g1");
        assert_eq!(summary.colours.green, 0);
        assert_eq!(summary.colours.yellow, 0);
    }

    #[test]
    fn summary_lists_no_movers_without_change() {
        let (dataset, report) = fixture::evaluated();
        let summary = summarise(&dataset, &report);
        // inv is missing in March and pol stayed fourth.
        assert!(summary.risers.is_empty());
        assert!(summary.fallers.is_empty());
    }

    #[test]
    fn summary_lists_fall_under_what_if() {
        let dataset = fixture::dataset();
        let mut what_if = dukao_core::WhatIf::default();
        what_if.figures.insert("inv".to_string(), 3.0);
        let report = dukao_core::evaluate(&dataset, &what_if);
        let summary = summarise(&dataset, &report);
        // February rank 1; March 3.0 is below a 5, b 4 and c 4.
        assert_eq!(summary.fallers.len(), 1);
        assert_eq!(summary.fallers[0].id, "inv");
        assert_eq!(summary.fallers[0].change, -3);
        assert_eq!(summary.fallers[0].colour, Colour::Red);
        assert!(summary.risers.is_empty());
    }

    #[test]
    fn summary_counts_ledger_and_items() {
        let (dataset, report) = fixture::evaluated();
        let summary = summarise(&dataset, &report);
        assert_eq!(summary.ledger.tasks, 3);
        assert_eq!(summary.ledger.signed_off, 1);
        assert_eq!(summary.ledger.behind, 1, "t1 missed its February step");
        assert_eq!(summary.items_closed, 1);
        assert_eq!(
            summary.items_open + summary.items_closed,
            report.supervision.len()
        );
        assert_eq!(summary.updated_at, "2022-03-20T08:15:00+08:00");
    }
}
