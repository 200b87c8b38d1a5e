//! Word ids: every word that a rule's prefilter, a name of the fact base or
//! a pattern needs gets a number, and each document's tokens are looked up
//! once, so that the prefilter, the name finder and the matcher compare
//! numbers, not strings.

use rustc_hash::FxHashMap;

use crate::text::{FormSink, Prose};

/// The id of a word no rule or name mentions.
pub const UNKNOWN: u32 = u32::MAX;

/// Words (matching forms) and their ids, in the order they were added.
#[derive(Debug, Clone)]
pub struct Vocab {
    ids: FxHashMap<Box<[u8]>, u32>,
    /// Words of up to 8 bytes, packed into an integer: most lookups
    /// compare one number instead of a string.
    short: ShortTable,
    /// A bit for each shape (first byte, last byte, length) of the longer
    /// words: most long tokens are ruled out without hashing the whole word.
    shapes: Box<[u64; SHAPE_WORDS]>,
    /// The ids whose tokens are listed in [`WordIds::known`] (see
    /// [`Vocab::intern_listed`]).
    listed: IdSet,
}

/// Size of the shape filter in 64-bit words (2^16 bits).
const SHAPE_WORDS: usize = 1 << 10;

impl Default for Vocab {
    fn default() -> Self {
        Vocab {
            ids: FxHashMap::default(),
            short: ShortTable::default(),
            shapes: Box::new([0; SHAPE_WORDS]),
            listed: IdSet::EMPTY,
        }
    }
}

/// A word of 1 to 8 bytes as an integer (bytes in order, zero-padded).
fn pack(b: &[u8]) -> Option<u64> {
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    // Key 0 marks an empty slot of the short table: a word of NUL bytes goes the long way.
    Some(u64::from_le_bytes(buf)).filter(|&k| k != 0)
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

/// Packed short words and their ids in an open-addressing table kept at
/// most one-eighth full, so that a lookup is one multiplication and, for
/// most words, one probe (a word no rule names usually meets an empty slot
/// at once). Key 0 marks an empty slot: no packed word is 0.
#[derive(Debug, Clone)]
struct ShortTable {
    keys: Vec<u64>,
    vals: Vec<u32>,
    shift: u32,
    len: usize,
}

impl Default for ShortTable {
    fn default() -> Self {
        ShortTable {
            keys: vec![0; 16],
            vals: vec![UNKNOWN; 16],
            shift: 64 - 4,
            len: 0,
        }
    }
}

impl ShortTable {
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, key: u64) -> u32 {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys.get(i) {
                Some(&k) if k == key => return self.vals.get(i).copied().unwrap_or(UNKNOWN),
                Some(&0) | None => return UNKNOWN,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    fn insert(&mut self, key: u64, val: u32) {
        if (self.len + 1) * 8 > self.keys.len() {
            let old: Vec<(u64, u32)> = self
                .keys
                .iter()
                .zip(&self.vals)
                .filter(|(k, _)| **k != 0)
                .map(|(k, v)| (*k, *v))
                .collect();
            let size = self.keys.len() * 2;
            *self = ShortTable {
                keys: vec![0; size],
                vals: vec![UNKNOWN; size],
                shift: 64 - size.trailing_zeros(),
                len: 0,
            };
            for (k, v) in old {
                self.insert(k, v);
            }
        }
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        if self.keys[i] == 0 {
            self.len += 1;
        }
        self.keys[i] = key;
        self.vals[i] = val;
    }
}

impl Vocab {
    /// The id of `word`, added if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word.as_bytes()) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.as_bytes().into(), id);
        match pack(word.as_bytes()) {
            Some(k) => self.short.insert(k, id),
            None => {
                if let Some((b, bit)) = shape(word.as_bytes()) {
                    self.shapes[b] |= bit;
                }
            }
        }
        id
    }

    /// The id of `word`, or [`UNKNOWN`].
    pub fn get(&self, word: &str) -> u32 {
        self.get_bytes(word.as_bytes())
    }

    /// The id of the word with these bytes (a matching form), or [`UNKNOWN`].
    #[inline]
    pub fn get_bytes(&self, word: &[u8]) -> u32 {
        if let Some(k) = pack(word) {
            return self.short.get(k);
        }
        match shape(word) {
            Some((b, bit)) if self.shapes[b] & bit != 0 => {
                self.ids.get(word).copied().unwrap_or(UNKNOWN)
            }
            _ => UNKNOWN,
        }
    }

    /// The id of the word at `buf[start..end]`, or [`UNKNOWN`]: a short
    /// word with eight bytes of `buf` from its start is read as one integer.
    #[inline(always)]
    pub fn get_in(&self, buf: &[u8], start: usize, end: usize) -> u32 {
        let len = end.wrapping_sub(start);
        if (1..=8).contains(&len) {
            if let Some(w) = buf.get(start..start + 8) {
                let x = u64::from_le_bytes(w.try_into().unwrap_or_default());
                let key = x & (u64::MAX >> (64 - 8 * len));
                if key != 0 {
                    return self.short.get(key);
                }
            }
        }
        self.get_bytes(buf.get(start..end).unwrap_or_default())
    }

    /// The id of `word`, added if new, and its tokens listed in
    /// [`WordIds::known`]: the words where the prefilter, the name finder
    /// and the checks that list their words start looking. Other words
    /// (inner words of names, words only the matcher compares, which both
    /// read by token position) get ids from [`Vocab::intern`] and do not
    /// lengthen those walks.
    pub fn intern_listed(&mut self, word: &str) -> u32 {
        let id = self.intern(word);
        self.listed.insert(id);
        id
    }

    /// Whether tokens with word `id` are listed in [`WordIds::known`].
    #[inline]
    fn is_listed(&self, id: u32) -> bool {
        self.listed.contains(id)
    }

    /// How many words it holds (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether it holds no word.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids of the tokens of `prose`.
    pub fn index(&self, prose: Prose) -> WordIds {
        let mut ids = WordIds::default();
        // Every token has an id; most start no search.
        ids.norm.reserve(prose.tokens.len());
        ids.known.reserve(prose.tokens.len() / 8);
        let mut ix = self.indexer(ids);
        let buf = prose.norm_buffer();
        for t in prose.tokens {
            let (start, end) = t.norm_range();
            ix.form(buf, start, end, t.possessive());
        }
        ix.finish()
    }

    /// An index of one text's tokens built as it is tokenized (see
    /// [`FormSink`]), in the memory of `ids` (an index
    /// no longer needed).
    pub fn indexer(&self, mut ids: WordIds) -> Indexer<'_> {
        ids.norm.clear();
        ids.base.clear();
        ids.known.clear();
        Indexer {
            vocab: self,
            ids,
            possessives: Vec::new(),
        }
    }
}

