//! The JSON error body every rejected request gets:
//! `{"error":{"code","message","message_zh","path","value"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A rejected request: HTTP status, a stable code, an English and a
/// Chinese message, and where in the request body the problem is.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub message_zh: String,
    /// JSON path in the request body, e.g. `$.entries[0].value`.
    pub path: Option<String>,
    /// The offending value as written.
    pub value: Option<String>,
    /// Extra top-level fields (e.g. `current` for a conflict).
    pub extra: Option<(&'static str, serde_json::Value)>,
    /// Seconds for a Retry-After header.
    pub retry_after: Option<u64>,
    /// Ask the client to close the connection, because part of the
    /// request body was left unread.
    pub close: bool,
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    message: &'a str,
    message_zh: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            message_zh: message_zh.into(),
            path: None,
            value: None,
            extra: None,
            retry_after: None,
            close: false,
        }
    }

    pub fn at(mut self, path: impl Into<String>) -> ApiError {
        self.path = Some(path.into());
        self
    }

    pub fn value(mut self, value: impl std::fmt::Display) -> ApiError {
        self.value = Some(value.to_string());
        self
    }

    /// 422 for a value the rules do not allow.
    pub fn invalid(
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> ApiError {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
            message,
            message_zh,
        )
    }

    /// 404 for an id the data does not contain.
    pub fn unknown(what: &str, what_zh: &str, id: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_id",
            format!("unknown {what} {id:?}: check the id"),
            format!("{what_zh} {id} 不存在，请检查编号"),
        )
        .value(id)
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "not logged in: log in first",
            "尚未登录，请先登录",
        )
    }

    pub fn forbidden(
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message, message_zh)
    }

    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        tracing::error!(error = %detail, "request failed");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server failed to complete the request; nothing was \
             changed, try again",
            "服务器处理失败，数据未作改动，请稍后重试",
        )
    }

    /// Converts an engine validation error into 422 with its JSON path
    /// and value.
    pub fn from_core(error: &dukao_core::Error) -> ApiError {
        ApiError {
            path: Some(error.path.clone()),
            value: Some(error.value.clone()),
            ..ApiError::invalid(error.to_string(), error.message_zh())
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code, message = %self.message);
        } else {
            tracing::info!(
                status = self.status.as_u16(),
                code = self.code,
                path = self.path.as_deref().unwrap_or(""),
                message = %self.message,
                "request rejected"
            );
        }
        let body = Body {
            code: self.code,
            message: &self.message,
            message_zh: &self.message_zh,
            path: self.path.as_deref(),
            value: self.value.as_deref(),
        };
        let mut json = serde_json::json!({ "error": body });
        if let Some((key, value)) = self.extra {
            json[key] = value;
        }
        let mut response = (self.status, axum::Json(json)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.close {
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}
