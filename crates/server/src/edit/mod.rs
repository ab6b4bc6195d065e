//! Writes as changes to the documents: who may make them, what they
//! change and the audit entries they leave. The functions here change
//! an in-memory copy only; the caller validates the result with the
//! engine and commits it.

mod figures;
mod tasks;

pub use figures::{apply_figures, apply_peer_figures};
pub use figures::{FiguresRequest, PeerFiguresRequest};
pub use tasks::SupervisionRequest;
pub use tasks::{apply_milestone, apply_scheme, apply_sign_off};
pub use tasks::{apply_supervision, MilestoneRequest, SignOffRequest};

use axum::http::StatusCode;
use dukao_core::Date;

use crate::auth::{Role, Session};
use crate::error::ApiError;
use crate::store::{AuditEntry, Doc};

/// Who is writing and when.
pub struct Context<'a> {
    pub session: &'a Session,
    /// RFC 3339 time of the write, for the audit log.
    pub now: &'a str,
    /// The date in the district's time zone (China Standard Time).
    pub today: Date,
}

impl Context<'_> {
    /// An audit entry for this writer.
    pub fn entry(
        &self,
        action: &str,
        target: String,
        old: Option<String>,
        new: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            id: 0,
            at: self.now.to_string(),
            account: self.session.account.clone(),
            role: self.session.role.as_str().to_string(),
            action: action.to_string(),
            target,
            old,
            new,
        }
    }

    /// Rejects roles that only read.
    pub fn require_writer(&self) -> Result<(), ApiError> {
        match self.session.role {
            Role::Reporter | Role::Office => Ok(()),
            role => Err(ApiError::forbidden(
                format!("role {} may only read", role.as_str()),
                "当前账号只能查看，不能修改数据",
            )),
        }
    }

    /// Rejects every role but the office.
    pub fn require_office(&self) -> Result<(), ApiError> {
        if self.session.role == Role::Office {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "only the supervision office may make this change",
                "只有督查室账号可以进行此项修改",
            ))
        }
    }

    /// Rejects a reporter writing for a unit other than its own.
    pub fn require_unit(
        &self,
        unit: &str,
        what: &str,
        what_zh: &str,
    ) -> Result<(), ApiError> {
        self.require_writer()?;
        if self.session.role == Role::Office {
            return Ok(());
        }
        if self.session.unit.as_deref() == Some(unit) {
            return Ok(());
        }
        let own = self.session.unit.as_deref().unwrap_or("none");
        Err(ApiError::forbidden(
            format!(
                "{what} belongs to unit {unit:?}, but account {} reports \
                 for unit {own:?}",
                self.session.account
            ),
            format!(
                "{what_zh}由单位 {unit} 负责，当前账号只能填报本单位的内容"
            ),
        ))
    }
}

/// What a write changed: the documents to store and the audit entries.
pub struct Change {
    pub docs: Vec<Doc>,
    pub entries: Vec<AuditEntry>,
}

/// 409 for a change that does not fit the stored state.
pub fn conflict(
    code: &'static str,
    message: impl Into<String>,
    message_zh: impl Into<String>,
) -> ApiError {
    ApiError::new(StatusCode::CONFLICT, code, message, message_zh)
}

/// The JSON text of a value, for the audit log.
pub fn json_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}
