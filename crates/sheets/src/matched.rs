//! The result of matching a workbook: labels, figures, rejections and
//! the user's confirmations, and the entries sent to the backend.

use std::collections::HashMap;

use dukao_core::model::{Kind, Method, Scheme};
use dukao_core::Period;
use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, ImportError, MAX_MAGNITUDE};
use crate::labels::{IndicatorNames, MatchKind, PeerNames};
use crate::layout::detect;
use crate::matching::{match_sheet, Label, SheetMatch, Skip, SkipReason};
use crate::number::{parse_figure, FigureError};
use crate::table::Table;
use crate::text::label_key;

/// One figure read from the file, in the indicator's measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub indicator: String,
    pub peer: String,
    /// `None` when the cell is blank or a missing-figure mark.
    pub value: Option<f64>,
    pub sheet: String,
    pub cell: String,
    /// The cell as the spreadsheet shows it.
    pub text: String,
}

/// The user's answer for a label that needs confirmation: the peer or
/// indicator (id or name) it stands for, or `None` to leave it out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confirmation {
    /// Limits the answer to one sheet; all sheets when absent.
    #[serde(default)]
    pub sheet: Option<String>,
    pub label: String,
    pub target: Option<String>,
}

/// A notice that does not block the import.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    pub sheet: String,
    pub message_zh: String,
    pub message: String,
}

/// A workbook matched against the scheme for one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Matched {
    pub period: Period,
    pub sheets: Vec<SheetMatch>,
    /// Sheets left out: no districts, or no known indicator.
    pub skipped_sheets: Vec<Skip>,
    /// Figures of matched rows and columns, in file order.
    pub figures: Vec<Figure>,
    /// Cells and labels that block the import until the file is fixed.
    pub errors: Vec<ImportError>,
    /// Labels that block the import until the user confirms them.
    pub unconfirmed: Vec<ImportError>,
    pub warnings: Vec<Warning>,
}

/// One figure as `PUT /api/peer-figures` takes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub indicator: String,
    pub peer: String,
    pub value: f64,
}

/// The body of `PUT /api/peer-figures`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeerFigures {
    pub period: Period,
    pub entries: Vec<Entry>,
}

/// Matches one table; see [`match_workbook`].
pub fn match_table(
    table: &Table,
    scheme: &Scheme,
    period: Period,
) -> Result<Matched, ImportError> {
    match_workbook(std::slice::from_ref(table), scheme, period)
}

/// Matches every sheet that lists districts and known indicators, and
/// reads their figures for `period`. Fails when no sheet does.
pub fn match_workbook(
    tables: &[Table],
    scheme: &Scheme,
    period: Period,
) -> Result<Matched, ImportError> {
    let peers = PeerNames::new(scheme);
    let indicators = IndicatorNames::new(scheme);
    let mut sheets = Vec::new();
    let mut skipped_sheets = Vec::new();
    let mut without_indicators = None;
    for table in tables {
        let skip = Skip {
            sheet: table.sheet.clone(),
            cell: None,
            text: String::new(),
            reason: SkipReason::Sheet,
        };
        let Some(layout) = detect(table, &peers, &indicators) else {
            skipped_sheets.push(skip);
            continue;
        };
        let sheet = match_sheet(table, &layout, scheme, &peers, &indicators);
        if sheet.columns.iter().all(|c| c.label.target.is_none()) {
            without_indicators.get_or_insert(table.sheet.clone());
            skipped_sheets.push(skip);
            continue;
        }
        sheets.push(sheet);
    }
    if sheets.is_empty() {
        let (sheet, kind) = match without_indicators {
            Some(sheet) => (sheet, ErrorKind::NoIndicators),
            None if tables.len() == 1 => {
                (tables[0].sheet.clone(), ErrorKind::NoDistricts)
            }
            None => (String::new(), ErrorKind::NoDistricts),
        };
        return Err(ImportError::new(sheet, None, "", kind));
    }
    let mut matched = Matched {
        period,
        sheets,
        skipped_sheets,
        figures: Vec::new(),
        errors: Vec::new(),
        unconfirmed: Vec::new(),
        warnings: Vec::new(),
    };
    matched.refresh(scheme);
    Ok(matched)
}

impl Matched {
    /// Whether nothing blocks the import.
    pub fn is_ready(&self) -> bool {
        self.errors.is_empty() && self.unconfirmed.is_empty()
    }

