//! The result of matching a workbook: labels, figures, rejections and
//! the user's confirmations, and the entries sent to the backend.

use std::collections::HashMap;

use dukao_core::model::Scheme;
use dukao_core::Period;
use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, ImportError};
use crate::figures::read_sheet;
use crate::labels::{IndicatorNames, MatchKind, PeerNames};
use crate::layout::detect;
use crate::matching::{match_sheet, Label, SheetMatch, Skip, SkipReason};
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

/// The user's choice for a label that needs confirmation: the peer or
/// indicator (id or name) it stands for, or `None` to leave it out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confirmation {
    /// Limits the choice to one sheet; all sheets when absent.
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
    /// Returns whether nothing blocks the import.
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
                    if let Ok(target) = target {
                        apply(label, target.clone());
                        applied = true;
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

    /// Returns the entries `PUT /api/peer-figures` takes: every figure present,
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
