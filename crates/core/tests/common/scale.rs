//! A synthetic dataset at any scale, for the benchmark and the profiler.

use super::{period, Fixture, YEAR};
use dukao_core::model::*;
use dukao_core::{Dataset, Date, Period};

/// A deterministic stream of numbers in [0, 1).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn method(i: usize, direction: Direction) -> Method {
    let (satisfactory, unacceptable) = match direction {
        Direction::Higher => (80.0, 20.0),
        Direction::Lower => (20.0, 80.0),
    };
    match i % 6 {
        0 => Method::RankPoints {
            step: 0.05,
            table: None,
        },
        1 => Method::Efficacy {
            base_share: 0.6,
            bounds: Bounds::RankSet,
        },
        2 => Method::Efficacy {
            base_share: 0.6,
            bounds: Bounds::Fixed {
                satisfactory,
                unacceptable,
                clamp: true,
            },
        },
        3 => Method::Completion {
            target: 60.0,
            cap: 1.2,
        },
        4 => Method::Threshold {
            target: 50.0,
            partial: 1.0,
        },
        _ => Method::BonusPenalty {
            per_event: 0.5,
            bonus_cap: 2.0,
            penalty_cap: 2.0,
        },
    }
}

/// `peers` peers in groups of five, `indicators` indicators, 24 months of
/// figures, 88 units and 841 tasks of 12 milestones.
pub fn dataset(peers: usize, indicators: usize) -> Dataset {
    let mut fixture = Fixture::new(peers, 5, 88);
    let mut numbers = Numbers(0x9e37_79b9_7f4a_7c15);
    fixture.figures.open_period = period(12);
    fixture.figures.as_of = Date::new(YEAR, 12, 10).unwrap();
    for i in 0..indicators {
        let direction = if i % 3 == 0 {
            Direction::Lower
        } else {
            Direction::Higher
        };
        let id = format!("i{i}");
        let spec = fixture.indicator(&id, method(i, direction), direction);
        spec.kind = if i % 2 == 0 {
            Kind::Cumulative
        } else {
            Kind::Level
        };
        spec.monthly = i % 3 != 2;
        spec.lead_unit = format!("u{}", i % 88);
        for peer in 0..peers {
            let values = (0..24)
                .map(|_| {
                    (numbers.next() > 0.02).then(|| numbers.next() * 100.0)
                })
                .collect();
            fixture.figures.peers.push(Series {
                indicator: id.clone(),
                entity: format!("p{peer}"),
                from: Period::new(YEAR - 1, 1).unwrap(),
                values,
                sources: vec![],
            });
        }
        if i % 10 == 0 {
            for unit in 0..10 {
                fixture.figures.units.push(Series {
                    indicator: id.clone(),
                    entity: format!("u{unit}"),
                    from: period(1),
                    values: (0..12)
                        .map(|_| Some(numbers.next() * 50.0))
                        .collect(),
                    sources: vec![],
                });
            }
        }
    }
    fixture.ledger.tasks = (0..841)
        .map(|t| Task {
            id: format!("t{t}"),
            list: TaskList::ALL[t % 4],
            unit: format!("u{}", t % 88),
            title: "任务".into(),
            target: "目标".into(),
            milestones: (1..=12)
                .map(|month| Milestone {
                    due: period(month),
                    goal: "节点".into(),
                    people: vec![],
                    done: (numbers.next() < 0.7)
                        .then(|| Date::new(YEAR, month, 20).unwrap()),
                })
                .collect(),
            signed_off: (t % 3 == 0).then(|| Date::new(YEAR, 11, 1).unwrap()),
            above_target: t % 17 == 0,
        })
        .collect();
    fixture.build()
}
