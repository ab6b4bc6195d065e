//! Each fixture imported against the demo scheme, with the figures or
//! the rejections it must give.

#![allow(clippy::result_large_err)]

mod common;

use common::*;
use dukao_sheets::{
    Confirmation, ErrorKind, MatchKind, Orientation, SkipReason,
};

fn no_errors(matched: &dukao_sheets::Matched) {
    let errors: Vec<String> =
        matched.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "unexpected errors: {errors:#?}");
    let pending: Vec<String> =
        matched.unconfirmed.iter().map(|e| e.to_string()).collect();
    assert!(pending.is_empty(), "unexpected confirmations: {pending:#?}");
}

#[test]
fn gbk_csv_reads_chinese() {
    let matched = import("gbk.csv").unwrap();
    no_errors(&matched);
    assert_column(&matched, "gdp_growth", &GDP_GROWTH);
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
    assert_column(&matched, "budget_revenue", &BUDGET);
    assert_eq!(matched.figures.len(), 45);
    let sheet = &matched.sheets[0];
    assert_eq!(sheet.sheet, "gbk.csv");
    assert_eq!(sheet.orientation, Orientation::DistrictsAsRows);
    let total = sheet.skipped.iter().find(|s| s.reason == SkipReason::Total);
    assert_eq!(total.unwrap().cell.as_deref(), Some("A17"));
}

#[test]
fn utf8_bom_csv_skips_title_and_note() {
    let matched = import("utf8-bom.csv").unwrap();
    no_errors(&matched);
    assert_column(&matched, "budget_revenue_growth", &BUDGET_GROWTH);
    assert_column(&matched, "industry_va_growth", &INDUSTRY_GROWTH);
    let sheet = &matched.sheets[0];
    assert_eq!(sheet.header_lines, vec!["2"]);
    assert_eq!(sheet.rows[0].cell, "A3");
    let reasons: Vec<SkipReason> =
        sheet.skipped.iter().map(|s| s.reason).collect();
    assert!(reasons.contains(&SkipReason::Total));
    assert!(reasons.contains(&SkipReason::Note));
    assert_eq!(sheet.period_stated, Some(december()));
    assert!(matched.warnings.is_empty());
}

