//! The Dukao web app: scores, ranks, what-if estimates, the task ledger
//! and supervision items, computed in the browser by `dukao-core`.

pub mod api;
pub mod chart_options;
pub mod charts;
pub mod components;
pub mod export_buttons;
pub mod format;
pub mod pages;
pub mod sheets_worker;
pub mod state;
pub mod table;
pub mod view_model;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::api::backend::SessionState;
use crate::state::{provide_app_state, use_app_state, Load};

/// The app: the router with every screen.
#[component]
pub fn App() -> impl IntoView {
    provide_app_state();
    // NOTE: links are absolute, so the app must be served from the host's
    // root; documents and API calls resolve against the app root anyway.
    view! {
        <Router>
            <RoutedShell>
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/indicators") view=pages::indicators::Indicators />
                    <Route path=path!("/indicators/:id") view=pages::detail::IndicatorDetail />
                    <Route path=path!("/ranking") view=pages::ranking::Ranking />
                    <Route path=path!("/ranking/bulletin/:period") view=pages::bulletin::BulletinPage />
                    <Route path=path!("/what-if") view=pages::what_if::WhatIfPage />
                    <Route path=path!("/entry") view=pages::entry::Entry />
                    <Route path=path!("/import") view=pages::import::Import />
                    <Route path=path!("/tasks") view=pages::tasks::Tasks />
                    <Route path=path!("/supervision") view=pages::supervision::Supervision />
                    <Route path=path!("/annual") view=pages::annual::Annual />
                    <Route path=path!("/login") view=pages::login::Login />
                    <Route path=path!("/kiosk") view=pages::kiosk::Kiosk />
                </Routes>
            </RoutedShell>
        </Router>
    }
}

/// Renders the home screen alone, without the router or the other
/// screens, for the smaller module that the first load of `/` runs (see
/// js/boot.js). Its links load the whole app.
#[component]
pub fn HomeApp() -> impl IntoView {
    provide_app_state();
    let path = Signal::stored("/".to_string());
    view! {
        <Shell path=path>
            <pages::home::Home />
        </Shell>
    }
}

/// Renders [`Shell`] with the router's current path.
#[component]
fn RoutedShell(children: Children) -> impl IntoView {
    let location = use_location();
    let path = Signal::derive(move || location.pathname.get());
    view! { <Shell path=path>{children()}</Shell> }
}

/// The screens in the menu, as (path, name).
const SCREENS: [(&str, &str); 9] = [
    ("/", "首页"),
    ("/indicators", "指标"),
    ("/ranking", "排名"),
    ("/what-if", "预估"),
    ("/entry", "填报"),
    ("/tasks", "任务"),
    ("/supervision", "督办"),
    ("/annual", "年度"),
    ("/login", "账号"),
];

/// Whether `path` belongs to the menu entry `screen`.
fn is_current(screen: &str, path: &str) -> bool {
    if screen == "/" {
        path == "/" || path.is_empty()
    } else {
        path == screen || path.starts_with(&format!("{screen}/"))
    }
}

