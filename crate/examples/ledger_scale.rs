//! Ledger scale figures: build time and peak memory, compiled size per entry, and the time to
//! load the compiled form, at 10 thousand, 100 thousand and 1 million synthetic entries.
//!
//! `cargo run --release -p quotetrace --example ledger_scale [SIZES]` (default
//! `10000,100000,1000000`). Each size runs in a child process so that peak memory is its own.
//! `--write N PATH` writes the compiled N-entry ledger to PATH instead (for the wasm benchmark).
//! `--corpus N` times `ledger build` itself: a generated corpus of articles carrying N quotations
//! (10 per article, each with its speaker tag) read, attributed, traced and grouped.
//! `--scan N [R]` scans the PolNeAR train texts R times (default 3) against an N-entry ledger and
//! prints the median throughput: the "page scan against a 1M-entry ledger" figure. Like
//! `quotetrace scan`, a batch that knows its input, it first says how much text it will scan
//! (`Engine::expect_text`, R times the texts), so the run filter is built at the first sentence
//! when that much text pays for it; `--online` after R leaves that out (as the browser, which
//! scans pages as they come: the filter is then built once the sentences checked hold 1/32 of
//! the ledger's words, during the second pass at a million entries; 1/16 at 100k).
//! `--scan-file PATH [R]` does the same against a compiled ledger written by `--write`, and
//! `--load PATH [R]` times loading it (median wall time of R loads, default 9).

use std::time::Instant;

use quotetrace::Ledger;

#[path = "../benches/support.rs"]
mod support;

/// The CLI's allocator (`src/bin/quotetrace/main.rs`), so that the build, memory and scan
/// figures are those of `quotetrace ledger build` and `quotetrace scan`.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn one(n: usize) {
    let vocab = support::vocabulary();
    let base = support::peak_rss_mib();
    let entries = support::entries(n, &vocab, 7);
    let t = Instant::now();
    let ledger = Ledger::new(entries);
    let build = t.elapsed();
    let mem = support::peak_rss_mib();
    let t = Instant::now();
    let bytes = ledger.to_compiled();
    let compile = t.elapsed();
    drop(ledger);
    let t = Instant::now();
    let back = Ledger::from_bytes(&bytes).expect("the compiled form reads back");
    let load = t.elapsed();
    assert_eq!(back.len(), n);
    println!(
        "| {n} | {:.2} s | {:.0} MiB | {:.2} s | {:.1} MB | {:.0} B | {:.0} ms |",
        build.as_secs_f64(),
        mem - base,
        compile.as_secs_f64(),
        bytes.len() as f64 / 1e6,
        bytes.len() as f64 / n as f64,
        load.as_secs_f64() * 1e3
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--write") {
        let n: usize = args[2].parse().expect("a size");
        let ledger = Ledger::new(support::entries(n, &support::vocabulary(), 7));
        std::fs::write(&args[3], ledger.to_compiled()).expect("writable");
        return;
    }
    if args.get(1).map(String::as_str) == Some("--corpus") {
        corpus(args[2].parse().expect("a size"));
        return;
    }
    if args.get(1).map(String::as_str) == Some("--scan") {
        let n = args[2].parse().expect("a size");
        scan(
            n,
            args.get(3)
                .filter(|r| *r != "--online")
                .map_or(3, |r| r.parse().expect("a repeat count")),
            Ledger::new(support::entries(n, &support::vocabulary(), 7)),
        );
        return;
    }
    if args.get(1).map(String::as_str) == Some("--load") {
        let bytes = std::fs::read(&args[2]).expect("a compiled ledger");
        let repeats: usize = args
            .get(3)
            .map_or(9, |r| r.parse().expect("a repeat count"));
        let mut cpu: Vec<f64> = (0..repeats.max(1))
            .map(|_| {
                let b = bytes.clone();
                let t = Instant::now();
                let ledger = Ledger::from_vec(b).expect("the compiled form reads back");
                let took = t.elapsed().as_secs_f64();
                drop(ledger);
                took
            })
            .collect();
        cpu.sort_by(f64::total_cmp);
        println!(
            "load of {} ({:.1} MB): median {:.1} ms (of {repeats})",
            args[2],
            bytes.len() as f64 / 1e6,
            cpu[cpu.len() / 2] * 1e3
        );
        return;
    }
    if args.get(1).map(String::as_str) == Some("--scan-file") {
        let ledger = Ledger::from_vec(std::fs::read(&args[2]).expect("a compiled ledger"))
            .expect("the compiled form reads back");
        scan(
            ledger.len(),
            args.get(3)
                .filter(|r| *r != "--online")
                .map_or(3, |r| r.parse().expect("a repeat count")),
            ledger,
        );
        return;
    }
    if let Some(n) = args.get(2).filter(|_| args[1] == "--one") {
        one(n.parse().expect("a size"));
        return;
    }
    let sizes = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "10000,100000,1000000".into());
    println!("| entries | index build | peak memory (build) | compile | compiled size | per entry | load compiled |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for n in sizes.split(',') {
        let status = std::process::Command::new(&args[0])
            .args(["--one", n.trim()])
            .status()
            .expect("child runs");
        assert!(status.success(), "size {n} failed");
    }
}

