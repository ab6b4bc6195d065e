//! Ranking and scoring one row: every entity's figure for one indicator
//! and month.

use crate::dataset::Dataset;
use crate::evaluate::{Cell, Gap, GapTarget, UnitCell};
use crate::model::{Direction, Indicator, RankSet};
use crate::scoring::{self, rank_in_sorted, Colour, KeyScale, Standing};

/// Buffers reused from row to row, so ranking a row allocates only the
/// cells it returns.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    keys: Vec<Option<i64>>,
    sorted: Vec<i64>,
    changed: Vec<f64>,
    others: Vec<(i64, f64)>,
}

/// Fills `keys` with the row's rank keys, `None` where the figure is
/// missing (NaN).
fn fill_keys(
    indicator: &Indicator,
    values: &[f64],
    keys: &mut Vec<Option<i64>>,
) {
    let scale = KeyScale::new(indicator.decimals, indicator.direction);
    keys.clear();
    keys.extend(
        values
            .iter()
            .map(|&value| (!value.is_nan()).then(|| scale.key(value))),
    );
}

fn keys(indicator: &Indicator, values: &[f64]) -> Vec<Option<i64>> {
    let mut keys = Vec::with_capacity(values.len());
    fill_keys(indicator, values, &mut keys);
    keys
}

/// The reported figures of one rank set, sorted for ranking.
struct RankedSet {
    /// Rank keys, best first.
    sorted: Vec<i64>,
    best: f64,
    worst: f64,
}

impl RankedSet {
    fn new(
        direction: Direction,
        values: &[f64],
        keys: &[Option<i64>],
        members: impl Iterator<Item = usize>,
    ) -> RankedSet {
        RankedSet::with_buffer(direction, values, keys, members, Vec::new())
    }

    fn with_buffer(
        direction: Direction,
        values: &[f64],
        keys: &[Option<i64>],
        members: impl Iterator<Item = usize>,
        mut sorted: Vec<i64>,
    ) -> RankedSet {
        sorted.clear();
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for member in members {
            if let Some(key) = keys[member] {
                sorted.push(key);
                low = low.min(values[member]);
                high = high.max(values[member]);
            }
        }
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        let (best, worst) = match direction {
            Direction::Higher => (high, low),
            Direction::Lower => (low, high),
        };
        RankedSet {
            sorted,
            best,
            worst,
        }
    }

    fn rank(&self, key: i64) -> u32 {
        rank_in_sorted(&self.sorted, key)
    }

    fn last_rank(&self) -> u32 {
        match self.sorted.last() {
            Some(worst) => rank_in_sorted(&self.sorted, *worst),
            None => 0,
        }
    }

    fn standing(&self, rank: u32) -> Standing {
        Standing {
            rank,
            best: self.best,
            worst: self.worst,
        }
    }
}

/// Best and worst figure and the last rank of a small set, ranking by
/// counting (sets are groups of a few peers).
struct SmallSet {
    best: f64,
    worst: f64,
    ranked: usize,
    /// Keys of the reported members, in member order.
    keys: [i64; SMALL],
    len: usize,
}

/// Groups up to this size are ranked by counting, larger ones by sorting.
const SMALL: usize = 16;

impl SmallSet {
    fn new(
        direction: Direction,
        values: &[f64],
        keys: &[Option<i64>],
        members: &[usize],
    ) -> Option<SmallSet> {
        if members.len() > SMALL {
            return None;
        }
        let mut set = SmallSet {
            best: 0.0,
            worst: 0.0,
            ranked: 0,
            keys: [0; SMALL],
            len: 0,
        };
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for &member in members {
            if let Some(key) = keys[member] {
                set.keys[set.len] = key;
                set.len += 1;
                low = low.min(values[member]);
                high = high.max(values[member]);
            }
        }
        set.ranked = set.len;
        (set.best, set.worst) = match direction {
            Direction::Higher => (high, low),
            Direction::Lower => (low, high),
        };
        Some(set)
    }

    fn rank(&self, key: i64) -> u32 {
        let better = self.keys[..self.len].iter().filter(|k| **k > key);
        better.count() as u32 + 1
    }

    fn last_rank(&self) -> u32 {
        self.keys[..self.len]
            .iter()
            .min()
            .map_or(0, |worst| self.rank(*worst))
    }

    fn standing(&self, rank: u32) -> Standing {
        Standing {
            rank,
            best: self.best,
            worst: self.worst,
        }
    }
}

/// A rank set of any size.
enum AnySet {
    Small(SmallSet),
    Sorted(RankedSet),
}

impl AnySet {
    fn new(
        direction: Direction,
        values: &[f64],
        keys: &[Option<i64>],
        members: &[usize],
    ) -> AnySet {
        match SmallSet::new(direction, values, keys, members) {
            Some(set) => AnySet::Small(set),
            None => AnySet::Sorted(RankedSet::new(
                direction,
                values,
                keys,
                members.iter().copied(),
            )),
        }
    }

    fn rank(&self, key: i64) -> u32 {
        match self {
            AnySet::Small(set) => set.rank(key),
            AnySet::Sorted(set) => set.rank(key),
        }
    }

    fn last_rank(&self) -> u32 {
        match self {
            AnySet::Small(set) => set.last_rank(),
            AnySet::Sorted(set) => set.last_rank(),
        }
    }

    fn ranked(&self) -> usize {
        match self {
            AnySet::Small(set) => set.ranked,
            AnySet::Sorted(set) => set.sorted.len(),
        }
    }

    fn standing(&self, rank: u32) -> Standing {
        match self {
            AnySet::Small(set) => set.standing(rank),
            AnySet::Sorted(set) => set.standing(rank),
        }
    }
}

