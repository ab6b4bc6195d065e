//! The store of record: one SQLite database holding the four documents,
//! the accounts and the audit log. Every write is one transaction, and
//! with WAL and `synchronous=FULL` a committed transaction survives a
//! killed process and a power loss.

use std::path::Path;

use dukao_core::dataset::{
    FIGURES_FILE, LEDGER_FILE, SCHEME_FILE, SUPERVISION_FILE,
};
use dukao_core::model::{Figures, Ledger, Scheme, SupervisionLog};
use dukao_core::Dataset;
use rusqlite::{params, Connection, OptionalExtension};

use crate::auth::Role;

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "dukao.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS document (
    name TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    revision INTEGER NOT NULL,
    modified INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS account (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    unit TEXT,
    passcode_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    old TEXT,
    new TEXT
);
";

/// The four documents in the order of `Doc`.
pub const DOC_NAMES: [&str; 4] =
    [SCHEME_FILE, FIGURES_FILE, LEDGER_FILE, SUPERVISION_FILE];

/// One of the four documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    Scheme = 0,
    Figures = 1,
    Ledger = 2,
    Supervision = 3,
}

impl Doc {
    pub const ALL: [Doc; 4] =
        [Doc::Scheme, Doc::Figures, Doc::Ledger, Doc::Supervision];

    pub fn file_name(self) -> &'static str {
        DOC_NAMES[self as usize]
    }

    /// The document served under `/data/<name>`, if any.
    pub fn from_file_name(name: &str) -> Option<Doc> {
        Doc::ALL.into_iter().find(|d| d.file_name() == name)
    }
}

/// The four documents as the engine's model.
#[derive(Clone, Debug)]
pub struct Documents {
    pub scheme: Scheme,
    pub figures: Figures,
    pub ledger: Ledger,
    pub supervision: SupervisionLog,
}

impl Documents {
    /// Validates the documents against each other; the error names the
    /// document, the JSON path and the value.
    pub fn validate(self) -> Result<Documents, dukao_core::Error> {
        let dataset = Dataset::new(
            self.scheme,
            self.figures,
            self.ledger,
            self.supervision,
        )?;
        Ok(Documents {
            scheme: dataset.scheme,
            figures: dataset.figures,
            ledger: dataset.ledger,
            supervision: dataset.supervision,
        })
    }

    /// Parses and validates the four documents' JSON texts.
    pub fn from_json(texts: [&str; 4]) -> Result<Documents, dukao_core::Error> {
        let dataset =
            Dataset::from_json(texts[0], texts[1], texts[2], texts[3])?;
        Ok(Documents {
            scheme: dataset.scheme,
            figures: dataset.figures,
            ledger: dataset.ledger,
            supervision: dataset.supervision,
        })
    }

    /// Serialises one document as compact JSON.
    pub fn render(&self, doc: Doc) -> String {
        let result = match doc {
            Doc::Scheme => serde_json::to_string(&self.scheme),
            Doc::Figures => serde_json::to_string(&self.figures),
            Doc::Ledger => serde_json::to_string(&self.ledger),
            Doc::Supervision => serde_json::to_string(&self.supervision),
        };
        // The model has string keys and finite numbers only, so
        // serialisation cannot fail.
        result.expect("model documents serialise to JSON")
    }
}

/// A stored document's revision and last change (Unix seconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    pub revision: i64,
    pub modified: i64,
}

/// A stored account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub role: Role,
    pub unit: Option<String>,
    pub passcode_hash: String,
}

/// One row of the audit log.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    /// Assigned by the store; 0 before insertion.
    pub id: i64,
    /// RFC 3339 time of the write.
    pub at: String,
    pub account: String,
    pub role: String,
    /// What was done, e.g. `figure.set`.
    pub action: String,
    /// What was changed, e.g. `figures/jiyang/invest/2026-03`.
    pub target: String,
    /// The value before and after, as JSON text.
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A failed store operation.
#[derive(Debug)]
pub enum StoreError {
    Sqlite(rusqlite::Error),
    /// A stored document no longer passes validation.
    Invalid(dukao_core::Error),
    /// A stored document is missing from a store that was seeded.
    Missing(&'static str),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "database error: {e}"),
            StoreError::Invalid(e) => write!(f, "stored document invalid: {e}"),
            StoreError::Missing(name) => {
                write!(f, "stored document {name} is missing")
            }
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// An open store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating when needed) the store in `dir`, or an in-memory
    /// store when `dir` is `None`.
    pub fn open(dir: Option<&Path>) -> Result<Store, StoreError> {
        let conn = match dir {
            Some(dir) => Connection::open(dir.join(DB_FILE))?,
            None => Connection::open_in_memory()?,
        };
        if dir.is_some() {
            // journal_mode returns the mode as a row.
            let mode: String =
                conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            tracing::debug!(mode, "journal mode set");
        }
        conn.execute_batch(
            "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;",
        )?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store { conn })
    }

