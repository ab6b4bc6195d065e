//! The worker's operations on the demo documents and the import
//! fixtures, run natively.

use std::path::PathBuf;

use dukao_sheets_worker::{export_file, match_file, Documents};
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn text(path: &str) -> String {
    std::fs::read_to_string(repo(path)).expect("demo document")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo("crates/sheets/tests/fixtures").join(name))
        .expect("fixture")
}

fn run_match(name: &str, period: &str, confirmations: &str) -> Value {
    let mut stages = Vec::new();
    let json = match_file(
        name,
        &fixture(name),
        &text("data/demo/scheme.json"),
        &text("data/demo/figures.json"),
        period,
        confirmations,
        &mut |stage| stages.push(stage.to_string()),
    );
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    if value["ok"] == true {
        assert_eq!(stages, vec!["reading", "matching", "preview"]);
    }
    value
}

#[test]
fn match_returns_request_when_ready() {
    let result = run_match("gbk.csv", "2022-12", "");
    assert_eq!(result["ok"], true);
    assert_eq!(result["ready"], true);
    assert_eq!(result["request"]["period"], "2022-12");
    assert_eq!(result["request"]["entries"].as_array().unwrap().len(), 45);
    assert_eq!(result["preview"]["figures"].as_array().unwrap().len(), 45);
    assert!(result["blocking"].as_array().unwrap().is_empty());
}

#[test]
fn match_waits_for_confirmation() {
    let result = run_match("unknown-district.csv", "2022-12", "");
    assert_eq!(result["ok"], true);
    assert_eq!(result["ready"], false);
    assert!(result["request"].is_null());
    let blocking = result["blocking"].as_array().unwrap();
    assert_eq!(blocking.len(), 2);
    assert_eq!(blocking[0]["cell"], "A10");
    assert_eq!(blocking[0]["kind"], "unconfirmed");
    let message = blocking[0]["message_zh"].as_str().unwrap();
    assert!(message.contains("济阳县"), "{message}");

    let answers = r#"[{"label": "济阳县", "target": "jiyang"},
                      {"label": "先行区", "target": null}]"#;
    let result = run_match("unknown-district.csv", "2022-12", answers);
    assert_eq!(result["ready"], true, "{:#}", result["blocking"]);
    assert_eq!(result["request"]["entries"].as_array().unwrap().len(), 15);
}

#[test]
fn match_rejections_carry_messages() {
    let result = run_match("duplicate-district.xlsx", "2022-12", "");
    let blocking = result["blocking"].as_array().unwrap();
    assert_eq!(blocking[0]["kind"], "duplicate_peer");
    assert_eq!(blocking[0]["sheet"], "12月");
    assert_eq!(blocking[0]["cell"], "A17");
    assert!(blocking[0]["message"].as_str().unwrap().contains("A17"));
}

#[test]
fn match_fails_on_bad_input() {
    let result = run_match("gbk.csv", "2022-13", "");
    assert_eq!(result["ok"], false);
    let message = result["errors"][0]["message_zh"].as_str().unwrap();
    assert!(message.contains("2022-13"), "{message}");

    let json = match_file(
        "x.csv",
        b"",
        &text("data/demo/scheme.json"),
        &text("data/demo/figures.json"),
        "2022-12",
        "",
        &mut |_| {},
    );
    let result: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result["ok"], false);
    assert_eq!(result["errors"][0]["kind"], "empty_file");

    let json = match_file("x.csv", b"a", "{", "{}", "2022-12", "", &mut |_| {});
    let result: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result["ok"], false);
    assert!(result["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("scheme.json"));
}

fn documents() -> [String; 4] {
    [
        text("data/demo/scheme.json"),
        text("data/demo/figures.json"),
        text("data/demo/ledger.json"),
        text("data/demo/supervision.json"),
    ]
}

#[test]
fn export_writes_each_kind() {
    let [scheme, figures, ledger, supervision] = documents();
    let docs = Documents {
        scheme: &scheme,
        figures: &figures,
        ledger: &ledger,
        supervision: &supervision,
    };
    for kind in ["bulletin", "indicators", "ledger", "supervision"] {
        let xlsx = export_file(kind, "xlsx", &docs, "2022-12").unwrap();
        assert!(xlsx.starts_with(b"PK\x03\x04"), "{kind} xlsx");
        let csv = export_file(kind, "csv", &docs, "2022-12").unwrap();
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "{kind} csv");
    }
    let csv = export_file("milestones", "csv", &docs, "2022-12").unwrap();
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
}

#[test]
fn export_rejects_unknown_requests() {
    let [scheme, figures, ledger, supervision] = documents();
    let docs = Documents {
        scheme: &scheme,
        figures: &figures,
        ledger: &ledger,
        supervision: &supervision,
    };
    let error = export_file("bulletin", "pdf", &docs, "2022-12").unwrap_err();
    assert!(error.message.contains("pdf"));
    let error = export_file("charts", "csv", &docs, "2022-12").unwrap_err();
    assert!(error.message_zh.contains("charts"));
    let error =
        export_file("milestones", "xlsx", &docs, "2022-12").unwrap_err();
    assert!(error.message.contains("milestones"));
    let error = export_file("bulletin", "xlsx", &docs, "2021-12").unwrap_err();
    assert!(error.message_zh.contains("2022-01"), "{}", error.message_zh);
}
