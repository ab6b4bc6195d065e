//! 首页: the projected total and ranks, colour counts, biggest movers,
//! supervision items, ledger progress and the data time. Every tile
//! links to its detail.

use leptos::prelude::*;

use crate::components::{with_report, ColourBadge, RankChange};
use crate::format;
use crate::view_model::home::{summarise, HomeSummary, Mover};
use dukao_core::Colour;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="page home">
            <h1 class="visually-hidden">"首页"</h1>
            {with_report(|dataset, report| {
                let summary = summarise(&dataset, &report);
                view! { <Tiles summary=summary /> }
            })}
        </section>
    }
}

#[component]
fn Tiles(summary: HomeSummary) -> impl IntoView {
    let colours = summary.colours;
    let colour_tile = |colour: Colour| {
        let href = format!("/indicators?colour={}", format::colour_key(colour));
        let class = format!("count colour-{}", format::colour_key(colour));
        view! {
            <a href=href class=class>
                <span class="count-number">{colours.get(colour)}</span>
                <span class="count-label">{format::colour_label(colour)}</span>
            </a>
        }
    };

    let ledger = summary.ledger;
    let mover_list = |movers: Vec<Mover>, empty: &'static str| {
        if movers.is_empty() {
            return view! { <p class="muted">{empty}</p> }.into_any();
        }
        view! {
            <ul class="mover-list">
                {movers
                    .into_iter()
                    .map(|m| {
                        let href = format!("/indicators/{}", m.id);
                        view! {
                            <li>
                                <a href=href>{m.name}</a>
                                <RankChange change=Some(m.change) />
                                <span class="muted">{format!("小组{}", format::rank_text(m.group_rank))}</span>
                                <ColourBadge colour=m.colour />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <div class="tiles">
            <a href="/ranking" class="tile tile-total">
                <h2>{format!("{} 预估总分", summary.home_name)}</h2>
                <p class="big-number" data-testid="home-projected-total">
                    {format::points(summary.projected_total)}
                </p>
                <p class="rank-pair">
                    <span>
                        "全市排名 "
                        <strong>{format::rank_of(summary.city_rank, summary.city_count)}</strong>
                    </span>
                    <span data-testid="home-group-rank">
                        {format!("{}排名 ", summary.group_name)}
                        <strong>{format::rank_of(summary.group_rank, summary.group_count)}</strong>
                    </span>
                </p>
                <p class="muted">{format!("按 {} 已报数据预估全年得分", format::period(summary.period))}</p>
            </a>
            <div class="tile tile-colours">
                <h2>
                    <a href="/indicators">{format!("{} 指标颜色", format::period(summary.period))}</a>
                </h2>
                <div class="counts">
                    {colour_tile(Colour::Green)}
                    {colour_tile(Colour::Yellow)}
                    {colour_tile(Colour::Red)}
                    {colour_tile(Colour::Grey)}
                </div>
            </div>
            <div class="tile tile-movers">
                <h2>
                    <a href="/indicators">"排名变化最大"</a>
                </h2>
                <h3>"上升"</h3>
                {mover_list(summary.risers, "本月暂无上升的指标")}
                <h3>"下降"</h3>
                {mover_list(summary.fallers, "本月暂无下降的指标")}
            </div>
            <a href="/supervision" class="tile tile-items">
                <h2>"督办事项"</h2>
                <p class="stat-row">
                    <span class="stat">
                        <strong>{summary.items_open}</strong>
                        " 办理中"
                    </span>
                    <span class="stat" class:alert={summary.items_overdue > 0}>
                        <strong>{summary.items_overdue}</strong>
                        " ⚠ 已逾期"
                    </span>
                    <span class="stat">
                        <strong>{summary.items_closed}</strong>
                        " 已办结"
                    </span>
                </p>
            </a>
            <a href="/tasks" class="tile tile-ledger">
                <h2>"年度任务底册"</h2>
                <p class="stat-row">
                    <span class="stat">
                        <strong>{format!("{}/{}", ledger.signed_off, ledger.tasks)}</strong>
                        " 已销号"
                    </span>
                    <span class="stat" class:alert={ledger.behind > 0}>
                        <strong>{ledger.behind}</strong>
                        " 滞后"
                    </span>
                    <span class="stat" class:alert={ledger.overdue_milestones > 0}>
                        <strong>{ledger.overdue_milestones}</strong>
                        " ⚠ 逾期节点"
                    </span>
                </p>
                <progress max=ledger.tasks.max(1) value=ledger.signed_off aria-label="销号进度"></progress>
            </a>
            <a href="/indicators" class="tile tile-time">
                <h2>"数据时间"</h2>
                <p>{format!("填报月份：{}", format::period(summary.period))}</p>
                <p>{format!("统计截至：{}", format::date(summary.as_of))}</p>
                <p>
                    {if summary.updated_at.is_empty() {
                        "最近更新：未记录".to_string()
                    } else {
                        format!("最近更新：{}", format::timestamp(&summary.updated_at))
                    }}
                </p>
            </a>
        </div>
    }
}
