//! 导入: the city's monthly bulletin of the districts' figures, read
//! from a spreadsheet in the spreadsheet worker. The screen shows what
//! was matched and skipped, asks the user to confirm guessed names,
//! lists rejected cells, previews old → new figures and the home's
//! rank changes, and on confirmation sends the figures to the backend
//! (office accounts only).

use dukao_core::Dataset;
use js_sys::Uint8Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

use crate::api::backend::{self, SessionState};
use crate::components::{with_dataset, SelectField};
use crate::format;
use crate::pages::import_result::MatchResult;
use crate::pages::login::{LoginForm, NoBackendNotice};
use crate::sheets_worker::{match_file, Stage};
use crate::state::{use_app_state, Shared};
use crate::view_model::import::{
    confirmations_json, parse_reply, Decisions, MatchReply,
};
use crate::view_model::indicators::periods;

#[component]
pub fn Import() -> impl IntoView {
    use_app_state().check_session();
    view! {
        <section class="page import">
            <h1>"导入市级通报数据"</h1>
            <SessionNotice />
            {with_dataset(|dataset| view! { <ImportScreen dataset=dataset /> })}
        </section>
    }
}

#[component]
fn SessionNotice() -> impl IntoView {
    let state = use_app_state();
    move || {
        match state.session.get() {
        SessionState::NoBackend => Some(view! { <NoBackendNotice /> }.into_any()),
        SessionState::LoggedOut => Some(
            view! {
                <div class="panel">
                    <p>"导入需要督查室账号。可先选择文件查看预览，登录后再提交。"</p>
                    <LoginForm />
                </div>
            }
            .into_any(),
        ),
        SessionState::LoggedIn(session) if session.role != "office" => Some(
            view! {
                <div class="state notice" role="status">
                    <p>{format!(
                        "当前账号（{}）不能导入兄弟区县数据，只有督查室账号可以提交；仍可查看预览。",
                        session.role_zh()
                    )}</p>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
    }
}

/// Reads the chosen file's bytes.
async fn read_file(input: &HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Some((name, Uint8Array::new(&buffer).to_vec())),
        Err(e) => {
            log::error!("reading {name} failed: {e:?}");
            None
        }
    }
}

#[component]
fn ImportScreen(dataset: Shared<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let open = dataset.figures.open_period;
    let period = RwSignal::new(open.to_string());
    let file = StoredValue::new(None::<(String, Vec<u8>)>);
    let file_name = RwSignal::new(None::<String>);
    let decisions = RwSignal::new(Decisions::new());
    let progress = RwSignal::new(None::<String>);
    let reply = RwSignal::new(None::<MatchReply>);
    let failure = RwSignal::new(None::<String>);
    // Each match run's number, so that a slower earlier run cannot
    // overwrite a later one.
    let run_number = StoredValue::new(0u32);

    let run = move || {
        let Some((name, bytes)) = file.get_value() else {
            return;
        };
        let number = run_number.get_value() + 1;
        run_number.set_value(number);
        failure.set(None);
        progress.set(Some("正在准备…".to_string()));
        let period = period.get_untracked();
        let confirmations = confirmations_json(&decisions.get_untracked());
        spawn_local(async move {
            let on_progress = move |stage: Stage| {
                if run_number.get_value() == number {
                    progress.set(Some(stage.text_zh().to_string()));
                }
            };
            let bytes = Uint8Array::from(bytes.as_slice());
            let result =
                match_file(&name, bytes, &period, &confirmations, on_progress)
                    .await;
            if run_number.get_value() != number {
                return;
            }
            progress.set(None);
            match result.map(|json| parse_reply(&json)) {
                Ok(Ok(parsed)) => reply.set(Some(parsed)),
                Ok(Err(e)) => {
                    log::error!("the sheets worker's reply is invalid: {e}");
                    reply.set(None);
                    failure.set(Some(
                        "文件无法读取：导入模块返回了无法识别的结果，请刷新页面后重试。"
                            .to_string(),
                    ));
                }
                Err(e) => {
                    log::error!("matching {name} failed: {}", e.message);
                    reply.set(None);
                    failure.set(Some(e.message_zh));
                }
            }
        });
    };

    let on_file = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            let chosen = read_file(&input).await;
            file_name.set(chosen.as_ref().map(|(name, _)| name.clone()));
            file.set_value(chosen);
            decisions.set(Decisions::new());
            reply.set(None);
            run();
        });
    };

    let options = periods(&dataset)
        .into_iter()
        .map(|p| (p.to_string(), format::period(p)))
        .collect();
    let on_period = Callback::new(move |value: String| {
        period.set(value);
        run();
    });
    let on_decide = Callback::new(move |(key, target)| {
        decisions.update(|d: &mut Decisions| {
            d.insert(key, target);
        });
        run();
    });

    let busy = RwSignal::new(false);
    let send_error = RwSignal::new(None::<String>);
    let on_send = Callback::new(move |body: Value| {
        let count = body["entries"].as_array().map_or(0, Vec::len);
        busy.set(true);
        send_error.set(None);
        spawn_local(async move {
            match backend::put_peer_figures(&body).await {
                Ok(()) => {
                    log::info!("imported {count} peer figures");
                    state.notify(format!(
                        "已导入 {count} 项数据，结果已按新数据重算。"
                    ));
                    reply.set(None);
                    file.set_value(None);
                    file_name.set(None);
                    state.reload();
                }
                Err(e) => {
                    if e.is_no_backend() {
                        state.session.set(SessionState::NoBackend);
                    } else if e.status == 401 {
                        state.session.set(SessionState::LoggedOut);
                    }
                    send_error.set(Some(e.message_zh));
                }
            }
            busy.set(false);
        });
    });

    let value = Signal::derive(move || period.get());
    let result = move || {
        reply.get().map(|reply| {
            view! {
                <MatchResult
                    reply=reply
                    dataset=dataset.clone()
                    decisions=decisions
                    on_decide=on_decide
                    on_send=on_send
                    busy=busy
                    send_error=send_error
                />
            }
        })
    };
    view! {
        <form class="filters import-form" on:submit=|e| e.prevent_default()>
            <label>
                "通报文件（.xlsx / .xls / .csv）"
                <input
                    type="file"
                    data-testid="import-file"
                    accept=".xlsx,.xls,.csv"
                    on:change=on_file
                />
            </label>
            <SelectField label="导入月份" options=options value=value on_change=on_period />
        </form>
        <p class="muted">
            {format!(
                "本区当前填报月份：{}。文件在本机读取，确认后才会提交。",
                format::period(open)
            )}
        </p>
        {move || file_name.get().map(|name| view! { <p>{format!("已选择：{name}")}</p> })}
        {move || progress.get().map(|text| view! {
            <div class="state loading" role="status" aria-live="polite" data-testid="import-progress">
                <span class="spinner" aria-hidden="true"></span>
                {text}
            </div>
        })}
        {move || failure.get().map(|message| view! {
            <div class="state error" role="alert" data-testid="import-failure">
                <p>"⚠ " {message}</p>
            </div>
        })}
        {result}
    }
}
