//! Exports of the demo dataset: imported back they give the same
//! figures, and the .xlsx files carry the print setup and colours.

mod common;

use std::io::{Cursor, Read};

use common::*;
use dukao_core::{evaluate, Bulletin, Period, WhatIf};
use dukao_sheets::export::{
    bulletin_csv, bulletin_xlsx, indicator_table_csv, indicator_table_xlsx,
    ledger_csv, ledger_xlsx, milestones_csv, supervision_csv, supervision_xlsx,
};
use dukao_sheets::{match_workbook, parse_workbook, Cell, Orientation};

/// Imports an exported indicator table and checks every figure against
/// the dataset's.
fn assert_round_trip(name: &str, bytes: &[u8], period: Period) {
    let dataset = dataset();
    let tables = parse_workbook(name, bytes).unwrap();
    let matched = match_workbook(&tables, &dataset.scheme, period).unwrap();
    let errors: Vec<String> =
        matched.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    assert!(
        matched.unconfirmed.is_empty(),
        "{name}: {:#?}",
        matched.unconfirmed
    );
    assert_eq!(
        matched.sheets[0].orientation,
        Orientation::DistrictsAsColumns
    );
    let active: Vec<usize> = dataset
        .scheme
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, spec)| spec.is_active(period))
        .map(|(i, _)| i)
        .collect();
    let peers = dataset.scheme.peers.len();
    assert_eq!(matched.figures.len(), active.len() * peers, "{name}");
    let mut present = 0;
    for i in active {
        let spec = &dataset.scheme.indicators[i];
        for (p, peer) in dataset.scheme.peers.iter().enumerate() {
            let want = dataset.peer_value(i, period, p);
            let got = value(&matched, &spec.id, &peer.id);
            assert_eq!(got, want, "{name}: {} of {}", spec.id, peer.id);
            present += usize::from(want.is_some());
        }
    }
    assert!(present > 1000, "{name}: only {present} figures compared");
}

#[test]
fn indicator_table_xlsx_round_trip() {
    let dataset = dataset();
    for month in [6, 12] {
        let period = Period { year: 2022, month };
        let bytes = indicator_table_xlsx(&dataset, period).unwrap();
        assert_round_trip("指标表.xlsx", &bytes, period);
    }
}

#[test]
fn indicator_table_csv_round_trip() {
    let dataset = dataset();
    let bytes = indicator_table_csv(&dataset, december());
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert_round_trip("指标表.csv", &bytes, december());
}

#[test]
fn indicator_table_leaves_out_inactive_indicators() {
    let dataset = dataset();
    let june = Period {
        year: 2022,
        month: 6,
    };
    let text = String::from_utf8(indicator_table_csv(&dataset, june)).unwrap();
    // 房地产开发投资增速 is dropped after June; 数字经济… starts in July.
    assert!(text.contains("房地产开发投资增速"));
    assert!(!text.contains("数字经济核心产业营业收入增速"));
    let text =
        String::from_utf8(indicator_table_csv(&dataset, december())).unwrap();
    assert!(!text.contains("房地产开发投资增速"));
    assert!(text.contains("数字经济核心产业营业收入增速"));
}

