//! The 导出 Excel and 导出 CSV buttons of the ranking, indicator, task
//! and supervision screens. The spreadsheet worker writes the file and
//! the browser downloads it under a Chinese name with the month.

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::sheets_worker::{export_file, Stage};

const XLSX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// Saves `bytes` as a download named `file_name`.
fn download(
    bytes: &Uint8Array,
    file_name: &str,
    mime: &str,
) -> Result<(), String> {
    let parts = Array::of1(bytes);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("cannot create a Blob: {e:?}"))?;
    let url = Url::create_object_url_with_blob(&blob)
        .map_err(|e| format!("cannot create an object URL: {e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor = document
        .create_element("a")
        .map_err(|e| format!("cannot create a link: {e:?}"))?
        .unchecked_into::<HtmlAnchorElement>();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // The download has started from the URL, so it can go now.
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// Two buttons that export `kind` (bulletin, indicators, ledger or
/// supervision) for the month `period` ("2022-12"). `file_name` returns
/// the download's name without its extension, e.g.
/// "济阳区-2022年12月-排名通报".
#[component]
pub fn ExportButtons(
    kind: &'static str,
    #[prop(into)] period: Signal<String>,
    #[prop(into)] file_name: Signal<String>,
) -> impl IntoView {
    let busy = RwSignal::new(None::<&'static str>);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let run = move |format: &'static str| {
        if busy.get_untracked().is_some() {
            return;
        }
        busy.set(Some(format));
        error.set(None);
        let period = period.get_untracked();
        let name = format!("{}.{format}", file_name.get_untracked());
        spawn_local(async move {
            let progress = move |stage: Stage| {
                status.set(Some(stage.text_zh().to_string()))
            };
            let mime = if format == "xlsx" {
                XLSX_TYPE
            } else {
                CSV_TYPE
            };
            let result = export_file(kind, format, &period, progress).await;
            match result {
                Ok(bytes) => {
                    if let Err(e) = download(&bytes, &name, mime) {
                        log::error!("downloading {name} failed: {e}");
                        error.set(Some(
                            "浏览器未能保存文件，请重试。".to_string(),
                        ));
                    } else {
                        log::info!("exported {name}, {} bytes", bytes.length());
                    }
                }
                Err(e) => {
                    log::error!(
                        "exporting {kind} as {format} failed: {}",
                        e.message
                    );
                    error.set(Some(e.message_zh));
                }
            }
            status.set(None);
            busy.set(None);
        });
    };

    let label = move |format: &'static str, text: &'static str| {
        move || {
            if busy.get() == Some(format) {
                "正在导出…"
            } else {
                text
            }
        }
    };
    view! {
        <div class="export-buttons no-print" data-testid=format!("export-{kind}")>
            <button
                class="button"
                type="button"
                data-testid="export-xlsx"
                disabled=move || busy.get().is_some()
                on:click=move |_| run("xlsx")
            >
                {label("xlsx", "导出 Excel")}
            </button>
            <button
                class="button"
                type="button"
                data-testid="export-csv"
                disabled=move || busy.get().is_some()
                on:click=move |_| run("csv")
            >
                {label("csv", "导出 CSV")}
            </button>
            <span class="muted" role="status">{move || status.get()}</span>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}

/// The download name without its extension: home, then `label` (a month
/// such as "2022年12月", or a year), then `title`, e.g.
/// "济阳区-2022年12月-排名通报".
pub fn export_name(
    dataset: &dukao_core::Dataset,
    label: &str,
    title: &str,
) -> String {
    let home = &dataset.scheme.peers[dataset.home()].name;
    format!("{home}-{label}-{title}")
}
