//! The token program: instructions, token tests, and what a match can start with.

use std::sync::{Arc, OnceLock};

use regex::Regex;

use super::words::{Trie, WordSet};
use crate::pattern::ast::Class;
use crate::vocab::Vocab;

/// A test on one token.
#[derive(Debug)]
pub enum Pred {
    /// Any token.
    Any,
    /// A word whose matching form (or its possessive-free base) is in the set.
    Words(Arc<WordSet>),
    /// The exact text (apostrophe variants folded).
    Exact(Box<str>),
    /// A whole-token regex.
    Regex(Regex),
    /// A token class.
    Class(Class),
    /// Not the inner test.
    Not(Box<Pred>),
    /// Any of these.
    Or(Vec<Pred>),
}

/// One instruction of a token program.
#[derive(Debug, Clone, Copy)]
pub enum Inst {
    /// Consume one token that satisfies predicate `n`.
    Tok(u32),
    /// Try `a`, then `b`.
    Split(u32, u32),
    /// Go to.
    Jmp(u32),
    /// Record the position in capture slot `n`.
    Save(u32),
    /// The token at the position starts a line.
    LineStart,
    /// The token before the position ends a line.
    LineEnd,
    /// Success.
    Match,
    /// Consume one entry of word list `n` (several words possible; longest first).
    Lex(u32),
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    pub(crate) insts: Vec<Inst>,
    pub(crate) preds: Vec<Pred>,
    pub(crate) tries: Vec<Arc<Trie>>,
    /// Named captures; capture `i` uses slots `4 + 2i` and `5 + 2i`.
    pub captures: Vec<String>,
    /// Whether the pattern has a `<marker>`.
    pub has_marker: bool,
    /// Sets of words (matching form) such that every match contains a word
    /// of each set; empty when the pattern needs no particular word.
    pub required: Vec<Vec<String>>,
    /// The required sets of each top-level alternative (of each pattern of a rule).
    pub alternatives: Vec<Vec<Vec<String>>>,
    /// The tests a match's first token must pass (to skip hopeless start positions).
    pub(crate) first: First,
}

impl Program {
    /// Gives every word the program tests an id in `vocab` (added where
    /// new), so that matching compares the ids a document's tokens have in
    /// that vocabulary ([`crate::vocab::WordIds`]) instead of their text.
    /// The ids must come from this vocabulary (or one that extends it).
    pub fn bind(&self, vocab: &mut Vocab) {
        fn pred(p: &Pred, vocab: &mut Vocab) {
            match p {
                Pred::Words(set) => set.bind(vocab),
                Pred::Not(inner) => pred(inner, vocab),
                Pred::Or(ps) => ps.iter().for_each(|p| pred(p, vocab)),
                Pred::Any | Pred::Exact(_) | Pred::Regex(_) | Pred::Class(_) => {}
            }
        }
        for p in &self.preds {
            pred(p, vocab);
        }
        for t in &self.tries {
            t.bind(vocab);
        }
        // The words a match can start with, when only words can start one.
        let mut first: Vec<u32> = Vec::new();
        for &p in &self.first.preds {
            match self.preds.get(p as usize) {
                Some(Pred::Words(set)) => match set.ids() {
                    Some(ids) => first.extend_from_slice(ids),
                    None => return,
                },
                _ => return,
            }
        }
        for &l in &self.first.tries {
            match self.tries.get(l as usize).and_then(|t| t.by_id.get()) {
                Some(by_id) => first.extend(by_id.first().into_iter().flatten().map(|&(w, _)| w)),
                None => return,
            }
        }
        first.sort_unstable();
        first.dedup();
        let _ = self.first.ids.set(first.into_boxed_slice());
    }
}

/// The first token of any match passes one of these tests.
#[derive(Debug, Default)]
pub(crate) struct First {
    /// Predicates (indices into `preds`).
    pub(crate) preds: Vec<u32>,
    /// Word lists with several-word entries (indices into `tries`).
    pub(crate) tries: Vec<u32>,
    /// Any token may start a match: no filtering.
    pub(crate) any: bool,
    /// Once bound ([`Program::bind`]), when every test above is a word
    /// set or a word list: the sorted ids of the words a match can start
    /// with, so that a start is ruled in or out by its token's ids alone.
    pub(crate) ids: OnceLock<Box<[u32]>>,
}

impl First {
    /// Follows the program from its start through the instructions that consume no token.
    pub(super) fn of(insts: &[Inst], preds: &[Pred]) -> First {
        let mut first = First::default();
        let mut seen = vec![false; insts.len()];
        let mut stack = vec![0usize];
        while let Some(pc) = stack.pop() {
            if pc >= insts.len() || seen[pc] {
                continue;
            }
            seen[pc] = true;
            match insts[pc] {
                Inst::Tok(p) => match preds[p as usize] {
                    Pred::Any | Pred::Not(_) => first.any = true,
                    _ => first.preds.push(p),
                },
                Inst::Lex(l) => first.tries.push(l),
                Inst::Split(a, b) => {
                    stack.push(a as usize);
                    stack.push(b as usize);
                }
                Inst::Jmp(a) => stack.push(a as usize),
                Inst::Save(_) | Inst::LineStart | Inst::LineEnd => stack.push(pc + 1),
                Inst::Match => first.any = true,
            }
        }
        first
    }
}

impl Program {
    /// Number of capture slots.
    pub fn slots(&self) -> usize {
        4 + 2 * self.captures.len()
    }
}
