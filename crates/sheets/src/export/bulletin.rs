//! The monthly ranking bulletin (排名通报) as .xlsx and CSV.

use dukao_core::model::Scheme;
use dukao_core::Bulletin;

use super::tables::items_sheet;
use super::xlsx::workbook;
use super::{movement, write_csv, ExportError, Row, SheetData, Value};

const HEADERS: [(&str, f64); 14] = [
    ("序号", 6.0),
    ("指标名称", 28.0),
    ("单位", 10.0),
    ("数值", 12.0),
    ("全市排名", 8.0),
    ("小组排名", 8.0),
    ("排名变化", 8.0),
    ("颜色", 6.0),
    ("得分", 8.0),
    ("满分", 8.0),
    ("预估得分", 9.0),
    ("进位所需数值", 12.0),
    ("进位可增分", 10.0),
    ("达绿所需数值", 12.0),
];

fn bulletin_sheet(scheme: &Scheme, bulletin: &Bulletin) -> SheetData {
    let decimals = |id: &str| {
        scheme
            .indicators
            .iter()
            .find(|i| i.id == id)
            .map_or(2, |i| i.decimals)
    };
    let mut rows: Vec<Row> = bulletin
        .indicators
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let places = decimals(&line.id);
            Row {
                values: vec![
                    Value::count(i as u32 + 1),
                    Value::text(&line.name),
                    Value::text(&line.measure),
                    Value::maybe(line.value, places),
                    Value::rank(line.city_rank),
                    Value::rank(line.group_rank),
                    Value::text(movement(line.rank_change)),
                    Value::text(line.colour.name_zh()),
                    Value::number(line.score, 2),
                    Value::number(line.full_points, 2),
                    Value::maybe(line.projected_score, 2),
                    Value::maybe(line.next_rank_value, places),
                    Value::maybe(line.next_rank_points, 2),
                    Value::maybe(line.green_value, places),
                ],
                colour: Some(line.colour),
                emphasis: false,
            }
        })
        .collect();
    let mut total = vec![Value::Empty; HEADERS.len()];
    total[1] = Value::text("合计");
    total[4] = Value::rank(bulletin.total_city_rank);
    total[5] = Value::rank(bulletin.total_group_rank);
    total[8] = Value::number(bulletin.total_score, 2);
    total[10] = Value::maybe(bulletin.projected_total, 2);
    rows.push(Row {
        values: total,
        colour: None,
        emphasis: true,
    });
    SheetData {
        name: "排名通报".to_string(),
        title: format!("{}（{}）", bulletin.title, bulletin.home),
        headers: HEADERS.iter().map(|(h, _)| h.to_string()).collect(),
        widths: HEADERS.iter().map(|(_, w)| *w).collect(),
        rows,
        notes: vec![format!(
            "绿 {} 项，黄 {} 项，红 {} 项，缺报 {} 项。\
             排名变化：↑ 上升，↓ 下降，— 持平。",
            bulletin.green, bulletin.yellow, bulletin.red, bulletin.missing
        )],
    }
}

/// Writes the bulletin as .xlsx: the ranking sheet, coloured by red, yellow and
/// green with the colour's name in its own column, and the period's
/// supervision items on a second sheet.
pub fn bulletin_xlsx(
    scheme: &Scheme,
    bulletin: &Bulletin,
) -> Result<Vec<u8>, ExportError> {
    let items = items_sheet(
        scheme,
        &bulletin.items,
        format!("{} 督办事项", bulletin.title),
    );
    workbook(&[bulletin_sheet(scheme, bulletin), items])
}

/// Writes the bulletin's ranking sheet as CSV, with the total as the last
/// line.
pub fn bulletin_csv(scheme: &Scheme, bulletin: &Bulletin) -> Vec<u8> {
    write_csv(&bulletin_sheet(scheme, bulletin))
}
