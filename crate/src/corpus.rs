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

/// The fields of a `.jsonl` line that are read; every other field (PolNeAR's gold `quotes`,
/// several times the text's size) is skipped by the parser without being built. A field that is
/// not a string counts as absent; a repeated field keeps its last value, as a JSON object would.
#[derive(Default)]
struct Line {
    id: Option<String>,
    text: Option<String>,
    file: Option<String>,
    outlet: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    publication_date: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

impl<'de> serde::Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Line, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Line;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Line, A::Error> {
                let mut line = Line::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let slot = match &*key {
                        "id" => &mut line.id,
                        "text" => &mut line.text,
                        "file" => &mut line.file,
                        "outlet" => &mut line.outlet,
                        "publisher" => &mut line.publisher,
                        "published" => &mut line.published,
                        "publication_date" => &mut line.publication_date,
                        "url" => &mut line.url,
                        "title" => &mut line.title,
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = match map.next_value::<serde_json::Value>()? {
                        serde_json::Value::String(s) => Some(s),
                        _ => None,
                    };
                }
                Ok(line)
            }
        }
        d.deserialize_map(Fields)
    }
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
                let v: Line = serde_json::from_str(line)
                    .map_err(|e| format!("{show} line {}: not JSON: {e}", i + 1))?;
                let (id, text) = match (v.text, v.file) {
                    (Some(t), _) => (
                        v.id.unwrap_or_else(|| format!("{}:{}", stem(path), i + 1)),
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
                        (v.id.unwrap_or_else(|| stem(Path::new(&f))), t)
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
                    url: v.url,
                    outlet: v.outlet.or(v.publisher),
                    published: v.published.or(v.publication_date),
                    title: v.title,
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
