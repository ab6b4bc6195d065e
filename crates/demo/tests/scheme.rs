//! The demo scheme has the real scale and uses every scoring method.

mod common;

use std::collections::BTreeSet;

use common::demo;
use dukao_core::model::{Bounds, Direction, Kind, Method, RankSet};

#[test]
fn scale_matches_the_district() {
    let scheme = &demo().scheme;
    assert_eq!(scheme.peers.len(), 15);
    assert_eq!(scheme.areas.len(), 18);
    assert_eq!(scheme.indicators.len(), 121);
    let monthly = scheme.indicators.iter().filter(|i| i.monthly).count();
    assert_eq!(monthly, 44);
    assert_eq!(scheme.units.len(), 88);
    assert_eq!(demo().ledger.tasks.len(), 841);
}

#[test]
fn home_group_has_five_or_more() {
    let scheme = &demo().scheme;
    assert_eq!(scheme.home, "jiyang");
    let home = scheme.peers.iter().find(|p| p.id == scheme.home).unwrap();
    let size = scheme
        .peers
        .iter()
        .filter(|p| p.group == home.group)
        .count();
    assert!(size >= 5, "home group has {size} peers");
}

#[test]
fn functional_areas_have_aliases() {
    let scheme = &demo().scheme;
    let aliases = |id: &str| {
        scheme
            .peers
            .iter()
            .find(|p| p.id == id)
            .unwrap()
            .aliases
            .clone()
    };
    assert!(aliases("gaoxin").contains(&"济南高新区".to_string()));
    assert!(aliases("qibuqu").contains(&"济南新旧动能转换起步区".to_string()));
}

#[test]
fn every_method_is_used() {
    let methods: Vec<&Method> =
        demo().scheme.indicators.iter().map(|i| &i.method).collect();
    let any = |test: &dyn Fn(&Method) -> bool| methods.iter().any(|m| test(m));
    assert!(any(&|m| matches!(
        m,
        Method::RankPoints { table: None, .. }
    )));
    assert!(any(&|m| matches!(
        m,
        Method::RankPoints { table: Some(_), .. }
    )));
    assert!(any(&|m| matches!(
        m,
        Method::RankPoints { step, table: None } if *step != 0.05
    )));
    assert!(any(&|m| matches!(
        m,
        Method::Efficacy {
            bounds: Bounds::Fixed { clamp: true, .. },
            ..
        }
    )));
    assert!(any(&|m| matches!(
        m,
        Method::Efficacy {
            bounds: Bounds::Fixed { clamp: false, .. },
            ..
        }
    )));
    assert!(any(&|m| matches!(
        m,
        Method::Efficacy {
            bounds: Bounds::RankSet,
            ..
        }
    )));
    assert!(any(
        &|m| matches!(m, Method::Completion { cap, .. } if *cap == 1.0)
    ));
    assert!(any(
        &|m| matches!(m, Method::Completion { cap, .. } if *cap > 1.0)
    ));
    assert!(any(&|m| matches!(m, Method::Threshold { .. })));
    assert!(any(&|m| matches!(m, Method::BonusPenalty { .. })));
}

#[test]
fn both_directions_and_all_rank_sets() {
    let indicators = &demo().scheme.indicators;
    for direction in [Direction::Higher, Direction::Lower] {
        assert!(
            indicators.iter().any(|i| i.direction == direction),
            "{direction:?}"
        );
    }
    for rank_set in [RankSet::City, RankSet::Group, RankSet::District] {
        assert!(
            indicators.iter().any(|i| i.rank_set == rank_set),
            "{rank_set:?}"
        );
    }
    let lower_bonus = indicators.iter().any(|i| {
        i.direction == Direction::Lower
            && matches!(i.method, Method::BonusPenalty { .. })
    });
    assert!(lower_bonus, "no penalty (lower-is-better bonus_penalty)");
}

#[test]
fn indicators_added_and_dropped_in_year() {
    let indicators = &demo().scheme.indicators;
    let added = indicators.iter().filter(|i| i.active_from.is_some());
    let dropped = indicators.iter().filter(|i| i.active_until.is_some());
    assert_eq!(added.count(), 2);
    assert_eq!(dropped.count(), 1);
}

#[test]
fn profiles_only_on_cumulative_and_valid() {
    let indicators = &demo().scheme.indicators;
    let mut with_profile = 0;
    for indicator in indicators {
        let Some(profile) = &indicator.seasonal_profile else {
            continue;
        };
        with_profile += 1;
        assert_eq!(indicator.kind, Kind::Cumulative, "{}", indicator.id);
        assert_eq!(profile.len(), 12, "{}", indicator.id);
        assert_eq!(profile[11], 1.0, "{}", indicator.id);
        assert!(
            profile.windows(2).all(|w| w[0] <= w[1] && w[0] > 0.0),
            "{}: {profile:?}",
            indicator.id
        );
    }
    assert!(with_profile >= 30, "{with_profile} profiles");
}

#[test]
fn units_and_indicators_reference_known_units() {
    let scheme = &demo().scheme;
    let groups: BTreeSet<&str> =
        scheme.units.iter().map(|u| u.group.as_str()).collect();
    assert_eq!(groups.len(), 3, "{groups:?}");
    let towns = scheme.units.iter().filter(|u| u.group == "town").count();
    assert_eq!(towns, 10);
    let leads: BTreeSet<&str> = scheme
        .indicators
        .iter()
        .map(|i| i.lead_unit.as_str())
        .collect();
    assert!(leads.len() >= 30, "only {} lead units", leads.len());
}
