//! The command line, run as a user runs it: ledgers built from saved HTML pages and JSON Lines,
//! merged and inspected; malformed ledgers refused with the line and field at fault; scans in
//! every format.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotetrace"))
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quotetrace-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("the binary runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn page(outlet: &str, date: &str, url: &str, body: &str) -> String {
    format!(
        r#"<!doctype html><html><head><title>{outlet} story</title><link rel="canonical" href="{url}">
<meta property="og:site_name" content="{outlet}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"A story","datePublished":"{date}","publisher":{{"@type":"Organization","name":"{outlet}"}}}}</script>
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>A story</h1>{body}</article><footer>© {outlet}</footer></body></html>"#
    )
}

#[test]
fn cli010_ledger_from_html_pages_then_scan() {
    let d = scratch("html");
    let first = "<p>“We will rebuild every school in the valley before winter,” said Mayor Jane Roe, a former teacher.</p>";
    let later = "<p>The mayor has promised much. “We will rebuild every school in the valley before the winter,” Roe said.</p>";
    std::fs::write(
        d.join("a.html"),
        page(
            "Valley Times",
            "2024-05-01T08:00:00Z",
            "https://valley.example/a",
            first,
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("b.html"),
        page(
            "Other Daily",
            "2024-05-03",
            "https://other.example/b",
            later,
        ),
    )
    .unwrap();
    let ledger = d.join("l.qtl");
    let out = run(bin()
        .args(["ledger", "build"])
        .arg(d.join("b.html"))
        .arg(d.join("a.html"))
        .arg("-o")
        .arg(&ledger));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("2 articles, 2 quotes, 1 entries"),
        "{summary}"
    );
    let out = run(bin()
        .args(["scan", "--ledger"])
        .arg(&ledger)
        .arg(d.join("b.html")));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let q = &v["quotes"][0];
    // The page says "Roe"; the ledger knows her full name and role, and the mention stays "Roe".
    assert_eq!(q["speaker"]["name"], "Jane Roe");
    assert_eq!(
        q["speaker"]["end"].as_u64().unwrap() - q["speaker"]["start"].as_u64().unwrap(),
        3
    );
    assert_eq!(q["ledger"]["verdict"], "altered");
    assert_eq!(q["ledger"]["first"]["outlet"], "Valley Times");
    assert_eq!(q["ledger"]["first"]["url"], "https://valley.example/a");
    assert_eq!(q["ledger"]["first"]["published"], "2024-05-01T08:00:00Z");
    assert_eq!(q["ledger"]["changes"][0]["to"], "before the winter");
    // The first page is the original.
    let out = run(bin()
        .args(["scan", "--ledger"])
        .arg(&ledger)
        .arg(d.join("a.html")));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["quotes"][0]["ledger"]["verdict"], "original");
    // Code-point offsets: the quote's words in the extracted text.
    let stats = run(bin().args(["ledger", "stats"]).arg(&ledger));
    let s = String::from_utf8_lossy(&stats.stdout);
    assert!(
        s.contains("entries: 1") && s.contains("appearances: 2") && s.contains("Valley Times"),
        "{s}"
    );
}

