//! The ranking board (大排名): city and group rank side by side for each
//! monthly-ranked indicator, and the peers' totals.

use dukao_core::evaluate::Totals;
use dukao_core::{Dataset, Period, Report};

use super::indicators::{tree, IndicatorRow};

/// One peer's total in a ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub name: String,
    pub group_name: String,
    pub is_home: bool,
    pub score: f64,
    pub city_rank: Option<u32>,
    pub group_rank: Option<u32>,
}

/// The board for one month.
#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub period: Period,
    /// Monthly-ranked indicators active in the period, in scheme order.
    pub rows: Vec<IndicatorRow>,
    /// Totals of the monthly-ranked indicators, best city rank first.
    pub standings: Vec<Standing>,
    /// Projected year-end totals; for the open period only.
    pub projected: Option<Vec<Standing>>,
}

fn rank_standings(dataset: &Dataset, totals: &Totals) -> Vec<Standing> {
    let scheme = &dataset.scheme;
    let mut rows: Vec<Standing> = scheme
        .peers
        .iter()
        .enumerate()
        .map(|(peer, spec)| Standing {
            name: spec.name.clone(),
            group_name: scheme
                .peer_groups
                .iter()
                .find(|g| g.id == spec.group)
                .map_or_else(|| spec.group.clone(), |g| g.name.clone()),
            is_home: peer == dataset.home(),
            score: totals.scores[peer],
            city_rank: totals.city_ranks[peer],
            group_rank: totals.group_ranks[peer],
        })
        .collect();
    rows.sort_by_key(|row| row.city_rank.unwrap_or(u32::MAX));
    rows
}

/// The board for `period`.
pub fn board(dataset: &Dataset, report: &Report, period: Period) -> Board {
    let monthly: Vec<&str> = dataset
        .scheme
        .indicators
        .iter()
        .filter(|i| i.monthly)
        .map(|i| i.id.as_str())
        .collect();
    let rows = tree(dataset, report, period)
        .into_iter()
        .flat_map(|area| area.rows)
        .filter(|row| monthly.contains(&row.id.as_str()))
        .collect();
    let standings = report
        .monthly_totals
        .iter()
        .find(|t| t.period == period)
        .map(|t| rank_standings(dataset, t))
        .unwrap_or_default();
    let projected = (period == dataset.figures.open_period)
        .then(|| rank_standings(dataset, &report.projected_totals));
    Board {
        period,
        rows,
        standings,
        projected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    #[test]
    fn board_lists_monthly_indicators() {
        let (dataset, report) = fixture::evaluated();
        let february = Period::new(2022, 2).unwrap();
        let board = board(&dataset, &report, february);
        let ids: Vec<&str> = board.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["inv", "pol"]);
        assert!(board.projected.is_none(), "February is closed");
    }

    #[test]
    fn board_standings_sorted_by_city_rank() {
        let (dataset, report) = fixture::evaluated();
        let february = Period::new(2022, 2).unwrap();
        let board = board(&dataset, &report, february);
        assert_eq!(board.standings.len(), 5);
        let ranks: Vec<Option<u32>> =
            board.standings.iter().map(|s| s.city_rank).collect();
        let mut sorted = ranks.clone();
        sorted.sort();
        assert_eq!(ranks, sorted);
        assert_eq!(board.standings.iter().filter(|s| s.is_home).count(), 1);
    }

    #[test]
    fn board_open_period_has_projection() {
        let (dataset, report) = fixture::evaluated();
        let board = board(&dataset, &report, dataset.figures.open_period);
        let projected = board.projected.expect("March is open");
        let home = projected.iter().find(|s| s.is_home).unwrap();
        assert!((home.score - 12.0).abs() < 1e-9);
        assert_eq!(home.group_name, "第一小组");
    }
}
