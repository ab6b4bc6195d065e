//! Chooses the demo documents the binary embeds: the workspace's
//! data/demo when all four files exist, else the small test fixture so
//! that the crate still builds (with a warning) before the demo lands.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

const NAMES: [&str; 4] = [
    "scheme.json",
    "figures.json",
    "ledger.json",
    "supervision.json",
];

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let demo = manifest.join("../../data/demo");
    let fixture = manifest.join("tests/fixtures/data");
    println!("cargo:rerun-if-changed={}", demo.display());
    let complete = |dir: &Path| NAMES.iter().all(|n| dir.join(n).is_file());
    let (dir, from_fixture) = if complete(&demo) {
        (demo, false)
    } else {
        println!(
            "cargo:warning=data/demo is incomplete: embedding the test \
             fixture as the demo dataset"
        );
        (fixture, true)
    };
    let mut code = String::new();
    for name in NAMES {
        let path = dir.join(name).canonicalize().unwrap();
        println!("cargo:rerun-if-changed={}", path.display());
        let constant = name.trim_end_matches(".json").to_uppercase();
        code.push_str(&format!(
            "pub const {constant}: &str = include_str!({:?});\n",
            path.display().to_string()
        ));
    }
    code.push_str(&format!("pub const FROM_FIXTURE: bool = {from_fixture};\n"));
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("demo_data.rs"), code).unwrap();
}
