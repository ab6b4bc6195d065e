//! Figures as the city's spreadsheets write them: missing-figure marks,
//! units (%, 亿, 万元), thousands separators, full-width digits and
//! minus signs.

use crate::table::Cell;
use crate::text::halfwidth;

/// The reason a cell is not a figure.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureError {
    Invalid,
    /// The unit cannot be converted to the indicator's measure.
    Unit(String),
}

/// Marks that mean "no figure", after [`halfwidth`] and with whitespace
/// removed.
const MISSING: [&str; 8] = ["", "-", "--", "—", "——", "―", "/", "\\"];

/// Parses a cell into the indicator's measure; `Ok(None)` when missing.
/// `column_unit` is the unit a header or unit row gives the cell's
/// column; a unit written in the cell itself takes precedence.
pub fn parse_figure(
    cell: &Cell,
    column_unit: Option<&str>,
    measure: &str,
) -> Result<Option<f64>, FigureError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number { value, percent } => {
            let unit = if *percent { Some("%") } else { column_unit };
            let shift = match unit {
                Some(unit) => conversion(unit, measure)?,
                None => 0,
            };
            let shift = if *percent { shift + 2 } else { shift };
            if shift == 0 {
                return finish(&value.to_string());
            }
            // 13.7% is stored as 0.13699999999999998; Excel shows 15
            // significant digits, so the figure is rounded to them.
            let scaled: f64 = format!("{value}e{shift}")
                .parse()
                .map_err(|_| FigureError::Invalid)?;
            finish(&format!("{scaled:.14e}"))
        }
        Cell::Text(text) => parse_text(text, column_unit, measure),
    }
}

/// Returns whether a cell reads as a figure (with or without a unit), without
/// checking the unit against any measure.
pub fn is_figure_like(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => false,
        Cell::Number { .. } => true,
        Cell::Text(text) => {
            let text: String = halfwidth(text)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            !MISSING.contains(&text.as_str()) && split_number(&text).is_some()
        }
    }
}

