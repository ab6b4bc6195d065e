//! The full recompute on small datasets built in code.

mod common;

use common::{period, rank_points, Fixture};
use dukao_core::model::{
    Bounds, Direction, ItemKind, ItemRecord, ItemStatus, Kind, Method,
    Milestone, RankSet, Task, TaskList,
};
use dukao_core::{evaluate, Colour, Date, WhatIf};

fn some(values: &[f64]) -> Vec<Option<f64>> {
    values.iter().map(|v| Some(*v)).collect()
}

/// Five peers in one group, one rank-points indicator, figures for
/// January to April (April open).
fn five_peers(april: &[Option<f64>]) -> Fixture {
    let mut fixture = Fixture::new(5, 5, 1);
    fixture.indicator("gdp", rank_points(), Direction::Higher);
    for month in 1..=3 {
        fixture.month("gdp", month, &some(&[5.0, 4.0, 3.0, 2.0, 1.0]));
    }
    fixture.month("gdp", 4, april);
    fixture
}

#[test]
fn month_cells_rank_score_and_colour() {
    let april = some(&[9.1, 8.0, 8.0, 7.2, 7.2]);
    let dataset = five_peers(&april).build();
    let report = evaluate(&dataset, &WhatIf::default());
    let month = report.indicators[0].month(period(4)).unwrap();
    let ranks: Vec<_> = month.peers.iter().map(|c| c.group_rank).collect();
    assert_eq!(ranks, vec![Some(1), Some(2), Some(2), Some(4), Some(4)]);
    let scores: Vec<_> = month.peers.iter().map(|c| c.score).collect();
    assert_eq!(scores, vec![5.0, 4.75, 4.75, 4.25, 4.25]);
    let colours: Vec<_> = month.peers.iter().map(|c| c.colour).collect();
    use Colour::*;
    assert_eq!(colours, vec![Green, Green, Green, Red, Red]);
}

#[test]
fn missing_figure_scores_zero_and_is_grey() {
    let april = vec![None, Some(8.0), Some(7.0), Some(6.0), Some(5.0)];
    let dataset = five_peers(&april).build();
    let report = evaluate(&dataset, &WhatIf::default());
    let cell = report.indicators[0].month(period(4)).unwrap().peers[0];
    assert!(cell.missing());
    assert_eq!(cell.score, 0.0);
    assert_eq!(cell.colour, Colour::Grey);
    assert_eq!(cell.group_rank, None);
    // The others are ranked as if the missing peer were absent.
    let second = report.indicators[0].month(period(4)).unwrap().peers[1];
    assert_eq!(second.group_rank, Some(1));
}

#[test]
fn missing_figure_in_closed_month_raises_item() {
    let mut fixture = five_peers(&some(&[5.0, 4.0, 3.0, 2.0, 1.0]));
    fixture.figures.peers[0].values[1] = None;
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    let missing: Vec<_> = report
        .supervision
        .iter()
        .filter(|i| i.kind == ItemKind::Missing)
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].period, period(2));
    assert_eq!(missing[0].lead_unit, "u0");
}

#[test]
fn rank_change_counts_places_moved() {
    // Home is first in March and fourth in April.
    let april = some(&[1.5, 4.0, 3.0, 2.0, 1.0]);
    let dataset = five_peers(&april).build();
    let report = evaluate(&dataset, &WhatIf::default());
    let april = report.indicators[0].month(period(4)).unwrap();
    assert_eq!(april.rank_change, Some(-3));
}

#[test]
fn sharp_fall_in_closed_month_raises_post_item() {
    let mut fixture = five_peers(&some(&[5.0, 4.0, 3.0, 2.0, 1.0]));
    // March: home falls from 1st to 4th.
    fixture.month("gdp", 3, &some(&[1.5, 4.0, 3.0, 2.0, 1.0]));
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    let post: Vec<_> = report
        .supervision
        .iter()
        .filter(|i| i.kind == ItemKind::Post)
        .collect();
    assert_eq!(post.len(), 1);
    assert_eq!(post[0].period, period(3));
    assert!(post[0].reason.contains('3'), "{}", post[0].reason);
}

