//! The full recompute at the seed's scale and at ten times the peers,
//! the indicators, or both. docs/benchmarks.md records the figures.

#[path = "../tests/common/mod.rs"]
mod common;

use common::scale::dataset;
use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkId, Criterion,
};
use dukao_core::{evaluate, evaluate_indicator, WhatIf};

fn full_recompute(c: &mut Criterion) {
    let mut group = c.benchmark_group("full_recompute");
    group.sample_size(20);
    let scales = [
        ("seed 15x121", 15, 121),
        ("10x peers 150x121", 150, 121),
        ("10x indicators 15x1210", 15, 1210),
        ("both 150x1210", 150, 1210),
    ];
    for (name, peers, indicators) in scales {
        let data = dataset(peers, indicators);
        let what_if = WhatIf::default();
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &data,
            |b, data| b.iter(|| evaluate(data, &what_if)),
        );
    }
    group.finish();
}

fn demo_dataset(c: &mut Criterion) {
    let data = dukao_core::Dataset::from_json(
        include_str!("../../../data/demo/scheme.json"),
        include_str!("../../../data/demo/figures.json"),
        include_str!("../../../data/demo/ledger.json"),
        include_str!("../../../data/demo/supervision.json"),
    )
    .expect("demo dataset is valid");
    c.bench_function("full_recompute/demo dataset", |b| {
        b.iter(|| evaluate(&data, &WhatIf::default()))
    });
}

fn what_if_keystroke(c: &mut Criterion) {
    let data = dataset(15, 121);
    let mut what_if = WhatIf::default();
    what_if.figures.insert("i4".into(), 42.0);
    c.bench_function("what_if_one_indicator seed", |b| {
        b.iter(|| evaluate_indicator(&data, 4, &what_if))
    });
    let base = evaluate(&data, &WhatIf::default());
    what_if.figures.insert("i7".into(), 12.5);
    what_if.figures.insert("i30".into(), 3.0);
    c.bench_function("what_if_instant three figures seed", |b| {
        b.iter(|| dukao_core::what_if(&data, &base, &what_if))
    });
    c.bench_function("evaluate_from three figures seed", |b| {
        b.iter(|| dukao_core::evaluate_from(&data, &base, &what_if))
    });
}

criterion_group!(benches, full_recompute, demo_dataset, what_if_keystroke);

fn parts(c: &mut Criterion) {
    let data = dataset(15, 121);
    let report = evaluate(&data, &WhatIf::default());
    c.bench_function("part ledger seed", |b| {
        b.iter(|| dukao_core::ledger::summarise(&data))
    });
    c.bench_function("part supervision seed", |b| {
        b.iter(|| dukao_core::supervision::items(&data, &report.indicators))
    });
    c.bench_function("part indicators seed", |b| {
        b.iter(|| {
            for i in 0..121 {
                black_box(evaluate_indicator(&data, i, &WhatIf::default()));
            }
        })
    });
}
criterion_group!(part_benches, parts);
criterion_main!(benches, part_benches);
