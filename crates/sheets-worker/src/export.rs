//! The worker's export operation.

use dukao_core::{evaluate, Bulletin, WhatIf};
use dukao_sheets::export;

use crate::operations::{dataset, document, period_of, Failure};

/// The four documents as JSON text.
pub struct Documents<'a> {
    pub scheme: &'a str,
    pub figures: &'a str,
    pub ledger: &'a str,
    pub supervision: &'a str,
}

/// Writes one export: `kind` is bulletin, indicators, ledger,
/// milestones or supervision; `format` is xlsx or csv (milestones: csv
/// only, because the ledger's .xlsx holds them). `period` selects the
/// bulletin's and the indicator table's month.
pub fn export_file(
    kind: &str,
    format: &str,
    documents: &Documents,
    period: &str,
) -> Result<Vec<u8>, Failure> {
    let period = period_of(period)?;
    let full = dataset(
        document("scheme.json", documents.scheme)?,
        document("figures.json", documents.figures)?,
        document("ledger.json", documents.ledger)?,
        document("supervision.json", documents.supervision)?,
    )?;
    let xlsx = match format {
        "xlsx" => true,
        "csv" => false,
        other => {
            return Err(Failure::new(
                format!("不支持的导出格式“{other}”，请选择 xlsx 或 csv"),
                format!("unknown export format \"{other}\": use xlsx or csv"),
            ))
        }
    };
    let written = |result: Result<Vec<u8>, export::ExportError>| {
        result.map_err(|e| Failure::new(e.message_zh(), e.to_string()))
    };
    let scheme = &full.scheme;
    match kind {
        "bulletin" => {
            let report = evaluate(&full, &WhatIf::default());
            let bulletin =
                Bulletin::build(&full, &report, period).map_err(|e| {
                    Failure::new(
                        format!(
                            "{period} 没有排名通报：请选择 {} 至 {} 之间的月份",
                            e.first, e.open
                        ),
                        e.to_string(),
                    )
                })?;
            if xlsx {
                written(export::bulletin_xlsx(scheme, &bulletin))
            } else {
                Ok(export::bulletin_csv(scheme, &bulletin))
            }
        }
        "indicators" if xlsx => {
            written(export::indicator_table_xlsx(&full, period))
        }
        "indicators" => Ok(export::indicator_table_csv(&full, period)),
        "ledger" if xlsx => written(export::ledger_xlsx(&full)),
        "ledger" => Ok(export::ledger_csv(&full)),
        "milestones" if !xlsx => Ok(export::milestones_csv(&full)),
        "supervision" => {
            let report = evaluate(&full, &WhatIf::default());
            let items = &report.supervision;
            if xlsx {
                written(export::supervision_xlsx(scheme, items))
            } else {
                Ok(export::supervision_csv(scheme, items))
            }
        }
        other => Err(Failure::new(
            format!("不支持导出“{other}”（{format}）"),
            format!(
                "unknown export \"{other}\" as {format}: use bulletin, \
                 indicators, ledger, milestones (csv) or supervision"
            ),
        )),
    }
}
