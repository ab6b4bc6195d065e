//! One indicator's detail: its results month by month, the peers in rank
//! order, the projection, the gaps and its supervision items.

use dukao_core::evaluate::{Cell, Gap};
use dukao_core::model::Direction;
use dukao_core::supervision::Item;
use dukao_core::{Colour, Dataset, Period, Report};

use crate::format;

/// One peer's figure and result in one month.
#[derive(Clone, Debug, PartialEq)]
pub struct PeerFigure {
    pub name: String,
    pub is_home: bool,
    /// In the home peer's group.
    pub in_home_group: bool,
    pub value: Option<f64>,
    pub city_rank: Option<u32>,
    pub group_rank: Option<u32>,
    pub score: f64,
    pub colour: Colour,
}

/// The home's result in one month.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    pub period: Period,
    pub value: Option<f64>,
    pub city_rank: Option<u32>,
    pub group_rank: Option<u32>,
    pub score: f64,
    pub colour: Colour,
    pub rank_change: Option<i32>,
}

/// One peer's figures over the active months, for the trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSeries {
    pub name: String,
    pub is_home: bool,
    pub values: Vec<Option<f64>>,
}

/// Everything the detail screen shows for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub id: String,
    pub name: String,
    pub area_name: String,
    pub lead_unit_name: String,
    pub support_unit_names: Vec<String>,
    pub measure: String,
    pub decimals: u32,
    pub direction: Direction,
    pub method: String,
    pub full_points: f64,
    pub monthly: bool,
    /// The month `current`, `gap` and `peers` describe.
    pub period: Period,
    pub current: Option<PeerFigure>,
    pub gap: Gap,
    /// The home's projected year-end result, when active now.
    pub projection: Option<PeerFigure>,
    /// The open month's figure needed for a better projected rank.
    pub projected_gap: Gap,
    /// Months the indicator was active, January first.
    pub months: Vec<Period>,
    /// The home group's peers, the home first.
    pub trend: Vec<TrendSeries>,
    pub history: Vec<HistoryRow>,
    /// Every peer in `period`, best city rank first, missing last.
    pub peers: Vec<PeerFigure>,
    pub items: Vec<Item>,
}

fn peer_figure(dataset: &Dataset, peer: usize, cell: &Cell) -> PeerFigure {
    let home = dataset.home();
    PeerFigure {
        name: dataset.scheme.peers[peer].name.clone(),
        is_home: peer == home,
        in_home_group: dataset.group_of(home).contains(&peer),
        value: cell.value,
        city_rank: cell.city_rank,
        group_rank: cell.group_rank,
        score: cell.score,
        colour: cell.colour,
    }
}

