//! Browser entry of dukao-sheets, built as its own wasm module so that
//! calamine, rust_xlsxwriter, csv and encoding_rs stay out of the app's
//! first load. In a Web Worker it answers the page's messages (see
//! [`worker`]); the same operations are exported as plain functions.
//!
//! Documents travel as JSON text, as the backend serves them, and
//! results go back as JSON text, so the page needs no shared types.

#[cfg(feature = "export")]
mod export;
mod operations;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(feature = "export")]
pub use export::{export_file, Documents};
pub use operations::{match_file, Failure};

use wasm_bindgen::prelude::*;

/// Parses and matches a spreadsheet and previews it against the
/// figures; returns the JSON described at [`operations::match_file`].
#[wasm_bindgen(js_name = matchFile)]
pub fn match_file_js(
    file_name: &str,
    bytes: &[u8],
    scheme_json: &str,
    figures_json: &str,
    period: &str,
    confirmations_json: &str,
) -> String {
    match_file(
        file_name,
        bytes,
        scheme_json,
        figures_json,
        period,
        confirmations_json,
        &mut |_| {},
    )
}

/// Writes one export; throws an Error whose message is the JSON of a
/// [`Failure`].
#[cfg(feature = "export")]
#[wasm_bindgen(js_name = exportFile)]
#[allow(clippy::too_many_arguments)]
pub fn export_file_js(
    kind: &str,
    format: &str,
    scheme_json: &str,
    figures_json: &str,
    ledger_json: &str,
    supervision_json: &str,
    period: &str,
) -> Result<Vec<u8>, JsError> {
    let documents = export::Documents {
        scheme: scheme_json,
        figures: figures_json,
        ledger: ledger_json,
        supervision: supervision_json,
    };
    export_file(kind, format, &documents, period)
        .map_err(|failure| JsError::new(&failure.to_json()))
}