    /// Applies the user's confirmations, then reads the figures again.
    /// A confirmation naming an id the scheme lacks is rejected; the
    /// others still apply.
    pub fn confirm(
        &mut self,
        scheme: &Scheme,
        confirmations: &[Confirmation],
    ) -> Result<(), Vec<ImportError>> {
        let mut rejected = Vec::new();
        for confirmation in confirmations {
            let key = label_key(&confirmation.label);
            let peer = lookup(&confirmation.target, |t| {
                scheme
                    .peers
                    .iter()
                    .find(|p| p.id == t || p.name == t)
                    .map(|p| (p.id.clone(), p.name.clone()))
            });
            let indicator = lookup(&confirmation.target, |t| {
                scheme
                    .indicators
                    .iter()
                    .find(|i| i.id == t || i.name == t)
                    .map(|i| (i.id.clone(), i.name.clone()))
            });
            let mut applied = false;
            for sheet in &mut self.sheets {
                if confirmation
                    .sheet
                    .as_ref()
                    .is_some_and(|s| *s != sheet.sheet)
                {
                    continue;
                }
                let rows = sheet.rows.iter_mut();
                let columns = sheet.columns.iter_mut().map(|c| &mut c.label);
                let labels = rows
                    .map(|l| (l, &peer))
                    .chain(columns.map(|l| (l, &indicator)));
                for (label, target) in labels {
                    if label_key(&label.text) != key
                        && label_key(
                            label.text.rsplit('/').next().unwrap_or(""),
                        ) != key
                    {
                        continue;
                    }
                    match target {
                        Ok(target) => {
                            apply(label, target.clone());
                            applied = true;
                        }
                        Err(()) => {}
                    }
                }
            }
            if !applied {
                let target = confirmation.target.clone().unwrap_or_default();
                rejected.push(ImportError::new(
                    confirmation.sheet.clone().unwrap_or_default(),
                    None,
                    confirmation.label.clone(),
                    ErrorKind::UnknownTarget { target },
                ));
            }
        }
        self.refresh(scheme);
        if rejected.is_empty() {
            Ok(())
        } else {
            Err(rejected)
        }
    }

    /// The entries `PUT /api/peer-figures` takes: every figure present,
    /// or every blocking error and unconfirmed label. Blank cells are
    /// left out, so they never clear a stored figure.
    pub fn entries(&self) -> Result<PeerFigures, Vec<ImportError>> {
        if !self.is_ready() {
            let mut all = self.errors.clone();
            all.extend(self.unconfirmed.iter().cloned());
            return Err(all);
        }
        let entries = self
            .figures
            .iter()
            .filter_map(|f| {
                f.value.map(|value| Entry {
                    indicator: f.indicator.clone(),
                    peer: f.peer.clone(),
                    value,
                })
            })
            .collect();
        Ok(PeerFigures {
            period: self.period,
            entries,
        })
    }

    /// Recomputes what depends on the labels' targets: confirmation
    /// needs, duplicates, figures and their rejections.
    fn refresh(&mut self, scheme: &Scheme) {
        self.figures.clear();
        self.errors.clear();
        self.unconfirmed.clear();
        self.warnings.clear();
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for sheet in &mut self.sheets {
            read_sheet(
                sheet,
                scheme,
                &mut self.figures,
                &mut self.errors,
                &mut self.unconfirmed,
                &mut seen,
            );
            if let Some(stated) = sheet.period_stated {
                if stated != self.period {
                    self.warnings.push(Warning {
                        sheet: sheet.sheet.clone(),
                        message_zh: format!(
                            "工作表“{}”标注的月份是 {stated}，与所选的 {} \
                             不同：请确认导入月份",
                            sheet.sheet, self.period
                        ),
                        message: format!(
                            "sheet \"{}\" states {stated}, not the chosen \
                             period {}: check the period",
                            sheet.sheet, self.period
                        ),
                    });
                }
            }
        }
    }
}

type Target = Result<Option<(String, String)>, ()>;

/// `Ok(None)` to ignore, `Ok(Some(id, name))`, or `Err` when unknown.
fn lookup(
    target: &Option<String>,
    find: impl Fn(&str) -> Option<(String, String)>,
) -> Target {
    match target {
        None => Ok(None),
        Some(t) => find(t).map(Some).ok_or(()),
    }
}

fn apply(label: &mut Label, target: Option<(String, String)>) {
    match target {
        Some((id, name)) => {
            label.target = Some(id);
            label.target_name = Some(name);
            label.kind = MatchKind::Confirmed;
        }
        None => {
            label.target = None;
            label.target_name = None;
            label.kind = MatchKind::Ignored;
        }
    }
}

