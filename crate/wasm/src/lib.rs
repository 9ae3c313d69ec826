//! The wasm-bindgen boundary of quotetrace: the only code that touches JavaScript.
//!
//! One [`Engine`] object, built from ledger bytes (either form); `scan(text, meta)` returns the
//! findings as plain JS objects with **UTF-16 offsets** (JS string indices). Errors cross as real
//! JS `Error`s; a panic is reported through `console.error` by the panic hook and leaves the
//! engine unusable rather than silently wrong (the service worker then rebuilds it).

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use quotetrace::offsets::Unit;
use quotetrace::{report, Ledger, PageMeta};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export interface PageMetaInput { url?: string | null; outlet?: string | null; published?: string | null; title?: string | null; id?: string | null }
export interface Span16 { start: number; end: number }
export interface SpeakerOut extends Span16 { name: string; role: string | null; org: string | null }
export interface CueOut extends Span16 { text: string }
export interface LedgerOut {
  verdict: "original" | "verbatim" | "excerpt" | "altered" | "misattributed" | "unquoted";
  entry: string;
  first: { outlet: string | null; published: string | null; url: string | null; title: string | null };
  changes: { from: string; to: string }[];
  appearances: AppearanceOut[];
  speaker?: string;
}
export interface QuoteOut extends Span16 {
  text: string; kind: "direct" | "partial" | "indirect" | "unquoted";
  speaker: SpeakerOut | null; cue: CueOut | null; via: string | null; ledger: LedgerOut | null;
  clause?: Span16;
}
export interface ScanResult { quotes: QuoteOut[] }
export interface AppearanceOut { outlet: string | null; published: string | null; url: string | null; title: string | null; verdict: string | null }
export interface EngineInfo { entries: number; personalEntries: number; version: number; format: string }
"#;

/// Page metadata as JS passes it: every field optional.
#[derive(Debug, Default, Deserialize)]
struct MetaIn {
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    id: Option<String>,
}

#[derive(Serialize)]
struct ScanOut {
    quotes: Vec<report::QuoteReport>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InfoOut {
    entries: usize,
    personal_entries: usize,
    version: u32,
    format: &'static str,
}

/// Reads optional page metadata from JS.
fn page_meta(meta: JsValue) -> Result<PageMeta, JsError> {
    let m: MetaIn = if meta.is_undefined() || meta.is_null() {
        MetaIn::default()
    } else {
        serde_wasm_bindgen::from_value(meta)
            .map_err(|e| JsError::new(&format!("bad page metadata: {e}")))?
    };
    Ok(PageMeta {
        id: m.id,
        url: m.url,
        outlet: m.outlet,
        published: m.published,
        title: m.title,
    })
}

/// Installs the panic hook once: a panic becomes a `console.error` with its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Ledger bytes written straight into wasm memory as they arrive from a stream: one copy, and no
/// JS buffer of the whole file (`response.arrayBuffer()` then `new Engine(bytes)` copied the
/// bytes twice, the second time all at once after the last byte came). Give it to
/// [`Engine::from_buffer`].
#[wasm_bindgen]
#[derive(Default)]
pub struct LedgerBuffer {
    bytes: Vec<u8>,
}

#[wasm_bindgen]
impl LedgerBuffer {
    /// An empty buffer with room for `capacity` bytes (the file's size, when known).
    #[wasm_bindgen(constructor)]
    pub fn new(capacity: usize) -> LedgerBuffer {
        LedgerBuffer {
            bytes: Vec::with_capacity(capacity),
        }
    }

    /// Adds `n` bytes (zeros) at the end and returns their byte offset in the module's memory:
    /// the caller copies the next `n` bytes of the file there, before any other call into the
    /// module (a call may move the buffer).
    pub fn grow(&mut self, n: usize) -> usize {
        let len = self.bytes.len();
        self.bytes.resize(len + n, 0);
        self.bytes[len..].as_ptr() as usize
    }

    /// The bytes written so far.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.bytes.len()
    }
}

