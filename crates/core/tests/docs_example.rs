//! The complete example in docs/data-format.md is a valid dataset.

use dukao_core::{evaluate, Dataset, WhatIf};

const DOC: &str = include_str!("../../../docs/data-format.md");

/// Returns the JSON block labelled with `file` in the document.
fn block(file: &str) -> &'static str {
    let fence = format!("```json {file}\n");
    let start = DOC.find(&fence).expect("block present") + fence.len();
    let end = start + DOC[start..].find("```").expect("block closed");
    &DOC[start..end]
}

#[test]
fn example_validates_and_scores() {
    let dataset = Dataset::from_json(
        block("scheme.json"),
        block("figures.json"),
        block("ledger.json"),
        block("supervision.json"),
    )
    .expect("the documented example is valid");
    let report = evaluate(&dataset, &WhatIf::default());
    let february = &report.indicators[0].months[1].as_ref().unwrap();
    // 9.1 against satisfactory 12 and unacceptable 6 (times 1 for a
    // rate): 3 + (9.1 − 6) / 6 × 2.
    let home = february.peers[dataset.home()];
    assert!((home.score - (3.0 + 3.1 / 6.0 * 2.0)).abs() < 1e-9);
    assert_eq!(home.group_rank, Some(1));
    // March is open and the home has not reported: its projection is
    // February's rate.
    let projection = report.indicators[0].projection.as_ref().unwrap();
    assert_eq!(projection.peers[dataset.home()].value, Some(9.1));
}
