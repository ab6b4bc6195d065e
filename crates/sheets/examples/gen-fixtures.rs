//! Writes the import fixtures under tests/fixtures/: one file per quirk
//! of the city's spreadsheets. Run from the repository root with
//! `cargo run -p dukao-sheets --example gen-fixtures`, then commit the
//! files; tests/import.rs states the figures each must give. The .xls
//! fixture comes from tests/fixtures/gen_xls.py (Python with xlwt).

use std::fs;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet,
    XlsxError,
};

/// Jinan's districts and counties and the functional areas, in the
/// scheme's order.
const PEERS: [&str; 15] = [
    "历下区",
    "市中区",
    "槐荫区",
    "天桥区",
    "历城区",
    "高新区",
    "长清区",
    "章丘区",
    "济阳区",
    "莱芜区",
    "钢城区",
    "平阴县",
    "商河县",
    "起步区",
    "南部山区",
];

/// 固定资产投资增速 (%), by peer.
const FAI_GROWTH: [f64; 15] = [
    8.2, 10.5, 12.1, 9.8, 11.3, 15.2, 14.6, 18.9, 23.6, 16.4, 13.7, 20.1, 19.5,
    25.3, -3.2,
];
/// 地区生产总值增速 (%), by peer.
const GDP_GROWTH: [f64; 15] = [
    4.1, 3.8, 4.5, 3.9, 4.6, 5.8, 4.9, 5.2, 5.6, 4.3, 3.5, 5.0, 4.8, 6.1, 2.7,
];
/// 一般公共预算收入 (亿元), by peer.
const BUDGET: [f64; 15] = [
    110.23, 62.45, 38.17, 41.96, 71.38, 95.62, 22.41, 68.93, 30.15, 35.87,
    15.26, 11.84, 9.73, 8.35, 3.12,
];
/// 一般公共预算收入增速 (%), by peer.
const BUDGET_GROWTH: [f64; 15] = [
    3.2, 2.1, 4.4, -1.5, 5.3, 6.8, 7.2, 3.9, 8.1, 2.6, -4.3, 5.5, 6.0, 9.4, 1.2,
];
/// 规模以上工业营业收入 in 万元 (the scheme measures 亿元), by peer.
const INDUSTRIAL_REVENUE_WAN: [f64; 15] = [
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
/// 规模以上工业增加值增速 (%), by peer.
const INDUSTRY_GROWTH: [f64; 15] = [
    2.3, 3.1, 5.6, 4.2, 6.8, 9.1, 7.7, 8.4, 10.2, 6.3, 5.1, 7.9, 8.8, 11.5,
    -0.6,
];
/// 城镇新增就业 (人), by peer.
const NEW_JOBS: [f64; 15] = [
    28456.0, 21345.0, 18765.0, 19876.0, 25432.0, 23456.0, 9876.0, 15678.0,
    10234.0, 12345.0, 6789.0, 5432.0, 4987.0, 3456.0, 1234.0,
];

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Workbooks carry a fixed creation date so regenerating the fixtures
/// changes no bytes.
fn workbook() -> Workbook {
    let mut workbook = Workbook::new();
    let date = ExcelDateTime::from_ymd(2023, 1, 10).expect("valid date");
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&date));
    workbook
}

fn save(workbook: &mut Workbook, name: &str) -> Result<(), XlsxError> {
    workbook.save(out_dir().join(name))
}

fn write_file(name: &str, bytes: &[u8]) {
    fs::write(out_dir().join(name), bytes).expect("write fixture");
}

fn csv_text(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|row| row.join(","))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

fn fmt(value: f64) -> String {
    value.to_string()
}

/// GBK-encoded CSV, districts as rows, with a 全市 row.
fn gbk_csv() {
    let mut rows = vec![vec![
        "区县".to_string(),
        "地区生产总值增速(%)".to_string(),
        "固定资产投资增速(%)".to_string(),
        "一般公共预算收入(亿元)".to_string(),
    ]];
    for (i, peer) in PEERS.iter().enumerate() {
        rows.push(vec![
            peer.to_string(),
            fmt(GDP_GROWTH[i]),
            fmt(FAI_GROWTH[i]),
            fmt(BUDGET[i]),
        ]);
    }
    rows.push(vec![
        "全市".into(),
        "4.5".into(),
        "12.9".into(),
        "625.53".into(),
    ]);
    let text = csv_text(&rows);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "fixture text must be GBK");
    write_file("gbk.csv", &bytes);
}