#[test]
fn merged_two_row_header_xlsx() {
    let matched = import("merged-header.xlsx").unwrap();
    no_errors(&matched);
    let sheet = &matched.sheets[0];
    assert_eq!(sheet.header_lines, vec!["2", "3"]);
    assert_column(&matched, "industry_va_growth", &INDUSTRY_GROWTH);
    assert_column(&matched, "budget_revenue", &BUDGET);
    assert_column(&matched, "budget_revenue_growth", &BUDGET_GROWTH);
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
    // 营业收入 (万元) under 规模以上工业 becomes 亿元.
    let revenue: Vec<f64> = INDUSTRIAL_REVENUE_WAN
        .iter()
        .map(|v| v / 10_000.0)
        .collect();
    for (peer, want) in PEER_IDS.iter().zip(&revenue) {
        let got = value(&matched, "industrial_revenue", peer).unwrap();
        assert!((got - want).abs() < 1e-9, "{peer}: {got} != {want}");
    }
    assert_eq!(
        value(&matched, "industrial_revenue", "jiyang"),
        Some(345.6789)
    );
    let skipped = |reason| {
        sheet
            .skipped
            .iter()
            .filter(|s| s.reason == reason)
            .map(|s| s.cell.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(skipped(SkipReason::RankColumn), vec!["D3"]);
    assert_eq!(skipped(SkipReason::UnknownHeader), vec!["H2"]);
    assert_eq!(skipped(SkipReason::Total), vec!["A19"]);
    assert_eq!(sheet.period_stated, Some(december()));
}

#[test]
fn missing_marks_give_no_figure() {
    let matched = import("missing.csv").unwrap();
    no_errors(&matched);
    for peer in &PEER_IDS[..6] {
        assert_eq!(value(&matched, "fai_growth", peer), None, "{peer}");
    }
    for (peer, want) in PEER_IDS.iter().zip(FAI_GROWTH).skip(6) {
        assert_eq!(value(&matched, "fai_growth", peer), Some(want));
    }
    let entries = matched.entries().unwrap().entries;
    assert_eq!(entries.len(), 15 + 9, "blank cells send no entry");
    assert!(entries
        .iter()
        .all(|e| e.indicator != "fai_growth" || e.peer != "lixia"));
}

#[test]
fn units_in_cells_convert() {
    let matched = import("units.csv").unwrap();
    no_errors(&matched);
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
    assert_column(&matched, "budget_revenue", &BUDGET);
    assert_column(&matched, "urban_new_jobs", &NEW_JOBS);
}

#[test]
fn percent_formatted_xlsx_cells() {
    let matched = import("units.xlsx").unwrap();
    no_errors(&matched);
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
    assert_column(&matched, "urban_new_jobs", &NEW_JOBS);
    assert_eq!(
        value(&matched, "industrial_revenue", "lixia"),
        Some(123.4567)
    );
}

#[test]
fn fullwidth_digits_and_minus_signs() {
    let matched = import("fullwidth.csv").unwrap();
    no_errors(&matched);
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
    assert_column(&matched, "budget_revenue_growth", &BUDGET_GROWTH);
    assert_column(&matched, "urban_new_jobs", &NEW_JOBS);
    // 天桥区 is written with "−" (U+2212), 钢城区 with "－" (U+FF0D).
    assert!(figure(&matched, "budget_revenue_growth", "tianqiao")
        .text
        .starts_with('\u{2212}'));
    assert!(figure(&matched, "budget_revenue_growth", "gangcheng")
        .text
        .starts_with('－'));
}

#[test]
fn districts_as_columns_xlsx() {
    let matched = import("districts-as-columns.xlsx").unwrap();
    no_errors(&matched);
    let sheet = &matched.sheets[0];
    assert_eq!(sheet.orientation, Orientation::DistrictsAsColumns);
    assert_eq!(sheet.header_lines, vec!["B"]);
    assert_eq!(sheet.rows[0].cell, "E1");
    assert_column(&matched, "gdp_growth", &GDP_GROWTH);
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
    // The 单位 column gives 万元; the scheme measures 亿元.
    assert_column(&matched, "budget_revenue", &BUDGET);
    assert_column(&matched, "urban_new_jobs", &NEW_JOBS);
    assert_eq!(figure(&matched, "fai_growth", "jiyang").cell, "M3");
    let total = sheet.skipped.iter().find(|s| s.reason == SkipReason::Total);
    assert_eq!(total.unwrap().cell.as_deref(), Some("D1"));
}

#[test]
fn totals_and_group_headings_are_skipped() {
    let matched = import("totals.csv").unwrap();
    no_errors(&matched);
    assert_column(&matched, "gdp_growth", &GDP_GROWTH);
    let sheet = &matched.sheets[0];
    let count =
        |reason| sheet.skipped.iter().filter(|s| s.reason == reason).count();
    assert_eq!(
        count(SkipReason::Total),
        6,
        "3 subtotals, 全市, 合计, 全市合计"
    );
    assert_eq!(count(SkipReason::Heading), 3);
    assert_eq!(sheet.rows.len(), 15);
}

#[test]
fn duplicate_district_is_rejected() {
    let matched = import("duplicate-district.xlsx").unwrap();
    assert_eq!(matched.errors.len(), 1);
    let error = &matched.errors[0];
    assert_eq!(error.sheet, "12月");
    assert_eq!(error.cell.as_deref(), Some("A17"));
    assert_eq!(error.value, "济阳");
    assert_eq!(
        error.kind,
        ErrorKind::DuplicatePeer {
            peer: "济阳区".into(),
            first: "A10".into()
        }
    );
    assert!(error.message_zh().contains("工作表“12月”A17"));
    assert!(error.to_string().contains("sheet \"12月\" cell A17"));
    assert!(matched.entries().is_err());
    // The first 济阳区 row still gives its figure for the preview.
    assert_eq!(value(&matched, "fai_growth", "jiyang"), Some(23.6));
}

#[test]
fn unknown_district_needs_confirmation() {
    let scheme = scheme();
    let mut matched = import("unknown-district.csv").unwrap();
    assert!(matched.errors.is_empty());
    let labels: Vec<(&str, &str)> = matched
        .unconfirmed
        .iter()
        .map(|e| (e.value.as_str(), e.cell.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(labels, vec![("济阳县", "A10"), ("先行区", "A17")]);
    let sheet = &matched.sheets[0];
    let jiyang = sheet.rows.iter().find(|r| r.text == "济阳县").unwrap();
    assert_eq!(jiyang.kind, MatchKind::Closest);
    assert_eq!(jiyang.target.as_deref(), Some("jiyang"));
    assert_eq!(jiyang.candidates[0].name, "济阳区");
    let gaoxin = sheet.rows.iter().find(|r| r.text == "济南高新区").unwrap();
    assert_eq!(gaoxin.kind, MatchKind::Alias);
    assert_eq!(gaoxin.target.as_deref(), Some("gaoxin"));
    let unknown = sheet.rows.iter().find(|r| r.text == "先行区").unwrap();
    assert_eq!(unknown.kind, MatchKind::Unmatched);
    assert!(matched.entries().is_err());

    let answers = [
        Confirmation {
            sheet: None,
            label: "济阳县".into(),
            target: Some("jiyang".into()),
        },
        Confirmation {
            sheet: None,
            label: "先行区".into(),
            target: None,
        },
    ];
    matched.confirm(&scheme, &answers).unwrap();
    assert!(matched.is_ready());
    let body = matched.entries().unwrap();
    assert_eq!(body.entries.len(), 15);
    let jiyang = body.entries.iter().find(|e| e.peer == "jiyang").unwrap();
    assert_eq!(jiyang.value, 23.6);
}

#[test]
fn confirming_unknown_id_is_rejected() {
    let scheme = scheme();
    let mut matched = import("unknown-district.csv").unwrap();
    let answer = Confirmation {
        sheet: None,
        label: "先行区".into(),
        target: Some("xianxing".into()),
    };
    let errors = matched.confirm(&scheme, &[answer]).unwrap_err();
    assert_eq!(
        errors[0].kind,
        ErrorKind::UnknownTarget {
            target: "xianxing".into()
        }
    );
    assert!(!matched.is_ready());
}

#[test]
fn invalid_cells_name_sheet_and_cell() {
    let matched = import("invalid.xlsx").unwrap();
    let found: Vec<(String, String, ErrorKind)> = matched
        .errors
        .iter()
        .map(|e| (e.cell.clone().unwrap(), e.value.clone(), e.kind.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("B4".into(), "约12".into(), ErrorKind::InvalidNumber),
            (
                "C6".into(),
                "12.5%".into(),
                ErrorKind::UnitMismatch {
                    unit: "%".into(),
                    measure: "亿元".into()
                }
            ),
            (
                "C8".into(),
                "-3.5".into(),
                ErrorKind::Negative {
                    indicator: "一般公共预算收入".into()
                }
            ),
            ("B10".into(), "1,23".into(), ErrorKind::InvalidNumber),
        ]
    );
    assert!(matched.errors.iter().all(|e| e.sheet == "错误"));
    let message = matched.errors[0].message_zh();
    assert!(message.contains("工作表“错误”B4 单元格的“约12”不是有效数字"));
}

#[test]
fn sheets_combine_and_notes_sheet_is_skipped() {
    let matched = import("two-sheets.xlsx").unwrap();
    no_errors(&matched);
    let names: Vec<&str> =
        matched.sheets.iter().map(|s| s.sheet.as_str()).collect();
    assert_eq!(names, vec!["经济", "民生"]);
    assert_eq!(matched.skipped_sheets[0].sheet, "说明");
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
    assert_column(&matched, "urban_new_jobs", &NEW_JOBS);
    // 固定资产投资增速 is on both sheets with equal figures: one each.
    let fai = matched
        .figures
        .iter()
        .filter(|f| f.indicator == "fai_growth")
        .count();
    assert_eq!(fai, 15);
}

#[test]
fn legacy_xls_with_merged_header() {
    let matched = import("legacy.xls").unwrap();
    no_errors(&matched);
    assert_eq!(matched.sheets[0].sheet, "2022年12月");
    assert_column(&matched, "gdp_growth", &GDP_GROWTH);
    assert_column(&matched, "fai_growth", &FAI_GROWTH);
}

#[test]
fn period_mismatch_warns() {
    let tables =
        dukao_sheets::parse_workbook("x.csv", &fixture("utf8-bom.csv"))
            .unwrap();
    let november = dukao_core::Period {
        year: 2022,
        month: 11,
    };
    let matched =
        dukao_sheets::match_workbook(&tables, &scheme(), november).unwrap();
    assert_eq!(matched.warnings.len(), 1);
    assert!(matched.warnings[0].message_zh.contains("2022-12"));
}

#[test]
fn unrelated_file_is_rejected() {
    let error = dukao_sheets::parse_workbook("a.csv", b"name,score\nann,3\n")
        .and_then(|t| dukao_sheets::match_workbook(&t, &scheme(), december()))
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::NoDistricts);
    assert_eq!(error.sheet, "a.csv");
    let empty = dukao_sheets::parse_workbook("a.xlsx", b"").unwrap_err();
    assert_eq!(empty.kind, ErrorKind::EmptyFile);
    let broken = dukao_sheets::parse_workbook("a.xlsx", b"PK\x03\x04garbage")
        .unwrap_err();
    assert!(matches!(broken.kind, ErrorKind::UnreadableFile { .. }));
}

#[test]
fn import_to_entries_end_to_end() {
    let body = dukao_sheets::import_to_entries(
        "gbk.csv",
        &fixture("gbk.csv"),
        &scheme(),
        december(),
        &[],
    )
    .unwrap();
    assert_eq!(body.period, december());
    assert_eq!(body.entries.len(), 45);
    let json = serde_json::to_value(&body).unwrap();
    assert_eq!(json["period"], "2022-12");
    assert_eq!(json["entries"][0]["indicator"], "gdp_growth");
    assert_eq!(json["entries"][0]["peer"], "lixia");
    assert_eq!(json["entries"][0]["value"], 4.1);
}

/// A small deterministic generator (xorshift64), so failures reproduce.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn damaged_files_never_panic() {
    let scheme = scheme();
    let dataset = dataset();
    let names = [
        "gbk.csv",
        "merged-header.xlsx",
        "districts-as-columns.xlsx",
        "legacy.xls",
        "units.csv",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15;
    for name in names {
        let original = fixture(name);
        for round in 0..40 {
            let mut bytes = original.clone();
            if round % 2 == 0 {
                let cut = next(&mut state) as usize % bytes.len();
                bytes.truncate(cut.max(1));
            }
            for _ in 0..(round % 7) {
                let at = next(&mut state) as usize % bytes.len();
                bytes[at] = next(&mut state) as u8;
            }
            // Any outcome but a panic is acceptable here.
            if let Ok(tables) = dukao_sheets::parse_workbook(name, &bytes) {
                let period = december();
                if let Ok(matched) =
                    dukao_sheets::match_workbook(&tables, &scheme, period)
                {
                    // The preview recomputes the dataset twice: now and
                    // then is enough to cover it.
                    if round % 10 == 0 {
                        let _ = dukao_sheets::preview(&dataset, &matched);
                    }
                    let _ = matched.entries();
                }
            }
        }
    }
}

fn text_table(sheet: &str, rows: &[&[&str]]) -> dukao_sheets::Table {
    let cell = |text: &&str| match *text {
        "" => dukao_sheets::Cell::Empty,
        text => dukao_sheets::Cell::Text(text.to_string()),
    };
    dukao_sheets::Table {
        sheet: sheet.to_string(),
        first_row: 0,
        first_col: 0,
        rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect(),
        merges: Vec::new(),
    }
}

#[test]
fn sheets_with_different_figures_conflict() {
    let rows_a: &[&[&str]] = &[
        &["区县", "固定资产投资增速"],
        &["长清区", "14.6"],
        &["济阳区", "23.6"],
    ];
    let rows_b: &[&[&str]] = &[
        &["区县", "固定资产投资增速"],
        &["济阳区", "22.0"],
        &["长清区", "14.6"],
    ];
    let tables = [text_table("甲", rows_a), text_table("乙", rows_b)];
    let matched =
        dukao_sheets::match_workbook(&tables, &scheme(), december()).unwrap();
    assert_eq!(matched.errors.len(), 1);
    let error = &matched.errors[0];
    assert_eq!(error.sheet, "乙");
    assert_eq!(error.cell.as_deref(), Some("B2"));
    assert_eq!(
        error.kind,
        ErrorKind::ConflictingFigure {
            indicator: "固定资产投资增速".into(),
            peer: "济阳区".into(),
            first: "甲!B3".into()
        }
    );
    assert_eq!(value(&matched, "fai_growth", "changqing"), Some(14.6));
}

#[test]
fn closest_header_needs_confirmation() {
    let rows: &[&[&str]] = &[
        &["区县", "规模工业增加值增速", "备注"],
        &["长清区", "7.7", "无"],
        &["济阳区", "10.2", ""],
    ];
    let scheme = scheme();
    let tables = [text_table("表", rows)];
    let mut matched =
        dukao_sheets::match_workbook(&tables, &scheme, december()).unwrap();
    let column = &matched.sheets[0].columns[0].label;
    assert_eq!(column.kind, MatchKind::Closest);
    assert_eq!(column.target.as_deref(), Some("industry_va_growth"));
    assert!(column.needs_confirmation);
    assert_eq!(matched.unconfirmed.len(), 1);
    assert_eq!(matched.unconfirmed[0].cell.as_deref(), Some("B1"));
    // 备注 matches nothing: it is left out without blocking.
    let notes = &matched.sheets[0].columns[1].label;
    assert_eq!(notes.kind, MatchKind::Unmatched);
    assert!(!notes.needs_confirmation);

    let answer = Confirmation {
        sheet: Some("表".into()),
        label: "规模工业增加值增速".into(),
        target: Some("规模以上工业增加值增速".into()),
    };
    matched.confirm(&scheme, &[answer]).unwrap();
    let body = matched.entries().unwrap();
    assert_eq!(body.entries.len(), 2);
    assert_eq!(value(&matched, "industry_va_growth", "jiyang"), Some(10.2));
}
