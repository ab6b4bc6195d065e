//! 任务 (task ledger): the lists by unit, milestones by month with the
//! overdue ones marked, sign-off, and the statistics (signed off; early
//! or above target).

use dukao_core::ledger::{Counts, MilestoneState};
use dukao_core::model::TaskList;
use dukao_core::{Dataset, Date};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::backend::{self, Session, SessionState};
use crate::components::{with_all, with_dataset, Empty, SelectField};
use crate::export_buttons::{export_name, ExportButtons};
use crate::format;
use crate::pages::login::NoBackendNotice;
use crate::state::{use_app_state, AppState, Shared};
use crate::table::{header_row, Cell, DataTable, Row};
use crate::view_model::tasks::{
    action_date, by_unit, list_from_key, list_key, month_strip, DateRange,
    TaskFilter, TaskRow, UnitTasks,
};

#[component]
pub fn Tasks() -> impl IntoView {
    use_app_state().check_session();
    view! {
        <section class="page tasks">
            <h1>"任务"</h1>
            {with_dataset(|dataset| view! { <TaskLedger dataset=dataset /> })}
        </section>
    }
}

fn milestone_mark(state: MilestoneState) -> &'static str {
    match state {
        MilestoneState::Done => "✓",
        MilestoneState::Overdue => "⚠",
        MilestoneState::DueThisMonth => "●",
        MilestoneState::Upcoming => "○",
    }
}

fn milestone_class(state: MilestoneState) -> &'static str {
    match state {
        MilestoneState::Done => "ms done",
        MilestoneState::Overdue => "ms overdue",
        MilestoneState::DueThisMonth => "ms due",
        MilestoneState::Upcoming => "ms upcoming",
    }
}

/// Whether the session may write the tasks of `unit`.
fn may_write(session: &SessionState, unit: &str) -> bool {
    match session {
        SessionState::LoggedIn(Session {
            role, unit: own, ..
        }) => {
            role == "office"
                || (role == "reporter" && own.as_deref() == Some(unit))
        }
        _ => false,
    }
}

/// Returns whether the session may sign tasks off (销号): the office only.
fn may_sign_off(session: &SessionState) -> bool {
    matches!(session, SessionState::LoggedIn(s) if s.role == "office")
}

/// Renders a button that acts on the second tap: the first shows
/// `confirm` for a few seconds, so an undo is never a single slip.
#[component]
fn ConfirmButton(
    label: &'static str,
    confirm: String,
    busy: RwSignal<bool>,
    on_confirm: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let armed = RwSignal::new(false);
    // The question stays disabled for a moment, so a double tap cannot
    // confirm it before it is read.
    let ready = RwSignal::new(false);
    let click = move |_| {
        if armed.get_untracked() {
            if ready.get_untracked() {
                armed.set(false);
                on_confirm();
            }
        } else {
            armed.set(true);
            ready.set(false);
            set_timeout(move || ready.set(true), std::time::Duration::from_millis(600));
            set_timeout(move || armed.set(false), std::time::Duration::from_secs(5));
        }
    };
    view! {
        <button
            class="button small"
            class:confirming=move || armed.get()
            disabled=move || busy.get() || (armed.get() && !ready.get())
            on:click=click
        >
            {move || if armed.get() { confirm.clone() } else { label.to_string() }}
        </button>
    }
}

/// Returns the dates a completion or sign-off may carry: from the start
/// of the assessment year to the action date (see [`action_date`]).
fn action_range(state: AppState) -> DateRange {
    let today = backend::today();
    match state.dataset() {
        Some(d) => DateRange::new(
            d.scheme.year,
            action_date(today, d.scheme.year, d.figures.as_of),
        ),
        // Writes are offered only once data is loaded.
        None => {
            let day = today.unwrap_or(Date {
                year: 2000,
                month: 1,
                day: 1,
            });
            DateRange::new(day.year, day)
        }
    }
}

/// Renders a date picker limited to `range` and bound to `text`.
#[component]
fn DateField(
    label: &'static str,
    range: DateRange,
    text: RwSignal<String>,
    test_id: &'static str,
) -> impl IntoView {
    view! {
        <label class="date-field">
            <span>{label}</span>
            <input
                type="date"
                min=range.first.to_string()
                max=range.last.to_string()
                prop:value=move || text.get()
                on:input=move |e| text.set(event_target_value(&e))
                data-testid=test_id
            />
        </label>
    }
}

