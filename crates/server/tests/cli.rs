//! The `bulletin`, `export-static` and `account add` commands.

mod common;

use std::process::{Command, Output};

use common::{add_account, fixture_data, store_with_accounts, TempDir, BIN};

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const ROW_FIELDS: [&str; 10] = [
    "id",
    "name",
    "value",
    "city_rank",
    "group_rank",
    "score",
    "colour",
    "rank_change",
    "projected_score",
    "next_rank_value",
];

fn check_bulletin_json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    let bulletin: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap();
    let rows = bulletin["indicators"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        for field in ROW_FIELDS {
            assert!(row.get(field).is_some(), "row lacks {field}: {row}");
        }
    }
    bulletin
}

#[test]
fn bulletin_prints_json_from_json_dir() {
    let dir = fixture_data();
    let output = run(&[
        "bulletin",
        "--data",
        dir.path().to_str().unwrap(),
        "--period",
        "2026-02",
    ]);
    let bulletin = check_bulletin_json(&output);
    assert_eq!(bulletin["period"], "2026-02");
    let invest = &bulletin["indicators"][0];
    assert_eq!(invest["id"], "invest");
    assert_eq!(invest["value"], 25.1);
    // February: licheng 41.7, zhangqiu 30.9, jiyang 25.1, shanghe 20.4.
    assert_eq!(invest["city_rank"], 3);
    assert_eq!(invest["group_rank"], 3);
    assert_eq!(invest["next_rank_value"], 30.9);
}

#[test]
fn bulletin_reads_store_and_csv() {
    let dir = store_with_accounts();
    let path = dir.path().to_str().unwrap();
    let output = run(&["bulletin", "--data", path, "--period", "2026-03"]);
    let bulletin = check_bulletin_json(&output);
    assert!(bulletin["projected_total"].is_number());
    let output = run(&[
        "bulletin", "--data", path, "--period", "2026-03", "--format", "csv",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(csv.starts_with("指标编号,指标名称"));
    assert!(csv.contains("\ninvest,固定资产投资,"));
}

/// The open period of the demo the binary embeds: data/demo, or the
/// fixture when data/demo was incomplete at build time.
fn demo_open_period() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut path = root.join("../../data/demo/figures.json");
    if !path.is_file() {
        path = common::fixture("data").join("figures.json");
    }
    let text = std::fs::read_to_string(path).unwrap();
    let figures: serde_json::Value = serde_json::from_str(&text).unwrap();
    figures["open_period"].as_str().unwrap().to_string()
}

#[test]
fn bulletin_embedded_demo() {
    let period = demo_open_period();
    let output = run(&["bulletin", "--period", &period]);
    let bulletin = check_bulletin_json(&output);
    assert_eq!(bulletin["period"], period.as_str());
}

#[test]
fn bulletin_rejects_bad_input() {
    let broken = fixture_data();
    std::fs::write(broken.path().join("figures.json"), "{\"year\": 2026,")
        .unwrap();
    let output = run(&[
        "bulletin",
        "--data",
        broken.path().to_str().unwrap(),
        "--period",
        "2026-02",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("figures.json"),
        "{}",
        stderr(&output)
    );

    let unknown = fixture_data();
    let scheme = unknown.path().join("scheme.json");
    let text = std::fs::read_to_string(&scheme).unwrap();
    let text =
        text.replace("\"lead_unit\": \"swj\"", "\"lead_unit\": \"ghost\"");
    std::fs::write(&scheme, text).unwrap();
    let output = run(&[
        "bulletin",
        "--data",
        unknown.path().to_str().unwrap(),
        "--period",
        "2026-02",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("ghost"), "{}", stderr(&output));

    let empty = TempDir::new("empty");
    let output = run(&[
        "bulletin",
        "--data",
        empty.path().to_str().unwrap(),
        "--period",
        "2026-02",
    ]);
    assert_eq!(output.status.code(), Some(2));

    let dir = fixture_data();
    let path = dir.path().to_str().unwrap();
    for period in ["2025-12", "2026-04", "2026-13", "March"] {
        let output = run(&["bulletin", "--data", path, "--period", period]);
        assert_eq!(output.status.code(), Some(2), "{period}");
        assert!(!stderr(&output).is_empty());
    }
}

#[test]
fn export_static_writes_app_and_documents() {
    let out = TempDir::new("export");
    let target = out.path().join("site");
    let app = common::fixture("app");
    let output = run(&[
        "export-static",
        target.to_str().unwrap(),
        "--app",
        app.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(target.join("index.html").is_file());
    assert!(target.join("dukao-5c6d7e8f90a1b2c3.js").is_file());
    for name in ["scheme", "figures", "ledger", "supervision"] {
        let path = target.join("data").join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        let _: serde_json::Value = serde_json::from_str(&text).unwrap();
    }

    let output = run(&[
        "export-static",
        target.to_str().unwrap(),
        "--app",
        "/nonexistent/dist",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("trunk build"));
}

#[test]
fn account_add_checks_input() {
    let dir = fixture_data();
    let path = dir.path();
    let cases = [
        ("r1", "reporter", None, "long-enough", "needs --unit"),
        (
            "r2",
            "reporter",
            Some("ghost"),
            "long-enough",
            "unknown unit",
        ),
        ("o1", "office", Some("fgj"), "long-enough", "reporters only"),
        ("o2", "office", None, "short", "too short"),
    ];
    for (name, role, unit, passcode, message) in cases {
        let output = add_account(path, name, role, unit, passcode);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(stderr(&output).contains(message), "{}", stderr(&output));
    }
    let output = add_account(path, "o3", "office", None, "long-enough");
    assert!(output.status.success(), "{}", stderr(&output));
    let output = add_account(path, "o3", "office", None, "long-enough");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--replace"));

    let output = run(&[
        "account",
        "add",
        "--data",
        path.to_str().unwrap(),
        "--account",
        "x",
        "--role",
        "admin",
    ]);
    assert_eq!(output.status.code(), Some(2));
}
