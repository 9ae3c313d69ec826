//! The verdict benchmark (issue 4): a ledger built from the PolNeAR train articles, then pages
//! generated from its entries — quoted verbatim, cut, with one to three words changed, under
//! another speaker, without quotation marks — and pages quoting words that are in no ledger
//! (quotes from the dev articles that share no 6-word run with any train article: a longer shared
//! run means the words, or a variant of them, are in the ledger after all). Prints the
//! confusion matrix, the share of verdicts right, and the share of unknown quotes given a verdict.
//!
//! `cargo run --release -p quotetrace --example verdict_bench [ENTRIES] [--filler N]` (default
//! 500 entries, each giving five pages). `--filler N` adds N synthetic entries (the ones
//! `ledger_scale` generates: 8–30 words drawn from the PolNeAR vocabulary, 5,000 made-up
//! speakers) numbered *before* the train entries, so that a tie between a filler entry and the
//! right one goes to the filler: the pages are traced against a ledger of 8k real and N chance
//! entries, which is what a change to candidate generation must survive at scale.

use std::collections::{BTreeMap, HashSet};

use quotetrace::corpus::documents;
use quotetrace::ledger::index::folded;
use quotetrace::ledger::{Builder, Record};
use quotetrace::{Engine, Kind, Ledger, PageMeta};

#[path = "../benches/support.rs"]
mod support;

/// A dev quote sharing a run of this many words with a train text is not "in no ledger".
const GRAM: usize = 6;

const KINDS: [&str; 7] = [
    "original",
    "verbatim",
    "excerpt",
    "altered",
    "misattributed",
    "unquoted",
    "none",
];

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn body(text: &str) -> String {
    text.trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | '!' | '?' | ';' | ':') || c.is_whitespace()
    })
    .to_string()
}

fn quoted_page(words: &str, speaker: &str) -> String {
    format!("The remarks drew wide attention on Tuesday.\n“{},” said {speaker}.\nOfficials did not respond.", body(words))
}

