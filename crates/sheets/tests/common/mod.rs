//! Shared helpers: the demo dataset's scheme and figures, and fixtures.

#![allow(dead_code, clippy::result_large_err)]

use std::path::PathBuf;

use dukao_core::model::Scheme;
use dukao_core::{Dataset, Period};
use dukao_sheets::{
    match_workbook, parse_workbook, Figure, ImportError, Matched,
};

pub fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

pub fn read_text(path: &str) -> String {
    std::fs::read_to_string(repo_file(path)).expect("demo data readable")
}

pub fn scheme() -> Scheme {
    serde_json::from_str(&read_text("data/demo/scheme.json"))
        .expect("demo scheme parses")
}

pub fn dataset() -> Dataset {
    Dataset::from_json(
        &read_text("data/demo/scheme.json"),
        &read_text("data/demo/figures.json"),
        &read_text("data/demo/ledger.json"),
        &read_text("data/demo/supervision.json"),
    )
    .expect("demo dataset is valid")
}

pub fn december() -> Period {
    Period {
        year: 2022,
        month: 12,
    }
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Parses and matches a fixture against the demo scheme for 2022-12.
pub fn import(name: &str) -> Result<Matched, ImportError> {
    let tables = parse_workbook(name, &fixture(name))?;
    match_workbook(&tables, &scheme(), december())
}

pub fn figure<'a>(
    matched: &'a Matched,
    indicator: &str,
    peer: &str,
) -> &'a Figure {
    matched
        .figures
        .iter()
        .find(|f| f.indicator == indicator && f.peer == peer)
        .unwrap_or_else(|| panic!("no figure for {indicator}/{peer}"))
}

pub fn value(matched: &Matched, indicator: &str, peer: &str) -> Option<f64> {
    figure(matched, indicator, peer).value
}

/// Peer ids in the scheme's order, matching the fixtures' rows.
pub const PEER_IDS: [&str; 15] = [
    "lixia",
    "shizhong",
    "huaiyin",
    "tianqiao",
    "licheng",
    "gaoxin",
    "changqing",
    "zhangqiu",
    "jiyang",
    "laiwu",
    "gangcheng",
    "pingyin",
    "shanghe",
    "qibuqu",
    "nanshan",
];

/// The fixtures' 固定资产投资增速 (%), by peer.
pub const FAI_GROWTH: [f64; 15] = [
    8.2, 10.5, 12.1, 9.8, 11.3, 15.2, 14.6, 18.9, 23.6, 16.4, 13.7, 20.1, 19.5,
    25.3, -3.2,
];
/// The fixtures' 地区生产总值增速 (%), by peer.
pub const GDP_GROWTH: [f64; 15] = [
    4.1, 3.8, 4.5, 3.9, 4.6, 5.8, 4.9, 5.2, 5.6, 4.3, 3.5, 5.0, 4.8, 6.1, 2.7,
];
/// The fixtures' 一般公共预算收入 (亿元), by peer.
pub const BUDGET: [f64; 15] = [
    110.23, 62.45, 38.17, 41.96, 71.38, 95.62, 22.41, 68.93, 30.15, 35.87,
    15.26, 11.84, 9.73, 8.35, 3.12,
];
/// The fixtures' 一般公共预算收入增速 (%), by peer.
pub const BUDGET_GROWTH: [f64; 15] = [
    3.2, 2.1, 4.4, -1.5, 5.3, 6.8, 7.2, 3.9, 8.1, 2.6, -4.3, 5.5, 6.0, 9.4, 1.2,
];
/// The fixtures' 规模以上工业增加值增速 (%), by peer.
pub const INDUSTRY_GROWTH: [f64; 15] = [
    2.3, 3.1, 5.6, 4.2, 6.8, 9.1, 7.7, 8.4, 10.2, 6.3, 5.1, 7.9, 8.8, 11.5,
    -0.6,
];
/// The fixtures' 规模以上工业营业收入 in 万元, by peer.
pub const INDUSTRIAL_REVENUE_WAN: [f64; 15] = [
    1_234_567.0,
    2_345_678.0,
    1_876_543.0,
    2_012_345.0,
    4_567_890.0,
    5_678_901.0,
    1_543_210.0,
    6_789_012.0,
    3_456_789.0,
    5_123_456.0,
    7_654_321.0,
    1_098_765.0,
    987_654.0,
    456_789.0,
    123_456.0,
];
/// The fixtures' 城镇新增就业 (人), by peer.
pub const NEW_JOBS: [f64; 15] = [
    28456.0, 21345.0, 18765.0, 19876.0, 25432.0, 23456.0, 9876.0, 15678.0,
    10234.0, 12345.0, 6789.0, 5432.0, 4987.0, 3456.0, 1234.0,
];

/// Asserts every peer's figure for one indicator.
pub fn assert_column(matched: &Matched, indicator: &str, expected: &[f64]) {
    for (peer, want) in PEER_IDS.iter().zip(expected) {
        let got = value(matched, indicator, peer);
        assert_eq!(got, Some(*want), "{indicator} of {peer}");
    }
}
