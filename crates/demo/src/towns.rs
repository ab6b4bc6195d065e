//! The towns' and streets' series for the district ranking (全区排名).

use dukao_core::model::Series;

use crate::catalog::{Generator, Spec};
use crate::figures::series_of;
use crate::rng::{round_to, Rng};
use crate::series::{self, Entity};
use crate::units::TOWN_SHARES;

/// Indicators the towns and streets also report, for the district
/// ranking (全区排名).
pub const UNIT_INDICATORS: [&str; 4] = [
    "fai_growth",
    "outside_funds",
    "new_market_entities",
    "petition_volume",
];

/// Draws the towns' and streets' series, each town like a small peer
/// of its share of the district.
pub(crate) fn unit_series(specs: &[Spec]) -> Vec<Series> {
    let mut out = Vec::new();
    for id in UNIT_INDICATORS {
        let spec =
            specs
                .iter()
                .find(|s| s.indicator.id == id)
                .unwrap_or_else(|| {
                    panic!("unit indicator {id} is not in the scheme")
                });
        let generator = match spec.generator {
            // Towns' growth rates swing more than a district's.
            Generator::Growth { mid, spread } => Generator::Growth {
                mid,
                spread: spread * 1.8,
            },
            other => other,
        };
        for (town, share) in TOWN_SHARES {
            let entity = Entity {
                size: share * 0.9,
                rural: share,
                vigour: 0.0,
            };
            let mut rng = Rng::for_key(&["town", id, town]);
            let ends = series::year_ends(
                &generator,
                spec.indicator.direction,
                &entity,
                [None, None],
                &mut rng,
            );
            let path = series::path(&generator, ends, &[], &mut rng);
            let decimals = spec.indicator.decimals;
            let values = path.map(|v| Some(round_to(v, decimals)));
            out.push(series_of(id, town, &values));
        }
    }
    out
}
