//! 年度 (annual assessment): each indicator's monthly and year-end
//! parts, the home total, and the units ranked within their groups.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{with_report, Empty};
use crate::format;
use crate::view_model::annual::annual;

#[component]
pub fn Annual() -> impl IntoView {
    view! {
        <section class="page annual">
            <h1>"年度"</h1>
            {with_report(|dataset, report| {
                let annual = annual(&dataset, &report);
                let weight = annual.monthly_weight;
                let home = dataset.scheme.peers[dataset.home()].name.clone();
                view! {
                    <div class="tile tile-total">
                        <h2>{format!("{home} 年度综合得分（预估）")}</h2>
                        <p class="big-number">{format::points(annual.home_total)}</p>
                        <p class="muted">
                            {format!(
                                "每项指标年度得分 = 月度平均分 × {} + 年终得分 × {}；年终得分在12月数据报齐前为预估值。",
                                format::percent(weight),
                                format::percent(1.0 - weight),
                            )}
                        </p>
                    </div>
                    <section class="panel">
                        <h2>"各指标年度得分"</h2>
                        <div class="table-scroll">
                            <table>
                                <thead>
                                    <tr>
                                        <th>"指标"</th><th>"一级指标"</th><th>"月度平均"</th><th>"计分月数"</th>
                                        <th>"年终得分"</th><th>"年度得分"</th><th>"满分"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {annual.rows.into_iter().map(|row| view! {
                                        <tr>
                                            <td><A href=format!("/indicators/{}", row.id)>{row.name}</A></td>
                                            <td>{row.area_name}</td>
                                            <td class="num">{row.monthly_mean.map_or("—".to_string(), format::points)}</td>
                                            <td class="num">{row.months_scored}</td>
                                            <td class="num">{format::points(row.year_end)}</td>
                                            <td class="num"><strong>{format::points(row.score)}</strong></td>
                                            <td class="num">{row.full_points}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                    <section class="panel">
                        <h2>"单位分组排名"</h2>
                        <p class="muted small">
                            {format!(
                                "单位总分 = 牵头指标年度得分 + 任务底册得分 + 督办得分 × {}。",
                                annual.supervision_weight
                            )}
                        </p>
                        {if annual.groups.is_empty() {
                            view! { <Empty text="方案中没有单位。" /> }.into_any()
                        } else {
                            annual.groups.into_iter().map(|group| view! {
                                <h3>{group.name}</h3>
                                <div class="table-scroll">
                                    <table>
                                        <thead>
                                            <tr>
                                                <th>"组内排名"</th><th>"单位"</th><th>"指标得分"</th>
                                                <th>"任务得分"</th><th>"督办得分"</th><th>"总分"</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {group.units.into_iter().map(|u| view! {
                                                <tr>
                                                    <td class="num">{format::rank_text(u.group_rank)}</td>
                                                    <td>{u.name}</td>
                                                    <td class="num">{format::points(u.indicator_points)}</td>
                                                    <td class="num">{format::signed_points(u.ledger_points)}</td>
                                                    <td class="num">{format::signed_points(u.supervision_points)}</td>
                                                    <td class="num"><strong>{format::points(u.total)}</strong></td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }).collect_view().into_any()
                        }}
                    </section>
                }
            })}
        </section>
    }
}
