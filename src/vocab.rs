//! Word ids: every word that a rule's prefilter or a name of the fact base
//! needs gets a number, and each document's tokens are looked up once, so
//! that the prefilter and the name finder compare numbers, not strings.

use rustc_hash::FxHashMap;

use crate::document::Document;

/// The id of a word no rule or name mentions.
pub const UNKNOWN: u32 = u32::MAX;

/// Words (matching forms) and their ids, in the order they were added.
#[derive(Debug, Clone)]
pub struct Vocab {
    ids: FxHashMap<Box<[u8]>, u32>,
    /// Words of up to 8 bytes, packed into an integer: most lookups
    /// hash and compare one number instead of a string.
    short: FxHashMap<u64, u32>,
    /// A bit for each word shape (first byte, last byte, length) in the
    /// vocabulary: most tokens are ruled out without hashing the whole word.
    shapes: Box<[u64; SHAPE_WORDS]>,
}

/// Size of the shape filter in 64-bit words (2^16 bits).
const SHAPE_WORDS: usize = 1 << 10;

impl Default for Vocab {
    fn default() -> Self {
        Vocab {
            ids: FxHashMap::default(),
            short: FxHashMap::default(),
            shapes: Box::new([0; SHAPE_WORDS]),
        }
    }
}

/// A word of 1 to 8 bytes as an integer (bytes in order, zero-padded).
fn pack(b: &[u8]) -> Option<u64> {
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    Some(b.iter().rev().fold(0u64, |v, &c| (v << 8) | u64::from(c)))
}

/// The word's shape bit: its position in the filter (word index, bit).
fn shape(b: &[u8]) -> Option<(usize, u64)> {
    let (&first, &last) = (b.first()?, b.last()?);
    let h = (first as u32)
        .wrapping_mul(0x9E37_79B1)
        .wrapping_add((last as u32).wrapping_mul(0x85EB_CA77))
        .wrapping_add((b.len() as u32).wrapping_mul(0xC2B2_AE3D));
    let bit = (h >> 16) as usize & (SHAPE_WORDS * 64 - 1);
    Some((bit / 64, 1u64 << (bit % 64)))
}

impl Vocab {
    /// The id of `word`, added if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word.as_bytes()) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.as_bytes().into(), id);
        if let Some(k) = pack(word.as_bytes()) {
            self.short.insert(k, id);
        }
        if let Some((b, bit)) = shape(word.as_bytes()) {
            self.shapes[b] |= bit;
        }
        id
    }

    /// The id of `word`, or [`UNKNOWN`].
    pub fn get(&self, word: &str) -> u32 {
        self.get_bytes(word.as_bytes())
    }

    /// The id of the word with these bytes (a matching form), or [`UNKNOWN`].
    pub fn get_bytes(&self, word: &[u8]) -> u32 {
        match shape(word) {
            Some((b, bit)) if self.shapes[b] & bit != 0 => match pack(word) {
                Some(k) => self.short.get(&k).copied().unwrap_or(UNKNOWN),
                None => self.ids.get(word).copied().unwrap_or(UNKNOWN),
            },
            _ => UNKNOWN,
        }
    }

    /// How many words it holds (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether it holds no word.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids of `doc`'s tokens.
    pub fn index(&self, doc: &Document) -> WordIds {
        // Most tokens are no word of the vocabulary: only the others are written.
        let mut norm = vec![UNKNOWN; doc.tokens.len()];
        let mut known = Vec::new();
        let mut possessives = Vec::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            // Web addresses and code have an empty matching form: no id.
            let form = doc.norm_bytes(t);
            let id = self.get_bytes(form);
            // Only possessives have a base form of their own.
            let base_len = t.base_len() as usize;
            let base = if base_len == form.len() {
                id
            } else {
                let b = self.get_bytes(&form[..base_len]);
                possessives.push((i, b));
                b
            };
            if id != UNKNOWN || base != UNKNOWN {
                norm[i] = id;
                known.push(i as u32);
            }
        }
        let mut base = norm.clone();
        for (i, b) in possessives {
            base[i] = b;
        }
        WordIds { norm, base, known }
    }
}

/// The word ids of one document's tokens, by token index.
#[derive(Debug, Default)]
pub struct WordIds {
    /// Id of each token's matching form.
    pub norm: Vec<u32>,
    /// Id of each token's matching form without a possessive `'s` (the same id when it has none).
    pub base: Vec<u32>,
    /// The indices of the tokens with an id, in order: the only places the
    /// prefilter and the name finder need to look.
    pub known: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_get_the_ids_of_their_forms() {
        let mut v = Vocab::default();
        let haftar = v.intern("haftar");
        let forces = v.intern("forces");
        assert_eq!(v.intern("haftar"), haftar);
        let doc = Document::from_text("Haftar’s forces and HAFTAR left");
        let ids = v.index(&doc);
        assert_eq!(ids.norm[0], UNKNOWN);
        assert_eq!(ids.base[0], haftar);
        assert_eq!(ids.norm[1], forces);
        assert_eq!((ids.norm[3], ids.base[3]), (haftar, haftar));
        assert_eq!(ids.known, [0, 1, 3]);
        assert_eq!(ids.norm[4], UNKNOWN);
        assert_eq!(v.get("haftars"), UNKNOWN);
        let long = v.intern("international");
        assert_eq!(v.get("international"), long);
        assert_eq!(v.get("internationals"), UNKNOWN);
        assert_eq!(v.get("haft"), UNKNOWN);
        assert_eq!(v.get(""), UNKNOWN);
    }
}
