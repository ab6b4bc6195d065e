//! The import screen's result: matched and skipped labels, the guesses
//! to confirm, rejected cells, and the preview with the send button.

use dukao_core::Dataset;
use leptos::prelude::*;
use serde_json::Value;

use crate::components::Empty;
use crate::format;
use crate::state::Shared;
use crate::table::{header_row, Cell, DataTable, Row};
use crate::view_model::import::{
    guesses, listed_errors, match_kind_zh, skip_reason_zh, Decisions, Guess,
    MatchReply, Matched, Preview,
};

/// Select value that ignores a label.
const IGNORE: &str = "__ignore__";

#[component]
pub fn MatchResult(
    reply: MatchReply,
    dataset: Shared<Dataset>,
    decisions: RwSignal<Decisions>,
    on_decide: Callback<((String, String), Option<String>)>,
    on_send: Callback<Value>,
    busy: RwSignal<bool>,
    send_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let errors = listed_errors(&reply);
    let error_list = (!errors.is_empty()).then(|| {
        let items = errors
            .into_iter()
            .map(|e| view! { <li>{e.message_zh}</li> })
            .collect_view();
        view! {
            <section class="panel" data-testid="import-errors">
                <h2>"需要修改的单元格"</h2>
                <ul class="error-list" role="alert">{items}</ul>
                <p class="muted">"请在表格中改正后重新选择文件，或在下方把无关的行、列设为忽略。"</p>
            </section>
        }
    });
    let Some(matched) = reply.matched else {
        return view! { {error_list} }.into_any();
    };

    let guess_list = guesses(&matched);
    let guess_panel = (!guess_list.is_empty()).then(|| {
        let rows = guess_list
            .into_iter()
            .map(|guess| view! { <GuessRow guess=guess decisions=decisions on_decide=on_decide /> })
            .collect_view();
        view! {
            <section class="panel" data-testid="import-guesses">
                <h2>"请确认以下名称"</h2>
                <ul class="guess-list">{rows}</ul>
            </section>
        }
    });

    let ready = reply.ready;
    let request = reply.request.unwrap_or(Value::Null);
    let count = request["entries"].as_array().map_or(0, Vec::len);
    let send = move |_| {
        if ready {
            on_send.run(request.clone());
        }
    };
    view! {
        <MatchSummary matched=matched />
        {guess_panel}
        {error_list}
        {reply.preview.map(|p| view! { <PreviewView preview=p dataset=dataset /> })}
        <div class="actions">
            <button
                class="button primary"
                data-testid="import-send"
                disabled=move || !ready || busy.get()
                on:click=send
            >
                {move || if busy.get() {
                    "正在提交…".to_string()
                } else {
                    format!("确认导入 {count} 项数据")
                }}
            </button>
            {(!ready).then(|| view! {
                <p class="muted">"请先确认全部待确认名称并改正错误，才能导入。"</p>
            })}
            <p class="field-error" role="alert">{move || send_error.get()}</p>
        </div>
    }
    .into_any()
}

