//! The four documents under `/data` and the built app's files.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::{Path as UrlPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::app::App;
use crate::error::ApiError;
use crate::store::Doc;

/// `Cache-Control` of files whose names carry a content hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` of everything else: revalidate on each use.
const NO_CACHE: &str = "no-cache";

/// The policy of every response; the app's index page also allows its
/// own inline scripts by hash. WebAssembly needs 'wasm-unsafe-eval'.
/// Styles allow inline attributes because the app sets them on
/// elements; scripts come from this origin only.
pub const CSP: &str = "default-src 'self'; script-src 'self' \
    'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' \
    data: blob:; font-src 'self' data:; connect-src 'self'; worker-src \
    'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; \
    form-action 'self'; frame-ancestors 'none'";

/// `GET /data/{name}`: one document with ETag and Last-Modified.
pub async fn data_document(
    State(app): State<Arc<App>>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Some(doc) = Doc::from_file_name(&name) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!(
                "no document {name:?}: expected scheme.json, \
                     figures.json, ledger.json or supervision.json"
            ),
            format!("数据文件 {name} 不存在"),
        ));
    };
    if !app.config.public_read {
        app.require_session(&headers)?;
    }
    let rendered = app.rendered(doc);
    let etag =
        HeaderValue::from_str(&rendered.etag).map_err(ApiError::internal)?;
    let modified = httpdate::fmt_http_date(rendered.modified);
    let modified =
        HeaderValue::from_str(&modified).map_err(ApiError::internal)?;
    let common = [
        (header::ETAG, etag),
        (header::LAST_MODIFIED, modified),
        (header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE)),
    ];
    if not_modified(&headers, &rendered.etag, rendered.modified) {
        return Ok((StatusCode::NOT_MODIFIED, common).into_response());
    }
    let json = HeaderValue::from_static("application/json; charset=utf-8");
    if accepts_brotli(&headers) {
        if let Some(brotli) = app.precompressed.brotli(doc, &rendered.etag) {
            let encoding = [
                (header::CONTENT_TYPE, json),
                (header::CONTENT_ENCODING, HeaderValue::from_static("br")),
                (header::VARY, HeaderValue::from_static("accept-encoding")),
            ];
            return Ok((common, encoding, brotli).into_response());
        }
    }
    Ok((common, [(header::CONTENT_TYPE, json)], rendered.body).into_response())
}

/// Checks whether the request's Accept-Encoding lists brotli with a
/// non-zero quality.
fn accepts_brotli(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::ACCEPT_ENCODING) else {
        return false;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    value.split(',').any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|param| {
            let weight = param.strip_prefix("q=").map(str::trim);
            weight.and_then(|q| q.parse::<f32>().ok()) == Some(0.0)
        });
        name.eq_ignore_ascii_case("br") && !refused
    })
}

/// Checks whether the client's copy is current. If-None-Match takes
/// precedence over If-Modified-Since, and ETags compare weakly.
fn not_modified(headers: &HeaderMap, etag: &str, modified: SystemTime) -> bool {
    let strip = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
    if let Some(value) = headers.get(header::IF_NONE_MATCH) {
        let Ok(value) = value.to_str() else {
            return false;
        };
        let ours = strip(etag);
        return value
            .split(',')
            .any(|tag| tag.trim() == "*" || strip(tag) == ours);
    }
    let since = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok());
    match since {
        // HTTP dates have whole seconds.
        Some(since) => modified < since + Duration::from_secs(1),
        None => false,
    }
}

