//! The server's shared state: the store behind one writer lock, the
//! rendered documents readers get, sessions and the login throttle.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use axum::body::Bytes;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

use crate::auth::{Session, Sessions, Throttle};
use crate::edit::{Change, Context};
use crate::error::ApiError;
use crate::precompress::Precompressed;
use crate::store::{AuditEntry, Doc, Documents, Revision, Store};

/// The session cookie's name.
pub const COOKIE: &str = "dukao_session";

/// Deployment settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Folder of the built app (`trunk build` output).
    pub app_dir: PathBuf,
    /// Anyone may read `/data/*` without logging in.
    pub public_read: bool,
    /// Mark the session cookie `Secure` (behind HTTPS).
    pub secure_cookies: bool,
}

/// One document as served: its JSON, ETag and last change.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub body: Bytes,
    /// A weak ETag: compression may change the bytes on the wire.
    pub etag: String,
    pub modified: SystemTime,
}

impl Rendered {
    fn new(body: String, revision: Revision) -> Rendered {
        let digest = Sha256::digest(body.as_bytes());
        let hex: String =
            digest[..10].iter().map(|b| format!("{b:02x}")).collect();
        let seconds = u64::try_from(revision.modified).unwrap_or(0);
        Rendered {
            body: Bytes::from(body),
            etag: format!("W/\"{hex}\""),
            modified: SystemTime::UNIX_EPOCH + Duration::from_secs(seconds),
        }
    }
}

struct Writer {
    store: Store,
    documents: Documents,
}

/// Shared by every request.
pub struct App {
    pub config: Config,
    writer: Mutex<Writer>,
    rendered: RwLock<Vec<Rendered>>,
    /// Brotli copies of the rendered documents at the highest quality.
    pub precompressed: Precompressed,
    pub sessions: Sessions,
    pub throttle: Throttle,
}

impl App {
    /// Loads the documents from an open store.
    pub fn new(
        config: Config,
        store: Store,
        throttle: Throttle,
    ) -> Result<App, crate::store::StoreError> {
        let (documents, revisions) = store.load()?;
        let rendered: Vec<Rendered> = Doc::ALL
            .iter()
            .map(|doc| {
                Rendered::new(documents.render(*doc), revisions[*doc as usize])
            })
            .collect();
        let precompressed = Precompressed::start();
        for (doc, rendered) in Doc::ALL.iter().zip(&rendered) {
            precompressed.update(*doc, &rendered.etag, &rendered.body);
        }
        Ok(App {
            config,
            writer: Mutex::new(Writer { store, documents }),
            rendered: RwLock::new(rendered),
            precompressed,
            sessions: Sessions::default(),
            throttle,
        })
    }

    /// The document as served now.
    pub fn rendered(&self, doc: Doc) -> Rendered {
        let rendered = self.rendered.read().unwrap_or_else(|e| e.into_inner());
        rendered[doc as usize].clone()
    }

    /// The session named by the request's cookie.
    pub fn session(&self, headers: &HeaderMap) -> Option<Session> {
        session_token(headers).and_then(|t| self.sessions.get(&t))
    }

    /// The session, or 401.
    pub fn require_session(
        &self,
        headers: &HeaderMap,
    ) -> Result<Session, ApiError> {
        self.session(headers).ok_or_else(ApiError::unauthorized)
    }

    /// Runs `f` with the store locked: `f` edits a copy of the
    /// documents, the engine validates the copy, and the changed
    /// documents and audit entries are committed in one transaction
    /// before the copy replaces the served documents. Nothing changes
    /// when any step fails. Returns the committed audit entries.
    pub async fn write<F>(
        self: &Arc<Self>,
        session: Session,
        f: F,
    ) -> Result<Vec<AuditEntry>, ApiError>
    where
        F: FnOnce(&mut Documents, &Context) -> Result<Change, ApiError>
            + Send
            + 'static,
    {
        let app = Arc::clone(self);
        tokio::task::spawn_blocking(move || app.write_blocking(&session, f))
            .await
            .map_err(ApiError::internal)?
    }

    fn write_blocking<F>(
        &self,
        session: &Session,
        f: F,
    ) -> Result<Vec<AuditEntry>, ApiError>
    where
        F: FnOnce(&mut Documents, &Context) -> Result<Change, ApiError>,
    {
        let now = crate::clock::now_rfc3339();
        let context = Context {
            session,
            now: &now,
            today: crate::clock::today(),
        };
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let mut draft = writer.documents.clone();
        let change = f(&mut draft, &context)?;
        let draft = draft.validate().map_err(|e| ApiError::from_core(&e))?;
        let bodies: Vec<(Doc, String)> = change
            .docs
            .iter()
            .map(|doc| (*doc, draft.render(*doc)))
            .collect();
        let mut entries = change.entries;
        let revisions = writer
            .store
            .commit(&bodies, &mut entries, crate::clock::unix_now())
            .map_err(ApiError::internal)?;
        writer.documents = draft;
        {
            let mut rendered =
                self.rendered.write().unwrap_or_else(|e| e.into_inner());
            for ((doc, body), (_, revision)) in
                bodies.into_iter().zip(revisions)
            {
                let new = Rendered::new(body, revision);
                self.precompressed.update(doc, &new.etag, &new.body);
                rendered[doc as usize] = new;
            }
        }
        drop(writer);
        for entry in &entries {
            tracing::info!(
                audit_id = entry.id,
                account = %entry.account,
                action = %entry.action,
                target = %entry.target,
                "write committed"
            );
        }
        Ok(entries)
    }

    /// Runs a read of the store on the blocking pool.
    pub async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Store) -> Result<T, crate::store::StoreError>
            + Send
            + 'static,
        T: Send + 'static,
    {
        let app = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let writer = app.writer.lock().unwrap_or_else(|e| e.into_inner());
            f(&writer.store).map_err(ApiError::internal)
        })
        .await
        .map_err(ApiError::internal)?
    }
}

/// The session token from the request's Cookie headers.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, token)| token.to_string())
}
