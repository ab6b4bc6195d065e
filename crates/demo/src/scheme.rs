//! The scheme document: peers, units, areas, indicators and rules.

use dukao_core::model::{
    AnnualRules, Area, ColourRules, Indicator, Scheme, SupervisionRules,
};

use crate::catalog::Spec;
use crate::figures::YEAR;
use crate::peers::{self, HOME};
use crate::units;

/// Builds the scheme with `specs`' indicators, each given its seasonal
/// profile from `profiles` (same order).
pub fn build(
    areas: Vec<Area>,
    specs: &[Spec],
    profiles: Vec<Option<Vec<f64>>>,
) -> Scheme {
    let indicators: Vec<Indicator> = specs
        .iter()
        .zip(profiles)
        .map(|(spec, profile)| Indicator {
            seasonal_profile: profile,
            ..spec.indicator.clone()
        })
        .collect();
    Scheme {
        year: YEAR,
        title: format!("{YEAR}年度济阳区高质量发展综合考核指标体系"),
        home: HOME.to_string(),
        peer_groups: peers::peer_groups(),
        peers: peers::peers(),
        unit_groups: units::unit_groups(),
        units: units::units(),
        areas,
        indicators,
        colours: ColourRules::default(),
        supervision: SupervisionRules {
            points_closed_on_time: 0.2,
            ..SupervisionRules::default()
        },
        annual: AnnualRules::default(),
    }
}
