//! The month's ranking bulletin (排名通报) as a printable A4 page, built
//! by the engine's `Bulletin`.

use dukao_core::{Bulletin, Dataset, Period};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{with_report, ErrorMessage};
use crate::format;
use crate::state::Shared;
use crate::table::{header_row, Cell, DataTable, Row};
use crate::view_model::indicator_name;
use crate::view_model::supervision::kind_zh;

#[component]
pub fn BulletinPage() -> impl IntoView {
    let params = use_params_map();
    let content = with_report(move |dataset, report| {
        let text = params.get().get("period").unwrap_or_default();
        let Ok(period) = text.parse::<Period>() else {
            return view! {
                <h1>"排名通报"</h1>
                <ErrorMessage message=format!("“{text}”不是有效月份：请按 YYYY-MM 填写年份和 01 至 12 的月份，例如 2022-11。") />
            }
            .into_any();
        };
        match Bulletin::build(&dataset, &report, period) {
            Ok(bulletin) => view! { <BulletinView bulletin=bulletin dataset=dataset.clone() /> }.into_any(),
            Err(e) => view! {
                <h1>"排名通报"</h1>
                <ErrorMessage message=format!(
                    "{} 没有排名通报，请选择 {} 至 {} 之间的月份。",
                    format::period(e.period),
                    format::period(e.first),
                    format::period(e.open),
                ) />
            }
            .into_any(),
        }
    });

    view! {
        <section class="page bulletin-page">
            <div class="no-print actions">
                <a href="/ranking" class="button">"← 返回排名"</a>
            </div>
            {content}
        </section>
    }
}

/// The bulletin's table rows; the projected score column only for the
/// open period.
fn bulletin_rows(
    bulletin: &Bulletin,
    dataset: &Dataset,
    open: bool,
) -> Vec<Row> {
    let decimals = |id: &str| {
        dataset
            .indicator_index(id)
            .map_or(2, |i| dataset.scheme.indicators[i].decimals)
    };

    let rank = |r: Option<u32>| r.map_or("—".to_string(), |r| r.to_string());
    bulletin
        .indicators
        .iter()
        .map(|row| {
            let places = decimals(&row.id);
            let next_rank = match (row.next_rank_value, row.next_rank_points) {
                (Some(v), Some(p)) => format!(
                    "{}（{}）",
                    format::figure(Some(v), places),
                    format::signed_points(p)
                ),
                (v, _) => format::figure(v, places),
            };
            let mut cells = vec![
                Cell::text(row.name.clone()),
                Cell::number(format::figure_with_measure(
                    row.value,
                    places,
                    &row.measure,
                )),
                Cell::number(rank(row.city_rank)),
                Cell::number(rank(row.group_rank)),
                Cell::Change(row.rank_change),
                Cell::number(format!(
                    "{}/{}",
                    format::points(row.score),
                    row.full_points
                )),
                Cell::Colour(row.colour),
                Cell::number(next_rank),
                Cell::number(format::figure(row.green_value, places)),
            ];
            if open {
                cells.push(Cell::number(
                    row.projected_score.map_or("—".to_string(), format::points),
                ));
            }
            Row::new(cells)
        })
        .collect()
}

#[component]
fn BulletinView(bulletin: Bulletin, dataset: Shared<Dataset>) -> impl IntoView {
    let open = bulletin.projected_total.is_some();
    let rank = |r: Option<u32>| r.map_or("—".to_string(), |r| r.to_string());
    let total_line = format!(
        "本月合计 {} 分，全市第 {}，小组第 {}；绿 {} 项、黄 {} 项、红 {} 项、缺报 {} 项。",
        format::points(bulletin.total_score),
        rank(bulletin.total_city_rank),
        rank(bulletin.total_group_rank),
        bulletin.green,
        bulletin.yellow,
        bulletin.red,
        bulletin.missing,
    );

    let projected = bulletin.projected_total.map(|t| {
        format!(
            "按已报数据预估全年总分 {} 分（本月尚未结束，数据仍可能变化）。",
            format::points(t)
        )
    });

    let mut headers = header_row(&[
        "指标",
        "数值",
        "全市",
        "小组",
        "变化",
        "得分",
        "颜色",
        "进位所需",
        "达绿所需",
    ]);

    if open {
        headers.push("预估得分".to_string());
    }

    let rows = bulletin_rows(&bulletin, &dataset, open);
    let items = if bulletin.items.is_empty() {
        view! { <p>"本月无督办事项。"</p> }.into_any()
    } else {
        let lines = bulletin
            .items
            .iter()
            .map(|item| {
                let line = format!(
                    "【{}】{}：{}（到期 {}）",
                    kind_zh(item.kind),
                    indicator_name(&dataset, &item.indicator),
                    item.reason,
                    format::date(item.due)
                );
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! { <ol>{lines}</ol> }.into_any()
    };

    view! {
        <div class="no-print actions">
            <button class="button primary" on:click=|_| {
                if let Some(window) = web_sys::window() {
                    if let Err(e) = window.print() {
                        log::error!("window.print failed: {e:?}");
                    }
                }
            }>"打印通报"</button>
        </div>
        <article class="bulletin">
            <h1>{format!("{} {}", bulletin.home, bulletin.title)}</h1>
            <p>{total_line}</p>
            {projected.map(|text| view! { <p>{text}</p> })}
            <DataTable headers=headers rows=rows />
            <h2>"本月督办事项"</h2>
            {items}
        </article>
    }
}
