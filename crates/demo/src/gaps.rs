//! Missing figures: a few blanked cells, never where a published
//! figure or a published rank must show.

use std::collections::BTreeSet;

use dukao_core::Period;

use crate::catalog::Spec;
use crate::figures::{month_index, pins_of, OPEN_PERIOD, YEAR};
use crate::peers::{HOME, PEERS};
use crate::rng::Rng;
use crate::series::MONTHS;

/// Missing figures (null) spread over other peers, and over the home
/// peer's closed months of the assessment year.
const GAPS_ELSEWHERE: usize = 30;
const GAPS_AT_HOME: usize = 3;

/// Months of an indicator no gap may fall in: those with published
/// ranks, and every published or pinned cell.
fn protected(indicator: &str) -> (BTreeSet<usize>, Vec<(usize, usize)>) {
    let pins = pins_of(indicator);
    let months = pins
        .iter()
        .filter(|p| p.city_rank.is_some())
        .map(|p| p.month)
        .collect();
    let cells = pins.iter().map(|p| (p.peer, p.month)).collect();
    (months, cells)
}

/// Blanks a few figures: some of other peers' anywhere before the open
/// month, and some of the home peer's in closed months of monthly
/// indicators, so the missing-figure items have something to show.
pub(crate) fn punch_gaps(
    specs: &[Spec],
    values: &mut [Vec<[Option<f64>; MONTHS]>],
) {
    let home = PEERS.iter().position(|p| p.id == HOME).unwrap_or(0);
    let open = month_index(OPEN_PERIOD);
    let mut rng = Rng::for_key(&["gaps"]);
    let mut blank = |at_home: bool, count: usize, rng: &mut Rng| {
        let mut done = 0;
        while done < count {
            let indicator = rng.below(specs.len());
            let spec = &specs[indicator].indicator;
            let (peer, month) = if at_home {
                (home, 12 + 2 + rng.below(open - 14))
            } else {
                (rng.below(PEERS.len()), rng.below(open))
            };
            if (peer == home) != at_home {
                continue;
            }
            let period = Period {
                year: YEAR,
                month: (month % 12) as u32 + 1,
            };
            if at_home && !(spec.monthly && spec.is_active(period)) {
                continue;
            }
            let (months, cells) = protected(&spec.id);
            if months.contains(&month) || cells.contains(&(peer, month)) {
                continue;
            }
            let cell = &mut values[indicator][peer][month];
            if cell.take().is_some() {
                done += 1;
            }
        }
    };
    blank(true, GAPS_AT_HOME, &mut rng);
    blank(false, GAPS_ELSEWHERE, &mut rng);
}