#[test]
fn gap_names_figure_for_next_rank_and_green() {
    let april = some(&[1.0, 9.0, 8.0, 7.0, 6.04]);
    let dataset = five_peers(&april).build();
    let report = evaluate(&dataset, &WhatIf::default());
    let gap = report.indicators[0].month(period(4)).unwrap().gap;
    let next = gap.next_rank.unwrap();
    assert_eq!(next.value, 6.0);
    assert_eq!(next.group_rank, 4);
    assert_eq!(next.points_added, 0.25);
    let green = gap.green.unwrap();
    assert_eq!(green.value, 7.0);
    assert_eq!(green.group_rank, 3);
    assert_eq!(green.points_added, 0.5);
}

#[test]
fn gap_is_empty_when_first() {
    let dataset = five_peers(&some(&[9.0, 8.0, 7.0, 6.0, 5.0])).build();
    let report = evaluate(&dataset, &WhatIf::default());
    let gap = report.indicators[0].month(period(4)).unwrap().gap;
    assert_eq!(gap.next_rank, None);
    assert_eq!(gap.green, None);
}

fn cumulative_fixture() -> Fixture {
    let mut fixture = Fixture::new(5, 5, 1);
    let spec = fixture.indicator("inv", rank_points(), Direction::Higher);
    spec.kind = Kind::Cumulative;
    spec.decimals = 0;
    // By April, 40% of the year for everyone.
    let mut profile = vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    profile.extend([0.7, 0.75, 0.8, 0.85, 0.9, 1.0]);
    spec.seasonal_profile = Some(profile);
    fixture.month("inv", 3, &some(&[30.0, 60.0, 45.0, 30.0, 15.0]));
    fixture.month(
        "inv",
        4,
        &[Some(40.0), Some(80.0), None, Some(40.0), Some(20.0)],
    );
    fixture
}

#[test]
fn projection_divides_by_seasonal_share() {
    let dataset = cumulative_fixture().build();
    let report = evaluate(&dataset, &WhatIf::default());
    let projection = report.indicators[0].projection.as_ref().unwrap();
    let values: Vec<_> = projection.peers.iter().map(|c| c.value).collect();
    // Peer 2 has no April figure: its March figure over March's share.
    let expected = some(&[100.0, 200.0, 150.0, 100.0, 50.0]);
    for (value, expected) in values.iter().zip(&expected) {
        let (value, expected) = (value.unwrap(), expected.unwrap());
        assert!((value - expected).abs() < 1e-9, "{value} vs {expected}");
    }
    assert_eq!(projection.peers[0].group_rank, Some(3));
}

#[test]
fn what_if_changes_projection_not_data() {
    let dataset = cumulative_fixture().build();
    let before = evaluate(&dataset, &WhatIf::default());
    let mut what_if = WhatIf::default();
    what_if.figures.insert("inv".into(), 90.0);
    let after = evaluate(&dataset, &what_if);
    let projected = after.indicators[0].projection.as_ref().unwrap().peers[0];
    assert_eq!(projected.group_rank, Some(1));
    assert!(
        after.projected_totals.scores[0] > before.projected_totals.scores[0]
    );
    // The dataset keeps the reported figure.
    let home = dataset.home();
    assert_eq!(dataset.peer_value(0, period(4), home), Some(40.0));
    let again = evaluate(&dataset, &WhatIf::default());
    assert_eq!(again, before);
}

#[test]
fn projection_gap_is_in_open_month_terms() {
    let dataset = cumulative_fixture().build();
    let report = evaluate(&dataset, &WhatIf::default());
    let gap = report.indicators[0].projection.as_ref().unwrap().gap;
    // Next rank is peer 2 projected at 150; 150 × 0.4 = 60 this month.
    assert_eq!(gap.next_rank.unwrap().value, 60.0);
}

