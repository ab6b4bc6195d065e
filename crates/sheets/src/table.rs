//! A sheet's cells as read from a file, before any matching.

use serde::Serialize;

/// One cell's content.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Cell {
    Empty,
    Text(String),
    /// A numeric cell; `percent` is set when its number format shows it
    /// as a percentage (Excel stores 12.5% as 0.125).
    Number {
        value: f64,
        percent: bool,
    },
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number { .. } => false,
        }
    }

    /// Returns the text of a text cell, or `None` for numbers and empty cells.
    pub fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(text) => Some(text),
            _ => None,
        }
    }

    /// Formats the cell as the spreadsheet shows it, for messages.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number {
                value,
                percent: true,
            } => format!("{}%", value * 100.0),
            Cell::Number { value, .. } => value.to_string(),
        }
    }
}

/// A rectangle of merged cells, 0-based and inclusive, in sheet
/// coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Merge {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl Merge {
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// One sheet of a workbook, or the single sheet of a CSV file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    /// The sheet's name; a CSV file's name.
    pub sheet: String,
    /// Sheet row of `rows[0]`, 0-based (a sheet's used range may start
    /// below row 1).
    pub first_row: u32,
    /// Sheet column of each row's first cell, 0-based.
    pub first_col: u32,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

impl Table {
    /// Returns the cell at a 0-based sheet position; empty outside the data.
    pub fn get(&self, row: u32, col: u32) -> &Cell {
        const EMPTY: &Cell = &Cell::Empty;
        let (Some(r), Some(c)) = (
            row.checked_sub(self.first_row),
            col.checked_sub(self.first_col),
        ) else {
            return EMPTY;
        };
        self.rows
            .get(r as usize)
            .and_then(|cells| cells.get(c as usize))
            .unwrap_or(EMPTY)
    }

    /// Returns one past the last sheet row that contains data.
    pub fn end_row(&self) -> u32 {
        self.first_row + self.rows.len() as u32
    }

    /// Returns one past the last sheet column that contains data.
    pub fn end_col(&self) -> u32 {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        self.first_col + width as u32
    }

    /// Returns the merged region covering a position, if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Merge> {
        self.merges.iter().find(|m| m.contains(row, col))
    }
}

/// Returns the spreadsheet name of a 0-based position, e.g. (6, 2) is "C7".
pub fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_name(col), row as u64 + 1)
}

/// Returns the spreadsheet name of a 0-based column: 0 is "A", 26 is "AA".
pub fn column_name(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_are_spreadsheet_style() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(9, 26), "AA10");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }
}
