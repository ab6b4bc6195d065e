//! The Web Worker's message loop.
//!
//! The page posts `{id, op: "match", fileName, bytes, scheme, figures,
//! period, confirmations?}` or `{id, op: "export", kind, format, scheme,
//! figures, ledger, supervision, period}`: documents as JSON text,
//! `bytes` as an ArrayBuffer or Uint8Array. The worker posts back:
//!
//! - `{type: "ready"}` once, when the module has loaded;
//! - `{id, type: "progress", stage}` as a match goes through "reading",
//!   "matching" and "preview";
//! - `{id, type: "result", json}` for a match ([`crate::match_file`]);
//! - `{id, type: "result", bytes}` for an export (a Uint8Array whose
//!   buffer is transferred);
//! - `{id, type: "error", json}` with a [`crate::Failure`] as JSON.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

#[cfg(feature = "export")]
use crate::export::{export_file, Documents};
use crate::operations::{self, Failure};

/// Installs the message handler when running in a dedicated worker;
/// does nothing on a page.
#[wasm_bindgen(start)]
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>()
    else {
        return;
    };
    let handler_scope = scope.clone();
    let handler =
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            handle(&handler_scope, &event.data())
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    post(&scope, &message(&JsValue::NULL, "ready", &[]), None);
}

fn message(id: &JsValue, kind: &str, fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    };
    set("id", id);
    set("type", &JsValue::from_str(kind));
    for (key, value) in fields {
        set(key, value);
    }
    object
}

fn post(
    scope: &DedicatedWorkerGlobalScope,
    message: &Object,
    transfer: Option<&Array>,
) {
    let sent = match transfer {
        Some(list) => scope.post_message_with_transfer(message, list),
        None => scope.post_message(message),
    };
    // Posting fails only for values that cannot be cloned, which these
    // messages never hold.
    if let Err(error) = sent {
        let context =
            JsValue::from_str("dukao-sheets-worker: postMessage failed");
        web_sys::console::error_2(&context, &error);
    }
}

fn handle(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let field = |key: &str| {
        Reflect::get(data, &JsValue::from_str(key))
            .unwrap_or(JsValue::UNDEFINED)
    };
    let text = |key: &str| field(key).as_string().unwrap_or_default();
    let id = field("id");
    let failure = |f: Failure| {
        message(&id, "error", &[("json", JsValue::from_str(&f.to_json()))])
    };
    match text("op").as_str() {
        "match" => {
            let bytes = Uint8Array::new(&field("bytes")).to_vec();
            let mut progress = |stage: &str| {
                let stage = JsValue::from_str(stage);
                post(
                    scope,
                    &message(&id, "progress", &[("stage", stage)]),
                    None,
                );
            };
            let json = operations::match_file(
                &text("fileName"),
                &bytes,
                &text("scheme"),
                &text("figures"),
                &text("period"),
                &text("confirmations"),
                &mut progress,
            );
            let json = JsValue::from_str(&json);
            post(scope, &message(&id, "result", &[("json", json)]), None);
        }
        #[cfg(feature = "export")]
        "export" => {
            let documents = Documents {
                scheme: &text("scheme"),
                figures: &text("figures"),
                ledger: &text("ledger"),
                supervision: &text("supervision"),
            };
            let result = export_file(
                &text("kind"),
                &text("format"),
                &documents,
                &text("period"),
            );
            match result {
                Ok(bytes) => {
                    let array = Uint8Array::from(bytes.as_slice());
                    let transfer = Array::of1(&array.buffer());
                    let reply =
                        message(&id, "result", &[("bytes", array.into())]);
                    post(scope, &reply, Some(&transfer));
                }
                Err(f) => post(scope, &failure(f), None),
            }
        }
        other => {
            let f = Failure {
                message_zh: format!("未知的操作“{other}”"),
                message: format!(
                    "unknown operation \"{other}\": use match or export"
                ),
            };
            post(scope, &failure(f), None);
        }
    }
}
