//! 排名 (大排名): city rank and group rank side by side for every
//! monthly-ranked indicator, the peers' totals, and the link to the
//! month's printable bulletin.

use dukao_core::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::{with_dataset, Empty, SelectField};
use crate::export_buttons::{export_name, ExportButtons};
use crate::format;
use crate::pages::indicators::period_from_query;
use crate::state::{use_app_state, Shared};
use crate::table::{header_row, Cell, DataTable, Row};
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
        .map(|p| (p.to_string(), format::period(p)))
        .collect();
    let value = Signal::derive(move || period.get().to_string());
    let on_change = Callback::new(move |value: String| {
        let url = format!("/ranking?period={value}");
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });

    let export_period = Signal::derive(move || period.get().to_string());
    let export_file = {
        let dataset = dataset.clone();
        Signal::derive(move || {
            let month = format::period(period.get());
            export_name(&dataset, &month, "排名通报")
        })
    };
    let content = move || {
        let report = state.report.get()?;
        let board = board(&dataset, &report, period.get());
        Some(view! { <BoardView board=board /> })
    };

    view! {
        <form class="filters" on:submit=|e| e.prevent_default()>
            <SelectField label="月份" options=options value=value on_change=on_change />
            <a href=move || format!("/ranking/bulletin/{}", period.get()) class="button">
                "排名通报（可打印）"
            </a>
        </form>
        <ExportButtons kind="bulletin" period=export_period file_name=export_file />
        {content}
    }
}

#[component]
fn BoardView(board: Board) -> impl IntoView {
    let rows = if board.rows.is_empty() {
        view! { <Empty text="该月份没有参与月度排名的指标。" /> }.into_any()
    } else {
        let rows = board
            .rows
            .into_iter()
            .map(|row| {
                Row::new(vec![
                    Cell::link(format!("/indicators/{}", row.id), row.name),
                    Cell::number(format::figure_with_measure(
                        row.value,
                        row.decimals,
                        &row.measure,
                    )),
                    Cell::number(format::rank_of(
                        row.city_rank,
                        row.city_count,
                    )),
                    Cell::number(format::rank_of(
                        row.group_rank,
                        row.group_count,
                    )),
                    Cell::Change(row.rank_change),
                    Cell::number(format::points(row.score)),
                    Cell::Colour(row.colour),
                ])
            })
            .collect();
        let headers = header_row(&[
            "指标",
            "数值",
            "全市排名",
            "小组排名",
            "变化",
            "得分",
            "颜色",
        ]);
        view! { <DataTable headers=headers rows=rows class="board" /> }
            .into_any()
    };

    let period = format::period(board.period);
    view! {
        <section class="panel">
            <h2>{format!("{period} 各项指标：全市与小组双排名")}</h2>
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

    let rows = rows
        .into_iter()
        .map(|row| {
            let name = if row.is_home {
                format!("{}（本区）", row.name)
            } else {
                row.name
            };
            Row::highlighted(
                vec![
                    Cell::number(format::rank_text(row.city_rank)),
                    Cell::Text(name),
                    Cell::Text(row.group_name),
                    Cell::number(format::rank_text(row.group_rank)),
                    Cell::number(format::points(row.score)),
                ],
                row.is_home,
            )
        })
        .collect();
    let headers = header_row(&["全市", "区县", "小组", "小组排名", "总分"]);
    view! { <DataTable headers=headers rows=rows /> }.into_any()
}
