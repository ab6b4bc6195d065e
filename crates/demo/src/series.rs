//! Synthetic monthly figures of one entity (a peer or a town) for one
//! indicator: first the two year-end figures, then the 24 months that
//! lead to them.

use dukao_core::model::Direction;

use crate::catalog::{Generator, Scale};
use crate::rng::{pow, Rng};

/// Months held: January 2021 to December 2022.
pub const MONTHS: usize = 24;

/// The factors the generators scale an entity's figures by.
#[derive(Clone, Copy, Debug)]
pub struct Entity {
    pub size: f64,
    pub rural: f64,
    /// The entity's tendency to do well, in units of an indicator's
    /// spread. Positive is better, whichever direction is better.
    pub vigour: f64,
}

fn scale_of(entity: &Entity, scale: Scale) -> f64 {
    match scale {
        Scale::Size { exponent } => pow(entity.size, exponent),
        Scale::Farm => entity.rural,
    }
}

/// Draws the December 2021 and December 2022 figures. `pins`
/// (published or hand-set figures) replace either, and 2022 follows a
/// pinned 2021. `direction` sets which way vigour moves the figures.
pub fn year_ends(
    generator: &Generator,
    direction: Direction,
    entity: &Entity,
    pins: [Option<f64>; 2],
    rng: &mut Rng,
) -> [f64; 2] {
    let first = |value: f64| pins[0].unwrap_or(value);
    let tilt = match direction {
        Direction::Higher => entity.vigour,
        Direction::Lower => -entity.vigour,
    };
    let ends = match *generator {
        Generator::Amount {
            mid,
            spread,
            scale,
            growth,
            ..
        } => {
            let typical = mid * scale_of(entity, scale) * (1.0 + 0.1 * tilt);
            let before =
                first(typical * (1.0 + spread * rng.normal()).max(0.2));
            let noise = (0.04 + 0.15 * spread) * rng.normal();
            let rise = 1.0 + growth + 0.03 * tilt + noise;
            [before, before * rise.max(0.3)]
        }
        Generator::Events { mean } => {
            let size = 0.5 + 0.5 * entity.size.sqrt();
            let mean = mean * size * (1.0 + 0.3 * tilt).max(0.2);
            [first(rng.poisson(mean) as f64), rng.poisson(mean) as f64]
        }
        Generator::Rate {
            mid,
            spread,
            low,
            high,
        } => {
            let z = 0.5 * tilt + rng.normal();
            let later = 0.5 * tilt + 0.6 * z + 0.8 * rng.normal();
            [
                first((mid[0] + spread * z).clamp(low, high)),
                (mid[1] + spread * later).clamp(low, high),
            ]
        }
        Generator::Growth { mid, spread } => {
            let z = rng.normal();
            let bias = 0.5 * tilt;
            let later = bias + 0.3 * z + 0.95 * rng.normal();
            [first(mid[0] + spread * (bias + z)), mid[1] + spread * later]
        }
        Generator::Stock {
            mid,
            growth,
            spread,
            exponent,
        } => {
            let typical = mid * pow(entity.size, exponent) * (1.0 + 0.1 * tilt);
            let before =
                first(typical * (1.0 + spread * rng.normal()).max(0.2));
            let rise = growth * (1.0 + 0.3 * rng.normal()).max(0.1);
            [before, before * (1.0 + rise)]
        }
    };
    [ends[0], pins[1].unwrap_or(ends[1])]
}

