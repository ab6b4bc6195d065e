//! 指标: the two-level tree with each indicator's figure, ranks, score,
//! colour and movement in one month. Filters by colour, area and lead
//! unit and a name search narrow it. The filters live in the URL, so a
//! filtered view has a deep link (e.g. `/indicators?colour=red`).

use dukao_core::{Colour, Dataset, Period};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::{
    with_all, with_dataset, ColourBadge, Empty, RankChange, SelectField,
};
use crate::export_buttons::{export_name, ExportButtons};
use crate::format;
use crate::state::{use_app_state, Shared};
use crate::view_model::indicators::{
    filtered, lead_units, periods, tree, Filter, IndicatorRow,
};

/// Query parameters of the filters.
const QUERY_KEYS: [&str; 5] = ["period", "colour", "area", "unit", "q"];

#[component]
pub fn Indicators() -> impl IntoView {
    view! {
        <section class="page indicators">
            <h1>"指标"</h1>
            {with_dataset(|dataset| view! { <IndicatorTree dataset=dataset /> })}
        </section>
    }
}

/// Reads `period` from the query, falling back to the open month.
pub fn period_from_query(dataset: &Dataset, text: Option<String>) -> Period {
    text.and_then(|t| t.parse::<Period>().ok())
        .filter(|p| periods(dataset).contains(p))
        .unwrap_or(dataset.figures.open_period)
}

#[component]
fn IndicatorTree(dataset: Shared<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let query = use_query_map();
    let navigate = use_navigate();
    let search =
        RwSignal::new(query.get_untracked().get("q").unwrap_or_default());
    let set_query = move |key: &str, value: String| {
        let current = query.get_untracked();
        let mut pairs: Vec<String> = Vec::new();
        for name in QUERY_KEYS {
            let value = if name == key {
                Some(value.clone())
            } else {
                current.get(name)
            };
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                pairs.push(format!(
                    "{name}={}",
                    js_sys::encode_uri_component(&value)
                ));
            }
        }
        let url = if pairs.is_empty() {
            "/indicators".to_string()
        } else {
            format!("/indicators?{}", pairs.join("&"))
        };
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };

    let period = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            period_from_query(&dataset, query.get().get("period"))
        })
    };

    let filter = Memo::new(move |_| {
        let query = query.get();
        Filter {
            colour: query
                .get("colour")
                .and_then(|c| format::colour_from_key(&c)),
            area: query.get("area").filter(|a| !a.is_empty()),
            lead_unit: query.get("unit").filter(|u| !u.is_empty()),
            query: search.get(),
        }
    });

    let query_value = move |key: &'static str| {
        Signal::derive(move || query.get().get(key).unwrap_or_default())
    };

    let on_query = |key: &'static str| {
        let set_query = set_query.clone();
        Callback::new(move |value: String| set_query(key, value))
    };

    let period_options = periods(&dataset)
        .into_iter()
        .map(|p| (p.to_string(), format::period(p)))
        .collect();
    let period_value = Signal::derive(move || period.get().to_string());
    let colour_options = with_all(
        "全部",
        [Colour::Green, Colour::Yellow, Colour::Red, Colour::Grey]
            .into_iter()
            .map(|c| {
                (format::colour_key(c).to_string(), format::colour_label(c))
            }),
    );

    let area_options = with_all(
        "全部",
        dataset
            .scheme
            .areas
            .iter()
            .map(|a| (a.id.clone(), a.name.clone())),
    );

    let unit_options = with_all("全部", lead_units(&dataset));
    let on_period = on_query("period");
    let on_colour = on_query("colour");
    let on_area = on_query("area");
    let on_unit = on_query("unit");
    let set_search = set_query.clone();
    let export_period = Signal::derive(move || period.get().to_string());
    let export_file = {
        let dataset = dataset.clone();
        Signal::derive(move || {
            let month = format::period(period.get());
            export_name(&dataset, &month, "指标表")
        })
    };
    let list = move || {
        let report = state.report.get()?;
        let areas = tree(&dataset, &report, period.get());
        let shown = filtered(&areas, &filter.get());
        let total: usize = areas.iter().map(|a| a.rows.len()).sum();
        let kept: usize = shown.iter().map(|a| a.rows.len()).sum();
        let body = if shown.is_empty() {
            view! { <Empty text="没有符合筛选条件的指标，请放宽筛选或清空搜索。" /> }.into_any()
        } else {
            shown
                .into_iter()
                .map(|area| {
                    let count = area.rows.len();
                    view! {
                        <section class="area">
                            <h2>{area.name} <span class="muted">{format!("（{count} 项）")}</span></h2>
                            <ul class="indicator-list">
                                {area.rows.into_iter().map(|row| view! { <Row row=row /> }).collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        };
        Some(view! {
            <p class="muted" aria-live="polite">{format!("显示 {kept} / {total} 项指标")}</p>
            {body}
        })
    };

    view! {
        <form class="filters" on:submit=|e| e.prevent_default()>
            <SelectField label="月份" options=period_options value=period_value on_change=on_period />
            <SelectField label="颜色" options=colour_options value=query_value("colour") on_change=on_colour />
            <SelectField label="一级指标" options=area_options value=query_value("area") on_change=on_area />
            <SelectField label="牵头单位" options=unit_options value=query_value("unit") on_change=on_unit />
            <label class="search">
                "搜索"
                <input
                    type="search"
                    placeholder="输入指标名称"
                    prop:value=move || search.get()
                    on:input=move |e| {
                        let text = event_target_value(&e);
                        search.set(text.clone());
                        set_search("q", text);
                    }
                />
            </label>
        </form>
        <ExportButtons kind="indicators" period=export_period file_name=export_file />
        {list}
    }
}

#[component]
fn Row(row: IndicatorRow) -> impl IntoView {
    let href = format!("/indicators/{}", row.id);
    let value =
        format::figure_with_measure(row.value, row.decimals, &row.measure);
    view! {
        <li class="indicator-row">
            <a href=href class="row-link">
                <span class="row-name">{row.name}</span>
                <ColourBadge colour=row.colour />
                <span class="row-figures">
                    <span>{value}</span>
                    <span>"全市 " {format::rank_of(row.city_rank, row.city_count)}</span>
                    <span>"小组 " {format::rank_of(row.group_rank, row.group_count)}</span>
                    <span>"得分 " {format!("{}/{}", format::points(row.score), row.full_points)}</span>
                    <RankChange change=row.rank_change />
                </span>
                <span class="row-unit muted">{row.lead_unit_name}</span>
            </a>
        </li>
    }
}
