//! A small dataset for the view-model tests, scored by the real engine.
//!
//! Group g1 holds peers a, b, c and the home h; d is alone in g2. Only
//! group rank 1 is green. March 2022 is open and h has not reported
//! "inv" for it yet.

use dukao_core::{evaluate, Dataset, Report, WhatIf};

const SCHEME: &str = r#"{
  "year": 2022, "title": "测试方案", "home": "h",
  "peer_groups": [{"id": "g1", "name": "第一小组"},
                  {"id": "g2", "name": "第二小组"}],
  "peers": [
    {"id": "a", "name": "甲区", "group": "g1"},
    {"id": "b", "name": "乙区", "group": "g1"},
    {"id": "h", "name": "本区", "group": "g1"},
    {"id": "c", "name": "丙区", "group": "g1"},
    {"id": "d", "name": "丁县", "group": "g2"}],
  "unit_groups": [{"id": "dept", "name": "区直部门"},
                  {"id": "town", "name": "街道"}],
  "units": [
    {"id": "u1", "name": "区发改局", "group": "dept"},
    {"id": "u2", "name": "区商务局", "group": "dept"},
    {"id": "u3", "name": "城关街道", "group": "town"}],
  "areas": [{"id": "x", "name": "经济运行"}, {"id": "y", "name": "生态环境"}],
  "indicators": [
    {"id": "inv", "name": "投资增速", "area": "x", "direction": "higher",
     "kind": "level", "measure": "%", "decimals": 1, "full_points": 10,
     "method": "rank_points", "step": 0.1, "lead_unit": "u1",
     "monthly": true},
    {"id": "pol", "name": "污染天数", "area": "y", "direction": "lower",
     "kind": "level", "measure": "天", "decimals": 0, "full_points": 5,
     "method": "rank_points", "step": 0.2, "lead_unit": "u2",
     "monthly": true}],
  "colours": {"green_ranks": 1}
}"#;

const FIGURES: &str = r#"{
  "year": 2022, "open_period": "2022-03", "as_of": "2022-03-20",
  "updated_at": "2022-03-20T08:15:00+08:00",
  "peers": [
    {"indicator": "inv", "entity": "a", "from": "2022-01",
     "values": [5, 5, 5]},
    {"indicator": "inv", "entity": "b", "from": "2022-01",
     "values": [4, 4, 4]},
    {"indicator": "inv", "entity": "h", "from": "2022-01",
     "values": [3, 6, null]},
    {"indicator": "inv", "entity": "c", "from": "2022-01",
     "values": [2, 5.5, 4]},
    {"indicator": "inv", "entity": "d", "from": "2022-01",
     "values": [1, 1, 1]},
    {"indicator": "pol", "entity": "a", "from": "2022-01",
     "values": [10, 10, 10]},
    {"indicator": "pol", "entity": "b", "from": "2022-01",
     "values": [20, 20, 20]},
    {"indicator": "pol", "entity": "h", "from": "2022-01",
     "values": [30, 30, 25]},
    {"indicator": "pol", "entity": "c", "from": "2022-01",
     "values": [15, 15, 15]},
    {"indicator": "pol", "entity": "d", "from": "2022-01",
     "values": [5, 5, 5]}]
}"#;

const LEDGER: &str = r#"{
  "year": 2022,
  "tasks": [
    {"id": "t1", "list": "key_work", "unit": "u1", "title": "新建产业园",
     "target": "年底投产",
     "milestones": [
       {"due": "2022-01", "goal": "立项", "done": "2022-01-20"},
       {"due": "2022-02", "goal": "开工"},
       {"due": "2022-06", "goal": "主体完工"}]},
    {"id": "t2", "list": "city_target", "unit": "u1", "title": "招商签约",
     "target": "签约 10 个",
     "milestones": [
       {"due": "2022-02", "goal": "签约 5 个", "done": "2022-02-10"},
       {"due": "2022-06", "goal": "签约 10 个", "done": "2022-03-01"}],
     "signed_off": "2022-03-05", "above_target": false},
    {"id": "t3", "list": "business", "unit": "u3", "title": "背街小巷整治",
     "target": "整治 20 条",
     "milestones": [{"due": "2022-03", "goal": "整治 5 条"}]}]
}"#;

const SUPERVISION: &str = r#"{
  "items": [
    {"indicator": "inv", "period": "2022-01", "kind": "post",
     "status": "closed", "closed": "2022-02-10", "note": "已整改"}]
}"#;

/// The fixture's dataset; panics only if the fixture itself is invalid.
pub fn dataset() -> Dataset {
    Dataset::from_json(SCHEME, FIGURES, LEDGER, SUPERVISION)
        .unwrap_or_else(|e| panic!("fixture is invalid: {e}"))
}

/// The dataset and its report with no what-if figures.
pub fn evaluated() -> (Dataset, Report) {
    let dataset = dataset();
    let report = evaluate(&dataset, &WhatIf::default());
    (dataset, report)
}
