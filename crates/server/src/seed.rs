//! Where the documents come from: the embedded demo dataset, JSON files
//! in a folder, or a store; and the demo accounts.

use std::path::Path;

use crate::auth::{hash_passcode, Role};
use crate::store::{Account, Documents, Store, StoreError, DB_FILE, DOC_NAMES};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/demo_data.rs"));
}

/// Whether the binary embeds the test fixture because data/demo was
/// incomplete when it was built.
pub const DEMO_FROM_FIXTURE: bool = embedded::FROM_FIXTURE;

/// The embedded demo documents, validated.
pub fn demo_documents() -> Result<Documents, dukao_core::Error> {
    Documents::from_json([
        embedded::SCHEME,
        embedded::FIGURES,
        embedded::LEDGER,
        embedded::SUPERVISION,
    ])
}

/// Demo accounts: name, role and passcode. The reporter reports for the
/// lead unit of the scheme's first indicator. These passcodes are
/// published in docs/api.md and must never guard real data.
pub const DEMO_ACCOUNTS: [(&str, Role, &str); 4] = [
    ("office", Role::Office, "demo-office"),
    ("leader", Role::Leader, "demo-leader"),
    ("kiosk", Role::Kiosk, "demo-kiosk"),
    ("reporter", Role::Reporter, "demo-reporter"),
];

/// Stores the demo accounts.
pub fn add_demo_accounts(
    store: &mut Store,
    documents: &Documents,
) -> Result<(), StoreError> {
    let reporter_unit = documents
        .scheme
        .indicators
        .first()
        .map(|i| i.lead_unit.clone())
        .or_else(|| documents.scheme.units.first().map(|u| u.id.clone()));
    for (name, role, passcode) in DEMO_ACCOUNTS {
        let unit = (role == Role::Reporter)
            .then(|| reporter_unit.clone())
            .flatten();
        let account = Account {
            name: name.to_string(),
            role,
            unit,
            passcode_hash: hash_passcode(passcode),
        };
        store.put_account(&account, false)?;
    }
    Ok(())
}

/// Why the documents could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The data is invalid (exit status 2).
    Invalid(String),
    /// Reading or the database failed (exit status 1).
    Failed(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Invalid(m) | LoadError::Failed(m) => f.write_str(m),
        }
    }
}

impl From<StoreError> for LoadError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(_) | StoreError::Missing(_) => {
                LoadError::Invalid(e.to_string())
            }
            StoreError::Sqlite(_) => LoadError::Failed(e.to_string()),
        }
    }
}

/// Whether `dir` contains all four JSON documents.
pub fn has_json_documents(dir: &Path) -> bool {
    DOC_NAMES.iter().all(|name| dir.join(name).is_file())
}

/// Reads and validates the four JSON documents in `dir`.
pub fn read_json_documents(dir: &Path) -> Result<Documents, LoadError> {
    let mut texts = Vec::with_capacity(4);
    for name in DOC_NAMES {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            LoadError::Invalid(format!("cannot read {}: {e}", path.display()))
        })?;
        texts.push(text);
    }
    Documents::from_json([&texts[0], &texts[1], &texts[2], &texts[3]])
        .map_err(|e| LoadError::Invalid(format!("{}: {e}", dir.display())))
}

/// The documents for read-only commands: the embedded demo when `dir`
/// is `None`, the store when `dir` holds one, else its JSON files.
pub fn load_documents(dir: Option<&Path>) -> Result<Documents, LoadError> {
    let Some(dir) = dir else {
        return demo_documents()
            .map_err(|e| LoadError::Invalid(format!("embedded demo: {e}")));
    };
    if dir.join(DB_FILE).is_file() {
        let store = Store::open(Some(dir))?;
        if !store.is_seeded()? {
            return Err(LoadError::Invalid(format!(
                "the store in {} holds no documents yet: start `dukao serve \
                 --data {}` once to seed it",
                dir.display(),
                dir.display()
            )));
        }
        return Ok(store.load()?.0);
    }
    if has_json_documents(dir) {
        return read_json_documents(dir);
    }
    Err(LoadError::Invalid(format!(
        "{} holds neither a store ({DB_FILE}) nor the four JSON documents \
         ({})",
        dir.display(),
        DOC_NAMES.join(", ")
    )))
}

/// Opens the store for `dukao serve`: in memory with the demo data and
/// demo accounts when `dir` is `None`; else the store in `dir`, seeded
/// on first start from the JSON documents in `dir` or, when there are
/// none, from the demo data with the demo accounts.
pub fn open_store(dir: Option<&Path>) -> Result<Store, LoadError> {
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir).map_err(|e| {
            LoadError::Failed(format!("cannot create {}: {e}", dir.display()))
        })?;
    }
    let mut store = Store::open(dir)?;
    if store.is_seeded()? {
        return Ok(store);
    }
    let now = crate::clock::unix_now();
    let from_files = dir.filter(|d| has_json_documents(d));
    if let Some(dir) = from_files {
        let documents = read_json_documents(dir)?;
        store.seed(&documents, now)?;
        tracing::info!(dir = %dir.display(), "store seeded from JSON files");
        if store.account_count()? == 0 {
            tracing::warn!(
                "the store has no accounts: add one with `dukao account add`"
            );
        }
        return Ok(store);
    }
    let documents = demo_documents()
        .map_err(|e| LoadError::Invalid(format!("embedded demo: {e}")))?;
    store.seed(&documents, now)?;
    add_demo_accounts(&mut store, &documents)?;
    if dir.is_some() {
        tracing::warn!(
            "store seeded from the demo dataset with the published demo \
             accounts: replace their passcodes before real use"
        );
    }
    Ok(store)
}
