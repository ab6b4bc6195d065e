//! Indicator detail (/indicators/:id): the home figure month by month
//! against the group's peers, this month's peers in rank order, rank
//! history, projected score, the figures needed for the next rank and
//! for green, and the supervision items the indicator raised.

use charming::Chart;
use dukao_core::evaluate::{Gap, GapTarget};
use dukao_core::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::chart_options::{peers_chart, trend_chart};
use crate::charts::EChart;
use crate::components::{
    with_dataset, ColourBadge, Empty, ErrorMessage, SelectField,
};
use crate::format;
use crate::pages::indicators::period_from_query;
use crate::pages::supervision::ItemCard;
use crate::state::{use_app_state, Shared};
use crate::table::{header_row, Cell, DataTable, Row};
use crate::view_model::detail::{detail, Detail, PeerFigure};
use crate::view_model::indicators::periods;

#[component]
pub fn IndicatorDetail() -> impl IntoView {
    view! {
        <section class="page detail">
            {with_dataset(|dataset| view! { <DetailScreen dataset=dataset /> })}
        </section>
    }
}

/// The screen for one dataset. The detail is a memo over the report, so
/// what-if figures update the sections in place and the two charts keep
/// their ECharts instances and only receive new options.
#[component]
fn DetailScreen(dataset: Shared<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let period_options: Vec<(String, String)> = periods(&dataset)
        .into_iter()
        .map(|p| (p.to_string(), format::period(p)))
        .collect();
    let detail = Memo::new(move |_| {
        let report = state.report.get()?;
        let period = period_from_query(&dataset, query.get().get("period"));
        detail(&dataset, &report, &id.get(), period)
    });

    let period_value = Signal::derive(move || {
        detail
            .with(|d| d.as_ref().map(|d| d.period.to_string()))
            .unwrap_or_default()
    });
    let on_period = Callback::new(move |value: String| {
        let url = format!("/indicators/{}?period={value}", id.get_untracked());
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });

    let found = move || detail.with(Option::is_some);
    let not_found = move || {
        view! {
            <h1>"指标详情"</h1>
            <ErrorMessage message=format!(
                "指标“{}”不在当前考核方案中，可能已调整或链接有误，请从指标列表进入。",
                id.get(),
            ) />
            <a href="/indicators" class="button">"返回指标列表"</a>
        }
    };

    let trend = Signal::derive(move || {
        detail.with(|d| match d {
            Some(d) => {
                let months: Vec<String> =
                    d.months.iter().map(|p| format::month(*p)).collect();
                trend_chart(&months, &d.trend, &d.measure)
            }
            None => Chart::new(),
        })
    });

    let peers = Signal::derive(move || {
        detail.with(|d| match d {
            Some(d) => peers_chart(&d.peers, &d.measure),
            None => Chart::new(),
        })
    });

    let peers_height =
        move || detail.with(|d| d.as_ref().map_or(0, |d| d.peers.len() as u32));
    let name = move || detail.with(|d| d.as_ref().map(|d| d.name.clone()));
    let period_text =
        move || detail.with(|d| d.as_ref().map(|d| format::period(d.period)));
    view! {
        <Show when=found fallback=not_found>
            {move || detail.get().map(|d| view! { <Summary detail=d /> })}
            <form class="filters" on:submit=|e| e.prevent_default()>
                <SelectField label="月份" options=period_options.clone() value=period_value on_change=on_period />
            </form>
            <section class="panel">
                <h2>"走势：本区与小组各区县"</h2>
                <EChart
                    chart=trend
                    height=320
                    test_id="detail-trend-chart"
                    label=format!("{} 月度走势图", name().unwrap_or_default())
                />
                {move || detail.get().map(|d| view! { <TrendTable detail=d /> })}
            </section>
            <section class="panel">
                <h2>{move || format!("{} 各区县排名", period_text().unwrap_or_default())}</h2>
                <EChart
                    chart=peers
                    height=(peers_height() * 28 + 60).max(200)
                    test_id="detail-peers-chart"
                    label=format!("{} 各区县数值条形图", name().unwrap_or_default())
                />
                {move || {
                    detail
                        .get()
                        .map(|d| view! { <PeersTable peers=d.peers decimals=d.decimals /> })
                }}
            </section>
            {move || detail.get().map(|d| view! { <HistoryAndItems detail=d /> })}
        </Show>
    }
}

