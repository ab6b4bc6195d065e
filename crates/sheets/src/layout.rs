//! Finding a sheet's layout: whether districts run down a column or
//! across a row, which rows hold the headers (one, or two with merged
//! cells), which hold units, and where the districts start.

use crate::headers::header_keys;
use crate::labels::{is_total, IndicatorNames, PeerNames};
use crate::number::{is_figure_like, looks_like_unit, parse_figure};
use crate::table::{Cell, Merge, Table};
use crate::text::{compact, label_key, split_unit};

/// A table seen with districts as rows: transposed when the sheet lists
/// districts across a row. Positions are sheet positions, swapped when
/// transposed.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub table: &'a Table,
    pub transposed: bool,
}

impl<'a> View<'a> {
    /// Returns the sheet's (row, column) of a view position.
    pub fn sheet_pos(&self, row: u32, col: u32) -> (u32, u32) {
        if self.transposed {
            (col, row)
        } else {
            (row, col)
        }
    }

    pub fn get(&self, row: u32, col: u32) -> &'a Cell {
        let (r, c) = self.sheet_pos(row, col);
        self.table.get(r, c)
    }

    pub fn rows(&self) -> std::ops::Range<u32> {
        if self.transposed {
            self.table.first_col..self.table.end_col()
        } else {
            self.table.first_row..self.table.end_row()
        }
    }

    pub fn cols(&self) -> std::ops::Range<u32> {
        if self.transposed {
            self.table.first_row..self.table.end_row()
        } else {
            self.table.first_col..self.table.end_col()
        }
    }

    /// Returns the merged region at a view position, in view positions.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<Merge> {
        let (r, c) = self.sheet_pos(row, col);
        let m = *self.table.merge_at(r, c)?;
        Some(if self.transposed {
            Merge {
                first_row: m.first_col,
                first_col: m.first_row,
                last_row: m.last_col,
                last_col: m.last_row,
            }
        } else {
            m
        })
    }

    /// Returns a cell's text, or a merged region's text at any of its
    /// cells.
    pub fn text_at(&self, row: u32, col: u32) -> String {
        let cell = self.get(row, col);
        if !cell.is_empty() {
            return cell.display();
        }
        match self.merge_at(row, col) {
            Some(m) => self.get(m.first_row, m.first_col).display(),
            None => String::new(),
        }
    }
}

/// The positions of a sheet's labels and figures, in view positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub transposed: bool,
    /// The column of district names.
    pub key_col: u32,
    /// Header rows, top first.
    pub header_rows: Vec<u32>,
    /// Rows whose key cell is 单位: one unit per column.
    pub unit_rows: Vec<u32>,
    pub first_data_row: u32,
}

/// Header rows taken above the main one, for merged group headers.
const MAX_UPPER_HEADERS: usize = 2;
/// Rows searched above the nearest header row for one that names
/// indicators, when the nearest names none.
const MAX_HEADER_SEARCH: u32 = 12;

/// Finds the layout, or `None` when no row or column names at least two
/// districts of the scheme.
pub fn detect(
    table: &Table,
    peers: &PeerNames,
    indicators: &IndicatorNames,
) -> Option<Layout> {
    let by_column = best_key_line(
        View {
            table,
            transposed: false,
        },
        peers,
    );
    let by_row = best_key_line(
        View {
            table,
            transposed: true,
        },
        peers,
    );
    let (view, key_col) = match (by_column, by_row) {
        (Some((col, n)), Some((_, m))) if n >= m => (false, col),
        (_, Some((row, _))) => (true, row),
        (Some((col, _)), None) => (false, col),
        (None, None) => return None,
    };
    let view = View {
        table,
        transposed: view,
    };
    layout_in(view, key_col, peers, indicators)
}

/// Finds the column naming the most distinct districts (at least two).
fn best_key_line(view: View, peers: &PeerNames) -> Option<(u32, usize)> {
    let mut best: Option<(u32, usize)> = None;
    for col in view.cols() {
        let mut seen = Vec::new();
        for row in view.rows() {
            let key = label_key(&view.get(row, col).display());
            if let Some((peer, _)) = peers.exact(&key) {
                if !seen.contains(&peer) {
                    seen.push(peer);
                }
            }
        }
        if seen.len() >= 2 && best.is_none_or(|(_, n)| seen.len() > n) {
            best = Some((col, seen.len()));
        }
    }
    best
}

fn is_unit_label(key: &str) -> bool {
    matches!(key, "单位" | "计量单位")
}

/// Counts a row's cells besides the key column: (text, numeric).
fn count_cells(view: View, row: u32, key_col: u32) -> (usize, usize) {
    let mut text = 0;
    let mut numeric = 0;
    for col in view.cols().filter(|c| *c != key_col) {
        let cell = view.get(row, col);
        if cell.is_empty() {
            continue;
        }
        if is_figure_like(cell) {
            numeric += 1;
        } else if !is_missing_mark(cell) {
            text += 1;
        }
    }
    (text, numeric)
}

