//! Writes [`SheetData`] into a workbook: title, header, coloured rows,
//! frozen header, and A4 landscape print setup.

use dukao_core::Colour;
use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use super::{ExportError, Row, SheetData, Value};

/// A4 in Excel's paper size codes.
const PAPER_A4: u8 = 9;

/// Fill and font colours of a row by the home's colour, as Excel's
/// "good", "neutral" and "bad" cell styles.
fn fill(colour: Colour) -> (u32, u32) {
    match colour {
        Colour::Green => (0xC6EFCE, 0x006100),
        Colour::Yellow => (0xFFEB9C, 0x9C5700),
        Colour::Red => (0xFFC7CE, 0x9C0006),
        Colour::Grey => (0xEDEDED, 0x595959),
    }
}

fn number_format(decimals: u32) -> String {
    if decimals == 0 {
        "#,##0".to_string()
    } else {
        format!("#,##0.{}", "0".repeat(decimals as usize))
    }
}

/// Writes a workbook of `sheets` into memory.
pub(crate) fn workbook(sheets: &[SheetData]) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        write_sheet(worksheet, sheet)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_sheet(
    worksheet: &mut Worksheet,
    sheet: &SheetData,
) -> Result<(), ExportError> {
    worksheet.set_name(&sheet.name)?;
    let columns = sheet.headers.len().max(1) as u16;
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    if columns > 1 {
        worksheet.merge_range(0, 0, 0, columns - 1, &sheet.title, &title)?;
    } else {
        worksheet.write_with_format(0, 0, &sheet.title, &title)?;
    }
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin);
    for (col, text) in sheet.headers.iter().enumerate() {
        worksheet.write_with_format(1, col as u16, text, &header)?;
    }
    for (col, width) in sheet.widths.iter().enumerate() {
        worksheet.set_column_width(col as u16, *width)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        write_row(worksheet, 2 + i as u32, row)?;
    }
    let first_note = 2 + sheet.rows.len() as u32;
    for (row, note) in (first_note..).zip(&sheet.notes) {
        worksheet.write(row, 0, note)?;
    }
    worksheet.set_freeze_panes(2, 0)?;
    worksheet.set_repeat_rows(0, 1)?;
    worksheet.set_landscape();
    worksheet.set_paper_size(PAPER_A4);
    // One page wide, as many pages tall as needed.
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

fn write_row(
    worksheet: &mut Worksheet,
    row_index: u32,
    row: &Row,
) -> Result<(), ExportError> {
    let mut base = Format::new().set_border(FormatBorder::Thin);
    if let Some(colour) = row.colour {
        let (background, font) = fill(colour);
        base = base
            .set_background_color(Color::RGB(background))
            .set_font_color(Color::RGB(font));
    }
    if row.emphasis {
        base = base.set_bold();
    }
    for (col, value) in row.values.iter().enumerate() {
        let col = col as u16;
        match value {
            Value::Empty => {
                worksheet.write_blank(row_index, col, &base)?;
            }
            Value::Text(text) => {
                worksheet.write_with_format(row_index, col, text, &base)?;
            }
            Value::Number { value, decimals } => {
                let format =
                    base.clone().set_num_format(number_format(*decimals));
                worksheet.write_number_with_format(
                    row_index, col, *value, &format,
                )?;
            }
        }
    }
    Ok(())
}
