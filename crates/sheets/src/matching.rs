//! Reads one sheet's district rows and indicator columns through its
//! layout and matches their labels to the scheme.

use dukao_core::model::Scheme;
use dukao_core::Period;
use serde::Serialize;

use crate::headers::{header_keys, is_rank_header};
use crate::labels::PeerNames;
use crate::labels::{is_note, is_total, Found, IndicatorNames, MatchKind};
use crate::layout::{header_parts, Layout, View};
use crate::number::{is_figure_like, looks_like_unit};
use crate::table::{cell_name, column_name, Cell, Table};
use crate::text::{compact, find_period, label_key, split_unit};

/// Whether the sheet lists districts down a column or across a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// One district per row, indicators across the header.
    DistrictsAsRows,
    /// One district per column, indicators down the first columns.
    DistrictsAsColumns,
}

/// A scheme name proposed for a label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    /// Similarity in [0, 1].
    pub score: f64,
}

/// A district name or an indicator header and what it was matched to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Label {
    /// The label as the file writes it (header rows joined by "/").
    pub text: String,
    /// The label's cell, e.g. "A7".
    pub cell: String,
    /// Peer or indicator id.
    pub target: Option<String>,
    pub target_name: Option<String>,
    pub kind: MatchKind,
    pub candidates: Vec<Candidate>,
    /// Set while the match is a guess, or a district matches nothing.
    pub needs_confirmation: bool,
}

/// An indicator column (a row when districts run across).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub label: Label,
    /// The unit its header or unit row gives.
    pub unit: Option<String>,
}

/// The reason a row, column or sheet was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// 全市, 合计, 小计, 平均 rows.
    Total,
    /// Notes and sources under the table.
    Note,
    /// A group heading such as 中心城区, with no figures.
    Heading,
    /// Figures without a district name.
    NoName,
    /// Ranks or scores the city computed (排名, 位次, 得分).
    RankColumn,
    /// A header that names no indicator of the scheme (序号, 备注).
    UnknownHeader,
    /// A sheet without district names or without known indicators.
    Sheet,
}

impl SkipReason {
    pub fn name_zh(self) -> &'static str {
        match self {
            SkipReason::Total => "合计行，已跳过",
            SkipReason::Note => "注释，已跳过",
            SkipReason::Heading => "分组标题，已跳过",
            SkipReason::NoName => "缺少区县名称，已跳过",
            SkipReason::RankColumn => "排名或得分，已跳过",
            SkipReason::UnknownHeader => "未识别的表头，已忽略",
            SkipReason::Sheet => "未找到区县和指标，已跳过该工作表",
        }
    }
}

/// A row, column or sheet left out, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skip {
    pub sheet: String,
    pub cell: Option<String>,
    pub text: String,
    pub reason: SkipReason,
}

/// One sheet's layout, labels and raw figure cells.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SheetMatch {
    pub sheet: String,
    pub orientation: Orientation,
    /// The header rows ("1", "2") or columns ("A", "B").
    pub header_lines: Vec<String>,
    /// The period a title or the sheet's name states, if any.
    pub period_stated: Option<Period>,
    pub columns: Vec<Column>,
    /// District rows (columns when districts run across).
    pub rows: Vec<Label>,
    pub skipped: Vec<Skip>,
    /// `cells[row][column]`: the cell and its sheet name ("C7").
    #[serde(skip)]
    pub(crate) cells: Cells,
}

fn label_from(
    text: String,
    cell: String,
    found: &Found,
    ids_names: impl Fn(usize) -> (String, String),
) -> Label {
    let target = found.index.map(&ids_names);
    Label {
        text,
        cell,
        target: target.as_ref().map(|t| t.0.clone()),
        target_name: target.map(|t| t.1),
        kind: found.kind,
        candidates: found
            .candidates
            .iter()
            .map(|(i, score)| {
                let (id, name) = ids_names(*i);
                Candidate {
                    id,
                    name,
                    score: (score * 100.0).round() / 100.0,
                }
            })
            .collect(),
        needs_confirmation: false,
    }
}

/// Matches one sheet through its layout.
pub fn match_sheet(
    table: &Table,
    layout: &Layout,
    scheme: &Scheme,
    peers: &PeerNames,
    indicators: &IndicatorNames,
) -> SheetMatch {
    let view = View {
        table,
        transposed: layout.transposed,
    };
    let mut skipped = Vec::new();
    let (columns, positions) =
        read_columns(view, layout, scheme, indicators, &mut skipped);
    let (rows, cells) =
        read_rows(view, layout, scheme, peers, &positions, &mut skipped);
    let header_lines = layout
        .header_rows
        .iter()
        .map(|line| {
            if layout.transposed {
                column_name(*line)
            } else {
                (line + 1).to_string()
            }
        })
        .collect();
    SheetMatch {
        sheet: table.sheet.clone(),
        orientation: if layout.transposed {
            Orientation::DistrictsAsColumns
        } else {
            Orientation::DistrictsAsRows
        },
        header_lines,
        period_stated: stated_period(table),
        columns,
        rows,
        skipped,
        cells,
    }
}

