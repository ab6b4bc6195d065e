//! Milestones, sign-off, supervision item actions and the scheme.

use dukao_core::model::{ItemKind, ItemRecord, ItemStatus, Scheme, Task};
use dukao_core::{evaluate, Dataset, Date, Period, WhatIf};
use serde::Deserialize;

use super::{conflict, json_text, Change, Context};
use crate::auth::Role;
use crate::error::ApiError;
use crate::store::{Doc, Documents};

/// Maximum length of a supervision item's note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// Rejects a completion or sign-off date after today (both record what
/// has happened), or outside the assessment year and the next (as the
/// ledger's validation would, in plainer words).
fn check_date(
    date: Date,
    year: i32,
    context: &Context,
    path: &str,
) -> Result<(), ApiError> {
    // The future first, because that reason applies whatever the year.
    if date > context.today {
        let message = format!(
            "date {date} is after today ({}): give the day it happened",
            context.today
        );
        tracing::warn!(%date, "{message}");
        return Err(ApiError::invalid(
            message,
            format!(
                "日期 {}年{}月{}日 晚于今天，请填写实际完成的日期。",
                date.year, date.month, date.day
            ),
        )
        .at(path)
        .value(date));
    }
    if date.year == year || date.year == year + 1 {
        return Ok(());
    }
    let message = format!(
        "date {date} is outside the assessment year {year} and the next: \
         give a date in {year} or {}",
        year + 1
    );
    tracing::warn!(%date, "{message}");
    Err(ApiError::invalid(
        message,
        format!(
            "日期 {}年{}月{}日 不在考核年度内，请填写 {year} 年或 {} 年的日期。",
            date.year,
            date.month,
            date.day,
            year + 1
        ),
    )
    .at(path)
    .value(date))
}

/// `POST /api/milestones`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneRequest {
    pub task: String,
    /// Index of the milestone in the task, from 0.
    pub milestone: usize,
    pub done: Option<Date>,
}

/// `POST /api/sign-off`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOffRequest {
    pub task: String,
    pub date: Option<Date>,
    /// Completed above its target; unchanged when absent.
    #[serde(default)]
    pub above_target: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupervisionAction {
    Respond,
    Rectify,
    Close,
    Reopen,
}

/// `POST /api/supervision`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionRequest {
    pub indicator: String,
    pub period: Period,
    pub kind: ItemKind,
    pub action: SupervisionAction,
    #[serde(default)]
    pub note: String,
    /// The date the action took place; today when absent.
    #[serde(default)]
    pub date: Option<Date>,
}

fn task_mut<'a>(
    documents: &'a mut Documents,
    id: &str,
) -> Result<&'a mut Task, ApiError> {
    documents
        .ledger
        .tasks
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::unknown("task", "任务", id).at("$.task"))
}

/// Marks a milestone done on a date, or not done.
pub fn apply_milestone(
    documents: &mut Documents,
    context: &Context,
    request: &MilestoneRequest,
) -> Result<Change, ApiError> {
    if let Some(done) = request.done {
        check_date(done, documents.scheme.year, context, "$.done")?;
    }
    let task = task_mut(documents, &request.task)?;
    context.require_unit(
        &task.unit,
        &format!("task {}", task.id),
        &format!("任务“{}”", task.title),
    )?;
    let count = task.milestones.len();
    let task_id = task.id.clone();
    let signed_off = task.signed_off;
    let Some(milestone) = task.milestones.get_mut(request.milestone) else {
        return Err(ApiError::unknown(
            "milestone",
            "节点",
            &request.milestone.to_string(),
        )
        .at("$.milestone")
        .value(format!(
            "{} (task {task_id} has {count} milestones)",
            request.milestone
        )));
    };
    if let Some(signed_off) = signed_off {
        if milestone.done != request.done {
            let message = format!(
                "task {task_id} was signed off on {signed_off}: withdraw \
                 the sign-off before changing its milestones"
            );
            tracing::warn!(task = %task_id, "{message}");
            return Err(ApiError::invalid(
                message,
                "任务已销号：请先撤销销号，再修改节点。",
            )
            .at("$.milestone")
            .value(request.milestone));
        }
    }
    let old = milestone.done;
    milestone.done = request.done;
    let entry = context.entry(
        "milestone.set",
        format!("ledger/{task_id}/milestones/{}", request.milestone),
        Some(json_text(&old)),
        Some(json_text(&request.done)),
    );
    Ok(Change {
        docs: vec![Doc::Ledger],
        entries: vec![entry],
    })
}