#[test]
fn red_projection_raises_pre_item() {
    let april = some(&[1.0, 9.0, 8.0, 7.0, 6.0]);
    let dataset = five_peers(&april).build();
    let report = evaluate(&dataset, &WhatIf::default());
    let pre: Vec<_> = report
        .supervision
        .iter()
        .filter(|i| i.kind == ItemKind::Pre)
        .collect();
    assert_eq!(pre.len(), 1);
    assert_eq!(pre[0].period, period(4));
    assert_eq!(pre[0].status, ItemStatus::Open);
}

#[test]
fn handling_points_for_late_close_and_recovery() {
    let mut fixture = five_peers(&some(&[5.0, 4.0, 3.0, 2.0, 1.0]));
    // February: home last (red); March: back to first.
    fixture.month("gdp", 2, &some(&[0.5, 4.0, 3.0, 2.0, 1.0]));
    fixture.log.items.push(ItemRecord {
        indicator: "gdp".into(),
        period: period(2),
        kind: ItemKind::Post,
        status: ItemStatus::Closed,
        due: None,
        responded: None,
        rectified: None,
        closed: Some(Date::new(2026, 3, 20).unwrap()),
        note: String::new(),
    });
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    let item = report
        .supervision
        .iter()
        .find(|i| i.kind == ItemKind::Post && i.period == period(2))
        .unwrap();
    // Due 15 days after February: 2026-03-15; closed late (−0.5) and out
    // of red in March (+0.5).
    assert_eq!(item.due.to_string(), "2026-03-15");
    assert_eq!(item.handling_points, 0.0);
    let unit = &report.annual.units[0];
    assert_eq!(unit.supervision_points, 0.0);
}

#[test]
fn inactive_months_are_skipped() {
    let mut fixture = five_peers(&some(&[5.0, 4.0, 3.0, 2.0, 1.0]));
    fixture.scheme.indicators[0].active_from = Some(period(3));
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    let months = &report.indicators[0].months;
    assert!(months[0].is_none());
    assert!(months[1].is_none());
    assert!(months[2].is_some());
    assert!(months[3].is_some());
    assert_eq!(report.annual.indicators[0].months_scored, 1);
}

#[test]
fn city_rank_set_scores_among_all_peers() {
    let mut fixture = Fixture::new(6, 3, 1);
    let spec = fixture.indicator("x", rank_points(), Direction::Higher);
    spec.rank_set = RankSet::City;
    fixture.month("x", 4, &some(&[4.0, 6.0, 5.0, 9.0, 8.0, 7.0]));
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    let home = report.indicators[0].month(period(4)).unwrap().peers[0];
    assert_eq!(home.group_rank, Some(3));
    assert_eq!(home.city_rank, Some(6));
    assert_eq!(home.score, 5.0 * (1.0 - 0.05 * 5.0));
}

#[test]
fn efficacy_uses_group_best_and_worst() {
    let mut fixture = Fixture::new(4, 4, 1);
    let method = Method::Efficacy {
        base_share: 0.6,
        bounds: Bounds::RankSet,
    };
    fixture.indicator("e", method, Direction::Lower);
    fixture.month("e", 4, &some(&[15.0, 10.0, 20.0, 12.0]));
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    let home = report.indicators[0].month(period(4)).unwrap().peers[0];
    // Best 10, worst 20: 3 + (15 − 20) / (10 − 20) × 2 = 4.
    assert!((home.score - 4.0).abs() < 1e-12, "{}", home.score);
}

#[test]
fn monthly_totals_rank_peers() {
    let dataset = five_peers(&some(&[9.0, 8.0, 7.0, 6.0, 5.0])).build();
    let report = evaluate(&dataset, &WhatIf::default());
    let april = report.monthly_totals.last().unwrap();
    assert_eq!(april.period, period(4));
    assert_eq!(april.scores[0], 5.0);
    assert_eq!(april.group_ranks[0], Some(1));
    assert_eq!(april.city_ranks[4], Some(5));
}

