//! Writes the demo dataset's four documents, after validating them.
//!
//! Usage: gen-demo [OUTPUT_DIR]   (default: data/demo of the workspace)

use std::path::PathBuf;
use std::process::ExitCode;

use dukao_core::Dataset;

fn main() -> ExitCode {
    let dir = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/demo")
        }
    };
    let (scheme, figures, ledger, log) = dukao_demo::build();
    if let Err(error) = Dataset::new(
        scheme.clone(),
        figures.clone(),
        ledger.clone(),
        log.clone(),
    ) {
        eprintln!("error: the generated dataset is invalid: {error}");
        return ExitCode::FAILURE;
    }
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create {}: {error}", dir.display());
        return ExitCode::FAILURE;
    }
    for (name, text) in
        dukao_demo::render::all(&scheme, &figures, &ledger, &log)
    {
        let path = dir.join(name);
        if let Err(error) = std::fs::write(&path, &text) {
            eprintln!("error: cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} ({} bytes)", path.display(), text.len());
    }
    ExitCode::SUCCESS
}
