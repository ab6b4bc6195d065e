//! The month's ranking bulletin (排名通报) as a printable A4 page, built
//! by the engine's `Bulletin`.

use dukao_core::{Bulletin, Dataset, Period};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::{with_report, ColourBadge, ErrorMessage, RankChange};
use crate::format;
use crate::state::Shared;
use crate::view_model::indicator_name;
use crate::view_model::supervision::kind_zh;

#[component]
pub fn BulletinPage() -> impl IntoView {
    let params = use_params_map();
    let content = with_report(move |dataset, report| {
        let text = params.get().get("period").unwrap_or_default();
        let Ok(period) = text.parse::<Period>() else {
            return view! {
                <ErrorMessage message=format!("“{text}”不是有效月份，请使用 YYYY-MM 格式，例如 2022-11。") />
            }
            .into_any();
        };
        match Bulletin::build(&dataset, &report, period) {
            Ok(bulletin) => view! { <BulletinView bulletin=bulletin dataset=dataset.clone() /> }.into_any(),
            Err(e) => view! {
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
                <A href="/ranking" attr:class="button">"← 返回排名"</A>
                <button class="button primary" on:click=|_| {
                    if let Some(window) = web_sys::window() {
                        if let Err(e) = window.print() {
                            log::error!("window.print failed: {e:?}");
                        }
                    }
                }>"打印通报"</button>
            </div>
            {content}
        </section>
    }
}

#[component]
fn BulletinView(bulletin: Bulletin, dataset: Shared<Dataset>) -> impl IntoView {
    let decimals = |id: &str| {
        dataset
            .indicator_index(id)
            .map_or(2, |i| dataset.scheme.indicators[i].decimals)
    };
    let open = bulletin.projected_total.is_some();
    let total_line = format!(
        "本月合计 {} 分，全市第 {}，小组第 {}；绿 {} 项、黄 {} 项、红 {} 项、缺报 {} 项。",
        format::points(bulletin.total_score),
        bulletin.total_city_rank.map_or("—".to_string(), |r| r.to_string()),
        bulletin.total_group_rank.map_or("—".to_string(), |r| r.to_string()),
        bulletin.green,
        bulletin.yellow,
        bulletin.red,
        bulletin.missing,
    );
    view! {
        <article class="bulletin">
            <h1>{format!("{} {}", bulletin.home, bulletin.title)}</h1>
            <p>{total_line}</p>
            {bulletin.projected_total.map(|t| view! {
                <p>{format!("按已报数据预估全年总分 {} 分（本月尚未结束，数据仍可能变化）。", format::points(t))}</p>
            })}
            <table>
                <thead>
                    <tr>
                        <th>"指标"</th>
                        <th>"数值"</th>
                        <th>"全市"</th>
                        <th>"小组"</th>
                        <th>"变化"</th>
                        <th>"得分"</th>
                        <th>"颜色"</th>
                        <th>"进位所需"</th>
                        <th>"达绿所需"</th>
                        {open.then(|| view! { <th>"预估得分"</th> })}
                    </tr>
                </thead>
                <tbody>
                    {bulletin.indicators.into_iter().map(|row| view! {
                        <tr>
                            <td>{row.name}</td>
                            <td class="num">{format::figure_with_measure(row.value, decimals(&row.id), &row.measure)}</td>
                            <td class="num">{row.city_rank.map_or("—".to_string(), |r| r.to_string())}</td>
                            <td class="num">{row.group_rank.map_or("—".to_string(), |r| r.to_string())}</td>
                            <td><RankChange change=row.rank_change /></td>
                            <td class="num">{format!("{}/{}", format::points(row.score), row.full_points)}</td>
                            <td><ColourBadge colour=row.colour /></td>
                            <td class="num">{match (row.next_rank_value, row.next_rank_points) {
                                (Some(v), Some(p)) => format!("{}（{}）", format::figure(Some(v), decimals(&row.id)), format::signed_points(p)),
                                (v, _) => format::figure(v, decimals(&row.id)),
                            }}</td>
                            <td class="num">{format::figure(row.green_value, decimals(&row.id))}</td>
                            {open.then(|| view! { <td class="num">{row.projected_score.map_or("—".to_string(), format::points)}</td> })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>"本月督办事项"</h2>
            {if bulletin.items.is_empty() {
                view! { <p>"本月无督办事项。"</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {bulletin.items.into_iter().map(|item| view! {
                            <li>{format!("【{}】{}：{}（到期 {}）", kind_zh(item.kind), indicator_name(&dataset, &item.indicator), item.reason, format::date(item.due))}</li>
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </article>
    }
}
