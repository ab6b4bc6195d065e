//! The backend's JSON endpoints: login, session and writes. Errors come
//! as `{"error": {"code", "message", "message_zh", "path", "value"}}`;
//! a 409 on figures adds `current` with the stored figure.
//!
//! On a static host there is no backend: requests fail, return HTML, or
//! answer 404/405/501 without the JSON error body. All of these become
//! [`ApiError::no_backend`], so screens can say that writing needs the
//! server instead of failing silently.

use dukao_core::model::ItemKind;
use dukao_core::{Date, Period};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::app_root;
use crate::view_model::entry::EntryLine;

/// A logged-in account, as `GET api/session` returns it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Session {
    pub account: String,
    /// `reporter`, `office`, `leader` or `kiosk`.
    pub role: String,
    /// The unit a reporter writes for.
    #[serde(default)]
    pub unit: Option<String>,
}

impl Session {
    pub fn role_zh(&self) -> &'static str {
        match self.role.as_str() {
            "reporter" => "填报员",
            "office" => "督查室",
            "leader" => "领导",
            "kiosk" => "大屏",
            _ => "其他",
        }
    }

    /// Whether the role may write at all.
    pub fn can_write(&self) -> bool {
        matches!(self.role.as_str(), "reporter" | "office")
    }
}

/// Whether a backend answers and who is logged in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionState {
    Checking,
    /// Static hosting: reading works, writing does not.
    NoBackend,
    LoggedOut,
    LoggedIn(Session),
}

/// A rejected or failed request, with the message for the screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    /// HTTP status, 0 when no response arrived.
    pub status: u16,
    pub code: String,
    pub message_zh: String,
    /// JSON path of the offending value in the request, if known.
    pub path: Option<String>,
    pub value: Option<String>,
    /// The stored value after a 409 conflict.
    pub current: Option<Value>,
}

/// Code of [`ApiError::no_backend`].
pub const NO_BACKEND: &str = "no_backend";

impl ApiError {
    pub fn no_backend() -> ApiError {
        ApiError {
            status: 0,
            code: NO_BACKEND.to_string(),
            message_zh: "当前为静态演示版，没有连接后台服务，不能登录或提交；\
                         请通过督考服务器访问后再操作。"
                .to_string(),
            path: None,
            value: None,
            current: None,
        }
    }

    pub fn is_no_backend(&self) -> bool {
        self.code == NO_BACKEND
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
    #[serde(default)]
    current: Option<Value>,
}

#[derive(Deserialize)]
struct ErrorDetail {
    code: String,
    #[serde(default)]
    message: String,
    message_zh: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    value: Option<String>,
}

fn url(path: &str) -> String {
    format!("{}api/{path}", app_root())
}

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("application/json"))
}

/// Turns a non-2xx response into an error; anything that is not the
/// backend's JSON error body means there is no backend.
async fn error_of(response: Response) -> ApiError {
    let status = response.status();
    if !is_json(&response) {
        log::warn!("{} returned HTTP {status} without JSON", response.url());
        return ApiError::no_backend();
    }
    match response.json::<ErrorBody>().await {
        Ok(body) => {
            log::warn!(
                "{} rejected: HTTP {status} {}: {}",
                response.url(),
                body.error.code,
                body.error.message
            );
            ApiError {
                status,
                code: body.error.code,
                message_zh: body.error.message_zh,
                path: body.error.path,
                value: body.error.value,
                current: body.current,
            }
        }
        Err(e) => {
            log::warn!("{} returned HTTP {status}: {e}", response.url());
            ApiError::no_backend()
        }
    }
}

/// Sends a request; a network failure means there is no backend.
async fn send(
    request: Result<Request, gloo_net::Error>,
) -> Result<Response, ApiError> {
    let request = request.map_err(|e| {
        log::error!("building a request failed: {e}");
        ApiError::no_backend()
    })?;
    let response = request.send().await.map_err(|e| {
        log::warn!("request failed: {e}");
        ApiError::no_backend()
    })?;
    if response.ok() {
        Ok(response)
    } else {
        Err(error_of(response).await)
    }
}

async fn session_of(response: Response) -> Result<Session, ApiError> {
    if !is_json(&response) {
        return Err(ApiError::no_backend());
    }
    response.json::<Session>().await.map_err(|e| {
        log::warn!("session reply is invalid: {e}");
        ApiError::no_backend()
    })
}

/// The state a `GET api/session` reply body gives: a session, or no
/// session when the body is `null` or has no account.
pub fn session_state_of(body: &Value) -> Option<SessionState> {
    if body.is_null() || body.get("account").is_some_and(Value::is_null) {
        return Some(SessionState::LoggedOut);
    }
    serde_json::from_value::<Session>(body.clone())
        .ok()
        .map(SessionState::LoggedIn)
}

