//! The preview of an import against the demo dataset: old and new
//! figures, and the home's group ranks recomputed by the engine.

mod common;

use common::*;
use dukao_core::{evaluate, WhatIf};
use dukao_sheets::{preview, ChangeKind};

/// 济阳区's rank among the outer group (长清, 章丘, 济阳, 莱芜, 钢城)
/// when higher is better: one more than the figures above it.
fn outer_group_rank(figures: &[f64; 15]) -> u32 {
    let outer = &figures[6..11];
    let home = figures[8];
    1 + outer.iter().filter(|v| **v > home).count() as u32
}

#[test]
fn preview_lists_old_and_new_figures() {
    let dataset = dataset();
    let matched = import("gbk.csv").unwrap();
    let result = preview(&dataset, &matched);
    assert_eq!(result.figures.len(), 45);
    assert_eq!(
        result.added + result.changed + result.unchanged + result.missing,
        45
    );
    let period = december();
    for change in &result.figures {
        let i = dataset.indicator_index(&change.indicator).unwrap();
        let p = dataset.peer_index(&change.peer).unwrap();
        assert_eq!(change.old, dataset.peer_value(i, period, p));
        let kind = match (change.old, change.new) {
            (None, Some(_)) => ChangeKind::Added,
            (Some(a), Some(b)) if a == b => ChangeKind::Unchanged,
            (Some(_), Some(_)) => ChangeKind::Changed,
            (_, None) => ChangeKind::Missing,
        };
        assert_eq!(change.change, kind, "{change:?}");
    }
    let jiyang = result
        .figures
        .iter()
        .find(|f| f.indicator == "fai_growth" && f.peer == "jiyang")
        .unwrap();
    assert_eq!(jiyang.new, Some(23.6));
    assert_eq!(jiyang.cell, "C10");
    assert_eq!(jiyang.peer_name, "济阳区");
}

#[test]
fn preview_recomputes_home_group_ranks() {
    let dataset = dataset();
    let matched = import("gbk.csv").unwrap();
    let result = preview(&dataset, &matched);
    let before = evaluate(&dataset, &WhatIf::default());
    let home = dataset.home();
    let cases = [
        ("gdp_growth", outer_group_rank(&GDP_GROWTH)),
        ("fai_growth", outer_group_rank(&FAI_GROWTH)),
        ("budget_revenue", outer_group_rank(&BUDGET)),
    ];
    for (indicator, expected) in cases {
        let i = dataset.indicator_index(indicator).unwrap();
        let old = before.indicators[i].month(december()).unwrap().peers[home];
        match result.ranks.iter().find(|r| r.indicator == indicator) {
            Some(change) => {
                assert_eq!(change.old_group_rank, old.group_rank);
                assert_eq!(
                    change.new_group_rank,
                    Some(expected),
                    "{indicator}"
                );
            }
            None => assert_eq!(old.group_rank, Some(expected), "{indicator}"),
        }
    }
    let total = result.total.expect("December has a monthly total");
    let totals = before
        .monthly_totals
        .iter()
        .find(|t| t.period == december())
        .unwrap();
    assert_eq!(total.old_group_rank, totals.group_ranks[home]);
}

#[test]
fn preview_reports_changed_rank() {
    // 济阳区 falls to the bottom of its group of five when its
    // 固定资产投资增速 becomes −10.
    let dataset = dataset();
    let mut matched = import("gbk.csv").unwrap();
    for figure in &mut matched.figures {
        if figure.indicator == "fai_growth" && figure.peer == "jiyang" {
            figure.value = Some(-10.0);
        }
    }
    let result = preview(&dataset, &matched);
    let change = result
        .ranks
        .iter()
        .find(|r| r.indicator == "fai_growth")
        .expect("fai_growth rank changes");
    assert_eq!(change.new_group_rank, Some(5));
    assert_eq!(change.new_colour, dukao_core::Colour::Red);
    let before = evaluate(&dataset, &WhatIf::default());
    let i = dataset.indicator_index("fai_growth").unwrap();
    let old =
        before.indicators[i].month(december()).unwrap().peers[dataset.home()];
    assert_eq!(change.old_group_rank, old.group_rank);
}

#[test]
fn preview_is_fast_enough_for_the_browser() {
    let dataset = dataset();
    let matched = import("merged-header.xlsx").unwrap();
    let start = std::time::Instant::now();
    let result = preview(&dataset, &matched);
    let elapsed = start.elapsed();
    assert!(!result.figures.is_empty());
    // Two full recomputes of the demo dataset; generous for debug builds
    // on a loaded machine.
    assert!(elapsed.as_secs_f64() < 5.0, "preview took {elapsed:?}");
}
