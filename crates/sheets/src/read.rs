//! Reads .xlsx, .xls and .csv files into [`Table`]s.

use std::io::Cursor;

use calamine::{Data, Dimensions, Reader, SheetVisible, Xls, Xlsx};

use crate::error::{ErrorKind, ImportError};
use crate::table::{Cell, Merge, Table};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Parses a workbook or CSV file into one table per visible sheet. The
/// file's first bytes decide the format, so a misnamed file still
/// reads; `file_name` names a CSV file's only sheet.
pub fn parse_workbook(
    file_name: &str,
    bytes: &[u8],
) -> Result<Vec<Table>, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::file(ErrorKind::EmptyFile));
    }
    let tables = if bytes.starts_with(ZIP_MAGIC) {
        guarded(|| read_xlsx(bytes))?
    } else if bytes.starts_with(OLE_MAGIC) {
        guarded(|| read_xls(bytes))?
    } else {
        vec![read_csv(file_name, bytes)?]
    };
    if tables
        .iter()
        .all(|t| t.rows.iter().flatten().all(Cell::is_empty))
    {
        return Err(ImportError::file(ErrorKind::EmptyFile));
    }
    Ok(tables)
}

/// Runs a calamine reader, turning a panic into a rejection: calamine
/// 0.38 indexes out of bounds on some damaged .xls files.
// NOTE: where panics abort (wasm32, or a panic = "abort" profile) this
// cannot catch them; the Web Worker then dies and the page must report
// the file as unreadable and start a new worker.
fn guarded(
    read: impl FnOnce() -> Result<Vec<Table>, ImportError>,
) -> Result<Vec<Table>, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(unreadable("damaged workbook")))
}

fn unreadable(detail: impl ToString) -> ImportError {
    ImportError::file(ErrorKind::UnreadableFile {
        detail: detail.to_string(),
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Table>, ImportError> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let names = visible_sheets(workbook.sheets_metadata());
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let range = workbook.worksheet_range(&name).map_err(unreadable)?;
        let merges = workbook
            .merge_cells_by_sheet_name(&name)
            .map_err(unreadable)?;
        let styles = workbook.worksheet_style(&name).map_err(unreadable)?;
        let mut table = table_from_range(&name, &range, &merges);
        mark_percent_cells(&mut table, |row, col| {
            styles
                .get((row, col))
                .and_then(|style| style.number_format.as_ref())
                .is_some_and(|format| is_percent_format(&format.format_code))
        });
        tables.push(table);
    }
    Ok(tables)
}

// NOTE: calamine 0.38 exposes no number formats for .xls, so a .xls cell
// formatted as a percentage reads as its stored fraction (0.125 for
// 12.5%).
fn read_xls(bytes: &[u8]) -> Result<Vec<Table>, ImportError> {
    let mut workbook = Xls::new(Cursor::new(bytes)).map_err(unreadable)?;
    let names = visible_sheets(workbook.sheets_metadata());
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let range = workbook.worksheet_range(&name).map_err(unreadable)?;
        let merges = workbook
            .merge_cells_by_sheet_name(&name)
            .map_err(unreadable)?;
        tables.push(table_from_range(&name, &range, &merges));
    }
    Ok(tables)
}

fn visible_sheets(sheets: &[calamine::Sheet]) -> Vec<String> {
    sheets
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

fn table_from_range(
    name: &str,
    range: &calamine::Range<Data>,
    merges: &[Dimensions],
) -> Table {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .map(|row| row.iter().map(cell_from_data).collect())
        .collect();
    Table {
        sheet: name.to_string(),
        first_row,
        first_col,
        rows,
        merges: merges
            .iter()
            .map(|d| Merge {
                first_row: d.start.0,
                first_col: d.start.1,
                last_row: d.end.0,
                last_col: d.end.1,
            })
            .collect(),
    }
}

fn cell_from_data(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(value) => Cell::Number {
            value: *value as f64,
            percent: false,
        },
        Data::Float(value) => Cell::Number {
            value: *value,
            percent: false,
        },
        Data::String(text) => Cell::Text(text.clone()),
        // Dates, booleans and formula errors are kept as text so that a
        // figure cell holding one is rejected with what it shows.
        other => Cell::Text(other.to_string()),
    }
}

fn mark_percent_cells(
    table: &mut Table,
    is_percent: impl Fn(u32, u32) -> bool,
) {
    let (first_row, first_col) = (table.first_row, table.first_col);
    for (r, row) in table.rows.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            if let Cell::Number { percent, .. } = cell {
                let row = first_row + r as u32;
                let col = first_col + c as u32;
                *percent = is_percent(row, col);
            }
        }
    }
}

/// Returns whether an Excel number format shows the value as a percentage: a
/// `%` outside quotes and escapes in its first (positive) section.
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => return false,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// Decodes CSV bytes: UTF-8 with or without a byte order mark, UTF-16
/// with one (Excel's "Unicode text"), else GB18030, which reads GBK.
fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return String::from_utf8(rest.to_vec())
            .map_err(|e| unreadable(format!("invalid UTF-8: {e}")));
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) =
            encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(unreadable(format!("invalid {}", encoding.name())));
        }
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, had_errors) =
        encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(unreadable("neither UTF-8 nor GBK text"));
    }
    Ok(text.into_owned())
}

/// Lines read to tell the delimiter.
const SNIFF_LINES: usize = 20;

/// Picks the delimiter used most often in the first lines: a comma, a tab or
/// a semicolon; a comma when none occurs.
fn sniff_delimiter(text: &str) -> u8 {
    let head: Vec<&str> = text.lines().take(SNIFF_LINES).collect();
    let count = |d: u8| -> usize {
        head.iter()
            .map(|l| l.bytes().filter(|b| *b == d).count())
            .sum()
    };
    let mut best = (b',', count(b','));
    for d in [b'\t', b';'] {
        let n = count(d);
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

fn read_csv(file_name: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    if bytes.contains(&0) && !has_utf16_bom(bytes) {
        return Err(unreadable("binary data, not a CSV file"));
    }
    let text = decode_text(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| unreadable(format!("CSV: {e}")))?;
        rows.push(
            record
                .iter()
                .map(|field| match field.trim() {
                    "" => Cell::Empty,
                    text => Cell::Text(text.to_string()),
                })
                .collect(),
        );
    }
    Ok(Table {
        sheet: file_name.to_string(),
        first_row: 0,
        first_col: 0,
        rows,
        merges: Vec::new(),
    })
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_detected() {
        assert!(is_percent_format("0.0%"));
        assert!(is_percent_format("0%"));
        assert!(!is_percent_format("0.00"));
        assert!(!is_percent_format("General"));
        assert!(!is_percent_format("0.0\"%\""));
        assert!(!is_percent_format("0.0\\%"));
        assert!(!is_percent_format("0.0;[Red]-0.0%"));
    }

    #[test]
    fn text_decodes_gbk_and_bom() {
        let (gbk, _, _) = encoding_rs::GBK.encode("济阳区,12.5");
        assert_eq!(decode_text(&gbk).unwrap(), "济阳区,12.5");
        let mut bom = UTF8_BOM.to_vec();
        bom.extend_from_slice("济阳区".as_bytes());
        assert_eq!(decode_text(&bom).unwrap(), "济阳区");
    }

    #[test]
    fn delimiter_is_sniffed() {
        assert_eq!(sniff_delimiter("a\tb\tc\n"), b'\t');
        assert_eq!(sniff_delimiter("\na,b;c,d\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c"), b';');
        assert_eq!(sniff_delimiter("title\na,b\n"), b',');
        assert_eq!(sniff_delimiter("title only"), b',');
    }
}
