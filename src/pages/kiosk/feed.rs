//! The kiosk's data feed: the four documents fetched with conditional
//! requests (If-None-Match with the last ETag), so that a refresh that
//! finds nothing new costs four 304 responses and no recompute.

use std::sync::Arc;

use dukao_core::dataset::{
    FIGURES_FILE, LEDGER_FILE, SCHEME_FILE, SUPERVISION_FILE,
};
use dukao_core::{evaluate, Dataset, Report, WhatIf};
use gloo_net::http::Request;

use crate::api::app_root;

/// The documents in the order `Dataset::from_json` takes them.
const FILES: [&str; 4] =
    [SCHEME_FILE, FIGURES_FILE, LEDGER_FILE, SUPERVISION_FILE];

/// Header the service worker sets on a data response it served from its
/// cache because the network failed (public/sw.js).
const OFFLINE_HEADER: &str = "x-dukao-offline";

/// A dataset and its report, computed once per change of the documents.
#[derive(Debug)]
pub struct Snapshot {
    pub dataset: Dataset,
    pub report: Report,
}

/// One document as last received.
#[derive(Clone, Debug, Default)]
struct Document {
    text: String,
    etag: Option<String>,
}

/// The latest text and ETag of each document.
#[derive(Clone, Debug, Default)]
pub struct Feed {
    documents: [Option<Document>; 4],
}

/// The outcome of one refresh.
#[derive(Debug)]
pub struct Refresh {
    /// A new snapshot, when a document changed or on the first load.
    pub snapshot: Option<Arc<Snapshot>>,
    /// Some document came from the service worker's cache because the
    /// server was unreachable, so the data may be out of date.
    pub offline: bool,
}

enum Fetched {
    NotModified,
    Modified(Document),
}

impl Feed {
    /// Fetches every document, conditionally when its ETag is known, and
    /// recomputes when any changed. On failure the feed keeps its last
    /// documents and returns a Chinese message for the screen.
    pub async fn refresh(&mut self) -> Result<Refresh, String> {
        let etag =
            |i: usize| self.documents[i].as_ref().and_then(|d| d.etag.clone());
        let results = futures::join!(
            fetch_document(FILES[0], etag(0)),
            fetch_document(FILES[1], etag(1)),
            fetch_document(FILES[2], etag(2)),
            fetch_document(FILES[3], etag(3)),
        );
        let results = [results.0, results.1, results.2, results.3];

        let mut next = self.documents.clone();
        let mut changed = false;
        let mut offline = false;
        for (slot, result) in next.iter_mut().zip(results) {
            let (fetched, from_cache) = result?;
            offline |= from_cache;
            if let Fetched::Modified(document) = fetched {
                let old_text = slot.as_ref().map(|d| d.text.as_str());
                changed |= old_text != Some(document.text.as_str());
                *slot = Some(document);
            }
        }

        let first_load = self.documents.iter().any(Option::is_none);
        let snapshot = if changed || first_load {
            Some(build_snapshot(&next)?)
        } else {
            None
        };
        self.documents = next;
        if offline {
            log::warn!("kiosk: documents served from the offline cache");
        }
        Ok(Refresh { snapshot, offline })
    }
}

/// Parses, validates and evaluates the four documents.
fn build_snapshot(
    documents: &[Option<Document>; 4],
) -> Result<Arc<Snapshot>, String> {
    let text = |i: usize| documents[i].as_ref().map_or("", |d| &d.text);
    let dataset = Dataset::from_json(text(0), text(1), text(2), text(3))
        .map_err(|e| {
            log::error!("kiosk: documents rejected: {e}");
            let name = crate::api::document_zh(&e.document);
            format!("{name}无法使用：{}", e.message_zh())
        })?;
    let report = evaluate(&dataset, &WhatIf::default());
    Ok(Arc::new(Snapshot { dataset, report }))
}

/// Fetches one document; returns whether it changed and whether the
/// service worker served it from its cache.
async fn fetch_document(
    file: &'static str,
    etag: Option<String>,
) -> Result<(Fetched, bool), String> {
    let url = format!("{}data/{file}", app_root());
    let name = crate::api::document_zh(file);
    let mut request = Request::get(&url);
    if let Some(etag) = &etag {
        request = request.header("If-None-Match", etag);
    }
    let response = request.send().await.map_err(|e| {
        log::warn!("kiosk: fetching {url} failed: {e}");
        format!("无法连接服务器（读取{name}失败）。")
    })?;
    let from_cache =
        response.headers().get(OFFLINE_HEADER).as_deref() == Some("1");
    match response.status() {
        304 => Ok((Fetched::NotModified, from_cache)),
        200 => {
            let etag = response.headers().get("etag");
            let text = response.text().await.map_err(|e| {
                log::warn!("kiosk: reading {url} failed: {e}");
                format!("读取{name}时连接中断。")
            })?;
            Ok((Fetched::Modified(Document { text, etag }), from_cache))
        }
        401 | 403 => {
            log::warn!("kiosk: fetching {url} needs a login");
            Err(format!(
                "读取{name}需要登录：请在本机先以大屏或领导账号登录，\
                 或由管理员开放匿名读取。"
            ))
        }
        status => {
            log::warn!("kiosk: fetching {url} returned HTTP {status}");
            Err(format!("读取{name}失败：服务器返回 HTTP {status}。"))
        }
    }
}
