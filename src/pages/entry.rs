//! 填报 (entry): a unit's indicators for the open period. Each typed
//! figure shows its projected score and rank at once. Submitting sends
//! the changed figures to the backend, and its errors appear in Chinese
//! beside their field.

use std::collections::BTreeMap;

use dukao_core::Dataset;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::backend::{self, ApiError, SessionState};
use crate::components::{
    with_all, with_dataset, ColourBadge, Empty, SelectField,
};
use crate::format;
use crate::pages::login::{LoginForm, NoBackendNotice};
use crate::state::{use_app_state, Shared};
use crate::view_model::entry::{fields, lines, preview, EntryField};
use crate::view_model::indicators::lead_units;

#[component]
pub fn Entry() -> impl IntoView {
    use_app_state().check_session();
    view! {
        <section class="page entry">
            <h1>"填报"</h1>
            {with_dataset(|dataset| view! { <EntryScreen dataset=dataset /> })}
        </section>
    }
}

/// Index of the entry a backend error's JSON path points at, e.g. 2 for
/// `$.entries[2].value`.
pub fn entry_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("$.entries[")?;
    rest.split(']').next()?.parse().ok()
}

#[component]
fn EntryScreen(dataset: Shared<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let query = use_query_map();
    let navigate = use_navigate();
    // A reporter writes for its own unit; others pick one.
    let own_unit = move || match state.session.get() {
        SessionState::LoggedIn(s) if s.role == "reporter" => s.unit,
        _ => None,
    };

    let unit = Memo::new(move |_| {
        own_unit()
            .or_else(|| query.get().get("unit"))
            .unwrap_or_default()
    });

    let units = lead_units(&dataset);
    let options = with_all("请选择单位", units);
    let value = Signal::derive(move || unit.get());
    let on_change = Callback::new(move |value: String| {
        let url =
            format!("/entry?unit={}", js_sys::encode_uri_component(&value));
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });

    let picker = move || {
        own_unit().is_none().then(|| {
            view! {
                <form class="filters" on:submit=|e| e.prevent_default()>
                    <SelectField label="填报单位" options=options.clone() value=value on_change=on_change />
                </form>
            }
        })
    };

    let session_notice = move || {
        match state.session.get() {
        SessionState::NoBackend => Some(view! { <NoBackendNotice /> }.into_any()),
        SessionState::LoggedOut => Some(
            view! {
                <div class="panel">
                    <p>"提交数据需要先登录。可先填写查看预估，登录后再提交。"</p>
                    <LoginForm />
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
    };

    let form = move || {
        let unit = unit.get();
        if unit.is_empty() {
            return view! { <Empty text="请选择填报单位。" /> }.into_any();
        }
        let fields = fields(&dataset, &unit);
        if fields.is_empty() {
            return view! { <Empty text="该单位本月没有需要填报的指标。" /> }
                .into_any();
        }
        view! { <EntryForm dataset=dataset.clone() fields=fields /> }.into_any()
    };

    view! {
        {picker}
        {session_notice}
        {form}
    }
}

/// Moves the focus to the entry field of indicator `id`, which scrolls
/// it into view.
fn focus_field(id: &str) {
    use wasm_bindgen::JsCast;
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("entry-{id}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match field {
        Some(field) => {
            if let Err(e) = field.focus() {
                log::warn!("focusing entry field {id} failed: {e:?}");
            }
        }
        None => log::warn!("entry field {id} not found to focus"),
    }
}

#[component]
fn EntryForm(
    dataset: Shared<Dataset>,
    fields: Vec<EntryField>,
) -> impl IntoView {
    let state = use_app_state();
    let open = dataset.figures.open_period;
    let inputs = RwSignal::new(BTreeMap::<String, String>::new());
    // Backend errors by indicator id, and errors for the whole form.
    let field_errors = RwSignal::new(BTreeMap::<String, String>::new());
    let form_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = {
        let fields = fields.clone();
        let dataset = dataset.clone();
        move |e: leptos::ev::SubmitEvent| {
            e.prevent_default();
            form_error.set(None);
            field_errors.set(BTreeMap::new());
            let lines = match lines(&dataset, &fields, &inputs.get_untracked()) {
                Ok(lines) => lines,
                Err(errors) => {
                    form_error.set(Some(format!(
                        "{} 项数值有误，请按各项下方的提示修改后再提交。",
                        errors.len()
                    )));
                    // Takes the reader to the first field to fix.
                    if let Some((id, _)) = errors.first() {
                        focus_field(id);
                    }
                    field_errors.set(errors.into_iter().collect());
                    return;
                }
            };
            if lines.is_empty() {
                form_error.set(Some(
                    "没有需要提交的修改：请填写与已报数值不同的数值。"
                        .to_string(),
                ));
                return;
            }
            busy.set(true);
            spawn_local(async move {
                match backend::put_figures(open, &lines).await {
                    Ok(()) => {
                        log::info!("stored {} figures for {open}", lines.len());
                        state.notify(format!(
                            "已提交 {} 项数据，结果已按新数据重算。",
                            lines.len()
                        ));
                        inputs.set(BTreeMap::new());
                        state.reload();
                    }
                    Err(error) => show_error(
                        error,
                        &lines,
                        field_errors,
                        form_error,
                        state,
                    ),
                }
                busy.set(false);
            });
        }
    };

    // Leaving or reloading with typed figures that were not submitted
    // brings up the browser's leave-page dialog, so a slip loses nothing.
    let unsaved = move || inputs.with_untracked(|m| m.values().any(|t| !t.trim().is_empty()));
    let guard = window_event_listener(leptos::ev::beforeunload, move |e| {
        if unsaved() {
            e.prevent_default();
            e.set_return_value("");
        }
    });
    on_cleanup(move || guard.remove());

    let can_submit = move || matches!(state.session.get(), SessionState::LoggedIn(ref s) if s.can_write());
    let rows = fields
        .into_iter()
        .map(|field| view! { <EntryRow dataset=dataset.clone() field=field inputs=inputs backend_errors=field_errors /> })
        .collect_view();
    view! {
        <form class="entry-form" on:submit=submit novalidate>
            <p class="muted">{format!("填报月份：{}。输入时即显示预估得分和排名；未修改的指标不会提交。", format::period(open))}</p>
            <ul class="whatif-list">{rows}</ul>
            <p class="field-error" role="alert">{move || form_error.get()}</p>

            <button class="button primary" type="submit" disabled=move || busy.get() || !can_submit()>
                {move || if busy.get() { "正在提交…" } else { "提交" }}
            </button>
            {move || (!can_submit()).then(|| view! { <p class="muted">"登录有填报权限的账号后才能提交。"</p> })}
        </form>
    }
}

/// Puts a rejected submission's message beside the field it names, or
/// above the button when it names none.
fn show_error(
    error: ApiError,
    lines: &[crate::view_model::entry::EntryLine],
    field_errors: RwSignal<BTreeMap<String, String>>,
    form_error: RwSignal<Option<String>>,
    state: crate::state::AppState,
) {
    if error.is_no_backend() {
        state.session.set(SessionState::NoBackend);
    }

    if error.status == 401 {
        state.session.set(SessionState::LoggedOut);
    }

    let line = error
        .path
        .as_deref()
        .and_then(entry_index)
        .and_then(|i| lines.get(i));
    match line {
        Some(line) => {
            field_errors.update(|m| {
                m.insert(line.indicator.clone(), error.message_zh.clone());
            });
            form_error.set(Some("提交未成功，请查看标出的指标。".to_string()));
        }
        None => form_error.set(Some(error.message_zh.clone())),
    }
    // After a conflict the stored figure changed: reload so the form
    // compares against it.
    if error.status == 409 {
        state.reload();
    }
}

#[component]
fn EntryRow(
    dataset: Shared<Dataset>,
    field: EntryField,
    inputs: RwSignal<BTreeMap<String, String>>,
    backend_errors: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let id = field.id.clone();
    let index = field.index;
    let decimals = field.decimals;
    let text = {
        let id = id.clone();
        Memo::new(move |_| {
            inputs.with(|m| m.get(&id).cloned().unwrap_or_default())
        })
    };

    let parsed = {
        let dataset = dataset.clone();
        let field = field.clone();
        Memo::new(move |_| text.with(|t| field.parse(&dataset, t)))
    };

    let error = {
        let id = id.clone();
        move || {
            parsed
                .get()
                .err()
                .or_else(|| backend_errors.with(|m| m.get(&id).cloned()))
        }
    };

    let result = {
        let dataset = dataset.clone();
        let reported = field.reported;
        Memo::new(move |_| {
            let value = parsed.get().ok().flatten().or(reported)?;
            preview(&dataset, index, value)
        })
    };

    let on_input = {
        let id = id.clone();
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            inputs.update(|m| {
                m.insert(id.clone(), value);
            });
            backend_errors.update(|m| {
                m.remove(&id);
            });
        }
    };

    let input_id = format!("entry-{id}");
    let error_id = format!("entry-error-{id}");
    let described = error_id.clone();
    let invalid = error.clone();
    view! {
        <li class="whatif-row">
            <div class="whatif-name">
                <label for=input_id.clone()>{field.name.clone()}</label>
                <span class="muted small">
                    {format!("已报：{}", format::figure_with_measure(field.reported, decimals, &field.measure))}
                </span>
            </div>
            <div class="whatif-input">
                <input
                    id=input_id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    placeholder=format::figure(field.reported, decimals)
                    data-testid=format!("entry-input-{id}")
                    aria-describedby=described
                    aria-invalid=move || invalid().is_some().to_string()
                    prop:value=move || text.get()
                    on:input=on_input
                />
                <span class="measure">{field.measure.clone()}</span>
            </div>
            <p class="field-error" id=error_id role="alert">{error}</p>
            <div class="whatif-result">
                {move || match result.get() {
                    Some(p) => view! {
                        <span>"预估得分 " <strong>{format::points(p.score)}</strong></span>
                        <span>"预估小组 " <strong>{format::rank_text(p.group_rank)}</strong></span>
                        <span>"本月小组 " <strong>{format::rank_text(p.month_group_rank)}</strong></span>
                        <ColourBadge colour=p.colour />
                    }
                    .into_any(),
                    None => view! { <span class="muted">"填写数值后显示预估得分和排名"</span> }.into_any(),
                }}
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_index_from_path() {
        assert_eq!(entry_index("$.entries[2].value"), Some(2));
        assert_eq!(entry_index("$.entries[10]"), Some(10));
        assert_eq!(entry_index("$.period"), None);
        assert_eq!(entry_index("$.entries[x]"), None);
    }
}
