//! The demo figures cover every peer, indicator and month, at the
//! indicators' decimals, with a few gaps and sensible shapes.

mod common;

use std::collections::BTreeSet;

use common::{demo, series};
use dukao_core::model::Kind;

#[test]
fn every_peer_and_indicator_has_24_months() {
    let demo = demo();
    let figures = &demo.figures;
    assert_eq!(figures.peers.len(), 15 * 121);
    for indicator in &demo.scheme.indicators {
        for peer in &demo.scheme.peers {
            let series = series(figures, &indicator.id, &peer.id);
            assert_eq!(series.from.to_string(), "2021-01");
            assert_eq!(series.values.len(), 24, "{}", indicator.id);
        }
    }
    assert_eq!(figures.open_period.to_string(), "2022-12");
    assert_eq!(figures.as_of.to_string(), "2022-12-20");
}

#[test]
fn missing_figures_are_few() {
    let demo = demo();
    let cells: usize = demo.figures.peers.iter().map(|s| s.values.len()).sum();
    let missing: usize = demo
        .figures
        .peers
        .iter()
        .map(|s| s.values.iter().filter(|v| v.is_none()).count())
        .sum();
    assert!(missing >= 20, "{missing} missing");
    assert!(missing * 200 < cells, "{missing} of {cells} missing");
    let home_closed_2022 = demo
        .figures
        .peers
        .iter()
        .filter(|s| s.entity == "jiyang")
        .flat_map(|s| s.values[12..23].iter())
        .filter(|v| v.is_none())
        .count();
    assert!(home_closed_2022 >= 2, "{home_closed_2022}");
    let open_month_missing = demo
        .figures
        .peers
        .iter()
        .filter(|s| s.values[23].is_none())
        .count();
    assert_eq!(open_month_missing, 0);
}

#[test]
fn figures_rounded_to_decimals() {
    let demo = demo();
    let all = demo.figures.peers.iter().chain(&demo.figures.units);
    for series in all {
        let indicator = demo
            .scheme
            .indicators
            .iter()
            .find(|i| i.id == series.indicator)
            .unwrap();
        let scale = 10f64.powi(indicator.decimals as i32);
        for value in series.values.iter().flatten() {
            let rounded = (value * scale).round() / scale;
            assert_eq!(
                *value, rounded,
                "{}/{}",
                series.indicator, series.entity
            );
        }
    }
}

#[test]
fn cumulative_series_never_fall() {
    let demo = demo();
    for indicator in &demo.scheme.indicators {
        if indicator.kind != Kind::Cumulative {
            continue;
        }
        let all = demo.figures.peers.iter().chain(&demo.figures.units);
        for series in all.filter(|s| s.indicator == indicator.id) {
            for year in series.values.chunks(12) {
                let present: Vec<f64> =
                    year.iter().flatten().copied().collect();
                assert!(
                    present.windows(2).all(|w| w[0] <= w[1]),
                    "{}/{}: {year:?}",
                    series.indicator,
                    series.entity
                );
                assert!(present.iter().all(|v| *v >= 0.0));
            }
        }
    }
}

#[test]
fn profiles_follow_year_before() {
    let demo = demo();
    for indicator in &demo.scheme.indicators {
        let Some(profile) = &indicator.seasonal_profile else {
            continue;
        };
        let complete: Vec<Vec<f64>> = demo
            .figures
            .peers
            .iter()
            .filter(|s| s.indicator == indicator.id)
            .filter_map(|s| s.values[..12].iter().copied().collect())
            .collect();
        let december: f64 = complete.iter().map(|v| v[11]).sum();
        for (month, share) in profile.iter().enumerate() {
            let sum: f64 = complete.iter().map(|v| v[month]).sum();
            let derived = sum / december;
            assert!(
                (share - derived).abs() < 0.01,
                "{} month {}: profile {share}, 2021 share {derived}",
                indicator.id,
                month + 1
            );
        }
    }
}

#[test]
fn towns_report_a_few_indicators() {
    let demo = demo();
    let towns: BTreeSet<&str> = demo
        .scheme
        .units
        .iter()
        .filter(|u| u.group == "town")
        .map(|u| u.id.as_str())
        .collect();
    let indicators: BTreeSet<&str> = demo
        .figures
        .units
        .iter()
        .map(|s| s.indicator.as_str())
        .collect();
    assert!(indicators.len() >= 3, "{indicators:?}");
    for indicator in &indicators {
        let reporting: BTreeSet<&str> = demo
            .figures
            .units
            .iter()
            .filter(|s| s.indicator == *indicator)
            .map(|s| s.entity.as_str())
            .collect();
        assert_eq!(reporting, towns, "{indicator}");
        let index = demo.dataset.indicator_index(indicator).unwrap();
        assert!(demo.dataset.has_unit_figures(index));
    }
}

#[test]
fn derived_growth_matches_amounts() {
    let figures = &demo().figures;
    for (growth, amount) in [
        ("budget_revenue_growth", "budget_revenue"),
        ("retail_growth", "retail_sales"),
    ] {
        let growth = series(figures, growth, "jiyang");
        let amount = series(figures, amount, "jiyang");
        let (Some(now), Some(before)) = (amount.values[23], amount.values[11])
        else {
            panic!("{}: December figures missing", amount.indicator);
        };
        let expected = ((now / before - 1.0) * 1000.0).round() / 10.0;
        assert_eq!(growth.values[23], Some(expected), "{}", growth.indicator);
    }
}
