//! The wall display (/kiosk): full screen, dark, no controls. It cycles a
//! playlist (ranking board → red items → charts → task ledger) and
//! refreshes its data with conditional requests.
//!
//! Query parameters, both in seconds:
//! - `interval`: time each slide stays up (default 20, at least 2);
//! - `refresh`: time between data refreshes (default 60, at least 5).
//!
//! When a refresh fails, the last data stays on screen with a
//! "数据未更新" badge until a refresh succeeds again.

mod charts;
mod feed;
mod slides;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use self::feed::{Feed, Snapshot};
use self::slides::{playlist, render, Slide};
use crate::format;

const KIOSK_CSS: &str = include_str!("kiosk/kiosk.css");

const DEFAULT_INTERVAL_SECS: u64 = 20;
const MIN_INTERVAL_SECS: u64 = 2;
const DEFAULT_REFRESH_SECS: u64 = 60;
const MIN_REFRESH_SECS: u64 = 5;
/// Upper bound of both parameters: one day.
const MAX_SECS: u64 = 86_400;

/// State of the data on screen.
#[derive(Clone, Debug, Default, PartialEq)]
struct FeedStatus {
    /// Local time of the last refresh that reached the server.
    refreshed_at: Option<String>,
    /// The last refresh failed or read the offline cache.
    stale: bool,
    /// Why, in Chinese.
    problem: Option<String>,
}

/// Reads a duration in seconds from the query, within `min..=MAX_SECS`.
/// A missing value gives `default`; an invalid one too, with a warning.
fn seconds_param(
    value: Option<String>,
    name: &str,
    default: u64,
    min: u64,
) -> u64 {
    let Some(text) = value else {
        return default;
    };
    match text.trim().parse::<u64>() {
        Ok(seconds) => seconds.clamp(min, MAX_SECS),
        Err(_) => {
            log::warn!(
                "kiosk: invalid {name}={text:?}: expected whole seconds; \
                 using {default}"
            );
            default
        }
    }
}

/// Formats the local wall-clock time as "HH:MM:SS".
fn local_time() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// Renders the kiosk: header, current slide and playlist dots.
#[component]
pub fn Kiosk() -> impl IntoView {
    let query = use_query_map();
    let interval = seconds_param(
        query.with_untracked(|q| q.get("interval")),
        "interval",
        DEFAULT_INTERVAL_SECS,
        MIN_INTERVAL_SECS,
    );
    let refresh_every = seconds_param(
        query.with_untracked(|q| q.get("refresh")),
        "refresh",
        DEFAULT_REFRESH_SECS,
        MIN_REFRESH_SECS,
    );

    let snapshot = RwSignal::new(None::<Arc<Snapshot>>);
    let status = RwSignal::new(FeedStatus::default());
    let position = RwSignal::new(0_usize);

    // The feed is taken out while a refresh runs, so a slow refresh is
    // never overlapped by the next one.
    let feed = Rc::new(RefCell::new(Some(Feed::default())));
    let refresh = move || {
        let Some(mut current) = feed.borrow_mut().take() else {
            log::info!("kiosk: previous refresh still running, skipped");
            return;
        };
        let feed = feed.clone();
        spawn_local(async move {
            let result = current.refresh().await;
            *feed.borrow_mut() = Some(current);
            apply_refresh(result, snapshot, status);
        });
    };
    refresh();
    let refresh_timer = set_interval_with_handle(
        refresh.clone(),
        Duration::from_secs(refresh_every),
    );
    let slide_timer = set_interval_with_handle(
        move || {
            position.try_update(|p| *p = p.wrapping_add(1));
        },
        Duration::from_secs(interval),
    );
    on_cleanup(move || {
        for timer in [refresh_timer, slide_timer].into_iter().flatten() {
            timer.clear();
        }
    });

    let slides = Memo::new(move |_| {
        snapshot.with(|s| s.as_deref().map(playlist).unwrap_or_default())
    });
    let current = Memo::new(move |_| {
        slides.with(|slides| {
            (!slides.is_empty()).then(|| slides[position.get() % slides.len()])
        })
    });

    let home_name = move || {
        snapshot.with(|s| {
            s.as_ref().map(|s| {
                let dataset = &s.dataset;
                dataset.scheme.peers[dataset.home()].name.clone()
            })
        })
    };
    let title = move || current.get().map(Slide::title).unwrap_or_default();
    let body = move || match (current.get(), snapshot.get()) {
        (Some(slide), Some(snapshot)) => view! {
            <section
                class="kiosk-slide"
                data-testid="kiosk-view"
                data-view=slide.key()
            >
                {render(slide, &snapshot)}
            </section>
        }
        .into_any(),
        _ => {
            let text = status.with(|s| s.problem.clone()).map_or_else(
                || "正在加载数据…".to_string(),
                |problem| format!("{problem} 将在 {refresh_every} 秒后重试。"),
            );
            view! {
                <p class="kiosk-message" role="status" data-testid="error-message">
                    {text}
                </p>
            }
            .into_any()
        }
    };

    view! {
        <div class="kiosk-screen" data-testid="kiosk">
            <style>{KIOSK_CSS}</style>
            <h1 class="visually-hidden">"督考大屏"</h1>
            <header class="kiosk-header">
                <div class="kiosk-brand">
                    "督考 · "
                    {home_name}
                    <span class="kiosk-slide-title">{title}</span>
                </div>
                <StatusLine status=status />
            </header>
            <main class="kiosk-main">{body}</main>
            <footer class="kiosk-footer">
                <Dots slides=slides current=current />
                <span>
                    {move || {
                        snapshot
                            .with(|s| {
                                s.as_ref()
                                    .map(|s| {
                                        // The same words as the home
                                        // screen's data tile.
                                        format!(
                                            "统计截至 {} · 最近更新 {}",
                                            format::date(s.dataset.figures.as_of),
                                            format::timestamp(&s.dataset.figures.updated_at),
                                        )
                                    })
                            })
                    }}
                </span>
            </footer>
        </div>
    }
}

