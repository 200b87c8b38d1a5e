//! The prefilter: one Aho-Corasick automaton over the words that each rule
//! requires, run once over a document, picks the rules worth trying on
//! each sentence. A document's cost thus grows with its text and the
//! number of hits, not with the number of rules.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::document::{Document, TokenKind};
use crate::rules::Rule;

/// Maps required words to rules.
#[derive(Debug, Default)]
pub struct Prefilter {
    ac: Option<AhoCorasick>,
    /// For each automaton pattern, the rules that require it.
    rules_of: Vec<Vec<u32>>,
    /// Rules with no required word: tried on every sentence.
    always: Vec<u32>,
}

impl Prefilter {
    /// Builds the prefilter for `rules`.
    pub fn new(rules: &[Rule]) -> Prefilter {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut rules_of: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            match &rule.program.required {
                Some(words) if !words.is_empty() && words.iter().all(|w| !w.is_empty()) => {
                    for w in words {
                        let k = *index.entry(w.clone()).or_insert_with(|| {
                            rules_of.push(Vec::new());
                            rules_of.len() - 1
                        });
                        if rules_of[k].last() != Some(&(i as u32)) {
                            rules_of[k].push(i as u32);
                        }
                    }
                }
                _ => always.push(i as u32),
            }
        }
        let mut keys: Vec<(String, usize)> = index.into_iter().collect();
        keys.sort_by_key(|(_, k)| *k);
        let patterns: Vec<String> = keys.iter().map(|(w, _)| format!(" {w} ")).collect();
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
        }
        Prefilter {
            ac,
            rules_of,
            always,
        }
    }

    /// The (sentence, rule) pairs worth trying on `doc`, sorted, among the rules `allowed` admits.
    pub fn candidates(&self, doc: &Document, allowed: impl Fn(u32) -> bool) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        if let Some(ac) = &self.ac {
            // " tok tok tok ": each token's possessive-free matching form between spaces.
            let mut stream = String::with_capacity(doc.tokens.len() * 8);
            let mut starts = Vec::with_capacity(doc.tokens.len());
            let mut owners = Vec::with_capacity(doc.tokens.len());
            stream.push(' ');
            for (i, t) in doc.tokens.iter().enumerate() {
                if matches!(t.kind, TokenKind::Url | TokenKind::Code) {
                    continue;
                }
                starts.push(stream.len());
                owners.push(i);
                stream.push_str(doc.base(t));
                stream.push(' ');
            }
            for m in ac.find_overlapping_iter(&stream) {
                let at = m.start() + 1;
                let k = starts.partition_point(|&s| s < at);
                let Some(&tok) = owners.get(k) else { continue };
                let sentence = doc.tokens[tok].sentence;
                for &r in &self.rules_of[m.pattern().as_usize()] {
                    if allowed(r) {
                        out.push((sentence, r));
                    }
                }
            }
        }
        if !self.always.is_empty() {
            for s in 0..doc.sentences.len() as u32 {
                out.extend(self.always.iter().filter(|&&r| allowed(r)).map(|&r| (s, r)));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
