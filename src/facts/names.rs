//! Entity names in documents: the matching key of a name, and a trie over
//! the names' words that finds them among a document's tokens by word id.

use super::{Actor, FactBase};
use crate::text::normalize::{base_len, normalize};
use crate::text::{tokenize, Prose};
use crate::vocab::{Vocab, WordIds};

/// The matching key of a name: its tokens in matching form, one space apart,
/// without a leading "the" or a trailing possessive.
pub fn name_key(name: &str) -> String {
    let mut parts: Vec<String> = tokenize::split(name)
        .into_iter()
        .filter(|(_, k)| !matches!(k, tokenize::TokenKind::Punct))
        .map(|(t, _)| normalize(t))
        .collect();
    if parts.len() > 1 && parts[0] == "the" {
        parts.remove(0);
    }
    if let Some(last) = parts.last_mut() {
        let b = base_len(last);
        last.truncate(b);
    }
    parts.join(" ")
}

/// A name of the fact base found in a document.
#[derive(Debug, Clone)]
pub struct NameMatch<'a> {
    /// Byte span in the source.
    pub span: std::ops::Range<usize>,
    /// Token indices.
    pub tokens: std::ops::Range<usize>,
    /// The name's matching key.
    pub key: &'a str,
    /// What it may refer to.
    pub actors: &'a [Actor],
}

/// Entity names as a trie over their words' ids.
#[derive(Debug, Default)]
pub(crate) struct NameTrie {
    /// The words of the names.
    pub(crate) vocab: Vocab,
    nodes: Vec<NameNode>,
    /// The node after a name's first word, by the word's id ([`NONE`] when
    /// no name starts with it): one array read for the most frequent step.
    root: Vec<u32>,
}

/// No node.
const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
struct NameNode {
    /// The words that continue a name here and the nodes they lead to,
    /// sorted by id (most nodes have one or two).
    next: Vec<(u32, u32)>,
    /// For a node that ends a name: its key and the entities it names.
    end: Option<(String, Vec<Actor>)>,
}

impl NameTrie {
    /// The node reached from node `at` (`None`: before the first word) by word `id`, or [`NONE`].
    fn child(&self, at: Option<u32>, id: u32) -> u32 {
        match at {
            None => self.root.get(id as usize).copied().unwrap_or(NONE),
            Some(n) => {
                let next = &self.nodes[n as usize].next;
                match next.binary_search_by_key(&id, |&(w, _)| w) {
                    Ok(k) => next[k].1,
                    Err(_) => NONE,
                }
            }
        }
    }

    /// The node reached from `at` by token `j`'s word, or by its base when
    /// it has one of its own (a possessive), or [`NONE`].
    fn step(&self, at: Option<u32>, ids: &WordIds, j: usize) -> u32 {
        let (n, b) = ids.forms(j);
        match self.child(at, n) {
            NONE if b != n => self.child(at, b),
            c => c,
        }
    }

    pub(crate) fn insert(&mut self, key: &str, actors: Vec<Actor>) {
        let mut at = None;
        for w in key.split(' ') {
            // The name finder starts at the first words only.
            let id = match at {
                None => self.vocab.intern_listed(w),
                Some(_) => self.vocab.intern(w),
            };
            let mut n = self.child(at, id);
            if n == NONE {
                n = self.nodes.len() as u32;
                self.nodes.push(NameNode::default());
                match at {
                    None => {
                        if self.root.len() <= id as usize {
                            self.root.resize(id as usize + 1, NONE);
                        }
                        self.root[id as usize] = n;
                    }
                    Some(p) => {
                        let next = &mut self.nodes[p as usize].next;
                        let k = next.partition_point(|&(w, _)| w < id);
                        next.insert(k, (id, n));
                    }
                }
            }
            at = Some(n);
        }
        if let Some(n) = at {
            self.nodes[n as usize].end = Some((key.to_string(), actors));
        }
    }
}

impl FactBase {
    /// The words of the entities' names: a vocabulary that the word ids given
    /// to [`FactBase::find_names`] must extend.
    pub fn vocab(&self) -> &Vocab {
        &self.names.vocab
    }

    /// The names of entities (not demonyms) among the tokens of `doc`, longest first at each
    /// position, left to right, not overlapping, within sentences. `ids` are
    /// the tokens' ids in [`FactBase::vocab`] or a vocabulary that extends it.
    pub fn find_names<'a>(&'a self, doc: Prose, ids: &WordIds) -> Vec<NameMatch<'a>> {
        use crate::text::TokenKind;
        let mut out = Vec::new();
        if self.names.nodes.is_empty() {
            return out;
        }
        // Names are a small share of the words.
        out.reserve(doc.tokens.len() / 16);
        // A name starts at a token with an id; the next match may start after the last.
        let mut next = 0;
        for &i in &ids.known {
            let i = i as usize;
            if i < next {
                continue;
            }
            // Most words with an id start no name (they are rule words, or
            // inner words of names): ruled out by one array read by id,
            // before the token itself is read.
            let mut n = self.names.step(None, ids, i);
            if n == NONE {
                continue;
            }
            // Walk the trie from token i, word by word, within its sentence.
            let sentence = doc.tokens[i].sentence;
            let mut found: Option<(usize, &(String, Vec<Actor>))> = None;
            let mut j = i;
            loop {
                let t = &doc.tokens[j];
                if t.sentence != sentence || !matches!(t.kind, TokenKind::Word | TokenKind::Number)
                {
                    break;
                }
                if let Some(e) = &self.names.nodes[n as usize].end {
                    found = Some((j, e));
                }
                j += 1;
                if j >= doc.tokens.len() {
                    break;
                }
                n = self.names.step(Some(n), ids, j);
                if n == NONE {
                    break;
                }
            }
            if let Some((j, (key, actors))) = found {
                out.push(NameMatch {
                    span: doc.tokens[i].start()..doc.tokens[j].end(),
                    tokens: i..j + 1,
                    key,
                    actors,
                });
                next = j + 1;
            }
        }
        out
    }
}
