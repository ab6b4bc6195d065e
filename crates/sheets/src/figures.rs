//! Reading the figures of matched rows and columns: units, duplicates
//! within a sheet and conflicts between sheets.

use std::collections::HashMap;

use dukao_core::model::{Indicator, Kind, Method, Scheme};

use crate::error::{ErrorKind, ImportError, MAX_MAGNITUDE};
use crate::labels::MatchKind;
use crate::matched::Figure;
use crate::matching::{Label, SheetMatch};
use crate::number::{parse_figure, FigureError};

/// Reads one sheet's figures into `figures`, and its rejections and
/// pending confirmations into `errors` and `unconfirmed`. `seen` maps
/// (indicator, peer) to the figure already read from an earlier sheet.
pub(crate) fn read_sheet(
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
    spec: &Indicator,
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
    let mut first_indexes = Vec::new();
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
                first_indexes.push(i);
            }
        }
    }
    first_indexes
}