/// Checks whether a file name carries a build hash, e.g. Trunk's
/// `dukao-5c6d7e8f90a1b2c3_bg.wasm`: a run of 12 or more hex digits.
pub fn is_hashed(name: &str) -> bool {
    name.split(['-', '_', '.']).any(|part| {
        part.len() >= 12 && part.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Checks whether a path is one the app routes itself: no file
/// extension in the last segment. Such paths get the index page.
fn is_app_route(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    !last.contains('.')
}

/// Serves the built app's files, and the index page for app routes.
pub async fn app_files(
    State(app): State<Arc<App>>,
    request: Request,
) -> Response {
    let path = request.uri().path().to_string();
    let dir = app.config.app_dir.clone();
    let index = dir.join("index.html");
    if !index.is_file() {
        return build_hint(&path, &dir);
    }
    if path == "/" || path == "/index.html" {
        return index_page(&index).await;
    }
    // Trunk's post-build step writes .br and .gz copies beside files.
    let response = ServeDir::new(&dir)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(request)
        .await
        .into_response();
    if response.status() == StatusCode::NOT_FOUND && is_app_route(&path) {
        return index_page(&index).await;
    }
    let mut response = response;
    if response.status().is_success() {
        let name = path.rsplit('/').next().unwrap_or("");
        let cache = if is_hashed(name) { IMMUTABLE } else { NO_CACHE };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

/// Serves the index page with a policy that allows its inline scripts
/// by their SHA-256 hashes.
async fn index_page(index: &Path) -> Response {
    let html = match tokio::fs::read_to_string(index).await {
        Ok(html) => html,
        Err(e) => {
            return ApiError::internal(format!(
                "cannot read {}: {e}",
                index.display()
            ))
            .into_response()
        }
    };
    let mut policy = String::from(CSP);
    let hashes: Vec<String> = inline_scripts(&html)
        .iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            let encoded =
                base64::engine::general_purpose::STANDARD.encode(digest);
            format!("'sha256-{encoded}'")
        })
        .collect();
    if !hashes.is_empty() {
        let allowed = format!("'wasm-unsafe-eval' {}", hashes.join(" "));
        policy = policy.replacen("'wasm-unsafe-eval'", &allowed, 1);
    }
    let mut response = Html(html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// Extracts the text of each `<script>` element without a `src`
/// attribute.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script") {
        let tag_start = from + start;
        let Some(tag_len) = lower[tag_start..].find('>') else {
            break;
        };
        let body_start = tag_start + tag_len + 1;
        let Some(body_len) = lower[body_start..].find("</script") else {
            break;
        };
        let tag = &lower[tag_start..body_start];
        if !tag.contains(" src=") && !tag.contains(" src =") {
            scripts.push(&html[body_start..body_start + body_len]);
        }
        from = body_start + body_len;
    }
    scripts
}

/// Builds the page shown while the app has not been built.
fn build_hint(path: &str, dir: &Path) -> Response {
    if !is_app_route(path) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let dir = html_escape(&dir.display().to_string());
    let page = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <title>督考：前端尚未构建</title></head><body>\
         <h1>前端尚未构建</h1>\
         <p>在 {dir} 中没有找到 index.html。请在仓库根目录运行 \
         <code>trunk build --release</code>，然后重新启动 \
         <code>dukao serve</code>（或用 <code>--app</code> 指定构建目录）。\
         数据接口 /data/*.json 已可使用。</p>\
         <h2>The app has not been built</h2>\
         <p>No index.html in {dir}. Run <code>trunk build --release</code> \
         at the repository root, then restart <code>dukao serve</code> (or \
         point <code>--app</code> at the build folder). The documents under \
         /data/*.json are served already.</p></body></html>"
    );
    let mut response =
        (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    response
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_detected() {
        assert!(is_hashed("dukao-5c6d7e8f90a1b2c3_bg.wasm"));
        assert!(is_hashed("style-3f2a9c1b7d4e6a80.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("manifest.json"));
    }

    #[test]
    fn inline_scripts_skip_src() {
        let html = "<script src=\"/a.js\"></script>\
                    <SCRIPT type=\"module\">init();</SCRIPT>";
        assert_eq!(inline_scripts(html), vec!["init();"]);
    }

    #[test]
    fn weak_etag_matches() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"abc\", W/\"def\""),
        );
        let now = SystemTime::now();
        assert!(not_modified(&headers, "W/\"def\"", now));
        assert!(!not_modified(&headers, "W/\"xyz\"", now));
    }
}