#[component]
fn GuessRow(
    guess: Guess,
    decisions: RwSignal<Decisions>,
    on_decide: Callback<((String, String), Option<String>)>,
) -> impl IntoView {
    let Guess {
        sheet,
        is_peer,
        label,
    } = guess;
    let what = if is_peer { "区县" } else { "指标" };
    let key = (sheet.clone(), label.text.clone());
    let current = match label.kind.as_str() {
        "ignored" => IGNORE.to_string(),
        "confirmed" => label.target.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let mut options = vec![(String::new(), "请选择…".to_string())];
    for candidate in &label.candidates {
        let text = format!("是“{}”", candidate.name);
        options.push((candidate.id.clone(), text));
    }
    // A target confirmed earlier may not be among the candidates.
    if let (Some(id), Some(name)) = (&label.target, &label.target_name) {
        if !options.iter().any(|(key, _)| key == id) {
            options.push((id.clone(), format!("是“{name}”")));
        }
    }
    options.push((IGNORE.to_string(), "忽略此项".to_string()));
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == current;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    let on_change = move |e: leptos::ev::Event| {
        let value = event_target_value(&e);
        let target = match value.as_str() {
            "" => {
                decisions.update(|d| {
                    d.remove(&key);
                });
                return;
            }
            IGNORE => None,
            id => Some(id.to_string()),
        };
        on_decide.run((key.clone(), target));
    };
    let text = format!(
        "{what}“{}”（工作表“{sheet}”{} 单元格）",
        label.text, label.cell
    );
    view! {
        <li class="guess">
            <label>
                <span>{text}</span>
                <select data-testid="import-guess" on:change=on_change>{options}</select>
            </label>
        </li>
    }
}

#[component]
fn MatchSummary(matched: Matched) -> impl IntoView {
    let sheets = matched
        .sheets
        .into_iter()
        .map(|sheet| {
            let rows_of =
                |labels: Vec<(String, &crate::view_model::import::Label)>| {
                    labels
                        .into_iter()
                        .map(|(what, l)| {
                            Row::new(vec![
                                Cell::text(what),
                                Cell::text(l.cell.clone()),
                                Cell::text(l.text.clone()),
                                Cell::text(
                                    l.target_name.clone().unwrap_or("—".into()),
                                ),
                                Cell::text(match_kind_zh(&l.kind)),
                            ])
                        })
                        .collect::<Vec<_>>()
                };
            let mut labels: Vec<(String, &crate::view_model::import::Label)> =
                Vec::new();
            for column in &sheet.columns {
                let unit = column
                    .unit
                    .as_ref()
                    .map_or(String::new(), |u| format!("（{u}）"));
                labels.push((format!("指标{unit}"), &column.label));
            }
            for row in &sheet.rows {
                labels.push(("区县".to_string(), row));
            }
            let mut rows = rows_of(labels);
            for skip in &sheet.skipped {
                rows.push(Row::new(vec![
                    Cell::text("跳过"),
                    Cell::text(skip.cell.clone().unwrap_or_default()),
                    Cell::text(skip.text.clone()),
                    Cell::text("—"),
                    Cell::text(skip_reason_zh(&skip.reason)),
                ]));
            }
            let layout = if sheet.orientation == "districts_as_columns" {
                "区县在列"
            } else {
                "区县在行"
            };
            let title = format!(
                "工作表“{}”：{}，{} 个指标，{} 个区县，跳过 {} 项",
                sheet.sheet,
                layout,
                sheet.columns.len(),
                sheet.rows.len(),
                sheet.skipped.len()
            );
            let headers =
                header_row(&["类型", "单元格", "文件中的名称", "对应", "匹配"]);
            view! {
                <details class="panel sheet-match">
                    <summary>{title}</summary>
                    <DataTable headers=headers rows=rows />
                </details>
            }
        })
        .collect_view();
    let skipped_sheets = matched
        .skipped_sheets
        .into_iter()
        .map(|s| {
            view! { <li>{format!("工作表“{}”：{}", s.sheet, skip_reason_zh(&s.reason))}</li> }
        })
        .collect_view();
    let warnings = matched
        .warnings
        .into_iter()
        .map(|w| view! { <li>{w.message_zh}</li> })
        .collect_view();
    view! {
        <section data-testid="import-summary">
            {sheets}
            <ul class="muted">{skipped_sheets}</ul>
            <ul class="warning-list" role="status">{warnings}</ul>
        </section>
    }
}

#[component]
fn PreviewView(preview: Preview, dataset: Shared<Dataset>) -> impl IntoView {
    let decimals = |id: &str| {
        dataset
            .indicator_index(id)
            .map_or(2, |i| dataset.scheme.indicators[i].decimals)
    };
    let counts = format!(
        "新增 {} 项，修改 {} 项，未变 {} 项，缺报 {} 项。",
        preview.added, preview.changed, preview.unchanged, preview.missing
    );
    let change_zh = |change: &str| match change {
        "added" => "新增",
        "changed" => "修改",
        "missing" => "缺报",
        _ => "未变",
    };
    let figure_rows: Vec<Row> = preview
        .figures
        .iter()
        .filter(|f| f.change != "unchanged")
        .map(|f| {
            let places = decimals(&f.indicator);
            Row::new(vec![
                Cell::text(f.indicator_name.clone()),
                Cell::text(f.peer_name.clone()),
                Cell::number(format::figure_with_measure(
                    f.old, places, &f.measure,
                )),
                Cell::number(format::figure_with_measure(
                    f.new, places, &f.measure,
                )),
                Cell::text(change_zh(&f.change)),
                Cell::text(format!("{} {}", f.sheet, f.cell)),
            ])
        })
        .collect();
    let figures = if figure_rows.is_empty() {
        view! { <Empty text="文件中的数值与已有数据相同，没有变化。" /> }
            .into_any()
    } else {
        let headers =
            header_row(&["指标", "区县", "原值", "新值", "变化", "位置"]);
        view! { <DataTable headers=headers rows=figure_rows /> }.into_any()
    };

    let rank = |r: Option<u32>| r.map_or("—".to_string(), |r| r.to_string());
    let rank_rows: Vec<Row> = preview
        .ranks
        .iter()
        .filter(|r| {
            r.old_group_rank != r.new_group_rank
                || r.old_colour != r.new_colour
                || (r.old_score - r.new_score).abs() > 1e-9
        })
        .map(|r| {
            Row::new(vec![
                Cell::text(r.indicator_name.clone()),
                Cell::number(format!(
                    "{} → {}",
                    rank(r.old_group_rank),
                    rank(r.new_group_rank)
                )),
                Cell::Colour(r.old_colour),
                Cell::Colour(r.new_colour),
                Cell::number(format!(
                    "{} → {}",
                    format::points(r.old_score),
                    format::points(r.new_score)
                )),
            ])
        })
        .collect();
    let ranks = if rank_rows.is_empty() {
        view! { <Empty text="本区各指标的排名、颜色和得分不变。" /> }.into_any()
    } else {
        let headers =
            header_row(&["指标", "小组排名", "原颜色", "新颜色", "得分"]);
        view! { <DataTable headers=headers rows=rank_rows /> }.into_any()
    };

    let total = preview.total.map(|t| {
        format!(
            "本月合计：{} → {} 分，小组排名 {} → {}。",
            format::points(t.old_score),
            format::points(t.new_score),
            rank(t.old_group_rank),
            rank(t.new_group_rank)
        )
    });
    view! {
        <section class="panel" data-testid="import-preview">
            <h2>{format!("预览：{}", format::period(preview.period))}</h2>
            <p>{counts}</p>
            {total.map(|t| view! { <p class="strong" data-testid="import-total">{t}</p> })}
            <h3>"数值变化"</h3>
            {figures}
            <h3>"本区排名、颜色和得分变化"</h3>
            {ranks}
        </section>
    }
}
