//! 账号: login and logout against the backend. Without a backend (a
//! static host) the screen says so instead of offering a form that
//! cannot work.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::backend::{self, SessionState};
use crate::components::Loading;
use crate::state::{use_app_state, Load};
use crate::view_model::unit_name;

#[component]
pub fn Login() -> impl IntoView {
    use_app_state().check_session();
    let state = use_app_state();
    view! {
        <section class="page login">
            <h1>"账号"</h1>
            {move || match state.session.get() {
                SessionState::Checking => view! { <Loading text="正在检查登录状态…" /> }.into_any(),
                SessionState::NoBackend => view! { <NoBackendNotice /> }.into_any(),
                SessionState::LoggedOut => view! { <LoginForm /> }.into_any(),
                SessionState::LoggedIn(session) => {
                    let unit = session.unit.clone().map(|u| {
                        state.dataset().map_or(u.clone(), |d| unit_name(&d, &u))
                    });
                    view! {
                        <div class="panel">
                            <p>{format!("已登录：{}（{}）", session.account, session.role_zh())}</p>
                            {unit.map(|u| view! { <p>{format!("填报单位：{u}")}</p> })}
                            <button class="button" on:click=move |_| {
                                spawn_local(async move {
                                    if let Err(e) = backend::logout().await {
                                        log::warn!("logout failed: {}", e.code);
                                    }
                                    state.session.set(SessionState::LoggedOut);
                                });
                            }>"退出登录"</button>
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// The notice shown wherever writing needs the backend.
#[component]
pub fn NoBackendNotice() -> impl IntoView {
    view! {
        <div class="state notice" role="status">
            <p>"ℹ " {backend::ApiError::no_backend().message_zh}</p>
            <p class="muted">"查看、筛选和预估功能照常可用。"</p>
        </div>
    }
}

#[component]
pub fn LoginForm() -> impl IntoView {
    let state = use_app_state();
    let account = RwSignal::new(String::new());
    let passcode = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let name = account.get_untracked().trim().to_string();
        let code = passcode.get_untracked();
        if name.is_empty() || code.is_empty() {
            error.set(Some("请填写账号和口令。".to_string()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match backend::login(&name, &code).await {
                Ok(session) => {
                    log::info!("logged in as {}", session.account);
                    passcode.set(String::new());
                    state.session.set(SessionState::LoggedIn(session));
                    if !matches!(state.load.get_untracked(), Load::Ready(_)) {
                        state.reload();
                    }
                }
                Err(e) if e.is_no_backend() => {
                    state.session.set(SessionState::NoBackend)
                }
                Err(e) => error.set(Some(e.message_zh)),
            }
            busy.set(false);
        });
    };

    view! {
        <form class="panel login-form" on:submit=submit>
            <label>
                "账号"
                <input type="text" autocomplete="username" required
                    prop:value=move || account.get()
                    on:input=move |e| account.set(event_target_value(&e)) />
            </label>
            <label>
                "口令"
                <input type="password" autocomplete="current-password" required
                    prop:value=move || passcode.get()
                    on:input=move |e| passcode.set(event_target_value(&e)) />
            </label>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button class="button primary" type="submit" disabled=move || busy.get()>
                {move || if busy.get() { "正在登录…" } else { "登录" }}
            </button>
        </form>
    }
}
