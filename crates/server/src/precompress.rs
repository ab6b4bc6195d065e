//! Brotli copies of the documents at the highest quality, made in the
//! background. Compressing figures.json and ledger.json at quality 11
//! takes about two seconds, too slow for a request or a write, so
//! responses use the copy once it matches the document's ETag and fall
//! back to on-the-fly compression until then.

use std::io::Write;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::body::Bytes;

use crate::store::Doc;

/// Waits this long after a document changes before compressing it, so a
/// burst of writes costs one compression at its end.
const SETTLE: Duration = Duration::from_millis(1500);

/// Brotli's highest quality and its largest standard window.
const QUALITY: u32 = 11;
const WINDOW_BITS: u32 = 24;

/// A document's brotli copy and the ETag of the body it was made from.
#[derive(Clone, Debug)]
struct Copy {
    etag: String,
    brotli: Bytes,
}

/// The latest brotli copy of each document, filled by a worker thread.
#[derive(Clone)]
pub struct Precompressed {
    copies: Arc<RwLock<Vec<Option<Copy>>>>,
    queue: Sender<(Doc, String, Bytes)>,
}

impl Precompressed {
    /// Starts the worker thread; it ends when the last handle is dropped.
    pub fn start() -> Precompressed {
        let copies = Arc::new(RwLock::new(vec![None; Doc::ALL.len()]));
        let (queue, requests) = channel();
        let shared = copies.clone();
        let spawned = std::thread::Builder::new()
            .name("precompress".into())
            .spawn(move || run(requests, shared));
        if let Err(e) = spawned {
            // Responses are still compressed on the fly.
            tracing::error!(error = %e, "failed to start the precompress thread");
        }
        Precompressed { copies, queue }
    }

    /// Queues `body`, the document's new content, for compression.
    pub fn update(&self, doc: Doc, etag: &str, body: &Bytes) {
        // A send fails only when the thread is gone; responses then keep
        // compressing on the fly.
        let _ = self.queue.send((doc, etag.to_string(), body.clone()));
    }

    /// Returns the brotli copy of the document whose ETag is `etag`, if
    /// the worker has made it.
    pub fn brotli(&self, doc: Doc, etag: &str) -> Option<Bytes> {
        let copies = self.copies.read().unwrap_or_else(|e| e.into_inner());
        match &copies[doc as usize] {
            Some(copy) if copy.etag == etag => Some(copy.brotli.clone()),
            _ => None,
        }
    }
}

fn run(
    requests: Receiver<(Doc, String, Bytes)>,
    copies: Arc<RwLock<Vec<Option<Copy>>>>,
) {
    let mut pending: Vec<Option<(String, Bytes)>> = vec![None; Doc::ALL.len()];
    loop {
        // Collect changes until none has come for SETTLE.
        let timeout = if pending.iter().any(Option::is_some) {
            SETTLE
        } else {
            Duration::from_secs(3600)
        };
        match requests.recv_timeout(timeout) {
            Ok((doc, etag, body)) => {
                pending[doc as usize] = Some((etag, body));
                continue;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        for doc in Doc::ALL {
            let Some((etag, body)) = pending[doc as usize].take() else {
                continue;
            };
            match compress(&body) {
                Ok(brotli) => {
                    let mut all =
                        copies.write().unwrap_or_else(|e| e.into_inner());
                    all[doc as usize] = Some(Copy { etag, brotli });
                }
                Err(e) => tracing::error!(
                    error = %e,
                    document = doc.file_name(),
                    "failed to precompress a document"
                ),
            }
        }
    }
}

fn compress(body: &[u8]) -> std::io::Result<Bytes> {
    let mut writer = brotli::CompressorWriter::new(
        Vec::with_capacity(body.len() / 8),
        64 * 1024,
        QUALITY,
        WINDOW_BITS,
    );
    writer.write_all(body)?;
    writer.flush()?;
    Ok(Bytes::from(writer.into_inner()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copy_follows_latest_etag() {
        let pre = Precompressed::start();
        let body = Bytes::from("{\"tasks\": []}".repeat(100));
        pre.update(Doc::Ledger, "W/\"a\"", &body);
        pre.update(Doc::Ledger, "W/\"b\"", &body);
        let mut copy = None;
        for _ in 0..200 {
            copy = pre.brotli(Doc::Ledger, "W/\"b\"");
            if copy.is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let copy = copy.expect("copy made within 10 s");
        assert!(pre.brotli(Doc::Ledger, "W/\"a\"").is_none());
        assert!(pre.brotli(Doc::Figures, "W/\"b\"").is_none());
        let mut plain = Vec::new();
        brotli::Decompressor::new(&copy[..], 4096)
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, body);
    }
}
