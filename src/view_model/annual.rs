//! The annual assessment (年度): each indicator's monthly and year-end
//! parts, the home total, and the units ranked within their groups.

use dukao_core::{Dataset, Report};

/// One indicator's annual line.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnualRow {
    pub id: String,
    pub name: String,
    pub area_name: String,
    pub full_points: f64,
    pub monthly_mean: Option<f64>,
    pub months_scored: usize,
    pub year_end: f64,
    pub score: f64,
}

/// One unit's annual line.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitRow {
    pub unit: String,
    pub name: String,
    pub indicator_points: f64,
    pub ledger_points: f64,
    pub supervision_points: f64,
    pub total: f64,
    pub group_rank: Option<u32>,
}

/// A unit group with its units, best group rank first.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitGroup {
    pub name: String,
    pub units: Vec<UnitRow>,
}

/// The annual screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Annual {
    /// Weight of the monthly mean in each indicator's annual score.
    pub monthly_weight: f64,
    pub supervision_weight: f64,
    pub rows: Vec<AnnualRow>,
    pub home_total: f64,
    pub groups: Vec<UnitGroup>,
}

pub fn annual(dataset: &Dataset, report: &Report) -> Annual {
    let scheme = &dataset.scheme;
    let rows = scheme
        .indicators
        .iter()
        .zip(&report.annual.indicators)
        .map(|(spec, line)| AnnualRow {
            id: spec.id.clone(),
            name: spec.name.clone(),
            area_name: scheme
                .areas
                .iter()
                .find(|a| a.id == spec.area)
                .map_or_else(|| spec.area.clone(), |a| a.name.clone()),
            full_points: spec.full_points,
            monthly_mean: line.monthly_mean,
            months_scored: line.months_scored,
            year_end: line.year_end,
            score: line.score,
        })
        .collect();
    let groups = scheme
        .unit_groups
        .iter()
        .map(|group| {
            let mut units: Vec<UnitRow> = scheme
                .units
                .iter()
                .zip(&report.annual.units)
                .filter(|(unit, _)| unit.group == group.id)
                .map(|(unit, total)| UnitRow {
                    unit: unit.id.clone(),
                    name: unit.name.clone(),
                    indicator_points: total.indicator_points,
                    ledger_points: total.ledger_points,
                    supervision_points: total.supervision_points,
                    total: total.total,
                    group_rank: total.group_rank,
                })
                .collect();
            units.sort_by_key(|u| u.group_rank.unwrap_or(u32::MAX));
            UnitGroup {
                name: group.name.clone(),
                units,
            }
        })
        .filter(|g| !g.units.is_empty())
        .collect();
    Annual {
        monthly_weight: scheme.annual.monthly_weight,
        supervision_weight: scheme.annual.supervision_weight,
        rows,
        home_total: report.annual.home_total,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    #[test]
    fn annual_rows_follow_scheme() {
        let (dataset, report) = fixture::evaluated();
        let annual = annual(&dataset, &report);
        assert_eq!(annual.rows.len(), 2);
        assert_eq!(annual.rows[0].name, "投资增速");
        assert_eq!(annual.rows[0].months_scored, 2, "January and February");
        let sum: f64 = annual.rows.iter().map(|r| r.score).sum();
        assert!((annual.home_total - sum).abs() < 1e-9);
    }

    #[test]
    fn annual_units_ranked_within_groups() {
        let (dataset, report) = fixture::evaluated();
        let annual = annual(&dataset, &report);
        assert_eq!(annual.groups.len(), 2);
        let departments = &annual.groups[0];
        assert_eq!(departments.name, "区直部门");
        assert_eq!(departments.units.len(), 2);
        assert_eq!(departments.units[0].group_rank, Some(1));
        assert!(departments.units[0].total >= departments.units[1].total);
        assert_eq!(annual.groups[1].units[0].name, "城关街道");
    }
}