#[test]
fn cli020_unknown_dates_stay_unknown_and_merge_keeps_the_earliest() {
    let d = scratch("merge");
    let rec = |id: &str, outlet: &str, date: Option<&str>| {
        serde_json::json!({"id": id, "text": "“Nobody told us the bridge was closing,” said Ana Lima, a driver.", "outlet": outlet, "published": date, "url": null, "title": null}).to_string()
    };
    std::fs::write(d.join("a.jsonl"), rec("a", "Undated Post", None) + "\n").unwrap();
    std::fs::write(
        d.join("b.jsonl"),
        rec("b", "Dated Herald", Some("2023-01-02")) + "\n",
    )
    .unwrap();
    run(bin()
        .args(["ledger", "build"])
        .arg(d.join("a.jsonl"))
        .arg("-o")
        .arg(d.join("a.jsonl.ledger.jsonl")));
    let a = std::fs::read_to_string(d.join("a.jsonl.ledger.jsonl")).unwrap();
    assert!(
        a.lines().nth(1).unwrap().contains("\"published\":null"),
        "{a}"
    );
    run(bin()
        .args(["ledger", "build"])
        .arg(d.join("b.jsonl"))
        .arg("-o")
        .arg(d.join("b.qtl")));
    run(bin()
        .args(["ledger", "merge"])
        .arg(d.join("a.jsonl.ledger.jsonl"))
        .arg(d.join("b.qtl"))
        .arg("-o")
        .arg(d.join("m.jsonl")));
    let m = std::fs::read_to_string(d.join("m.jsonl")).unwrap();
    let entry: serde_json::Value = serde_json::from_str(m.lines().nth(1).unwrap()).unwrap();
    assert_eq!(m.lines().count(), 2, "{m}");
    assert_eq!(entry["first"]["outlet"], "Dated Herald");
    assert_eq!(entry["appearances"][0]["outlet"], "Undated Post");
}

#[test]
fn cli030_malformed_ledgers_are_refused_with_line_and_field() {
    let d = scratch("bad");
    let good = "{\"format\":\"quotetrace-ledger\",\"version\":1,\"entries\":1}\n{\"id\":\"e1\",\"text\":\"We are ready.\",\"speaker\":null,\"first\":{\"outlet\":\"X\",\"published\":null,\"url\":null,\"title\":null}}\n";
    let cases = [
        (
            good.replace("\"outlet\":\"X\"", "\"outlet\":7"),
            vec!["line 2", "\"e1\"", "first.outlet"],
        ),
        (
            good.replace("\"version\":1", "\"version\":2"),
            vec!["version 2", "not supported"],
        ),
        (
            good.replace("\"text\":\"We are ready.\",", ""),
            vec!["line 2", "text"],
        ),
        (
            good.replace("{\"id\"", "{\"id\" oops"),
            vec!["line 2", "not JSON"],
        ),
    ];
    for (i, (text, needles)) in cases.iter().enumerate() {
        let p = d.join(format!("bad{i}.jsonl"));
        std::fs::write(&p, text).unwrap();
        std::fs::write(d.join("page.txt"), "“We are ready,” she said.").unwrap();
        let out = bin()
            .args(["scan", "--ledger"])
            .arg(&p)
            .arg(d.join("page.txt"))
            .output()
            .unwrap();
        assert!(!out.status.success(), "case {i} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        for n in needles {
            assert!(err.contains(n), "case {i}: {n:?} not in {err}");
        }
    }
    // A compiled ledger cut short is refused too.
    let ok = d.join("ok.jsonl");
    std::fs::write(&ok, good).unwrap();
    let qtl = d.join("ok.qtl");
    run(bin().args(["ledger", "merge"]).arg(&ok).arg("-o").arg(&qtl));
    let bytes = std::fs::read(&qtl).unwrap();
    std::fs::write(d.join("cut.qtl"), &bytes[..bytes.len() - 3]).unwrap();
    let out = bin()
        .args(["ledger", "stats"])
        .arg(d.join("cut.qtl"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("malformed"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn cli040_scan_formats_and_offsets() {
    let d = scratch("formats");
    let text = "Über alles: “Wir schaffen das,” sagte Angela Merkel.\n“We will manage,” said Angela Merkel, the chancellor.";
    std::fs::write(d.join("t.txt"), text).unwrap();
    let out = run(bin()
        .args(["scan", "--format", "jsonl"])
        .arg(d.join("t.txt")));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "We will manage,")
        .expect("the English quote");
    // Offsets are code points.
    let (s, e) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text.chars().skip(s).take(e - s).collect::<String>(),
        "We will manage,"
    );
    assert_eq!(q["speaker"]["role"], "chancellor");
    let out = run(bin()
        .args(["scan", "--format", "text"])
        .arg(d.join("t.txt")));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Angela Merkel"));
    let out = bin()
        .args(["scan", "--format", "xml"])
        .arg(d.join("t.txt"))
        .output()
        .unwrap();
    assert!(
        !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("unknown format")
    );
}
