//! Table tests of ranking and of each scoring method.

use dukao_core::model::{Bounds, Direction, Indicator, Kind, Method, RankSet};
use dukao_core::scoring::{
    annual_score, competition_ranks, completion, efficacy, rank_points, round2,
    score, Colour, Standing,
};

fn indicator(method: Method, direction: Direction, full: f64) -> Indicator {
    Indicator {
        id: "x".into(),
        name: "x".into(),
        area: "a".into(),
        direction,
        kind: Kind::Level,
        measure: "%".into(),
        decimals: 2,
        full_points: full,
        method,
        rank_set: RankSet::Group,
        lead_unit: "u".into(),
        support_units: vec![],
        monthly: true,
        active_from: None,
        active_until: None,
        seasonal_profile: None,
    }
}

fn at_rank(rank: u32) -> Standing {
    Standing {
        rank,
        best: 0.0,
        worst: 0.0,
    }
}

#[test]
fn efficacy_fixed_bounds_example() {
    let method = Method::Efficacy {
        base_share: 0.6,
        bounds: Bounds::Fixed {
            satisfactory: 12.0,
            unacceptable: 6.0,
            clamp: false,
        },
    };
    let spec = indicator(method, Direction::Higher, 100.0);
    let points = score(&spec, 5.81, at_rank(1), 1.0);
    assert_eq!(round2(points), 58.73);
}

#[test]
fn efficacy_clamps_only_when_asked() {
    let bounds = |clamp| Bounds::Fixed {
        satisfactory: 12.0,
        unacceptable: 6.0,
        clamp,
    };
    let loose = Method::Efficacy {
        base_share: 0.6,
        bounds: bounds(false),
    };
    let tight = Method::Efficacy {
        base_share: 0.6,
        bounds: bounds(true),
    };
    let loose = indicator(loose, Direction::Higher, 100.0);
    let tight = indicator(tight, Direction::Higher, 100.0);
    assert_eq!(round2(score(&loose, 15.0, at_rank(1), 1.0)), 120.0);
    assert_eq!(score(&tight, 15.0, at_rank(1), 1.0), 100.0);
    assert_eq!(score(&tight, -100.0, at_rank(1), 1.0), 0.0);
}

#[test]
fn efficacy_lower_is_better_fixed() {
    // Satisfactory 2 days, unacceptable 10 days: 4 days is a quarter of
    // the way from the best, so 60 + 0.75 × 40 = 90.
    let method = Method::Efficacy {
        base_share: 0.6,
        bounds: Bounds::Fixed {
            satisfactory: 2.0,
            unacceptable: 10.0,
            clamp: false,
        },
    };
    let spec = indicator(method, Direction::Lower, 100.0);
    assert_eq!(round2(score(&spec, 4.0, at_rank(1), 1.0)), 90.0);
}

#[test]
fn efficacy_rank_set_bounds() {
    let method = Method::Efficacy {
        base_share: 0.6,
        bounds: Bounds::RankSet,
    };
    let spec = indicator(method, Direction::Higher, 10.0);
    let standing = Standing {
        rank: 2,
        best: 20.0,
        worst: 10.0,
    };
    assert_eq!(round2(score(&spec, 15.0, standing, 1.0)), 8.0);
    assert_eq!(round2(score(&spec, 20.0, standing, 1.0)), 10.0);
    assert_eq!(round2(score(&spec, 10.0, standing, 1.0)), 6.0);
}

#[test]
fn efficacy_all_equal_gives_full() {
    assert_eq!(efficacy(10.0, 6.0, 3.0, 3.0, 3.0), 10.0);
}

#[test]
fn rank_points_by_step() {
    let cases = [(1, 5.0), (2, 4.75), (3, 4.5), (4, 4.25)];
    for (rank, expected) in cases {
        assert_eq!(rank_points(5.0, 0.05, None, rank), expected, "rank {rank}");
    }
}

#[test]
fn rank_points_never_negative() {
    assert_eq!(rank_points(5.0, 0.3, None, 5), 0.0);
}

#[test]
fn rank_points_table_repeats_last_entry() {
    let table = [10.0, 8.0, 6.0];
    assert_eq!(rank_points(10.0, 0.05, Some(&table), 2), 8.0);
    assert_eq!(rank_points(10.0, 0.05, Some(&table), 3), 6.0);
    assert_eq!(rank_points(10.0, 0.05, Some(&table), 9), 6.0);
}

#[test]
fn ranks_higher_is_better_with_ties() {
    let values = [Some(9.1), Some(8.0), Some(8.0), Some(7.2)];
    let ranks = competition_ranks(&values, 1, Direction::Higher);
    assert_eq!(ranks, vec![Some(1), Some(2), Some(2), Some(4)]);
}