fn read_sheet(
    sheet: &mut SheetMatch,
    scheme: &Scheme,
    figures: &mut Vec<Figure>,
    errors: &mut Vec<ImportError>,
    unconfirmed: &mut Vec<ImportError>,
    seen: &mut HashMap<(String, String), usize>,
) {
    let name = sheet.sheet.clone();
    let pending = |label: &Label| {
        ImportError::new(
            name.clone(),
            Some(label.cell.clone()),
            label.text.clone(),
            ErrorKind::Unconfirmed {
                candidates: label
                    .candidates
                    .iter()
                    .map(|c| c.name.clone())
                    .collect(),
            },
        )
    };
    for row in &mut sheet.rows {
        row.needs_confirmation =
            matches!(row.kind, MatchKind::Closest | MatchKind::Unmatched);
        if row.needs_confirmation {
            unconfirmed.push(pending(row));
        }
    }
    for column in &mut sheet.columns {
        let label = &mut column.label;
        label.needs_confirmation = label.kind == MatchKind::Closest;
        if label.needs_confirmation {
            unconfirmed.push(pending(label));
        }
    }
    let rows = first_of_each(&sheet.rows, &name, errors, |target, first| {
        ErrorKind::DuplicatePeer {
            peer: target.to_string(),
            first,
        }
    });
    let columns: Vec<&Label> = sheet.columns.iter().map(|c| &c.label).collect();
    let columns = first_of_each(columns, &name, errors, |target, first| {
        ErrorKind::DuplicateIndicator {
            indicator: target.to_string(),
            first,
        }
    });
    for r in rows {
        let peer = sheet.rows[r].target.clone().unwrap_or_default();
        for &c in &columns {
            let column = &sheet.columns[c];
            let Some(spec) =
                column.label.target.as_ref().and_then(|id| {
                    scheme.indicators.iter().find(|i| &i.id == id)
                })
            else {
                continue;
            };
            let (cell, cell_name) = &sheet.cells[r][c];
            let text = cell.display();
            let reject = |kind| {
                ImportError::new(
                    name.clone(),
                    Some(cell_name.clone()),
                    text.clone(),
                    kind,
                )
            };
            let value =
                match parse_figure(cell, column.unit.as_deref(), &spec.measure)
                {
                    Ok(value) => value,
                    Err(FigureError::Invalid) => {
                        errors.push(reject(ErrorKind::InvalidNumber));
                        continue;
                    }
                    Err(FigureError::Unit(unit)) => {
                        errors.push(reject(ErrorKind::UnitMismatch {
                            unit,
                            measure: spec.measure.clone(),
                        }));
                        continue;
                    }
                };
            if let Some(v) = value {
                if !v.is_finite() || v.abs() > MAX_MAGNITUDE {
                    errors.push(reject(ErrorKind::OutOfRange));
                    continue;
                }
                let counts = matches!(spec.method, Method::BonusPenalty { .. });
                if v < 0.0 && (spec.kind == Kind::Cumulative || counts) {
                    errors.push(reject(ErrorKind::Negative {
                        indicator: spec.name.clone(),
                    }));
                    continue;
                }
            }
            let figure = Figure {
                indicator: spec.id.clone(),
                peer: peer.clone(),
                value,
                sheet: name.clone(),
                cell: cell_name.clone(),
                text,
            };
            merge_figure(figure, &sheet.rows[r], spec, figures, errors, seen);
        }
    }
}

/// Adds a figure unless another sheet gave the same one. Two different
/// values are a conflict; a blank never overrides a value.
fn merge_figure(
    figure: Figure,
    row: &Label,
    spec: &dukao_core::model::Indicator,
    figures: &mut Vec<Figure>,
    errors: &mut Vec<ImportError>,
    seen: &mut HashMap<(String, String), usize>,
) {
    let key = (figure.indicator.clone(), figure.peer.clone());
    let Some(&at) = seen.get(&key) else {
        seen.insert(key, figures.len());
        figures.push(figure);
        return;
    };
    let first = &figures[at];
    match (first.value, figure.value) {
        (Some(a), Some(b)) if a != b => {
            let peer = row.target_name.clone().unwrap_or_default();
            errors.push(ImportError::new(
                figure.sheet.clone(),
                Some(figure.cell.clone()),
                figure.text.clone(),
                ErrorKind::ConflictingFigure {
                    indicator: spec.name.clone(),
                    peer,
                    first: format!("{}!{}", first.sheet, first.cell),
                },
            ));
        }
        (None, Some(_)) => figures[at] = figure,
        _ => {}
    }
}

/// Indexes of labels with a target, the first of each target only; each
/// later one is reported as a duplicate.
fn first_of_each<'a>(
    labels: impl IntoIterator<Item = &'a Label>,
    sheet: &str,
    errors: &mut Vec<ImportError>,
    kind: impl Fn(&str, String) -> ErrorKind,
) -> Vec<usize> {
    let mut first: HashMap<&str, &Label> = HashMap::new();
    let mut kept = Vec::new();
    for (i, label) in labels.into_iter().enumerate() {
        let Some(target) = label.target.as_deref() else {
            continue;
        };
        match first.get(target) {
            Some(earlier) => {
                let name = label.target_name.as_deref().unwrap_or(target);
                errors.push(ImportError::new(
                    sheet,
                    Some(label.cell.clone()),
                    label.text.clone(),
                    kind(name, earlier.cell.clone()),
                ));
            }
            None => {
                first.insert(target, label);
                kept.push(i);
            }
        }
    }
    kept
}