fn corpus(n: usize) {
    use quotetrace::ledger::{Builder, Record};
    let vocab = support::vocabulary();
    let entries = support::entries(n, &vocab, 11);
    let mut b = Builder::new();
    let base = support::peak_rss_mib();
    for (i, chunk) in entries.chunks(10).enumerate() {
        let text: String = chunk
            .iter()
            .map(|e| {
                format!(
                    "The debate went on.\n“{},” said {}.\n",
                    e.text,
                    e.speaker
                        .as_ref()
                        .map_or("Someone Else", |s| s.name.as_str())
                )
            })
            .collect();
        let meta = quotetrace::PageMeta {
            outlet: chunk[0].first.outlet.clone(),
            published: chunk[0].first.published.clone(),
            ..Default::default()
        };
        b.add(Record {
            id: format!("a{i}"),
            text,
            meta,
        });
    }
    let t = Instant::now();
    let (ledger, summary) = b.build(|_, _| {});
    println!(
        "ledger build from {} articles: {} quotes -> {} entries in {:.1} s, peak memory {:.0} MiB",
        summary.articles,
        summary.quotes,
        ledger.len(),
        t.elapsed().as_secs_f64(),
        support::peak_rss_mib() - base
    );
}

/// Passes that may still build the ledger's lazy parts (the pair groups of a compiled ledger, the
/// run filter: at the first sentence, or with `--online` once the sentences checked hold 1/32 of
/// the ledger's words, the second pass at a million entries). They run in [`warm_pass`], the later ones in [`steady_pass`], so
/// that `valgrind --tool=callgrind --toggle-collect='*steady_pass*'` counts steady passes only.
const WARM_PASSES: usize = 3;

/// One scan of every document (pass `i`, among the first [`WARM_PASSES`]).
#[inline(never)]
fn warm_pass(
    engine: &quotetrace::Engine,
    docs: &[(String, String)],
    page: &quotetrace::PageMeta,
    i: usize,
) -> Vec<Vec<quotetrace::Finding>> {
    // Not the same code as `steady_pass`, which the compiler would otherwise merge with it.
    std::hint::black_box(i);
    docs.iter().map(|d| engine.scan(&d.1, page)).collect()
}

/// One scan of every document (a pass after the first [`WARM_PASSES`]).
#[inline(never)]
fn steady_pass(
    engine: &quotetrace::Engine,
    docs: &[(String, String)],
    page: &quotetrace::PageMeta,
) -> Vec<Vec<quotetrace::Finding>> {
    docs.iter().map(|d| engine.scan(&d.1, page)).collect()
}

fn scan(n: usize, repeats: usize, ledger: Ledger) {
    use quotetrace::{Engine, PageMeta};
    let docs = support::polnear("train");
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let engine = Engine::new(ledger);
    let online = std::env::args().any(|a| a == "--online");
    if !online {
        engine.expect_text(bytes * repeats.max(1));
    }
    let page = PageMeta::default();
    let mut found = 0;
    // What the scans found and traced, so that two builds can be compared: the number of
    // findings with a verdict and a checksum of every finding's span, kind, verdict and entry.
    let mut traced = 0;
    let mut sum = 0u64;
    // Wall and CPU time of each pass (CPU time alone is what counts on a shared machine).
    // Each pass's CPU time and minor page faults, printed after the summary.
    let mut each: Vec<(f64, u64)> = Vec::new();
    let mut times: Vec<(f64, f64)> = (0..repeats.max(1))
        .map(|i| {
            let (t, cpu) = (Instant::now(), support::cpu_seconds());
            let faults = support::minor_faults();
            let all = if i < WARM_PASSES {
                warm_pass(&engine, &docs, &page, i)
            } else {
                steady_pass(&engine, &docs, &page)
            };
            let took = (t.elapsed().as_secs_f64(), support::cpu_seconds() - cpu);
            each.push((took.1, support::minor_faults() - faults));
            found = all.iter().map(Vec::len).sum();
            traced = 0;
            sum = 0;
            for f in all.iter().flatten() {
                let v = f.trace.as_ref().map(|t| (t.verdict.as_str(), t.entry));
                traced += usize::from(v.is_some());
                let line = format!("{} {} {:?} {:?}", f.span.start, f.span.end, f.kind, v);
                sum = sum.wrapping_mul(1_000_003).wrapping_add(
                    line.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
                        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                    }),
                );
            }
            took
        })
        .collect();
    let first_cpu = times[0].1;
    // The fastest steady pass (after the first WARM_PASSES): on a shared machine the passes that
    // nothing else slowed down.
    let fastest = times
        .iter()
        .skip(WARM_PASSES)
        .map(|t| t.1)
        .min_by(f64::total_cmp);
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let s = median(times.iter().map(|t| t.0).collect());
    let cpu = median(times.drain(..).map(|t| t.1).collect());
    println!(
        "scan{} of {} PolNeAR train articles ({:.2} MB) against {n} entries: {found} findings \
         ({traced} traced, checksum {sum:016x}), median {:.0} ms = {:.1} MB/s (CPU time {:.0} ms = \
         {:.1} MB/s; first pass {:.0} ms; fastest steady pass {})",
        if online { " (online)" } else { "" },
        docs.len(),
        bytes as f64 / 1e6,
        s * 1e3,
        bytes as f64 / 1e6 / s,
        cpu * 1e3,
        bytes as f64 / 1e6 / cpu,
        first_cpu * 1e3,
        fastest.map_or("none".into(), |f| format!(
            "{:.0} ms = {:.1} MB/s",
            f * 1e3,
            bytes as f64 / 1e6 / f
        ))
    );
    let list = |f: &dyn Fn(&(f64, u64)) -> String| each.iter().map(f).collect::<Vec<_>>().join(" ");
    println!(
        "each pass: CPU {} ms; minor page faults {}",
        list(&|p| format!("{:.0}", p.0 * 1e3)),
        list(&|p| p.1.to_string())
    );
}
