//! The crate's one error type.
//!
//! Building can fail (a malformed ledger, an unreadable corpus); scanning never does. Whether an
//! error occurs never depends on the text being scanned: no quote is an empty result, not an error.

use std::fmt;

/// What went wrong, without the details (those are in the message).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A ledger (source JSON or compiled form) is malformed: the message names the entry and field.
    Ledger,
    /// A ledger was written by an incompatible version of the format.
    Version,
    /// A corpus record or input file could not be read or parsed.
    Input,
    /// An I/O error, with the path involved.
    Io,
}

/// An error from building a ledger or reading input. Messages are lowercase and name the values
/// involved, e.g. `ledger line 3, entry "q1f2": field "speaker.name": expected a string`.
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
