//! 督办 (supervision items): overdue, open and closed items raised by
//! the engine's rules or opened by the office, the actions each role
//! may take, and the handling points per unit.

use dukao_core::model::ItemKind;
use dukao_core::supervision::Item;
use leptos::prelude::*;

use crate::api::backend::{self, SessionState};
use crate::components::{with_all, with_report, Empty, SelectField};
use crate::export_buttons::{export_name, ExportButtons};
use crate::format;
use crate::pages::login::NoBackendNotice;
use crate::state::use_app_state;
use crate::table::{header_row, Cell, DataTable, Row};
use crate::view_model::supervision::{
    actions, in_state_filtered, kind_from_key, kind_key, kind_zh,
    points_by_unit, status_zh, units_with_items, ItemFilter, ItemState,
};
use crate::view_model::{indicator_name, unit_name};

#[component]
pub fn Supervision() -> impl IntoView {
    use_app_state().check_session();
    let state = use_app_state();
    let notice = move || match state.session.get() {
        SessionState::NoBackend => {
            Some(view! { <NoBackendNotice /> }.into_any())
        }
        SessionState::LoggedOut => Some(
            view! {
                <p class="muted">
                    "登录后可反馈、整改或办结督办事项。"
                    <a href="/login">"去登录"</a>
                </p>
            }
            .into_any(),
        ),
        _ => None,
    };

    let unit = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let filters = with_report(move |dataset, report| {
        let units = with_all("全部单位", units_with_items(&dataset, &report));
        let kinds = with_all(
            "全部类型",
            [ItemKind::Pre, ItemKind::Post, ItemKind::Missing]
                .into_iter()
                .map(|k| (kind_key(k).to_string(), kind_zh(k).to_string())),
        );
        let open = dataset.figures.open_period;
        let export_period = open.to_string();
        let month = format::period(open);
        let export_file = export_name(&dataset, &month, "督办事项");
        view! {
            <form class="filters" on:submit=|e| e.prevent_default()>
                <SelectField label="牵头单位" options=units value=unit on_change=Callback::new(move |v| unit.set(v)) />
                <SelectField label="督查类型" options=kinds value=kind on_change=Callback::new(move |v| kind.set(v)) />
            </form>
            <ExportButtons kind="supervision" period=export_period file_name=export_file />
        }
    });

    view! {
        <section class="page supervision">
            <h1>"督办"</h1>
            {notice}
            {filters}
            {with_report(move |dataset, report| {
                let filter = ItemFilter {
                    lead_unit: Some(unit.get()).filter(|u| !u.is_empty()),
                    kind: kind_from_key(&kind.get()),
                };
                let overdue = in_state_filtered(&report, ItemState::Overdue, &filter);
                let open = in_state_filtered(&report, ItemState::Open, &filter);
                let closed = in_state_filtered(&report, ItemState::Closed, &filter);
                let points = points_by_unit(&dataset, &report);
                let list = |items: Vec<Item>, empty: &'static str| {
                    if items.is_empty() {
                        view! { <Empty text=empty /> }.into_any()
                    } else {
                        view! {
                            <ul class="item-list">
                                {items.into_iter().map(|item| view! { <ItemCard item=item /> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                };
                view! {
                    <p class="stat-row">
                        <a class="stat alert" href="#overdue"><strong>{overdue.len()}</strong>" ⚠ 已逾期"</a>
                        <a class="stat" href="#open"><strong>{open.len()}</strong>" 办理中"</a>
                        <a class="stat" href="#closed"><strong>{closed.len()}</strong>" ✓ 已办结"</a>
                    </p>
                    <section class="panel" id="overdue">
                        <h2>{format!("已逾期（{}）", overdue.len())}</h2>
                        {list(overdue, "没有逾期的督办事项。")}
                    </section>
                    <section class="panel" id="open">
                        <h2>{format!("办理中（{}）", open.len())}</h2>
                        {list(open, "没有办理中的督办事项。")}
                    </section>
                    <section class="panel" id="closed">
                        <details>
                            <summary><h2>{format!("已办结（{}）", closed.len())}</h2></summary>
                            {list(closed, "还没有办结的督办事项。")}
                        </details>
                    </section>
                    <section class="panel">
                        <h2>"各单位督办得分"</h2>
                        {if points.is_empty() {
                            view! { <Empty text="暂无督办事项。" /> }.into_any()
                        } else {
                            let rows = points
                                .into_iter()
                                .map(|row| {
                                    Row::new(vec![
                                        Cell::Text(row.name),
                                        Cell::count(row.items),
                                        Cell::count(row.open),
                                        Cell::alert_count(row.overdue),
                                        Cell::number(format::signed_points(row.points)),
                                    ])
                                })
                                .collect();
                            let headers = header_row(&["单位", "事项", "未办结", "逾期", "办理得分"]);
                            view! { <DataTable headers=headers rows=rows /> }.into_any()
                        }}
                        <p class="muted small">"按期办结、逾期办结、年底未办结和脱离红色的得分规则见考核方案。"</p>
                    </section>
                }
            })}
        </section>
    }
}

/// One supervision item with the actions the logged-in role may take.
#[component]
pub fn ItemCard(item: Item) -> impl IntoView {
    let state = use_app_state();
    let dataset = state.dataset();
    let name = dataset.as_ref().map_or(item.indicator.clone(), |d| {
        indicator_name(d, &item.indicator)
    });

    let unit = dataset
        .as_ref()
        .map_or(item.lead_unit.clone(), |d| unit_name(d, &item.lead_unit));
    let item_state = ItemState::of(&item);
    let note = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let buttons = {
        let item = item.clone();
        move || {
            let allowed = match state.session.get() {
                SessionState::LoggedIn(s) => {
                    actions(&s.role, s.unit.as_deref(), &item)
                }
                _ => Vec::new(),
            };
            if allowed.is_empty() {
                return None;
            }
            let buttons = allowed
                .into_iter()
                .map(|action| {
                    let item = item.clone();
                    let run = move |_| {
                        let item = item.clone();
                        let text = note.get_untracked();
                        let done = format!("“{}”已提交", action.name_zh());
                        state.run_write(busy, error, done, async move {
                            backend::post_supervision(&item.indicator, item.period, item.kind, action.key(), &text)
                                .await
                        });
                    };
                    view! {
                        <button class="button small" disabled=move || busy.get() on:click=run>
                            {action.name_zh()}
                        </button>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="item-actions">
                    <label>
                        "说明（可选）"
                        <textarea rows="2" maxlength="2000"
                            prop:value=move || note.get()
                            on:input=move |e| note.set(event_target_value(&e))></textarea>
                    </label>
                    <div class="buttons">{buttons}</div>
                </div>
            })
        }
    };

    let class = format!("item-card state-{}", item_state.key());
    let mark = match item_state {
        ItemState::Overdue => "⚠",
        ItemState::Open => "●",
        ItemState::Closed => "✓",
    };

    view! {
        <li class=class>
            <div class="item-head">
                <a href=format!("/indicators/{}", item.indicator)>{name}</a>
                <span class="badge">{kind_zh(item.kind)}</span>
                <span class="item-state">{format!("{mark} {}", item_state.name_zh())}</span>
            </div>
            <p>{format!("{} · {}", format::period(item.period), item.reason)}</p>
            <p class="muted small">
                {format!(
                    "牵头单位：{unit} · 状态：{} · 到期：{} · 办理得分：{}",
                    status_zh(item.status),
                    format::date(item.due),
                    format::signed_points(item.handling_points),
                )}
            </p>
            {item.responded.map(|d| view! { <p class="small">{format!("反馈日期：{}", format::date(d))}</p> })}
            {item.rectified.map(|d| view! { <p class="small">{format!("整改日期：{}", format::date(d))}</p> })}
            {item.closed.map(|d| view! { <p class="small">{format!("办结日期：{}", format::date(d))}</p> })}
            {(!item.note.is_empty()).then(|| view! { <p class="note">{format!("说明：{}", item.note)}</p> })}
            {buttons}
            <p class="field-error" role="alert">{move || error.get()}</p>
        </li>
    }
}