/// Header, menu and what-if banner around every screen but the kiosk,
/// which is full screen without controls.
#[component]
fn Shell(path: Signal<String>, children: Children) -> impl IntoView {
    let state = use_app_state();
    // The header names the account on every screen. On a static host the
    // response is the file public/api/session, which reads as "no backend".
    state.check_session();
    let kiosk = move || path.get().ends_with("/kiosk");
    let menu_open = RwSignal::new(false);
    // Close the menu whenever the screen changes.
    Effect::new(move |_| {
        path.track();
        menu_open.set(false);
    });

    let title = move || match state.load.get() {
        Load::Ready(dataset) => {
            let home = &dataset.scheme.peers[dataset.home()].name;
            format!("{home} · {}", format::period(dataset.figures.open_period))
        }
        _ => String::new(),
    };

    let account = move || match state.session.get() {
        SessionState::LoggedIn(session) => {
            format!("{} · {}", session.account, session.role_zh())
        }
        SessionState::LoggedOut => "未登录".to_string(),
        SessionState::NoBackend => "离线演示".to_string(),
        SessionState::Checking => String::new(),
    };

    let nav_items = SCREENS
        .iter()
        .map(|(href, name)| {
            let current =
                move || is_current(href, &path.get()).then_some("page");
            view! {
                <li>
                    <a href=*href aria-current=current>
                        {*name}
                    </a>
                </li>
            }
        })
        .collect_view();
    // 导入 is for the office, for visitors who may log in as the office
    // (the import screen requires that login before anything is sent),
    // and for the static demo where anyone may preview a file. Other
    // roles cannot store peers' figures, so the link waits for the
    // session check rather than flash for them.
    let import_item = move || {
        let shown = match state.session.get() {
            SessionState::LoggedIn(session) => session.role == "office",
            SessionState::NoBackend | SessionState::LoggedOut => true,
            SessionState::Checking => false,
        };
        shown.then(|| {
            let current = is_current("/import", &path.get()).then_some("page");
            view! {
                <li>
                    <a href="/import" aria-current=current data-testid="nav-import">
                        "导入"
                    </a>
                </li>
            }
        })
    };
    view! {
        <div class="app" class:kiosk-mode=kiosk>
            <header class="topbar" hidden=kiosk>
                <a href="/" class="brand">
                    "督考"
                </a>
                <span class="topbar-title">{title}</span>
                <span class="topbar-account">{account}</span>
                <button
                    class="menu-toggle"
                    data-testid="nav-toggle"
                    aria-expanded=move || menu_open.get().to_string()
                    aria-controls="main-nav"
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    "☰ 菜单"
                </button>
            </header>
            <nav id="main-nav" class="nav" class:open=move || menu_open.get() data-testid="nav" hidden=kiosk aria-label="主菜单">
                <ul>{nav_items} {import_item}</ul>
            </nav>
            <WhatIfBanner path=path />
            <Notice />
            <main class="content">{children()}</main>
        </div>
    }
}

/// A short message after a write, closed by its button or after a few
/// seconds.
#[component]
fn Notice() -> impl IntoView {
    let state = use_app_state();
    Effect::new(move |_| {
        if let Some(message) = state.notice.get() {
            set_timeout(
                move || {
                    if state.notice.get_untracked().as_ref() == Some(&message) {
                        state.notice.set(None);
                    }
                },
                std::time::Duration::from_secs(6),
            );
        }
    });

    move || {
        state.notice.get().map(|message| {
            view! {
                <div class="notice-banner" role="status">
                    <span>"✓ " {message}</span>
                    <button class="button small" on:click=move |_| state.notice.set(None)>
                        "关闭"
                    </button>
                </div>
            }
        })
    }
}

/// The badge and reset action shown on every screen while what-if
/// figures are applied.
#[component]
fn WhatIfBanner(path: Signal<String>) -> impl IntoView {
    let state = use_app_state();
    let count = move || state.what_if.with(|w| w.figures.len());
    let typed = move || {
        state
            .what_if_inputs
            .with(|inputs| inputs.values().any(|t| !t.trim().is_empty()))
    };

    let hidden = move || path.get().ends_with("/kiosk");
    move || {
        (typed() && !hidden()).then(|| {
            view! {
                <div class="whatif-banner" role="status">
                    <span class="whatif-badge" data-testid="whatif-badge">
                        "◆ 预估模式"
                    </span>
                    <span class="whatif-text">
                        {move || format!("已假设 {} 项数值，所有结果均为预估，不会保存或上报", count())}
                    </span>
                    <button class="button small" data-testid="whatif-reset" on:click=move |_| state.reset_what_if()>
                        "清除预估"
                    </button>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_screen_matches_prefix() {
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/indicators"));
        assert!(is_current("/indicators", "/indicators/inv"));
        assert!(!is_current("/indicators", "/indicatorsx"));
        assert!(is_current("/ranking", "/ranking/bulletin/2022-11"));
    }
}
