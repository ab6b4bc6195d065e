//! The HTTP server: routes, security headers, compression and shutdown.

mod api;
mod files;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, put};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::app::App;
use crate::error::ApiError;

use files::CSP;

/// The router with every route and layer.
pub fn router(app: Arc<App>) -> Router {
    let routes = Router::new()
        .route("/api/login", post(api::login))
        .route("/api/logout", post(api::logout))
        .route("/api/session", get(api::session))
        .route("/api/figures", put(api::put_figures))
        .route("/api/peer-figures", put(api::put_peer_figures))
        .route("/api/milestones", post(api::post_milestone))
        .route("/api/sign-off", post(api::post_sign_off))
        .route("/api/supervision", post(api::post_supervision))
        .route("/api/scheme", put(api::put_scheme))
        .route("/api/audit", get(api::audit))
        .route("/api/{*rest}", any(api::not_found))
        .route("/data/{name}", get(files::data_document))
        .fallback(files::app_files)
        .with_state(app);
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        )
    };
    routes
        .layer(middleware::from_fn(reject_bad_paths))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(header(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
}

/// Percent-decodes a URL path; invalid escapes stay as written.
fn percent_decode(path: &str) -> Vec<u8> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Whether a path tries to leave the served folder: a `..` segment, a
/// backslash or a NUL byte, before or after percent-decoding.
pub fn is_bad_path(path: &str) -> bool {
    let decoded = percent_decode(path);
    // Decode twice so that `%252e%252e` is caught as well.
    let twice = percent_decode(&String::from_utf8_lossy(&decoded));
    [path.as_bytes(), &decoded, &twice].iter().any(|bytes| {
        bytes.contains(&b'\\')
            || bytes.contains(&0)
            || bytes.split(|b| *b == b'/').any(|segment| segment == b"..")
    })
}

async fn reject_bad_paths(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if is_bad_path(path) {
        return ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_path",
            format!("invalid path {path:?}: paths may not contain .. segments"),
            "请求路径无效",
        )
        .value(path)
        .into_response();
    }
    next.run(request).await
}

/// Serves until `shutdown` completes (see `shutdown_signal`), then
/// finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service =
        router(app).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Returns a future that completes on SIGTERM or Ctrl-C. The SIGTERM
/// handler is installed when this is called, not when the future is
/// first polled, so call it before announcing that the server listens:
/// a SIGTERM right after the announcement then shuts down gracefully
/// instead of killing the process.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let terminate_stream = {
        use tokio::signal::unix::{signal, SignalKind};
        signal(SignalKind::terminate())
    };
    async move { wait_for_signal(terminate_stream).await }
}

#[cfg(unix)]
type TerminateStream = std::io::Result<tokio::signal::unix::Signal>;
#[cfg(not(unix))]
type TerminateStream = ();

async fn wait_for_signal(terminate_stream: TerminateStream) {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match terminate_stream {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = {
        let () = terminate_stream;
        std::future::pending::<()>()
    };
    tokio::select! {
        _ = ctrl_c => tracing::info!("Ctrl-C received, shutting down"),
        _ = terminate => tracing::info!("SIGTERM received, shutting down"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_paths_rejected() {
        for path in [
            "/../etc/passwd",
            "/a/../../b",
            "/%2e%2e/x",
            "/%2E%2E%2Fx",
            "/%252e%252e/x",
            "/a\\..\\b",
            "/a%00b",
        ] {
            assert!(is_bad_path(path), "{path}");
        }
        for path in ["/", "/data/scheme.json", "/a..b/c", "/ledger/T001"] {
            assert!(!is_bad_path(path), "{path}");
        }
    }
}
