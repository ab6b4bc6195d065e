//! The demo dataset reproduces 济阳区's published 2022 ranks, read
//! through `dukao bulletin` as the office would.

use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_dukao");

fn bulletin(period: &str) -> Value {
    let output = Command::new(BIN)
        .args(["bulletin", "--period", period, "--format", "json"])
        .output()
        .expect("dukao runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    serde_json::from_slice(&output.stdout).expect("bulletin is JSON")
}

fn row<'a>(bulletin: &'a Value, name: &str) -> &'a Value {
    let rows = bulletin["indicators"].as_array().expect("rows");
    rows.iter()
        .find(|row| row["name"] == name)
        .unwrap_or_else(|| panic!("no row named {name}"))
}

#[test]
fn full_year_2022_ranks_as_published() {
    let bulletin = bulletin("2022-12");
    assert_eq!(bulletin["home"], "济阳区");
    let upgrade = row(&bulletin, "工业技改投资增速");
    assert_eq!(upgrade["value"], 48.5);
    assert_eq!(upgrade["city_rank"], 2);
    let investment = row(&bulletin, "固定资产投资增速");
    assert_eq!(investment["value"], 23.6);
    assert_eq!(investment["city_rank"], 3);
}

#[test]
fn january_to_november_2022_ranks_as_published() {
    let bulletin = bulletin("2022-11");
    let upgrade = row(&bulletin, "工业技改投资增速");
    assert_eq!(upgrade["city_rank"], 2);
    let industrial = row(&bulletin, "工业投资增速");
    assert_eq!(industrial["city_rank"], 3);
}
