//! The one place where byte offsets become code points or UTF-16 units.

/// The unit an offset is reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (the core's own unit).
    Byte,
    /// Unicode scalar values: Python string indices, the CLI's JSON.
    CodePoint,
    /// UTF-16 code units: JavaScript string indices, the wasm boundary.
    Utf16,
}

/// One non-ASCII character: where it starts and how wide it is in each unit.
#[derive(Debug, Clone, Copy)]
struct Mark {
    byte: usize,
    chars: usize,
    units: usize,
    width8: usize,
    width16: usize,
}

impl Mark {
    fn at(&self, unit: Unit) -> usize {
        match unit {
            Unit::Byte => self.byte,
            Unit::CodePoint => self.chars,
            Unit::Utf16 => self.units,
        }
    }

    fn width(&self, unit: Unit) -> usize {
        match unit {
            Unit::Byte => self.width8,
            Unit::CodePoint => 1,
            Unit::Utf16 => self.width16,
        }
    }
}

/// Converts offsets of one text between bytes, code points and UTF-16 units.
///
/// Built once per document in O(n), storing one record per non-ASCII character (nothing for ASCII
/// text, where all three units agree); each conversion is a binary search, O(log n).
#[derive(Debug, Clone)]
pub struct OffsetMap {
    marks: Vec<Mark>,
    len: [usize; 3],
}

/// The first offset at or after `from` whose byte is not ASCII. Reads eight bytes at a time
/// (their high bits), so the scan's cost does not hang on whether the compiler vectorises a byte
/// loop.
fn next_non_ascii(b: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let high = u64::from_le_bytes(w) & HIGH;
        if high != 0 {
            return Some(i + high.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&x| x >= 0x80).map(|k| i + k)
}

fn slot(unit: Unit) -> usize {
    match unit {
        Unit::Byte => 0,
        Unit::CodePoint => 1,
        Unit::Utf16 => 2,
    }
}

impl OffsetMap {
    /// Indexes `text`.
    ///
    /// Reads bytes, not chars: only a non-ASCII char's lead byte is looked at (its width in UTF-8
    /// says its width in UTF-16: four bytes are a surrogate pair), and the offsets before it in
    /// code points and units are its byte offset less the extra bytes of the marks before it.
    pub fn new(text: &str) -> OffsetMap {
        let b = text.as_bytes();
        let mut marks = Vec::new();
        // Bytes beyond one per char, and beyond one per UTF-16 unit, so far.
        let (mut extra8, mut extra16) = (0usize, 0usize);
        let mut i = 0;
        while let Some(byte) = next_non_ascii(b, i) {
            let width8 = match b[byte] {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            let width16 = if width8 == 4 { 2 } else { 1 };
            marks.push(Mark {
                byte,
                chars: byte - extra8,
                units: byte - extra16,
                width8,
                width16,
            });
            extra8 += width8 - 1;
            extra16 += width8 - width16;
            i = byte + width8;
        }
        OffsetMap {
            marks,
            len: [text.len(), text.len() - extra8, text.len() - extra16],
        }
    }

    /// The text's length in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        self.len[slot(unit)]
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len[0] == 0
    }

    /// Converts `offset` from unit `from` to unit `to`. Offsets past the end clamp to the end; an
    /// offset inside a multi-unit character rounds down to that character's start.
    pub fn convert(&self, offset: usize, from: Unit, to: Unit) -> usize {
        let offset = offset.min(self.len[slot(from)]);
        if from == to {
            return offset;
        }
        let i = self.marks.partition_point(|m| m.at(from) < offset);
        if i < self.marks.len() && self.marks[i].at(from) == offset {
            return self.marks[i].at(to);
        }
        let Some(m) = i.checked_sub(1).map(|j| &self.marks[j]) else {
            return offset; // only ASCII before `offset`
        };
        let past = offset - m.at(from);
        if past < m.width(from) {
            return m.at(to); // inside this character
        }
        // After the character, everything up to the next mark is ASCII: one unit per char.
        m.at(to) + m.width(to) + (past - m.width(from))
    }

    /// Byte offset to code points.
    pub fn chars(&self, byte: usize) -> usize {
        self.convert(byte, Unit::Byte, Unit::CodePoint)
    }

    /// Byte offset to UTF-16 units.
    pub fn utf16(&self, byte: usize) -> usize {
        self.convert(byte, Unit::Byte, Unit::Utf16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The naive reference: count by walking the string.
    fn naive(text: &str, byte: usize, to: Unit) -> usize {
        let s = &text[..byte];
        match to {
            Unit::Byte => byte,
            Unit::CodePoint => s.chars().count(),
            Unit::Utf16 => s.encode_utf16().count(),
        }
    }

    #[test]
    fn offsets010_agree_with_naive_on_mixed_text() {
        let text = "a “b” — 😀 c’d «e» 「f」 z";
        let map = OffsetMap::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for unit in [Unit::CodePoint, Unit::Utf16] {
                let got = map.convert(byte, Unit::Byte, unit);
                assert_eq!(got, naive(text, byte, unit), "byte {byte} {unit:?}");
                assert_eq!(
                    map.convert(got, unit, Unit::Byte),
                    byte,
                    "back from {got} {unit:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn offsets020_roundtrip(text in "\\PC{0,40}") {
            let map = OffsetMap::new(&text);
            for (byte, _) in text.char_indices() {
                for unit in [Unit::CodePoint, Unit::Utf16] {
                    let got = map.convert(byte, Unit::Byte, unit);
                    proptest::prop_assert_eq!(got, naive(&text, byte, unit));
                    proptest::prop_assert_eq!(map.convert(got, unit, Unit::Byte), byte);
                }
            }
            proptest::prop_assert_eq!(map.len(Unit::CodePoint), text.chars().count());
            proptest::prop_assert_eq!(map.len(Unit::Utf16), text.encode_utf16().count());
        }
    }
}