/// A vocabulary with more words added to it, shared until a word is really
/// new: a large rulebook's vocabulary is copied only when a check needs a
/// word it does not have (or needs it listed and it is not).
pub struct Extension<'a> {
    base: &'a Vocab,
    own: Option<Vocab>,
}

impl<'a> Extension<'a> {
    /// `base`, with nothing added yet.
    pub fn new(base: &'a Vocab) -> Self {
        Extension { base, own: None }
    }

    /// The id of `word`, added if new; its tokens are listed in
    /// [`WordIds::known`] when `listed` (see [`Vocab::intern_listed`]).
    pub fn intern(&mut self, word: &str, listed: bool) -> u32 {
        if self.own.is_none() {
            let id = self.base.get(word);
            if id != UNKNOWN && (!listed || self.base.is_listed(id)) {
                return id;
            }
        }
        let v = self.own.get_or_insert_with(|| self.base.clone());
        if listed {
            v.intern_listed(word)
        } else {
            v.intern(word)
        }
    }

    /// The vocabulary with the words added, when any was new (else the base serves).
    pub fn finish(self) -> Option<Vocab> {
        self.own
    }
}

/// Word ids of a document's tokens, told their forms one by one (see
/// [`Vocab::indexer`]).
pub struct Indexer<'a> {
    vocab: &'a Vocab,
    ids: WordIds,
    /// Possessive tokens and the ids of their bases.
    possessives: Vec<(usize, u32)>,
}

impl FormSink for Indexer<'_> {
    #[inline(always)]
    fn form(&mut self, buf: &[u8], start: usize, end: usize, possessive: bool) {
        let v = self.vocab;
        // This token's index: one id was written for each token before it.
        let i = self.ids.norm.len();
        // Web addresses and code have an empty matching form: no id.
        let id = v.get_in(buf, start, end);
        self.ids.norm.push(id);
        // Only possessives have a base form of their own.
        let known_here = if possessive {
            let b = v.get_in(buf, start, end - 2);
            self.possessives.push((i, b));
            v.is_listed(id) || v.is_listed(b)
        } else {
            v.is_listed(id)
        };
        if known_here {
            self.ids.known.push(i as u32);
        }
    }
}

