//! The indicator table, the task ledger and the supervision items as
//! .xlsx and CSV.

use dukao_core::ledger::{summarise, TaskStatus};
use dukao_core::model::{Direction, ItemKind, ItemStatus, Method, Scheme};
use dukao_core::supervision::Item;
use dukao_core::{Dataset, Period};

use super::xlsx::workbook;
use super::{write_csv, yes_no, ExportError, Row, SheetData, Value};

fn method_zh(method: &Method) -> &'static str {
    match method {
        Method::RankPoints { .. } => "排名赋分",
        Method::Efficacy { .. } => "功效系数法",
        Method::Completion { .. } => "目标完成率",
        Method::Threshold { .. } => "达标赋分",
        Method::BonusPenalty { .. } => "加减分",
    }
}

fn direction_zh(direction: Direction) -> &'static str {
    match direction {
        Direction::Higher => "越高越好",
        Direction::Lower => "越低越好",
    }
}

fn kind_zh(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Pre => "事前督查",
        ItemKind::Post => "事后督查",
        ItemKind::Missing => "缺报",
    }
}

fn status_zh(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Open => "待办",
        ItemStatus::Responded => "已反馈",
        ItemStatus::Rectified => "已整改",
        ItemStatus::Closed => "已办结",
    }
}

fn unit_name(scheme: &Scheme, id: &str) -> String {
    scheme
        .units
        .iter()
        .find(|u| u.id == id)
        .map_or_else(|| id.to_string(), |u| u.name.clone())
}

fn headers(columns: &[(&str, f64)]) -> (Vec<String>, Vec<f64>) {
    columns.iter().map(|(h, w)| (h.to_string(), *w)).unzip()
}

/// Columns of the indicator table before the districts' figures. The
/// name and unit sit next to the figures, where an import looks for
/// them.
const INDICATOR_COLUMNS: [(&str, f64); 9] = [
    ("编号", 14.0),
    ("一级指标", 14.0),
    ("方向", 9.0),
    ("计分方法", 11.0),
    ("满分", 7.0),
    ("月度排名", 8.0),
    ("牵头单位", 14.0),
    ("指标名称", 28.0),
    ("单位", 10.0),
];

/// Builds the table of every indicator active in `period`, with its scheme entry and every
/// peer's figure in that month; blank where none was reported.
fn indicator_sheet(dataset: &Dataset, period: Period) -> SheetData {
    let scheme = &dataset.scheme;
    let (mut names, mut widths) = headers(&INDICATOR_COLUMNS);
    for peer in &scheme.peers {
        names.push(peer.name.clone());
        widths.push(10.0);
    }
    let mut rows = Vec::new();
    for (i, spec) in scheme.indicators.iter().enumerate() {
        if !spec.is_active(period) {
            continue;
        }
        let area = scheme
            .areas
            .iter()
            .find(|a| a.id == spec.area)
            .map_or(spec.area.as_str(), |a| a.name.as_str());
        let mut values = vec![
            Value::text(&spec.id),
            Value::text(area),
            Value::text(direction_zh(spec.direction)),
            Value::text(method_zh(&spec.method)),
            Value::number(spec.full_points, 2),
            Value::text(yes_no(spec.monthly)),
            Value::text(unit_name(scheme, &spec.lead_unit)),
            Value::text(&spec.name),
            Value::text(&spec.measure),
        ];
        for p in 0..scheme.peers.len() {
            let value = dataset.peer_value(i, period, p);
            values.push(Value::maybe(value, spec.decimals));
        }
        rows.push(Row::new(values));
    }
    SheetData {
        name: "指标表".to_string(),
        title: format!("{}年{}月 各区县指标数据", period.year, period.month),
        headers: names,
        widths,
        rows,
        notes: Vec::new(),
    }
}

/// Writes the indicator table for `period` as .xlsx.
pub fn indicator_table_xlsx(
    dataset: &Dataset,
    period: Period,
) -> Result<Vec<u8>, ExportError> {
    workbook(&[indicator_sheet(dataset, period)])
}

/// Writes the indicator table for `period` as CSV.
pub fn indicator_table_csv(dataset: &Dataset, period: Period) -> Vec<u8> {
    write_csv(&indicator_sheet(dataset, period))
}

const TASK_COLUMNS: [(&str, f64); 12] = [
    ("任务编号", 10.0),
    ("清单", 14.0),
    ("责任单位", 16.0),
    ("任务名称", 30.0),
    ("目标", 30.0),
    ("状态", 9.0),
    ("销号日期", 11.0),
    ("提前或超额完成", 9.0),
    ("节点数", 7.0),
    ("已完成节点", 7.0),
    ("逾期节点", 7.0),
    ("下一节点", 30.0),
];

