//! The prefilter: a table from word ids to the rules they anchor, read once
//! per token of a document, picks the rules worth trying on each sentence.
//!
//! A pattern requires a few sets of words (every match contains a word of
//! each set). The most selective set of each rule is its *anchor*: the
//! table finds the sentences where an anchor word occurs, and only there
//! are the rule's other sets checked against the sentence's words. A
//! document's cost thus grows with its text and the number of anchor hits,
//! not with the number of rules.

use rustc_hash::FxHashSet;

use crate::document::Document;
use crate::rules::Rule;
use crate::vocab::{Vocab, WordIds, UNKNOWN};

/// Maps required words to rules.
#[derive(Debug, Default)]
pub struct Prefilter {
    /// For each word id, the entries it anchors.
    anchors: Vec<Vec<u32>>,
    /// Entries: one per top-level alternative of each rule, with the rule's
    /// index and the alternative's other required sets (word ids).
    entries: Vec<(u32, Vec<FxHashSet<u32>>)>,
    /// Rules with no required word: tried on every sentence.
    always: Vec<u32>,
}

impl Prefilter {
    /// Builds the prefilter for `rules`, adding their required words to `vocab`.
    pub fn new(rules: &[Rule], vocab: &mut Vocab) -> Prefilter {
        let mut anchors: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        let mut entries: Vec<(u32, Vec<FxHashSet<u32>>)> = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let alternatives = &rule.program.alternatives;
            // An alternative that needs no particular word can match anywhere.
            if alternatives.is_empty() || alternatives.iter().any(Vec::is_empty) {
                always.push(i as u32);
                continue;
            }
            for required in alternatives {
                // `required` comes most selective first: the first set is the anchor.
                let others = required
                    .iter()
                    .skip(1)
                    .map(|s| s.iter().map(|w| vocab.intern_listed(w)).collect())
                    .collect();
                let entry = entries.len() as u32;
                entries.push((i as u32, others));
                for w in &required[0] {
                    let id = vocab.intern_listed(w) as usize;
                    if anchors.len() <= id {
                        anchors.resize(id + 1, Vec::new());
                    }
                    if anchors[id].last() != Some(&entry) {
                        anchors[id].push(entry);
                    }
                }
            }
        }
        Prefilter {
            anchors,
            entries,
            always,
        }
    }

    fn anchored(&self, id: u32) -> &[u32] {
        self.anchors.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// The (sentence, rule) pairs worth trying on `doc`, sorted, among the
    /// rules `allowed` admits; `ids` are the tokens' word ids.
    pub fn candidates(
        &self,
        doc: &Document,
        ids: &WordIds,
        allowed: impl Fn(u32) -> bool,
    ) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        // Per sentence: the entries its words anchor, and the rule words it contains.
        let mut here: Vec<u32> = Vec::new();
        let mut known: Vec<u32> = Vec::new();
        // Only tokens with an id can be rule words: walk those, sentence by sentence.
        let mut k = 0;
        while k < ids.known.len() {
            // The sentence of the next token with an id, and where it ends:
            // its other tokens with ids are those before that end (read from
            // the sorted indices, not from the tokens).
            let s = doc.tokens[ids.known[k] as usize].sentence;
            let end = doc.sentences.get(s as usize).map_or(usize::MAX, |r| r.end);
            here.clear();
            known.clear();
            while let Some(&i) = ids.known.get(k) {
                let i = i as usize;
                if i >= end {
                    break;
                }
                k += 1;
                let (n, b) = ids.forms(i);
                if n != UNKNOWN {
                    known.push(n);
                    here.extend_from_slice(self.anchored(n));
                }
                if b != n && b != UNKNOWN {
                    known.push(b);
                    here.extend_from_slice(self.anchored(b));
                }
            }
            if here.is_empty() {
                continue;
            }
            here.sort_unstable();
            here.dedup();
            for &e in &here {
                let (r, others) = &self.entries[e as usize];
                // The other required sets, checked against the sentence's rule words.
                if allowed(*r)
                    && others
                        .iter()
                        .all(|set| known.iter().any(|id| set.contains(id)))
                {
                    out.push((s, *r));
                }
            }
        }
        if !self.always.is_empty() {
            for s in 0..doc.sentences.len() as u32 {
                out.extend(self.always.iter().filter(|&&r| allowed(r)).map(|&r| (s, r)));
            }
        }
        // Several alternatives of one rule may pick the same sentence.
        out.sort_unstable();
        out.dedup();
        out
    }
}