impl Indexer<'_> {
    /// The ids of every token told.
    pub fn finish(self) -> WordIds {
        let mut ids = self.ids;
        // The base forms differ from the full ones only at possessives.
        if !self.possessives.is_empty() {
            ids.base.extend_from_slice(&ids.norm);
            for (i, b) in self.possessives {
                if let Some(slot) = ids.base.get_mut(i) {
                    *slot = b;
                }
            }
        }
        ids
    }
}

/// A set of word ids, one bit each.
#[derive(Debug, Clone, Default)]
pub struct IdSet(Vec<u64>);

impl IdSet {
    /// The empty set.
    pub const EMPTY: IdSet = IdSet(Vec::new());

    /// The set of `ids` ([`UNKNOWN`] is left out).
    pub fn of(ids: impl IntoIterator<Item = u32>) -> IdSet {
        let mut set = IdSet::EMPTY;
        for id in ids {
            set.insert(id);
        }
        set
    }

    /// Adds `id` ([`UNKNOWN`] is left out).
    pub fn insert(&mut self, id: u32) {
        if id == UNKNOWN {
            return;
        }
        let w = id as usize / 64;
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1u64 << (id % 64);
    }

    /// Whether `id` is in the set.
    #[inline]
    pub fn contains(&self, id: u32) -> bool {
        self.0
            .get(id as usize / 64)
            .is_some_and(|w| w >> (id % 64) & 1 != 0)
    }
}

/// The word ids of one document's tokens, by token index.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WordIds {
    /// Id of each token's matching form.
    pub norm: Vec<u32>,
    /// Id of each token's matching form without a possessive `'s`; empty
    /// when the document has no possessive (then it is `norm`).
    base: Vec<u32>,
    /// The indices of the tokens whose words are listed (see
    /// [`Vocab::intern_listed`]), in order: the only places the prefilter,
    /// the name finder and the checks that list their words need to look.
    pub known: Vec<u32>,
}

impl WordIds {
    /// Id of token `i`'s matching form without a possessive `'s` (its full
    /// form's id when it has none).
    #[inline]
    pub fn base(&self, i: usize) -> u32 {
        match self.base.get(i) {
            Some(&b) => b,
            None => self.norm.get(i).copied().unwrap_or(UNKNOWN),
        }
    }

    /// The ids of token `i`'s matching form and of its base ([`WordIds::base`]):
    /// the two are equal unless the token is a possessive, and a caller
    /// looks the base up only when they differ.
    #[inline]
    pub fn forms(&self, i: usize) -> (u32, u32) {
        (self.norm.get(i).copied().unwrap_or(UNKNOWN), self.base(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_table_grows_and_finds_every_word() {
        let mut v = Vocab::default();
        // Many short words (the table grows several times) and some long ones.
        let words: Vec<String> = (0..3000)
            .map(|k| match k % 3 {
                0 => format!("w{k}"),
                1 => format!("{k}x"),
                _ => format!("long-word-{k}"),
            })
            .collect();
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w)).collect();
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(v.get(w), id, "{w}");
            // Read from inside a larger buffer, as documents are, and at its very end.
            let buf = format!("{w} tail text");
            assert_eq!(v.get_in(buf.as_bytes(), 0, w.len()), id, "{w}");
            let end = format!("..{w}");
            assert_eq!(v.get_in(end.as_bytes(), 2, end.len()), id, "{w}");
        }
        // Words of NUL bytes cannot be packed (0 marks an empty slot): they go the long way.
        let nul = v.intern("\0");
        assert_eq!(v.get("\0"), nul);
        assert_eq!(v.get_in(b"\0\0 tail text", 0, 1), nul);
        assert_eq!(v.get("\0\0"), UNKNOWN);
        for absent in ["w1", "3001x", "long-word-3002", "x", "w30000", ""] {
            assert_eq!(v.get(absent), UNKNOWN, "{absent}");
        }
        // A word followed by more letters in the buffer is still itself.
        let w0 = v.get("w0");
        assert_eq!(v.get_in(b"w00", 0, 2), w0);
        assert_eq!(v.len(), 3001);
    }

    #[test]
    fn id_sets_hold_their_ids_only() {
        let set = IdSet::of([3, 64, 200, UNKNOWN]);
        for id in [3, 64, 200] {
            assert!(set.contains(id), "{id}");
        }
        for id in [0, 2, 4, 63, 65, 199, 201, 10_000, UNKNOWN] {
            assert!(!set.contains(id), "{id}");
        }
        assert!(!IdSet::EMPTY.contains(0));
    }
}
