//! Small views shared by the screens: colour and movement labels, and
//! the loading, error and empty states.

use dukao_core::{Colour, Dataset, Report};
use leptos::prelude::*;

use crate::format;
use crate::pages::login::LoginForm;
use crate::state::{use_app_state, Load, Shared};

/// The colour as shape and name, e.g. "■ 红", never as colour alone.
#[component]
pub fn ColourBadge(colour: Colour) -> impl IntoView {
    let class = format!("badge colour-{}", format::colour_key(colour));
    view! { <span class=class>{format::colour_label(colour)}</span> }
}

/// Places risen or fallen, with an arrow.
#[component]
pub fn RankChange(change: Option<i32>) -> impl IntoView {
    let class = match change {
        Some(c) if c > 0 => "change up",
        Some(c) if c < 0 => "change down",
        _ => "change",
    };

    view! { <span class=class>{format::rank_change(change)}</span> }
}

#[component]
pub fn Loading(
    #[prop(into, default = "正在加载数据…".into())] text: String,
) -> impl IntoView {
    view! {
        <div class="state loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {text}
        </div>
    }
}

/// An error in Chinese, with a retry button that reloads the documents.
#[component]
pub fn ErrorMessage(
    message: String,
    #[prop(optional)] retry: bool,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="state error" role="alert" data-testid="error-message">
            <p>"⚠ " {message}</p>
            {retry
                .then(|| {
                    view! {
                        <button class="button" on:click=move |_| state.reload()>
                            "重新加载"
                        </button>
                    }
                })}
        </div>
    }
}

/// The login form for a server that shows data to logged-in accounts
/// only; a successful login loads the documents.
#[component]
pub fn LoginRequired() -> impl IntoView {
    view! {
        <div class="state notice" role="status">
            <p>"此服务器上的考核数据仅对已登录账号开放，请先登录。"</p>
        </div>
        <LoginForm />
    }
}

#[component]
pub fn Empty(#[prop(into)] text: String) -> impl IntoView {
    view! { <div class="state empty">{text}</div> }
}

/// Renders `ready` with the dataset and the current report once both are
/// there, and the loading or error state until then. `ready` runs again
/// whenever the report changes, so screens with inputs that must keep
/// focus use [`with_dataset`] instead.
pub fn with_report<F, V>(ready: F) -> impl IntoView
where
    F: Fn(Shared<Dataset>, Shared<Report>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = use_app_state();
    move || match state.load.get() {
        Load::Loading => view! { <Loading /> }.into_any(),
        Load::NeedsLogin => view! { <LoginRequired /> }.into_any(),
        Load::Failed(message) => {
            view! { <ErrorMessage message=message retry=true /> }.into_any()
        }
        Load::Ready(dataset) => match state.report.get() {
            Some(report) => ready(dataset, report).into_any(),
            None => view! { <Loading text="正在计算…" /> }.into_any(),
        },
    }
}

/// Renders `ready` with the dataset once loaded; it runs again only when
/// a new dataset arrives.
pub fn with_dataset<F, V>(ready: F) -> impl IntoView
where
    F: Fn(Shared<Dataset>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = use_app_state();
    let load = Memo::new(move |_| state.load.get());
    move || match load.get() {
        Load::Loading => view! { <Loading /> }.into_any(),
        Load::NeedsLogin => view! { <LoginRequired /> }.into_any(),
        Load::Failed(message) => {
            view! { <ErrorMessage message=message retry=true /> }.into_any()
        }
        Load::Ready(dataset) => ready(dataset).into_any(),
    }
}

/// A labelled drop-down of (value, text) options. `value` is the selected
/// option's value; choosing another calls `on_change` with it. Every
/// drop-down of the app uses this one component.
#[component]
pub fn SelectField(
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(key, text)| {
            let selected = key.clone();
            view! {
                <option value=key selected=move || value.with(|v| *v == selected)>
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <label>
            {label}
            <select on:change=move |e| on_change.run(event_target_value(&e))>
                {options}
            </select>
        </label>
    }
}

/// Options with a first entry of `all_text` for the empty value.
pub fn with_all(
    all_text: &str,
    options: impl IntoIterator<Item = (String, String)>,
) -> Vec<(String, String)> {
    let mut all = vec![(String::new(), all_text.to_string())];
    all.extend(options);
    all
}
