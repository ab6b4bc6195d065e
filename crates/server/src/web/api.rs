//! The `/api` endpoints: login, session, writes and the audit log.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::app::{session_token, App, COOKIE};
use crate::auth::{hash_passcode, verify_passcode, Role, SESSION_LIFETIME};
use crate::edit::{self, Change, Context};
use crate::error::ApiError;
use crate::store::{AuditEntry, Documents};

/// Largest request body accepted, in bytes (a whole scheme fits).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Reads a JSON request body; the error names the JSON path of the
/// first bad value.
async fn read_json<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
) -> Result<T, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "content type {content_type:?} is not supported: send \
                 application/json"
            ),
            "请求格式不受支持，请以 JSON 格式提交",
        ));
    }
    let bytes =
        axum::body::to_bytes(body, MAX_BODY_BYTES)
            .await
            .map_err(|_| {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    format!("request body exceeds {MAX_BODY_BYTES} bytes"),
                    format!(
                        "提交的内容超过 {} MB，请分批提交",
                        MAX_BODY_BYTES >> 20
                    ),
                )
            })?;
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| invalid_json(e.path().to_string(), e.inner()))?;
    de.end().map_err(|e| invalid_json(".".to_string(), &e))?;
    Ok(value)
}

fn invalid_json(path: String, error: &serde_json::Error) -> ApiError {
    let path = if path == "." {
        "$".to_string()
    } else {
        format!("$.{path}")
    };
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "invalid_json",
        format!("invalid request body at {path}: {error}"),
        format!("提交内容在 {path} 处格式不正确（{error}），请检查后重新提交"),
    )
    .at(path)
}

/// `{"saved": [audit entries]}`, the reply to every write.
fn saved(entries: Vec<AuditEntry>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "saved": entries }))
}

/// Longest account name and passcode a login may send, in bytes.
const MAX_ACCOUNT_BYTES: usize = 64;
const MAX_PASSCODE_BYTES: usize = 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LoginRequest {
    account: String,
    passcode: String,
}

/// Returns a hash that no passcode matches in practice. Logins for
/// unknown accounts verify against it, so that they take as long to
/// reject as logins for known accounts.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_passcode("no account has this passcode"))
}

fn session_json(account: &str, role: Role, unit: &Option<String>) -> Response {
    Json(serde_json::json!({
        "account": account,
        "role": role,
        "unit": unit,
    }))
    .into_response()
}

/// `POST /api/login`.
pub async fn login(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let request: LoginRequest = read_json(&headers, body).await?;
    let address = peer.ip();
    // Oversized names would bloat the throttle's table, so they are
    // rejected before it counts them.
    if request.account.len() > MAX_ACCOUNT_BYTES
        || request.passcode.len() > MAX_PASSCODE_BYTES
    {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_value",
            format!(
                "account or passcode too long: at most {MAX_ACCOUNT_BYTES} \
                 and {MAX_PASSCODE_BYTES} bytes"
            ),
            "账号或口令过长，请检查输入",
        ));
    }

    if let Some(seconds) = app.throttle.blocked(&request.account, address) {
        tracing::warn!(
            account = %request.account,
            %address,
            "login throttled after repeated failures"
        );
        let mut error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!("too many failed logins: try again in {seconds} seconds"),
            format!("登录失败次数过多，请在 {seconds} 秒后再试"),
        );
        error.retry_after = Some(seconds);
        return Err(error);
    }

    let name = request.account.clone();
    let account = app.with_store(move |store| store.account(&name)).await?;
    let passcode = request.passcode;
    let verified = tokio::task::spawn_blocking(move || match account {
        Some(account) if verify_passcode(&passcode, &account.passcode_hash) => {
            Some(account)
        }
        Some(_) => None,
        None => {
            verify_passcode(&passcode, dummy_hash());
            None
        }
    })
    .await
    .map_err(ApiError::internal)?;
    let Some(account) = verified else {
        app.throttle.fail(&request.account, address);
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            "account or passcode is wrong",
            "账号或口令不正确，请重新输入",
        ));
    };

    app.throttle.succeed(&account.name);
    let token =
        app.sessions
            .start(&account.name, account.role, account.unit.clone());
    tracing::info!(account = %account.name, role = account.role.as_str(), "logged in");
    let secure = if app.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        SESSION_LIFETIME.as_secs()
    );
    let mut response = session_json(&account.name, account.role, &account.unit);
    let value = HeaderValue::from_str(&cookie).map_err(ApiError::internal)?;
    response.headers_mut().insert(header::SET_COOKIE, value);
    Ok(response)
}

