//! Scan throughput on real news: the PolNeAR train texts (read from ../shared at run time),
//! without a ledger and against a ledger built from those same articles. Reports MB/s of text.
//!
//! `cargo bench -p quotetrace --bench scan`. Doubles as a check: every iteration must find the
//! same number of quotations, and at least one per article on average.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotetrace::ledger::{Builder, Record};
use quotetrace::{Engine, Ledger, PageMeta};

mod support;

/// The CLI's allocator (`src/bin/quotetrace/main.rs`), so the bench measures what the command
/// runs.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let docs = support::polnear("train");
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let page = PageMeta::default();
    let mut builder = Builder::new();
    for (id, text) in &docs {
        builder.add(Record {
            id: id.clone(),
            text: text.clone(),
            meta: PageMeta::default(),
        });
    }
    let (ledger, summary) = builder.build(|_, _| {});
    eprintln!(
        "scan bench: {} articles, {:.2} MB of text; ledger of {} entries",
        docs.len(),
        bytes as f64 / 1e6,
        summary.entries
    );
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    for (name, engine) in [
        ("no-ledger", Engine::new(Ledger::default())),
        ("train-ledger", Engine::new(ledger)),
    ] {
        let expected: usize = docs.iter().map(|d| engine.scan(&d.1, &page).len()).sum();
        assert!(
            expected > docs.len(),
            "{name}: found only {expected} quotations in {} articles",
            docs.len()
        );
        g.bench_function(name, |b| {
            b.iter(|| {
                let n: usize = docs.iter().map(|d| engine.scan(&d.1, &page).len()).sum();
                assert_eq!(n, expected);
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