/// Stores a refresh's result: a new snapshot replaces the shown one; a
/// failure keeps it and marks it stale.
fn apply_refresh(
    result: Result<feed::Refresh, String>,
    snapshot: RwSignal<Option<Arc<Snapshot>>>,
    status: RwSignal<FeedStatus>,
) {
    match result {
        Ok(refresh) => {
            if let Some(next) = refresh.snapshot {
                snapshot.try_set(Some(next));
            }
            status.try_update(|status| {
                if refresh.offline {
                    status.stale = true;
                    status.problem = Some(
                        "无法连接服务器，显示离线保存的数据。".to_string(),
                    );
                } else {
                    *status = FeedStatus {
                        refreshed_at: Some(local_time()),
                        stale: false,
                        problem: None,
                    };
                }
            });
        }
        Err(problem) => {
            status.try_update(|status| {
                status.stale = true;
                status.problem = Some(problem);
            });
        }
    }
}

/// Shows the refresh time and, while the data is stale, the badge.
#[component]
fn StatusLine(status: RwSignal<FeedStatus>) -> impl IntoView {
    let badge = move || {
        status.with(|s| s.stale).then(|| {
            let reason = status.with(|s| s.problem.clone()).unwrap_or_default();
            view! {
                <span class="kiosk-stale" data-testid="kiosk-stale" title=reason>
                    "⚠ 数据未更新"
                </span>
            }
        })
    };
    let refreshed = move || {
        status.with(|s| {
            s.refreshed_at.as_ref().map_or_else(
                || "尚未刷新".to_string(),
                |t| format!("刷新于 {t}"),
            )
        })
    };
    view! {
        <div class="kiosk-status">
            {badge}
            <span data-testid="kiosk-refreshed">{refreshed}</span>
        </div>
    }
}

/// Shows one dot per slide, the current one highlighted.
#[component]
fn Dots(
    slides: Memo<Vec<Slide>>,
    current: Memo<Option<Slide>>,
) -> impl IntoView {
    let dots = move || {
        let current = current.get();
        slides.with(|slides| {
            slides
                .iter()
                .map(|slide| {
                    let class = if Some(*slide) == current {
                        "kiosk-dot current"
                    } else {
                        "kiosk-dot"
                    };
                    view! { <span class=class aria-hidden="true"></span> }
                })
                .collect_view()
        })
    };
    view! { <div class="kiosk-dots">{dots}</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_param_cases() {
        let cases = [
            (None, 20),
            (Some("15"), 15),
            (Some(" 30 "), 30),
            (Some("1"), MIN_INTERVAL_SECS),
            (Some("0"), MIN_INTERVAL_SECS),
            (Some("999999"), MAX_SECS),
            (Some("abc"), 20),
            (Some("-5"), 20),
            (Some("2.5"), 20),
        ];
        for (text, expected) in cases {
            let seconds = seconds_param(
                text.map(str::to_string),
                "interval",
                DEFAULT_INTERVAL_SECS,
                MIN_INTERVAL_SECS,
            );
            assert_eq!(seconds, expected, "interval={text:?}");
        }
    }
}
