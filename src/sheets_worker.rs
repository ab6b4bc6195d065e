//! The client of the spreadsheet worker (`crates/sheets-worker`), which
//! Trunk builds as its own wasm module beside the app. The page starts
//! one worker on first use and keeps it for the page's life. Requests
//! carry an id, and each reply settles the future of its id. A crashed
//! worker fails its open requests and is replaced on the next request.
//!
//! Messages follow the protocol at the top of
//! `crates/sheets-worker/src/worker.rs`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use gloo_net::http::Request;
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, RequestCache, Worker};

use crate::api::{app_root, document_zh};

/// The loader Trunk writes for the worker (`data-loader-shim`).
const LOADER: &str = "dukao-sheets-worker_loader.js";

/// Shown when the worker dies while handling a file.
const CRASHED_ZH: &str =
    "文件无法读取：导入模块在处理时出错。请确认文件未损坏，或另存为 .xlsx 后重试。";

/// Shown when the worker dies before it has loaded.
const LOAD_FAILED_ZH: &str = "导入导出模块加载失败，请检查网络后重试。";

/// A failed request, with the message for the screen.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct WorkerError {
    pub message_zh: String,
    #[serde(default)]
    pub message: String,
}

impl WorkerError {
    fn new(message_zh: &str, message: impl Into<String>) -> WorkerError {
        WorkerError {
            message_zh: message_zh.to_string(),
            message: message.into(),
        }
    }
}

/// A step of a request, for the progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The worker's module is being fetched and compiled.
    Loading,
    Reading,
    Matching,
    Preview,
    /// The export file is being written.
    Writing,
}

impl Stage {
    pub fn text_zh(self) -> &'static str {
        match self {
            Stage::Loading => "正在加载导入模块…",
            Stage::Reading => "读取文件…",
            Stage::Matching => "匹配表头…",
            Stage::Preview => "生成预览…",
            Stage::Writing => "正在生成文件…",
        }
    }

    fn from_worker(stage: &str) -> Option<Stage> {
        match stage {
            "reading" => Some(Stage::Reading),
            "matching" => Some(Stage::Matching),
            "preview" => Some(Stage::Preview),
            _ => None,
        }
    }
}

type Reply = Result<JsValue, WorkerError>;
type Progress = Rc<dyn Fn(Stage)>;

struct Pending {
    reply: oneshot::Sender<Reply>,
    progress: Progress,
}

/// One live worker with its open requests.
struct Client {
    worker: Worker,
    ready: bool,
    /// Messages posted before the worker was ready, which it would drop.
    queued: Vec<(Object, Array)>,
    pending: HashMap<u32, Pending>,
    // The handlers live as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn start() -> Result<Client, WorkerError> {
    let url = format!("{}{LOADER}", app_root());
    let worker = Worker::new(&url).map_err(|e| {
        log::error!("starting the sheets worker {url} failed: {e:?}");
        WorkerError::new(LOAD_FAILED_ZH, format!("cannot start {url}"))
    })?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event| {
        on_message(&MessageEvent::data(&event))
    });
    let on_error =
        Closure::<dyn FnMut(Event)>::new(|event: Event| on_error(&event));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    log::info!("started the sheets worker");
    Ok(Client {
        worker,
        ready: false,
        queued: Vec::new(),
        pending: HashMap::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn post(worker: &Worker, message: &Object, transfer: &Array) {
    if let Err(e) = worker.post_message_with_transfer(message, transfer) {
        log::error!("posting to the sheets worker failed: {e:?}");
    }
}

fn on_message(data: &JsValue) {
    let kind = field(data, "type").as_string().unwrap_or_default();
    if kind == "ready" {
        CLIENT.with_borrow_mut(|client| {
            if let Some(client) = client {
                client.ready = true;
                for (message, transfer) in client.queued.drain(..) {
                    post(&client.worker, &message, &transfer);
                }
            }
        });
        log::info!("the sheets worker is ready");
        return;
    }
    let Some(id) = field(data, "id").as_f64().map(|id| id as u32) else {
        log::warn!("the sheets worker sent a message without an id");
        return;
    };
    if kind == "progress" {
        let progress = CLIENT.with_borrow(|client| {
            client
                .as_ref()
                .and_then(|c| c.pending.get(&id))
                .map(|p| p.progress.clone())
        });
        let stage = field(data, "stage").as_string().unwrap_or_default();
        if let (Some(progress), Some(stage)) =
            (progress, Stage::from_worker(&stage))
        {
            progress(stage);
        }
        return;
    }
    let pending = CLIENT.with_borrow_mut(|client| {
        client.as_mut().and_then(|c| c.pending.remove(&id))
    });
    let Some(pending) = pending else {
        log::warn!("the sheets worker replied to unknown request {id}");
        return;
    };
    let reply = match kind.as_str() {
        "result" => Ok(data.clone()),
        _ => {
            let json = field(data, "json").as_string().unwrap_or_default();
            Err(serde_json::from_str(&json).unwrap_or_else(|e| {
                WorkerError::new(CRASHED_ZH, format!("invalid reply: {e}"))
            }))
        }
    };
    // The request's future may have been dropped, which is fine.
    let _ = pending.reply.send(reply);
}

/// Fails every open request and drops the worker, so that the next
/// request starts a fresh one. A script error in the worker comes as an
/// ErrorEvent, a failed load of its script as a plain Event.
fn on_error(event: &Event) {
    event.prevent_default();
    let detail = event.dyn_ref::<ErrorEvent>().map_or_else(
        || "the worker script failed to load".into(),
        |e| e.message(),
    );
    let Some(client) = CLIENT.with_borrow_mut(Option::take) else {
        return;
    };
    client.worker.terminate();
    let message = if client.ready {
        CRASHED_ZH
    } else {
        LOAD_FAILED_ZH
    };
    log::error!(
        "the sheets worker failed ({} open requests): {}",
        client.pending.len(),
        detail
    );
    for (_, pending) in client.pending {
        let error = WorkerError::new(message, detail.clone());
        let _ = pending.reply.send(Err(error));
    }
}

/// Sends one request and waits for its reply. `fields` are the message's
/// fields besides `id`; `transfer` lists buffers to move to the worker.
async fn request(
    fields: &[(&str, JsValue)],
    transfer: Array,
    progress: Progress,
) -> Reply {
    let id = NEXT_ID.with_borrow_mut(|next| {
        let id = *next;
        *next += 1;
        id
    });
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &JsValue::from(id));
    for (key, value) in fields {
        let _ = Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let (sender, receiver) = oneshot::channel();
    let started = CLIENT.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let client = slot.as_mut().expect("the client was just set");
        let pending = Pending {
            reply: sender,
            progress: progress.clone(),
        };
        client.pending.insert(id, pending);
        if client.ready {
            post(&client.worker, &message, &transfer);
            Ok(true)
        } else {
            client.queued.push((message, transfer));
            Ok(false)
        }
    })?;
    if !started {
        progress(Stage::Loading);
    }
    receiver.await.unwrap_or_else(|_| {
        Err(WorkerError::new(CRASHED_ZH, "the sheets worker went away"))
    })
}

