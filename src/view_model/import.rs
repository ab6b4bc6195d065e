//! The spreadsheet worker's reply to a match request, as the import
//! screen reads it, and the confirmations the user sends back. The
//! shapes follow the JSON of `dukao-sheets` (Matched, Preview and
//! ImportError); only the fields the screen shows are read.

use std::collections::BTreeMap;

use dukao_core::{Colour, Period};
use serde::Deserialize;
use serde_json::{json, Value};

/// `{"ok": true, …}` or `{"ok": false, "errors"}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MatchReply {
    pub ok: bool,
    #[serde(default)]
    pub errors: Vec<Problem>,
    #[serde(default)]
    pub matched: Option<Matched>,
    #[serde(default)]
    pub preview: Option<Preview>,
    #[serde(default)]
    pub ready: bool,
    /// The body of `PUT api/peer-figures` once `ready`.
    #[serde(default)]
    pub request: Option<Value>,
    /// Rejected cells and labels still awaiting confirmation.
    #[serde(default)]
    pub blocking: Vec<Problem>,
}

/// A rejection with its place in the file, or a failure of the request.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Problem {
    #[serde(default)]
    pub sheet: String,
    #[serde(default)]
    pub cell: Option<String>,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub kind: String,
    pub message_zh: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Matched {
    pub sheets: Vec<SheetMatch>,
    #[serde(default)]
    pub skipped_sheets: Vec<Skip>,
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Warning {
    pub message_zh: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SheetMatch {
    pub sheet: String,
    pub orientation: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Label>,
    #[serde(default)]
    pub skipped: Vec<Skip>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Column {
    pub label: Label,
    #[serde(default)]
    pub unit: Option<String>,
}

/// A district or indicator header of the file and its match.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Label {
    pub text: String,
    pub cell: String,
    pub target: Option<String>,
    pub target_name: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub candidates: Vec<Candidate>,
    #[serde(default)]
    pub needs_confirmation: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
}

/// A row, column or sheet left out, and why.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Skip {
    pub sheet: String,
    pub cell: Option<String>,
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Preview {
    pub period: Period,
    pub figures: Vec<FigureChange>,
    pub ranks: Vec<RankChange>,
    pub total: Option<TotalChange>,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub missing: usize,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FigureChange {
    pub indicator: String,
    pub indicator_name: String,
    pub peer_name: String,
    pub measure: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// added, changed, unchanged or missing.
    pub change: String,
    pub sheet: String,
    pub cell: String,
}

/// The home's result on one indicator before and after the import.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RankChange {
    pub indicator: String,
    pub indicator_name: String,
    pub old_group_rank: Option<u32>,
    pub new_group_rank: Option<u32>,
    pub old_colour: Colour,
    pub new_colour: Colour,
    pub old_score: f64,
    pub new_score: f64,
}

/// The home's monthly total before and after the import.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TotalChange {
    pub old_score: f64,
    pub new_score: f64,
    pub old_group_rank: Option<u32>,
    pub new_group_rank: Option<u32>,
}

/// Parses the worker's JSON text.
pub fn parse_reply(json: &str) -> Result<MatchReply, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// The Chinese name of a skip reason, as `dukao_sheets::SkipReason`
/// names it.
pub fn skip_reason_zh(reason: &str) -> &'static str {
    match reason {
        "total" => "合计行，已跳过",
        "note" => "注释，已跳过",
        "heading" => "分组标题，已跳过",
        "no_name" => "缺少区县名称，已跳过",
        "rank_column" => "排名或得分，已跳过",
        "unknown_header" => "未识别的表头，已忽略",
        "sheet" => "未找到区县和指标，已跳过该工作表",
        _ => "已跳过",
    }
}

/// How a label was matched, in Chinese.
pub fn match_kind_zh(kind: &str) -> &'static str {
    match kind {
        "exact" => "名称一致",
        "alias" => "常用别名",
        "closest" => "近似，待确认",
        "confirmed" => "已确认",
        "unmatched" => "未识别",
        "ignored" => "已忽略",
        _ => "",
    }
}

/// A label the user decides on: a guess awaiting confirmation, or one
/// already confirmed or ignored (so the choice can still change).
#[derive(Clone, Debug, PartialEq)]
pub struct Guess {
    pub sheet: String,
    /// Whether the label names a district (a row of the file's districts)
    /// rather than an indicator.
    pub is_peer: bool,
    pub label: Label,
}

