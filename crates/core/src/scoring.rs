//! Competition ranking and the scoring methods, as pure functions.

use serde::{Deserialize, Serialize};

use crate::model::{Bounds, Direction, Indicator, Method};

/// Returns the key a figure is ranked by: the figure at the indicator's
/// decimals, negated when lower is better, so a larger key is better.
pub fn rank_key(value: f64, decimals: u32, direction: Direction) -> i64 {
    KeyScale::new(decimals, direction).key(value)
}

/// Turns figures into rank keys for one indicator, with the power of ten
/// and the sign worked out once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyScale {
    scale: f64,
    sign: i64,
}

impl KeyScale {
    pub(crate) fn new(decimals: u32, direction: Direction) -> KeyScale {
        let sign = match direction {
            Direction::Higher => 1,
            Direction::Lower => -1,
        };
        KeyScale {
            scale: 10f64.powi(decimals as i32),
            sign,
        }
    }

    /// Returns the figure's key, rounding half away from zero; the
    /// conversion saturates for figures beyond the range of i64.
    pub(crate) fn key(self, value: f64) -> i64 {
        let scaled = value * self.scale;
        // Truncating after adding ±0.5 rounds like f64::round, without
        // the library call f64::round costs on baseline x86-64.
        let rounded = (scaled + 0.5f64.copysign(scaled)) as i64;
        self.sign.saturating_mul(rounded)
    }
}

/// Competition ranks (1, 2, 2, 4) of `values` in `direction`, compared
/// at `decimals`; a missing figure gets no rank.
pub fn competition_ranks(
    values: &[Option<f64>],
    decimals: u32,
    direction: Direction,
) -> Vec<Option<u32>> {
    let keys: Vec<Option<i64>> = values
        .iter()
        .map(|v| v.map(|v| rank_key(v, decimals, direction)))
        .collect();
    let mut sorted: Vec<i64> = keys.iter().flatten().copied().collect();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    keys.iter()
        .map(|key| key.map(|key| rank_in_sorted(&sorted, key)))
        .collect()
}

/// Rank of `key` among keys sorted best first: one more than the number
/// of strictly better keys.
pub(crate) fn rank_in_sorted(sorted_best_first: &[i64], key: i64) -> u32 {
    sorted_best_first.partition_point(|other| *other > key) as u32 + 1
}

/// Red, yellow or green by group rank; grey when the figure is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Colour {
    Green,
    Yellow,
    Red,
    Grey,
}

impl Colour {
    /// Green for ranks up to `green_ranks`; red for the last rank (all
    /// tied last) when more than `green_ranks` are ranked; else yellow.
    pub fn from_rank(
        rank: Option<u32>,
        last_rank: u32,
        ranked: usize,
        green_ranks: u32,
    ) -> Colour {
        match rank {
            None => Colour::Grey,
            Some(rank) if rank <= green_ranks => Colour::Green,
            Some(rank)
                if rank == last_rank && ranked > green_ranks as usize =>
            {
                Colour::Red
            }
            Some(_) => Colour::Yellow,
        }
    }

    /// Returns the colour's name for the screen, so colour is never the
    /// only signal.
    pub fn name_zh(self) -> &'static str {
        match self {
            Colour::Green => "绿",
            Colour::Yellow => "黄",
            Colour::Red => "红",
            Colour::Grey => "缺报",
        }
    }
}

/// The rank set as seen by one figure being scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    /// The figure's rank in the set that scores the indicator.
    pub rank: u32,
    /// Best and worst figure of that set (for the efficacy coefficient).
    pub best: f64,
    pub worst: f64,
}

/// Points for figure `value` under `indicator`'s method. `share` scales
/// the scheme's absolute values (targets, satisfactory and unacceptable
/// values) to the month's expected share of the year for cumulative
/// indicators; it is 1 for rates and for year-end figures. The result is
/// unrounded.
pub fn score(
    indicator: &Indicator,
    value: f64,
    standing: Standing,
    share: f64,
) -> f64 {
    let full = indicator.full_points;
    let higher = indicator.direction == Direction::Higher;
    match &indicator.method {
        Method::RankPoints { step, table } => {
            rank_points(full, *step, table.as_deref(), standing.rank)
        }
        Method::Efficacy { base_share, bounds } => {
            let (best, worst, clamp) = match *bounds {
                Bounds::Fixed {
                    satisfactory,
                    unacceptable,
                    clamp,
                } => (satisfactory * share, unacceptable * share, clamp),
                Bounds::RankSet => (standing.best, standing.worst, false),
            };
            let points = efficacy(full, *base_share * full, value, best, worst);
            if clamp {
                points.clamp(0.0, full)
            } else {
                points
            }
        }
        Method::Completion { target, cap } => {
            completion(full, *target * share, *cap, value, higher)
        }
        Method::Threshold { target, partial } => {
            let target = *target * share;
            let met = if higher {
                value >= target
            } else {
                value <= target
            };
            if met {
                full
            } else {
                *partial
            }
        }
        Method::BonusPenalty {
            per_event,
            bonus_cap,
            penalty_cap,
        } => {
            let signed = if higher { *per_event } else { -*per_event };
            // Adding 0.0 turns a negative zero (no events) into zero.
            (signed * value).clamp(-*penalty_cap, *bonus_cap) + 0.0
        }
    }
}

/// F × max(0, 1 − step × (rank − 1)), or the table's entry for the rank
/// (its last entry past its end).
pub fn rank_points(
    full: f64,
    step: f64,
    table: Option<&[f64]>,
    rank: u32,
) -> f64 {
    let index = rank.saturating_sub(1) as usize;
    match table {
        Some(table) if !table.is_empty() => table[index.min(table.len() - 1)],
        _ => full * (1.0 - step * index as f64).max(0.0),
    }
}

/// Computes the efficacy coefficient: base + (x − worst) / (best − worst) × (F −
/// base); F when best equals worst.
pub fn efficacy(
    full: f64,
    base: f64,
    value: f64,
    best: f64,
    worst: f64,
) -> f64 {
    if best == worst {
        return full;
    }
    base + (value - worst) / (best - worst) * (full - base)
}

/// F × clamp(x / target, 0, cap); lower is better: target / x, and a
/// figure at or below 0 gets the cap.
pub fn completion(
    full: f64,
    target: f64,
    cap: f64,
    value: f64,
    higher: bool,
) -> f64 {
    let ratio = if higher {
        value / target
    } else if value <= 0.0 {
        cap
    } else {
        target / value
    };
    full * ratio.clamp(0.0, cap)
}

/// Computes the annual score: w × mean(monthly scores) + (1 − w) × year-end
/// score; with no monthly scores the year-end score stands for both.
pub fn annual_score(weight: f64, monthly: &[f64], year_end: f64) -> f64 {
    if monthly.is_empty() {
        return year_end;
    }
    let mean = monthly.iter().sum::<f64>() / monthly.len() as f64;
    weight * mean + (1.0 - weight) * year_end
}

/// Rounds for display to two decimals.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
