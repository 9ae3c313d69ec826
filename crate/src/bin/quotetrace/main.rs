//! The quotetrace command line: scan documents, build and inspect ledgers.
//!
//! ```text
//! quotetrace scan [--ledger L] [--format json|jsonl|text] FILE...
//! quotetrace ledger build CORPUS... -o LEDGER [--source] [--quiet]
//! quotetrace ledger merge LEDGER... -o LEDGER [--source]
//! quotetrace ledger stats LEDGER
//! ```

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quotetrace::ledger::{Builder, Record};
use quotetrace::offsets::Unit;
use quotetrace::{report, Engine, Ledger, PageMeta};

use quotetrace::corpus as input;

/// mimalloc instead of the system allocator: a scan makes about 150 small allocations per page
/// (speaker names, folded words, per-sentence vectors) and frees them at once, which the system
/// allocator serves more slowly (see docs/FIGURES.md, round 7).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage:
  quotetrace scan [--ledger L] [--format json|jsonl|text] FILE...
      FILE: .txt, .html (article text and metadata extracted) or .jsonl ({\"id\", \"text\", ...} per line)
  quotetrace ledger build CORPUS... -o LEDGER [--source] [--quiet]
      CORPUS: .jsonl records {\"id\", \"text\", \"outlet\", \"published\", \"url\", \"title\"} (or
      {\"file\": path relative to the .jsonl, ...}), or .html pages; LEDGER is written compiled,
      or as JSON Lines source with --source (or a .jsonl name)
  quotetrace ledger merge LEDGER... -o LEDGER [--source]
  quotetrace ledger stats LEDGER";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("scan") => scan(&args[1..]),
        Some("ledger") => match args.get(1).map(String::as_str) {
            Some("build") => ledger_build(&args[2..]),
            Some("merge") => ledger_merge(&args[2..]),
            Some("stats") => ledger_stats(&args[2..]),
            _ => Err(format!("unknown ledger command\n{USAGE}")),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quotetrace: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Splits `args` into flag values and positional arguments.
struct Args {
    positional: Vec<String>,
    flags: Vec<(String, Option<String>)>,
}

impl Args {
    fn parse(args: &[String], with_value: &[&str]) -> Result<Args, String> {
        let mut a = Args {
            positional: Vec::new(),
            flags: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(x) = it.next() {
            if let Some(name) = x.strip_prefix('-').filter(|n| !n.is_empty()) {
                let name = name.trim_start_matches('-').to_string();
                if let Some((n, v)) = name.split_once('=') {
                    a.flags.push((n.to_string(), Some(v.to_string())));
                } else if with_value.contains(&name.as_str()) {
                    let v = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
                    a.flags.push((name, Some(v.clone())));
                } else {
                    a.flags.push((name, None));
                }
            } else {
                a.positional.push(x.clone());
            }
        }
        Ok(a)
    }
    fn value(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }
    fn check(&self, known: &[&str]) -> Result<(), String> {
        match self
            .flags
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
        {
            Some((n, _)) => Err(format!("unknown option --{n}\n{USAGE}")),
            None => Ok(()),
        }
    }
}

fn read_ledger(path: &str) -> Result<Ledger, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read ledger {path}: {e}"))?;
    Ledger::from_bytes(&bytes).map_err(|e| format!("{path}: {e}"))
}

fn scan(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["ledger", "format"])?;
    a.check(&["ledger", "format"])?;
    if a.positional.is_empty() {
        return Err(format!("scan needs at least one FILE\n{USAGE}"));
    }
    let format = a.value("format").unwrap_or("json");
    if !matches!(format, "json" | "jsonl" | "text") {
        return Err(format!(
            "unknown format {format:?}: expected json, jsonl or text"
        ));
    }
    let ledger = match a.value("ledger") {
        Some(p) => read_ledger(p)?,
        None => Ledger::default(),
    };
    let engine = Engine::new(ledger);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all = Vec::new();
    for path in &a.positional {
        let docs = input::documents(Path::new(path))?;
        // A batch knows its input: the ledger's run filter is built at once if this much text
        // would pay for it (no output changes, only when the work is done).
        engine.expect_text(docs.iter().map(|d| d.text.len()).sum());
        for doc in docs {
            let found = engine.scan(&doc.text, &doc.meta);
            let rep = report::Report {
                id: doc.id.clone(),
                quotes: report::quotes(&doc.text, &found, Unit::CodePoint),
            };
            match format {
                "jsonl" => writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&rep).expect("report serializes")
                ),
                "text" => write_text(&mut out, &rep, &doc.meta),
                _ => {
                    all.push(rep);
                    Ok(())
                }
            }
            .map_err(|e| format!("cannot write output: {e}"))?;
        }
    }
    if format == "json" {
        let v = if all.len() == 1 {
            serde_json::to_string_pretty(&all[0])
        } else {
            serde_json::to_string_pretty(&all)
        };
        writeln!(out, "{}", v.expect("reports serialize"))
            .map_err(|e| format!("cannot write output: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))
}

/// What the badges would say, for people.
fn write_text(out: &mut impl Write, rep: &report::Report, meta: &PageMeta) -> io::Result<()> {
    let outlet = meta.outlet.as_deref().unwrap_or("outlet unknown");
    let date = meta.published.as_deref().unwrap_or("date unknown");
    writeln!(
        out,
        "== {} ({outlet}, {date}): {} quotes",
        rep.id,
        rep.quotes.len()
    )?;
    for q in &rep.quotes {
        let verdict = q.ledger.as_ref().map_or("·", |l| l.verdict);
        let who = q.speaker.as_ref().map_or_else(
            || "(no speaker)".to_string(),
            |s| {
                let mut w = s.name.clone();
                if let Some(r) = &s.role {
                    w.push_str(&format!(", {r}"));
                }
                if let Some(o) = &s.org {
                    w.push_str(&format!(" ({o})"));
                }
                w
            },
        );
        let mut words: String = q.text.chars().take(90).collect();
        if q.text.chars().count() > 90 {
            words.push('…');
        }
        writeln!(out, "  [{verdict:>13}] {:<8} {who}: “{words}”", q.kind)?;
        if let Some(v) = &q.via {
            writeln!(out, "  {:15} via {v}", "")?;
        }
        if let Some(l) = &q.ledger {
            let f = &l.first;
            writeln!(
                out,
                "  {:15} first: {}, {}{}",
                "",
                f.outlet.as_deref().unwrap_or("outlet unknown"),
                f.published.as_deref().unwrap_or("date unknown"),
                f.title
                    .as_deref()
                    .map(|t| format!(", “{t}”"))
                    .unwrap_or_default()
            )?;
            for c in &l.changes {
                writeln!(out, "  {:15} changed: “{}” → “{}”", "", c.from, c.to)?;
            }
            if let Some(s) = &l.speaker {
                writeln!(out, "  {:15} the ledger's speaker: {s}", "")?;
            }
        }
    }
    Ok(())
}

fn write_ledger(ledger: &Ledger, path: &str, source: bool) -> Result<(), String> {
    let bytes = if source || path.ends_with(".jsonl") || path.ends_with(".json") {
        ledger.to_source().into_bytes()
    } else {
        ledger.to_compiled()
    };
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
}

fn ledger_build(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["o", "output"])?;
    a.check(&["o", "output", "source", "quiet"])?;
    let out = a
        .value("o")
        .or(a.value("output"))
        .ok_or_else(|| format!("ledger build needs -o LEDGER\n{USAGE}"))?;
    if a.positional.is_empty() {
        return Err(format!("ledger build needs at least one CORPUS\n{USAGE}"));
    }
    let mut builder = Builder::new();
    for p in &a.positional {
        for doc in input::documents(Path::new(p))? {
            builder.add(Record {
                id: doc.id,
                text: doc.text,
                meta: doc.meta,
            });
        }
    }
    let quiet = a.has("quiet");
    let bar = progress_bar(builder.len() as u64, quiet);
    let (ledger, summary) = builder.build(|done, _| bar.set_position(done as u64));
    bar.finish_and_clear();
    write_ledger(&ledger, out, a.has("source"))?;
    if !quiet {
        eprintln!(
            "built {out}: {} articles, {} quotes, {} entries",
            summary.articles, summary.quotes, summary.entries
        );
    }
    Ok(())
}

fn progress_bar(len: u64, quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} articles, {per_sec}, eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

fn ledger_merge(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["o", "output"])?;
    a.check(&["o", "output", "source"])?;
    let out = a
        .value("o")
        .or(a.value("output"))
        .ok_or_else(|| format!("ledger merge needs -o LEDGER\n{USAGE}"))?;
    let ledgers = a
        .positional
        .iter()
        .map(|p| read_ledger(p))
        .collect::<Result<Vec<_>, _>>()?;
    let merged = Ledger::merge(ledgers);
    write_ledger(&merged, out, a.has("source"))?;
    eprintln!(
        "merged {} ledgers into {out}: {} entries",
        a.positional.len(),
        merged.len()
    );
    Ok(())
}

fn ledger_stats(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &[])?;
    a.check(&[])?;
    let [path] = a.positional.as_slice() else {
        return Err(format!("ledger stats needs one LEDGER\n{USAGE}"));
    };
    let ledger = read_ledger(path)?;
    // Written through a handle, not println!, so a closed pipe (`| head`) ends quietly.
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let size = std::fs::metadata(PathBuf::from(path))
        .map(|m| m.len())
        .unwrap_or(0);
    let e = ledger.entries();
    let appearances: usize = e.iter().map(|e| 1 + e.appearances.len()).sum();
    let dated = e.iter().filter(|e| e.first.published.is_some()).count();
    let with_speaker = e.iter().filter(|e| e.speaker.is_some()).count();
    let mut verdicts: std::collections::BTreeMap<&str, usize> = Default::default();
    for a in e.iter().flat_map(|e| &e.appearances) {
        *verdicts
            .entry(a.verdict.as_deref().unwrap_or("unknown"))
            .or_default() += 1;
    }
    let mut outlets: std::collections::BTreeSet<&str> = Default::default();
    for a in e
        .iter()
        .flat_map(|e| std::iter::once(&e.first).chain(&e.appearances))
    {
        outlets.insert(a.outlet.as_deref().unwrap_or("(unknown)"));
    }
    // The compiled form's version for a compiled file (its own numbering), else the source's.
    let mut head = [0u8; 12];
    let compiled = std::fs::File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
        .ok()
        .filter(|_| quotetrace::ledger::compiled::is_compiled(&head))
        .map(|_| u32::from_le_bytes([head[8], head[9], head[10], head[11]]));
    let form = match compiled {
        Some(v) => format!("compiled version {v}"),
        None => format!("version {}", quotetrace::ledger::VERSION),
    };
    let _ = writeln!(
        out,
        "ledger {path}: format {} {form}, {size} bytes",
        quotetrace::ledger::FORMAT,
    );
    let _ = writeln!(
        out,
        "  entries: {}  ({} with a speaker, {} with a dated first appearance)",
        e.len(),
        with_speaker,
        dated
    );
    let _ = writeln!(
        out,
        "  appearances: {appearances}  (later ones by verdict: {verdicts:?})"
    );
    let _ = writeln!(
        out,
        "  outlets: {}",
        outlets.into_iter().collect::<Vec<_>>().join(", ")
    );
    if !e.is_empty() {
        let _ = writeln!(
            out,
            "  bytes per entry: {:.1}",
            size as f64 / e.len() as f64
        );
    }
    Ok(())
}
