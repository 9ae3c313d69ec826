//! quotetrace finds the quotations in news text, who they are attributed to, and where the words
//! first appeared.
//!
//! Reach for [`Engine`]: build it with a [`Ledger`] (or an empty one), then [`Engine::scan`] a
//! page's text to get its [`Finding`]s: each quotation's span, [`Kind`], [`Speaker`], cue, relay
//! (`via`) and, when the ledger knows the words, a [`Trace`] with its [`Verdict`].
//!
//! ```
//! use quotetrace::{Engine, Ledger, PageMeta, Kind};
//! let text = "ISIS-K “sees Russia as being complicit,” Michael Kugelman of the Wilson Center \
//!             said, as quoted by Reuters.";
//! let found = Engine::new(Ledger::default()).scan(text, &PageMeta::default());
//! assert_eq!(found[0].kind, Kind::Partial);
//! assert_eq!(found[0].speaker.as_ref().unwrap().name, "Michael Kugelman");
//! assert_eq!(found[0].via.as_deref(), Some("Reuters"));
//! ```
//!
//! Ledgers are built from a corpus with [`ledger::Builder`] and read from either of their two
//! forms with [`Ledger::from_bytes`].
//!
//! **Offsets.** The core works in UTF-8 **byte offsets**, half-open ([`Span`]). The CLI's JSON
//! reports Unicode code points and the wasm boundary UTF-16 units; both convert in exactly one
//! place, [`offsets::OffsetMap`].
//!
//! **Errors.** Building can fail (a malformed ledger, an unreadable corpus) with an [`Error`];
//! scanning never does.

mod attribution;
mod cast;
pub mod corpus;
pub mod cue;
mod diff;
mod document;
mod engine;
mod error;
mod finding;
pub mod html;
mod indirect;
pub mod ledger;
mod lexicon;
pub mod offsets;
mod page;
pub mod quote;
pub mod report;
mod sentences;
mod span;
pub mod speaker;
pub mod text;
mod verdict;
mod wordindex;

pub use engine::{Engine, MAX_QUOTES};
pub use error::{Error, ErrorKind};
pub use finding::{Finding, Kind, Speaker};
pub use ledger::Ledger;
pub use page::PageMeta;
pub use span::Span;
pub use verdict::{Change, Trace, Verdict};
