//! Runs the full recompute at the seed's scale a few times, for a
//! profiler: `valgrind --tool=callgrind target/release/examples/profile_recompute`.

#[path = "../tests/common/mod.rs"]
mod common;

use common::scale::dataset;
use dukao_core::{evaluate, WhatIf};

fn main() {
    let data = dataset(15, 121);
    for _ in 0..5 {
        std::hint::black_box(evaluate(&data, &WhatIf::default()));
    }
}