    /// Whether the documents have been stored yet.
    pub fn is_seeded(&self) -> Result<bool, StoreError> {
        let count: i64 =
            self.conn
                .query_row("SELECT COUNT(*) FROM document", [], |r| r.get(0))?;
        Ok(count > 0)
    }

    /// Stores the four documents of a new store in one transaction.
    pub fn seed(
        &mut self,
        documents: &Documents,
        now: i64,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for doc in Doc::ALL {
            tx.execute(
                "INSERT INTO document (name, body, revision, modified)
                 VALUES (?1, ?2, 1, ?3)",
                params![doc.file_name(), documents.render(doc), now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Loads and validates the four documents with their revisions.
    pub fn load(&self) -> Result<(Documents, [Revision; 4]), StoreError> {
        let mut texts = Vec::with_capacity(4);
        let mut revisions = Vec::with_capacity(4);
        for name in DOC_NAMES {
            let row = self
                .conn
                .query_row(
                    "SELECT body, revision, modified FROM document
                     WHERE name = ?1",
                    [name],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, i64>(2)?,
                        ))
                    },
                )
                .optional()?;
            let (body, revision, modified) =
                row.ok_or(StoreError::Missing(name))?;
            texts.push(body);
            revisions.push(Revision { revision, modified });
        }
        let documents =
            Documents::from_json([&texts[0], &texts[1], &texts[2], &texts[3]])
                .map_err(StoreError::Invalid)?;
        let revisions =
            [revisions[0], revisions[1], revisions[2], revisions[3]];
        Ok((documents, revisions))
    }

    /// Stores the changed documents' JSON and their audit entries in one
    /// transaction; returns the new revisions of the changed documents.
    pub fn commit(
        &mut self,
        bodies: &[(Doc, String)],
        entries: &mut [AuditEntry],
        now: i64,
    ) -> Result<Vec<(Doc, Revision)>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut revisions = Vec::with_capacity(bodies.len());
        for (doc, body) in bodies {
            let revision: i64 = tx.query_row(
                "UPDATE document SET body = ?1, revision = revision + 1,
                 modified = ?2 WHERE name = ?3 RETURNING revision",
                params![body, now, doc.file_name()],
                |r| r.get(0),
            )?;
            revisions.push((
                *doc,
                Revision {
                    revision,
                    modified: now,
                },
            ));
        }
        for entry in entries.iter_mut() {
            tx.execute(
                "INSERT INTO audit (at, account, role, action, target, old, new)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    entry.at,
                    entry.account,
                    entry.role,
                    entry.action,
                    entry.target,
                    entry.old,
                    entry.new
                ],
            )?;
            entry.id = tx.last_insert_rowid();
        }
        tx.commit()?;
        Ok(revisions)
    }

    /// Every audit entry, oldest first.
    pub fn audit(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, at, account, role, action, target, old, new
             FROM audit ORDER BY id",
        )?;
        let rows = statement.query_map([], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                account: r.get(2)?,
                role: r.get(3)?,
                action: r.get(4)?,
                target: r.get(5)?,
                old: r.get(6)?,
                new: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The account with this name, if any.
    pub fn account(&self, name: &str) -> Result<Option<Account>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT name, role, unit, passcode_hash FROM account
                 WHERE name = ?1",
                [name],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.and_then(|(name, role, unit, passcode_hash)| {
            // A row with an unknown role (written by a newer version)
            // cannot log in.
            let role = role.parse().ok()?;
            Some(Account {
                name,
                role,
                unit,
                passcode_hash,
            })
        }))
    }

    /// Stores an account; `replace` allows overwriting an existing one.
    /// Returns false when the account exists and `replace` is false.
    pub fn put_account(
        &mut self,
        account: &Account,
        replace: bool,
    ) -> Result<bool, StoreError> {
        let verb = if replace {
            "INSERT OR REPLACE"
        } else {
            "INSERT OR IGNORE"
        };
        let sql = format!(
            "{verb} INTO account (name, role, unit, passcode_hash)
             VALUES (?1, ?2, ?3, ?4)"
        );
        let changed = self.conn.execute(
            &sql,
            params![
                account.name,
                account.role.as_str(),
                account.unit,
                account.passcode_hash
            ],
        )?;
        Ok(changed > 0)
    }

    /// The number of stored accounts.
    pub fn account_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM account", [], |r| r.get(0))?)
    }
}
