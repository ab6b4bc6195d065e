//! The indicator tree: areas, their indicators' results in one month,
//! and the filters.

use dukao_core::{Colour, Dataset, Period, Report};

use super::ranked_counts;

/// One indicator's line in the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub id: String,
    pub name: String,
    pub area: String,
    pub lead_unit: String,
    pub lead_unit_name: String,
    pub measure: String,
    pub decimals: u32,
    pub value: Option<f64>,
    pub city_rank: Option<u32>,
    pub city_count: usize,
    pub group_rank: Option<u32>,
    pub group_count: usize,
    pub score: f64,
    pub full_points: f64,
    pub colour: Colour,
    pub rank_change: Option<i32>,
}

/// A first-level indicator with its second-level rows.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRows {
    pub id: String,
    pub name: String,
    pub rows: Vec<IndicatorRow>,
}

/// Criteria that narrow the tree; `None` and an empty query keep all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub colour: Option<Colour>,
    pub area: Option<String>,
    pub lead_unit: Option<String>,
    pub query: String,
}

impl Filter {
    /// Whether the row passes every set criterion. The name search
    /// ignores case and surrounding spaces.
    pub fn keeps(&self, row: &IndicatorRow) -> bool {
        let query = self.query.trim().to_lowercase();
        self.colour.is_none_or(|c| c == row.colour)
            && self.area.as_ref().is_none_or(|a| *a == row.area)
            && self.lead_unit.as_ref().is_none_or(|u| *u == row.lead_unit)
            && (query.is_empty()
                || row.name.to_lowercase().contains(&query)
                || row.id.to_lowercase().contains(&query))
    }
}

/// The tree for `period`: every area in scheme order with the
/// indicators active in that month; areas without any are left out.
pub fn tree(
    dataset: &Dataset,
    report: &Report,
    period: Period,
) -> Vec<AreaRows> {
    let home = dataset.home();
    let scheme = &dataset.scheme;
    let mut areas: Vec<AreaRows> = scheme
        .areas
        .iter()
        .map(|area| AreaRows {
            id: area.id.clone(),
            name: area.name.clone(),
            rows: Vec::new(),
        })
        .collect();
    for (spec, result) in scheme.indicators.iter().zip(&report.indicators) {
        let Some(month) = result.month(period) else {
            continue;
        };
        let Some(area) = areas.iter_mut().find(|a| a.id == spec.area) else {
            continue;
        };
        let cell = month.peers[home];
        let (city_count, group_count) = ranked_counts(dataset, month);
        area.rows.push(IndicatorRow {
            id: spec.id.clone(),
            name: spec.name.clone(),
            area: spec.area.clone(),
            lead_unit: spec.lead_unit.clone(),
            lead_unit_name: super::unit_name(dataset, &spec.lead_unit),
            measure: spec.measure.clone(),
            decimals: spec.decimals,
            value: cell.value,
            city_rank: cell.city_rank,
            city_count,
            group_rank: cell.group_rank,
            group_count,
            score: cell.score,
            full_points: spec.full_points,
            colour: cell.colour,
            rank_change: month.rank_change,
        });
    }
    areas.retain(|a| !a.rows.is_empty());
    areas
}

/// The tree narrowed by `filter`; areas left empty are dropped.
pub fn filtered(areas: &[AreaRows], filter: &Filter) -> Vec<AreaRows> {
    areas
        .iter()
        .map(|area| AreaRows {
            id: area.id.clone(),
            name: area.name.clone(),
            rows: area
                .rows
                .iter()
                .filter(|row| filter.keeps(row))
                .cloned()
                .collect(),
        })
        .filter(|area| !area.rows.is_empty())
        .collect()
}

/// The months a user can pick: January to the open month, newest first.
pub fn periods(dataset: &Dataset) -> Vec<Period> {
    let open = dataset.figures.open_period;
    let mut periods: Vec<Period> = Period::months_of(dataset.scheme.year)
        .filter(|p| *p <= open)
        .collect();
    periods.reverse();
    periods
}

/// Units that lead at least one indicator, in scheme order, as
/// (id, name).
pub fn lead_units(dataset: &Dataset) -> Vec<(String, String)> {
    dataset
        .scheme
        .units
        .iter()
        .filter(|unit| {
            dataset
                .scheme
                .indicators
                .iter()
                .any(|i| i.lead_unit == unit.id)
        })
        .map(|unit| (unit.id.clone(), unit.name.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    fn march() -> Period {
        Period::new(2022, 3).unwrap()
    }

    #[test]
    fn tree_groups_rows_by_area() {
        let (dataset, report) = fixture::evaluated();
        let areas = tree(&dataset, &report, march());
        assert_eq!(areas.len(), 2);
        assert_eq!(areas[0].name, "经济运行");
        assert_eq!(areas[0].rows[0].id, "inv");
        assert_eq!(areas[1].rows[0].id, "pol");
    }

    #[test]
    fn tree_row_carries_ranks() {
        let (dataset, report) = fixture::evaluated();
        let february = Period::new(2022, 2).unwrap();
        let areas = tree(&dataset, &report, february);
        let inv = &areas[0].rows[0];
        assert_eq!(inv.value, Some(6.0));
        assert_eq!(inv.city_rank, Some(1));
        assert_eq!(inv.city_count, 5);
        assert_eq!(inv.group_rank, Some(1));
        assert_eq!(inv.group_count, 4);
        assert_eq!(inv.colour, Colour::Green);
        assert_eq!(inv.rank_change, Some(2), "third in January");
        assert_eq!(inv.lead_unit_name, "区发改局");
    }

    #[test]
    fn filter_by_colour() {
        let (dataset, report) = fixture::evaluated();
        let areas = tree(&dataset, &report, march());
        let red = Filter {
            colour: Some(Colour::Red),
            ..Filter::default()
        };
        let kept = filtered(&areas, &red);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rows[0].id, "pol");
    }

    #[test]
    fn filter_by_area_and_unit() {
        let (dataset, report) = fixture::evaluated();
        let areas = tree(&dataset, &report, march());
        let by_area = Filter {
            area: Some("x".to_string()),
            ..Filter::default()
        };
        assert_eq!(filtered(&areas, &by_area)[0].rows[0].id, "inv");
        let by_unit = Filter {
            lead_unit: Some("u2".to_string()),
            ..Filter::default()
        };
        assert_eq!(filtered(&areas, &by_unit)[0].rows[0].id, "pol");
        let both = Filter {
            area: Some("x".to_string()),
            lead_unit: Some("u2".to_string()),
            ..Filter::default()
        };
        assert!(filtered(&areas, &both).is_empty());
    }

    #[test]
    fn filter_by_name_search() {
        let (dataset, report) = fixture::evaluated();
        let areas = tree(&dataset, &report, march());
        let search = Filter {
            query: " 污染 ".to_string(),
            ..Filter::default()
        };
        let kept = filtered(&areas, &search);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rows[0].name, "污染天数");
        let none = Filter {
            query: "不存在".to_string(),
            ..Filter::default()
        };
        assert!(filtered(&areas, &none).is_empty());
    }

    #[test]
    fn periods_newest_first() {
        let dataset = fixture::dataset();
        let periods = periods(&dataset);
        assert_eq!(periods.len(), 3);
        assert_eq!(periods[0], march());
    }

    #[test]
    fn lead_units_skip_units_without_indicators() {
        let dataset = fixture::dataset();
        let units = lead_units(&dataset);
        let ids: Vec<&str> = units.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["u1", "u2"]);
    }
}