#[test]
fn ranks_lower_is_better_with_ties() {
    let values = [Some(3.2), Some(2.1), Some(2.1), Some(5.0)];
    let ranks = competition_ranks(&values, 1, Direction::Lower);
    assert_eq!(ranks, vec![Some(3), Some(1), Some(1), Some(4)]);
}

#[test]
fn ranks_compare_at_decimals() {
    // 8.04 and 8.01 are both 8.0 at one decimal: a tie.
    let values = [Some(8.04), Some(8.01), Some(8.06)];
    let ranks = competition_ranks(&values, 1, Direction::Higher);
    assert_eq!(ranks, vec![Some(2), Some(2), Some(1)]);
}

#[test]
fn ranks_skip_missing_figures() {
    let values = [None, Some(1.0), Some(2.0)];
    let ranks = competition_ranks(&values, 0, Direction::Higher);
    assert_eq!(ranks, vec![None, Some(2), Some(1)]);
}

#[test]
fn completion_ratio_examples() {
    assert_eq!(completion(10.0, 200.0, 1.0, 180.0, true), 9.0);
    assert_eq!(completion(10.0, 200.0, 1.2, 260.0, true), 12.0);
    assert_eq!(completion(10.0, 200.0, 1.0, 260.0, true), 10.0);
    assert_eq!(completion(10.0, 200.0, 1.0, -5.0, true), 0.0);
}

#[test]
fn completion_lower_is_better() {
    assert_eq!(completion(10.0, 50.0, 1.0, 100.0, false), 5.0);
    assert_eq!(completion(10.0, 50.0, 1.2, 0.0, false), 12.0);
    assert_eq!(completion(10.0, 50.0, 1.0, -3.0, false), 10.0);
}

#[test]
fn threshold_met_or_partial() {
    let method = Method::Threshold {
        target: 95.0,
        partial: 2.0,
    };
    let higher = indicator(method.clone(), Direction::Higher, 5.0);
    assert_eq!(score(&higher, 95.0, at_rank(1), 1.0), 5.0);
    assert_eq!(score(&higher, 94.9, at_rank(1), 1.0), 2.0);
    let lower = indicator(method, Direction::Lower, 5.0);
    assert_eq!(score(&lower, 95.0, at_rank(1), 1.0), 5.0);
    assert_eq!(score(&lower, 96.0, at_rank(1), 1.0), 2.0);
}

#[test]
fn threshold_scales_cumulative_target() {
    let method = Method::Threshold {
        target: 120.0,
        partial: 0.0,
    };
    let mut spec = indicator(method, Direction::Higher, 5.0);
    spec.kind = Kind::Cumulative;
    // By June half the year's 120 is expected.
    assert_eq!(score(&spec, 61.0, at_rank(1), 0.5), 5.0);
    assert_eq!(score(&spec, 59.0, at_rank(1), 0.5), 0.0);
}

#[test]
fn bonus_penalty_within_caps() {
    let method = Method::BonusPenalty {
        per_event: 0.5,
        bonus_cap: 2.0,
        penalty_cap: 1.0,
    };
    let bonus = indicator(method.clone(), Direction::Higher, 2.0);
    assert_eq!(score(&bonus, 3.0, at_rank(1), 1.0), 1.5);
    assert_eq!(score(&bonus, 10.0, at_rank(1), 1.0), 2.0);
    let penalty = indicator(method, Direction::Lower, 2.0);
    assert_eq!(score(&penalty, 1.0, at_rank(1), 1.0), -0.5);
    assert_eq!(score(&penalty, 9.0, at_rank(1), 1.0), -1.0);
    let none = score(&penalty, 0.0, at_rank(1), 1.0);
    assert!(none.is_sign_positive(), "{none}");
}

#[test]
fn annual_score_example() {
    let points = annual_score(0.4, &[4.0, 5.0, 4.5], 5.0);
    assert!((points - 4.8).abs() < 1e-12, "{points}");
}

#[test]
fn annual_score_without_months_is_year_end() {
    assert_eq!(annual_score(0.4, &[], 3.0), 3.0);
}

#[test]
fn colour_by_group_rank() {
    let cases = [
        (Some(1), 5, 5, Colour::Green),
        (Some(3), 5, 5, Colour::Green),
        (Some(4), 5, 5, Colour::Yellow),
        (Some(5), 5, 5, Colour::Red),
        (Some(4), 4, 5, Colour::Red),
        (Some(3), 3, 3, Colour::Green),
        (None, 5, 5, Colour::Grey),
    ];
    for (rank, last, ranked, expected) in cases {
        let colour = Colour::from_rank(rank, last, ranked, 3);
        assert_eq!(colour, expected, "rank {rank:?} of {ranked}");
    }
}