/// UTF-8 CSV with a byte order mark, a title row, a 合计 row and a note.
fn utf8_bom_csv() {
    let mut rows = vec![
        vec!["2022年12月济南市各区县主要经济指标".to_string()],
        vec![
            "地区".to_string(),
            "一般公共预算收入增速（%）".to_string(),
            "规模以上工业增加值增速（%）".to_string(),
        ],
    ];
    for (i, peer) in PEERS.iter().enumerate() {
        rows.push(vec![
            peer.to_string(),
            fmt(BUDGET_GROWTH[i]),
            fmt(INDUSTRY_GROWTH[i]),
        ]);
    }
    rows.push(vec!["合计".into(), "4.1".into(), "6.2".into()]);
    rows.push(vec!["注：数据来源于济南市统计局。".into()]);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(csv_text(&rows).as_bytes());
    write_file("utf8-bom.csv", &bytes);
}

/// Two header rows with merged cells: a title over everything, group
/// headers over sub-headers, 区县 merged down both rows, a rank column
/// and 万元 converted to the scheme's 亿元.
fn merged_header_xlsx() -> Result<(), XlsxError> {
    let mut workbook = workbook();
    let sheet = workbook.add_worksheet().set_name("主要指标")?;
    let center = Format::new().set_align(FormatAlign::Center);
    sheet.merge_range(0, 0, 0, 7, "2022年1-12月各区县主要经济指标", &center)?;
    sheet.merge_range(1, 0, 2, 0, "区县", &center)?;
    sheet.merge_range(1, 1, 1, 3, "规模以上工业", &center)?;
    sheet.write(2, 1, "增加值增速（%）")?;
    sheet.write(2, 2, "营业收入（万元）")?;
    sheet.write(2, 3, "营业收入排名")?;
    sheet.merge_range(1, 4, 1, 5, "一般公共预算收入", &center)?;
    sheet.write(2, 4, "累计（亿元）")?;
    sheet.write(2, 5, "增长（%）")?;
    sheet.merge_range(1, 6, 2, 6, "固定资产投资增速（%）", &center)?;
    sheet.merge_range(1, 7, 2, 7, "备注", &center)?;
    for (i, peer) in PEERS.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write(row, 0, *peer)?;
        sheet.write(row, 1, INDUSTRY_GROWTH[i])?;
        sheet.write(row, 2, INDUSTRIAL_REVENUE_WAN[i])?;
        sheet.write(row, 3, i as u32 + 1)?;
        sheet.write(row, 4, BUDGET[i])?;
        sheet.write(row, 5, BUDGET_GROWTH[i])?;
        sheet.write(row, 6, FAI_GROWTH[i])?;
    }
    sheet.write(18, 0, "全市合计")?;
    sheet.write(18, 2, 46_189_376.0)?;
    save(&mut workbook, "merged-header.xlsx")
}

/// Blank, "—", "-", "/", "－" and "——" for missing figures.
fn missing_csv() {
    let marks = ["", "—", "-", "/", "－", "——"];
    let mut rows = vec![vec![
        "区县".to_string(),
        "地区生产总值增速".to_string(),
        "固定资产投资增速".to_string(),
    ]];
    for (i, peer) in PEERS.iter().enumerate() {
        let fai = if i < marks.len() {
            marks[i].to_string()
        } else {
            fmt(FAI_GROWTH[i])
        };
        rows.push(vec![peer.to_string(), fmt(GDP_GROWTH[i]), fai]);
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(csv_text(&rows).as_bytes());
    write_file("missing.csv", &bytes);
}

/// Units and separators written in the cells: "%", "亿", "亿元",
/// "万元", thousands separators; and percent-formatted numbers in xlsx.
fn units_files() -> Result<(), XlsxError> {
    let mut rows = vec![vec![
        "区县".to_string(),
        "固定资产投资增速".to_string(),
        "一般公共预算收入".to_string(),
        "城镇新增就业".to_string(),
    ]];
    for (i, peer) in PEERS.iter().enumerate() {
        let budget = match i % 3 {
            0 => format!("{}亿", BUDGET[i]),
            1 => format!("{}亿元", BUDGET[i]),
            _ => format!("{}万元", thousands(BUDGET[i] * 10_000.0)),
        };
        rows.push(vec![
            peer.to_string(),
            format!("{}%", FAI_GROWTH[i]),
            format!("\"{budget}\""),
            format!("\"{}\"", thousands(NEW_JOBS[i])),
        ]);
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(csv_text(&rows).as_bytes());
    write_file("units.csv", &bytes);

    let mut workbook = workbook();
    let sheet = workbook.add_worksheet().set_name("Sheet1")?;
    let percent = Format::new().set_num_format("0.0%");
    let separated = Format::new().set_num_format("#,##0");
    sheet.write(0, 0, "区县")?;
    sheet.write(0, 1, "固定资产投资增速")?;
    sheet.write(0, 2, "规模以上工业营业收入（万元）")?;
    sheet.write(0, 3, "城镇新增就业")?;
    for (i, peer) in PEERS.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write(row, 0, *peer)?;
        let fraction = FAI_GROWTH[i] / 100.0;
        sheet.write_number_with_format(row, 1, fraction, &percent)?;
        sheet.write_number_with_format(
            row,
            2,
            INDUSTRIAL_REVENUE_WAN[i],
            &separated,
        )?;
        sheet.write_number_with_format(row, 3, NEW_JOBS[i], &separated)?;
    }
    save(&mut workbook, "units.xlsx")
}

/// Groups digits by three with commas: 1234567.5 is "1,234,567.5".
fn thousands(value: f64) -> String {
    let text = format!("{}", (value * 100.0).round() / 100.0);
    let (integer, fraction) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (text.clone(), String::new()),
    };
    let digits: Vec<char> = integer.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(*c);
    }
    grouped + &fraction
}