/// Signs a task off on a date (销号), or withdraws the sign-off.
pub fn apply_sign_off(
    documents: &mut Documents,
    context: &Context,
    request: &SignOffRequest,
) -> Result<Change, ApiError> {
    // Signing off is the office's (see docs/api.md).
    context.require_office()?;
    let year = documents.scheme.year;
    let task = task_mut(documents, &request.task)?;
    if let Some(date) = request.date {
        check_date(date, year, context, "$.date")?;
        if let Err(e) = dukao_core::ledger::check_sign_off(task, date) {
            let message = format!("task {} cannot be signed off: {}", task.id, e.message());
            tracing::warn!(task = %task.id, %date, "{message}");
            return Err(ApiError::invalid(message, e.message_zh())
                .at("$.date")
                .value(date));
        }
    }
    let old = serde_json::json!({
        "signed_off": task.signed_off,
        "above_target": task.above_target,
    });
    task.signed_off = request.date;
    if let Some(above) = request.above_target {
        task.above_target = above;
    }
    // 超额完成 describes a sign-off, so it goes with it.
    if request.date.is_none() {
        task.above_target = false;
    }
    let new = serde_json::json!({
        "signed_off": task.signed_off,
        "above_target": task.above_target,
    });
    let entry = context.entry(
        "sign_off.set",
        format!("ledger/{}", task.id),
        Some(old.to_string()),
        Some(new.to_string()),
    );
    Ok(Change {
        docs: vec![Doc::Ledger],
        entries: vec![entry],
    })
}

/// Checks whether the rules raise an item for this indicator, period
/// and kind, by evaluating the current documents.
fn raised_by_rule(
    documents: &Documents,
    indicator: &str,
    period: Period,
    kind: ItemKind,
) -> Result<bool, ApiError> {
    let dataset = Dataset::new(
        documents.scheme.clone(),
        documents.figures.clone(),
        documents.ledger.clone(),
        documents.supervision.clone(),
    )
    .map_err(|e| ApiError::internal(format!("stored data invalid: {e}")))?;
    let report = evaluate(&dataset, &WhatIf::default());
    Ok(report.supervision.iter().any(|item| {
        item.indicator == indicator
            && item.period == period
            && item.kind == kind
    }))
}

fn transition_error(action: SupervisionAction, status: ItemStatus) -> ApiError {
    conflict(
        "invalid_transition",
        format!("cannot {action:?} an item whose status is {status:?}")
            .to_lowercase(),
        format!("督办事项当前状态为“{}”，不能执行此操作", status_zh(status)),
    )
    .at("$.action")
}

fn status_zh(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Open => "待办",
        ItemStatus::Responded => "已反馈",
        ItemStatus::Rectified => "已整改",
        ItemStatus::Closed => "已办结",
    }
}

