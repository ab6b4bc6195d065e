//! The demo's handling records belong to items the rules raise, and
//! cover each way an item can be handled.

mod common;

use common::demo;
use dukao_core::model::{ItemKind, ItemStatus};
use dukao_core::{evaluate, WhatIf};

#[test]
fn records_match_raised_items() {
    let demo = demo();
    assert!(
        demo.log.items.len() >= 5,
        "{} records",
        demo.log.items.len()
    );
    let report = evaluate(&demo.dataset, &WhatIf::default());
    for record in &demo.log.items {
        let item = report
            .supervision
            .iter()
            .find(|i| {
                i.indicator == record.indicator
                    && i.period == record.period
                    && i.kind == record.kind
            })
            .unwrap_or_else(|| panic!("no item for {record:?}"));
        assert!(item.raised_by_rule, "{}: not raised by a rule", item.id);
        assert_eq!(item.status, record.status, "{}", item.id);
    }
}

#[test]
fn records_cover_handling_outcomes() {
    let demo = demo();
    let rules = &demo.scheme.supervision;
    let report = evaluate(&demo.dataset, &WhatIf::default());
    let handled: Vec<_> = report
        .supervision
        .iter()
        .filter(|i| i.status != ItemStatus::Open)
        .collect();
    let closed_on_time = handled.iter().any(|i| {
        i.status == ItemStatus::Closed && i.closed.is_some_and(|c| c <= i.due)
    });
    let closed_late = handled
        .iter()
        .any(|i| i.status == ItemStatus::Closed && i.closed > Some(i.due));
    assert!(closed_on_time, "no item closed on time");
    assert!(closed_late, "no item closed late");
    let late_points = handled
        .iter()
        .filter(|i| i.closed > Some(i.due))
        .all(|i| i.handling_points <= rules.points_closed_late + 0.5);
    assert!(late_points, "late closing did not cost points");
    for status in [ItemStatus::Rectified, ItemStatus::Responded] {
        assert!(handled.iter().any(|i| i.status == status), "{status:?}");
    }
    for kind in [ItemKind::Pre, ItemKind::Post, ItemKind::Missing] {
        assert!(handled.iter().any(|i| i.kind == kind), "{kind:?}");
    }
}

#[test]
fn handling_dates_in_order() {
    let demo = demo();
    for record in &demo.log.items {
        let dates: Vec<_> = [record.responded, record.rectified, record.closed]
            .into_iter()
            .flatten()
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{record:?}");
        assert!(dates.iter().all(|d| *d <= demo.figures.as_of), "{record:?}");
        assert!(
            dates.iter().all(|d| *d > record.period.last_day()
                || record.kind == ItemKind::Pre),
            "{record:?}"
        );
    }
}
