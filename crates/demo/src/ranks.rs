//! Moves synthetic figures so that published ranks hold.
//!
//! A published rank r for a figure x means exactly r − 1 peers have a
//! strictly better figure (competition ranking, as the engine ranks).
//! The synthetic peers are kept in their own order: the best of them
//! fill the places above each ranked figure, and any that sit on the
//! wrong side are redrawn inside the gap they belong to.

use dukao_core::model::Direction;

use crate::rng::{round_to, Rng};

/// One row of figures to adjust: every peer's figure in one month.
pub struct Row<'a> {
    pub values: &'a mut [Option<f64>],
    /// Figures that must not move (published or pinned).
    pub fixed: &'a [bool],
    pub decimals: u32,
    pub direction: Direction,
    /// Typical distance between figures, for redrawing past the ends.
    pub spread: f64,
}

/// Makes each `(peer, rank)` in `ranked` hold in `row`. Ranked peers
/// must be fixed and have figures. Panics when the published ranks
/// contradict each other or leave no room for the synthetic figures,
/// because that is a mistake in the published table.
pub fn enforce(row: Row, ranked: &[(usize, u32)], rng: &mut Rng) {
    let sign = match row.direction {
        Direction::Higher => 1.0,
        Direction::Lower => -1.0,
    };
    let step = 10f64.powi(-(row.decimals as i32));
    // Figures before any move, as "larger is better" numbers.
    let before: Vec<Option<f64>> =
        row.values.iter().map(|v| v.map(|v| sign * v)).collect();
    let goodness = |peer: usize| -> f64 {
        before[peer]
            .unwrap_or_else(|| panic!("peer {peer} has no figure to rank"))
    };

    // Distinct ranked levels, best first, with the number of synthetic
    // peers that must lie above each.
    let mut levels: Vec<(f64, u32)> = ranked
        .iter()
        .map(|&(peer, rank)| {
            assert!(row.fixed[peer], "ranked peer {peer} is not fixed");
            (goodness(peer), rank)
        })
        .collect();
    levels.sort_by_key(|level| level.1);
    levels.dedup_by(|b, a| {
        if a.1 == b.1 {
            assert_eq!(a.0, b.0, "tied rank {} with different figures", a.1);
            true
        } else {
            false
        }
    });
    let fixed_goodness: Vec<f64> = (0..row.values.len())
        .filter(|&p| row.fixed[p] && row.values[p].is_some())
        .map(goodness)
        .collect();
    let mut above = Vec::with_capacity(levels.len());
    for (level, rank) in &levels {
        let fixed_above = fixed_goodness.iter().filter(|g| *g > level).count();
        let needed = (*rank as i64 - 1) - fixed_above as i64;
        assert!(needed >= 0, "rank {rank} is below its fixed betters");
        if let Some(&before) = above.last() {
            assert!(needed >= before, "ranks out of order at rank {rank}");
        }
        above.push(needed);
    }

    // Synthetic peers, best first, dealt into the gaps between levels.
    let mut free: Vec<usize> = (0..row.values.len())
        .filter(|&p| !row.fixed[p] && row.values[p].is_some())
        .collect();
    free.sort_by(|&a, &b| goodness(b).total_cmp(&goodness(a)));
    assert!(
        above.last().is_none_or(|&n| n as usize <= free.len()),
        "not enough synthetic peers for the ranks"
    );
    for (position, &peer) in free.iter().enumerate() {
        let gap = above.partition_point(|&n| n as usize <= position);
        let upper = gap.checked_sub(1).map(|i| levels[i].0);
        let lower = levels.get(gap).map(|l| l.0);
        let current = goodness(peer);
        let inside = upper.is_none_or(|u| current <= u - step / 2.0)
            && lower.is_none_or(|l| current >= l + step / 2.0);
        if inside {
            continue;
        }
        let drawn = match (upper, lower) {
            (Some(u), Some(l)) => {
                assert!(u - l >= 2.0 * step, "no room between {l} and {u}");
                rng.uniform(l + step, u - step)
            }
            (None, Some(l)) => l + step + rng.uniform(0.1, 1.0) * row.spread,
            (Some(u), None) => u - step - rng.uniform(0.1, 1.0) * row.spread,
            (None, None) => current,
        };
        let value = round_to(sign * drawn, row.decimals);
        row.values[peer] = Some(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dukao_core::scoring::competition_ranks;

    #[test]
    fn ranks_hold_after_enforcing() {
        let mut values = vec![
            Some(9.4),
            Some(9.3),
            Some(9.2),
            Some(9.2),
            Some(8.5),
            Some(12.0),
            Some(9.25),
            Some(3.0),
            Some(8.6),
        ];
        let fixed = [true, true, true, true, true, false, false, false, false];
        let ranked = [(0, 1), (1, 2), (2, 3), (3, 3), (4, 5)];
        let mut rng = Rng::new(1);
        enforce(
            Row {
                values: &mut values,
                fixed: &fixed,
                decimals: 1,
                direction: Direction::Higher,
                spread: 1.0,
            },
            &ranked,
            &mut rng,
        );
        let ranks = competition_ranks(&values, 1, Direction::Higher);
        for (peer, rank) in ranked {
            assert_eq!(ranks[peer], Some(rank), "peer {peer}: {values:?}");
        }
        assert_eq!(values[7], Some(3.0), "a figure already in place moved");
    }

    #[test]
    fn lower_is_better_and_places_above() {
        let mut values = vec![Some(20.0), Some(25.0), Some(30.0), Some(35.0)];
        let fixed = [true, false, false, false];
        let mut rng = Rng::new(2);
        enforce(
            Row {
                values: &mut values,
                fixed: &fixed,
                decimals: 0,
                direction: Direction::Lower,
                spread: 5.0,
            },
            &[(0, 3)],
            &mut rng,
        );
        let ranks = competition_ranks(&values, 0, Direction::Lower);
        assert_eq!(ranks[0], Some(3), "{values:?}");
    }
}