fn zip_entry(bytes: &[u8], path: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut entry = archive.by_name(path).unwrap();
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

fn december_bulletin() -> (dukao_core::Dataset, Bulletin) {
    let dataset = dataset();
    let report = evaluate(&dataset, &WhatIf::default());
    let bulletin = Bulletin::build(&dataset, &report, december()).unwrap();
    (dataset, bulletin)
}

#[test]
fn bulletin_xlsx_has_print_setup() {
    let (dataset, bulletin) = december_bulletin();
    let bytes = bulletin_xlsx(&dataset.scheme, &bulletin).unwrap();
    let sheet = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"ySplit="2""#), "frozen header rows");
    assert!(sheet.contains(r#"orientation="landscape""#));
    assert!(sheet.contains(r#"paperSize="9""#), "A4");
    assert!(sheet.contains(r#"fitToPage="1""#));
    assert!(sheet.contains(r#"fitToHeight="0""#), "fit to width only");
    let workbook = zip_entry(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"));
    assert!(workbook.contains("排名通报!$1:$2"), "{workbook}");
    let styles = zip_entry(&bytes, "xl/styles.xml");
    for fill in ["FFC6EFCE", "FFFFEB9C", "FFFFC7CE"] {
        assert!(styles.contains(fill), "fill {fill}");
    }
}

#[test]
fn bulletin_xlsx_names_colours_and_arrows() {
    let (dataset, bulletin) = december_bulletin();
    let bytes = bulletin_xlsx(&dataset.scheme, &bulletin).unwrap();
    let tables = parse_workbook("通报.xlsx", &bytes).unwrap();
    let names: Vec<&str> = tables.iter().map(|t| t.sheet.as_str()).collect();
    assert_eq!(names, vec!["排名通报", "督办事项"]);
    let sheet = &tables[0];
    assert_eq!(sheet.get(1, 6), &Cell::Text("排名变化".into()));
    assert_eq!(sheet.get(1, 7), &Cell::Text("颜色".into()));
    for (i, line) in bulletin.indicators.iter().enumerate() {
        let row = 2 + i as u32;
        assert_eq!(sheet.get(row, 1), &Cell::Text(line.name.clone()));
        let colour = Cell::Text(line.colour.name_zh().to_string());
        assert_eq!(sheet.get(row, 7), &colour, "{}", line.name);
        let arrow = sheet.get(row, 6).display();
        let expected = match line.rank_change {
            None => String::new(),
            Some(0) => "—".to_string(),
            Some(c) if c > 0 => format!("↑{c}"),
            Some(c) => format!("↓{}", -c),
        };
        assert_eq!(arrow, expected, "{}", line.name);
        let value = match sheet.get(row, 3) {
            Cell::Number { value, .. } => Some(*value),
            _ => None,
        };
        assert_eq!(value, line.value, "{}", line.name);
    }
    let total_row = 2 + bulletin.indicators.len() as u32;
    assert_eq!(sheet.get(total_row, 1), &Cell::Text("合计".into()));
    let items = &tables[1];
    let item_rows = items.rows.len() - 2;
    assert_eq!(item_rows, bulletin.items.len());
}

#[test]
fn bulletin_csv_matches_xlsx_rows() {
    let (dataset, bulletin) = december_bulletin();
    let bytes = bulletin_csv(&dataset.scheme, &bulletin);
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("序号,指标名称,单位,数值"));
    assert_eq!(lines.len(), bulletin.indicators.len() + 2);
    assert!(lines.last().unwrap().contains("合计"));
    let colours = ["绿", "黄", "红", "缺报"];
    for line in &lines[1..lines.len() - 1] {
        let fields: Vec<&str> = line.split(',').collect();
        assert!(colours.contains(&fields[7]), "{line}");
    }
}

#[test]
fn ledger_exports_every_task_and_milestone() {
    let dataset = dataset();
    let bytes = ledger_xlsx(&dataset).unwrap();
    let tables = parse_workbook("底册.xlsx", &bytes).unwrap();
    let tasks = dataset.ledger.tasks.len();
    let milestones: usize = dataset
        .ledger
        .tasks
        .iter()
        .map(|t| t.milestones.len())
        .sum();
    assert_eq!(tables[0].sheet, "任务底册");
    assert_eq!(tables[0].rows.len(), 2 + tasks);
    assert_eq!(tables[1].sheet, "任务节点");
    assert_eq!(tables[1].rows.len(), 2 + milestones);
    let first = &dataset.ledger.tasks[0];
    assert_eq!(tables[0].get(2, 0), &Cell::Text(first.id.clone()));
    assert_eq!(tables[0].get(2, 3), &Cell::Text(first.title.clone()));

    let csv = ledger_csv(&dataset);
    let parsed = parse_workbook("底册.csv", &csv).unwrap();
    assert_eq!(parsed[0].rows.len(), 1 + tasks);
    assert_eq!(parsed[0].get(1, 3), &Cell::Text(first.title.clone()));
    let csv = milestones_csv(&dataset);
    let parsed = parse_workbook("节点.csv", &csv).unwrap();
    assert_eq!(parsed[0].rows.len(), 1 + milestones);
}

#[test]
fn supervision_items_export() {
    let dataset = dataset();
    let report = evaluate(&dataset, &WhatIf::default());
    let items = &report.supervision;
    assert!(!items.is_empty());
    let bytes = supervision_xlsx(&dataset.scheme, items).unwrap();
    let tables = parse_workbook("督办.xlsx", &bytes).unwrap();
    assert_eq!(tables[0].rows.len(), 2 + items.len());
    assert_eq!(tables[0].get(2, 0), &Cell::Text(items[0].id.clone()));
    let csv = supervision_csv(&dataset.scheme, items);
    let parsed = parse_workbook("督办.csv", &csv).unwrap();
    assert_eq!(parsed[0].rows.len(), 1 + items.len());
    assert_eq!(parsed[0].get(1, 4), &Cell::Text(items[0].reason.clone()));
}
