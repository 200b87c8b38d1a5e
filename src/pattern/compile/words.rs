//! Word sets and tries: the words a token test accepts, in matching form,
//! and once bound to a vocabulary, as ids.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::vocab::Vocab;

/// A set of words in matching form. Once its program is bound to a
/// rulebook's vocabulary ([`super::Program::bind`]), it also holds its words' ids
/// and is tested with a token's id instead of its text.
#[derive(Debug, Default)]
pub struct WordSet {
    small: Vec<Box<str>>,
    large: FxHashSet<Box<str>>,
    ids: OnceLock<Box<[u32]>>,
}

impl WordSet {
    pub(super) fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        let mut all: Vec<Box<str>> = words.into_iter().map(String::into_boxed_str).collect();
        all.sort();
        all.dedup();
        if all.len() <= 8 {
            WordSet {
                small: all,
                large: FxHashSet::default(),
                ids: OnceLock::new(),
            }
        } else {
            WordSet {
                small: Vec::new(),
                large: all.into_iter().collect(),
                ids: OnceLock::new(),
            }
        }
    }

    /// Gives the words ids in `vocab` (added where new); a set already bound keeps its ids.
    pub(super) fn bind(&self, vocab: &mut Vocab) {
        if self.ids.get().is_some() {
            return;
        }
        let mut ids: Vec<u32> = self
            .small
            .iter()
            .chain(self.large.iter())
            .map(|w| vocab.intern(w))
            .collect();
        ids.sort_unstable();
        let _ = self.ids.set(ids.into());
    }

    /// The words' ids, sorted, once bound.
    pub fn ids(&self) -> Option<&[u32]> {
        self.ids.get().map(|b| &**b)
    }

    /// Whether the set holds no word.
    pub fn is_empty(&self) -> bool {
        self.small.is_empty() && self.large.is_empty()
    }

    /// Whether `w` is in the set.
    pub fn contains(&self, w: &str) -> bool {
        if self.large.is_empty() {
            self.small.iter().any(|s| &**s == w)
        } else {
            self.large.contains(w)
        }
    }

    pub(super) fn words(&self) -> Vec<String> {
        self.small
            .iter()
            .chain(self.large.iter())
            .map(|s| s.to_string())
            .collect()
    }
}

/// A word list with entries of several words, as a trie over matching forms:
/// at a position, all entries that start there are found in one walk.
#[derive(Debug, Default)]
pub struct Trie {
    nodes: Vec<TrieNode>,
    /// Once bound ([`super::Program::bind`]): each node's children by word id, sorted.
    pub(super) by_id: OnceLock<Vec<Vec<(u32, u32)>>>,
}

#[derive(Debug, Default)]
struct TrieNode {
    next: FxHashMap<Box<str>, u32>,
    end: bool,
}

impl Trie {
    pub(super) fn new(entries: &[Vec<String>]) -> Trie {
        let mut t = Trie {
            nodes: vec![TrieNode::default()],
            by_id: OnceLock::new(),
        };
        for e in entries {
            let mut n = 0usize;
            for w in e {
                n = match t.nodes[n].next.get(w.as_str()) {
                    Some(&c) => c as usize,
                    None => {
                        t.nodes.push(TrieNode::default());
                        let c = t.nodes.len() - 1;
                        t.nodes[n].next.insert(w.clone().into_boxed_str(), c as u32);
                        c
                    }
                };
            }
            t.nodes[n].end = true;
        }
        t
    }

    /// Gives the words ids in `vocab` (added where new); a trie already bound keeps its ids.
    pub(super) fn bind(&self, vocab: &mut Vocab) {
        if self.by_id.get().is_some() {
            return;
        }
        let by_id = self
            .nodes
            .iter()
            .map(|n| {
                let mut next: Vec<(u32, u32)> =
                    n.next.iter().map(|(w, &c)| (vocab.intern(w), c)).collect();
                next.sort_unstable();
                next
            })
            .collect();
        let _ = self.by_id.set(by_id);
    }

    /// The child of node `n` by word `id` (bound tries only).
    fn child_by_id(by_id: &[Vec<(u32, u32)>], n: usize, id: u32) -> Option<usize> {
        let next = by_id.get(n)?;
        next.binary_search_by_key(&id, |&(w, _)| w)
            .ok()
            .map(|k| next[k].1 as usize)
    }

    /// Like [`Trie::starts_with`], by the token's ids (`base`: the id of its
    /// possessive-free base, or the form's own id when it has none); `None`
    /// when the trie is not bound.
    pub fn starts_with_id(&self, norm: u32, base: u32) -> Option<bool> {
        let by_id = self.by_id.get()?;
        Some(
            Self::child_by_id(by_id, 0, norm).is_some()
                || (base != norm && Self::child_by_id(by_id, 0, base).is_some()),
        )
    }

    /// Like [`Trie::ends`], by the tokens' ids (`(form, base)` as in
    /// [`Trie::starts_with_id`]); false when the trie is not bound.
    pub fn ends_by_id(&self, ids: impl Iterator<Item = (u32, u32)>, out: &mut Vec<usize>) -> bool {
        let Some(by_id) = self.by_id.get() else {
            return false;
        };
        out.clear();
        let mut n = 0usize;
        for (len, (norm, base)) in (1..).zip(ids) {
            let next = Self::child_by_id(by_id, n, norm).or_else(|| {
                (base != norm)
                    .then(|| Self::child_by_id(by_id, n, base))
                    .flatten()
            });
            let Some(c) = next else {
                break;
            };
            n = c;
            if self.nodes[n].end {
                out.push(len);
            }
        }
        true
    }

    /// Whether some entry starts with this word (matching form or base; a
    /// base as long as the form is the form itself, not looked up twice).
    pub fn starts_with(&self, norm: &str, base: &str) -> bool {
        self.nodes.first().is_some_and(|n| {
            n.next.contains_key(norm) || (base.len() != norm.len() && n.next.contains_key(base))
        })
    }

    /// The lengths (in tokens, ascending) of the entries that match at `pos`,
    /// given each token's matching form and possessive-free base.
    pub fn ends<'a>(&self, forms: impl Iterator<Item = (&'a str, &'a str)>, out: &mut Vec<usize>) {
        out.clear();
        let mut n = 0usize;
        let mut len = 0;
        for (norm, base) in forms {
            let node = &self.nodes[n];
            let by_base = || {
                (base.len() != norm.len())
                    .then(|| node.next.get(base))
                    .flatten()
            };
            let Some(&c) = node.next.get(norm).or_else(by_base) else {
                break;
            };
            n = c as usize;
            len += 1;
            if self.nodes[n].end {
                out.push(len);
            }
        }
    }
}