/// Records an action on a supervision item. Reporters respond and
/// rectify items of indicators their unit leads; closing and reopening
/// are the office's. The office may also act on an item no rule raises,
/// which opens it (督查室立项).
pub fn apply_supervision(
    documents: &mut Documents,
    context: &Context,
    request: &SupervisionRequest,
) -> Result<Change, ApiError> {
    let spec = documents
        .scheme
        .indicators
        .iter()
        .find(|i| i.id == request.indicator)
        .ok_or_else(|| {
            ApiError::unknown("indicator", "指标", &request.indicator)
                .at("$.indicator")
        })?;
    context.require_unit(
        &spec.lead_unit,
        &format!("indicator {}", spec.id),
        &format!("指标“{}”", spec.name),
    )?;
    let office = context.session.role == Role::Office;

    if matches!(
        request.action,
        SupervisionAction::Close | SupervisionAction::Reopen
    ) {
        context.require_office()?;
    }
    if request.note.chars().count() > MAX_NOTE_CHARS {
        return Err(ApiError::invalid(
            format!("note is longer than {MAX_NOTE_CHARS} characters"),
            format!("说明超过 {MAX_NOTE_CHARS} 字，请精简后再提交"),
        )
        .at("$.note"));
    }

    let documents_year = documents.scheme.year;
    let as_of = documents.figures.as_of;
    let key = (request.indicator.as_str(), request.period, request.kind);
    let existing = documents
        .supervision
        .items
        .iter()
        .position(|r| (r.indicator.as_str(), r.period, r.kind) == key);
    if existing.is_none()
        && !office
        && !raised_by_rule(documents, key.0, key.1, key.2)?
    {
        let id = dukao_core::supervision::item_id(key.2, key.0, key.1);
        return Err(ApiError::unknown("supervision item", "督办事项", &id));
    }
    let index = existing.unwrap_or_else(|| {
        documents.supervision.items.push(ItemRecord {
            indicator: request.indicator.clone(),
            period: request.period,
            kind: request.kind,
            status: ItemStatus::Open,
            due: None,
            responded: None,
            rectified: None,
            closed: None,
            note: String::new(),
        });
        documents.supervision.items.len() - 1
    });

    let record = &mut documents.supervision.items[index];
    let old = existing.map(|_| json_text(record));
    let date = request
        .date
        .unwrap_or_else(|| default_date(documents_year, as_of, context.today));
    match (request.action, record.status) {
        (SupervisionAction::Respond, ItemStatus::Open)
        | (SupervisionAction::Respond, ItemStatus::Responded) => {
            record.status = ItemStatus::Responded;
            record.responded = Some(date);
        }
        (SupervisionAction::Rectify, status)
            if status != ItemStatus::Closed =>
        {
            record.status = ItemStatus::Rectified;
            record.rectified = Some(date);
        }
        (SupervisionAction::Close, status) if status != ItemStatus::Closed => {
            record.status = ItemStatus::Closed;
            record.closed = Some(date);
        }
        (SupervisionAction::Reopen, ItemStatus::Closed) => {
            record.status = ItemStatus::Open;
            record.closed = None;
        }
        (action, status) => return Err(transition_error(action, status)),
    }

    if !request.note.trim().is_empty() {
        record.note = request.note.trim().to_string();
    }
    let id = dukao_core::supervision::item_id(key.2, key.0, key.1);
    let entry = context.entry(
        &format!("supervision.{}", action_name(request.action)),
        format!("supervision/{id}"),
        old,
        Some(json_text(record)),
    );
    Ok(Change {
        docs: vec![Doc::Supervision],
        entries: vec![entry],
    })
}

/// Today when it falls in the assessment year or the year after (the
/// dates the documents accept), else the figures' `as_of` date, so that
/// a past year's data (such as the demo) still takes actions.
fn default_date(year: i32, as_of: Date, today: Date) -> Date {
    if today.year == year || today.year == year + 1 {
        today
    } else {
        as_of
    }
}

fn action_name(action: SupervisionAction) -> &'static str {
    match action {
        SupervisionAction::Respond => "respond",
        SupervisionAction::Rectify => "rectify",
        SupervisionAction::Close => "close",
        SupervisionAction::Reopen => "reopen",
    }
}

/// Replaces the whole scheme (office only).
pub fn apply_scheme(
    documents: &mut Documents,
    context: &Context,
    scheme: Scheme,
) -> Result<Change, ApiError> {
    context.require_office()?;
    let old = json_text(&documents.scheme);
    let new = json_text(&scheme);
    documents.scheme = scheme;
    let entry = context.entry(
        "scheme.replace",
        "scheme".to_string(),
        Some(old),
        Some(new),
    );
    Ok(Change {
        docs: vec![Doc::Scheme],
        entries: vec![entry],
    })
}