/// Draws the 24 monthly figures ending at `ends`, passing through `anchors`
/// (month index from January 2021, figure) in months other than
/// December. Unrounded; cumulative paths never decrease within a year.
pub fn path(
    generator: &Generator,
    ends: [f64; 2],
    anchors: &[(usize, f64)],
    rng: &mut Rng,
) -> [f64; MONTHS] {
    let mut values = [0.0; MONTHS];
    for (year, end) in ends.iter().enumerate() {
        let months = &mut values[year * 12..year * 12 + 12];
        match *generator {
            Generator::Amount { season, .. } => {
                // Each month adds its seasonal share of the year, give
                // or take 15%, scaled so the months sum to the total.
                let mut added = [0.0; 12];
                let mut before = 0.0;
                for (m, share) in season.0.iter().enumerate() {
                    let noise = (1.0 + 0.15 * rng.normal()).max(0.2);
                    added[m] = (share - before) * noise;
                    before = *share;
                }
                let sum: f64 = added.iter().sum();
                let mut total = 0.0;
                for (m, value) in months.iter_mut().enumerate() {
                    total += added[m] / sum;
                    *value = end * total;
                }
                months[11] = *end;
                make_monotone(months);
            }
            Generator::Events { .. } => {
                let mut per_month = [0.0; 12];
                for _ in 0..(*end as u32) {
                    per_month[rng.below(12)] += 1.0;
                }
                let mut total = 0.0;
                for (m, value) in months.iter_mut().enumerate() {
                    total += per_month[m];
                    *value = total;
                }
            }
            Generator::Rate {
                spread, low, high, ..
            } => {
                walk_back(months, *end, 0.2 * spread, 0.0, rng);
                for value in months.iter_mut() {
                    *value = value.clamp(low, high);
                }
            }
            Generator::Growth { spread, .. } => {
                // 2020's slump makes early-2021 growth look high.
                let base = if year == 0 { 2.5 * spread + 3.0 } else { 0.0 };
                walk_back(months, *end, 0.25 * spread, base, rng);
            }
            Generator::Stock { growth, .. } => {
                let start = end / (1.0 + growth);
                let start = if year == 0 { start } else { ends[0] };
                for (m, value) in months.iter_mut().enumerate() {
                    let linear = start + (end - start) * (m + 1) as f64 / 12.0;
                    let wobble = 0.3 * (end - start) / 12.0 * rng.normal();
                    *value = if m == 11 { *end } else { linear + wobble };
                }
                make_monotone(months);
            }
        }
    }
    for &(month, anchor) in anchors {
        pass_through(&mut values, month, anchor);
    }
    values
}

/// Caps each month at the next one, from November back to January.
fn make_monotone(months: &mut [f64]) {
    for m in (0..months.len() - 1).rev() {
        months[m] = months[m].min(months[m + 1]);
    }
}

/// Fills a level that drifts randomly backwards from December, plus a base
/// effect that fades from `base` in January to 0 in December.
fn walk_back(
    months: &mut [f64],
    end: f64,
    step: f64,
    base: f64,
    rng: &mut Rng,
) {
    let mut drift = 0.0;
    months[11] = end;
    for m in (0..11).rev() {
        let early = (11 - m) as f64 / 11.0;
        drift += step * (1.0 + early) * rng.normal();
        months[m] = end + drift + base * early * early;
    }
}

/// Moves `values[month]` to `anchor` and the three months before it
/// part of the way, so the path bends smoothly through the anchor.
fn pass_through(values: &mut [f64; MONTHS], month: usize, anchor: f64) {
    let shift = anchor - values[month];
    let first_of_year = month - month % 12;
    for back in 1..=3 {
        if month < first_of_year + back {
            break;
        }
        values[month - back] += shift * (1.0 - back as f64 / 4.0);
    }
    values[month] = anchor;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Season;

    const ENTITY: Entity = Entity {
        size: 1.0,
        rural: 1.0,
        vigour: 0.0,
    };

    #[test]
    fn amount_path_grows_to_its_total() {
        let generator = Generator::Amount {
            mid: 100.0,
            spread: 0.3,
            scale: Scale::Size { exponent: 1.0 },
            growth: 0.1,
            season: Season([
                0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 1.0,
            ]),
        };
        let mut rng = Rng::new(3);
        let ends = year_ends(
            &generator,
            Direction::Higher,
            &ENTITY,
            [Some(120.0), None],
            &mut rng,
        );
        assert_eq!(ends[0], 120.0);
        let values = path(&generator, ends, &[], &mut rng);
        assert_eq!(values[11], 120.0);
        assert_eq!(values[23], ends[1]);
        for year in values.chunks(12) {
            assert!(year.windows(2).all(|w| w[0] <= w[1]), "{year:?}");
        }
    }

    #[test]
    fn level_path_passes_through_anchor() {
        let generator = Generator::Growth {
            mid: [10.0, 8.0],
            spread: 5.0,
        };
        let mut rng = Rng::new(5);
        let ends = year_ends(
            &generator,
            Direction::Higher,
            &ENTITY,
            [None, Some(23.6)],
            &mut rng,
        );
        let values = path(&generator, ends, &[(22, 27.8)], &mut rng);
        assert_eq!(values[22], 27.8);
        assert_eq!(values[23], 23.6);
    }

    #[test]
    fn events_are_whole_and_cumulative() {
        let generator = Generator::Events { mean: 6.0 };
        let mut rng = Rng::new(11);
        let ends = year_ends(
            &generator,
            Direction::Higher,
            &ENTITY,
            [None, None],
            &mut rng,
        );
        let values = path(&generator, ends, &[], &mut rng);
        assert_eq!(values[11], ends[0]);
        assert!(values.iter().all(|v| v.fract() == 0.0));
    }
}
