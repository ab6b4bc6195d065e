//! 排名 (大排名): city rank and group rank side by side for every
//! monthly-ranked indicator, the peers' totals, and the link to the
//! month's printable bulletin.

use dukao_core::Dataset;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::{with_dataset, ColourBadge, Empty, RankChange};
use crate::format;
use crate::pages::indicators::period_from_query;
use crate::state::{use_app_state, Shared};
use crate::view_model::indicators::periods;
use crate::view_model::ranking::{board, Board, Standing};

#[component]
pub fn Ranking() -> impl IntoView {
    view! {
        <section class="page ranking">
            <h1>"排名"</h1>
            {with_dataset(|dataset| view! { <RankingBoard dataset=dataset /> })}
        </section>
    }
}

#[component]
fn RankingBoard(dataset: Shared<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let query = use_query_map();
    let navigate = use_navigate();
    let period = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            period_from_query(&dataset, query.get().get("period"))
        })
    };
    let options = periods(&dataset)
        .into_iter()
        .map(|p| {
            let selected = move || period.get() == p;
            view! { <option value=p.to_string() selected=selected>{format::period(p)}</option> }
        })
        .collect_view();
    let on_change = move |e: leptos::ev::Event| {
        let url = format!("/ranking?period={}", event_target_value(&e));
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let content = move || {
        let report = state.report.get()?;
        let board = board(&dataset, &report, period.get());
        Some(view! { <BoardView board=board /> })
    };
    view! {
        <form class="filters" on:submit=|e| e.prevent_default()>
            <label>"月份" <select on:change=on_change>{options}</select></label>
            <A href=move || format!("/ranking/bulletin/{}", period.get()) attr:class="button">
                "排名通报（可打印）"
            </A>
        </form>
        {content}
    }
}

#[component]
fn BoardView(board: Board) -> impl IntoView {
    let rows = if board.rows.is_empty() {
        view! { <Empty text="该月份没有参与月度排名的指标。" /> }.into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table class="board">
                    <thead>
                        <tr>
                            <th>"指标"</th>
                            <th>"数值"</th>
                            <th>"全市排名"</th>
                            <th>"小组排名"</th>
                            <th>"变化"</th>
                            <th>"得分"</th>
                            <th>"颜色"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {board.rows.into_iter().map(|row| view! {
                            <tr>
                                <td><A href=format!("/indicators/{}", row.id)>{row.name}</A></td>
                                <td class="num">{format::figure_with_measure(row.value, row.decimals, &row.measure)}</td>
                                <td class="num">{format::rank_of(row.city_rank, row.city_count)}</td>
                                <td class="num">{format::rank_of(row.group_rank, row.group_count)}</td>
                                <td><RankChange change=row.rank_change /></td>
                                <td class="num">{format::points(row.score)}</td>
                                <td><ColourBadge colour=row.colour /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="panel">
            <h2>{format!("{} 各项指标：全市与小组双排名", format::period(board.period))}</h2>
            {rows}
        </section>
        <section class="panel">
            <h2>"月度总分排名"</h2>
            <StandingsTable rows=board.standings />
        </section>
        {board.projected.map(|rows| view! {
            <section class="panel">
                <h2>"预估全年总分排名"</h2>
                <StandingsTable rows=rows />
            </section>
        })}
    }
}

#[component]
pub fn StandingsTable(rows: Vec<Standing>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <Empty text="暂无总分。" /> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table>
                <thead>
                    <tr><th>"全市"</th><th>"区县"</th><th>"小组"</th><th>"小组排名"</th><th>"总分"</th></tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr class:home=row.is_home>
                            <td class="num">{format::rank_text(row.city_rank)}</td>
                            <td>{row.name}{row.is_home.then_some("（本区）")}</td>
                            <td>{row.group_name}</td>
                            <td class="num">{format::rank_text(row.group_rank)}</td>
                            <td class="num">{format::points(row.score)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