/// Ranks, scores and colours every peer for one row of figures (NaN
/// where missing).
pub(crate) fn score_peers(
    dataset: &Dataset,
    indicator: &Indicator,
    values: &[f64],
    share: f64,
    scratch: &mut Scratch,
) -> Vec<Cell> {
    let green_ranks = dataset.scheme.colours.green_ranks;
    fill_keys(indicator, values, &mut scratch.keys);
    let keys = &scratch.keys;
    let direction = indicator.direction;
    let buffer = std::mem::take(&mut scratch.sorted);
    let all = 0..values.len();
    let city = RankedSet::with_buffer(direction, values, keys, all, buffer);
    let empty = Cell {
        value: None,
        city_rank: None,
        group_rank: None,
        score: 0.0,
        colour: Colour::Grey,
    };
    let mut cells = vec![empty; values.len()];
    for members in &dataset.index.group_members {
        let group = AnySet::new(direction, values, keys, members);
        let last_rank = group.last_rank();
        for &peer in members {
            let Some(key) = keys[peer] else {
                continue;
            };
            let value = values[peer];
            let city_rank = city.rank(key);
            let group_rank = group.rank(key);
            let standing = match indicator.rank_set {
                RankSet::City => city.standing(city_rank),
                RankSet::Group | RankSet::District => {
                    group.standing(group_rank)
                }
            };
            cells[peer] = Cell {
                value: Some(value),
                city_rank: Some(city_rank),
                group_rank: Some(group_rank),
                score: scoring::score(indicator, value, standing, share),
                colour: Colour::from_rank(
                    Some(group_rank),
                    last_rank,
                    group.ranked(),
                    green_ranks,
                ),
            };
        }
    }
    scratch.sorted = city.sorted;
    cells
}

/// Ranks and scores the home's units among themselves (全区排名).
pub(crate) fn score_units(
    indicator: &Indicator,
    values: &[f64],
    share: f64,
) -> Vec<UnitCell> {
    let keys = keys(indicator, values);
    let set =
        RankedSet::new(indicator.direction, values, &keys, 0..values.len());
    values
        .iter()
        .zip(&keys)
        .map(|(&value, key)| match key {
            None => UnitCell {
                value: None,
                rank: None,
                score: 0.0,
            },
            Some(key) => {
                let rank = set.rank(*key);
                let standing = set.standing(rank);
                let score = scoring::score(indicator, value, standing, share);
                UnitCell {
                    value: Some(value),
                    rank: Some(rank),
                    score,
                }
            }
        })
        .collect()
}

/// Computes the home's group rank and score for a row whose home figure
/// is set.
fn score_home(
    dataset: &Dataset,
    indicator: &Indicator,
    values: &[f64],
    share: f64,
) -> (u32, f64) {
    let home = dataset.home();
    let value = values[home];
    let scale = KeyScale::new(indicator.decimals, indicator.direction);
    let key = scale.key(value);
    let standing = |members: &mut dyn Iterator<Item = usize>| {
        let (mut low, mut high) = (value, value);
        let mut better = 0;
        for member in members {
            let other = values[member];
            if other.is_nan() {
                continue;
            }
            let other_key = scale.key(other);
            better += (other_key > key) as u32;
            low = low.min(other);
            high = high.max(other);
        }
        let (best, worst) = match indicator.direction {
            Direction::Higher => (high, low),
            Direction::Lower => (low, high),
        };
        Standing {
            rank: better + 1,
            best,
            worst,
        }
    };
    let group = standing(&mut dataset.group_of(home).iter().copied());
    let scoring_set = match indicator.rank_set {
        RankSet::City => standing(&mut (0..values.len())),
        RankSet::Group | RankSet::District => group,
    };
    let score = scoring::score(indicator, value, scoring_set, share);
    (group.rank, score)
}

/// Rounds a figure to the indicator's decimals.
pub fn display_round(value: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (value * scale).round() / scale
}

/// Finds the home figure needed for the next better group rank and for
/// green, and the points each adds, by re-scoring the row with it.
pub(crate) fn gap(
    dataset: &Dataset,
    indicator: &Indicator,
    values: &[f64],
    share: f64,
    cells: &[Cell],
    scratch: &mut Scratch,
) -> Gap {
    let home = dataset.home();
    let (Some(home_value), Some(rank)) =
        (cells[home].value, cells[home].group_rank)
    else {
        return Gap::default();
    };
    let scale = KeyScale::new(indicator.decimals, indicator.direction);
    let key = |value: f64| scale.key(value);
    let home_key = key(home_value);
    let others = &mut scratch.others;
    others.clear();
    others.extend(
        dataset
            .group_of(home)
            .iter()
            .filter(|&&peer| peer != home && !values[peer].is_nan())
            .map(|&peer| (key(values[peer]), values[peer])),
    );
    others.sort_unstable_by_key(|other| std::cmp::Reverse(other.0));
    let changed = &mut scratch.changed;
    changed.clear();
    changed.extend_from_slice(values);
    let mut reach = |needed: f64| -> GapTarget {
        let needed = display_round(needed, indicator.decimals);
        changed[home] = needed;
        let (group_rank, score) =
            score_home(dataset, indicator, changed, share);
        GapTarget {
            value: needed,
            group_rank,
            points_added: score - cells[home].score,
        }
    };
    let next_rank = others
        .iter()
        .filter(|(other, _)| *other > home_key)
        .min_by_key(|(other, _)| *other)
        .map(|(_, value)| reach(*value));
    let green_ranks = dataset.scheme.colours.green_ranks;
    let green = if rank > green_ranks {
        others
            .get(green_ranks as usize - 1)
            .map(|(_, value)| reach(*value))
    } else {
        None
    };
    Gap { next_rank, green }
}