/// Header, current month and projection.
#[component]
fn Summary(detail: Detail) -> impl IntoView {
    let decimals = detail.decimals;
    let measure = detail.measure.clone();
    let current = detail.current.clone();
    let projection = detail.projection.clone();
    let figure = move |value: Option<f64>| {
        format::figure_with_measure(value, decimals, &measure)
    };

    let gap_line = {
        let figure = figure.clone();
        move |label: &'static str,
              target: Option<GapTarget>,
              none: &'static str| match target {
            Some(t) => format!(
                "{label}：需达到 {}（小组第 {} 名，{} 分）",
                figure(Some(t.value)),
                t.group_rank,
                format::signed_points(t.points_added)
            ),
            None => format!("{label}：{none}"),
        }
    };

    let gaps = move |gap: Gap| {
        view! {
            <li>{gap_line("进位", gap.next_rank, "已居小组首位或暂无数据")}</li>
            <li>{gap_line("达绿", gap.green, "已为绿色或暂无数据")}</li>
        }
    };

    let support = if detail.support_unit_names.is_empty() {
        String::new()
    } else {
        format!("（配合：{}）", detail.support_unit_names.join("、"))
    };

    let ranked = if detail.monthly {
        "参与月度排名"
    } else {
        "不参与月度排名"
    };

    view! {
        <nav class="breadcrumb" aria-label="位置">
            <a href="/indicators">"指标"</a>
            " › "
            {detail.area_name.clone()}
        </nav>
        <h1>{detail.name.clone()}</h1>
        <p class="muted">
            {format!(
                "{} · 牵头单位：{}{support} · 满分 {} · {} · {ranked}",
                detail.area_name,
                detail.lead_unit_name,
                detail.full_points,
                format::direction(detail.direction),
            )}
        </p>
        <p class="muted">{format!("计分方法：{}", detail.method)}</p>
        <div class="tiles">
            <div class="tile">
                <h2>{format!("{} 本区", format::period(detail.period))}</h2>
                {match current {
                    Some(c) => view! {
                        <p class="big-number">{figure(c.value)}</p>
                        <p class="rank-pair">
                            <span>"全市 " <strong>{format::rank_text(c.city_rank)}</strong></span>
                            <span>"小组 " <strong>{format::rank_text(c.group_rank)}</strong></span>
                        </p>
                        <p>"得分 " {format::points(c.score)} " " <ColourBadge colour=c.colour /></p>
                        <ul class="plain">{gaps(detail.gap)}</ul>
                    }
                    .into_any(),
                    None => view! { <Empty text="该月份此指标不参与考核。" /> }.into_any(),
                }}
            </div>
            <div class="tile">
                <h2>"预估全年"</h2>
                {match projection {
                    Some(p) => view! {
                        <p class="big-number">{format::points(p.score)} <small>" 分"</small></p>
                        <p class="rank-pair">
                            <span>"全市 " <strong>{format::rank_text(p.city_rank)}</strong></span>
                            <span>"小组 " <strong>{format::rank_text(p.group_rank)}</strong></span>
                        </p>
                        <p>"预估全年数值 " {figure(p.value)} " " <ColourBadge colour=p.colour /></p>
                        <p class="muted">"本月需报数值："</p>
                        <ul class="plain">{gaps(detail.projected_gap)}</ul>
                    }
                    .into_any(),
                    None => view! { <Empty text="此指标本月不参与考核，没有预估。" /> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Rank history and supervision items.
#[component]
fn HistoryAndItems(detail: Detail) -> impl IntoView {
    let decimals = detail.decimals;
    let rows = detail
        .history
        .iter()
        .map(|row| {
            Row::new(vec![
                Cell::text(format::period(row.period)),
                Cell::number(format::figure(row.value, decimals)),
                Cell::number(format::rank_text(row.city_rank)),
                Cell::number(format::rank_text(row.group_rank)),
                Cell::Change(row.rank_change),
                Cell::number(format::points(row.score)),
                Cell::Colour(row.colour),
            ])
        })
        .collect();
    let headers =
        header_row(&["月份", "数值", "全市", "小组", "变化", "得分", "颜色"]);
    let items = if detail.items.is_empty() {
        view! { <Empty text="此指标没有督办事项。" /> }.into_any()
    } else {
        let cards = detail
            .items
            .into_iter()
            .map(|item| view! { <ItemCard item=item /> })
            .collect_view();
        view! { <ul class="item-list">{cards}</ul> }.into_any()
    };

    view! {
        <section class="panel">
            <h2>"排名历史"</h2>
            <DataTable headers=headers rows=rows />
        </section>
        <section class="panel">
            <h2>"督办事项"</h2>
            {items}
        </section>
    }
}

/// The trend as a table: months down, the group's peers across.
#[component]
fn TrendTable(detail: Detail) -> impl IntoView {
    let decimals = detail.decimals;
    let mut headers = vec!["月份".to_string()];
    headers.extend(detail.trend.iter().map(|s| s.name.clone()));

    let rows = detail
        .months
        .iter()
        .enumerate()
        .map(|(k, period)| {
            let mut cells = vec![Cell::text(format::month(*period))];
            cells.extend(detail.trend.iter().map(|s| {
                let text = format::figure(s.values[k], decimals);
                if s.is_home {
                    Cell::Strong(text)
                } else {
                    Cell::Number(text)
                }
            }));
            Row::new(cells)
        })
        .collect();
    view! {
        <details class="table-details">
            <summary>"查看逐月数据表"</summary>
            <DataTable headers=headers rows=rows />
        </details>
    }
}

#[component]
fn PeersTable(peers: Vec<PeerFigure>, decimals: u32) -> impl IntoView {
    let rows = peers
        .into_iter()
        .map(|p| {
            let (name, group_rank) = if p.in_home_group {
                (p.name, format::rank_text(p.group_rank))
            } else {
                (format!("{}（外组）", p.name), "—".to_string())
            };
            Row::highlighted(
                vec![
                    Cell::number(format::rank_text(p.city_rank)),
                    Cell::Text(name),
                    Cell::number(format::figure(p.value, decimals)),
                    Cell::number(group_rank),
                    Cell::number(format::points(p.score)),
                    Cell::Colour(p.colour),
                ],
                p.is_home,
            )
        })
        .collect();
    let headers = header_row(&["全市", "区县", "数值", "小组", "得分", "颜色"]);
    view! {
        <details class="table-details">
            <summary>"查看排名表"</summary>
            <DataTable headers=headers rows=rows />
        </details>
    }
}