/// The verdict the engine gives the generated words on `page` (or "none").
fn verdict(engine: &Engine, page: &str, words: &str) -> &'static str {
    let at = page.find(words).unwrap_or(0);
    let found = engine.scan(page, &PageMeta::default());
    found
        .iter()
        .filter(|f| matches!(f.kind, Kind::Direct | Kind::Partial | Kind::Unquoted))
        .find(|f| f.span.start <= at + words.len() && at <= f.span.end)
        .and_then(|f| f.trace.as_ref())
        .map_or("none", |t| t.verdict.as_str())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filler: usize = args
        .iter()
        .position(|a| a == "--filler")
        .map_or(0, |i| args[i + 1].parse().expect("--filler takes a count"));
    let per = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(500usize);
    let shared = support::shared();
    let train = documents(&shared.join("eval/polnear/train.jsonl")).expect("PolNeAR train");
    let dev = documents(&shared.join("eval/polnear/dev.jsonl")).expect("PolNeAR dev");
    let mut b = Builder::new();
    for d in &train {
        b.add(Record {
            id: d.id.clone(),
            text: d.text.clone(),
            meta: d.meta.clone(),
        });
    }
    let t = std::time::Instant::now();
    let (ledger, summary) = b.build(|_, _| {});
    eprintln!(
        "ledger from {} train articles: {} quotes, {} entries in {:.2} s",
        summary.articles,
        summary.quotes,
        summary.entries,
        t.elapsed().as_secs_f64()
    );
    let vocab = support::vocabulary();
    let mut rng = support::Rng::new(42);
    // Entries worth testing: a person speaker, at least 8 words, no nested marks.
    let pool: Vec<usize> = (0..ledger.len())
        .filter(|&i| {
            let e = ledger.entry(i);
            let n = words(&e.text).len();
            e.speaker
                .as_ref()
                .is_some_and(|s| s.name.split_whitespace().count() >= 2)
                && n >= 8
                && !e.text.contains(['“', '”', '"', '‘'])
        })
        .collect();
    let step = (pool.len() / per).max(1);
    let chosen: Vec<usize> = pool.iter().step_by(step).take(per).copied().collect();
    let entries: Vec<_> = ledger.entries().to_vec();
    let engine = if filler == 0 {
        Engine::new(ledger)
    } else {
        let t = std::time::Instant::now();
        let mut all = support::entries(filler, &vocab, 7);
        all.extend(entries.iter().cloned());
        let ledger = Ledger::new(all);
        eprintln!(
            "with {filler} filler entries before them: {} entries, indexed in {:.2} s",
            ledger.len(),
            t.elapsed().as_secs_f64()
        );
        Engine::new(ledger)
    };
    let mut matrix: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut examples: Vec<String> = Vec::new();
    let mut record = |expected: &'static str, got: &'static str, page: &str| {
        *matrix.entry((expected, got)).or_default() += 1;
        if expected != got
            && examples.len()
                < std::env::var("QT_EXAMPLES")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(12)
        {
            examples.push(format!(
                "expected {expected}, got {got}: {}",
                page.replace('\n', " ⏎ ")
            ));
        }
    };
    for (k, &i) in chosen.iter().enumerate() {
        let e = &entries[i];
        let name = &e
            .speaker
            .as_ref()
            .expect("chosen entries have a speaker")
            .name;
        let ws = words(&e.text);
        // verbatim
        let page = quoted_page(&e.text, name);
        record("verbatim", verdict(&engine, &page, &body(&e.text)), &page);
        // excerpt: a contiguous stretch of 60% of the words, at least 5
        let n = ws.len();
        let len = (n * 6 / 10).max(5).min(n - 1);
        let start = rng.below(n - len + 1);
        let cut = ws[start..start + len].join(" ");
        let page = quoted_page(&cut, name);
        record("excerpt", verdict(&engine, &page, &body(&cut)), &page);
        // altered: one to three interior words replaced by other words
        let mut changed: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
        for _ in 0..1 + rng.below(3) {
            let p = 1 + rng.below(n - 2);
            changed[p] = vocab[50 + rng.below(5_000)].clone();
        }
        let changed = changed.join(" ");
        let page = quoted_page(&changed, name);
        record("altered", verdict(&engine, &page, &body(&changed)), &page);
        // misattributed: the same words under another entry's speaker
        let other = &entries[chosen[(k + 1) % chosen.len()]]
            .speaker
            .as_ref()
            .expect("speaker")
            .name;
        if other.split_whitespace().last() != name.split_whitespace().last() {
            let page = quoted_page(&e.text, other);
            record(
                "misattributed",
                verdict(&engine, &page, &body(&e.text)),
                &page,
            );
        }
        // unquoted: the words as the writer's own sentence
        let mut plain = body(&e.text);
        if let Some(f) = plain.get(..1) {
            plain = f.to_uppercase() + &plain[1..];
        }
        let page = format!(
            "The remarks drew wide attention on Tuesday.\n{plain}.\nOfficials did not respond."
        );
        record("unquoted", verdict(&engine, &page, &plain), &page);
    }
    // Quotes in no ledger: dev quotes sharing no GRAM-word run with the train texts; a quote
    // shorter than GRAM words must not occur in them whole ("vote your conscience" is in train).
    let mut grams: HashSet<String> = HashSet::new();
    for d in &train {
        let w = folded(&d.text);
        for n in 3..=GRAM {
            for g in w.windows(n) {
                grams.insert(g.join(" "));
            }
        }
    }
    let finder = Engine::new(Ledger::default());
    let mut unknown = 0;
    'docs: for d in &dev {
        for f in finder.scan(&d.text, &d.meta) {
            if !matches!(f.kind, Kind::Direct | Kind::Partial) || f.speaker.is_none() {
                continue;
            }
            let q = f.span.of(&d.text);
            let w = folded(q);
            if w.len() < 3
                || w.windows(w.len().min(GRAM))
                    .any(|g| grams.contains(&g.join(" ")))
            {
                continue;
            }
            let page = quoted_page(q, &f.speaker.as_ref().expect("speaker").name);
            record("none", verdict(&engine, &page, &body(q)), &page);
            unknown += 1;
            if unknown >= per * 2 {
                break 'docs;
            }
        }
    }
    // The matrix.
    print!("| expected \\ got |");
    for k in KINDS {
        print!(" {k} |");
    }
    println!("\n|{}", " --- |".repeat(KINDS.len() + 1));
    let (mut right, mut total) = (0, 0);
    for exp in KINDS {
        let row: usize = KINDS
            .iter()
            .map(|g| matrix.get(&(exp, *g)).copied().unwrap_or(0))
            .sum();
        if row == 0 {
            continue;
        }
        print!("| {exp} |");
        for got in KINDS {
            let n = matrix.get(&(exp, got)).copied().unwrap_or(0);
            print!(" {n} |");
        }
        println!();
        right += matrix.get(&(exp, exp)).copied().unwrap_or(0);
        total += row;
    }
    let none_row: usize = KINDS
        .iter()
        .map(|g| matrix.get(&("none", *g)).copied().unwrap_or(0))
        .sum();
    let none_wrong = none_row - matrix.get(&("none", "none")).copied().unwrap_or(0);
    println!(
        "\nverdicts right: {right}/{total} = {:.2}%",
        100.0 * right as f64 / total as f64
    );
    println!(
        "quotes in no ledger given a verdict: {none_wrong}/{none_row} = {:.2}%",
        100.0 * none_wrong as f64 / none_row.max(1) as f64
    );
    if !examples.is_empty() {
        println!("\nsome errors:");
        for e in examples {
            println!("  {e}");
        }
    }
}