/// `POST /api/logout`: ends the session, if any, and clears the cookie.
pub async fn logout(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = session_token(&headers) {
        if let Some(session) = app.sessions.get(&token) {
            tracing::info!(account = %session.account, "logged out");
        }
        app.sessions.end(&token);
    }
    let cookie =
        format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    let mut response = StatusCode::NO_CONTENT.into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// `GET /api/session`: who is logged in. With no session the reply is
/// still 200, with `account` null: being logged out is a normal state
/// for this endpoint, and a 401 would show as an error in the browser.
pub async fn session(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
) -> Response {
    match app.session(&headers) {
        Some(session) => {
            session_json(&session.account, session.role, &session.unit)
        }
        None => Json(serde_json::json!({
            "account": null,
            "role": null,
            "unit": null,
        }))
        .into_response(),
    }
}

/// Parses the body, then applies it as one write.
async fn write<T, F>(
    app: Arc<App>,
    headers: HeaderMap,
    body: Body,
    apply: F,
) -> Result<Json<serde_json::Value>, ApiError>
where
    T: DeserializeOwned + Send + 'static,
    F: FnOnce(&mut Documents, &Context, T) -> Result<Change, ApiError>
        + Send
        + 'static,
{
    let session = app.require_session(&headers)?;
    let request: T = read_json(&headers, body).await?;
    let entries = app
        .write(session, move |documents, context| {
            apply(documents, context, request)
        })
        .await?;
    Ok(saved(entries))
}

/// `PUT /api/figures`.
pub async fn put_figures(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    write(app, headers, body, |d, c, r: edit::FiguresRequest| {
        edit::apply_figures(d, c, &r)
    })
    .await
}

/// `PUT /api/peer-figures`.
pub async fn put_peer_figures(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    write(app, headers, body, |d, c, r: edit::PeerFiguresRequest| {
        edit::apply_peer_figures(d, c, &r)
    })
    .await
}

/// `POST /api/milestones`.
pub async fn post_milestone(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    write(app, headers, body, |d, c, r: edit::MilestoneRequest| {
        edit::apply_milestone(d, c, &r)
    })
    .await
}

/// `POST /api/sign-off`.
pub async fn post_sign_off(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    write(app, headers, body, |d, c, r: edit::SignOffRequest| {
        edit::apply_sign_off(d, c, &r)
    })
    .await
}

/// `POST /api/supervision`.
pub async fn post_supervision(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    write(app, headers, body, |d, c, r: edit::SupervisionRequest| {
        edit::apply_supervision(d, c, &r)
    })
    .await
}

/// `PUT /api/scheme`.
pub async fn put_scheme(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    write(app, headers, body, |d, c, scheme| {
        edit::apply_scheme(d, c, scheme)
    })
    .await
}

#[derive(Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    format: Option<String>,
}

/// `GET /api/audit[?format=csv]` (office only).
pub async fn audit(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let session = app.require_session(&headers)?;
    if session.role != Role::Office {
        return Err(ApiError::forbidden(
            "only the supervision office may read the audit log",
            "只有督查室账号可以查看修改记录",
        ));
    }
    let entries = app.with_store(|store| store.audit()).await?;
    match query.format.as_deref() {
        None | Some("json") => {
            Ok(Json(serde_json::json!({ "entries": entries })).into_response())
        }
        Some("csv") => Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"audit.csv\"",
                ),
            ],
            audit_csv(&entries),
        )
            .into_response()),
        Some(other) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            format!("invalid format {other:?}: expected json or csv"),
            "导出格式只能是 json 或 csv",
        )
        .at("format")
        .value(other)),
    }
}

/// Formats the audit log as CSV with a byte order mark, so that
/// spreadsheet programs read it as UTF-8.
fn audit_csv(entries: &[AuditEntry]) -> String {
    use dukao_core::bulletin::csv_field;
    let mut out =
        String::from("\u{feff}编号,时间,账号,角色,操作,对象,原值,新值\n");
    for entry in entries {
        let fields = [
            entry.id.to_string(),
            csv_field(&entry.at),
            csv_field(&entry.account),
            csv_field(&entry.role),
            csv_field(&entry.action),
            csv_field(&entry.target),
            csv_field(entry.old.as_deref().unwrap_or("")),
            csv_field(entry.new.as_deref().unwrap_or("")),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// Any other `/api` path.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such endpoint: see docs/api.md",
        "接口不存在",
    )
}
