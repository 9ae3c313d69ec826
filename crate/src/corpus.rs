//! Reading corpora and inputs: `.txt`, `.html` and `.jsonl` files, as documents with metadata.
//!
//! A `.jsonl` line is `{"id", "text", "outlet", "published", "url", "title"}` (PolNeAR's
//! `publisher` and `publication_date` are read too), or names its text with `"file"`, a path
//! relative to the `.jsonl` file. Errors name the file, line and field.

use std::path::Path;

use crate::{html, PageMeta};

/// One document to scan or to build a ledger from.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The document's id: the `id` field, or the file name without extension.
    pub id: String,
    /// Its text, one paragraph per line.
    pub text: String,
    /// What is known of its publication.
    pub meta: PageMeta,
}

fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn field(v: &serde_json::Value, k: &str) -> Option<String> {
    v.get(k).and_then(|x| x.as_str()).map(str::to_string)
}

/// The documents in the file at `path`.
pub fn documents(path: &Path) -> Result<Vec<Doc>, String> {
    let show = path.display();
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {show}: {e}"))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => {
            let mut meta = html::meta(&raw);
            meta.id = Some(stem(path));
            Ok(vec![Doc {
                id: stem(path),
                text: html::text(&raw),
                meta,
            }])
        }
        "jsonl" | "ndjson" => {
            let mut out = Vec::new();
            for (i, line) in raw.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v: serde_json::Value = serde_json::from_str(line)
                    .map_err(|e| format!("{show} line {}: not JSON: {e}", i + 1))?;
                let (id, text) = match (field(&v, "text"), field(&v, "file")) {
                    (Some(t), _) => (
                        field(&v, "id").unwrap_or_else(|| format!("{}:{}", stem(path), i + 1)),
                        t,
                    ),
                    (None, Some(f)) => {
                        let p = path.parent().unwrap_or(Path::new(".")).join(&f);
                        let t = std::fs::read_to_string(&p).map_err(|e| {
                            format!(
                                "{show} line {}: field \"file\": cannot read {}: {e}",
                                i + 1,
                                p.display()
                            )
                        })?;
                        (field(&v, "id").unwrap_or_else(|| stem(Path::new(&f))), t)
                    }
                    (None, None) => {
                        return Err(format!(
                            "{show} line {}: field \"text\": missing (and no \"file\")",
                            i + 1
                        ))
                    }
                };
                let meta = PageMeta {
                    id: Some(id.clone()),
                    url: field(&v, "url"),
                    outlet: field(&v, "outlet").or_else(|| field(&v, "publisher")),
                    published: field(&v, "published").or_else(|| field(&v, "publication_date")),
                    title: field(&v, "title"),
                };
                out.push(Doc { id, text, meta });
            }
            Ok(out)
        }
        _ => Ok(vec![Doc {
            id: stem(path),
            text: raw,
            meta: PageMeta {
                id: Some(stem(path)),
                ..Default::default()
            },
        }]),
    }
}