fn tasks_sheet(dataset: &Dataset) -> SheetData {
    let scheme = &dataset.scheme;
    let report = summarise(dataset);
    let (names, widths) = headers(&TASK_COLUMNS);
    let rows = dataset
        .ledger
        .tasks
        .iter()
        .zip(&report.tasks)
        .map(|(task, status): (_, &TaskStatus)| {
            let done = task.milestones.iter().filter(|m| m.done.is_some());
            let next = task
                .milestones
                .iter()
                .filter(|m| m.done.is_none())
                .min_by_key(|m| m.due)
                .map_or(String::new(), |m| format!("{} {}", m.due, m.goal));
            Row::new(vec![
                Value::text(&task.id),
                Value::text(task.list.name_zh()),
                Value::text(unit_name(scheme, &task.unit)),
                Value::text(&task.title),
                Value::text(&task.target),
                Value::text(status.state.name_zh()),
                Value::text(
                    task.signed_off.map_or(String::new(), |d| d.to_string()),
                ),
                Value::text(yes_no(status.early)),
                Value::count(task.milestones.len() as u64),
                Value::count(done.count() as u64),
                Value::count(status.overdue as u64),
                Value::text(next),
            ])
        })
        .collect();
    SheetData {
        name: "任务底册".to_string(),
        title: format!(
            "{}年度任务底册（截至 {}）",
            scheme.year, dataset.figures.as_of
        ),
        headers: names,
        widths,
        rows,
        notes: Vec::new(),
    }
}

const MILESTONE_COLUMNS: [(&str, f64); 7] = [
    ("任务编号", 10.0),
    ("任务名称", 30.0),
    ("节点月份", 9.0),
    ("节点目标", 36.0),
    ("责任人", 16.0),
    ("完成日期", 11.0),
    ("状态", 9.0),
];

fn milestones_sheet(dataset: &Dataset) -> SheetData {
    let report = summarise(dataset);
    let (names, widths) = headers(&MILESTONE_COLUMNS);
    let mut rows = Vec::new();
    for (task, status) in dataset.ledger.tasks.iter().zip(&report.tasks) {
        for (milestone, state) in task.milestones.iter().zip(&status.milestones)
        {
            rows.push(Row::new(vec![
                Value::text(&task.id),
                Value::text(&task.title),
                Value::text(milestone.due.to_string()),
                Value::text(&milestone.goal),
                Value::text(milestone.people.join("、")),
                Value::text(
                    milestone.done.map_or(String::new(), |d| d.to_string()),
                ),
                Value::text(state.name_zh()),
            ]));
        }
    }
    SheetData {
        name: "任务节点".to_string(),
        title: format!("{}年度任务节点", dataset.scheme.year),
        headers: names,
        widths,
        rows,
        notes: Vec::new(),
    }
}

/// Writes the task ledger as .xlsx: tasks with their states, and milestones on
/// a second sheet.
pub fn ledger_xlsx(dataset: &Dataset) -> Result<Vec<u8>, ExportError> {
    workbook(&[tasks_sheet(dataset), milestones_sheet(dataset)])
}

/// Writes the ledger's tasks as CSV.
pub fn ledger_csv(dataset: &Dataset) -> Vec<u8> {
    write_csv(&tasks_sheet(dataset))
}

/// Writes the ledger's milestones as CSV.
pub fn milestones_csv(dataset: &Dataset) -> Vec<u8> {
    write_csv(&milestones_sheet(dataset))
}

const ITEM_COLUMNS: [(&str, f64); 14] = [
    ("编号", 26.0),
    ("月份", 9.0),
    ("类型", 9.0),
    ("指标", 24.0),
    ("原因", 36.0),
    ("牵头单位", 14.0),
    ("状态", 8.0),
    ("到期日", 11.0),
    ("是否逾期", 8.0),
    ("办理得分", 8.0),
    ("反馈日期", 11.0),
    ("整改日期", 11.0),
    ("办结日期", 11.0),
    ("备注", 24.0),
];

pub(crate) fn items_sheet(
    scheme: &Scheme,
    items: &[Item],
    title: String,
) -> SheetData {
    let (names, widths) = headers(&ITEM_COLUMNS);
    let date = |d: Option<dukao_core::Date>| {
        Value::text(d.map_or(String::new(), |d| d.to_string()))
    };
    let rows = items
        .iter()
        .map(|item| {
            let indicator = scheme
                .indicators
                .iter()
                .find(|i| i.id == item.indicator)
                .map_or(item.indicator.as_str(), |i| i.name.as_str());
            Row::new(vec![
                Value::text(&item.id),
                Value::text(item.period.to_string()),
                Value::text(kind_zh(item.kind)),
                Value::text(indicator),
                Value::text(&item.reason),
                Value::text(unit_name(scheme, &item.lead_unit)),
                Value::text(status_zh(item.status)),
                Value::text(item.due.to_string()),
                Value::text(yes_no(item.overdue)),
                Value::number(item.handling_points, 2),
                date(item.responded),
                date(item.rectified),
                date(item.closed),
                Value::text(&item.note),
            ])
        })
        .collect();
    SheetData {
        name: "督办事项".to_string(),
        title,
        headers: names,
        widths,
        rows,
        notes: Vec::new(),
    }
}

/// Writes supervision items (from [`dukao_core::evaluate`]'s report) as
/// .xlsx.
pub fn supervision_xlsx(
    scheme: &Scheme,
    items: &[Item],
) -> Result<Vec<u8>, ExportError> {
    let title = format!("{}年 督办事项", scheme.year);
    workbook(&[items_sheet(scheme, items, title)])
}

/// Writes supervision items as CSV.
pub fn supervision_csv(scheme: &Scheme, items: &[Item]) -> Vec<u8> {
    write_csv(&items_sheet(scheme, items, String::new()))
}
