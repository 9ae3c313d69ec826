//! The five moscow-2024 corpus texts, end to end: ledger built from the corpus, every text
//! scanned against it, compared with golden files a person checked line by line.
//!
//! The texts are read from `../shared/corpus/moscow-2024` at run time (override the shared
//! folder with `QT_SHARED`). Regenerate the golden files with `BLESS=1 cargo test --test moscow`
//! and read the diff; run one text alone with `QT_ONLY=002 cargo test --test moscow`.

use std::path::PathBuf;

use quotetrace::corpus::{documents, Doc};
use quotetrace::ledger::{Builder, Record};
use quotetrace::offsets::Unit;
use quotetrace::report::{self, QuoteReport, Report};
use quotetrace::{Engine, Ledger};

fn shared() -> PathBuf {
    std::env::var_os("QT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

fn corpus() -> Vec<Doc> {
    documents(&shared().join("corpus/moscow-2024/articles.jsonl")).expect("the corpus is readable")
}

fn ledger(docs: &[Doc]) -> Ledger {
    let mut b = Builder::new();
    for d in docs {
        b.add(Record {
            id: d.id.clone(),
            text: d.text.clone(),
            meta: d.meta.clone(),
        });
    }
    b.build(|_, _| {}).0
}

fn reports() -> Vec<Report> {
    let docs = corpus();
    let engine = Engine::new(ledger(&docs));
    docs.iter()
        .map(|d| Report {
            id: d.id.clone(),
            quotes: report::quotes(&d.text, &engine.scan(&d.text, &d.meta), Unit::CodePoint),
        })
        .collect()
}

fn find<'r>(r: &'r Report, words: &str) -> &'r QuoteReport {
    r.quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("{}: no quote with {words:?}", r.id))
}

fn report(prefix: &str) -> Report {
    reports()
        .into_iter()
        .find(|r| r.id.starts_with(prefix))
        .expect("document exists")
}

#[test]
fn moscow010_golden_files() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/moscow-2024");
    let only = std::env::var("QT_ONLY").ok();
    let bless = std::env::var_os("BLESS").is_some();
    let mut failed = Vec::new();
    for r in reports() {
        if only.as_ref().is_some_and(|o| !r.id.starts_with(o.as_str())) {
            continue;
        }
        let path = dir.join(format!("{}.json", r.id));
        let got = serde_json::to_string_pretty(&r).expect("serializes") + "\n";
        if bless {
            std::fs::write(&path, &got).expect("golden file is writable");
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1 to create it)", path.display()));
        if got != want {
            failed.push(r.id.clone());
            let mut p = path.clone();
            p.set_extension("actual.json");
            let _ = std::fs::write(&p, &got);
        }
    }
    assert!(failed.is_empty(), "output differs from the golden files for {failed:?}; see *.actual.json beside them, or BLESS=1");
}

#[test]
fn moscow020_clarke_is_original_in_the_new_york_times() {
    let r = report("001");
    for words in [
        "obsessed with Russia for two years",
        "Muslim blood on its hands",
    ] {
        let q = find(&r, words);
        assert_eq!(q.kind, "direct");
        let s = q.speaker.as_ref().expect("a speaker");
        assert_eq!(
            (s.name.as_str(), s.role.as_deref(), s.org.as_deref()),
            (
                "Colin P. Clarke",
                Some("counterterrorism analyst"),
                Some("Soufan Group")
            )
        );
        let l = q.ledger.as_ref().expect("traced");
        assert_eq!(
            (
                l.verdict,
                l.first.outlet.as_deref(),
                l.first.published.as_deref()
            ),
            ("original", Some("The New York Times"), Some("2024-03-22"))
        );
    }
}

#[test]
fn moscow030_reworded_clarke_quotes_are_altered_with_the_changed_words() {
    let r = report("002");
    let changes = |words: &str| {
        let q = find(&r, words);
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Colin P. Clarke")
        );
        let l = q.ledger.as_ref().expect("traced");
        assert_eq!(l.verdict, "altered");
        assert_eq!(l.first.outlet.as_deref(), Some("The New York Times"));
        l.changes
            .iter()
            .map(|c| (c.from.clone(), c.to.clone()))
            .collect::<Vec<_>>()
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        changes("fixated on Russia"),
        [
            s("obsessed with", "fixated on"),
            s("for two years", "for the past two years")
        ]
    );
    assert_eq!(
        changes("blood in its hands"),
        [
            s("on its hands", "in its hands"),
            s("referring to", "referencing")
        ]
    );
}

#[test]
fn moscow040_embassy_words_are_verbatim_from_cnn() {
    let r = report("003");
    let q = find(&r, "monitoring reports that extremists have imminent plans");
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("US embassy in Russia")
    );
    let l = q.ledger.as_ref().expect("traced");
    assert_eq!(
        (
            l.verdict,
            l.first.outlet.as_deref(),
            l.first.published.as_deref()
        ),
        ("verbatim", Some("CNN"), Some("2024-03-23"))
    );
}

#[test]
fn moscow050_unquoted_reuse_is_found() {
    let r = report("004");
    let q = find(
        &r,
        "The group accuses the Kremlin of having Muslim blood on its hands",
    );
    assert_eq!(q.kind, "unquoted");
    let l = q.ledger.as_ref().expect("traced");
    assert_eq!(
        (l.verdict, l.first.outlet.as_deref()),
        ("unquoted", Some("The New York Times"))
    );
}

#[test]
fn moscow060_relay_nesting_and_partial_quotes() {
    let r = report("000");
    let q = find(&r, "sees Russia as being complicit");
    assert_eq!(
        (
            q.speaker.as_ref().map(|s| s.name.as_str()),
            q.via.as_deref()
        ),
        (Some("Michael Kugelman"), Some("Reuters"))
    );
    assert_eq!(
        q.speaker.as_ref().and_then(|s| s.org.as_deref()),
        Some("Wilson Center")
    );
    let nested = find(&r, "duty to warn");
    assert_eq!(nested.kind, "partial");
    let p = r
        .quotes
        .iter()
        .find(|q| q.text == "provocative.")
        .expect("the partial quote");
    assert_eq!(
        (p.kind, p.speaker.as_ref().map(|s| s.name.as_str())),
        ("partial", Some("Vladimir Putin"))
    );
    let embassy = find(&r, "monitoring reports");
    assert_eq!(
        embassy.speaker.as_ref().map(|s| s.name.as_str()),
        Some("US embassy in Russia")
    );
}

#[test]
fn moscow070_split_quotes_and_surnames() {
    let r = report("003");
    for words in [
        "There was no linkage to Ukraine",
        "This was an attack carried out by ISIS-K",
    ] {
        assert_eq!(
            find(&r, words).speaker.as_ref().map(|s| s.name.as_str()),
            Some("John Kirby"),
            "{words}"
        );
    }
    let cotton = find(&r, "deeply regrettable");
    let s = cotton.speaker.as_ref().expect("Cotton");
    assert_eq!(s.name, "Tom Cotton");
    assert_eq!(cotton.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    // The mention for this quote is the surname, where the text says it.
    assert_eq!(s.end - s.start, "Cotton".len());
    assert_eq!(
        find(&r, "That eased pressure")
            .speaker
            .as_ref()
            .map(|s| s.name.as_str()),
        Some("Daniel Byman")
    );
    let echo = find(&r, "very dangerous echo");
    assert_eq!(
        (
            echo.speaker.as_ref().map(|s| s.name.as_str()),
            echo.via.as_deref()
        ),
        (Some("Tom Cotton"), Some("Fox News Sunday"))
    );
}
