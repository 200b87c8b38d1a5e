//! The words every match of a pattern needs: the prefilter's keys.

use super::{literal, Emit, Resolved};
use crate::pattern::ast::{Node, NodeKind};
use crate::pattern::PatternError;
use crate::text::normalize::base_len;
use crate::text::tokenize::{self, TokenKind};

/// Words that make poor prefilter keys: a rule is better keyed on a rarer word.
const COMMON: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "of",
    "on", "or", "that", "the", "to", "was", "with",
];

impl Emit<'_, '_> {
    /// Words one of which must appear in any match (for the prefilter).
    /// Sets of words such that every match contains a word of each set
    /// (a conjunction of disjunctions), for the prefilter.
    pub(super) fn required(&mut self, node: &Node) -> Result<Vec<Vec<String>>, PatternError> {
        Ok(match &node.kind {
            NodeKind::Word {
                text,
                inflect,
                forms,
            } => vec![Self::word_forms(text, *inflect, forms)],
            NodeKind::Phrase(p) => tokenize::split(p)
                .into_iter()
                .filter(|(_, k)| matches!(k, TokenKind::Word | TokenKind::Number))
                .map(|(t, _)| vec![literal(t)])
                .collect(),
            NodeKind::Seq(items) => {
                let mut all = Vec::new();
                for i in items {
                    all.extend(self.required(i)?);
                }
                all
            }
            NodeKind::Alt(alts) => {
                // Any match goes through one alternative: the union of each one's best set.
                let mut union = Vec::new();
                for a in alts {
                    match best_set(self.required(a)?) {
                        Some(r) => union.extend(r),
                        None => return Ok(Vec::new()),
                    }
                }
                vec![union]
            }
            NodeKind::Repeat { node, min, .. } if *min > 0 => self.required(node)?,
            NodeKind::Capture { node, .. } | NodeKind::Marker(node) => self.required(node)?,
            NodeKind::Ref(name) => match self.resolve(name, node)? {
                Resolved::Lexicon(entries) => {
                    let (set, multi, _) = self.c.lexicon(name, entries);
                    let mut words = set.words();
                    words.extend(multi.iter().filter_map(|m| m.first().cloned()));
                    if words.is_empty() {
                        Vec::new()
                    } else {
                        vec![words.iter().map(|w| w[..base_len(w)].to_string()).collect()]
                    }
                }
                Resolved::Pattern(p) => {
                    let p = p.clone();
                    self.expanding.push(name.clone());
                    let r = self.required(&p);
                    self.expanding.pop();
                    r?
                }
            },
            _ => Vec::new(),
        })
    }
}

/// How selective a set of words is as a prefilter key (lower is better):
/// sets with a very common word come last, then larger sets, then shorter words.
fn set_score(r: &[String]) -> (bool, usize, usize) {
    let common = r.iter().any(|w| COMMON.contains(&w.as_str()));
    let shortest = r.iter().map(|w| w.len()).min().unwrap_or(0);
    (common, r.len(), usize::MAX - shortest)
}

/// The most selective of several required sets.
fn best_set(sets: Vec<Vec<String>>) -> Option<Vec<String>> {
    sets.into_iter()
        .filter(|s| !s.is_empty())
        .min_by_key(|s| set_score(s))
}

/// The required sets worth checking: the most selective first, at most
/// [`MAX_REQUIRED_SETS`], without sets of very common words unless nothing else is left.
pub(super) fn prune_sets(mut sets: Vec<Vec<String>>) -> Vec<Vec<String>> {
    sets.retain(|s| !s.is_empty());
    for s in &mut sets {
        s.sort();
        s.dedup();
    }
    sets.sort_by_key(|s| set_score(s));
    sets.dedup();
    if sets.iter().any(|s| !set_score(s).0) {
        sets.retain(|s| !set_score(s).0);
    } else {
        sets.truncate(1);
    }
    sets.truncate(MAX_REQUIRED_SETS);
    sets
}

/// The most required sets the prefilter checks for one pattern.
pub const MAX_REQUIRED_SETS: usize = 8;