#[component]
fn TaskLedger(dataset: Shared<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let query = use_query_map();
    let initial = query.get_untracked();
    let unit = RwSignal::new(initial.get("unit").unwrap_or_default());
    let list = RwSignal::new(initial.get("list").unwrap_or_default());
    let behind_only = RwSignal::new(initial.get("behind").is_some());
    let stats = move || {
        let report = state.report.get()?;
        let ledger = &report.ledger;
        Some(view! {
            <CountsTable total=ledger.total by_list=ledger.by_list.clone() />
        })
    };

    let unit_options = with_all(
        "全部单位",
        dataset
            .scheme
            .units
            .iter()
            .filter(|u| dataset.ledger.tasks.iter().any(|t| t.unit == u.id))
            .map(|u| (u.id.clone(), u.name.clone())),
    );

    let list_options = with_all(
        "全部清单",
        TaskList::ALL
            .into_iter()
            .map(|l| (list_key(l).to_string(), l.name_zh().to_string())),
    );

    let notice = move || match state.session.get() {
        SessionState::NoBackend => {
            Some(view! { <NoBackendNotice /> }.into_any())
        }
        SessionState::LoggedOut => Some(
            view! { <p class="muted">"登录后可更新节点完成情况和销号。"</p> }
                .into_any(),
        ),
        _ => None,
    };

    let export_period = dataset.figures.open_period.to_string();
    let year = format!("{}年", dataset.scheme.year);
    let export_file = export_name(&dataset, &year, "任务底册");
    let units = move || {
        let report = state.report.get()?;
        let filter = TaskFilter {
            unit: Some(unit.get()).filter(|u| !u.is_empty()),
            list: list_from_key(&list.get()),
            behind_only: behind_only.get(),
        };
        let units = by_unit(&dataset, &report, &filter);
        let single = units.len() == 1;
        Some(if units.is_empty() {
            view! { <Empty text="没有符合条件的任务。" /> }.into_any()
        } else {
            units
                .into_iter()
                .map(|u| view! { <UnitSection unit=u open=single /> })
                .collect_view()
                .into_any()
        })
    };

    view! {
        <section class="panel">
            <h2>"统计"</h2>
            {stats}
        </section>
        {notice}
        <form class="filters" on:submit=|e| e.prevent_default()>
            <SelectField label="责任单位" options=unit_options value=unit on_change=Callback::new(move |v| unit.set(v)) />
            <SelectField label="任务清单" options=list_options value=list on_change=Callback::new(move |v| list.set(v)) />
            <label class="check">
                <input type="checkbox" prop:checked=move || behind_only.get()
                    on:change=move |e| behind_only.set(event_target_checked(&e)) />
                "只看滞后任务"
            </label>
        </form>
        <ExportButtons kind="ledger" period=export_period file_name=export_file />
        <p class="legend muted">"节点：✓ 已完成 · ⚠ 已逾期 · ● 本月到期 · ○ 未到期"</p>
        {units}
    }
}

#[component]
fn CountsTable(
    total: Counts,
    by_list: Vec<(TaskList, Counts)>,
) -> impl IntoView {
    let row = |name: &str, c: Counts| {
        Row::new(vec![
            Cell::text(name),
            Cell::count(c.tasks),
            Cell::count(c.signed_off),
            Cell::count(c.on_track),
            Cell::alert_count(c.behind),
            Cell::alert_count(c.overdue_milestones),
            Cell::count(c.early),
            Cell::number(format::percent(c.early_share())),
        ])
    };

    let mut rows: Vec<Row> = by_list
        .into_iter()
        .filter(|(_, c)| c.tasks > 0)
        .map(|(list, c)| row(list.name_zh(), c))
        .collect();
    rows.push(row("合计", total));

    let headers = header_row(&[
        "清单",
        "任务",
        "已销号",
        "正常推进",
        "滞后",
        "逾期节点",
        "提前或超额",
        "提前或超额占比",
    ]);

    view! {
        <DataTable headers=headers rows=rows />
        <p class="muted small">"提前或超额占比 = 提前或超额完成的任务 ÷ 已销号任务。"</p>
    }
}