/// Lists the labels that need or had the user's decision.
pub fn guesses(matched: &Matched) -> Vec<Guess> {
    let decided = |l: &Label| {
        l.needs_confirmation || l.kind == "confirmed" || l.kind == "ignored"
    };
    let mut guesses = Vec::new();
    for sheet in &matched.sheets {
        for label in sheet.rows.iter().filter(|l| decided(l)) {
            guesses.push(Guess {
                sheet: sheet.sheet.clone(),
                is_peer: true,
                label: label.clone(),
            });
        }
        let columns = sheet.columns.iter().map(|c| &c.label);
        for label in columns.filter(|l| decided(l)) {
            guesses.push(Guess {
                sheet: sheet.sheet.clone(),
                is_peer: false,
                label: label.clone(),
            });
        }
    }
    guesses
}

/// The user's decision on one label: a target id, or `None` to ignore
/// the label.
pub type Decisions = BTreeMap<(String, String), Option<String>>;

/// The confirmations JSON the worker reads: `[{"sheet", "label",
/// "target"}]`, with `target` null for an ignored label.
pub fn confirmations_json(decisions: &Decisions) -> String {
    let list: Vec<Value> = decisions
        .iter()
        .map(|((sheet, label), target)| {
            json!({"sheet": sheet, "label": label, "target": target})
        })
        .collect();
    Value::Array(list).to_string()
}

/// Rejections to list as errors: every blocking problem but the labels
/// awaiting confirmation, which the screen shows as choices.
pub fn listed_errors(reply: &MatchReply) -> Vec<Problem> {
    let mut errors = reply.errors.clone();
    let blocking = reply.blocking.iter().filter(|p| p.kind != "unconfirmed");
    errors.extend(blocking.cloned());
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPLY: &str = r#"{"ok": true, "ready": false, "request": null,
      "matched": {"period": "2022-12", "figures": [], "errors": [],
        "unconfirmed": [], "warnings": [], "skipped_sheets": [],
        "sheets": [{"sheet": "Sheet1", "orientation": "districts_as_rows",
          "header_lines": [], "period_stated": null,
          "columns": [{"unit": "%", "label": {"text": "GDP增速",
            "cell": "B1", "target": "gdp", "target_name": "GDP增速",
            "kind": "exact", "candidates": [],
            "needs_confirmation": false}}],
          "rows": [{"text": "济阳", "cell": "A2", "target": "jiyang",
            "target_name": "济阳区", "kind": "closest",
            "candidates": [{"id": "jiyang", "name": "济阳区",
              "score": 0.8}], "needs_confirmation": true}],
          "skipped": [{"sheet": "Sheet1", "cell": "A9", "text": "全市",
            "reason": "total"}]}]},
      "preview": {"period": "2022-12", "figures": [], "ranks": [],
        "total": null, "added": 0, "changed": 0, "unchanged": 0,
        "missing": 0},
      "blocking": [{"sheet": "Sheet1", "cell": "A2", "value": "济阳",
        "kind": "unconfirmed", "candidates": ["济阳区"],
        "message_zh": "待确认", "message": "awaits confirmation"},
        {"sheet": "Sheet1", "cell": "B3", "value": "abc",
        "kind": "invalid_number", "message_zh": "不是数字",
        "message": "not a number"}]}"#;

    #[test]
    fn reply_parses_worker_json() {
        let reply = parse_reply(REPLY).unwrap();
        assert!(reply.ok);
        assert!(!reply.ready);
        let matched = reply.matched.as_ref().unwrap();
        assert_eq!(matched.sheets[0].skipped[0].reason, "total");
        assert_eq!(reply.blocking.len(), 2);
    }

    #[test]
    fn guesses_list_unconfirmed_rows() {
        let reply = parse_reply(REPLY).unwrap();
        let guesses = guesses(reply.matched.as_ref().unwrap());
        assert_eq!(guesses.len(), 1);
        assert!(guesses[0].is_peer);
        assert_eq!(guesses[0].label.text, "济阳");
    }

    #[test]
    fn listed_errors_leave_out_unconfirmed() {
        let reply = parse_reply(REPLY).unwrap();
        let errors = listed_errors(&reply);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].cell.as_deref(), Some("B3"));
    }

    #[test]
    fn confirmations_json_has_null_for_ignored() {
        let mut decisions = Decisions::new();
        let key = ("Sheet1".to_string(), "济阳".to_string());
        decisions.insert(key, Some("jiyang".to_string()));
        let key = ("Sheet1".to_string(), "合计2".to_string());
        decisions.insert(key, None);
        let parsed: Value =
            serde_json::from_str(&confirmations_json(&decisions)).unwrap();
        assert_eq!(parsed[0]["label"], "合计2");
        assert_eq!(parsed[0]["target"], Value::Null);
        assert_eq!(parsed[1]["target"], "jiyang");
        assert_eq!(parsed[1]["sheet"], "Sheet1");
    }
}
