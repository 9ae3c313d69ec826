//! Ledger lookups at 10 thousand, 100 thousand and 1 million entries: a real news page (the
//! first 40 PolNeAR dev articles, whose quotes are looked up in the ledger) scanned against
//! synthetic ledgers of each size, in MB/s of page text. The cost per page should not grow with
//! the ledger. Build times and memory are reported by `cargo run --release --example ledger_scale`.
//!
//! `cargo bench -p quotetrace --bench ledger` (QT_SIZES=10000,100000 to choose sizes).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quotetrace::{Engine, Ledger, PageMeta};

mod support;

fn bench(c: &mut Criterion) {
    let sizes: Vec<usize> = std::env::var("QT_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    let pages: Vec<String> = support::polnear("dev")
        .into_iter()
        .take(40)
        .map(|d| d.1)
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let vocab = support::vocabulary();
    let mut g = c.benchmark_group("ledger-lookup");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    let mut counts = Vec::new();
    for n in sizes {
        let engine = Engine::new(Ledger::new(support::entries(n, &vocab, 7)));
        let page = PageMeta::default();
        let found: usize = pages.iter().map(|p| engine.scan(p, &page).len()).sum();
        counts.push(found);
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let k: usize = pages.iter().map(|p| engine.scan(p, &page).len()).sum();
                assert_eq!(k, found);
                k
            })
        });
    }
    g.finish();
    // The same page finds the same quotations whatever the ledger size (verdicts may differ).
    assert!(
        counts.windows(2).all(|w| w[0] <= w[1] + w[1] / 10),
        "quotation counts drift with ledger size: {counts:?}"
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