/// Full-width digits, points, commas and minus signs: "－" (U+FF0D) and
/// "−" (U+2212); and names padded with an ideographic space.
fn fullwidth_csv() {
    let mut rows = vec![vec![
        "区　县".to_string(),
        "固定资产投资增速（％）".to_string(),
        "一般公共预算收入增速（％）".to_string(),
        "城镇新增就业（人）".to_string(),
    ]];
    for (i, peer) in PEERS.iter().enumerate() {
        let name = if peer.chars().count() == 3 && i % 2 == 0 {
            let chars: Vec<char> = peer.chars().collect();
            format!("{}　{}{}", chars[0], chars[1], chars[2])
        } else {
            peer.to_string()
        };
        let jobs = to_fullwidth(&thousands(NEW_JOBS[i])).replace(',', "，");
        rows.push(vec![
            name,
            fullwidth_signed(FAI_GROWTH[i], i),
            fullwidth_signed(BUDGET_GROWTH[i], i),
            format!("\"{jobs}\""),
        ]);
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(csv_text(&rows).as_bytes());
    write_file("fullwidth.csv", &bytes);
}

/// Writes a figure in full-width digits. Negative ones start with "－" on even
/// rows and "−" on odd ones.
fn fullwidth_signed(value: f64, row: usize) -> String {
    let magnitude = to_fullwidth(&fmt(value.abs()));
    match (value < 0.0, row % 2) {
        (false, _) => magnitude,
        (true, 0) => format!("－{magnitude}"),
        (true, _) => format!("\u{2212}{magnitude}"),
    }
}

fn to_fullwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' | '.' | ',' | '%' => {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Districts across the header row, indicators down; a 序号 column, a
/// 单位 column with 万元 for one indicator, and a 全市 column.
fn districts_as_columns_xlsx() -> Result<(), XlsxError> {
    let mut workbook = workbook();
    let sheet = workbook.add_worksheet().set_name("分区县")?;
    sheet.write(0, 0, "序号")?;
    sheet.write(0, 1, "指标名称")?;
    sheet.write(0, 2, "单位")?;
    sheet.write(0, 3, "全市")?;
    for (i, peer) in PEERS.iter().enumerate() {
        sheet.write(0, 4 + i as u16, *peer)?;
    }
    type Figure<'a> = &'a dyn Fn(usize) -> f64;
    let lines: [(&str, &str, Figure); 4] = [
        ("地区生产总值增速", "%", &|i| GDP_GROWTH[i]),
        ("固定资产投资增速", "%", &|i| FAI_GROWTH[i]),
        ("一般公共预算收入", "万元", &|i| {
            BUDGET[i] * 10_000.0
        }),
        ("城镇新增就业", "人", &|i| NEW_JOBS[i]),
    ];
    for (k, (name, unit, value)) in lines.iter().enumerate() {
        let row = 1 + k as u32;
        sheet.write(row, 0, k as u32 + 1)?;
        sheet.write(row, 1, *name)?;
        sheet.write(row, 2, *unit)?;
        for i in 0..PEERS.len() {
            sheet.write(row, 4 + i as u16, value(i))?;
        }
    }
    save(&mut workbook, "districts-as-columns.xlsx")
}

/// Totals in several spellings and group headings between the rows.
fn totals_csv() {
    let groups = [
        ("中心城区", 0..6),
        ("外围区", 6..11),
        ("县及功能区", 11..15),
    ];
    let mut rows =
        vec![vec!["区县".to_string(), "地区生产总值增速".to_string()]];
    for (heading, range) in groups {
        rows.push(vec![heading.to_string(), String::new()]);
        for i in range {
            rows.push(vec![PEERS[i].to_string(), fmt(GDP_GROWTH[i])]);
        }
        rows.push(vec![format!("{heading}小计"), "4.4".to_string()]);
    }
    rows.push(vec!["全市".into(), "4.5".into()]);
    rows.push(vec!["合计".into(), "4.5".into()]);
    rows.push(vec!["全市合计".into(), "4.5".into()]);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(csv_text(&rows).as_bytes());
    write_file("totals.csv", &bytes);
}

/// 济阳区 twice, once by its alias 济阳.
fn duplicate_xlsx() -> Result<(), XlsxError> {
    let mut workbook = workbook();
    let sheet = workbook.add_worksheet().set_name("12月")?;
    sheet.write(0, 0, "区县")?;
    sheet.write(0, 1, "固定资产投资增速")?;
    for (i, peer) in PEERS.iter().enumerate() {
        sheet.write(1 + i as u32, 0, *peer)?;
        sheet.write(1 + i as u32, 1, FAI_GROWTH[i])?;
    }
    sheet.write(16, 0, "济阳")?;
    sheet.write(16, 1, 21.0)?;
    save(&mut workbook, "duplicate-district.xlsx")
}

/// 济阳区 spelt 济阳县, an alias 济南高新区, and 先行区, which the
/// scheme does not have.
fn unknown_csv() {
    let mut rows =
        vec![vec!["区县".to_string(), "固定资产投资增速".to_string()]];
    for (i, peer) in PEERS.iter().enumerate() {
        let name = match *peer {
            "济阳区" => "济阳县",
            "高新区" => "济南高新区",
            other => other,
        };
        rows.push(vec![name.to_string(), fmt(FAI_GROWTH[i])]);
    }
    rows.push(vec!["先行区".into(), "30.2".into()]);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(csv_text(&rows).as_bytes());
    write_file("unknown-district.csv", &bytes);
}

/// Cells that are not figures: text, a percentage under a 亿元 column, a
/// negative year-to-date amount and a misplaced separator.
fn invalid_xlsx() -> Result<(), XlsxError> {
    let mut workbook = workbook();
    let sheet: &mut Worksheet = workbook.add_worksheet().set_name("错误")?;
    sheet.write(0, 0, "区县")?;
    sheet.write(0, 1, "固定资产投资增速")?;
    sheet.write(0, 2, "一般公共预算收入")?;
    for (i, peer) in PEERS.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write(row, 0, *peer)?;
        sheet.write(row, 1, FAI_GROWTH[i])?;
        sheet.write(row, 2, BUDGET[i])?;
    }
    sheet.write(3, 1, "约12")?;
    sheet.write(5, 2, "12.5%")?;
    sheet.write(7, 2, -3.5)?;
    sheet.write(9, 1, "1,23")?;
    save(&mut workbook, "invalid.xlsx")
}

