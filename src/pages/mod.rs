//! The screens, one module each.

pub mod annual;
pub mod bulletin;
pub mod detail;
pub mod entry;
pub mod home;
pub mod import;
pub mod import_result;
pub mod indicators;
pub mod kiosk;
pub mod login;
pub mod ranking;
pub mod supervision;
pub mod tasks;
pub mod what_if;

use leptos::prelude::*;

/// The screen for a path no route matches.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"页面不存在"</h1>
            <div class="state error" data-testid="error-message">
                <p>"⚠ 没有这个页面，请检查链接或从菜单进入。"</p>
                <a href="/" class="button">
                    "返回首页"
                </a>
            </div>
        </section>
    }
}