fn layout_in(
    view: View,
    key_col: u32,
    peers: &PeerNames,
    indicators: &IndicatorNames,
) -> Option<Layout> {
    let named = |row: u32| {
        let key = label_key(&view.get(row, key_col).display());
        peers.exact(&key).is_some() || is_total(&key)
    };
    let mut first_data_row = view.rows().find(|r| named(*r))?;
    let mut unit_rows = Vec::new();
    let mut header = None;
    let mut row = first_data_row;
    // Walk up: rows of figures under an unknown name are data too, unit
    // rows are kept aside, and the first row of text is the header.
    while row > view.rows().start {
        row -= 1;
        let key = label_key(&view.get(row, key_col).display());
        if is_unit_label(&key) {
            unit_rows.push(row);
            continue;
        }
        let (text, numeric) = count_cells(view, row, key_col);
        if text + numeric == 0 {
            // A blank row, or a district without figures: rows between
            // the header and the first known district are data rows.
            if !key.is_empty() {
                first_data_row = row;
            }
            continue;
        }
        if numeric > text && !key.is_empty() && header.is_none() {
            first_data_row = row;
            continue;
        }
        header = Some(row);
        break;
    }
    let nearest = header?;
    let named = |row: u32| named_indicators(view, row, key_col, indicators);
    let main = if named(nearest) > 0 {
        nearest
    } else {
        // Descriptive rows (方向, 牵头单位) may sit between the names and
        // the figures: take the row above that names most indicators.
        let start = nearest.saturating_sub(MAX_HEADER_SEARCH);
        (start.max(view.rows().start)..nearest)
            .map(|row| (row, named(row)))
            .filter(|(_, n)| *n > 0)
            .max_by_key(|(row, n)| (*n, *row))
            .map_or(nearest, |(row, _)| row)
    };
    let mut header_rows = vec![main];
    let mut upper = main;
    while header_rows.len() <= MAX_UPPER_HEADERS && upper > view.rows().start {
        upper -= 1;
        let key = label_key(&view.get(upper, key_col).display());
        if is_unit_label(&key) {
            unit_rows.push(upper);
            continue;
        }
        if !is_upper_header(view, upper, header_rows[0], key_col) {
            break;
        }
        header_rows.insert(0, upper);
    }
    unit_rows.sort_unstable();
    Some(Layout {
        transposed: view.transposed,
        key_col,
        header_rows,
        unit_rows,
        first_data_row,
    })
}

/// Counts a row's cells that name an indicator, alone or under the
/// cell above (a group header).
fn named_indicators(
    view: View,
    row: u32,
    key_col: u32,
    indicators: &IndicatorNames,
) -> usize {
    let key_of = |row: u32, col: u32| {
        let text = compact(&view.text_at(row, col));
        let (label, _) = split_unit(&text, |u| looks_like_unit(u, &[]));
        label_key(label)
    };
    view.cols()
        .filter(|c| *c != key_col)
        .filter(|c| {
            let own = key_of(row, *c);
            if own.is_empty() {
                return false;
            }
            let mut parts = Vec::new();
            if row > view.rows().start {
                let above = key_of(row - 1, *c);
                if !above.is_empty() && above != own {
                    parts.push(above);
                }
            }
            parts.push(own);
            header_keys(&parts).iter().any(|k| indicators.names_one(k))
        })
        .count()
}

/// Returns whether a row above the header belongs to it: a merged cell reaches
/// down into the header, or it contains group headers (two or more text
/// cells besides the key column). A title row contains one text cell.
fn is_upper_header(view: View, row: u32, below: u32, key_col: u32) -> bool {
    let spans_down = view.cols().any(|col| {
        view.merge_at(row, col)
            .is_some_and(|m| m.first_row <= row && m.last_row >= below)
    });
    let (text, numeric) = count_cells(view, row, key_col);
    spans_down || (text >= 2 && numeric == 0)
}

/// Returns the header texts of one column, top first, with a vertically merged
/// cell's text taken once. In files without merge information (CSV), a
/// blank cell of an upper header row continues the nearest text to its
/// left, as a merged cell would.
pub fn header_parts(view: View, layout: &Layout, col: u32) -> Vec<String> {
    let has_merges = !view.table.merges.is_empty();
    let last = layout.header_rows.len().saturating_sub(1);
    let mut parts: Vec<String> = Vec::new();
    for (i, &row) in layout.header_rows.iter().enumerate() {
        let mut text = view.text_at(row, col);
        if text.trim().is_empty() && !has_merges && i < last {
            text = continued_header(view, layout, row, col);
        }
        let text = compact(&text);
        if !text.is_empty() && parts.last() != Some(&text) {
            parts.push(text);
        }
    }
    parts
}

fn continued_header(view: View, layout: &Layout, row: u32, col: u32) -> String {
    let below = layout.header_rows.iter().filter(|r| **r > row);
    if below.into_iter().all(|r| view.get(*r, col).is_empty()) {
        return String::new();
    }
    let mut c = col;
    while c > view.cols().start {
        c -= 1;
        if c == layout.key_col {
            break;
        }
        let cell = view.get(row, c);
        if !cell.is_empty() {
            return cell.display();
        }
    }
    String::new()
}

fn is_missing_mark(cell: &Cell) -> bool {
    parse_figure(cell, None, "") == Ok(None)
}
