//! The app-wide state: the loaded dataset, the what-if figures, the
//! engine's report and the session, provided as a context.

use std::collections::BTreeMap;
use std::future::Future;
use std::ops::Deref;
use std::sync::Arc;

use dukao_core::{evaluate, evaluate_from, Dataset, Report, WhatIf};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::backend::{self, ApiError, SessionState};
use crate::api::{load_dataset, LoadError};
use crate::view_model::figure_input;

/// A shared value that compares by identity, so memos holding it notify
/// only when it is replaced, without comparing a whole report.
#[derive(Debug)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The progress of loading the documents.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    /// The server shows the documents to logged-in accounts only.
    NeedsLogin,
    /// The Chinese message naming the document that failed.
    Failed(String),
    Ready(Shared<Dataset>),
}

/// The state every screen reads; `Copy` because it contains only signal
/// handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub load: RwSignal<Load>,
    /// The texts typed on the what-if screen, by indicator id. They live
    /// in memory only: never saved or sent, gone on reload.
    pub what_if_inputs: RwSignal<BTreeMap<String, String>>,
    /// The valid what-if figures.
    pub what_if: Memo<WhatIf>,
    /// The report without what-if figures.
    pub base_report: Memo<Option<Shared<Report>>>,
    /// The report with the what-if figures applied.
    pub report: Memo<Option<Shared<Report>>>,
    /// Milliseconds the last full recompute took, as measured in the
    /// browser.
    pub recompute_ms: RwSignal<Option<f64>>,
    pub session: RwSignal<SessionState>,
    /// Whether the session check has been started.
    session_checked: RwSignal<bool>,
    /// A message for the user that outlives the screen that set it, such
    /// as "saved" after a write reloads the data.
    pub notice: RwSignal<Option<String>>,
}

fn now_ms() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
}

impl AppState {
    fn new() -> AppState {
        let load = RwSignal::new(Load::Loading);
        let what_if_inputs = RwSignal::new(BTreeMap::new());
        // Valid figures only, checked against their indicators once the
        // dataset is in.
        let what_if = Memo::new(move |_| match load.get() {
            Load::Ready(dataset) => {
                what_if_inputs.with(|inputs| figure_input::what_if(&dataset, inputs))
            }
            _ => WhatIf::default(),
        });
        let recompute_ms = RwSignal::new(None);
        let dataset = Memo::new(move |_| match load.get() {
            Load::Ready(dataset) => Some(dataset),
            _ => None,
        });
        let timed = move |compute: &dyn Fn() -> Report| {
            let start = now_ms();
            let report = compute();
            if let (Some(start), Some(end)) = (start, now_ms()) {
                recompute_ms.set(Some(end - start));
            }
            Shared::new(report)
        };
        let base_report = Memo::new(move |_| {
            let dataset = dataset.get()?;
            Some(timed(&|| evaluate(&dataset, &WhatIf::default())))
        });
        // A keystroke on the what-if screen recomputes only the
        // indicators given what-if figures, starting from the base report.
        let report = Memo::new(move |_| {
            let dataset = dataset.get()?;
            let what_if = what_if.get();
            let base = base_report.get()?;
            if what_if.is_empty() {
                return Some(base);
            }
            Some(timed(&|| evaluate_from(&dataset, &base, &what_if)))
        });
        AppState {
            load,
            what_if_inputs,
            what_if,
            base_report,
            report,
            recompute_ms,
            session: RwSignal::new(SessionState::Checking),
            session_checked: RwSignal::new(false),
            notice: RwSignal::new(None),
        }
    }

    /// The dataset when loaded, read without tracking: for views that
    /// the dataset's own arrival re-creates anyway.
    pub fn dataset(&self) -> Option<Shared<Dataset>> {
        match self.load.get_untracked() {
            Load::Ready(dataset) => Some(dataset),
            _ => None,
        }
    }

    /// Loads the documents. While a dataset is shown, it stays on screen
    /// until the new one arrives; a failed reload keeps it and logs.
    pub fn reload(&self) {
        let load = self.load;
        if !matches!(load.get_untracked(), Load::Ready(_)) {
            load.set(Load::Loading);
        }
        spawn_local(async move {
            match load_dataset().await {
                Ok(dataset) => {
                    log::info!(
                        "loaded {} indicators, open period {}",
                        dataset.scheme.indicators.len(),
                        dataset.figures.open_period
                    );
                    load.set(Load::Ready(Shared::new(dataset)));
                }
                Err(error) => {
                    if matches!(load.get_untracked(), Load::Ready(_)) {
                        log::error!("reload failed, keeping shown data");
                    } else {
                        load.set(match error {
                            LoadError::NeedsLogin => Load::NeedsLogin,
                            LoadError::Failed(message) => Load::Failed(message),
                        });
                    }
                }
            }
        });
    }

    /// Asks the backend who is logged in, once: the shell calls this on
    /// start, and screens that write call it again harmlessly.
    pub fn check_session(&self) {
        if self.session_checked.get_untracked() {
            return;
        }
        self.session_checked.set(true);
        let session = self.session;
        spawn_local(async move {
            session.set(backend::session().await);
        });
    }

    /// Shows a short message for the user, e.g. after a write succeeded.
    pub fn notify(&self, message: impl Into<String>) {
        self.notice.set(Some(message.into()));
    }

    /// Runs a write: marks `busy` while it runs, shows `done` and reloads
    /// the documents on success, and puts the Chinese message into
    /// `error` on failure.
    pub fn run_write<F>(
        &self,
        busy: RwSignal<bool>,
        error: RwSignal<Option<String>>,
        done: String,
        write: F,
    ) where
        F: Future<Output = Result<(), ApiError>> + 'static,
    {
        let state = *self;
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match write.await {
                Ok(()) => {
                    state.notify(done);
                    state.reload();
                }
                Err(e) => {
                    if e.is_no_backend() {
                        state.session.set(SessionState::NoBackend);
                    } else if e.status == 401 {
                        state.session.set(SessionState::LoggedOut);
                    }
                    error.set(Some(e.message_zh));
                }
            }
            busy.set(false);
        });
    }

    /// Clears every what-if figure.
    pub fn reset_what_if(&self) {
        self.what_if_inputs.set(BTreeMap::new());
    }
}

/// Creates the state, starts loading, and provides it as a context.
pub fn provide_app_state() -> AppState {
    let state = AppState::new();
    provide_context(state);
    state.reload();
    state
}

/// The state the app provides; panics only when called outside `App`,
/// which is a programming error.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