/// A unit's tasks, rendered only once opened, so a ledger of hundreds
/// of tasks stays light on a phone.
#[component]
fn UnitSection(unit: UnitTasks, open: bool) -> impl IntoView {
    let shown = RwSignal::new(open);
    let c = unit.counts;
    let summary = format!(
        "{}：任务 {} · 已销号 {} · 滞后 {} · 逾期节点 {}",
        unit.name, c.tasks, c.signed_off, c.behind, c.overdue_milestones
    );

    let tasks = unit.tasks;
    view! {
        <details class="unit-tasks" open=open>
            <summary class:alert={c.overdue_milestones > 0} on:click=move |_| shown.set(true)>
                {summary}
            </summary>
            {move || shown.get().then(|| {
                view! {
                    <ul class="task-list">
                        {tasks.clone().into_iter().map(|t| view! { <TaskCard task=t /> }).collect_view()}
                    </ul>
                }
            })}
        </details>
    }
}

#[component]
fn TaskCard(task: TaskRow) -> impl IntoView {
    let state = use_app_state();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let unit = task.unit.clone();
    let writable = move || may_write(&state.session.get(), &unit);
    let strip = month_strip(&task);
    let strip_view = strip
        .iter()
        .enumerate()
        .map(|(m, slot)| {
            let (mark, class) = match slot {
                Some(s) => (milestone_mark(*s), milestone_class(*s)),
                None => ("", "ms none"),
            };
            let title = slot.map_or(format!("{}月 无节点", m + 1), |s| format!("{}月 {}", m + 1, s.name_zh()));
            view! { <span class=class title=title.clone() aria-label=title><small>{m + 1}</small>{mark}</span> }
        })
        .collect_view();
    let task_id = task.id.clone();
    let range = action_range(state);
    let signed = task.signed_off.is_some();
    let milestones = task
        .milestones
        .iter()
        .map(|m| {
            let index = m.index;
            let done = m.done.is_some();
            let id = task_id.clone();
            let writable = writable.clone();
            let picked = RwSignal::new(range.last.to_string());
            let milestone_error = RwSignal::new(None::<String>);
            let mark_done = {
                let id = id.clone();
                move |_| {
                    let date = match range.pick(&picked.get_untracked(), "完成日期") {
                        Ok(date) => date,
                        Err(message) => {
                            milestone_error.set(Some(message));
                            return;
                        }
                    };
                    let id = id.clone();
                    state.run_write(busy, milestone_error, "已标记节点完成".to_string(), async move {
                        backend::post_milestone(&id, index, Some(date)).await
                    });
                }
            };
            let undo = move || {
                let id = id.clone();
                state.run_write(busy, milestone_error, "已撤销节点完成".to_string(), async move {
                    backend::post_milestone(&id, index, None).await
                });
            };
            let undo_confirm = m
                .done
                .map(|d| format!("确认撤销？将清除完成日期 {}", format::date(d)))
                .unwrap_or_default();
            view! {
                <li class=milestone_class(m.state)>
                    <span class="ms-mark">{milestone_mark(m.state)}</span>
                    <span class="ms-goal">{format!("{} {}", format::period(m.due), m.goal)}</span>
                    <span class="ms-detail muted small">
                        {m.state.name_zh()}
                        {m.done.map(|d| format!("（{}）", format::date(d)))}
                        {(!m.people.is_empty()).then(|| format!(" 责任人：{}", m.people.join("、")))}
                    </span>
                    {move || (writable() && !signed).then(|| {
                        let action = if done {
                            view! {
                                <ConfirmButton label="撤销完成" confirm=undo_confirm.clone() busy=busy on_confirm=undo.clone() />
                            }
                            .into_any()
                        } else {
                            view! {
                                <DateField label="完成日期" range=range text=picked test_id="milestone-date" />
                                <button class="button small" disabled=move || busy.get() on:click=mark_done.clone()>
                                    "标记完成"
                                </button>
                            }
                            .into_any()
                        };
                        view! {
                            <div class="ms-actions">{action}</div>
                            <p class="field-error" role="alert">{move || milestone_error.get()}</p>
                        }
                    })}
                </li>
            }
        })
        .collect_view();
    let above = RwSignal::new(false);
    let sign_off_text = RwSignal::new(range.last.to_string());
    let open_milestones = task.milestones.iter().filter(|m| m.done.is_none()).count();
    let sign_off = {
        let id = task.id.clone();
        move |_| {
            let date = match range.pick(&sign_off_text.get_untracked(), "销号日期") {
                Ok(date) => date,
                Err(message) => {
                    error.set(Some(message));
                    return;
                }
            };
            // The server checks the same rule; checking here first gives
            // the reason without a round trip.
            let rule = state.dataset().and_then(|d| {
                let task = d.ledger.tasks.iter().find(|t| t.id == id)?;
                dukao_core::ledger::check_sign_off(task, date).err()
            });
            if let Some(rule) = rule {
                error.set(Some(rule.message_zh()));
                return;
            }
            let id = id.clone();
            let above_target = Some(above.get_untracked());
            state.run_write(busy, error, "已销号".to_string(), async move {
                backend::post_sign_off(&id, Some(date), above_target).await
            });
        }
    };
    let withdraw = {
        let id = task.id.clone();
        move || {
            let id = id.clone();
            state.run_write(busy, error, "已撤销销号".to_string(), async move {
                backend::post_sign_off(&id, None, None).await
            });
        }
    };
    let withdraw_confirm = task
        .signed_off
        .map(|d| format!("确认撤销？将清除销号日期 {}", format::date(d)))
        .unwrap_or_default();
    let sign_off_actions = move || {
        if !may_sign_off(&state.session.get()) {
            return None;
        }
        Some(if signed {
            view! {
                <div class="task-actions">
                    <ConfirmButton label="撤销销号" confirm=withdraw_confirm.clone() busy=busy on_confirm=withdraw.clone() />
                </div>
            }
            .into_any()
        } else if open_milestones > 0 {
            view! {
                <p class="muted small" data-testid="sign-off-blocked">
                    {format!("尚有 {open_milestones} 个节点未完成，全部完成后可销号。")}
                </p>
            }
            .into_any()
        } else {
            view! {
                <div class="task-actions">
                    <DateField label="销号日期" range=range text=sign_off_text test_id="sign-off-date" />
                    <label class="check">
                        <input type="checkbox" on:change=move |e| above.set(event_target_checked(&e)) />
                        "超额完成"
                    </label>
                    <button class="button small" disabled=move || busy.get() on:click=sign_off.clone()>
                        "销号"
                    </button>
                </div>
            }
            .into_any()
        })
    };

    let state_class = format!(
        "task-state {}",
        match task.state {
            dukao_core::ledger::TaskState::SignedOff => "signed",
            dukao_core::ledger::TaskState::OnTrack => "on-track",
            dukao_core::ledger::TaskState::Behind => "behind",
        }
    );

    let state_mark = match task.state {
        dukao_core::ledger::TaskState::SignedOff => "✓",
        dukao_core::ledger::TaskState::OnTrack => "→",
        dukao_core::ledger::TaskState::Behind => "⚠",
    };

    view! {
        <li class="task-card" class:behind={task.overdue > 0}>
            <div class="task-head">
                <strong>{task.title.clone()}</strong>
                <span class=state_class>{format!("{state_mark} {}", task.state.name_zh())}</span>
                {task.early.then(|| view! { <span class="badge early">"★ 提前或超额"</span> })}
            </div>
            <p class="muted small">{format!("{} · 目标：{}", task.list.name_zh(), task.target)}</p>
            {task.signed_off.map(|d| view! { <p class="small">{format!("销号日期：{}", format::date(d))}</p> })}
            <div class="month-strip" role="list" aria-label="各月节点">{strip_view}</div>
            <details>
                <summary>{format!("节点（{} 个）", task.milestones.len())}</summary>
                <ul class="milestones">{milestones}</ul>
            </details>
            {sign_off_actions}
            {move || (signed && writable()).then(|| view! {
                <p class="muted small">"任务已销号，节点不再修改；如需修改请先由督查室撤销销号。"</p>
            })}
            <p class="field-error" role="alert">{move || error.get()}</p>
        </li>
    }
}
