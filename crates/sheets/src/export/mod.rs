//! Exports as .xlsx (rust_xlsxwriter) and as CSV in UTF-8 with a byte
//! order mark, which Excel needs to open Chinese text correctly.
//!
//! Every export is built once as [`SheetData`] and written by both
//! writers, so the .xlsx and the .csv of one table hold the same cells.

mod bulletin;
mod tables;
mod xlsx;

use std::fmt;

use dukao_core::Colour;

pub use bulletin::{bulletin_csv, bulletin_xlsx};
pub use tables::{
    indicator_table_csv, indicator_table_xlsx, ledger_csv, ledger_xlsx,
    milestones_csv, supervision_csv, supervision_xlsx,
};

/// The failure to write an .xlsx file.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportError {
    pub detail: String,
}

impl ExportError {
    /// Formats the failure in Chinese, for the screen.
    pub fn message_zh(&self) -> String {
        format!(
            "导出 Excel 文件失败（{}），请改为导出 CSV 或联系管理员",
            self.detail
        )
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "writing the .xlsx file failed: {}", self.detail)
    }
}

impl std::error::Error for ExportError {}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError {
            detail: e.to_string(),
        }
    }
}

/// One exported cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Empty,
    Text(String),
    /// A figure shown with `decimals` decimals.
    Number {
        value: f64,
        decimals: u32,
    },
}

impl Value {
    pub fn text(text: impl Into<String>) -> Value {
        Value::Text(text.into())
    }

    pub fn number(value: f64, decimals: u32) -> Value {
        Value::Number { value, decimals }
    }

    pub fn maybe(value: Option<f64>, decimals: u32) -> Value {
        value.map_or(Value::Empty, |v| Value::number(v, decimals))
    }

    pub fn count(value: impl Into<u64>) -> Value {
        Value::number(value.into() as f64, 0)
    }

    pub fn rank(rank: Option<u32>) -> Value {
        rank.map_or(Value::Empty, Value::count)
    }

    /// Formats the cell for CSV: numbers in full precision, so that an
    /// import gives back the same figure.
    fn csv(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(text) => text.clone(),
            Value::Number { value, .. } => value.to_string(),
        }
    }
}

/// One exported row; `colour` fills it by the home's red, yellow or
/// green.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    pub values: Vec<Value>,
    pub colour: Option<Colour>,
    /// Bold, for totals.
    pub emphasis: bool,
}

impl Row {
    pub fn new(values: Vec<Value>) -> Row {
        Row {
            values,
            colour: None,
            emphasis: false,
        }
    }
}

/// One exported sheet: a title above a one-row header and the rows.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SheetData {
    /// The worksheet's name (at most 31 characters, no `[]:*?/\`).
    pub name: String,
    /// Printed above the header in the .xlsx; left out of the CSV so
    /// that it starts with the header.
    pub title: String,
    pub headers: Vec<String>,
    /// Column widths in characters, one per header.
    pub widths: Vec<f64>,
    pub rows: Vec<Row>,
    /// Lines under the table in the .xlsx, e.g. the colour counts.
    pub notes: Vec<String>,
}

/// Writes one sheet as CSV in UTF-8 with a byte order mark and CRLF line
/// ends, as Excel writes CSV.
pub(crate) fn write_csv(sheet: &SheetData) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    // The writer's only I/O is into a Vec, whose io::Write never fails.
    writer
        .write_record(&sheet.headers)
        .expect("CSV into memory");
    for row in &sheet.rows {
        let fields: Vec<String> = row.values.iter().map(Value::csv).collect();
        writer.write_record(&fields).expect("CSV into memory");
    }
    writer.into_inner().expect("CSV into memory")
}

/// Formats the rank movement as the bulletin prints it: ↑2, ↓1, or — when
/// unchanged; blank when either month is unranked.
pub(crate) fn movement(change: Option<i32>) -> String {
    match change {
        None => String::new(),
        Some(0) => "—".to_string(),
        Some(up) if up > 0 => format!("↑{up}"),
        Some(down) => format!("↓{}", down.unsigned_abs()),
    }
}

pub(crate) fn yes_no(value: bool) -> &'static str {
    if value {
        "是"
    } else {
        "否"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movement_arrows() {
        assert_eq!(movement(Some(2)), "↑2");
        assert_eq!(movement(Some(-1)), "↓1");
        assert_eq!(movement(Some(0)), "—");
        assert_eq!(movement(None), "");
    }

    #[test]
    fn csv_has_bom_and_quotes() {
        let sheet = SheetData {
            name: "t".into(),
            title: "标题".into(),
            headers: vec!["名称".into(), "数值".into()],
            widths: vec![10.0, 10.0],
            rows: vec![Row::new(vec![
                Value::text("甲,乙"),
                Value::number(1.25, 1),
            ])],
            notes: Vec::new(),
        };
        let bytes = write_csv(&sheet);
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "名称,数值\r\n\"甲,乙\",1.25\r\n");
    }
}
