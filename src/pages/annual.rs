//! 年度 (annual assessment): each indicator's monthly and year-end
//! parts, the home total, and the units ranked within their groups.

use leptos::prelude::*;

use crate::components::{with_report, Empty};
use crate::format;
use crate::table::{header_row, Cell, DataTable, Row};
use crate::view_model::annual::{annual, Annual, UnitGroup};

#[component]
pub fn Annual() -> impl IntoView {
    view! {
        <section class="page annual">
            <h1>"年度"</h1>
            {with_report(|dataset, report| {
                let home = dataset.scheme.peers[dataset.home()].name.clone();
                let annual = annual(&dataset, &report);
                view! { <AnnualView annual=annual home=home /> }
            })}
        </section>
    }
}

fn indicator_rows(annual: &Annual) -> Vec<Row> {
    annual
        .rows
        .iter()
        .map(|row| {
            Row::new(vec![
                Cell::link(format!("/indicators/{}", row.id), row.name.clone()),
                Cell::text(row.area_name.clone()),
                Cell::number(
                    row.monthly_mean.map_or("—".to_string(), format::points),
                ),
                Cell::number(row.months_scored.to_string()),
                Cell::number(format::points(row.year_end)),
                Cell::Strong(format::points(row.score)),
                Cell::number(row.full_points.to_string()),
            ])
        })
        .collect()
}

fn unit_rows(group: &UnitGroup) -> Vec<Row> {
    group
        .units
        .iter()
        .map(|u| {
            Row::new(vec![
                Cell::number(format::rank_text(u.group_rank)),
                Cell::text(u.name.clone()),
                Cell::number(format::points(u.indicator_points)),
                Cell::number(format::signed_points(u.ledger_points)),
                Cell::number(format::signed_points(u.supervision_points)),
                Cell::Strong(format::points(u.total)),
            ])
        })
        .collect()
}

#[component]
fn AnnualView(annual: Annual, home: String) -> impl IntoView {
    let weight = annual.monthly_weight;
    let formula = format!(
        "每项指标年度得分 = 月度平均分 × {} + 年终得分 × {}；\
         年终得分在12月数据报齐前为预估值。",
        format::percent(weight),
        format::percent(1.0 - weight),
    );

    let unit_formula = format!(
        "单位总分 = 牵头指标年度得分 + 任务底册得分 + 督办得分 × {}。",
        annual.supervision_weight
    );

    let indicator_headers = header_row(&[
        "指标",
        "一级指标",
        "月度平均",
        "计分月数",
        "年终得分",
        "年度得分",
        "满分",
    ]);

    let groups = if annual.groups.is_empty() {
        view! { <Empty text="方案中没有单位。" /> }.into_any()
    } else {
        annual
            .groups
            .iter()
            .map(|group| {
                let headers = header_row(&[
                    "组内排名",
                    "单位",
                    "指标得分",
                    "任务得分",
                    "督办得分",
                    "总分",
                ]);
                view! {
                    <h3>{group.name.clone()}</h3>
                    <DataTable headers=headers rows=unit_rows(group) />
                }
            })
            .collect_view()
            .into_any()
    };

    view! {
        <div class="tile tile-total">
            <h2>{format!("{home} 年度综合得分（预估）")}</h2>
            <p class="big-number">{format::points(annual.home_total)}</p>
            <p class="muted">{formula}</p>
        </div>
        <section class="panel">
            <h2>"各指标年度得分"</h2>
            <DataTable headers=indicator_headers rows=indicator_rows(&annual) />
        </section>
        <section class="panel">
            <h2>"单位分组排名"</h2>
            <p class="muted small">{unit_formula}</p>
            {groups}
        </section>
    }
}