fn task(id: &str, milestones: &[(u32, Option<&str>)]) -> Task {
    Task {
        id: id.into(),
        list: TaskList::KeyWork,
        unit: "u0".into(),
        title: "任务".into(),
        target: "完成".into(),
        milestones: milestones
            .iter()
            .map(|(month, done)| Milestone {
                due: period(*month),
                goal: "节点".into(),
                people: vec![],
                done: done.map(|d| d.parse().unwrap()),
            })
            .collect(),
        signed_off: None,
        above_target: false,
    }
}

#[test]
fn ledger_states_as_of_date() {
    let mut fixture = five_peers(&some(&[9.0, 8.0, 7.0, 6.0, 5.0]));
    let mut early =
        task("t1", &[(2, Some("2026-02-10")), (9, Some("2026-03-01"))]);
    early.signed_off = Some("2026-03-05".parse().unwrap());
    fixture.ledger.tasks = vec![
        early,
        task("t2", &[(3, None), (4, None), (6, None)]),
        task("t3", &[(4, None), (8, None)]),
    ];
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    use dukao_core::ledger::{MilestoneState::*, TaskState};
    let tasks = &report.ledger.tasks;
    assert_eq!(tasks[0].state, TaskState::SignedOff);
    assert!(tasks[0].early);
    assert_eq!(tasks[1].state, TaskState::Behind);
    assert_eq!(tasks[1].milestones, vec![Overdue, DueThisMonth, Upcoming]);
    assert_eq!(tasks[2].state, TaskState::OnTrack);
    let total = report.ledger.total;
    assert_eq!(total.signed_off, 1);
    assert_eq!(total.behind, 1);
    assert_eq!(total.overdue_milestones, 1);
    assert_eq!(total.due_this_month, 2);
    assert_eq!(total.early_share(), 1.0);
}

#[test]
fn unit_totals_add_ledger_and_supervision() {
    let mut fixture = five_peers(&some(&[9.0, 8.0, 7.0, 6.0, 5.0]));
    fixture.ledger.tasks = vec![task("t", &[(2, None)])];
    let dataset = fixture.build();
    let report = evaluate(&dataset, &WhatIf::default());
    let unit = &report.annual.units[0];
    let expected = unit.indicator_points - 0.05;
    assert!((unit.total - expected).abs() < 1e-12);
    assert_eq!(unit.group_rank, Some(1));
    let home_total: f64 =
        report.annual.indicators.iter().map(|i| i.score).sum();
    assert_eq!(report.annual.home_total, home_total);
}

#[test]
fn non_finite_what_if_is_ignored() {
    let dataset = cumulative_fixture().build();
    let plain = evaluate(&dataset, &WhatIf::default());
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut what_if = WhatIf::default();
        what_if.figures.insert("inv".into(), value);
        assert_eq!(evaluate(&dataset, &what_if), plain, "{value}");
    }
}

#[test]
fn instant_what_if_matches_full_recompute() {
    let mut fixture = cumulative_fixture();
    fixture.indicator("gdp", rank_points(), Direction::Higher);
    fixture.month("gdp", 4, &some(&[1.0, 9.0, 8.0, 7.0, 6.0]));
    let dataset = fixture.build();
    let base = evaluate(&dataset, &WhatIf::default());
    let mut what_if = WhatIf::default();
    what_if.figures.insert("inv".into(), 90.0);
    what_if.figures.insert("gdp".into(), 8.5);
    what_if.figures.insert("no-such-indicator".into(), 1.0);
    let full = evaluate(&dataset, &what_if);
    let quick = dukao_core::what_if(&dataset, &base, &what_if);
    assert_eq!(quick.indicators.len(), 2);
    for (index, report) in &quick.indicators {
        assert_eq!(report, &full.indicators[*index]);
    }
    let (quick, full) = (&quick.projected_totals, &full.projected_totals);
    assert_eq!(quick.city_ranks, full.city_ranks);
    assert_eq!(quick.group_ranks, full.group_ranks);
    for (a, b) in quick.scores.iter().zip(&full.scores) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }
}
