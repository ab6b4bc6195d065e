//! The worker's operations on JSON text and bytes, free of JavaScript
//! types so that native tests can run them.

use dukao_core::model::{Figures, Ledger, Scheme, SupervisionLog};
use dukao_core::{Dataset, Period};
use dukao_sheets::{
    match_workbook, parse_workbook, preview, Confirmation, ImportError,
};
use serde::Serialize;
use serde_json::json;

/// A failure that is not about a cell of the file: bad documents, an
/// invalid period or an unknown export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Failure {
    pub message_zh: String,
    pub message: String,
}

impl Failure {
    pub(crate) fn new(
        message_zh: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Failure {
            message_zh: message_zh.into(),
            message: message.into(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

pub(crate) fn period_of(text: &str) -> Result<Period, Failure> {
    text.parse().map_err(|_| {
        Failure::new(
            format!("月份“{text}”无效，应写作 2022-12"),
            format!("invalid period \"{text}\": expected YYYY-MM"),
        )
    })
}

pub(crate) fn document<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> Result<T, Failure> {
    dukao_core::dataset::parse(name, text).map_err(|e| {
        Failure::new(
            format!("数据文件 {name} 无法读取：{e}，请刷新页面后重试"),
            format!("cannot read {name}: {e}"),
        )
    })
}

pub(crate) fn dataset(
    scheme: Scheme,
    figures: Figures,
    ledger: Ledger,
    log: SupervisionLog,
) -> Result<Dataset, Failure> {
    Dataset::new(scheme, figures, ledger, log).map_err(|e| {
        Failure::new(
            format!("数据不一致：{e}，请刷新页面后重试"),
            format!("the documents do not agree: {e}"),
        )
    })
}

fn failed(errors: Vec<Failure>) -> String {
    json!({ "ok": false, "errors": errors }).to_string()
}

fn rejected(errors: Vec<ImportError>) -> String {
    json!({ "ok": false, "errors": errors }).to_string()
}

/// Parses, matches, applies the confirmations and previews a file.
///
/// Returns JSON. On success it is `{"ok": true, "matched", "preview",
/// "ready", "request", "blocking"}`: `request` is the body of
/// `PUT /api/peer-figures` once `ready` (else null), and `blocking` lists
/// the rejections and the labels awaiting confirmation. On failure it is
/// `{"ok": false, "errors": [{"message_zh", "message", …}]}`.
/// `confirmations_json` is a JSON array of `{"label", "target",
/// "sheet"?}`, or empty. `progress` is called with each stage as it
/// starts: "reading", "matching", "preview".
pub fn match_file(
    file_name: &str,
    bytes: &[u8],
    scheme_json: &str,
    figures_json: &str,
    period: &str,
    confirmations_json: &str,
    progress: &mut dyn FnMut(&str),
) -> String {
    let prepared = (|| {
        let period = period_of(period)?;
        let scheme: Scheme = document("scheme.json", scheme_json)?;
        let figures: Figures = document("figures.json", figures_json)?;
        let confirmations: Vec<Confirmation> = match confirmations_json.trim() {
            "" => Vec::new(),
            text => document("confirmations", text)?,
        };
        let ledger = Ledger {
            year: scheme.year,
            tasks: Vec::new(),
        };
        let light =
            dataset(scheme, figures, ledger, SupervisionLog::default())?;
        Ok((period, light, confirmations))
    })();
    let (period, light, confirmations) = match prepared {
        Ok(prepared) => prepared,
        Err(failure) => return failed(vec![failure]),
    };
    progress("reading");
    let tables = match parse_workbook(file_name, bytes) {
        Ok(tables) => tables,
        Err(error) => return rejected(vec![error]),
    };
    progress("matching");
    let mut matched = match match_workbook(&tables, &light.scheme, period) {
        Ok(matched) => matched,
        Err(error) => return rejected(vec![error]),
    };
    let confirm_errors = matched
        .confirm(&light.scheme, &confirmations)
        .err()
        .unwrap_or_default();
    progress("preview");
    let changes = preview(&light, &matched);
    let (request, mut blocking) = match matched.entries() {
        Ok(body) => (Some(body), Vec::new()),
        Err(errors) => (None, errors),
    };
    blocking.extend(confirm_errors);
    json!({
        "ok": true,
        "ready": request.is_some(),
        "matched": matched,
        "preview": changes,
        "request": request,
        "blocking": blocking,
    })
    .to_string()
}