fn parse_text(
    text: &str,
    column_unit: Option<&str>,
    measure: &str,
) -> Result<Option<f64>, FigureError> {
    let text: String = halfwidth(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if MISSING.contains(&text.as_str()) {
        return Ok(None);
    }
    let (number, unit) = split_number(&text).ok_or(FigureError::Invalid)?;
    let unit = if unit.is_empty() {
        column_unit
    } else {
        Some(unit)
    };
    let shift = match unit {
        Some(unit) => conversion(unit, measure)?,
        None => 0,
    };
    let (mantissa, exponent) = match number.find(['e', 'E']) {
        Some(at) => {
            let exponent = number[at + 1..]
                .parse::<i32>()
                .map_err(|_| FigureError::Invalid)?;
            (&number[..at], exponent)
        }
        None => (number, 0),
    };
    let mantissa = strip_separators(mantissa)?;
    finish(&format!("{mantissa}e{}", exponent.saturating_add(shift)))
}

fn finish(decimal: &str) -> Result<Option<f64>, FigureError> {
    let value: f64 = decimal.parse().map_err(|_| FigureError::Invalid)?;
    // Adding 0.0 turns -0 into 0.
    Ok(Some(value + 0.0))
}

/// Splits "−1,234.5万元" into the number "-1,234.5" and the unit "万元".
fn split_number(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut end = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    let digits_start = end;
    while end < bytes.len() && matches!(bytes[end], b'0'..=b'9' | b',' | b'.') {
        end += 1;
    }
    let body = &text[digits_start..end];
    if !body.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // An exponent as CSV exports of large numbers write it: 1.2E+05.
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let mut k = end + 1;
        if matches!(bytes.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        let exp_start = k;
        while k < bytes.len() && bytes[k].is_ascii_digit() {
            k += 1;
        }
        if k > exp_start {
            end = k;
        }
    }
    let unit = &text[end..];
    if !unit.chars().all(is_unit_char) {
        return None;
    }
    Some((&text[..end], unit))
}

/// Units written in cells are Chinese (万元, 家) or a percent sign.
fn is_unit_char(c: char) -> bool {
    matches!(c, '%' | '/' | '·') || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Removes thousands separators, which must group the integer part's
/// digits by three ("1,234,567"); "1,23" is rejected because it may be a
/// decimal comma.
fn strip_separators(number: &str) -> Result<String, FigureError> {
    if !number.contains(',') {
        return Ok(number.to_string());
    }
    let unsigned = number.trim_start_matches(['+', '-']);
    let integer = unsigned.split('.').next().unwrap_or("");
    if unsigned[integer.len()..].contains(',') {
        return Err(FigureError::Invalid);
    }
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or("");
    let valid = (1..=3).contains(&first.len())
        && groups
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !valid {
        return Err(FigureError::Invalid);
    }
    Ok(number.replace(',', ""))
}

/// Returns the power of ten turning a figure in `unit` into one in `measure`:
/// "万元" into "亿元" is −4, "%" into "%" is 0. Two counting words (个,
/// 家, 户) are treated as the same unit; every other mismatch is an
/// error.
pub fn conversion(unit: &str, measure: &str) -> Result<i32, FigureError> {
    let unit = halfwidth(unit);
    let measure = halfwidth(measure);
    if unit == measure {
        return Ok(0);
    }
    let mismatch = || FigureError::Unit(unit.clone());
    let is_percent = |u: &str| matches!(u, "%" | "个百分点" | "百分点");
    if is_percent(&unit) || is_percent(&measure) {
        return if is_percent(&unit) && is_percent(&measure) {
            Ok(0)
        } else {
            Err(mismatch())
        };
    }
    let (unit_power, unit_base) = split_magnitude(&unit);
    let (measure_power, measure_base) = split_magnitude(&measure);
    if unit_base == measure_base
        || (unit_base.is_empty() && measure_power > 0)
        || (unit_base == "元" && measure_base.is_empty())
    {
        return Ok(unit_power - measure_power);
    }
    let scaled = |power: i32, base: &str| power > 0 || base.contains('元');
    if scaled(unit_power, unit_base) || scaled(measure_power, measure_base) {
        return Err(mismatch());
    }
    Ok(0)
}

/// Splits a leading 万 (10⁴), 亿 (10⁸) or 万亿 (10¹²) off a unit.
fn split_magnitude(unit: &str) -> (i32, &str) {
    for (prefix, power) in [("万亿", 12), ("亿", 8), ("万", 4)] {
        if let Some(base) = unit.strip_prefix(prefix) {
            return (power, base);
        }
    }
    (0, unit)
}

/// Returns whether a header's bracketed tail reads as a unit of measure.
pub fn looks_like_unit(text: &str, measures: &[String]) -> bool {
    if text.is_empty() || text.chars().count() > 8 {
        return false;
    }
    let (power, base) = split_magnitude(text);
    matches!(text, "%" | "个百分点" | "元")
        || power > 0
        || base.ends_with('元')
        || measures.iter().any(|m| m == text || m.ends_with(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::Text(t.to_string())
    }

    fn parse(t: &str, measure: &str) -> Result<Option<f64>, FigureError> {
        parse_figure(&text(t), None, measure)
    }

    #[test]
    fn missing_marks_are_none() {
        for mark in ["", " ", "—", "——", "-", "－", "/", "／", "--"] {
            assert_eq!(parse(mark, "%"), Ok(None), "mark {mark:?}");
        }
        assert_eq!(parse_figure(&Cell::Empty, None, "%"), Ok(None));
    }

    #[test]
    fn units_convert_to_measure() {
        assert_eq!(parse("12.5%", "%"), Ok(Some(12.5)));
        assert_eq!(parse("12.5％", "%"), Ok(Some(12.5)));
        assert_eq!(parse("3.2亿", "亿元"), Ok(Some(3.2)));
        assert_eq!(parse("3.2亿元", "亿元"), Ok(Some(3.2)));
        assert_eq!(parse("12345万元", "亿元"), Ok(Some(1.2345)));
        assert_eq!(parse("12,345.6万元", "亿元"), Ok(Some(1.23456)));
        assert_eq!(parse("1.5亿元", "万元"), Ok(Some(15000.0)));
        assert_eq!(parse("300万美元", "亿美元"), Ok(Some(0.03)));
        assert_eq!(parse("12家", "个"), Ok(Some(12.0)));
    }

    #[test]
    fn unit_mismatch_is_rejected() {
        assert_eq!(parse("12%", "亿元"), Err(FigureError::Unit("%".into())));
        assert_eq!(parse("3亿元", "%"), Err(FigureError::Unit("亿元".into())));
        assert_eq!(parse("3万元", "家"), Err(FigureError::Unit("万元".into())));
    }

    #[test]
    fn column_unit_applies_to_bare_figures() {
        let cell = text("23,456");
        assert_eq!(parse_figure(&cell, Some("万元"), "亿元"), Ok(Some(2.3456)));
        let number = Cell::Number {
            value: 23456.0,
            percent: false,
        };
        assert_eq!(
            parse_figure(&number, Some("万元"), "亿元"),
            Ok(Some(2.3456))
        );
    }

    #[test]
    fn percent_cells_scale_by_hundred() {
        let cell = Cell::Number {
            value: 0.236,
            percent: true,
        };
        assert_eq!(parse_figure(&cell, None, "%"), Ok(Some(23.6)));
        let stored = Cell::Number {
            value: 13.7 / 100.0,
            percent: true,
        };
        assert_eq!(parse_figure(&stored, None, "%"), Ok(Some(13.7)));
        assert_eq!(
            parse_figure(&cell, None, "亿元"),
            Err(FigureError::Unit("%".into()))
        );
    }

    #[test]
    fn separators_and_signs() {
        assert_eq!(parse("1,234,567", "人"), Ok(Some(1234567.0)));
        assert_eq!(parse("１，２３４．５", "人"), Ok(Some(1234.5)));
        assert_eq!(parse("－３．２", "%"), Ok(Some(-3.2)));
        assert_eq!(parse("\u{2212}3.2", "%"), Ok(Some(-3.2)));
        assert_eq!(parse("+4", "%"), Ok(Some(4.0)));
        assert_eq!(parse("-0", "%"), Ok(Some(0.0)));
        assert_eq!(parse("1.2E+05", "人"), Ok(Some(120000.0)));
    }

    #[test]
    fn malformed_figures_are_invalid() {
        let bad_figures = [
            "1,23", "12..5", "abc", "约12", "12.5.3", "1,234,56", "1.5,2",
            "12abc", "12e",
        ];
        for bad in bad_figures {
            assert_eq!(parse(bad, "人"), Err(FigureError::Invalid), "{bad}");
        }
    }
}