/// The quotetrace engine with one ledger.
#[wasm_bindgen]
pub struct Engine {
    inner: quotetrace::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// Builds the engine from ledger bytes (compiled or source form; empty bytes for no ledger).
    /// Throws an `Error` naming the line or byte and field at fault on a malformed ledger. The
    /// bytes are copied into wasm memory once and kept: a compiled ledger's entries are decoded
    /// from them when a quote traces to one.
    #[wasm_bindgen(constructor)]
    pub fn new(ledger: Vec<u8>) -> Result<Engine, JsError> {
        let ledger = if ledger.is_empty() {
            Ledger::default()
        } else {
            Ledger::from_vec(ledger).map_err(|e| JsError::new(&e.to_string()))?
        };
        Ok(Engine {
            inner: quotetrace::Engine::new(ledger),
        })
    }

    /// Builds the engine from the ledger bytes streamed into `buffer` (consumed: the engine
    /// keeps its bytes, no copy). Throws like the constructor.
    #[wasm_bindgen(js_name = fromBuffer)]
    pub fn from_buffer(buffer: LedgerBuffer) -> Result<Engine, JsError> {
        Engine::new(buffer.bytes)
    }

    /// Replaces the personal ledger with `bytes` (either form; empty bytes clear it). Throws on a
    /// malformed ledger, leaving the current one in place.
    #[wasm_bindgen(js_name = setPersonal)]
    pub fn set_personal(&mut self, bytes: Vec<u8>) -> Result<(), JsError> {
        let l = if bytes.is_empty() {
            Ledger::default()
        } else {
            Ledger::from_vec(bytes).map_err(|e| JsError::new(&e.to_string()))?
        };
        self.inner.set_personal(l);
        Ok(())
    }

    /// Merges a ledger file (either form) into the personal ledger; returns its new entry count.
    /// Throws on a malformed file, leaving the personal ledger unchanged.
    #[wasm_bindgen(js_name = importLedger)]
    pub fn import_ledger(&mut self, bytes: &[u8]) -> Result<usize, JsError> {
        let other = Ledger::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        let merged = Ledger::merge(vec![self.inner.personal().clone(), other]);
        let n = merged.len();
        self.inner.set_personal(merged);
        Ok(n)
    }

    /// Records this page's quotations in the personal ledger ("learn as I read"); returns how
    /// many were recorded.
    pub fn learn(
        &mut self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "PageMetaInput | undefined")] meta: JsValue,
    ) -> Result<usize, JsError> {
        let page = page_meta(meta)?;
        Ok(self.inner.learn(text, &page))
    }

    /// The personal ledger in its source form (JSON Lines), the same format as the bundled one.
    #[wasm_bindgen(js_name = exportPersonal)]
    pub fn export_personal(&self) -> String {
        self.inner.personal().to_source()
    }

    /// The personal ledger in its compiled form, for storage.
    #[wasm_bindgen(js_name = personalBytes)]
    pub fn personal_bytes(&self) -> Vec<u8> {
        self.inner.personal().to_compiled()
    }

    /// Scans `text` with optional page metadata; offsets in the result are UTF-16 units.
    #[wasm_bindgen(unchecked_return_type = "ScanResult")]
    pub fn scan(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "PageMetaInput | undefined")] meta: JsValue,
    ) -> Result<JsValue, JsError> {
        let page = page_meta(meta)?;
        let found = self.inner.scan(text, &page);
        let out = ScanOut {
            quotes: report::quotes(text, &found, Unit::Utf16),
        };
        out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The ledger's size and format version.
    #[wasm_bindgen(unchecked_return_type = "EngineInfo")]
    pub fn info(&self) -> Result<JsValue, JsError> {
        let out = InfoOut {
            entries: self.inner.ledger().len(),
            personal_entries: self.inner.personal().len(),
            version: quotetrace::ledger::VERSION,
            format: quotetrace::ledger::FORMAT,
        };
        out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }
}
