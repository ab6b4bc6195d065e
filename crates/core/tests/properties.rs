//! Properties that hold for any figures.

mod common;

use common::{period, Fixture};
use dukao_core::model::{Bounds, Direction, Method};
use dukao_core::{evaluate, WhatIf};
use proptest::prelude::*;

fn methods(direction: Direction) -> Vec<Method> {
    let (satisfactory, unacceptable) = match direction {
        Direction::Higher => (80.0, 20.0),
        Direction::Lower => (20.0, 80.0),
    };
    vec![
        Method::RankPoints {
            step: 0.1,
            table: None,
        },
        Method::RankPoints {
            step: 0.0,
            table: Some(vec![5.0, 4.0, 2.0]),
        },
        Method::Efficacy {
            base_share: 0.6,
            bounds: Bounds::RankSet,
        },
        Method::Efficacy {
            base_share: 0.6,
            bounds: Bounds::Fixed {
                satisfactory,
                unacceptable,
                clamp: true,
            },
        },
        Method::Completion {
            target: 50.0,
            cap: 1.0,
        },
        Method::Threshold {
            target: 40.0,
            partial: 1.0,
        },
    ]
}

/// One indicator per method and direction, every peer's April figure
/// from `values`, groups of four.
fn fixture(values: &[Option<f64>]) -> Fixture {
    let mut fixture = Fixture::new(values.len(), 4, 1);
    for direction in [Direction::Higher, Direction::Lower] {
        for (m, method) in methods(direction).into_iter().enumerate() {
            let id = format!("m{m}{direction:?}");
            fixture.indicator(&id, method.clone(), direction);
            fixture.month(&id, 4, values);
        }
    }
    fixture
}

fn figures() -> impl Strategy<Value = Vec<Option<f64>>> {
    let figure = prop_oneof![
        1 => Just(None),
        6 => (0i32..1000).prop_map(|v| Some(v as f64 / 10.0)),
    ];
    proptest::collection::vec(figure, 2..12)
}

proptest! {
    #[test]
    fn reordering_peers_changes_no_result(
        values in figures(),
        seed in any::<u64>(),
    ) {
        // Move the peers round within their groups of four, keeping
        // the home peer and the group members the same.
        let dataset = fixture(&values).build();
        let mut shuffled = fixture(&values);
        let n = values.len();
        let mut order: Vec<usize> = (0..n).collect();
        for start in (0..n).step_by(4) {
            let end = (start + 4).min(n);
            order[start..end].rotate_left((seed as usize) % (end - start));
        }
        shuffled.scheme.peers = order
            .iter()
            .map(|&i| dataset.scheme.peers[i].clone())
            .collect();
        let reordered = shuffled.build();
        let a = evaluate(&dataset, &WhatIf::default());
        let b = evaluate(&reordered, &WhatIf::default());
        for (ra, rb) in a.indicators.iter().zip(&b.indicators) {
            let ma = ra.month(period(4)).unwrap();
            let mb = rb.month(period(4)).unwrap();
            for (new_index, &old_index) in order.iter().enumerate() {
                prop_assert_eq!(ma.peers[old_index], mb.peers[new_index]);
            }
        }
    }

    #[test]
    fn better_figure_never_lowers_rank_or_score(
        values in figures(),
        step in 1i32..200,
    ) {
        prop_assume!(values[0].is_some());
        let dataset = fixture(&values).build();
        let before = evaluate(&dataset, &WhatIf::default());
        for (i, spec) in dataset.scheme.indicators.iter().enumerate() {
            let delta = step as f64 / 10.0;
            let better = match spec.direction {
                Direction::Higher => values[0].unwrap() + delta,
                Direction::Lower => values[0].unwrap() - delta,
            };
            let mut improved = values.clone();
            improved[0] = Some(better);
            let after = evaluate(&fixture(&improved).build(), &WhatIf::default());
            let old = before.indicators[i].month(period(4)).unwrap().peers[0];
            let new = after.indicators[i].month(period(4)).unwrap().peers[0];
            prop_assert!(new.group_rank <= old.group_rank, "{}", spec.id);
            prop_assert!(new.city_rank <= old.city_rank, "{}", spec.id);
            prop_assert!(new.score >= old.score - 1e-9, "{}: {} < {}", spec.id, new.score, old.score);
        }
    }

    #[test]
    fn clamped_methods_stay_within_full_points(values in figures()) {
        let dataset = fixture(&values).build();
        let report = evaluate(&dataset, &WhatIf::default());
        for (spec, result) in dataset.scheme.indicators.iter().zip(&report.indicators) {
            let month = result.month(period(4)).unwrap();
            let projection = result.projection.as_ref().unwrap();
            for cell in month.peers.iter().chain(&projection.peers) {
                prop_assert!(cell.score >= 0.0, "{}: {}", spec.id, cell.score);
                prop_assert!(cell.score <= spec.full_points + 1e-9, "{}: {}", spec.id, cell.score);
            }
        }
    }

    #[test]
    fn what_if_equal_to_data_changes_nothing(values in figures()) {
        let dataset = fixture(&values).build();
        let plain = evaluate(&dataset, &WhatIf::default());
        let mut what_if = WhatIf::default();
        if let Some(home) = values[0] {
            for spec in &dataset.scheme.indicators {
                what_if.figures.insert(spec.id.clone(), home);
            }
        }
        prop_assert_eq!(plain, evaluate(&dataset, &what_if));
    }

    #[test]
    fn evaluate_from_base_equals_full(
        values in figures(),
        hypothetical in proptest::collection::vec(0i32..1000, 1..6),
    ) {
        let dataset = fixture(&values).build();
        let base = evaluate(&dataset, &WhatIf::default());
        let mut what_if = WhatIf::default();
        for (spec, value) in dataset.scheme.indicators.iter().zip(&hypothetical) {
            what_if.figures.insert(spec.id.clone(), *value as f64 / 10.0);
        }
        let patched = dukao_core::evaluate_from(&dataset, &base, &what_if);
        prop_assert_eq!(patched, evaluate(&dataset, &what_if));
    }

    #[test]
    fn gap_target_reaches_its_rank(values in figures()) {
        let dataset = fixture(&values).build();
        let report = evaluate(&dataset, &WhatIf::default());
        for (i, result) in report.indicators.iter().enumerate() {
            let gap = result.month(period(4)).unwrap().gap;
            let old = result.month(period(4)).unwrap().peers[0];
            for target in [gap.next_rank, gap.green].into_iter().flatten() {
                let mut changed = values.clone();
                changed[0] = Some(target.value);
                let after = evaluate(&fixture(&changed).build(), &WhatIf::default());
                let cell = after.indicators[i].month(period(4)).unwrap().peers[0];
                prop_assert_eq!(cell.group_rank, Some(target.group_rank));
                prop_assert!(cell.group_rank < old.group_rank);
            }
        }
    }
}
