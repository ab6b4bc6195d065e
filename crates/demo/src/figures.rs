//! The figures document: every peer's 24 months of every indicator,
//! published figures in place with their sources, synthetic figures
//! around them, a few gaps, and the towns' series for the district
//! ranking.

use std::collections::BTreeSet;

use dukao_core::model::{Figures, Kind, Series};
use dukao_core::{Date, Period};

use crate::catalog::{Generator, Spec};
use crate::peers::PEERS;
use crate::published::{Published, PUBLISHED, SYNTHETIC_PINS};
use crate::ranks::{self, Row};
use crate::rng::{round_to, Rng};
use crate::series::{self, Entity, MONTHS};
use crate::{gaps, towns};

pub const YEAR: i32 = 2022;
pub const OPEN_PERIOD: Period = Period {
    year: YEAR,
    month: 12,
};
pub const AS_OF: Date = Date {
    year: YEAR,
    month: 12,
    day: 20,
};
const FIRST: Period = Period {
    year: YEAR - 1,
    month: 1,
};

/// Growth rates computed from an amount in the assessment year, so the
/// two agree: (growth indicator, amount indicator). 2021's rates stay
/// synthetic, because 2020's amounts are not in the dataset.
const DERIVED_GROWTH: [(&str, &str); 2] = [
    ("budget_revenue_growth", "budget_revenue"),
    ("retail_growth", "retail_sales"),
];

pub(crate) fn month_index(period: Period) -> usize {
    period
        .offset_from_year_before(YEAR)
        .unwrap_or_else(|| panic!("{period} is outside the demo's two years"))
}

/// A figure fixed by a source or by hand.
pub(crate) struct Pin {
    pub peer: usize,
    pub month: usize,
    pub value: f64,
    pub city_rank: Option<u32>,
}

pub(crate) fn pins_of(indicator: &str) -> Vec<Pin> {
    let peer_index = |id: &str| {
        PEERS
            .iter()
            .position(|p| p.id == id)
            .unwrap_or_else(|| panic!("unknown peer {id}"))
    };
    let published = PUBLISHED.iter().filter(|p| p.indicator == indicator).map(
        |p: &Published| Pin {
            peer: peer_index(p.peer),
            month: month_index(p.period),
            value: p.value,
            city_rank: p.city_rank,
        },
    );
    let synthetic = SYNTHETIC_PINS
        .iter()
        .filter(|(id, ..)| *id == indicator)
        .map(|&(_, peer, period, value)| Pin {
            peer: peer_index(peer),
            month: month_index(period),
            value,
            city_rank: None,
        });
    published.chain(synthetic).collect()
}

/// Draws every peer's 24 figures of one indicator, ranks enforced,
/// rounded.
fn peer_values(spec: &Spec) -> Vec<[Option<f64>; MONTHS]> {
    let indicator = &spec.indicator;
    let id = indicator.id.as_str();
    let decimals = indicator.decimals;
    let pins = pins_of(id);
    let pin_at = |peer: usize, month: usize| {
        pins.iter()
            .find(|p| p.peer == peer && p.month == month)
            .map(|p| p.value)
    };
    let mut ends: Vec<Option<[f64; 2]>> = PEERS
        .iter()
        .enumerate()
        .map(|(peer, spec_peer)| {
            let entity = Entity {
                size: spec_peer.size,
                rural: spec_peer.rural,
                vigour: spec_peer.vigour,
            };
            let pinned = [pin_at(peer, 11), pin_at(peer, 23)];
            let mut rng = Rng::for_key(&["ends", id, spec_peer.id]);
            let ends = series::year_ends(
                &spec.generator,
                indicator.direction,
                &entity,
                pinned,
                &mut rng,
            );
            Some(ends.map(|v| round_to(v, decimals)))
        })
        .collect();
    for (year, month) in [(0, 11), (1, 23)] {
        let mut row: Vec<Option<f64>> =
            ends.iter().map(|e| e.map(|e| e[year])).collect();
        enforce_month(spec, &pins, month, &mut row);
        for (end, value) in ends.iter_mut().zip(row) {
            if let (Some(end), Some(value)) = (end.as_mut(), value) {
                end[year] = value;
            }
        }
    }
    let mut values: Vec<[Option<f64>; MONTHS]> = ends
        .iter()
        .enumerate()
        .map(|(peer, end)| {
            let end = end.expect("every peer has year-end figures");
            let anchors: Vec<(usize, f64)> = pins
                .iter()
                .filter(|p| p.peer == peer && p.month % 12 != 11)
                .map(|p| (p.month, p.value))
                .collect();
            let mut rng = Rng::for_key(&["path", id, PEERS[peer].id]);
            let path = series::path(&spec.generator, end, &anchors, &mut rng);
            path.map(|v| Some(round_to(v, decimals)))
        })
        .collect();
    let other_months: BTreeSet<usize> = pins
        .iter()
        .filter(|p| p.city_rank.is_some() && p.month % 12 != 11)
        .map(|p| p.month)
        .collect();
    for month in other_months {
        let mut row: Vec<Option<f64>> =
            values.iter().map(|v| v[month]).collect();
        enforce_month(spec, &pins, month, &mut row);
        for (peer_values, value) in values.iter_mut().zip(row) {
            peer_values[month] = value;
        }
    }
    values
}

