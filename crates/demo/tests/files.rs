//! The committed data/demo files are exactly what the generator
//! produces now, and they read back into the same documents.

use std::path::PathBuf;

use dukao_core::Dataset;

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/demo")
}

fn read(name: &str) -> String {
    let path = demo_dir().join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn committed_files_match_generator() {
    let (scheme, figures, ledger, log) = dukao_demo::build();
    for (name, text) in
        dukao_demo::render::all(&scheme, &figures, &ledger, &log)
    {
        assert!(
            read(name) == text,
            "data/demo/{name} differs from the generator's output; \
             run `cargo run -p dukao-demo --bin gen-demo` and commit it"
        );
    }
}

#[test]
fn files_read_back_as_built() {
    let (scheme, figures, ledger, log) = dukao_demo::build();
    let dataset = Dataset::from_json(
        &read("scheme.json"),
        &read("figures.json"),
        &read("ledger.json"),
        &read("supervision.json"),
    )
    .unwrap_or_else(|e| panic!("data/demo does not validate: {e}"));
    assert!(
        dataset.scheme == scheme,
        "scheme.json reads back differently"
    );
    assert!(
        dataset.figures == figures,
        "figures.json reads back differently"
    );
    assert!(
        dataset.ledger == ledger,
        "ledger.json reads back differently"
    );
    assert!(
        dataset.supervision == log,
        "supervision.json reads back differently"
    );
}

#[test]
fn figures_file_under_450_kb() {
    let size = read("figures.json").len();
    assert!(size < 450 * 1024, "figures.json is {size} bytes");
}

#[test]
fn build_is_deterministic() {
    let first = dukao_demo::build();
    let second = dukao_demo::build();
    assert!(first == second, "two builds differ");
}
