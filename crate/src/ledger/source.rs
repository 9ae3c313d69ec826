//! The ledger's source form: JSON Lines, a header then one entry per line.

use serde::{Deserialize, Serialize};

use super::{Entry, FORMAT, VERSION};
use crate::error::{Error, ErrorKind};

/// The first line of a source ledger.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    /// Number of entry lines that follow (checked on reading: a truncated file is refused).
    entries: usize,
}

/// Writes entries as the source form.
pub fn write(entries: &[Entry]) -> String {
    let mut out = serde_json::to_string(&Header {
        format: FORMAT.into(),
        version: VERSION,
        entries: entries.len(),
    })
    .expect("a header serializes");
    out.push('\n');
    for e in entries {
        out.push_str(&serde_json::to_string(e).expect("an entry serializes"));
        out.push('\n');
    }
    out
}

/// Reads the source form. Errors name the line, the entry id when it could be read, and the
/// field at fault: `ledger line 3, entry "ab12…": first.published: invalid type: integer …`.
pub fn read(text: &str) -> Result<Vec<Entry>, Error> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, head)) = lines.next() else {
        return Err(Error::new(
            ErrorKind::Ledger,
            "ledger is empty: expected a header line",
        ));
    };
    let header: serde_json::Value = serde_json::from_str(head).map_err(|e| {
        Error::new(
            ErrorKind::Ledger,
            format!("ledger line 1: the header is not JSON: {e}"),
        )
    })?;
    let format = header.get("format").and_then(|v| v.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(Error::new(
            ErrorKind::Ledger,
            format!("ledger line 1: field \"format\" is {format:?}, expected {FORMAT:?}"),
        ));
    }
    let version = header.get("version").and_then(|v| v.as_u64());
    if version != Some(u64::from(VERSION)) {
        return Err(Error::new(
            ErrorKind::Version,
            format!("ledger line 1: format version {} is not supported (this build reads version {VERSION})", header.get("version").map_or("missing".into(), |v| v.to_string())),
        ));
    }
    let header: Header = serde_json::from_value(header)
        .map_err(|e| Error::new(ErrorKind::Ledger, format!("ledger line 1: header: {e}")))?;
    let mut entries = Vec::with_capacity(header.entries);
    let mut ids = std::collections::HashSet::new();
    for (i, line) in lines {
        let n = i + 1;
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            Error::new(ErrorKind::Ledger, format!("ledger line {n}: not JSON: {e}"))
        })?;
        let id = value
            .get("id")
            .and_then(|v| v.as_str())
            .map_or_else(|| "?".to_string(), str::to_string);
        let entry: Entry = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let field = if path == "." {
                String::new()
            } else {
                format!("field \"{path}\": ")
            };
            Error::new(
                ErrorKind::Ledger,
                format!("ledger line {n}, entry {id:?}: {field}{}", e.into_inner()),
            )
        })?;
        if entry.text.trim().is_empty() {
            return Err(Error::new(
                ErrorKind::Ledger,
                format!("ledger line {n}, entry {id:?}: field \"text\": is empty"),
            ));
        }
        if !ids.insert(entry.id.clone()) {
            return Err(Error::new(
                ErrorKind::Ledger,
                format!("ledger line {n}, entry {id:?}: field \"id\": duplicate id"),
            ));
        }
        entries.push(entry);
    }
    if entries.len() != header.entries {
        return Err(Error::new(
            ErrorKind::Ledger,
            format!(
                "ledger is truncated or padded: the header says {} entries, the file has {}",
                header.entries,
                entries.len()
            ),
        ));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let e = Entry {
            id: "a1".into(),
            text: "We are ready.".into(),
            ..Default::default()
        };
        write(&[e])
    }

    #[test]
    fn source010_roundtrip() {
        let s = sample();
        assert_eq!(read(&s).unwrap()[0].text, "We are ready.");
    }

    #[test]
    fn source020_errors_name_line_entry_and_field() {
        let s = sample().replace("\"published\":null", "\"published\":3");
        let err = read(&s).unwrap_err().to_string();
        assert!(
            err.contains("ledger line 2")
                && err.contains("\"a1\"")
                && err.contains("first.published"),
            "{err}"
        );
        let err = read(&sample().replace("\"version\":1", "\"version\":7")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Version);
        assert!(err.to_string().contains("version 7"), "{err}");
        let err = read(&sample().replace("\"entries\":1", "\"entries\":2"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("truncated"), "{err}");
        let err = read(&sample().replace("\"text\":\"We are ready.\"", "\"txt\":\"x\""))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("ledger line 2") && err.contains("txt"),
            "{err}"
        );
    }
}
