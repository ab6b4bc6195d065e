//! The demo ledger: 841 tasks over four lists and 88 units, in a
//! plausible state on the figures' as-of date.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::demo;
use dukao_core::ledger::summarise;
use dukao_core::model::TaskList;
use dukao_demo::LIST_SIZES;

#[test]
fn lists_have_their_sizes() {
    let tasks = &demo().ledger.tasks;
    for (list, size) in LIST_SIZES {
        let count = tasks.iter().filter(|t| t.list == list).count();
        assert_eq!(count, size, "{list:?}");
    }
    let city = LIST_SIZES.iter().find(|(l, _)| *l == TaskList::CityTarget);
    assert_eq!(city.map(|(_, n)| *n), Some(268));
    let featured = LIST_SIZES.iter().find(|(l, _)| *l == TaskList::Featured);
    assert_eq!(featured.map(|(_, n)| *n), Some(52));
}

#[test]
fn every_unit_has_tasks() {
    let demo = demo();
    let units: BTreeSet<&str> =
        demo.ledger.tasks.iter().map(|t| t.unit.as_str()).collect();
    assert_eq!(units.len(), 88);
}

#[test]
fn tasks_have_monthly_milestones() {
    for task in &demo().ledger.tasks {
        assert!(!task.milestones.is_empty(), "{}", task.id);
        assert!(!task.title.is_empty(), "{}", task.id);
        assert!(!task.target.is_empty(), "{}", task.id);
        for pair in task.milestones.windows(2) {
            assert_eq!(pair[0].due.next(), pair[1].due, "{}", task.id);
        }
        for milestone in &task.milestones {
            assert!(!milestone.goal.is_empty(), "{}", task.id);
            assert!(!milestone.people.is_empty(), "{}", task.id);
        }
    }
}

#[test]
fn titles_unique_within_unit() {
    let mut seen: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    for task in &demo().ledger.tasks {
        let key = (task.unit.as_str(), task.title.as_str());
        if let Some(other) = seen.insert(key, &task.id) {
            panic!("{} and {other} share the title {}", task.id, task.title);
        }
    }
}

#[test]
fn signed_off_tasks_are_done() {
    let as_of = demo().figures.as_of;
    for task in &demo().ledger.tasks {
        let Some(signed_off) = task.signed_off else {
            assert!(!task.above_target, "{}", task.id);
            continue;
        };
        assert!(signed_off <= as_of, "{}", task.id);
        for milestone in &task.milestones {
            let done = milestone.done.unwrap_or_else(|| {
                panic!("{}: signed off with {} open", task.id, milestone.due)
            });
            assert!(done <= signed_off, "{}", task.id);
        }
    }
}

#[test]
fn ledger_state_on_as_of_date() {
    let summary = summarise(&demo().dataset);
    let total = summary.total;
    assert_eq!(total.tasks, 841);
    assert!(total.signed_off * 2 > total.tasks, "{total:?}");
    assert!(total.behind > 10, "{total:?}");
    assert!(total.overdue_milestones > total.behind, "{total:?}");
    assert!(total.due_this_month > 0, "{total:?}");
    let early = total.early_share();
    assert!(
        (0.17..=0.24).contains(&early),
        "early share {early}: {total:?}"
    );
}