/// Two sheets of figures, one repeated with the same value, and a sheet
/// of notes.
fn two_sheets_xlsx() -> Result<(), XlsxError> {
    let mut workbook = workbook();
    let notes = workbook.add_worksheet().set_name("说明")?;
    notes.write(0, 0, "本表由市统计局提供，仅供内部参考。")?;
    let economy = workbook.add_worksheet().set_name("经济")?;
    economy.write(0, 0, "区县")?;
    economy.write(0, 1, "地区生产总值增速")?;
    economy.write(0, 2, "固定资产投资增速")?;
    for (i, peer) in PEERS.iter().enumerate() {
        economy.write(1 + i as u32, 0, *peer)?;
        economy.write(1 + i as u32, 1, GDP_GROWTH[i])?;
        economy.write(1 + i as u32, 2, FAI_GROWTH[i])?;
    }
    let jobs = workbook.add_worksheet().set_name("民生")?;
    jobs.write(0, 0, "区县")?;
    jobs.write(0, 1, "城镇新增就业")?;
    jobs.write(0, 2, "固定资产投资增速")?;
    for (i, peer) in PEERS.iter().enumerate() {
        jobs.write(1 + i as u32, 0, *peer)?;
        jobs.write(1 + i as u32, 1, NEW_JOBS[i])?;
        jobs.write(1 + i as u32, 2, FAI_GROWTH[i])?;
    }
    save(&mut workbook, "two-sheets.xlsx")
}

fn main() -> Result<(), XlsxError> {
    fs::create_dir_all(out_dir())?;
    gbk_csv();
    utf8_bom_csv();
    merged_header_xlsx()?;
    missing_csv();
    units_files()?;
    fullwidth_csv();
    districts_as_columns_xlsx()?;
    totals_csv();
    duplicate_xlsx()?;
    unknown_csv();
    invalid_xlsx()?;
    two_sheets_xlsx()?;
    println!("fixtures written to {}", out_dir().display());
    Ok(())
}