/// Makes the published city ranks of `month` hold in `row`.
fn enforce_month(
    spec: &Spec,
    pins: &[Pin],
    month: usize,
    row: &mut [Option<f64>],
) {
    let ranked: Vec<(usize, u32)> = pins
        .iter()
        .filter(|p| p.month == month)
        .filter_map(|p| p.city_rank.map(|rank| (p.peer, rank)))
        .collect();
    if ranked.is_empty() {
        return;
    }
    let fixed: Vec<bool> = (0..row.len())
        .map(|peer| pins.iter().any(|p| p.peer == peer && p.month == month))
        .collect();
    let reference = ranked
        .first()
        .and_then(|&(peer, _)| row[peer])
        .unwrap_or(1.0);
    let mut rng =
        Rng::for_key(&["ranks", &spec.indicator.id, &month.to_string()]);
    ranks::enforce(
        Row {
            values: row,
            fixed: &fixed,
            decimals: spec.indicator.decimals,
            direction: spec.indicator.direction,
            spread: spec.generator.spread_near(reference),
        },
        &ranked,
        &mut rng,
    );
}

/// Derives the seasonal profile of a year-to-date indicator from the
/// year before: the peers' summed figure at the end of each month over
/// their December sum, taking only peers with all twelve months. `None`
/// for counts of rare events, which have no seasonal pattern.
fn profile(spec: &Spec, values: &[[Option<f64>; MONTHS]]) -> Option<Vec<f64>> {
    if spec.indicator.kind != Kind::Cumulative
        || !matches!(spec.generator, Generator::Amount { .. })
    {
        return None;
    }
    let complete: Vec<[f64; 12]> = values
        .iter()
        .filter_map(|v| {
            let mut year = [0.0; 12];
            for (m, slot) in year.iter_mut().enumerate() {
                *slot = v[m]?;
            }
            Some(year)
        })
        .collect();
    let december: f64 = complete.iter().map(|y| y[11]).sum();
    let mut shares = Vec::with_capacity(12);
    let mut before: f64 = 0.001;
    for m in 0..12 {
        let sum: f64 = complete.iter().map(|y| y[m]).sum();
        let share = round_to(sum / december, 3).max(before).min(1.0);
        shares.push(share);
        before = share;
    }
    shares[11] = 1.0;
    Some(shares)
}

pub(crate) fn series_of(
    indicator: &str,
    entity: &str,
    values: &[Option<f64>; MONTHS],
) -> Series {
    let mut sources: Vec<_> = PUBLISHED
        .iter()
        .filter(|p| p.indicator == indicator && p.peer == entity)
        .map(Published::source)
        .collect();
    sources.sort_by_key(|s| s.period);
    Series {
        indicator: indicator.to_string(),
        entity: entity.to_string(),
        from: FIRST,
        values: values.to_vec(),
        sources,
    }
}

/// Replaces the assessment year's figures of each derived growth rate
/// by the year-to-date amount's change on the same month of 2021, in %.
fn derive_growth(specs: &[Spec], values: &mut [Vec<[Option<f64>; MONTHS]>]) {
    let index = |id: &str| {
        specs
            .iter()
            .position(|s| s.indicator.id == id)
            .unwrap_or_else(|| panic!("derived indicator {id} is missing"))
    };
    for (growth_id, amount_id) in DERIVED_GROWTH {
        let (growth, amount) = (index(growth_id), index(amount_id));
        let decimals = specs[growth].indicator.decimals;
        let pinned = pins_of(growth_id).iter().any(|p| p.month >= 12);
        assert!(!pinned, "{growth_id} is derived but has 2022 pins");
        let amounts = values[amount].clone();
        for (rates, amounts) in values[growth].iter_mut().zip(&amounts) {
            for month in 12..MONTHS {
                let (now, before) = (amounts[month], amounts[month - 12]);
                rates[month] = match (now, before) {
                    (Some(now), Some(before)) if before > 0.0 => {
                        Some(round_to((now / before - 1.0) * 100.0, decimals))
                    }
                    _ => None,
                };
            }
        }
    }
}

/// Builds the figures document and each indicator's seasonal profile
/// (in `specs` order).
pub fn generate(specs: &[Spec]) -> (Figures, Vec<Option<Vec<f64>>>) {
    let mut values: Vec<Vec<[Option<f64>; MONTHS]>> =
        specs.iter().map(peer_values).collect();
    derive_growth(specs, &mut values);
    gaps::punch_gaps(specs, &mut values);
    let profiles = specs
        .iter()
        .zip(&values)
        .map(|(spec, values)| profile(spec, values))
        .collect();
    let mut peers = Vec::with_capacity(specs.len() * PEERS.len());
    for (spec, rows) in specs.iter().zip(&values) {
        for (peer, row) in PEERS.iter().zip(rows) {
            peers.push(series_of(&spec.indicator.id, peer.id, row));
        }
    }
    let figures = Figures {
        year: YEAR,
        open_period: OPEN_PERIOD,
        as_of: AS_OF,
        updated_at: "2022-12-20T09:00:00+08:00".to_string(),
        peers,
        units: towns::unit_series(specs),
    };
    (figures, profiles)
}
