//! The published figures are in the dataset as published, with their
//! sources, and the published ranks hold when the engine ranks.

mod common;

use common::{demo, period, series};
use dukao_core::scoring::competition_ranks;
use dukao_core::{evaluate, Bulletin, WhatIf};
use dukao_demo::published::PUBLISHED;

#[test]
fn published_figures_present_with_sources() {
    let figures = &demo().figures;
    for published in PUBLISHED {
        let series = series(figures, published.indicator, published.peer);
        let offset = published
            .period
            .offset_from_year_before(2022)
            .expect("published period within the two years");
        let label = format!(
            "{}/{} {}",
            published.indicator, published.peer, published.period
        );
        assert_eq!(series.values[offset], Some(published.value), "{label}");
        assert!(
            series.sources.contains(&published.source()),
            "{label}: source missing from {:?}",
            series.sources
        );
    }
}

#[test]
fn sources_only_on_published_figures() {
    let figures = &demo().figures;
    let all = figures.peers.iter().chain(&figures.units);
    for series in all {
        for source in &series.sources {
            let listed = PUBLISHED.iter().any(|p| {
                p.indicator == series.indicator
                    && p.peer == series.entity
                    && p.source() == *source
            });
            assert!(
                listed,
                "{}/{}: source {source:?} is not a published figure",
                series.indicator, series.entity
            );
        }
    }
}

#[test]
fn published_ranks_hold_in_city() {
    let demo = demo();
    let dataset = &demo.dataset;
    for published in PUBLISHED {
        let Some(rank) = published.city_rank else {
            continue;
        };
        let index = dataset.indicator_index(published.indicator).unwrap();
        let spec = &dataset.scheme.indicators[index];
        let row: Vec<Option<f64>> = (0..dataset.scheme.peers.len())
            .map(|peer| dataset.peer_value(index, published.period, peer))
            .collect();
        let ranks = competition_ranks(&row, spec.decimals, spec.direction);
        let peer = dataset.peer_index(published.peer).unwrap();
        assert_eq!(
            ranks[peer],
            Some(rank),
            "{}/{} {}: row {row:?}",
            published.indicator,
            published.peer,
            published.period
        );
    }
}

/// Returns the home peer's city rank on `indicator` in the bulletin of
/// `month`.
fn bulletin_city_rank(month: &str, indicator: &str) -> Option<u32> {
    let dataset = &demo().dataset;
    let report = evaluate(dataset, &WhatIf::default());
    let bulletin = Bulletin::build(dataset, &report, period(month))
        .expect("bulletin period within the year");
    let row = bulletin
        .indicators
        .iter()
        .find(|row| row.id == indicator)
        .unwrap_or_else(|| panic!("{indicator} not in the {month} bulletin"));
    row.city_rank
}

#[test]
fn jiyang_december_ranks_in_bulletin() {
    assert_eq!(
        bulletin_city_rank("2022-12", "tech_upgrade_growth"),
        Some(2)
    );
    assert_eq!(bulletin_city_rank("2022-12", "fai_growth"), Some(3));
}

#[test]
fn jiyang_november_ranks_in_bulletin() {
    assert_eq!(
        bulletin_city_rank("2022-11", "tech_upgrade_growth"),
        Some(2)
    );
    assert_eq!(
        bulletin_city_rank("2022-11", "industrial_investment_growth"),
        Some(3)
    );
    assert_eq!(
        bulletin_city_rank("2022-11", "construction_growth"),
        Some(4)
    );
}

#[test]
fn jiyang_gdp_growth_above_city() {
    // The district reports its 2022 growth above the city's 3.1%.
    let growth = series(&demo().figures, "gdp_growth", "jiyang");
    let december = growth.values[23].expect("2022-12 figure");
    assert!(december > 3.1, "{december}");
}
