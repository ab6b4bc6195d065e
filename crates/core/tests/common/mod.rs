//! A small dataset builder for the engine's tests and benchmark.
#![allow(dead_code)]

pub mod scale;

use dukao_core::model::*;
use dukao_core::{Dataset, Date, Period};

pub const YEAR: i32 = 2026;

pub fn period(month: u32) -> Period {
    Period::new(YEAR, month).unwrap()
}

/// Peers `p0..pN` in groups of `group_size` (`p0` is home), units
/// `u0..uM` in one group, no indicators yet, open period April.
pub struct Fixture {
    pub scheme: Scheme,
    pub figures: Figures,
    pub ledger: Ledger,
    pub log: SupervisionLog,
}

impl Fixture {
    pub fn new(peers: usize, group_size: usize, units: usize) -> Fixture {
        let groups = peers.div_ceil(group_size);
        let scheme = Scheme {
            year: YEAR,
            title: "测试方案".into(),
            home: "p0".into(),
            peer_groups: (0..groups)
                .map(|g| Group {
                    id: format!("g{g}"),
                    name: format!("组{g}"),
                })
                .collect(),
            peers: (0..peers)
                .map(|p| Peer {
                    id: format!("p{p}"),
                    name: format!("区{p}"),
                    aliases: vec![],
                    group: format!("g{}", p / group_size),
                })
                .collect(),
            unit_groups: vec![Group {
                id: "ug".into(),
                name: "部门".into(),
            }],
            units: (0..units.max(1))
                .map(|u| Unit {
                    id: format!("u{u}"),
                    name: format!("单位{u}"),
                    group: "ug".into(),
                })
                .collect(),
            areas: vec![Area {
                id: "a".into(),
                name: "经济发展".into(),
            }],
            indicators: vec![],
            colours: ColourRules::default(),
            supervision: SupervisionRules::default(),
            annual: AnnualRules::default(),
        };
        Fixture {
            scheme,
            figures: Figures {
                year: YEAR,
                open_period: period(4),
                as_of: Date::new(YEAR, 4, 10).unwrap(),
                updated_at: String::new(),
                peers: vec![],
                units: vec![],
            },
            ledger: Ledger {
                year: YEAR,
                tasks: vec![],
            },
            log: SupervisionLog::default(),
        }
    }

    /// Adds an indicator led by `u0` and returns it for adjustment.
    pub fn indicator(
        &mut self,
        id: &str,
        method: Method,
        direction: Direction,
    ) -> &mut Indicator {
        self.scheme.indicators.push(Indicator {
            id: id.into(),
            name: format!("指标{id}"),
            area: "a".into(),
            direction,
            kind: Kind::Level,
            measure: "%".into(),
            decimals: 1,
            full_points: 5.0,
            method,
            rank_set: RankSet::Group,
            lead_unit: "u0".into(),
            support_units: vec![],
            monthly: true,
            active_from: None,
            active_until: None,
            seasonal_profile: None,
        });
        self.scheme.indicators.last_mut().unwrap()
    }

    /// Sets a peer's figures for January onwards of this year.
    pub fn peer_values(
        &mut self,
        indicator: &str,
        peer: usize,
        values: &[Option<f64>],
    ) {
        self.figures.peers.push(Series {
            indicator: indicator.into(),
            entity: format!("p{peer}"),
            from: period(1),
            values: values.to_vec(),
            sources: vec![],
        });
    }

    /// Sets one month's figure for every peer, in peer order.
    pub fn month(
        &mut self,
        indicator: &str,
        month: u32,
        values: &[Option<f64>],
    ) {
        for (peer, value) in values.iter().enumerate() {
            let entity = format!("p{peer}");
            let series = self
                .figures
                .peers
                .iter_mut()
                .find(|s| s.indicator == indicator && s.entity == entity);
            let series = match series {
                Some(series) => series,
                None => {
                    self.figures.peers.push(Series {
                        indicator: indicator.into(),
                        entity,
                        from: period(1),
                        values: vec![],
                        sources: vec![],
                    });
                    self.figures.peers.last_mut().unwrap()
                }
            };
            let index = month as usize - 1;
            if series.values.len() <= index {
                series.values.resize(index + 1, None);
            }
            series.values[index] = *value;
        }
    }

    pub fn build(self) -> Dataset {
        Dataset::new(self.scheme, self.figures, self.ledger, self.log)
            .expect("fixture is valid")
    }
}

pub fn rank_points() -> Method {
    Method::RankPoints {
        step: 0.05,
        table: None,
    }
}