/// Fetches one document as the text the worker reads.
async fn document_text(file: &str) -> Result<String, WorkerError> {
    let url = format!("{}data/{file}", app_root());
    let name = document_zh(file);
    let failed = |detail: String| {
        log::error!("fetching {url} for the sheets worker failed: {detail}");
        WorkerError {
            message_zh: format!("无法读取{name}（{file}），请检查网络后重试。"),
            message: format!("cannot fetch {url}: {detail}"),
        }
    };
    let response = Request::get(&url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    response.text().await.map_err(|e| failed(e.to_string()))
}

/// Parses, matches and previews a spreadsheet against the stored
/// figures. Returns the worker's JSON text: `{"ok": true, "matched",
/// "preview", "ready", "request", "blocking"}` or `{"ok": false,
/// "errors"}`. `confirmations` is a JSON array of `{"label", "target",
/// "sheet"}`.
pub async fn match_file(
    file_name: &str,
    bytes: Uint8Array,
    period: &str,
    confirmations: &str,
    progress: impl Fn(Stage) + 'static,
) -> Result<String, WorkerError> {
    let progress: Progress = Rc::new(progress);
    let (scheme, figures) = futures::join!(
        document_text("scheme.json"),
        document_text("figures.json"),
    );
    let transfer = Array::of1(&bytes.buffer());
    let fields = [
        ("op", JsValue::from_str("match")),
        ("fileName", JsValue::from_str(file_name)),
        ("bytes", bytes.into()),
        ("scheme", JsValue::from_str(&scheme?)),
        ("figures", JsValue::from_str(&figures?)),
        ("period", JsValue::from_str(period)),
        ("confirmations", JsValue::from_str(confirmations)),
    ];
    let reply = request(&fields, transfer, progress).await?;
    Ok(field(&reply, "json").as_string().unwrap_or_default())
}

/// Writes an export: `kind` is bulletin, indicators, ledger or
/// supervision, `format` xlsx or csv. Returns the file's bytes.
pub async fn export_file(
    kind: &str,
    format: &str,
    period: &str,
    progress: impl Fn(Stage) + 'static,
) -> Result<Uint8Array, WorkerError> {
    let progress: Progress = Rc::new(progress);
    progress(Stage::Writing);
    let (scheme, figures, ledger, supervision) = futures::join!(
        document_text("scheme.json"),
        document_text("figures.json"),
        document_text("ledger.json"),
        document_text("supervision.json"),
    );
    let fields = [
        ("op", JsValue::from_str("export")),
        ("kind", JsValue::from_str(kind)),
        ("format", JsValue::from_str(format)),
        ("scheme", JsValue::from_str(&scheme?)),
        ("figures", JsValue::from_str(&figures?)),
        ("ledger", JsValue::from_str(&ledger?)),
        ("supervision", JsValue::from_str(&supervision?)),
        ("period", JsValue::from_str(period)),
    ];
    let reply = request(&fields, Array::new(), progress).await?;
    Ok(Uint8Array::new(&field(&reply, "bytes")))
}
