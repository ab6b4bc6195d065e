//! 预估 (what-if): hypothetical home figures for the open period, with
//! projected scores, ranks, colours and the total change recomputed on
//! every keystroke. The figures live in memory only: they are never
//! saved or sent, and a reload clears them.

use dukao_core::{Colour, Dataset, Report};
use leptos::prelude::*;

use crate::components::{with_dataset, ColourBadge};
use crate::format;
use crate::state::{use_app_state, Shared};
use crate::view_model::figure_input::parse_for;
use crate::view_model::projected_total;

#[component]
pub fn WhatIfPage() -> impl IntoView {
    view! {
        <section class="page what-if">
            <h1>"预估"</h1>
            <p class="muted">
                "输入本月假设数值，即时查看预估得分、排名和颜色的变化。假设数值只保存在本页内存中，不会保存或上报，刷新页面即清除。"
            </p>
            {with_dataset(|dataset| view! { <WhatIfBoard dataset=dataset /> })}
        </section>
    }
}

/// One indicator's projected result for the home.
#[derive(Clone, Copy, PartialEq)]
struct Projected {
    score: f64,
    group_rank: Option<u32>,
    city_rank: Option<u32>,
    colour: Colour,
}

fn projected(
    dataset: &Dataset,
    report: &Report,
    index: usize,
) -> Option<Projected> {
    let projection = report.indicators[index].projection.as_ref()?;
    let cell = projection.peers[dataset.home()];
    Some(Projected {
        score: cell.score,
        group_rank: cell.group_rank,
        city_rank: cell.city_rank,
        colour: cell.colour,
    })
}

#[component]
fn WhatIfBoard(dataset: Shared<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let open = dataset.figures.open_period;
    let home = dataset.home();
    let total = {
        let dataset = dataset.clone();
        move || {
            let report = state.report.get()?;
            let base = state.base_report.get()?;
            let now = projected_total(&dataset, &report);
            let change = now - projected_total(&dataset, &base);
            let totals = &report.projected_totals;
            Some(view! {
                <p class="big-number">{format::points(now)}</p>
                <p class="rank-pair">
                    <span>"较原预估 " <strong class="change-points">{format::signed_points(change)}</strong></span>
                    <span>"全市 " <strong>{format::rank_text(totals.city_ranks[home])}</strong></span>
                    <span>"小组 " <strong>{format::rank_text(totals.group_ranks[home])}</strong></span>
                </p>
            })
        }
    };

    let areas = dataset
        .scheme
        .areas
        .iter()
        .map(|area| {
            let rows = dataset
                .scheme
                .indicators
                .iter()
                .enumerate()
                .filter(|(_, spec)| spec.area == area.id && spec.is_active(open))
                .map(|(index, _)| view! { <WhatIfRow dataset=dataset.clone() index=index /> })
                .collect_view();
            view! {
                <section class="area">
                    <h2>{area.name.clone()}</h2>
                    <ul class="whatif-list">{rows}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="tile tile-total whatif-total" data-testid="whatif-total">
            <h2>{format!("{} 预估全年总分（{}）", dataset.scheme.peers[home].name, format::period(open))}</h2>
            {total}
        </div>
        {areas}
        <p class="muted small">
            {move || state.recompute_ms.get().map(|ms| format!("最近一次重算用时 {ms:.1} 毫秒（本机浏览器实测）"))}
        </p>
    }
}

#[component]
fn WhatIfRow(dataset: Shared<Dataset>, index: usize) -> impl IntoView {
    let state = use_app_state();
    let spec = dataset.scheme.indicators[index].clone();
    let id = spec.id.clone();
    let decimals = spec.decimals;
    let reported =
        dataset.peer_value(index, dataset.figures.open_period, dataset.home());
    let text = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .what_if_inputs
                .with(|m| m.get(&id).cloned().unwrap_or_default())
        })
    };

    let parsed = {
        let dataset = dataset.clone();
        let id = id.clone();
        Memo::new(move |_| text.with(|t| parse_for(&dataset, &id, t)))
    };
    let error = move || parsed.get().err();
    let on_input = {
        let id = id.clone();
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            state.what_if_inputs.update(|m| {
                if value.trim().is_empty() {
                    m.remove(&id);
                } else {
                    m.insert(id.clone(), value);
                }
            });
        }
    };

    let now = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            state
                .report
                .get()
                .and_then(|r| projected(&dataset, &r, index))
        })
    };

    let base = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            state
                .base_report
                .get()
                .and_then(|r| projected(&dataset, &r, index))
        })
    };

    let changed = move || matches!(parsed.get(), Ok(Some(_)));
    let score = move || {
        let now = now.get()?;
        let change = now.score - base.get().map_or(now.score, |b| b.score);
        Some(format!(
            "{}（{}）",
            format::points(now.score),
            format::signed_points(change)
        ))
    };

    let rank = move || {
        let now = now.get()?;
        let before = base.get().and_then(|b| b.group_rank);
        Some(if changed() && before != now.group_rank {
            format!(
                "{} ← {}",
                format::rank_text(now.group_rank),
                format::rank_text(before)
            )
        } else {
            format::rank_text(now.group_rank)
        })
    };

    let city = move || {
        now.get()
            .map(|p| format!("全市{}", format::rank_text(p.city_rank)))
    };

    let colour =
        move || now.get().map(|p| view! { <ColourBadge colour=p.colour /> });
    let input_id = format!("whatif-{id}");
    let error_id = format!("whatif-error-{id}");
    let described = error_id.clone();
    view! {
        <li class="whatif-row" class:changed=changed>
            <div class="whatif-name">
                <label for=input_id.clone()>{spec.name.clone()}</label>
                <a href=format!("/indicators/{id}") class="muted small detail-link">"详情"</a>
                <span class="muted small">
                    {format!("本月已报：{}", format::figure_with_measure(reported, decimals, &spec.measure))}
                </span>
            </div>
            <div class="whatif-input">
                <input
                    id=input_id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    placeholder=format::figure(reported, decimals)
                    data-testid=format!("whatif-input-{id}")
                    aria-describedby=described
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || text.get()
                    on:input=on_input
                />
                <span class="measure">{spec.measure.clone()}</span>
            </div>
            <p class="field-error" id=error_id role="alert">{error}</p>
            <div class="whatif-result">
                <span>"预估得分 " <strong data-testid=format!("whatif-projected-score-{id}")>{score}</strong></span>
                <span>"预估小组 " <strong data-testid=format!("whatif-projected-rank-{id}")>{rank}</strong></span>
                <span class="muted">{city}</span>
                {colour}
            </div>
        </li>
    }
}