/// The detail of indicator `id` in `period`; `None` when the scheme has
/// no such indicator. A period outside January to the open month, or
/// one where the indicator is inactive, leaves `current` empty.
pub fn detail(
    dataset: &Dataset,
    report: &Report,
    id: &str,
    period: Period,
) -> Option<Detail> {
    let index = dataset.indicator_index(id)?;
    let spec = &dataset.scheme.indicators[index];
    let result = &report.indicators[index];
    let home = dataset.home();
    let area_name = dataset
        .scheme
        .areas
        .iter()
        .find(|a| a.id == spec.area)
        .map_or_else(|| spec.area.clone(), |a| a.name.clone());
    let active: Vec<_> = result.months.iter().flatten().collect();
    let months: Vec<Period> = active.iter().map(|m| m.period).collect();
    let mut group: Vec<usize> = dataset.group_of(home).to_vec();
    group.sort_by_key(|&peer| peer != home);
    let trend = group
        .iter()
        .map(|&peer| TrendSeries {
            name: dataset.scheme.peers[peer].name.clone(),
            is_home: peer == home,
            values: active.iter().map(|m| m.peers[peer].value).collect(),
        })
        .collect();
    let history = active
        .iter()
        .map(|m| {
            let cell = m.peers[home];
            HistoryRow {
                period: m.period,
                value: cell.value,
                city_rank: cell.city_rank,
                group_rank: cell.group_rank,
                score: cell.score,
                colour: cell.colour,
                rank_change: m.rank_change,
            }
        })
        .collect();
    let month = result.month(period);
    let mut peers: Vec<PeerFigure> = month
        .map(|m| {
            m.peers
                .iter()
                .enumerate()
                .map(|(peer, cell)| peer_figure(dataset, peer, cell))
                .collect()
        })
        .unwrap_or_default();
    peers.sort_by_key(|p| p.city_rank.unwrap_or(u32::MAX));
    let projection = result.projection.as_ref();
    Some(Detail {
        id: spec.id.clone(),
        name: spec.name.clone(),
        area_name,
        lead_unit_name: super::unit_name(dataset, &spec.lead_unit),
        support_unit_names: spec
            .support_units
            .iter()
            .map(|u| super::unit_name(dataset, u))
            .collect(),
        measure: spec.measure.clone(),
        decimals: spec.decimals,
        direction: spec.direction,
        method: format::method(spec),
        full_points: spec.full_points,
        monthly: spec.monthly,
        period,
        current: month.map(|m| peer_figure(dataset, home, &m.peers[home])),
        gap: month.map(|m| m.gap).unwrap_or_default(),
        projection: projection
            .map(|p| peer_figure(dataset, home, &p.peers[home])),
        projected_gap: projection.map(|p| p.gap).unwrap_or_default(),
        months,
        trend,
        history,
        peers,
        items: report
            .supervision
            .iter()
            .filter(|item| item.indicator == spec.id)
            .cloned()
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    fn period(month: u32) -> Period {
        Period::new(2022, month).unwrap()
    }

    #[test]
    fn detail_unknown_id_is_none() {
        let (dataset, report) = fixture::evaluated();
        assert!(detail(&dataset, &report, "nope", period(3)).is_none());
    }

    #[test]
    fn detail_trend_has_home_first() {
        let (dataset, report) = fixture::evaluated();
        let detail = detail(&dataset, &report, "inv", period(3)).unwrap();
        assert_eq!(detail.months.len(), 3);
        assert_eq!(detail.trend.len(), 4, "the four peers of g1");
        assert!(detail.trend[0].is_home);
        assert_eq!(detail.trend[0].values, [Some(3.0), Some(6.0), None]);
        assert!(detail.trend.iter().all(|s| s.name != "丁县"));
    }

    #[test]
    fn detail_peers_in_city_rank_order() {
        let (dataset, report) = fixture::evaluated();
        let detail = detail(&dataset, &report, "inv", period(2)).unwrap();
        let names: Vec<&str> =
            detail.peers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["本区", "丙区", "甲区", "乙区", "丁县"]);
        assert!(!detail.peers[4].in_home_group);
        assert_eq!(detail.current.as_ref().unwrap().group_rank, Some(1));
    }

    #[test]
    fn detail_missing_peer_sorts_last() {
        let (dataset, report) = fixture::evaluated();
        let detail = detail(&dataset, &report, "inv", period(3)).unwrap();
        let last = detail.peers.last().unwrap();
        assert!(last.is_home);
        assert_eq!(last.colour, Colour::Grey);
    }

    #[test]
    fn detail_gap_names_next_rank_figure() {
        let (dataset, report) = fixture::evaluated();
        let detail = detail(&dataset, &report, "pol", period(3)).unwrap();
        // March: a 10, c 15, b 20, h 25; lower is better.
        let next = detail.gap.next_rank.expect("home is fourth");
        assert_eq!(next.value, 20.0);
        assert_eq!(next.group_rank, 3);
        let green = detail.gap.green.expect("home is not green");
        assert_eq!(green.value, 10.0);
        assert_eq!(green.group_rank, 1);
    }

    #[test]
    fn detail_projection_and_items() {
        let (dataset, report) = fixture::evaluated();
        let detail = detail(&dataset, &report, "inv", period(3)).unwrap();
        let projection = detail.projection.expect("inv is active");
        assert_eq!(projection.group_rank, Some(1), "February's 6.0 stands");
        assert!(detail.items.iter().all(|item| item.indicator == "inv"));
        assert!(detail.items.iter().any(|item| item.period == period(1)));
    }
}
