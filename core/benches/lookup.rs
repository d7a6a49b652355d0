//! Criterion benchmarks: loading the dataset, lookup by postcode and by name, and search by need
//! over the golden queries (median and p99 per query are printed by `search_p99`).
//!
//! Run: `cargo bench -p hulpkompas-core`. Targets on the 2-core reference machine: lookup median
//! ≤ 5 µs, loading and indexing ≤ 5 ms, search p99 ≤ 100 µs.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hulpkompas_core::Dataset;
use std::time::Instant;

fn golden_queries() -> Vec<String> {
    let text = include_str!("../../tests/golden/search.csv");
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let q = if let Some(rest) = l.strip_prefix('"') {
                rest.split('"').next()?
            } else {
                l.split(',').next()?
            };
            (!q.is_empty()).then(|| q.to_string())
        })
        .collect()
}

fn load(c: &mut Criterion) {
    // The compact tables parse once per process (first call); later calls build the indexes only.
    let t = Instant::now();
    let _ = Dataset::builtin();
    println!(
        "first Dataset::builtin in this process (parsing the tables too): {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    c.bench_function("load: Dataset::builtin (indexes)", |b| {
        b.iter(|| black_box(Dataset::builtin()))
    });
}

fn lookup(c: &mut Criterion) {
    let data = Dataset::builtin();
    c.bench_function("lookup: postcode 8500", |b| {
        b.iter(|| black_box(data.lookup(black_box("8500"))))
    });
    c.bench_function("lookup: postcode 2000 (Antwerp, 3 zones)", |b| {
        b.iter(|| black_box(data.lookup(black_box("2000"))))
    });
    c.bench_function("lookup: name Kortrijk", |b| {
        b.iter(|| black_box(data.lookup(black_box("Kortrijk"))))
    });
    c.bench_function("lookup: name with a typo (kortijk)", |b| {
        b.iter(|| black_box(data.lookup(black_box("kortijk"))))
    });
    c.bench_function("lookup: Zwijndrecht (merged)", |b| {
        b.iter(|| black_box(data.lookup(black_box("Zwijndrecht"))))
    });
}

fn search(c: &mut Criterion) {
    let data = Dataset::builtin();
    let queries = golden_queries();
    c.bench_function("search: all golden queries (one pass)", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(data.search(black_box(q), None));
            }
        })
    });
    // Median and p99 per query, measured directly (criterion reports means over batches).
    let mut times = Vec::new();
    for _ in 0..20 {
        for q in &queries {
            let t = Instant::now();
            black_box(data.search(q, None));
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "search per query over {} golden queries × 20: median {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        queries.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
}

criterion_group!(benches, load, lookup, search);
criterion_main!(benches);
