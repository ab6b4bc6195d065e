//! Loading the four documents from the app's own host, and the backend's
//! login, session and write endpoints.
//!
//! URLs are relative to the app's root (the `<base href>` when the page
//! has one, else the origin), so the same build works from any static
//! host and from the Dukao server, and from deep links such as
//! `/indicators/x`.

pub mod backend;

use dukao_core::dataset::{
    parse, FIGURES_FILE, LEDGER_FILE, SCHEME_FILE, SUPERVISION_FILE,
};
use dukao_core::Dataset;
use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use web_sys::RequestCache;

/// The document's name as the office knows it.
pub fn document_zh(file: &str) -> &'static str {
    match file {
        SCHEME_FILE => "考核方案",
        FIGURES_FILE => "指标数据",
        LEDGER_FILE => "任务底册",
        SUPERVISION_FILE => "督办记录",
        _ => "数据文件",
    }
}

/// The URL of the app's root, ending in `/`.
pub fn app_root() -> String {
    let Some(window) = web_sys::window() else {
        return "/".to_string();
    };
    let document = window.document();
    let has_base = document
        .as_ref()
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .is_some();
    if has_base {
        if let Some(Ok(Some(base))) = document.map(|d| d.base_uri()) {
            return base;
        }
    }
    match window.location().origin() {
        Ok(origin) => format!("{origin}/"),
        Err(_) => "/".to_string(),
    }
}

/// Why the documents could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The server reads documents to logged-in accounts only (HTTP 401).
    NeedsLogin,
    /// The Chinese message naming the document that failed.
    Failed(String),
}

/// Fetches and parses one document; the error names it in Chinese.
async fn fetch_document<T: DeserializeOwned>(
    file: &str,
) -> Result<T, LoadError> {
    let url = format!("{}data/{file}", app_root());
    let name = document_zh(file);
    // Revalidate on every load so that a reload after a write shows it.
    let response = Request::get(&url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| {
            log::error!("fetching {url} failed: {e}");
            LoadError::Failed(format!(
                "无法读取{name}（{file}）：网络请求失败，请检查网络后重试。"
            ))
        })?;
    if response.status() == 401 {
        log::info!("fetching {url} needs a session");
        return Err(LoadError::NeedsLogin);
    }
    if !response.ok() {
        let status = response.status();
        log::error!("fetching {url} returned HTTP {status}");
        return Err(LoadError::Failed(format!(
            "读取{name}（{file}）失败：服务器返回 HTTP {status}，\
             请确认数据文件已部署后重试。"
        )));
    }
    let text = response.text().await.map_err(|e| {
        log::error!("reading {url} failed: {e}");
        LoadError::Failed(format!("读取{name}（{file}）时连接中断，请重试。"))
    })?;
    parse(file, &text).map_err(|e| {
        log::error!("{e}");
        LoadError::Failed(format!("{name}无法使用：{}", e.message_zh()))
    })
}

/// Loads the scheme, figures, ledger and supervision log and checks
/// them against each other.
pub async fn load_dataset() -> Result<Dataset, LoadError> {
    let (scheme, figures, ledger, supervision) = futures::join!(
        fetch_document(SCHEME_FILE),
        fetch_document(FIGURES_FILE),
        fetch_document(LEDGER_FILE),
        fetch_document(SUPERVISION_FILE),
    );
    Dataset::new(scheme?, figures?, ledger?, supervision?).map_err(|e| {
        log::error!("documents rejected: {e}");
        let name = document_zh(&e.document);
        LoadError::Failed(format!("{name}无法使用：{}", e.message_zh()))
    })
}