/// Asks the backend who is logged in. Both a 401 and a 200 reply
/// without an account mean nobody is logged in; the second keeps
/// browsers from logging the check as a failed request.
pub async fn session() -> SessionState {
    let request = Request::get(&url("session")).build();
    match send(request).await {
        Ok(response) if is_json(&response) => {
            match response.json::<Value>().await {
                Ok(body) => session_state_of(&body).unwrap_or_else(|| {
                    log::warn!("session reply is invalid: {body}");
                    SessionState::NoBackend
                }),
                Err(e) => {
                    log::warn!("session reply is not JSON: {e}");
                    SessionState::NoBackend
                }
            }
        }
        Ok(_) => SessionState::NoBackend,
        Err(error) if error.status == 401 => SessionState::LoggedOut,
        Err(error) if error.is_no_backend() => SessionState::NoBackend,
        Err(error) => {
            log::warn!("session check failed: {}", error.code);
            SessionState::LoggedOut
        }
    }
}

#[derive(Serialize)]
struct Login<'a> {
    account: &'a str,
    passcode: &'a str,
}

pub async fn login(account: &str, passcode: &str) -> Result<Session, ApiError> {
    let request =
        Request::post(&url("login")).json(&Login { account, passcode });
    session_of(send(request).await?).await
}

pub async fn logout() -> Result<(), ApiError> {
    send(Request::post(&url("logout")).build())
        .await
        .map(|_| ())
}

fn write(
    builder: RequestBuilder,
    body: &impl Serialize,
) -> Result<Request, gloo_net::Error> {
    builder.json(body)
}

#[derive(Serialize)]
struct Figures<'a> {
    period: Period,
    entries: &'a [EntryLine],
}

/// Stores the home's figures for the open period.
pub async fn put_figures(
    period: Period,
    entries: &[EntryLine],
) -> Result<(), ApiError> {
    let body = Figures { period, entries };
    send(write(Request::put(&url("figures")), &body))
        .await
        .map(|_| ())
}

/// Stores peers' figures (any peer, the home included) for one month:
/// `body` is `{"period", "entries": [{"indicator", "peer", "value"}]}`,
/// as the spreadsheet worker builds it from an imported file. Office
/// only.
pub async fn put_peer_figures(body: &Value) -> Result<(), ApiError> {
    send(write(Request::put(&url("peer-figures")), body))
        .await
        .map(|_| ())
}

#[derive(Serialize)]
struct MilestoneDone<'a> {
    task: &'a str,
    milestone: usize,
    done: Option<Date>,
}

/// Marks a milestone done on `done`, or not done with `None`.
pub async fn post_milestone(
    task: &str,
    milestone: usize,
    done: Option<Date>,
) -> Result<(), ApiError> {
    let body = MilestoneDone {
        task,
        milestone,
        done,
    };
    send(write(Request::post(&url("milestones")), &body))
        .await
        .map(|_| ())
}

#[derive(Serialize)]
struct SignOff<'a> {
    task: &'a str,
    date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    above_target: Option<bool>,
}

/// Signs a task off on `date` (销号), or withdraws it with `None`.
pub async fn post_sign_off(
    task: &str,
    date: Option<Date>,
    above_target: Option<bool>,
) -> Result<(), ApiError> {
    let body = SignOff {
        task,
        date,
        above_target,
    };
    send(write(Request::post(&url("sign-off")), &body))
        .await
        .map(|_| ())
}

#[derive(Serialize)]
struct SupervisionAction<'a> {
    indicator: &'a str,
    period: Period,
    kind: ItemKind,
    action: &'a str,
    note: &'a str,
}

/// Records an action (`respond`, `rectify`, `close`, `reopen`) on a
/// supervision item.
pub async fn post_supervision(
    indicator: &str,
    period: Period,
    kind: ItemKind,
    action: &str,
    note: &str,
) -> Result<(), ApiError> {
    let body = SupervisionAction {
        indicator,
        period,
        kind,
        action,
        note,
    };
    send(write(Request::post(&url("supervision")), &body))
        .await
        .map(|_| ())
}

/// Today in the browser's time zone, for milestone and sign-off dates.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn session_state_of_account() {
        let body = json!({"account": "r", "role": "reporter", "unit": "fgj"});
        let expected = Session {
            account: "r".to_string(),
            role: "reporter".to_string(),
            unit: Some("fgj".to_string()),
        };
        assert_eq!(
            session_state_of(&body),
            Some(SessionState::LoggedIn(expected))
        );
    }

    #[test]
    fn session_state_of_no_account() {
        assert_eq!(
            session_state_of(&Value::Null),
            Some(SessionState::LoggedOut)
        );
        let body = json!({"account": null});
        assert_eq!(session_state_of(&body), Some(SessionState::LoggedOut));
    }

    #[test]
    fn session_state_of_html_is_invalid() {
        assert_eq!(session_state_of(&json!("<html>")), None);
        assert_eq!(session_state_of(&json!({"role": 3})), None);
    }
}
