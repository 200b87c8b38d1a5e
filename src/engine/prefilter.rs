//! The prefilter: one Aho-Corasick automaton over the words that each rule
//! requires, run once over a document, picks the rules worth trying on
//! each sentence.
//!
//! A pattern requires a few sets of words (every match contains a word of
//! each set). The most selective set of each rule is its *anchor*: the
//! automaton finds the sentences where an anchor word occurs, and only there
//! are the rule's other sets checked against the sentence's words. A
//! document's cost thus grows with its text and the number of anchor hits,
//! not with the number of rules.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::document::{Document, TokenKind};
use crate::rules::Rule;

/// Maps required words to rules.
#[derive(Debug, Default)]
pub struct Prefilter {
    ac: Option<AhoCorasick>,
    /// For each automaton pattern, the entries it anchors.
    rules_of: Vec<Vec<u32>>,
    /// Entries: one per top-level alternative of each rule, with the rule's
    /// index and the alternative's other required sets.
    entries: Vec<(u32, Vec<FxHashSet<Box<str>>>)>,
    /// Rules with no required word: tried on every sentence.
    always: Vec<u32>,
}

fn searchable(kind: TokenKind) -> bool {
    !matches!(kind, TokenKind::Url | TokenKind::Code)
}

impl Prefilter {
    /// Builds the prefilter for `rules`.
    pub fn new(rules: &[Rule]) -> Prefilter {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut rules_of: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        let mut entries: Vec<(u32, Vec<FxHashSet<Box<str>>>)> = Vec::new();
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
                    .map(|s| s.iter().map(|w| w.clone().into_boxed_str()).collect())
                    .collect();
                let entry = entries.len() as u32;
                entries.push((i as u32, others));
                for w in &required[0] {
                    let p = *index.entry(w.clone()).or_insert_with(|| {
                        rules_of.push(Vec::new());
                        rules_of.len() - 1
                    });
                    if rules_of[p].last() != Some(&entry) {
                        rules_of[p].push(entry);
                    }
                }
            }
        }
        let mut keys: Vec<(String, usize)> = index.into_iter().collect();
        keys.sort_by_key(|(_, k)| *k);
        let patterns: Vec<String> = keys
            .iter()
            .flat_map(|(w, _)| [format!(" {w} "), format!(" {w}'s ")])
            .collect();
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        if ac.is_none() {
            // Without an automaton every rule is tried everywhere (still correct, only slower).
            always = (0..rules.len() as u32).collect();
            rules_of.clear();
            entries.clear();
        }
        Prefilter {
            ac,
            rules_of,
            entries,
            always,
        }
    }

    /// The (sentence, rule) pairs worth trying on `doc`, sorted, among the rules `allowed` admits.
    pub fn candidates(&self, doc: &Document, allowed: impl Fn(u32) -> bool) -> Vec<(u32, u32)> {
        let mut anchored = Vec::new();
        if let Some(ac) = &self.ac {
            // The document's matching forms, " tok tok ", hold each word between spaces.
            for m in ac.find_overlapping_iter(doc.norm_stream()) {
                let Some(tok) = doc.token_at_norm(m.start() + 1) else {
                    continue;
                };
                let sentence = doc.tokens[tok].sentence;
                // Patterns come in pairs: " word " and its possessive " word's ".
                for &e in &self.rules_of[m.pattern().as_usize() / 2] {
                    if allowed(self.entries[e as usize].0) {
                        anchored.push((sentence, e));
                    }
                }
            }
            anchored.sort_unstable();
            anchored.dedup();
        }
        // The other required sets, checked against the words of the sentence.
        let mut out = Vec::with_capacity(anchored.len());
        for (s, e) in anchored {
            let (r, others) = &self.entries[e as usize];
            let r = *r;
            if !others.is_empty() {
                let tokens = &doc.tokens[doc.sentences[s as usize].clone()];
                let present = |set: &FxHashSet<Box<str>>| {
                    tokens
                        .iter()
                        .any(|t| searchable(t.kind) && set.contains(doc.base(t)))
                };
                if !others.iter().all(present) {
                    continue;
                }
            }
            out.push((s, r));
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
