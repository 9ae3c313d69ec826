//! Shared by the benchmarks and the scale examples: the real corpora from `../shared` and
//! deterministic synthetic ledgers.
#![allow(dead_code)]

use std::path::PathBuf;

use quotetrace::ledger::{Appearance, Entry, EntrySpeaker};

/// The shared folder: `QT_SHARED`, or `../shared` beside the project.
pub fn shared() -> PathBuf {
    std::env::var_os("QT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

/// The article texts of a PolNeAR split (`train` or `dev`), read at run time.
pub fn polnear(split: &str) -> Vec<(String, String)> {
    let path = shared().join(format!("eval/polnear/{split}.jsonl"));
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("PolNeAR line is JSON");
            (
                v["id"].as_str().unwrap_or("").to_string(),
                v["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// A small deterministic PRNG (xorshift64*), so generated ledgers are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Roughly Zipf-distributed index below `n`: small indices are common, as words are.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// The words of the PolNeAR train texts, most frequent first (the vocabulary synthetic quotes
/// are drawn from), or a made-up vocabulary when the corpus is absent.
pub fn vocabulary() -> Vec<String> {
    let path = shared().join("eval/polnear/train.jsonl");
    if !path.exists() {
        return (0..20_000).map(|i| format!("w{i}")).collect();
    }
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for (_, t) in polnear("train") {
        for w in t.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'') {
            if w.chars().next().is_some_and(char::is_alphabetic)
                && w.chars().last().is_some_and(char::is_alphanumeric)
            {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().map(|x| x.0).collect()
}

/// `n` synthetic entries: quotes of 8 to 30 words from `vocab`, 5,000 speakers, 50 outlets.
pub fn entries(n: usize, vocab: &[String], seed: u64) -> Vec<Entry> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let len = 8 + rng.below(23);
            let text = (0..len)
                .map(|_| vocab[rng.zipf(vocab.len())].as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let sp = rng.below(5_000);
            Entry {
                id: format!("{i:016x}"),
                text,
                speaker: Some(EntrySpeaker {
                    name: format!("Speaker{sp} Person{sp}"),
                    aliases: vec![],
                    role: None,
                    org: None,
                }),
                first: Appearance {
                    outlet: Some(format!("Outlet {}", rng.below(50))),
                    published: Some(format!(
                        "2016-{:02}-{:02}",
                        1 + rng.below(12),
                        1 + rng.below(28)
                    )),
                    url: Some(format!("https://example.org/a/{i}")),
                    ..Default::default()
                },
                appearances: Vec::new(),
            }
        })
        .collect()
}

/// Peak resident memory of this process so far, in MiB (Linux; 0 elsewhere).
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Minor page faults of this process so far (Linux; 0 elsewhere): each is a page of memory
/// touched for the first time (or reclaimed), about a microsecond of kernel time, counted in CPU
/// time.
#[allow(dead_code)]
pub fn minor_faults() -> u64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')?
                .1
                .split_whitespace()
                .nth(7)?
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

/// CPU time this process has used so far, in seconds (Linux, 10 ms resolution; 0 elsewhere): a
/// figure less disturbed than wall time when other work shares the machine.
pub fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1;
            let f: Vec<&str> = after.split_whitespace().collect();
            Some(f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?)
        })
        .map_or(0.0, |ticks| ticks / 100.0)
}
