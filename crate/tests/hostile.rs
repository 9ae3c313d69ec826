//! Hostile and huge pages: the scan must finish, never panic, and return something sane. Not
//! timed (speed belongs in the benchmarks); a hang shows as a test that never ends.

use quotetrace::{Engine, Kind, PageMeta, MAX_QUOTES};

fn engine() -> Engine {
    // A ledger that knows the repeated quote, so tracing work happens too.
    let text = "“We are ready for anything that comes our way,” said Jane Roe.";
    let mut b = quotetrace::ledger::Builder::new();
    b.add(quotetrace::ledger::Record {
        id: "a".into(),
        text: text.into(),
        meta: PageMeta::default(),
    });
    Engine::new(b.build(|_, _| {}).0)
}

fn scan(text: &str) -> Vec<quotetrace::Finding> {
    let found = engine().scan(text, &PageMeta::default());
    for f in &found {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
    found
}

#[test]
fn hostile010_only_quotation_marks() {
    let t = "“".repeat(200_000) + &"”".repeat(200_000);
    assert!(scan(&t).len() <= MAX_QUOTES + 1);
    let t = "\"".repeat(300_000);
    assert!(scan(&t).len() <= MAX_QUOTES);
}

#[test]
fn hostile020_many_quotes_are_capped_and_traced() {
    let t = "“We are ready for anything that comes our way,” said Jane Roe. ".repeat(30_000);
    let found = scan(&t);
    let quotes = found
        .iter()
        .filter(|f| matches!(f.kind, Kind::Direct | Kind::Partial))
        .count();
    assert_eq!(quotes, MAX_QUOTES);
    assert!(
        found[0].trace.is_some(),
        "the first quotes are still traced"
    );
}

#[test]
fn hostile030_no_spaces_no_breaks_odd_characters() {
    assert!(scan(&"x".repeat(2_000_000)).is_empty());
    let t = "\u{200b}\u{feff}😀\u{0301}«»„“”‘’‹›「」『』".repeat(20_000);
    scan(&t);
    let t = "said said said, according to according to: “".repeat(20_000);
    scan(&t);
}

#[test]
fn hostile040_one_long_unclosed_quote_over_many_paragraphs() {
    let t = format!("“{}", "word word word word.\n\n“".repeat(50_000));
    scan(&t);
}