/// Reads and matches the indicator headers; returns the columns and
/// their view positions. Rank columns and unknown headers are recorded
/// in `skipped`; unknown headers stay as unmatched columns, which the
/// user may still assign.
fn read_columns(
    view: View,
    layout: &Layout,
    scheme: &Scheme,
    indicators: &IndicatorNames,
    skipped: &mut Vec<Skip>,
) -> (Vec<Column>, Vec<u32>) {
    let sheet = &view.table.sheet;
    let measures: Vec<String> = scheme
        .indicators
        .iter()
        .map(|i| compact(&i.measure))
        .collect();
    let is_unit = |text: &str| looks_like_unit(text, &measures);
    let mut columns = Vec::new();
    let mut positions = Vec::new();
    for col in view.cols().filter(|c| *c != layout.key_col) {
        let raw = header_parts(view, layout, col);
        if raw.is_empty() {
            continue;
        }

        let mut unit = None;
        let mut parts = Vec::new();
        for part in &raw {
            let (label, part_unit) = split_unit(part, is_unit);
            unit = part_unit.or(unit);
            let key = label_key(label);
            if !key.is_empty() {
                parts.push(key);
            }
        }
        for row in &layout.unit_rows {
            let text = compact(&view.get(*row, col).display());
            if !text.is_empty() {
                unit = Some(text);
            }
        }

        let cell = label_cell(view, layout, col);
        let text = raw.join("/");
        let found = indicators.find(&header_keys(&parts));
        let guessed =
            matches!(found.kind, MatchKind::Closest | MatchKind::Unmatched);
        if guessed && (parts.is_empty() || is_rank_header(&parts)) {
            skipped.push(Skip {
                sheet: sheet.clone(),
                cell: Some(cell),
                text,
                reason: SkipReason::RankColumn,
            });
            continue;
        }
        if found.kind == MatchKind::Unmatched {
            skipped.push(Skip {
                sheet: sheet.clone(),
                cell: Some(cell.clone()),
                text: text.clone(),
                reason: SkipReason::UnknownHeader,
            });
        }
        let label = label_from(text, cell, &found, |i| {
            let spec = &scheme.indicators[i];
            (spec.id.clone(), spec.name.clone())
        });
        columns.push(Column { label, unit });
        positions.push(col);
    }
    (columns, positions)
}

type Cells = Vec<Vec<(Cell, String)>>;

/// Reads and matches the district rows below the header, with their
/// cells in the columns at `positions`. Totals, notes, group headings
/// and rows without a name are recorded in `skipped`.
fn read_rows(
    view: View,
    layout: &Layout,
    scheme: &Scheme,
    peers: &PeerNames,
    positions: &[u32],
    skipped: &mut Vec<Skip>,
) -> (Vec<Label>, Cells) {
    let name = |row: u32, col: u32| {
        let (r, c) = view.sheet_pos(row, col);
        cell_name(r, c)
    };
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    for row in layout.first_data_row..view.rows().end {
        if layout.unit_rows.contains(&row) {
            continue;
        }
        let text = view.get(row, layout.key_col).display();
        let key = label_key(&text);
        let has_figures = view
            .cols()
            .filter(|c| *c != layout.key_col)
            .any(|c| is_figure_like(view.get(row, c)));
        let cell = name(row, layout.key_col);
        let skip = |reason| Skip {
            sheet: view.table.sheet.clone(),
            cell: Some(cell.clone()),
            text: text.clone(),
            reason,
        };

        let found = peers.find(&key);
        let known = matches!(found.kind, MatchKind::Exact | MatchKind::Alias);
        let reason = match () {
            _ if known => None,
            _ if key.is_empty() => {
                if has_figures {
                    skipped.push(skip(SkipReason::NoName));
                }
                continue;
            }
            _ if is_total(&key) => Some(SkipReason::Total),
            _ if is_note(&key) => Some(SkipReason::Note),
            // A group heading, or a name without any figure to import.
            _ if !has_figures => Some(SkipReason::Heading),
            _ => None,
        };
        if let Some(reason) = reason {
            skipped.push(skip(reason));
            continue;
        }

        rows.push(label_from(text.trim().to_string(), cell, &found, |i| {
            let peer = &scheme.peers[i];
            (peer.id.clone(), peer.name.clone())
        }));
        cells.push(
            positions
                .iter()
                .map(|col| (view.get(row, *col).clone(), name(row, *col)))
                .collect(),
        );
    }
    (rows, cells)
}

/// Names the cell of a column's header: its lowest header cell with
/// text, or the first cell of the merged region it lies in.
fn label_cell(view: View, layout: &Layout, col: u32) -> String {
    let own = layout
        .header_rows
        .iter()
        .rev()
        .find(|r| !view.get(**r, col).is_empty());
    let (row, col) = match own {
        Some(row) => (*row, col),
        None => layout
            .header_rows
            .iter()
            .rev()
            .find_map(|r| view.merge_at(*r, col))
            .map_or((layout.header_rows[0], col), |m| {
                (m.first_row, m.first_col)
            }),
    };
    let (r, c) = view.sheet_pos(row, col);
    cell_name(r, c)
}

/// Rows of a sheet searched for a stated period (titles sit on top).
const TITLE_ROWS: u32 = 5;

fn stated_period(table: &Table) -> Option<Period> {
    let titles =
        (table.first_row..table.end_row().min(TITLE_ROWS)).flat_map(|row| {
            (table.first_col..table.end_col())
                .filter_map(move |col| table.get(row, col).text())
        });
    std::iter::once(table.sheet.as_str())
        .chain(titles)
        .find_map(find_period)
        .and_then(|(year, month)| Period::new(year, month))
}
