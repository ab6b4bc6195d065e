//! Reads one sheet's district rows and indicator columns through its
//! layout and matches their labels to the scheme.

use dukao_core::model::Scheme;
use dukao_core::Period;
use serde::Serialize;

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
    /// Where the label is, e.g. "A7".
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

/// Why a row, column or sheet was left out.
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
    pub(crate) cells: Vec<Vec<(Cell, String)>>,
}

/// Sub-headers that add nothing to the indicator's name.
const FILLERS: [&str; 13] = [
    "累计",
    "本年累计",
    "本月",
    "当月",
    "绝对值",
    "总量",
    "总额",
    "金额",
    "完成额",
    "完成值",
    "完成",
    "数值",
    "规模",
];
/// Sub-headers that mean growth on the year before.
const GROWTH: [&str; 7] = [
    "增速",
    "增长",
    "增幅",
    "增长率",
    "同比",
    "同比增长",
    "比上年增长",
];
/// Headers of ranks and scores the city computed.
const RANK_WORDS: [&str; 6] = ["排名", "位次", "名次", "排序", "得分", "分值"];

/// The keys to look a header up by, most specific first.
pub(crate) fn header_keys(parts: &[String]) -> Vec<String> {
    let n = parts.len();
    let mut keys = Vec::new();
    // A group header 增速 over indicator names: 增速 / 地区生产总值.
    if let Some(at) = parts[..n.saturating_sub(1)]
        .iter()
        .position(|p| GROWTH.contains(&p.as_str()))
    {
        let rest: String = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at)
            .map(|(_, p)| p.as_str())
            .collect();
        keys.push(format!("{rest}增速"));
    }
    keys.extend((0..n).map(|i| parts[i..].concat()));
    if n >= 2 {
        let last = parts[n - 1].as_str();
        let parent = parts[..n - 1].concat();
        let is_range = last.ends_with('月') && last.contains(['-', '—', '至']);
        if FILLERS.contains(&last) || is_range {
            keys.push(parent.clone());
            keys.push(parts[n - 2].clone());
        } else if GROWTH.contains(&last) {
            keys.push(format!("{parent}增速"));
            keys.push(format!("{}增速", parts[n - 2]));
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

fn is_rank_header(parts: &[String]) -> bool {
    parts.last().is_some_and(|last| {
        RANK_WORDS.iter().any(|w| last == w || last.ends_with(w))
    })
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
    let sheet = table.sheet.clone();
    let name = |row: u32, col: u32| {
        let (r, c) = view.sheet_pos(row, col);
        cell_name(r, c)
    };
    let measures: Vec<String> = scheme
        .indicators
        .iter()
        .map(|i| compact(&i.measure))
        .collect();
    let is_unit = |text: &str| looks_like_unit(text, &measures);
    let mut skipped = Vec::new();
    let mut columns = Vec::new();
    let mut column_positions = Vec::new();
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
        column_positions.push(col);
    }
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
            sheet: sheet.clone(),
            cell: Some(cell.clone()),
            text: text.clone(),
            reason,
        };
        let found = peers.find(&key);
        let known = matches!(found.kind, MatchKind::Exact | MatchKind::Alias);
        if !known {
            if key.is_empty() {
                if has_figures {
                    skipped.push(skip(SkipReason::NoName));
                }
                continue;
            }
            if is_total(&key) {
                skipped.push(skip(SkipReason::Total));
                continue;
            }
            if is_note(&key) {
                skipped.push(skip(SkipReason::Note));
                continue;
            }
            if !has_figures {
                skipped.push(skip(SkipReason::Heading));
                continue;
            }
        }
        rows.push(label_from(text.trim().to_string(), cell, &found, |i| {
            let peer = &scheme.peers[i];
            (peer.id.clone(), peer.name.clone())
        }));
        cells.push(
            column_positions
                .iter()
                .map(|col| (view.get(row, *col).clone(), name(row, *col)))
                .collect(),
        );
    }
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
        sheet,
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

/// The sheet name of a column's header: its lowest header cell with
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(parts: &[&str]) -> Vec<String> {
        let parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        header_keys(&parts)
    }

    #[test]
    fn header_keys_join_parents() {
        assert_eq!(keys(&["地区生产总值增速"]), vec!["地区生产总值增速"]);
        let two = keys(&["一般公共预算收入", "累计"]);
        assert!(two.contains(&"一般公共预算收入".to_string()));
        let growth = keys(&["固定资产投资", "增长"]);
        assert!(growth.contains(&"固定资产投资增速".to_string()));
        let grouped = keys(&["增速", "地区生产总值"]);
        assert_eq!(grouped[0], "地区生产总值增速");
        let range = keys(&["进出口总额", "1-12月"]);
        assert!(range.contains(&"进出口总额".to_string()));
    }

    #[test]
    fn rank_headers_are_recognised() {
        let parts =
            |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_rank_header(&parts(&["固定资产投资", "排名"])));
        assert!(is_rank_header(&parts(&["全市位次"])));
        assert!(!is_rank_header(&parts(&["固定资产投资", "增速"])));
    }
}
