//! The commands besides `serve`: `account add`, `export-static` and
//! `bulletin`.

use std::io::{BufRead, Write};
use std::path::Path;

use dukao_core::{evaluate, Bulletin, Dataset, Period, WhatIf};

use crate::auth::{hash_passcode, Role, MIN_PASSCODE_CHARS};
use crate::seed::{load_documents, LoadError};
use crate::store::{Account, Doc};

/// A failed command: its message and exit status.
#[derive(Debug)]
pub struct Failure {
    pub status: u8,
    pub message: String,
}

impl Failure {
    /// Invalid input or data: exit status 2.
    pub fn invalid(message: impl Into<String>) -> Failure {
        Failure {
            status: 2,
            message: message.into(),
        }
    }

    /// Anything else: exit status 1.
    pub fn failed(message: impl Into<String>) -> Failure {
        Failure {
            status: 1,
            message: message.into(),
        }
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Failure {
        match e {
            LoadError::Invalid(m) => Failure::invalid(m),
            LoadError::Failed(m) => Failure::failed(m),
        }
    }
}

/// Adds (or with `replace`, replaces) an account in the store in `dir`;
/// the passcode is the first line of standard input.
pub fn account_add(
    dir: &Path,
    name: &str,
    role: Role,
    unit: Option<String>,
    replace: bool,
) -> Result<(), Failure> {
    if name.trim().is_empty() || name.len() > 64 {
        return Err(Failure::invalid(format!(
            "invalid account name {name:?}: use 1 to 64 characters"
        )));
    }
    // Opening seeds a new store, so the unit can be checked against
    // the scheme.
    let mut store = crate::seed::open_store(Some(dir))?;
    let (documents, _) = store.load().map_err(LoadError::from)?;
    match (role, &unit) {
        (Role::Reporter, None) => {
            return Err(Failure::invalid(
                "a reporter needs --unit: the id of the unit it reports for",
            ))
        }
        (Role::Reporter, Some(id)) => {
            if !documents.scheme.units.iter().any(|u| &u.id == id) {
                return Err(Failure::invalid(format!(
                    "unknown unit {id:?}: use a unit id from the scheme"
                )));
            }
        }
        (_, Some(_)) => {
            return Err(Failure::invalid("--unit applies to reporters only"))
        }
        (_, None) => {}
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::failed(format!("cannot read passcode: {e}")))?;
    let passcode = line.trim_end_matches(['\r', '\n']);
    if passcode.len() > 1024 {
        return Err(Failure::invalid(
            "passcode too long: write at most 1024 bytes",
        ));
    }
    if passcode.chars().count() < MIN_PASSCODE_CHARS {
        return Err(Failure::invalid(format!(
            "passcode too short: write at least {MIN_PASSCODE_CHARS} \
             characters on standard input"
        )));
    }
    let account = Account {
        name: name.to_string(),
        role,
        unit,
        passcode_hash: hash_passcode(passcode),
    };
    let stored = store
        .put_account(&account, replace)
        .map_err(|e| Failure::failed(e.to_string()))?;
    if !stored {
        return Err(Failure::invalid(format!(
            "account {name:?} exists: pass --replace to change it"
        )));
    }
    eprintln!("account {name} stored with role {}", role.as_str());
    Ok(())
}

/// Copies the app and writes the four documents into `out/data`.
pub fn export_static(
    out: &Path,
    data: Option<&Path>,
    app: &Path,
) -> Result<(), Failure> {
    if !app.join("index.html").is_file() {
        return Err(Failure::invalid(format!(
            "no index.html in {}: run `trunk build --release` first or pass \
             --app with the build folder",
            app.display()
        )));
    }
    let documents = load_documents(data)?;
    copy_dir(app, out).map_err(|e| {
        Failure::failed(format!(
            "cannot copy {} to {}: {e}",
            app.display(),
            out.display()
        ))
    })?;
    let data_dir = out.join("data");
    std::fs::create_dir_all(&data_dir).map_err(|e| {
        Failure::failed(format!("cannot create {}: {e}", data_dir.display()))
    })?;
    for doc in Doc::ALL {
        let path = data_dir.join(doc.file_name());
        std::fs::write(&path, documents.render(doc)).map_err(|e| {
            Failure::failed(format!("cannot write {}: {e}", path.display()))
        })?;
    }
    eprintln!("app and documents written to {}", out.display());
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The output formats of `bulletin`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BulletinFormat {
    Json,
    Csv,
}

/// Prints the bulletin of `period` to standard output.
pub fn bulletin(
    data: Option<&Path>,
    period: &str,
    format: BulletinFormat,
) -> Result<(), Failure> {
    let period: Period = period.parse().map_err(|_| {
        Failure::invalid(format!(
            "invalid period {period:?}: expected YYYY-MM, e.g. 2026-03"
        ))
    })?;
    let documents = load_documents(data)?;
    let dataset = Dataset::new(
        documents.scheme,
        documents.figures,
        documents.ledger,
        documents.supervision,
    )
    .map_err(|e| Failure::invalid(e.to_string()))?;
    let report = evaluate(&dataset, &WhatIf::default());
    let bulletin = Bulletin::build(&dataset, &report, period)
        .map_err(|e| Failure::invalid(e.to_string()))?;
    let text = match format {
        BulletinFormat::Json => serde_json::to_string_pretty(&bulletin)
            .map_err(|e| Failure::failed(e.to_string()))?,
        BulletinFormat::Csv => bulletin.to_csv(),
    };
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{}", text.trim_end()) {
        // A closed pipe (e.g. `| head`) means the reader has enough.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::failed(format!("cannot write the bulletin: {e}")))
        }
        _ => Ok(()),
    }
}
